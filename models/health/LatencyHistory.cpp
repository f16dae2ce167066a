#include "health/LatencyHistory.h"

#include <algorithm>

namespace ops {

LatencyHistory::LatencyHistory(qsizetype capacity, qint64 maxAgeMs)
    : m_capacity(std::max<qsizetype>(1, capacity))
    , m_maxAgeMs(std::max<qint64>(1, maxAgeMs))
{
}

void LatencyHistory::append(const QDateTime &at, double latencyMs, bool ok)
{
    const qint64 atMs = at.toMSecsSinceEpoch();
    // Out-of-order samples (clock stepped back) are kept in order by dropping what lies ahead.
    while (!m_samples.empty() && m_samples.back().atMs > atMs)
        m_samples.pop_back();
    m_samples.push_back({atMs, float(std::max(0.0, latencyMs)), ok});
    while (qsizetype(m_samples.size()) > m_capacity)
        m_samples.pop_front();
    while (!m_samples.empty() && atMs - m_samples.front().atMs > m_maxAgeMs)
        m_samples.pop_front();
}

} // namespace ops
