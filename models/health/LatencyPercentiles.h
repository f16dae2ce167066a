#pragma once

#include "core/Clock.h"
#include "metrics/PrometheusClient.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <array>

namespace ops {

// Request-latency percentiles (P50, P95, P99) of one service from Prometheus, for the health
// page's chart: three range queries of
//   histogram_quantile(Q, sum(rate(http_request_duration_seconds_bucket{service="NAME"}[5m])) by (le))
// over the chart window. Answers for a service that is no longer selected, or from an older
// round, are dropped. "No data" (Prometheus answered, nothing to show) and "query failed"
// (network, HTTP, JSON, "status":"error") are different states; a failure keeps the last series
// and the time they were read, so the page can show them greyed with their age.
class LatencyPercentiles final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        NotConfigured, // no Prometheus URL, or no service selected
        Loading,       // asked, no answer yet for this service
        Ok,            // at least one percentile has finite values
        NoData,        // Prometheus answered with no series or only NaN
        Failed,        // the last round failed; errorText() says why, the last series are kept
    };
    Q_ENUM(State)

    static constexpr int SeriesCount = 3;
    static constexpr std::array<double, SeriesCount> Quantiles{0.5, 0.95, 0.99};
    static constexpr int DefaultWindowSeconds = 60 * 60;
    static constexpr int DefaultStepSeconds = 30;
    // A round without all its answers after this long is abandoned (the client has its own
    // deadline; this only guards against a lost callback).
    static constexpr int StuckRoundSeconds = 60;

    LatencyPercentiles(PrometheusClient *client, const Clock &clock = Clock::system(), QObject *parent = nullptr);

    // The PromQL for one quantile of one service (the service name quoted as a PromQL string).
    [[nodiscard]] static QString promql(const QString &service, double quantile);
    // "P50", "P95", "P99".
    [[nodiscard]] static QString label(int index);

    [[nodiscard]] bool isConfigured() const;
    [[nodiscard]] PrometheusClient *client() const { return m_client; }

    // Selects the service and asks at once; the previous service's series are cleared and its
    // answers still in flight are ignored. The same name again changes nothing.
    void setService(const QString &name);
    [[nodiscard]] QString service() const { return m_service; }

    void setWindowSeconds(int seconds);
    [[nodiscard]] int windowSeconds() const { return m_windowSeconds; }
    void setStepSeconds(int seconds);
    [[nodiscard]] int stepSeconds() const { return m_stepSeconds; }

    // Re-asks on its own every `seconds` (0, the default, = only when refresh() is called;
    // the health page calls it with each health refresh instead).
    void setRefreshIntervalSeconds(int seconds);
    [[nodiscard]] int refreshIntervalSeconds() const { return m_refreshSeconds; }

    // Asks now for the selected service. A round still in flight for the same service is left
    // to finish (no pile-up behind a slow Prometheus).
    void refresh();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isQuerying() const { return m_pending > 0; }
    // The reason of the last failure (translated); empty unless state() is Failed.
    [[nodiscard]] QString errorText() const { return m_error; }
    // When the last successful answer (Ok or NoData) for this service arrived (clock time);
    // invalid when none yet. With Failed, this is the age of the series still shown.
    [[nodiscard]] QDateTime lastSuccessUtc() const { return m_lastSuccess; }
    // Seconds since lastSuccessUtc(), -1 when there is none.
    [[nodiscard]] qint64 ageSeconds() const;
    // Finite samples of one percentile (index 0..2), values in seconds as Prometheus gives them.
    [[nodiscard]] const QList<PromSample> &series(int index) const;
    [[nodiscard]] bool hasSeries() const;
    // The chart window of the last round (clock time).
    [[nodiscard]] QDateTime windowStartUtc() const { return m_windowStart; }
    [[nodiscard]] QDateTime windowEndUtc() const { return m_windowEnd; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }

signals:
    // State, series or error changed.
    void changed();

private:
    void onAnswer(quint64 round, int index, const PromResult &result);
    void finishRound();
    void setState(State state, const QString &error = {});

    QPointer<PrometheusClient> m_client;
    const Clock &m_clock;
    QString m_service;
    int m_windowSeconds = DefaultWindowSeconds;
    int m_stepSeconds = DefaultStepSeconds;
    int m_refreshSeconds = 0;
    QTimer m_timer;

    quint64 m_round = 0;
    int m_pending = 0;
    QDateTime m_roundStarted;
    std::array<PromResult, SeriesCount> m_answers;

    State m_state = State::NotConfigured;
    QString m_error;
    QDateTime m_lastSuccess;
    QDateTime m_windowStart;
    QDateTime m_windowEnd;
    std::array<QList<PromSample>, SeriesCount> m_series;
};

} // namespace ops
