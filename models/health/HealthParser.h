#pragma once

#include "health/HealthReading.h"

#include <QByteArray>
#include <QString>

namespace ops {

// Result of interpreting one HTTP answer from a health endpoint.
struct HealthParseResult
{
    bool ok = false;        // true: `reading` is what the service said; false: `error` says why not
    HealthReading reading;
    QString error;          // operator-facing, translated, one line
};

// Turns the body of a health (liveness or readiness) answer into a HealthReading.
// Pure function: no I/O, no clock. See ../shared/README.md for the shapes it accepts.
class HealthParser final
{
    Q_DECLARE_TR_FUNCTIONS(ops::HealthParser)

public:
    // Bodies larger than this are rejected before parsing.
    static constexpr qint64 MaxBodyBytes = 4 * 1024 * 1024;

    [[nodiscard]] static HealthParseResult parse(int httpStatus, const QByteArray &contentType,
                                                 const QByteArray &body);

    // Parses an ISO-8601 timestamp with 'Z', with an offset, or naive (taken as UTC), or a
    // number of seconds (or milliseconds, when > 1e11) since the epoch. Invalid when unparseable.
    [[nodiscard]] static QDateTime parseTimestamp(const QJsonValue &value);
};

} // namespace ops
