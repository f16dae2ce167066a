#include "api/ApiClient.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslKey>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

namespace ops {

namespace {

QString seconds(int ms)
{
    return QLocale().toString(ms / 1000.0, 'g', 3);
}

// A server-provided line, shortened so a huge error body never floods a message box.
QString shortened(const QString &text)
{
    constexpr qsizetype Max = 300;
    const QString simplified = text.simplified();
    return simplified.size() > Max ? simplified.left(Max) + QStringLiteral("…") : simplified;
}

QString jsonString(const QJsonDocument &doc, const QString &key)
{
    if (!doc.isObject())
        return {};
    const QJsonValue value = doc.object().value(key);
    return value.isString() ? value.toString() : QString();
}

// The server's own explanation: "detail" (FastAPI) or "message", when they are text.
QString serverExplanation(const QJsonDocument &doc)
{
    QString text = jsonString(doc, QStringLiteral("detail"));
    if (text.isEmpty())
        text = jsonString(doc, QStringLiteral("message"));
    return shortened(text);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == QLatin1String("https") ? 443 : 80) == b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

QString origin(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toDisplayString();
}

QString commonName(const QStringList &names)
{
    return names.isEmpty() ? QCoreApplication::translate("ops::ApiClient", "(none)") : names.join(QStringLiteral(", "));
}

// Plain words next to Qt's own error text, for the errors operators actually meet.
QString plainHint(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
        return QCoreApplication::translate("ops::ApiClient",
                                           "The certificate is self signed and no trusted authority vouches for it.");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
        return QCoreApplication::translate("ops::ApiClient",
                                           "The issuer of the certificate is not trusted; configure the profile's CA bundle.");
    case QSslError::CertificateExpired:
        return QCoreApplication::translate("ops::ApiClient", "The certificate has expired.");
    case QSslError::CertificateNotYetValid:
        return QCoreApplication::translate("ops::ApiClient", "The certificate is not valid yet (check the clocks).");
    case QSslError::HostNameMismatch:
        return QCoreApplication::translate("ops::ApiClient",
                                           "The certificate was issued for another host name than the one in the profile.");
    default:
        return {};
    }
}

} // namespace

std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    constexpr int Cap = 86400;
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    const bool allDigits = std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (allDigits) {
        if (trimmed.size() > 9)
            return Cap;
        return std::min(trimmed.toInt(), Cap);
    }
    const QString text = QString::fromLatin1(trimmed);
    const QDateTime parsed = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!parsed.isValid())
        return std::nullopt;
    const QDateTime utc(parsed.date(), parsed.time(), QTimeZone::utc());
    const qint64 delta = now.secsTo(utc);
    return int(std::clamp<qint64>(delta, 0, Cap));
}

struct ApiClient::Pending
{
    QByteArray method;
    QUrl url;
    QByteArray payload;
    bool hasBody = false;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QString token; // captured when the call was made
    QPointer<QObject> context;
    bool hadContext = false;
    Callback callback;
    QString requestId;
    int hops = 0;
    bool done = false;
    QString tlsProblem;
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> deadline;
};

ApiClient::ApiClient(const ConnectionProfile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    qRegisterMetaType<ops::ApiResult>();
}

