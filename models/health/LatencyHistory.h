#pragma once

#include <QDateTime>

#include <deque>

namespace ops {

// Response times of one tile from the console's own polls. Bounded in count and in age so a
// console left open for days keeps constant memory.
class LatencyHistory final
{
public:
    struct Sample
    {
        qint64 atMs = 0;      // UTC milliseconds since the epoch
        float latencyMs = 0;  // response time; for a failed poll, the time until it failed
        bool ok = false;      // false for a failed poll
    };

    static constexpr qsizetype DefaultCapacity = 4096;  // > 60 min at the 1 s minimum interval
    static constexpr qint64 DefaultMaxAgeMs = 60LL * 60 * 1000;

    explicit LatencyHistory(qsizetype capacity = DefaultCapacity, qint64 maxAgeMs = DefaultMaxAgeMs);

    void append(const QDateTime &at, double latencyMs, bool ok);
    [[nodiscard]] const std::deque<Sample> &samples() const { return m_samples; }
    [[nodiscard]] qsizetype size() const { return qsizetype(m_samples.size()); }
    [[nodiscard]] qsizetype capacity() const { return m_capacity; }
    void clear() { m_samples.clear(); }

private:
    qsizetype m_capacity;
    qint64 m_maxAgeMs;
    std::deque<Sample> m_samples;
};

} // namespace ops
