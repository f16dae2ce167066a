#pragma once

// Helpers shared by the /api/v1 handlers (AuthApi, BreakerApi, ApiKeysApi, ConfigApi): the reply
// and caller types, JSON and timestamp conversions, the reason rule and the audit row writer.
// Internal.

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>
#include <QtHttpServer/QHttpServerRequest>
#include <QtNetwork/QHostAddress>

#include <utility>

class QSqlDatabase;
class QSqlQuery;

namespace opssandbox {

// One answer of the REST API; AuthApi::handle() adds Content-Type and X-Request-ID.
struct ApiReply
{
    int status = 200;
    QByteArray body; // JSON (empty for 204)
    qint64 retryAfter = -1; // >= 0: a Retry-After header in seconds
    QList<std::pair<QByteArray, QByteArray>> headers; // further headers
};

// A signed-in caller of an /api/v1 route, as AuthApi hands it to a delegate.
struct ApiCaller
{
    const QHttpServerRequest &request;
    QString path; // without trailing slashes
    QString requestId;
    QString clientIp;
    qint64 nowMs = 0; // the sandbox's clock at the start of the request
    qint64 userId = 0;
    QString username;
    QString role;
    QStringList permissions;
    QString sessionId; // the token's id
    // Set instead of the user fields above when the caller presented an API key (only on prefixes
    // delegated with a key authenticator): the key's id, public prefix and scopes.
    qint64 apiKeyId = 0;
    QString apiKeyPrefix;
    QStringList apiKeyScopes;

    bool can(const char *permission) const { return permissions.contains(QLatin1String(permission)); }
    bool viaApiKey() const { return apiKeyId > 0; }
    bool hasScope(const char *scope) const { return apiKeyScopes.contains(QLatin1String(scope)); }
};

namespace api {

inline QString isoZ(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz"))
           + QLatin1Char('Z');
}

// A nullable epoch-milliseconds column as an ISO timestamp or null.
inline QJsonValue isoOrNull(const QVariant &msecs)
{
    return msecs.isNull() ? QJsonValue() : QJsonValue(isoZ(msecs.toLongLong()));
}

inline QJsonValue textOrNull(const QVariant &text)
{
    return text.isNull() ? QJsonValue() : QJsonValue(text.toString());
}

// A nullable jsonb column (QPSQL hands it over as text) as an object or null.
inline QJsonValue objectOrNull(const QVariant &jsonText)
{
    if (jsonText.isNull())
        return QJsonValue();
    const QJsonDocument doc = QJsonDocument::fromJson(jsonText.toString().toUtf8());
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue();
}

inline QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline ApiReply error(int status, const char *code)
{
    return ApiReply{status, json(QJsonObject{{QStringLiteral("error"), QLatin1String(code)}}), -1, {}};
}

inline ApiReply reply(int status, const QJsonObject &body)
{
    return ApiReply{status, json(body), -1, {}};
}

// Timestamps cross the driver as milliseconds since the epoch, so no time zone is ever guessed.
inline QString toTs(const char *placeholder)
{
    return QStringLiteral("to_timestamp(CAST(%1 AS double precision) / 1000.0)").arg(QLatin1String(placeholder));
}
inline QString msOf(const char *column)
{
    return QStringLiteral("CAST(extract(epoch FROM %1) * 1000 AS bigint)").arg(QLatin1String(column));
}

inline QString clientAddress(const QHttpServerRequest &request)
{
    const QHostAddress address = request.remoteAddress();
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4).toString() : address.toString();
}

inline QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

inline ApiReply permissionDenied(const char *permission)
{
    return reply(403, QJsonObject{{QStringLiteral("error"), QStringLiteral("permission_denied")},
                                  {QStringLiteral("permission"), QLatin1String(permission)}});
}

// The text of a failed query; QPSQL leaves it empty after a lost connection.
QString sqlError(const QSqlQuery &q);
// A NULL of type text, to bind.
QVariant nullText();

// The reason rule (breaker trip/reset reasons, kill switch reason and notes, API key revocation):
// control characters and bidi embedding/override/isolate controls removed, CR LF and CR become LF,
// tabs become spaces, whitespace trimmed; visible = grapheme clusters holding a letter, number,
// punctuation or symbol.
struct Reason
{
    QString text;
    int visible = 0;
};
Reason normaliseReason(const QString &raw);
constexpr int kMinReasonVisible = 20;

// 422 reason_too_short (or another code) with the detail and the visible length.
ApiReply reasonTooShort(const Reason &reason, const char *error = "reason_too_short",
                        const char *detail = "Reason must have at least 20 visible characters");

// One audit_log row written on db (inside the caller's transaction, if any): user_id = username,
// ip_address, session_id (token id), request_id and amr_method 'pwd' come from the caller.
struct AuditRow
{
    QString action;
    QString eventType; // admin | auth | action
    QString resourceType;
    QVariant resourceId; // null or anything convertible to text
    QString outcome;     // success | denied | rejected | failure
    QString reason;      // empty = NULL
    QJsonObject details;
};
bool writeAudit(QSqlDatabase &db, const ApiCaller &caller, const AuditRow &row, qint64 *auditId = nullptr);

} // namespace api
} // namespace opssandbox
