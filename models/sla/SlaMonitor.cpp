#include "sla/SlaMonitor.h"

#include <cmath>

namespace ops {

SlaMonitor::SlaMonitor(PrometheusClient *client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_targets(SlaTarget::all())
{
    m_readings.resize(m_targets.size());
    m_instantSeq.fill(0, m_targets.size());
    m_appliedInstantSeq.fill(0, m_targets.size());
    m_rangeSeq.fill(0, m_targets.size());
    m_appliedRangeSeq.fill(0, m_targets.size());
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SlaMonitor::refreshNow);
}

qint64 SlaMonitor::valueAgeSeconds(int index) const
{
    const Reading &r = m_readings.at(index);
    if (!r.hasValue || !r.valueAt.isValid())
        return -1;
    return std::max<qint64>(0, r.valueAt.secsTo(m_clock.nowUtc()));
}

void SlaMonitor::setPrometheusUrl(const QUrl &url)
{
    if (m_client)
        m_client->setBaseUrl(url);
    // Answers still under way belong to the old URL: their sequence numbers are now too old.
    ++m_generation;
    for (int i = 0; i < m_targets.size(); ++i)
        m_readings[i] = Reading{};
    m_pending = 0;
    emit configurationChanged();
    if (isRunning())
        refreshNow();
}

void SlaMonitor::setIntervalMs(int ms)
{
    m_timer.setInterval(std::max(1000, ms));
}

void SlaMonitor::start()
{
    m_timer.start();
    refreshNow();
}

void SlaMonitor::stop()
{
    m_timer.stop();
}

void SlaMonitor::refreshNow()
{
    if (!isConfigured())
        return;
    const QDateTime now = m_clock.nowUtc();
    const QDateTime from = now.addSecs(-RangeSeconds);
    for (int i = 0; i < m_targets.size(); ++i) {
        const quint64 instant = ++m_sequence;
        const quint64 range = ++m_sequence;
        m_instantSeq[i] = instant;
        m_rangeSeq[i] = range;
        m_readings[i].historyFrom = from;
        m_readings[i].historyTo = now;
        m_pending += 2;
        const quint64 generation = m_generation;
        m_client->query(m_targets.at(i).promql, this, [this, i, instant, generation](const PromResult &r) {
            if (generation != m_generation)
                return; // asked of the previous Prometheus
            applyInstant(i, instant, r);
            settle();
        });
        m_client->queryRange(m_targets.at(i).promql, from, now, StepSeconds, this,
                             [this, i, range, generation](const PromResult &r) {
                                 if (generation != m_generation)
                                     return;
                                 applyRange(i, range, r);
                                 settle();
                             });
    }
}

void SlaMonitor::settle()
{
    if (m_pending > 0)
        --m_pending;
    if (m_pending == 0)
        emit refreshFinished();
}

void SlaMonitor::applyInstant(int index, quint64 sequence, const PromResult &result)
{
    if (sequence <= m_appliedInstantSeq.at(index))
        return; // older than the answer already shown (out of order)
    m_appliedInstantSeq[index] = sequence;
    const SlaTarget &target = m_targets.at(index);
    Reading &r = m_readings[index];
    r.checkedAt = m_clock.nowUtc();
    switch (result.kind) {
    case PromResult::Kind::Ok: {
        const double value = result.firstValue();
        r.status = target.evaluate(value);
        r.value = value;
        r.hasValue = true;
        r.valueStatus = r.status;
        r.valueAt = r.checkedAt;
        r.error.clear();
        break;
    }
    case PromResult::Kind::NoData:
        r.status = SlaStatus::NoData;
        r.error.clear();
        break;
    case PromResult::Kind::Failed:
        r.status = SlaStatus::QueryFailed;
        r.error = result.error;
        break;
    }
    emit changed(index);
}

void SlaMonitor::applyRange(int index, quint64 sequence, const PromResult &result)
{
    if (sequence <= m_appliedRangeSeq.at(index))
        return;
    m_appliedRangeSeq[index] = sequence;
    Reading &r = m_readings[index];
    switch (result.kind) {
    case PromResult::Kind::Ok: {
        QList<QPointF> points;
        // One series for these aggregate expressions; when there are several, the first is shown.
        if (!result.series.isEmpty()) {
            for (const PromSample &p : result.series.first().samples)
                if (!std::isnan(p.value))
                    points.append(QPointF(double(p.atMs), p.value));
        }
        r.history = points;
        r.historyStatus = SlaStatus::Met;
        r.historyError.clear();
        r.historyAt = m_clock.nowUtc();
        break;
    }
    case PromResult::Kind::NoData:
        r.history.clear();
        r.historyStatus = SlaStatus::NoData;
        r.historyError.clear();
        r.historyAt = m_clock.nowUtc();
        break;
    case PromResult::Kind::Failed:
        // The old points stay (they are still true); the chart says the refresh failed.
        r.historyStatus = SlaStatus::QueryFailed;
        r.historyError = result.error;
        break;
    }
    emit changed(index);
}

} // namespace ops