ApiClient::~ApiClient()
{
    // Callbacks of calls still under way are dropped: nobody is left to receive them safely.
    const QList<QNetworkReply *> replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

void ApiClient::setToken(const QString &token)
{
    m_token = token;
}

void ApiClient::get(const QString &path, QObject *context, Callback callback)
{
    send("GET", path, QJsonDocument(), context, std::move(callback));
}

void ApiClient::post(const QString &path, const QJsonDocument &body, QObject *context, Callback callback)
{
    send("POST", path, body, context, std::move(callback));
}

void ApiClient::send(const QByteArray &method, const QString &path, const QJsonDocument &body, QObject *context,
                     Callback callback, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    auto pending = std::make_shared<Pending>();
    pending->method = method.toUpper();
    pending->url = m_profile.restBaseUrl.resolved(QUrl(path));
    pending->hasBody = !body.isNull();
    if (pending->hasBody)
        pending->payload = body.toJson(QJsonDocument::Compact);
    pending->headers = headers;
    pending->token = m_token;
    pending->context = context;
    pending->hadContext = context != nullptr;
    pending->callback = std::move(callback);
    pending->requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);

    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer);
    pending->deadline = deadline;
    // This connection keeps the call alive until it finishes (finish() deletes the timer).
    connect(deadline, &QTimer::timeout, this, [this, pending] {
        if (pending->done)
            return;
        ApiResult result;
        result.kind = ApiResult::Kind::Timeout;
        result.message = tr("No answer within %1 s").arg(seconds(m_deadlineMs));
        finish(pending, result);
    });
    deadline->start(std::max(1, m_deadlineMs));

    if (!pending->url.isValid() || pending->url.scheme().isEmpty()) {
        QTimer::singleShot(0, this, [this, pending] {
            ApiResult result;
            result.kind = ApiResult::Kind::ClientError;
            result.message = tr("The profile's REST address is not a valid URL.");
            finish(pending, result);
        });
        return;
    }
    start(pending);
}

void ApiClient::start(const std::shared_ptr<Pending> &pending)
{
    QNetworkRequest request(pending->url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(m_deadlineMs + 1000); // backstop only: the hard deadline decides
    request.setRawHeader("Accept", "application/json");
    if (pending->hasBody)
        request.setRawHeader("Content-Type", "application/json");
    if (!pending->token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + pending->token.toUtf8());
    request.setRawHeader("X-Request-ID", pending->requestId.toLatin1());
    for (const auto &[name, value] : pending->headers) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            continue; // the token is ours to add
        request.setRawHeader(name, value);
    }

    if (pending->url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_profile.caBundlePath.isEmpty()) {
            const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_profile.caBundlePath, QSsl::Pem);
            if (cas.isEmpty()) {
                QTimer::singleShot(0, this, [this, pending] {
                    ApiResult result;
                    result.kind = ApiResult::Kind::TlsError;
                    result.message = tr("The CA bundle %1 could not be read or holds no PEM certificate.")
                                         .arg(m_profile.caBundlePath);
                    finish(pending, result);
                });
                return;
            }
            tls.addCaCertificates(cas);
        }
        request.setSslConfiguration(tls);
    }

    QNetworkReply *reply = nullptr;
    if (pending->method == "GET" && !pending->hasBody)
        reply = m_network->get(request);
    else
        reply = m_network->sendCustomRequest(request, pending->method, pending->payload);
    pending->reply = reply;

    connect(reply, &QNetworkReply::downloadProgress, this, [this, pending](qint64 received, qint64 total) {
        if (pending->done || (received <= MaxBodyBytes && total <= MaxBodyBytes))
            return;
        ApiResult result;
        result.kind = ApiResult::Kind::ServerError;
        result.message = tr("Response too large (over %1 MiB)").arg(MaxBodyBytes / (1024 * 1024));
        finish(pending, result);
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this, pending, reply](const QList<QSslError> &errors) {
        QStringList lines;
        for (const QSslError &error : errors) {
            QString line = error.errorString();
            const QString hint = plainHint(error);
            if (!hint.isEmpty())
                line += QStringLiteral(" — ") + hint;
            lines << line;
        }
        QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (peer.isNull() && !errors.isEmpty())
            peer = errors.first().certificate();
        if (!peer.isNull()) {
            lines << tr("Server certificate: subject %1; issuer %2; expires %3; SHA-256 fingerprint %4")
                         .arg(commonName(peer.subjectInfo(QSslCertificate::CommonName)),
                              commonName(peer.issuerInfo(QSslCertificate::CommonName)),
                              peer.expiryDate().toUTC().toString(Qt::ISODate),
                              QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex(':')));
        }
        pending->tlsProblem = lines.join(QLatin1Char('\n'));
        m_lastTlsProblem = pending->tlsProblem;
        // Never ignored: the reply now fails with a handshake error and finish() reports it.
    });
    connect(reply, &QNetworkReply::encrypted, this, [this, pending, reply] {
        const QString problem = checkPin(reply);
        if (problem.isEmpty() || pending->done)
            return;
        pending->tlsProblem = problem;
        m_lastTlsProblem = problem;
        ApiResult result;
        result.kind = ApiResult::Kind::TlsError;
        result.message = problem;
        finish(pending, result);
    });
    connect(reply, &QNetworkReply::finished, this, [this, pending, reply] {
        if (pending->done || reply != pending->reply)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray location = reply->rawHeader("Location").trimmed();
        const QUrl locationUrl = QUrl::fromEncoded(location);
        const bool redirect = (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
            && !location.isEmpty() && locationUrl.isValid();
        if (redirect) {
            const QUrl target = reply->url().resolved(locationUrl);
            ApiResult result;
            result.kind = ApiResult::Kind::ServerError;
            result.httpStatus = status;
            if (!sameOrigin(target, pending->url)) {
                result.message = tr("The server redirected to another origin (%1); the request was not followed.")
                                     .arg(origin(target));
                finish(pending, result);
                return;
            }
            if (pending->hops >= 3) {
                result.message = tr("Too many redirects (more than 3); the request was not followed.");
                finish(pending, result);
                return;
            }
            ++pending->hops;
            pending->url = target;
            if (status == 303 || ((status == 301 || status == 302) && pending->method == "POST")) {
                pending->method = "GET";
                pending->hasBody = false;
                pending->payload.fill('\0');
                pending->payload.clear();
            }
            reply->disconnect(this);
            reply->deleteLater();
            pending->reply.clear();
            start(pending);
            return;
        }
        ApiResult result;
        if (!pending->tlsProblem.isEmpty()
            || (status == 0 && reply->error() == QNetworkReply::SslHandshakeFailedError)) {
            result.kind = ApiResult::Kind::TlsError;
            result.message = pending->tlsProblem.isEmpty()
                ? tr("The secure connection failed: %1").arg(reply->errorString())
                : tr("The server's certificate was refused: %1").arg(pending->tlsProblem);
            if (pending->tlsProblem.isEmpty())
                m_lastTlsProblem = reply->errorString();
        } else {
            result = interpret(reply, reply->read(MaxBodyBytes + 1));
        }
        finish(pending, result);
    });
}

