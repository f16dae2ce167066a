#include "metrics/PrometheusClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <cmath>
#include <limits>
#include <memory>

namespace ops {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// A server-provided line, shortened so a huge error text never floods a card.
QString shortened(const QString &text)
{
    constexpr qsizetype Max = 300;
    const QString simplified = text.simplified();
    return simplified.size() > Max ? simplified.left(Max) + QStringLiteral("…") : simplified;
}

// Prometheus sends sample values as strings: "1.5", "NaN", "+Inf", "-Inf" (numbers accepted too).
bool parseValue(const QJsonValue &v, double *out)
{
    if (v.isDouble()) {
        *out = v.toDouble();
        return true;
    }
    if (!v.isString())
        return false;
    const QString s = v.toString().trimmed();
    if (s.compare(QLatin1String("NaN"), Qt::CaseInsensitive) == 0) {
        *out = NaN;
        return true;
    }
    if (s.compare(QLatin1String("+Inf"), Qt::CaseInsensitive) == 0
        || s.compare(QLatin1String("Inf"), Qt::CaseInsensitive) == 0) {
        *out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (s.compare(QLatin1String("-Inf"), Qt::CaseInsensitive) == 0) {
        *out = -std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    const double d = QLocale::c().toDouble(s, &ok);
    if (!ok)
        return false;
    *out = d;
    return true;
}

// [ <unix seconds as number>, "<value>" ]
bool parsePoint(const QJsonValue &v, PromSample *out)
{
    if (!v.isArray())
        return false;
    const QJsonArray a = v.toArray();
    if (a.size() != 2 || !a.at(0).isDouble())
        return false;
    const double ts = a.at(0).toDouble();
    if (!std::isfinite(ts))
        return false;
    out->atMs = qint64(std::llround(ts * 1000.0));
    return parseValue(a.at(1), &out->value);
}

QMap<QString, QString> parseLabels(const QJsonValue &v)
{
    QMap<QString, QString> labels;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray head = body.left(512).trimmed().toLower();
    return head.startsWith("<!doctype") || head.startsWith("<html") || head.startsWith('<');
}

} // namespace

double PromResult::scalar() const
{
    for (const PromSeries &s : series)
        for (const PromSample &p : s.samples)
            if (std::isfinite(p.value))
                return p.value;
    return NaN;
}

double PromResult::firstValue() const
{
    for (const PromSeries &s : series)
        for (const PromSample &p : s.samples)
            if (!std::isnan(p.value))
                return p.value;
    return NaN;
}

PrometheusClient::PrometheusClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

PrometheusClient::~PrometheusClient()
{
    // Calls still under way are dropped: their callbacks must not run into a dead client.
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_inFlight)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void PrometheusClient::setBaseUrl(const QUrl &url)
{
    QUrl base = url;
    // "http://host:9090/prometheus" and "http://host:9090/prometheus/" both mean the same prefix.
    if (base.isValid() && !base.isEmpty() && !base.path().endsWith(QLatin1Char('/')))
        base.setPath(base.path() + QLatin1Char('/'));
    m_baseUrl = base;
}

void PrometheusClient::query(const QString &promql, QObject *context, Callback callback)
{
    get(QStringLiteral("api/v1/query"), {{QStringLiteral("query"), promql}}, context, std::move(callback));
}

void PrometheusClient::queryRange(const QString &promql, const QDateTime &start, const QDateTime &end,
                                  int stepSeconds, QObject *context, Callback callback)
{
    const auto seconds = [](const QDateTime &t) {
        return QString::number(double(t.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
    };
    get(QStringLiteral("api/v1/query_range"),
        {{QStringLiteral("query"), promql},
         {QStringLiteral("start"), seconds(start)},
         {QStringLiteral("end"), seconds(end)},
         {QStringLiteral("step"), QString::number(std::max(1, stepSeconds))}},
        context, std::move(callback));
}

QString PrometheusClient::quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\');
        else if (c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029))
            continue; // control characters (incl. newline, NUL) are dropped
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

QUrl PrometheusClient::requestUrl(const QString &path, const QList<std::pair<QString, QString>> &params) const
{
    QUrl url = m_baseUrl.resolved(QUrl(path));
    // Encoded by hand: QUrlQuery leaves '+' alone, which Prometheus (Go) would read as a space.
    QByteArray query;
    for (const auto &[name, value] : params) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

struct PrometheusClient::Pending
{
    QPointer<QObject> context;
    bool hadContext = false;
    Callback callback;
    bool done = false;
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> deadline;
};

void PrometheusClient::get(const QString &path, const QList<std::pair<QString, QString>> &params, QObject *context,
                           Callback callback)
{
    auto pending = std::make_shared<Pending>();
    pending->context = context;
    pending->hadContext = context != nullptr;
    pending->callback = std::move(callback);

    if (!isConfigured() || !m_network) {
        QTimer::singleShot(0, this, [this, pending] {
            PromResult r;
            r.error = tr("Prometheus is not configured for this profile.");
            finish(pending, r);
        });
        return;
    }
    const QUrl url = requestUrl(path, params);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        QTimer::singleShot(0, this, [this, pending] {
            PromResult r;
            r.error = tr("The Prometheus address is not a valid http(s) URL.");
            finish(pending, r);
        });
        return;
    }

    // Hard deadline: the transfer timeout alone restarts with every byte, so a dripping server
    // would never time out.
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer);
    pending->deadline = deadline;
    const int timeoutMs = std::max(1, m_timeoutMs);
    connect(deadline, &QTimer::timeout, this, [this, pending, timeoutMs] {
        PromResult r;
        r.error = tr("No answer from Prometheus within %1 s.").arg(QLocale().toString(timeoutMs / 1000.0, 'g', 3));
        finish(pending, r);
    });
    deadline->start(timeoutMs);

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    pending->reply = reply;
    m_inFlight.append(reply);

    connect(reply, &QNetworkReply::downloadProgress, this, [this, pending](qint64 received, qint64 total) {
        if (pending->done || (received <= MaxBodyBytes && total <= MaxBodyBytes))
            return;
        PromResult r;
        r.error = tr("Prometheus' answer is too large (over %1 MiB).").arg(MaxBodyBytes / (1024 * 1024));
        finish(pending, r);
    });
    connect(reply, &QNetworkReply::finished, this, [this, pending, reply] {
        if (pending->done)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        PromResult r;
        if (status == 0) {
            r.error = reply->error() == QNetworkReply::OperationCanceledError
                          || reply->error() == QNetworkReply::TimeoutError
                ? tr("No answer from Prometheus within %1 s.").arg(QLocale().toString(m_timeoutMs / 1000.0, 'g', 3))
                : tr("Prometheus could not be reached: %1").arg(reply->errorString());
        } else {
            const QByteArray body = reply->read(MaxBodyBytes + 1);
            if (body.size() > MaxBodyBytes) {
                r.error = tr("Prometheus' answer is too large (over %1 MiB).").arg(MaxBodyBytes / (1024 * 1024));
            } else {
                r = parse(body, status);
            }
        }
        finish(pending, r);
    });
}

void PrometheusClient::finish(const std::shared_ptr<Pending> &pending, const PromResult &result)
{
    if (pending->done)
        return;
    pending->done = true;
    if (pending->deadline) {
        pending->deadline->stop();
        pending->deadline->deleteLater();
    }
    if (QNetworkReply *reply = pending->reply) {
        m_inFlight.removeAll(reply);
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    pending->reply.clear();
    m_inFlight.removeAll(QPointer<QNetworkReply>());
    Callback callback = std::move(pending->callback);
    pending->callback = nullptr;
    if (callback && (!pending->hadContext || pending->context))
        callback(result);
}

PromResult PrometheusClient::parse(const QByteArray &body, int httpStatus)
{
    PromResult r;
    r.kind = PromResult::Kind::Failed;
    r.httpStatus = httpStatus;

    QByteArray data = body;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        if (looksLikeHtml(data))
            r.error = tr("Prometheus answered HTTP %1 with a web page instead of JSON (a proxy or login page?).")
                          .arg(httpStatus);
        else if (data.trimmed().isEmpty())
            r.error = tr("Prometheus answered HTTP %1 with an empty body.").arg(httpStatus);
        else
            r.error = tr("Prometheus answered HTTP %1 with something that is not valid JSON (%2).")
                          .arg(httpStatus)
                          .arg(error.error != QJsonParseError::NoError ? error.errorString() : tr("not an object"));
        return r;
    }
    const QJsonObject root = doc.object();
    const QString status = root.value(QLatin1String("status")).toString();
    if (status == QLatin1String("error")) {
        const QString type = root.value(QLatin1String("errorType")).toString();
        const QString text = shortened(root.value(QLatin1String("error")).toString());
        r.error = type.isEmpty() ? tr("Prometheus refused the query: %1").arg(text)
                                 : tr("Prometheus refused the query (%1): %2").arg(shortened(type), text);
        return r;
    }
    if (httpStatus < 200 || httpStatus > 299) {
        r.error = tr("Prometheus answered HTTP %1.").arg(httpStatus);
        return r;
    }
    if (status != QLatin1String("success")) {
        r.error = tr("Prometheus' answer has no \"status\": \"success\".");
        return r;
    }
    const QJsonObject data_ = root.value(QLatin1String("data")).toObject();
    const QString type = data_.value(QLatin1String("resultType")).toString();
    const QJsonValue result = data_.value(QLatin1String("result"));
    const QString malformed = tr("Prometheus' answer is malformed (%1).");

    if (type == QLatin1String("vector") || type == QLatin1String("matrix")) {
        if (!result.isArray()) {
            r.error = malformed.arg(tr("result is not a list"));
            return r;
        }
        const bool matrix = type == QLatin1String("matrix");
        const QJsonArray list = result.toArray();
        for (const QJsonValue &item : list) {
            if (!item.isObject()) {
                r.error = malformed.arg(tr("a series is not an object"));
                return r;
            }
            const QJsonObject o = item.toObject();
            PromSeries series;
            series.labels = parseLabels(o.value(QLatin1String("metric")));
            if (matrix) {
                const QJsonValue values = o.value(QLatin1String("values"));
                if (!values.isArray()) {
                    r.error = malformed.arg(tr("a series has no values"));
                    return r;
                }
                for (const QJsonValue &pv : values.toArray()) {
                    PromSample p;
                    if (!parsePoint(pv, &p)) {
                        r.error = malformed.arg(tr("a sample is not [time, value]"));
                        return r;
                    }
                    series.samples.append(p);
                }
            } else {
                PromSample p;
                if (!parsePoint(o.value(QLatin1String("value")), &p)) {
                    r.error = malformed.arg(tr("a sample is not [time, value]"));
                    return r;
                }
                series.samples.append(p);
            }
            r.series.append(series);
        }
    } else if (type == QLatin1String("scalar")) {
        PromSample p;
        if (!parsePoint(result, &p)) {
            r.error = malformed.arg(tr("a sample is not [time, value]"));
            return r;
        }
        r.series.append(PromSeries{{}, {p}});
    } else {
        r.error = malformed.arg(tr("unexpected result type \"%1\"").arg(shortened(type)));
        return r;
    }

    bool any = false;
    for (const PromSeries &s : std::as_const(r.series))
        for (const PromSample &p : s.samples)
            any = any || !std::isnan(p.value);
    r.kind = any ? PromResult::Kind::Ok : PromResult::Kind::NoData;
    return r;
}

} // namespace ops
