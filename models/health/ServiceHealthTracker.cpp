#include "health/ServiceHealthTracker.h"

#include <algorithm>

namespace ops {

ServiceHealthTracker::ServiceHealthTracker(const Clock &clock, int refreshIntervalSeconds)
    : m_clock(clock)
    , m_intervalSeconds(std::max(1, refreshIntervalSeconds))
{
}

void ServiceHealthTracker::setRefreshIntervalSeconds(int seconds)
{
    m_intervalSeconds = std::max(1, seconds);
}

bool ServiceHealthTracker::recordSuccess(const HealthReading &reading, int responseMs)
{
    const QDateTime now = m_clock.nowUtc();
    m_lastGood = reading;
    m_lastGoodResponseMs = responseMs >= 0 ? std::optional<int>(responseMs) : std::nullopt;
    m_lastGoodAt = now;
    m_lastAttemptAt = now;
    m_lastAttemptOk = true;
    m_lastError.clear();
    return evaluate(reading.message);
}

bool ServiceHealthTracker::recordFailure(const QString &error)
{
    m_lastAttemptAt = m_clock.nowUtc();
    m_lastAttemptOk = false;
    m_lastError = error.isEmpty() ? tr("Unknown error") : error;
    return evaluate(m_lastError);
}

HealthStatus ServiceHealthTracker::statusAt(const QDateTime &now) const
{
    if (!m_lastAttemptAt.isValid())
        return HealthStatus::Unknown;
    const bool hasData = m_lastGoodAt.isValid();
    const qint64 age = hasData ? std::max<qint64>(0, m_lastGoodAt.secsTo(now)) : -1;
    if (m_lastAttemptOk) {
        if (age > 2 * qint64(m_intervalSeconds))
            return HealthStatus::Stale;
        return m_lastGood.status;
    }
    if (hasData && age < StaleLimitSeconds)
        return HealthStatus::Stale;
    return HealthStatus::Unreachable;
}

HealthView ServiceHealthTracker::view() const
{
    const QDateTime now = m_clock.nowUtc();
    HealthView v;
    v.status = statusAt(now);
    v.hasData = m_lastGoodAt.isValid();
    v.reading = m_lastGood;
    v.responseMs = m_lastGoodResponseMs;
    v.lastGoodAt = m_lastGoodAt;
    v.lastAttemptAt = m_lastAttemptAt;
    v.dataAgeSeconds = v.hasData ? std::max<qint64>(0, m_lastGoodAt.secsTo(now)) : -1;
    v.error = m_lastAttemptOk ? QString() : m_lastError;

    switch (v.status) {
    case HealthStatus::Unknown:
        v.summary = tr("Waiting for the first answer");
        break;
    case HealthStatus::Stale:
        v.summary = m_lastAttemptOk
                        ? tr("Stale — no fresh data for %n s", nullptr, int(v.dataAgeSeconds))
                        : tr("Stale — last good data %n s ago", nullptr, int(v.dataAgeSeconds));
        break;
    case HealthStatus::Unreachable:
        v.summary = v.hasData ? tr("Unreachable — last good data %n s ago", nullptr, int(v.dataAgeSeconds))
                              : tr("Unreachable — no answer yet");
        break;
    default:
        // Fresh data: what the service said, else how fresh it is (the word is on the tile already).
        v.summary = m_lastGood.message.isEmpty() ? tr("Answered %n s ago", nullptr, int(v.dataAgeSeconds))
                                                 : m_lastGood.message;
        break;
    }
    return v;
}

bool ServiceHealthTracker::evaluate(const QString &note)
{
    const QDateTime now = m_clock.nowUtc();
    const HealthStatus current = statusAt(now);
    if (current == m_lastEvaluated)
        return false;
    m_changes.append({now, m_lastEvaluated, current, note});
    if (m_changes.size() > MaxStatusChanges)
        m_changes.remove(0, m_changes.size() - MaxStatusChanges);
    m_lastEvaluated = current;
    return true;
}

} // namespace ops
