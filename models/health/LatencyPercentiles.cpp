#include "health/LatencyPercentiles.h"

#include <QCoreApplication>

#include <cmath>

namespace ops {

LatencyPercentiles::LatencyPercentiles(PrometheusClient *client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
{
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LatencyPercentiles::refresh);
}

QString LatencyPercentiles::promql(const QString &service, double quantile)
{
    return QStringLiteral("histogram_quantile(%1, sum(rate(http_request_duration_seconds_bucket{service=%2}[5m])) by (le))")
        .arg(QString::number(quantile, 'g', 6), PrometheusClient::quoted(service));
}

QString LatencyPercentiles::label(int index)
{
    if (index < 0 || index >= SeriesCount)
        return {};
    return QStringLiteral("P%1").arg(qRound(Quantiles[std::size_t(index)] * 100));
}

bool LatencyPercentiles::isConfigured() const { return m_client && m_client->isConfigured(); }

void LatencyPercentiles::setService(const QString &name)
{
    if (name == m_service && (m_state != State::NotConfigured || name.isEmpty() || !isConfigured()))
        return;
    m_service = name;
    ++m_round; // whatever is in flight belongs to the previous selection
    m_pending = 0;
    for (QList<PromSample> &s : m_series)
        s.clear();
    m_lastSuccess = {};
    m_error.clear();
    m_state = State::NotConfigured;
    refresh();
    emit changed(); // refresh() may not have changed the state (e.g. still NotConfigured)
}

void LatencyPercentiles::setWindowSeconds(int seconds) { m_windowSeconds = std::max(60, seconds); }

void LatencyPercentiles::setStepSeconds(int seconds) { m_stepSeconds = std::max(1, seconds); }

void LatencyPercentiles::setRefreshIntervalSeconds(int seconds)
{
    m_refreshSeconds = std::max(0, seconds);
    if (m_refreshSeconds > 0)
        m_timer.start(m_refreshSeconds * 1000);
    else
        m_timer.stop();
}

void LatencyPercentiles::refresh()
{
    if (!isConfigured() || m_service.isEmpty()) {
        if (m_state != State::NotConfigured) {
            ++m_round;
            m_pending = 0;
            setState(State::NotConfigured);
        }
        return;
    }
    if (m_pending > 0 && m_roundStarted.isValid() && m_roundStarted.secsTo(m_clock.nowUtc()) < StuckRoundSeconds)
        return; // the round in flight for this service will answer
    const quint64 round = ++m_round;
    m_windowEnd = m_clock.nowUtc();
    m_roundStarted = m_windowEnd;
    m_windowStart = m_windowEnd.addSecs(-m_windowSeconds);
    m_pending = SeriesCount;
    for (PromResult &a : m_answers)
        a = PromResult();
    if (m_state == State::NotConfigured)
        setState(State::Loading);
    for (int i = 0; i < SeriesCount; ++i) {
        m_client->queryRange(promql(m_service, Quantiles[std::size_t(i)]), m_windowStart, m_windowEnd,
                             m_stepSeconds, this,
                             [this, round, i](const PromResult &result) { onAnswer(round, i, result); });
        if (round != m_round)
            return; // an answer arrived synchronously and something reset the round
    }
}

void LatencyPercentiles::onAnswer(quint64 round, int index, const PromResult &result)
{
    if (round != m_round || m_pending <= 0)
        return; // another service or a newer round: not ours to show
    m_answers[std::size_t(index)] = result;
    if (--m_pending == 0)
        finishRound();
}

void LatencyPercentiles::finishRound()
{
    for (const PromResult &a : m_answers) {
        if (a.kind == PromResult::Kind::Failed) {
            QString reason = a.error;
            if (reason.isEmpty())
                reason = a.httpStatus > 0 ? tr("HTTP %1").arg(a.httpStatus) : tr("no answer");
            setState(State::Failed, reason); // the last series stay, with their time
            return;
        }
    }
    std::array<QList<PromSample>, SeriesCount> fresh;
    bool any = false;
    for (int i = 0; i < SeriesCount; ++i) {
        const PromResult &a = m_answers[std::size_t(i)];
        if (a.kind != PromResult::Kind::Ok)
            continue;
        for (const PromSeries &s : a.series) {
            QList<PromSample> finite;
            finite.reserve(s.samples.size());
            for (const PromSample &p : s.samples)
                if (std::isfinite(p.value))
                    finite.append(p);
            if (!finite.isEmpty()) {
                fresh[std::size_t(i)] = finite;
                break; // `sum(...) by (le)` gives one series; more would be a different query
            }
        }
        any = any || !fresh[std::size_t(i)].isEmpty();
    }
    m_series = fresh;
    m_lastSuccess = m_clock.nowUtc();
    setState(any ? State::Ok : State::NoData);
}

void LatencyPercentiles::setState(State state, const QString &error)
{
    m_state = state;
    m_error = state == State::Failed ? error : QString();
    if (state == State::NotConfigured) {
        for (QList<PromSample> &s : m_series)
            s.clear();
        m_lastSuccess = {};
    }
    emit changed();
}

qint64 LatencyPercentiles::ageSeconds() const
{
    return m_lastSuccess.isValid() ? std::max<qint64>(0, m_lastSuccess.secsTo(m_clock.nowUtc())) : -1;
}

const QList<PromSample> &LatencyPercentiles::series(int index) const
{
    static const QList<PromSample> none;
    if (index < 0 || index >= SeriesCount)
        return none;
    return m_series[std::size_t(index)];
}

bool LatencyPercentiles::hasSeries() const
{
    for (const QList<PromSample> &s : m_series)
        if (!s.isEmpty())
            return true;
    return false;
}

} // namespace ops
