#pragma once

#include <functional>

namespace ops {

// Exponential backoff with full jitter: the n-th delay (n from 0) is drawn uniformly from
// [0, min(cap, base * 2^n)]. Spreads reconnecting clients out instead of having them knock in
// step after an outage. The random source is injectable so that tests are exact.
class Backoff final
{
public:
    struct Options
    {
        int baseMs = 250;
        int capMs = 30000;
    };
    // Returns a value in [0, 1).
    using Random = std::function<double()>;

    Backoff();
    explicit Backoff(Options options, Random random = {});

    // The delay before the next attempt, in ms; counts the attempt.
    int nextDelayMs();
    // The upper bound of the delay for attempt `n` (0-based): min(cap, base * 2^n).
    [[nodiscard]] int ceilingMs(int n) const;
    // Attempts counted since construction or the last reset().
    [[nodiscard]] int attempts() const { return m_attempts; }
    // After a success: the next delay is drawn from the first, smallest range again.
    void reset() { m_attempts = 0; }

private:
    Options m_options;
    Random m_random;
    int m_attempts = 0;
};

} // namespace ops
