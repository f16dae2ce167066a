#pragma once

#include "core/Clock.h"
#include "health/HealthReading.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <optional>

namespace ops {

// What a tile shows at one instant: the verdict plus the data it rests on.
struct HealthView
{
    HealthStatus status = HealthStatus::Unknown; // displayed status
    bool hasData = false;                        // a good reading has been received at some point
    HealthReading reading;                       // the last good reading (kept while stale)
    std::optional<int> responseMs;               // response time of the last good reading
    QDateTime lastGoodAt;                        // UTC, when the last good reading arrived
    QDateTime lastAttemptAt;                     // UTC, when the last attempt ended
    qint64 dataAgeSeconds = -1;                  // age of the last good reading, -1 without one
    QString error;                               // why the last attempt failed; empty after a success
    QString summary;                             // one line for the tile, translated
};

struct StatusChange
{
    QDateTime at; // UTC
    HealthStatus from = HealthStatus::Unknown;
    HealthStatus to = HealthStatus::Unknown;
    QString note;
};

// The status/staleness state machine of one tile.
//  - nothing tried yet                          -> Unknown
//  - last attempt succeeded, data fresh         -> the reported status
//  - data older than two refresh intervals      -> Stale (never green on old data, e.g. paused)
//  - last attempt failed, good data < 30 s old  -> Stale, keeping the last known data
//  - last attempt failed otherwise              -> Unreachable
// Time comes from the injected Clock, so transitions happen on evaluation, not only on fetches.
class ServiceHealthTracker final
{
    Q_DECLARE_TR_FUNCTIONS(ops::ServiceHealthTracker)

public:
    static constexpr int StaleLimitSeconds = 30;
    static constexpr int MaxStatusChanges = 200;

    explicit ServiceHealthTracker(const Clock &clock, int refreshIntervalSeconds = 10);

    void setRefreshIntervalSeconds(int seconds);
    [[nodiscard]] int refreshIntervalSeconds() const { return m_intervalSeconds; }

    // Both return true when the displayed status changed.
    bool recordSuccess(const HealthReading &reading, int responseMs);
    bool recordFailure(const QString &error);

    // The view at the clock's current time.
    [[nodiscard]] HealthView view() const;

    // Re-evaluates at the current time and appends to the status history when the displayed
    // status changed. Returns true when it did.
    bool evaluate(const QString &note = {});

    [[nodiscard]] const QList<StatusChange> &statusChanges() const { return m_changes; }

private:
    [[nodiscard]] HealthStatus statusAt(const QDateTime &now) const;

    const Clock &m_clock;
    int m_intervalSeconds;
    HealthReading m_lastGood;
    std::optional<int> m_lastGoodResponseMs;
    QDateTime m_lastGoodAt;
    QDateTime m_lastAttemptAt;
    bool m_lastAttemptOk = false;
    QString m_lastError;
    HealthStatus m_lastEvaluated = HealthStatus::Unknown;
    QList<StatusChange> m_changes;
};

} // namespace ops
