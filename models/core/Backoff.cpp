#include "core/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace ops {

Backoff::Backoff()
    : Backoff(Options{})
{
}

Backoff::Backoff(Options options, Random random)
    : m_options(options)
    , m_random(std::move(random))
{
    m_options.baseMs = std::max(1, m_options.baseMs);
    m_options.capMs = std::max(m_options.baseMs, m_options.capMs);
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int Backoff::ceilingMs(int n) const
{
    // base * 2^n without overflow: stop doubling once the cap is reached.
    qint64 ceiling = m_options.baseMs;
    for (int i = 0; i < n && ceiling < m_options.capMs; ++i)
        ceiling *= 2;
    return int(std::min<qint64>(ceiling, m_options.capMs));
}

int Backoff::nextDelayMs()
{
    const int ceiling = ceilingMs(m_attempts);
    ++m_attempts;
    const double r = std::clamp(m_random(), 0.0, 1.0);
    return std::min(ceiling, int(std::floor(r * (ceiling + 1))));
}

} // namespace ops
