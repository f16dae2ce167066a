#include "Metrics.h"

#include <QtCore/QHash>
#include <QtCore/QLocale>
#include <QtCore/QMutexLocker>

#include <algorithm>
#include <cmath>

namespace opssandbox {

namespace {

QMutex g_registryMutex;
QHash<QString, Metrics *> &registry()
{
    static QHash<QString, Metrics *> map;
    return map;
}

void appendHeader(QByteArray &out, const QByteArray &name, const QByteArray &help, const char *type)
{
    out += "# HELP " + name + ' ' + Metrics::escapeHelp(help) + '\n';
    out += "# TYPE " + name + ' ' + type + '\n';
}

} // namespace

// --- Histogram -----------------------------------------------------------------------------------------

Histogram::Histogram(QByteArray name, QByteArray help, QByteArray labelName, QList<double> upperBounds)
    : m_name(std::move(name)), m_help(std::move(help)), m_label(std::move(labelName)), m_bounds(std::move(upperBounds))
{
    std::sort(m_bounds.begin(), m_bounds.end());
}

void Histogram::ensureSeries(const QString &labelValue)
{
    const QMutexLocker lock(&m_mutex);
    Series &s = m_series[m_label.isEmpty() ? QString() : labelValue];
    if (s.buckets.isEmpty())
        s.buckets = QList<quint64>(m_bounds.size() + 1, 0);
}

void Histogram::observe(double value, const QString &labelValue)
{
    if (std::isnan(value))
        return;
    const QMutexLocker lock(&m_mutex);
    Series &s = m_series[m_label.isEmpty() ? QString() : labelValue];
    if (s.buckets.isEmpty())
        s.buckets = QList<quint64>(m_bounds.size() + 1, 0);
    // The first bucket whose upper bound is >= value (le is inclusive); past the last: +Inf.
    const auto it = std::lower_bound(m_bounds.cbegin(), m_bounds.cend(), value);
    ++s.buckets[it - m_bounds.cbegin()];
    s.sum += value;
    ++s.count;
}

std::optional<Histogram::Series> Histogram::series(const QString &labelValue) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_series.find(m_label.isEmpty() ? QString() : labelValue);
    if (it == m_series.end())
        return std::nullopt;
    return it->second;
}

void Histogram::render(QByteArray &out) const
{
    appendHeader(out, m_name, m_help, "histogram");
    const QMutexLocker lock(&m_mutex);
    for (const auto &[labelValue, s] : m_series) {
        const QByteArray label = m_label.isEmpty()
                                     ? QByteArray()
                                     : m_label + "=\"" + Metrics::escapeLabelValue(labelValue) + '"';
        const QByteArray sep = label.isEmpty() ? QByteArray() : QByteArrayLiteral(",");
        quint64 cumulative = 0;
        for (qsizetype i = 0; i <= m_bounds.size(); ++i) {
            cumulative += s.buckets.value(i);
            const QByteArray le = i < m_bounds.size() ? Metrics::formatValue(m_bounds[i]) : QByteArrayLiteral("+Inf");
            out += m_name + "_bucket{" + label + sep + "le=\"" + le + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        const QByteArray braces = label.isEmpty() ? QByteArray() : '{' + label + '}';
        out += m_name + "_sum" + braces + ' ' + Metrics::formatValue(s.sum) + '\n';
        out += m_name + "_count" + braces + ' ' + QByteArray::number(s.count) + '\n';
    }
}

// --- Gauge ---------------------------------------------------------------------------------------------

Gauge::Gauge(QByteArray name, QByteArray help) : m_name(std::move(name)), m_help(std::move(help)) {}

void Gauge::set(double value)
{
    const QMutexLocker lock(&m_mutex);
    m_value = value;
}

void Gauge::unset()
{
    const QMutexLocker lock(&m_mutex);
    m_value.reset();
}

std::optional<double> Gauge::value() const
{
    const QMutexLocker lock(&m_mutex);
    return m_value;
}

void Gauge::render(QByteArray &out) const
{
    appendHeader(out, m_name, m_help, "gauge");
    const std::optional<double> v = value();
    if (v)
        out += m_name + ' ' + Metrics::formatValue(*v) + '\n';
}

// --- Metrics -------------------------------------------------------------------------------------------

Metrics::Metrics()
    : m_requests("http_request_duration_seconds",
                 "Duration of the synthetic requests served by each simulated service, in seconds.",
                 "service", requestBuckets()),
      m_deliveryLatency("alert_delivery_latency_seconds",
                        "Time from an alert delivery's creation to its delivery, in seconds.", "channel",
                        deliveryBuckets()),
      m_auditWrites("audit_write_duration_seconds", "Duration of each audit_log row write, in seconds.", {},
                    auditBuckets()),
      m_cbStaleness("cb_staleness_seconds", "Age of the circuit breaker state as the platform sees it, in seconds."),
      m_poisonQueue("alert_poison_queue_size", "Number of alert deliveries in status poison.")
{
    for (const QString &channel : channels())
        m_deliveryLatency.ensureSeries(channel);
    m_auditWrites.ensureSeries();
}

Metrics::~Metrics()
{
    detachConnection();
}

QByteArray Metrics::render() const
{
    QByteArray out;
    m_requests.render(out);
    m_deliveryLatency.render(out);
    m_auditWrites.render(out);
    m_cbStaleness.render(out);
    m_poisonQueue.render(out);
    return out;
}

void Metrics::attachConnection(const QString &connectionName)
{
    detachConnection();
    const QMutexLocker lock(&g_registryMutex);
    m_connection = connectionName;
    registry().insert(connectionName, this);
}

void Metrics::detachConnection()
{
    const QMutexLocker lock(&g_registryMutex);
    if (m_connection.isEmpty())
        return;
    if (registry().value(m_connection) == this)
        registry().remove(m_connection);
    m_connection.clear();
}

void Metrics::observeAuditWrite(const QString &connectionName, double seconds)
{
    const QMutexLocker lock(&g_registryMutex);
    if (Metrics *m = registry().value(connectionName))
        m->m_auditWrites.observe(seconds);
}

QList<double> Metrics::requestBuckets()
{
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

QList<double> Metrics::deliveryBuckets()
{
    return {1, 5, 10, 30, 60, 120, 300, 600};
}

QList<double> Metrics::auditBuckets()
{
    return {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
}

QStringList Metrics::channels()
{
    return {QStringLiteral("email"), QStringLiteral("slack"), QStringLiteral("sms")};
}

QByteArray Metrics::formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray Metrics::escapeLabelValue(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray Metrics::escapeHelp(const QByteArray &help)
{
    QByteArray out;
    for (const char c : help) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

} // namespace opssandbox
