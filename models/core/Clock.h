#pragma once

#include <QDateTime>

namespace ops {

// Wall-clock time, injectable so that anything time-based can be tested without sleeping.
// Production code takes a `const Clock &` and defaults to Clock::system().
class Clock
{
public:
    virtual ~Clock() = default;

    // Current time in UTC.
    [[nodiscard]] virtual QDateTime nowUtc() const = 0;

    // The process-wide real clock.
    static const Clock &system();
};

} // namespace ops
