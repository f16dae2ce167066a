#include "health/HealthMonitor.h"

#include "health/PostgresProbe.h"
#include "health/ServiceProbe.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcHealth, "ops.health")

namespace ops {

struct HealthMonitor::Entry
{
    Entry(QString n, EntryKind k, const Clock &clock, int interval)
        : name(std::move(n)), kind(k), tracker(clock, interval) {}

    QString name;
    EntryKind kind;
    ServiceEndpoint endpoint;       // services only
    ServiceHealthTracker tracker;
    LatencyHistory history;
    QPointer<ServiceProbe> probe;   // in flight
    quint64 generation = 0;         // drops duplicate or out-of-order answers
    bool inFlight = false;
};

HealthMonitor::HealthMonitor(const ConnectionProfile &profile, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(clock)
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_intervalSeconds(profile.effectiveRefreshSeconds())
    , m_fetchTimeoutMs(ServiceProbe::DefaultTimeoutMs)
{
    qRegisterMetaType<ops::ProbeResult>();
    m_network->setAutoDeleteReplies(false);
    for (const ServiceEndpoint &endpoint : profile.services) {
        auto entry = std::make_unique<Entry>(endpoint.name, EntryKind::Service, clock, m_intervalSeconds);
        entry->endpoint = endpoint;
        m_entries.push_back(std::move(entry));
    }
    m_redisRow = int(m_entries.size());
    m_entries.push_back(std::make_unique<Entry>(QStringLiteral("redis"), EntryKind::Redis, clock, m_intervalSeconds));
    if (profile.postgres.enabled) {
        m_postgresRow = int(m_entries.size());
        m_entries.push_back(
            std::make_unique<Entry>(QStringLiteral("postgres"), EntryKind::Postgres, clock, m_intervalSeconds));
        m_postgres = std::make_unique<PostgresProbe>(profile.postgres);
        connect(m_postgres.get(), &PostgresProbe::finished, this, &HealthMonitor::onPostgresResult);
    }

    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &HealthMonitor::tick);
}

HealthMonitor::~HealthMonitor()
{
    for (auto &entry : m_entries)
        delete entry->probe.data();
}

QString HealthMonitor::entryName(int row) const { return m_entries.at(size_t(row))->name; }

HealthMonitor::EntryKind HealthMonitor::entryKind(int row) const { return m_entries.at(size_t(row))->kind; }

int HealthMonitor::rowOf(const QString &name) const
{
    for (size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i]->name == name)
            return int(i);
    return -1;
}

HealthView HealthMonitor::view(int row) const { return m_entries.at(size_t(row))->tracker.view(); }

const LatencyHistory &HealthMonitor::latencyHistory(int row) const { return m_entries.at(size_t(row))->history; }

const QList<StatusChange> &HealthMonitor::statusChanges(int row) const
{
    return m_entries.at(size_t(row))->tracker.statusChanges();
}

void HealthMonitor::setRefreshIntervalSeconds(int seconds)
{
    m_intervalSeconds = std::max(ConnectionProfile::MinimumRefreshSeconds, seconds);
    for (auto &entry : m_entries)
        entry->tracker.setRefreshIntervalSeconds(m_intervalSeconds);
    if (m_started && !m_paused)
        scheduleNext();
}

void HealthMonitor::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused && m_started)
        refreshNow(); // resuming shows fresh data at once
    emit pausedChanged(paused);
    emit countdownChanged(secondsUntilRefresh());
}

int HealthMonitor::secondsUntilRefresh() const
{
    if (m_paused || !m_started)
        return -1;
    return int((m_nextRefresh.remainingTime() + 999) / 1000);
}

int HealthMonitor::staleOrUnreachableCount() const
{
    int count = 0;
    for (const auto &entry : m_entries) {
        const HealthStatus s = entry->tracker.view().status;
        count += (s == HealthStatus::Stale || s == HealthStatus::Unreachable) ? 1 : 0;
    }
    return count;
}

HealthStatus HealthMonitor::worstStatus() const
{
    HealthStatus worst = HealthStatus::Healthy;
    for (const auto &entry : m_entries)
        worst = worseOf(worst, entry->tracker.view().status);
    return worst;
}

void HealthMonitor::setPostgresPassword(const QString &password)
{
    if (m_postgres)
        m_postgres->setPassword(password);
}

void HealthMonitor::start()
{
    m_started = true;
    m_ticker.start();
    refreshNow();
}

void HealthMonitor::scheduleNext()
{
    m_nextRefresh.setRemainingTime(qint64(m_intervalSeconds) * 1000);
    emit countdownChanged(secondsUntilRefresh());
}

void HealthMonitor::refreshNow()
{
    if (m_pending == 0)
        m_roundAllOk = true;
    emit refreshStarted();
    for (int row = 0; row < int(m_entries.size()); ++row) {
        if (m_entries[size_t(row)]->kind == EntryKind::Service)
            startServiceProbe(row);
    }
    if (m_postgres && !m_entries[size_t(m_postgresRow)]->inFlight) {
        m_entries[size_t(m_postgresRow)]->inFlight = true;
        ++m_pending;
        m_postgres->probe();
    }
    if (m_started)
        scheduleNext();
    if (m_pending == 0)
        finishOne(true);
}

