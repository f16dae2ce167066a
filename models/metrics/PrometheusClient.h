#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <functional>
#include <memory>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace ops {

// One point of a Prometheus answer. `value` may be NaN (e.g. histogram_quantile over no traffic).
struct PromSample
{
    qint64 atMs = 0; // UTC milliseconds since the epoch
    double value = 0;
};

struct PromSeries
{
    QMap<QString, QString> labels;
    QList<PromSample> samples; // one for an instant query, many for a range query
};

// What a query produced. NoData and Failed are different things and are shown differently:
// NoData = Prometheus answered "success" with no series or only NaN values; Failed = network,
// timeout, HTTP, non-JSON/HTML, oversized body or "status":"error" (with its reason in `error`).
struct PromResult
{
    enum class Kind { Ok, NoData, Failed };
    Kind kind = Kind::Failed;
    QList<PromSeries> series;
    QString error;      // translated, for Failed
    int httpStatus = 0; // 0 when no HTTP answer arrived

    [[nodiscard]] bool ok() const { return kind == Kind::Ok; }
    // The first finite value of the first series (instant queries), or NaN.
    [[nodiscard]] double scalar() const;
    // The first value that is not NaN (±Inf included: histogram_quantile over the +Inf bucket), or NaN.
    [[nodiscard]] double firstValue() const;
};

// Asynchronous client of Prometheus' HTTP API (/api/v1/query, /api/v1/query_range). Never blocks;
// every request has a deadline; TLS errors are not ignored. Callbacks run on the GUI thread and
// are dropped when `context` is gone.
class PrometheusClient final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const PromResult &)>;

    static constexpr int DefaultTimeoutMs = 5000;
    static constexpr qint64 MaxBodyBytes = 16 * 1024 * 1024;

    explicit PrometheusClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~PrometheusClient() override;

    void setBaseUrl(const QUrl &url); // e.g. http://127.0.0.1:19090/ ; empty = not configured
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    [[nodiscard]] bool isConfigured() const { return m_baseUrl.isValid() && !m_baseUrl.isEmpty(); }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void query(const QString &promql, QObject *context, Callback callback);
    void queryRange(const QString &promql, const QDateTime &start, const QDateTime &end, int stepSeconds,
                    QObject *context, Callback callback);

    // Pure mapping of one HTTP answer (also used by the unit tests and the fuzz harness).
    [[nodiscard]] static PromResult parse(const QByteArray &body, int httpStatus);
    // A PromQL string literal: "…" with \ and " escaped, control characters dropped.
    [[nodiscard]] static QString quoted(const QString &text);

private:
    struct Pending;
    [[nodiscard]] QUrl requestUrl(const QString &path, const QList<std::pair<QString, QString>> &params) const;
    void finish(const std::shared_ptr<Pending> &pending, const PromResult &result);
    void get(const QString &path, const QList<std::pair<QString, QString>> &params, QObject *context,
             Callback callback);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    int m_timeoutMs = DefaultTimeoutMs;
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace ops