void ApiClient::finish(const std::shared_ptr<Pending> &pending, ApiResult result)
{
    if (pending->done)
        return;
    pending->done = true;
    if (pending->deadline) {
        pending->deadline->stop();
        pending->deadline->deleteLater();
    }
    if (QNetworkReply *reply = pending->reply) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    pending->reply.clear();
    pending->payload.fill('\0'); // may hold a password
    pending->payload.clear();
    pending->token.fill(QChar(0));
    pending->token.clear();

    result.requestId = pending->requestId;
    Callback callback = std::move(pending->callback);
    pending->callback = nullptr;
    QPointer<ApiClient> self(this);
    if (result.kind == ApiResult::Kind::Unauthenticated)
        emit unauthenticated(result);
    if (!self)
        return;
    if (callback && (!pending->hadContext || pending->context))
        callback(result);
}

ApiResult ApiClient::interpret(QNetworkReply *reply, const QByteArray &body) const
{
    ApiResult result;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.httpStatus = status;
    result.etag = reply->rawHeader("ETag").trimmed().left(256);

    if (status == 0) {
        result.kind = ApiResult::Kind::NetworkError;
        const QString where = reply->url().host() + QLatin1Char(':')
            + QString::number(reply->url().port(reply->url().scheme() == QLatin1String("https") ? 443 : 80));
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            result.message = tr("Connection refused by %1: is the platform running?").arg(where);
            break;
        case QNetworkReply::HostNotFoundError:
            result.message = tr("Host not found: %1").arg(reply->url().host());
            break;
        case QNetworkReply::RemoteHostClosedError:
            result.message = tr("The server at %1 closed the connection before it answered").arg(where);
            break;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            result.kind = ApiResult::Kind::Timeout;
            result.message = tr("No answer within %1 s").arg(seconds(m_deadlineMs));
            break;
        case QNetworkReply::NoError:
            result.message = tr("No HTTP answer from %1").arg(where);
            break;
        default:
            result.message = tr("Network error talking to %1: %2").arg(where, reply->errorString());
            break;
        }
        return result;
    }

    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    const QByteArray trimmed = body.trimmed();
    const bool empty = trimmed.isEmpty();
    QJsonParseError parseError{};
    const QJsonDocument doc = empty ? QJsonDocument() : QJsonDocument::fromJson(body, &parseError);
    const bool isJson = !empty && parseError.error == QJsonParseError::NoError;
    const bool isHtml = contentType.contains("html") || trimmed.startsWith('<');
    if (isJson)
        result.body = doc;
    result.errorCode = jsonString(doc, QStringLiteral("error"));
    const QString explanation = serverExplanation(doc);
    const QString unreadable = tr("the body is not valid JSON (%1)").arg(parseError.errorString());
    const std::optional<int> retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());

    if (status >= 200 && status < 300) {
        if (empty || isJson) {
            result.kind = ApiResult::Kind::Ok;
            return result;
        }
        result.kind = ApiResult::Kind::ServerError;
        result.message = tr("Unexpected non-JSON answer (a login page?)");
        return result;
    }
    if (status == 401) {
        result.kind = ApiResult::Kind::Unauthenticated;
        if (result.errorCode.isEmpty())
            result.errorCode = QStringLiteral("unauthenticated");
        result.message = result.errorCode == QLatin1String("token_expired")
            ? tr("Your session has expired. Please sign in again.")
            : (explanation.isEmpty() ? tr("Please sign in.") : explanation);
        return result;
    }
    if (status == 403) {
        result.kind = ApiResult::Kind::Forbidden;
        for (const QString &key : {QStringLiteral("permission"), QStringLiteral("required_permission"),
                                   QStringLiteral("missing_permission")}) {
            result.permission = jsonString(doc, key);
            if (!result.permission.isEmpty())
                break;
        }
        if (!result.permission.isEmpty())
            result.message = tr("Not allowed: your role lacks the permission \"%1\".").arg(result.permission);
        else
            result.message = explanation.isEmpty() ? tr("Not allowed by the server.") : explanation;
        return result;
    }
    if (status == 429) {
        result.kind = ApiResult::Kind::RateLimited;
        result.retryAfterSeconds = retryAfter;
        QString line = explanation.isEmpty() ? tr("Too many requests.") : explanation;
        if (retryAfter)
            line += QLatin1Char(' ') + tr("Try again in %1 s.").arg(*retryAfter);
        result.message = line;
        return result;
    }
    if (status >= 500) {
        result.kind = ApiResult::Kind::ServerError;
        result.retryAfterSeconds = retryAfter;
        if (isHtml && !isJson)
            result.message = tr("HTTP %1 from a proxy (HTML page)").arg(status);
        else if (!empty && !isJson)
            result.message = tr("HTTP %1 from the server; %2").arg(status).arg(unreadable);
        else if (!explanation.isEmpty())
            result.message = tr("HTTP %1 from the server: %2").arg(status).arg(explanation);
        else
            result.message = tr("HTTP %1 from the server").arg(status);
        return result;
    }
    if (status >= 400) {
        result.kind = ApiResult::Kind::ClientError;
        if (isHtml && !isJson)
            result.message = tr("HTTP %1 (an HTML page, not the platform's API)").arg(status);
        else if (!empty && !isJson)
            result.message = tr("HTTP %1; %2").arg(status).arg(unreadable);
        else if (!explanation.isEmpty())
            result.message = tr("HTTP %1: %2").arg(status).arg(explanation);
        else
            result.message = tr("HTTP %1").arg(status);
        return result;
    }
    result.kind = ApiResult::Kind::ServerError;
    result.message = tr("Unexpected HTTP %1 answer").arg(status);
    return result;
}

QString ApiClient::checkPin(QNetworkReply *reply) const
{
    const QString expected = m_profile.publicKeyPinSha256.trimmed();
    if (expected.isEmpty())
        return {};
    const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
    const QString got = peer.isNull()
        ? tr("no certificate")
        : QString::fromLatin1(QCryptographicHash::hash(peer.publicKey().toDer(), QCryptographicHash::Sha256).toBase64());
    if (got == expected)
        return {};
    return tr("The server's public key does not match the pinned key (expected %1, got %2)").arg(expected, got);
}

} // namespace ops
