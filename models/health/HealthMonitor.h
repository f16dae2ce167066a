#pragma once

#include "core/Clock.h"
#include "health/LatencyHistory.h"
#include "health/ServiceHealthTracker.h"
#include "profiles/ConnectionProfile.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace ops {

class PostgresProbe;
class ServiceProbe;
struct ProbeResult;
struct PostgresProbeResult;

// The System Health engine: one entry per service of the profile, plus Redis (as the platform
// reports it) and Postgres (checked by the console). Refreshes on a timer, every service
// concurrently under its own deadline, and keeps each entry's state machine and latency history.
// Shared by the dashboard and by `ops-console --check`.
class HealthMonitor final : public QObject
{
    Q_OBJECT

public:
    enum class EntryKind { Service, Redis, Postgres };

    explicit HealthMonitor(const ConnectionProfile &profile, const Clock &clock = Clock::system(),
                           QObject *parent = nullptr);
    ~HealthMonitor() override;

    [[nodiscard]] const ConnectionProfile &profile() const { return m_profile; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }

    [[nodiscard]] int entryCount() const { return int(m_entries.size()); }
    [[nodiscard]] QString entryName(int row) const;
    [[nodiscard]] EntryKind entryKind(int row) const;
    [[nodiscard]] int rowOf(const QString &name) const; // -1 when absent
    [[nodiscard]] HealthView view(int row) const;
    [[nodiscard]] const LatencyHistory &latencyHistory(int row) const;
    [[nodiscard]] const QList<StatusChange> &statusChanges(int row) const;

    [[nodiscard]] int refreshIntervalSeconds() const { return m_intervalSeconds; }
    void setRefreshIntervalSeconds(int seconds);
    void setFetchTimeoutMs(int ms) { m_fetchTimeoutMs = ms; }

    [[nodiscard]] bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    [[nodiscard]] bool isRefreshing() const { return m_pending > 0; }
    [[nodiscard]] int secondsUntilRefresh() const;
    [[nodiscard]] QDateTime lastFullySuccessfulRefresh() const { return m_lastFullSuccess; }
    [[nodiscard]] QDateTime lastRefreshFinished() const { return m_lastRefreshFinished; }
    [[nodiscard]] int staleOrUnreachableCount() const;
    [[nodiscard]] HealthStatus worstStatus() const;

    void setPostgresPassword(const QString &password);

    // Starts automatic refreshing (first refresh immediately).
    void start();
    // Refreshes every entry now; entries whose previous check is still running keep it.
    void refreshNow();

signals:
    void entryChanged(int row);
    void refreshStarted();
    void refreshFinished();
    void pausedChanged(bool paused);
    void countdownChanged(int secondsLeft);

private:
    struct Entry;

    void tick();
    void startServiceProbe(int row);
    void onServiceResult(int row, quint64 generation, const ProbeResult &result);
    void onPostgresResult(const PostgresProbeResult &result);
    void updateRedisFrom(int sourceRow, const ProbeResult &result);
    void finishOne(bool success);
    void scheduleNext();

    ConnectionProfile m_profile;
    const Clock &m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::vector<std::unique_ptr<Entry>> m_entries;
    std::unique_ptr<PostgresProbe> m_postgres;
    int m_redisRow = -1;
    int m_postgresRow = -1;
    int m_intervalSeconds;
    int m_fetchTimeoutMs;
    bool m_paused = false;
    bool m_started = false;
    int m_pending = 0;
    bool m_roundAllOk = true;
    QDeadlineTimer m_nextRefresh;
    QTimer m_ticker;
    QDateTime m_lastFullSuccess;
    QDateTime m_lastRefreshFinished;
};

} // namespace ops
