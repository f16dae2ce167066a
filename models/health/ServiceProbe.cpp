#include "health/ServiceProbe.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace ops {

ServiceProbe::ServiceProbe(QNetworkAccessManager &network, const ServiceEndpoint &endpoint, int timeoutMs,
                           QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(endpoint)
    , m_timeoutMs(timeoutMs)
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5 % early
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finishWithError(tr("Timed out after %1 s").arg(QLocale().toString(m_timeoutMs / 1000.0, 'g', 3)));
    });
}

ServiceProbe::~ServiceProbe()
{
    abort();
}

void ServiceProbe::start()
{
    m_elapsed.start();
    m_deadline.start(m_timeoutMs);
    m_live = get(m_endpoint.healthUrl);
    if (!m_endpoint.readinessUrl.isEmpty())
        m_ready = get(m_endpoint.readinessUrl);
}

void ServiceProbe::abort()
{
    m_deadline.stop();
    for (QNetworkReply *reply : {m_live.data(), m_ready.data()}) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
    m_live.clear();
    m_ready.clear();
}

QNetworkReply *ServiceProbe::get(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json, text/plain;q=0.5");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs + 1000); // backstop only: the hard deadline above decides
    QNetworkReply *reply = m_network.get(request);
    // A body larger than the parser accepts is cut off as soon as it is seen.
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > HealthParser::MaxBodyBytes && !m_done)
            finishWithError(tr("Response too large (over %1 MiB)").arg(HealthParser::MaxBodyBytes / (1024 * 1024)));
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    return reply;
}

HealthParseResult ServiceProbe::interpret(QNetworkReply *reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        HealthParseResult failed;
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            failed.error = tr("Connection refused");
            break;
        case QNetworkReply::HostNotFoundError:
            failed.error = tr("Host not found: %1").arg(reply->url().host());
            break;
        case QNetworkReply::RemoteHostClosedError:
            failed.error = tr("Connection closed by the server before it answered");
            break;
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            failed.error = tr("Timed out after %1 s").arg(QLocale().toString(m_timeoutMs / 1000.0, 'g', 3));
            break;
        default:
            failed.error = reply->errorString();
            break;
        }
        return failed;
    }
    const QByteArray body = reply->read(HealthParser::MaxBodyBytes + 1);
    return HealthParser::parse(status, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), body);
}

void ServiceProbe::onReplyFinished(QNetworkReply *reply)
{
    if (m_done)
        return;
    if (reply == m_live)
        m_liveResult = interpret(reply);
    else if (reply == m_ready)
        m_readyResult = interpret(reply);
    reply->deleteLater();
    if (reply == m_live)
        m_live.clear();
    else
        m_ready.clear();
    finishIfDone();
}

void ServiceProbe::finishIfDone()
{
    const bool readyPending = !m_endpoint.readinessUrl.isEmpty() && !m_readyResult;
    if (!m_liveResult || readyPending)
        return;
    m_done = true;
    m_deadline.stop();
    const ProbeResult result = combine(*m_liveResult, m_readyResult, int(m_elapsed.elapsed()));
    emit finished(result);
}

void ServiceProbe::finishWithError(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    abort();
    ProbeResult result;
    result.error = error;
    result.elapsedMs = int(m_elapsed.elapsed());
    emit finished(result);
}

ProbeResult ServiceProbe::combine(const HealthParseResult &liveness, const std::optional<HealthParseResult> &readiness,
                                  int elapsedMs)
{
    ProbeResult result;
    result.elapsedMs = elapsedMs;
    if (!liveness.ok) {
        result.error = liveness.error;
        return result;
    }
    result.ok = true;
    result.reading = liveness.reading;
    if (!readiness || liveness.reading.status == HealthStatus::Initialising)
        return result;

    HealthReading &r = result.reading;
    if (!readiness->ok) {
        if (healthSeverity(r.status) < healthSeverity(HealthStatus::Degraded)) {
            r.status = HealthStatus::Degraded;
            r.message = tr("Alive, but the readiness check failed: %1").arg(readiness->error);
        }
        return result;
    }
    const HealthReading &ready = readiness->reading;
    for (HealthComponent c : ready.components) {
        c.name = tr("ready: %1").arg(c.name);
        r.components.append(c);
    }
    // Readiness only ever adds to what liveness said; a worse liveness answer keeps its own words.
    if (healthSeverity(r.status) >= healthSeverity(HealthStatus::Degraded))
        return result;
    if (ready.status == HealthStatus::Initialising) {
        r.status = HealthStatus::Initialising;
        r.message = ready.message.isEmpty() ? tr("Alive, not ready yet (initialising)") : ready.message;
    } else if (ready.status != HealthStatus::Healthy && ready.status != HealthStatus::Disabled) {
        r.status = HealthStatus::Degraded;
        r.message = tr("Alive, but not ready (%1)").arg(healthStatusLabel(ready.status));
    }
    return result;
}

} // namespace ops
