#pragma once

// Prometheus metrics of the sandbox (docs/alerts-and-sla.md, "/metrics"): a small thread-safe
// registry of histograms and gauges rendered in the text exposition format 0.0.4. Internal.

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QMutex>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <map>
#include <optional>

namespace opssandbox {

// One histogram family with at most one label (empty labelName = no labels). Thread-safe.
class Histogram final
{
public:
    Histogram(QByteArray name, QByteArray help, QByteArray labelName, QList<double> upperBounds);

    // Adds the series labelValue with zero counts, so the family shows it before any observation.
    void ensureSeries(const QString &labelValue = {});
    void observe(double value, const QString &labelValue = {});

    struct Series
    {
        QList<quint64> buckets; // per bucket (NOT cumulative), upperBounds.size() + 1 (the last is +Inf)
        double sum = 0.0;
        quint64 count = 0;
    };
    std::optional<Series> series(const QString &labelValue = {}) const;
    QByteArray name() const { return m_name; }
    QList<double> upperBounds() const { return m_bounds; }

    // HELP, TYPE, then per series (sorted by label value): cumulative _bucket{le} incl. +Inf, _sum, _count.
    void render(QByteArray &out) const;

private:
    QByteArray m_name;
    QByteArray m_help;
    QByteArray m_label;
    QList<double> m_bounds;
    mutable QMutex m_mutex;
    std::map<QString, Series> m_series;
};

// One gauge without labels; unset = only HELP and TYPE are rendered (no sample). Thread-safe.
class Gauge final
{
public:
    Gauge(QByteArray name, QByteArray help);
    void set(double value);
    void unset();
    std::optional<double> value() const;
    void render(QByteArray &out) const;

private:
    QByteArray m_name;
    QByteArray m_help;
    mutable QMutex m_mutex;
    std::optional<double> m_value;
};

// The families of one sandbox. Audit writes are observed by database connection name (the audit
// writers only know their QSqlDatabase): a Metrics registers the sandbox's connection name.
class Metrics final
{
public:
    Metrics();
    ~Metrics();
    Metrics(const Metrics &) = delete;
    Metrics &operator=(const Metrics &) = delete;

    Histogram &requests() { return m_requests; }               // http_request_duration_seconds{service}
    Histogram &deliveryLatency() { return m_deliveryLatency; } // alert_delivery_latency_seconds{channel}
    Histogram &auditWrites() { return m_auditWrites; }         // audit_write_duration_seconds
    Gauge &cbStaleness() { return m_cbStaleness; }             // cb_staleness_seconds
    Gauge &poisonQueue() { return m_poisonQueue; }             // alert_poison_queue_size

    QByteArray render() const;

    // Audit writes on the connection `connectionName` are observed into this registry until detached.
    void attachConnection(const QString &connectionName);
    void detachConnection();
    static void observeAuditWrite(const QString &connectionName, double seconds);

    static QList<double> requestBuckets();
    static QList<double> deliveryBuckets();
    static QList<double> auditBuckets();
    static QStringList channels(); // email, slack, sms
    static constexpr char kContentType[] = "text/plain; version=0.0.4; charset=utf-8";

    // Text format helpers (exposed for tests): a sample value (shortest round trip, NaN, +Inf,
    // -Inf), an escaped label value (\\, \", \n) and an escaped HELP text (\\, \n).
    static QByteArray formatValue(double value);
    static QByteArray escapeLabelValue(const QString &value);
    static QByteArray escapeHelp(const QByteArray &help);

private:
    Histogram m_requests;
    Histogram m_deliveryLatency;
    Histogram m_auditWrites;
    Gauge m_cbStaleness;
    Gauge m_poisonQueue;
    QString m_connection;
};

} // namespace opssandbox