void HealthMonitor::startServiceProbe(int row)
{
    Entry &entry = *m_entries[size_t(row)];
    if (entry.inFlight)
        return; // the running check ends by its own deadline
    entry.inFlight = true;
    ++m_pending;
    const quint64 generation = ++entry.generation;
    auto *probe = new ServiceProbe(*m_network, entry.endpoint, m_fetchTimeoutMs, this);
    entry.probe = probe;
    connect(probe, &ServiceProbe::finished, this, [this, row, generation, probe](const ProbeResult &result) {
        probe->deleteLater();
        onServiceResult(row, generation, result);
    });
    probe->start();
}

void HealthMonitor::onServiceResult(int row, quint64 generation, const ProbeResult &result)
{
    Entry &entry = *m_entries[size_t(row)];
    if (generation != entry.generation || !entry.inFlight)
        return;
    entry.inFlight = false;
    entry.probe.clear();
    const bool changed = result.ok ? entry.tracker.recordSuccess(result.reading, result.elapsedMs)
                                   : entry.tracker.recordFailure(result.error);
    if (changed) {
        const StatusChange &c = entry.tracker.statusChanges().constLast();
        qCInfo(lcHealth).noquote() << entry.name << healthStatusKey(c.from) << "->" << healthStatusKey(c.to)
                                   << (result.ok ? QString() : result.error);
    }
    entry.history.append(m_clock.nowUtc(), result.elapsedMs, result.ok);
    emit entryChanged(row);

    const bool isRedisSource = m_profile.redisSource.isEmpty() ? (result.ok && result.reading.component(u"redis"))
                                                               : entry.name == m_profile.redisSource;
    if (isRedisSource)
        updateRedisFrom(row, result);
    finishOne(result.ok);
}

void HealthMonitor::updateRedisFrom(int sourceRow, const ProbeResult &result)
{
    Entry &redis = *m_entries[size_t(m_redisRow)];
    const QString source = m_entries[size_t(sourceRow)]->name;
    if (!result.ok) {
        redis.tracker.recordFailure(tr("%1 did not answer: %2").arg(source, result.error));
    } else if (const HealthComponent *c = result.reading.component(u"redis")) {
        HealthReading reading;
        reading.status = c->status;
        reading.service = QStringLiteral("redis");
        reading.version = c->details.value(QStringLiteral("version")).toString();
        reading.timestamp = result.reading.timestamp;
        reading.lastOperationAt = result.reading.timestamp;
        reading.lastOperationField = QStringLiteral("timestamp");
        reading.message = c->message.isEmpty() ? tr("Reported by %1").arg(source) : c->message;
        reading.components = {*c};
        reading.prettyBody = result.reading.prettyBody;
        const int latency = c->latencyMs ? int(*c->latencyMs + 0.5) : -1;
        redis.tracker.recordSuccess(reading, latency);
        if (c->latencyMs)
            redis.history.append(m_clock.nowUtc(), *c->latencyMs, true);
    } else {
        redis.tracker.recordFailure(tr("%1 did not report Redis").arg(source));
    }
    emit entryChanged(m_redisRow);
}

void HealthMonitor::onPostgresResult(const PostgresProbeResult &result)
{
    Entry &entry = *m_entries[size_t(m_postgresRow)];
    entry.inFlight = false;
    if (result.ok) {
        HealthReading reading;
        reading.status = HealthStatus::Healthy;
        reading.service = QStringLiteral("postgres");
        reading.version = result.serverVersion;
        reading.timestamp = m_clock.nowUtc();
        reading.lastOperationAt = reading.timestamp;
        reading.lastOperationField = QStringLiteral("timestamp");
        reading.message = tr("SELECT 1 answered in %1 ms").arg(result.latencyMs);
        entry.tracker.recordSuccess(reading, result.latencyMs);
    } else {
        entry.tracker.recordFailure(result.error);
    }
    entry.history.append(m_clock.nowUtc(), result.latencyMs, result.ok);
    emit entryChanged(m_postgresRow);
    finishOne(result.ok);
}

void HealthMonitor::finishOne(bool success)
{
    m_roundAllOk = m_roundAllOk && success;
    if (m_pending > 0)
        --m_pending;
    if (m_pending > 0)
        return;
    m_lastRefreshFinished = m_clock.nowUtc();
    if (m_roundAllOk)
        m_lastFullSuccess = m_lastRefreshFinished;
    m_roundAllOk = true;
    emit refreshFinished();
}

void HealthMonitor::tick()
{
    // Ages count and time-driven transitions (stale -> unreachable) happen between polls too.
    for (int row = 0; row < int(m_entries.size()); ++row) {
        m_entries[size_t(row)]->tracker.evaluate();
        if (m_entries[size_t(row)]->tracker.view().hasData)
            emit entryChanged(row);
    }
    if (!m_paused && m_started && m_nextRefresh.hasExpired())
        refreshNow();
    else
        emit countdownChanged(secondsUntilRefresh());
}

} // namespace ops
