#pragma once

#include "core/Clock.h"
#include "metrics/PrometheusClient.h"
#include "sla/SlaTarget.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QTimer>
#include <QUrl>

namespace ops {

// Polls Prometheus for the four SLA targets (SlaTarget::all()): every interval (15 s) one instant
// query and one one-hour range query (step 30 s) per target. On a failed query the last good
// value is kept with the time it was measured, so its age can be shown. Answers that arrive out of
// order are dropped. Does nothing while the client is not configured. Never blocks.
class SlaMonitor final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 15000;
    static constexpr int RangeSeconds = 3600;
    static constexpr int StepSeconds = 30;

    struct Reading
    {
        SlaStatus status = SlaStatus::Unknown; // of the latest instant query
        double value = 0;                      // latest good value; meaningful when hasValue
        bool hasValue = false;
        SlaStatus valueStatus = SlaStatus::Unknown; // Met/Breached/Page of that value
        QDateTime valueAt;    // when that value was received (clock), UTC
        QDateTime checkedAt;  // when the latest instant answer (or failure) arrived, UTC
        QString error;        // for QueryFailed, translated

        // The one-hour chart: (UTC ms, value) points, NaN samples left out.
        QList<QPointF> history;
        SlaStatus historyStatus = SlaStatus::Unknown; // Met (= have points), NoData or QueryFailed
        QString historyError;
        QDateTime historyAt;  // when the latest good history arrived
        QDateTime historyFrom, historyTo; // the range asked for
    };

    explicit SlaMonitor(PrometheusClient *client, const Clock &clock = Clock::system(), QObject *parent = nullptr);

    [[nodiscard]] const QList<SlaTarget> &targets() const { return m_targets; }
    [[nodiscard]] const Reading &reading(int index) const { return m_readings.at(index); }
    [[nodiscard]] int count() const { return int(m_targets.size()); }
    [[nodiscard]] const Clock &clock() const { return m_clock; }
    [[nodiscard]] bool isConfigured() const { return m_client && m_client->isConfigured(); }
    [[nodiscard]] QUrl prometheusUrl() const { return m_client ? m_client->baseUrl() : QUrl(); }

    // Seconds since the shown value was measured; -1 without a value.
    [[nodiscard]] qint64 valueAgeSeconds(int index) const;

    // Points the client at another Prometheus (a new profile; empty = none), forgets every reading
    // and, when running, asks at once.
    void setPrometheusUrl(const QUrl &url);

    void setIntervalMs(int ms);
    [[nodiscard]] int intervalMs() const { return m_timer.interval(); }
    // Starts polling (asks at once, then every interval) / stops it.
    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }
    // Asks now (all targets, instant and range) without waiting for the timer.
    void refreshNow();
    // Instant queries in flight.
    [[nodiscard]] int pendingQueries() const { return m_pending; }

signals:
    void changed(int index);       // a reading changed
    void configurationChanged();   // the Prometheus URL changed; all readings were reset
    void refreshFinished();        // every query of the latest refresh has answered

private:
    void applyInstant(int index, quint64 sequence, const PromResult &result);
    void applyRange(int index, quint64 sequence, const PromResult &result);
    void settle();

    QPointer<PrometheusClient> m_client;
    const Clock &m_clock;
    QList<SlaTarget> m_targets;
    QList<Reading> m_readings;
    QList<quint64> m_instantSeq, m_appliedInstantSeq;
    QList<quint64> m_rangeSeq, m_appliedRangeSeq;
    quint64 m_sequence = 0;
    quint64 m_generation = 0;
    int m_pending = 0;
    QTimer m_timer;
};

} // namespace ops
