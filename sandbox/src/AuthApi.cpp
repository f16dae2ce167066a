#include "AuthApi.h"

#include "Metrics.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QUuid>
#include <QtCore/QVariant>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QtNetwork/QPasswordDigestor>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace opssandbox {

namespace {

using Status = QHttpServerResponder::StatusCode;

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    for (int i = 0; i < count; i += 4) {
        const quint32 word = QRandomGenerator::system()->generate();
        for (int b = 0; b < 4 && i + b < count; ++b)
            out[i + b] = char((word >> (8 * b)) & 0xff);
    }
    return out;
}

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt,
                                              iterations, 32);
}

QByteArray tokenHash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

// The API key of a request: the X-API-Key header when present (even empty), else the credentials
// of `Authorization: ApiKey <key>`; nothing when neither is there.
std::optional<QByteArray> presentedApiKey(const QHttpServerRequest &request)
{
    const auto headers = request.headers();
    for (const auto &h : headers)
        if (h.first.compare(QByteArrayLiteral("X-API-Key"), Qt::CaseInsensitive) == 0)
            return h.second.trimmed();
    const QByteArray authorization = api::headerValue(request, QByteArrayLiteral("Authorization")).trimmed();
    const qsizetype space = authorization.indexOf(' ');
    const QByteArray scheme = space < 0 ? authorization : authorization.left(space);
    if (scheme.compare(QByteArrayLiteral("ApiKey"), Qt::CaseInsensitive) == 0)
        return authorization.mid(scheme.size()).trimmed();
    return std::nullopt;
}

using api::clientAddress;
using api::headerValue;
using api::isoZ;
using api::json;
using api::msOf;
using api::toTs;

} // namespace

struct AuthApi::Context
{
    const QHttpServerRequest &request;
    QString path;
    QString requestId;
    QString user; // for the request log
    qint64 nowMs = 0;
};

struct AuthApi::Principal
{
    qint64 tokenId = 0;
    qint64 userId = 0;
    QString username;
    QString role;
    qint64 expiresMs = 0;
    qint64 lastSeenMs = 0;
};

// --- static helpers -----------------------------------------------------------------------------

QStringList AuthApi::permissionsFor(const QString &role)
{
    const QStringList viewer{QStringLiteral("health:view"), QStringLiteral("breaker:view"),
                             QStringLiteral("alerts:view")};
    const QStringList operatorExtra{QStringLiteral("breaker:trip"), QStringLiteral("breaker:reset"),
                                    QStringLiteral("alerts:manage_rules"),
                                    QStringLiteral("alerts:acknowledge"), QStringLiteral("alerts:retry")};
    const QStringList adminExtra{QStringLiteral("api_keys:manage"), QStringLiteral("config:edit"),
                                 QStringLiteral("audit:view"), QStringLiteral("users:view")};
    if (role == QLatin1String("viewer"))
        return viewer;
    if (role == QLatin1String("operator"))
        return viewer + operatorExtra;
    if (role == QLatin1String("admin"))
        return viewer + operatorExtra + adminExtra;
    return {}; // unknown roles are denied everything
}

bool AuthApi::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // The length is not secret (always 32 here); the content is compared without early exit.
    if (a.size() != b.size())
        return false;
    unsigned int diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= unsigned(quint8(a[i]) ^ quint8(b[i]));
    return diff == 0;
}

AuthApi::AuthApi(QString connectionName, Clock clock)
    : m_connectionName(std::move(connectionName)), m_clock(std::move(clock))
{
}

bool AuthApi::seedUsers(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto fail = [&](const QString &m) {
        if (error)
            *error = QStringLiteral("cannot seed the demo users: %1").arg(m);
        return false;
    };
    if (!db.isOpen() && !db.open())
        return fail(db.lastError().text().simplified());
    QSqlQuery count(db);
    if (!count.exec(QStringLiteral("SELECT count(*) FROM users")) || !count.next())
        return fail(count.lastError().text().simplified());
    if (count.value(0).toLongLong() > 0)
        return true;
    const qint64 nowMs = m_clock().toMSecsSinceEpoch();
    for (const char *name : {"viewer", "operator", "admin"}) {
        const QString user = QString::fromLatin1(name);
        const QByteArray salt = randomBytes(16);
        const QByteArray hash = derive(user + QStringLiteral("-sandbox-pw"), salt, kPasswordIterations);
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
                           "INSERT INTO users (username, role, password_hash, password_salt, "
                           "password_iterations, created_at) VALUES (:u, :r, :h, :s, :i, %1) "
                           "ON CONFLICT (username) DO NOTHING")
                           .arg(toTs(":t")));
        insert.bindValue(QStringLiteral(":u"), user);
        insert.bindValue(QStringLiteral(":r"), user); // the demo users are named after their role
        insert.bindValue(QStringLiteral(":h"), hash);
        insert.bindValue(QStringLiteral(":s"), salt);
        insert.bindValue(QStringLiteral(":i"), kPasswordIterations);
        insert.bindValue(QStringLiteral(":t"), nowMs);
        if (!insert.exec())
            return fail(insert.lastError().text().simplified());
    }
    qCInfo(lcSandbox, "seeded the demo users viewer, operator, admin");
    return true;
}

// --- request plumbing ------------------------------------------------------------------------------

void AuthApi::delegate(const QString &prefix, Delegate handler)
{
    m_delegates.push_back({prefix, std::move(handler), {}});
}

void AuthApi::delegate(const QString &prefix, Delegate handler, KeyAuthenticator keys)
{
    m_delegates.push_back({prefix, std::move(handler), std::move(keys)});
}

void AuthApi::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    static const QRegularExpression saneId(QStringLiteral("^[A-Za-z0-9._-]{1,128}$"));
    Context ctx{request, request.url().path(), {}, {}, m_clock().toMSecsSinceEpoch()};
    while (ctx.path.size() > 1 && ctx.path.endsWith(QLatin1Char('/')))
        ctx.path.chop(1);
    const QString offered = QString::fromLatin1(headerValue(request, QByteArrayLiteral("X-Request-ID")));
    ctx.requestId = saneId.match(offered).hasMatch() ? offered
                                                      : QUuid::createUuid().toString(QUuid::WithoutBraces);

    const ApiReply reply = route(ctx);

    using M = QHttpServerRequest::Method;
    const M method = request.method();
    // Method, path, status, request id and user only: never a header (tokens, API keys).
    qCInfo(lcSandbox, "api %s %s -> %d request_id=%s user=%s",
           method == M::Get      ? "GET"
           : method == M::Post   ? "POST"
           : method == M::Put    ? "PUT"
           : method == M::Delete ? "DELETE"
                                 : "OTHER",
           qPrintable(ctx.path), reply.status, qPrintable(ctx.requestId),
           ctx.user.isEmpty() ? "-" : qPrintable(ctx.user));

    const QByteArray rid = ctx.requestId.toLatin1();
    const auto status = static_cast<Status>(reply.status);
    if (reply.status == 204) {
        responder.write({{QByteArrayLiteral("X-Request-ID"), rid}}, status);
        return;
    }
    responder.writeStatusLine(status);
    responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    responder.writeHeader(QByteArrayLiteral("X-Request-ID"), rid);
    if (reply.retryAfter >= 0)
        responder.writeHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(reply.retryAfter));
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body);
}

ApiReply AuthApi::route(Context &ctx)
{
    using M = QHttpServerRequest::Method;
    using api::error;
    const M method = ctx.request.method();
    const QString &path = ctx.path;
    if (path != QLatin1String("/api/v1") && !path.startsWith(QLatin1String("/api/v1/")))
        return error(404, "not_found");

    if (path == QLatin1String("/api/v1/auth/login")) {
        if (method != M::Post)
            return error(405, "method_not_allowed");
        return login(ctx);
    }

    const DelegateEntry *target = nullptr;
    for (const DelegateEntry &d : m_delegates) {
        if (path == d.prefix || (path.startsWith(d.prefix) && path.at(d.prefix.size()) == QLatin1Char('/'))) {
            target = &d;
            break;
        }
    }

    if (target && target->keys) {
        if (const std::optional<QByteArray> key = presentedApiKey(ctx.request)) {
            ApiCaller caller{ctx.request, path, ctx.requestId, clientAddress(ctx.request), ctx.nowMs,
                             0, {}, {}, {}, {}, 0, {}, {}};
            std::optional<ApiReply> refused = target->keys(*key, caller);
            ctx.user = caller.username; // never the key itself
            return refused ? *refused : target->handler(caller);
        }
    }

    Principal who;
    ApiReply failure;
    if (!authenticate(ctx, &who, &failure))
        return failure;

    if (target) {
        const ApiCaller caller{ctx.request, path, ctx.requestId, clientAddress(ctx.request), ctx.nowMs,
                               who.userId, who.username, who.role, permissionsFor(who.role),
                               QString::number(who.tokenId), 0, {}, {}};
        return target->handler(caller);
    }

    struct Route
    {
        const char *path;
        M method;
        const char *permission; // nullptr = any signed-in user
    };
    static const Route routes[] = {
        {"/api/v1/auth/me", M::Get, nullptr},
        {"/api/v1/auth/logout", M::Post, nullptr},
        {"/api/v1/system/info", M::Get, "health:view"},
        {"/api/v1/admin/users", M::Get, "users:view"},
    };
    for (const Route &r : routes) {
        if (path != QLatin1String(r.path))
            continue;
        if (method != r.method)
            return error(405, "method_not_allowed");
        if (r.permission && !permissionsFor(who.role).contains(QLatin1String(r.permission)))
            return ApiReply{403,
                            json(QJsonObject{{QStringLiteral("error"), QStringLiteral("permission_denied")},
                                             {QStringLiteral("permission"), QLatin1String(r.permission)}}),
                            -1, {}};
        if (path == QLatin1String("/api/v1/auth/me"))
            return me(who);
        if (path == QLatin1String("/api/v1/auth/logout"))
            return logout(ctx, who);
        if (path == QLatin1String("/api/v1/system/info"))
            return systemInfo();
        return listUsers();
    }
    return error(404, "not_found");
}

// --- authentication ------------------------------------------------------------------------------

bool AuthApi::authenticate(Context &ctx, Principal *who, ApiReply *failure)
{
    static const QRegularExpression bearer(QStringLiteral("^[Bb][Ee][Aa][Rr][Ee][Rr] +([A-Za-z0-9_-]{1,256})$"));
    auto deny = [&](int status, const char *code) {
        *failure = api::error(status, code);
        return false;
    };
    const auto match = bearer.match(QString::fromLatin1(headerValue(ctx.request, QByteArrayLiteral("Authorization"))).trimmed());
    if (!match.hasMatch())
        return deny(401, "unauthenticated");

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() && !db.open())
        return deny(503, "database_unavailable");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT t.id, u.id, u.username, u.role, %1, %2, t.revoked_at IS NOT NULL "
                             "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = :h")
                  .arg(msOf("t.expires_at"), msOf("t.last_seen_at")));
    q.bindValue(QStringLiteral(":h"), tokenHash(match.captured(1).toLatin1()));
    if (!q.exec()) {
        qCWarning(lcSandbox, "token lookup failed: %s", qPrintable(q.lastError().text().simplified()));
        db.close();
        return deny(503, "database_unavailable");
    }
    if (!q.next() || q.value(6).toBool())
        return deny(401, "unauthenticated");
    who->tokenId = q.value(0).toLongLong();
    who->userId = q.value(1).toLongLong();
    who->username = q.value(2).toString();
    who->role = q.value(3).toString();
    who->expiresMs = q.value(4).toLongLong();
    who->lastSeenMs = q.value(5).toLongLong();
    q.finish();
    ctx.user = who->username;
    if (ctx.nowMs >= who->expiresMs || ctx.nowMs >= who->lastSeenMs + kIdleTimeoutSecs * 1000)
        return deny(401, "token_expired");

    QSqlQuery touch(db);
    touch.prepare(QStringLiteral("UPDATE api_tokens SET last_seen_at = %1 WHERE id = :id").arg(toTs(":t")));
    touch.bindValue(QStringLiteral(":t"), ctx.nowMs);
    touch.bindValue(QStringLiteral(":id"), who->tokenId);
    if (!touch.exec()) {
        qCWarning(lcSandbox, "token refresh failed: %s", qPrintable(touch.lastError().text().simplified()));
        return deny(503, "database_unavailable");
    }
    who->lastSeenMs = ctx.nowMs;
    return true;
}

ApiReply AuthApi::login(Context &ctx)
{
    using api::error;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(ctx.request.body(), &parseError);
    const QJsonObject body = doc.object();
    const QJsonValue userValue = body.value(QStringLiteral("username"));
    const QJsonValue passValue = body.value(QStringLiteral("password"));
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !userValue.isString()
        || !passValue.isString() || userValue.toString().isEmpty() || userValue.toString().size() > 128)
        return error(400, "invalid_request");
    const QString username = userValue.toString();
    const QString password = passValue.toString();
    ctx.user = username;

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() && !db.open())
        return error(503, "database_unavailable");
    auto dbFailed = [&](const QSqlQuery &q) {
        qCWarning(lcSandbox, "login query failed: %s", qPrintable(q.lastError().text().simplified()));
        db.close();
        return error(503, "database_unavailable");
    };

    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, role, password_hash, password_salt, password_iterations, "
                             "failed_logins, %1 FROM users WHERE username = :u")
                  .arg(msOf("locked_until")));
    q.bindValue(QStringLiteral(":u"), username);
    if (!q.exec())
        return dbFailed(q);

    if (!q.next()) {
        // Same work and the same answer as a wrong password, so names cannot be probed.
        static const QByteArray dummySalt = randomBytes(16);
        const QByteArray dummy = derive(password, dummySalt, kPasswordIterations);
        [[maybe_unused]] volatile bool same = constantTimeEquals(dummy, dummy);
        audit(ctx, QStringLiteral("LOGIN_FAILED"), username, QStringLiteral("failure"),
              QJsonObject{{QStringLiteral("reason"), QStringLiteral("invalid_credentials")}}, {});
        return error(401, "invalid_credentials");
    }
    const qint64 userId = q.value(0).toLongLong();
    const QString role = q.value(1).toString();
    const QByteArray storedHash = q.value(2).toByteArray();
    const QByteArray salt = q.value(3).toByteArray();
    const int iterations = q.value(4).toInt();
    const int failed = q.value(5).toInt();
    const std::optional<qint64> lockedUntil =
        q.value(6).isNull() ? std::nullopt : std::optional<qint64>(q.value(6).toLongLong());
    q.finish();

    if (lockedUntil && *lockedUntil > ctx.nowMs) {
        const qint64 retry = (*lockedUntil - ctx.nowMs + 999) / 1000;
        audit(ctx, QStringLiteral("LOGIN_LOCKED"), username, QStringLiteral("failure"),
              QJsonObject{{QStringLiteral("reason"), QStringLiteral("too_many_attempts")},
                          {QStringLiteral("locked_until"), isoZ(*lockedUntil)},
                          {QStringLiteral("retry_after_seconds"), retry}},
              {});
        ApiReply r = error(429, "too_many_attempts");
        r.retryAfter = retry;
        return r;
    }

    const bool usable = !storedHash.isEmpty() && !salt.isEmpty() && iterations > 0;
    const QByteArray computed = derive(password, usable ? salt : QByteArrayLiteral("no-password-set"),
                                       usable ? iterations : kPasswordIterations);
    if (!usable || !constantTimeEquals(computed, storedHash)) {
        const int attempts = failed + 1;
        const bool lock = attempts >= kMaxFailedLogins;
        QSqlQuery upd(db);
        if (lock) {
            upd.prepare(QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = %1 WHERE id = :id")
                            .arg(toTs(":t")));
            upd.bindValue(QStringLiteral(":t"), ctx.nowMs + kLockoutSecs * 1000);
        } else {
            upd.prepare(QStringLiteral("UPDATE users SET failed_logins = :n WHERE id = :id"));
            upd.bindValue(QStringLiteral(":n"), attempts);
        }
        upd.bindValue(QStringLiteral(":id"), userId);
        if (!upd.exec())
            return dbFailed(upd);
        QJsonObject details{{QStringLiteral("reason"), QStringLiteral("invalid_credentials")},
                            {QStringLiteral("consecutive_failures"), attempts}};
        if (lock)
            details.insert(QStringLiteral("locked_for_seconds"), kLockoutSecs);
        audit(ctx, QStringLiteral("LOGIN_FAILED"), username, QStringLiteral("failure"), details, {});
        return error(401, "invalid_credentials");
    }

    QSqlQuery reset(db);
    reset.prepare(QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :id"));
    reset.bindValue(QStringLiteral(":id"), userId);
    if (!reset.exec())
        return dbFailed(reset);

    const QByteArray token = randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const qint64 expiresMs = ctx.nowMs + kTokenLifetimeSecs * 1000;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at, last_seen_at) "
                                  "VALUES (:h, :u, %1, %2, %3) RETURNING id")
                       .arg(toTs(":c"), toTs(":e"), toTs(":s")));
    insert.bindValue(QStringLiteral(":h"), tokenHash(token));
    insert.bindValue(QStringLiteral(":u"), userId);
    insert.bindValue(QStringLiteral(":c"), ctx.nowMs);
    insert.bindValue(QStringLiteral(":e"), expiresMs);
    insert.bindValue(QStringLiteral(":s"), ctx.nowMs);
    if (!insert.exec() || !insert.next())
        return dbFailed(insert);
    const QString sessionId = QString::number(insert.value(0).toLongLong());

    audit(ctx, QStringLiteral("LOGIN"), username, QStringLiteral("success"),
          QJsonObject{{QStringLiteral("role"), role}}, sessionId);
    return ApiReply{200,
                    json(QJsonObject{
                        {QStringLiteral("token"), QString::fromLatin1(token)},
                        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                        {QStringLiteral("expires_at"), isoZ(expiresMs)},
                        {QStringLiteral("user"),
                         QJsonObject{{QStringLiteral("username"), username},
                                     {QStringLiteral("role"), role},
                                     {QStringLiteral("permissions"), QJsonArray::fromStringList(permissionsFor(role))}}},
                    }),
                    -1, {}};
}

ApiReply AuthApi::logout(Context &ctx, const Principal &who)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE api_tokens SET revoked_at = %1 WHERE id = :id AND revoked_at IS NULL")
                  .arg(toTs(":t")));
    q.bindValue(QStringLiteral(":t"), ctx.nowMs);
    q.bindValue(QStringLiteral(":id"), who.tokenId);
    if (!q.exec()) {
        qCWarning(lcSandbox, "logout failed: %s", qPrintable(q.lastError().text().simplified()));
        return ApiReply{503, json(QJsonObject{{QStringLiteral("error"), QStringLiteral("database_unavailable")}}), -1, {}};
    }
    audit(ctx, QStringLiteral("LOGOUT"), who.username, QStringLiteral("success"), QJsonObject{},
          QString::number(who.tokenId));
    return ApiReply{204, {}, -1, {}};
}

ApiReply AuthApi::me(const Principal &who)
{
    const qint64 idle = std::min(who.lastSeenMs + kIdleTimeoutSecs * 1000, who.expiresMs);
    return ApiReply{200,
                    json(QJsonObject{
                        {QStringLiteral("username"), who.username},
                        {QStringLiteral("role"), who.role},
                        {QStringLiteral("permissions"), QJsonArray::fromStringList(permissionsFor(who.role))},
                        {QStringLiteral("expires_at"), isoZ(who.expiresMs)},
                        {QStringLiteral("idle_expires_at"), isoZ(idle)},
                    }),
                    -1, {}};
}

ApiReply AuthApi::systemInfo()
{
    return ApiReply{200,
                    json(QJsonObject{{QStringLiteral("platform"), QStringLiteral("ops-sandbox")},
                                     {QStringLiteral("version"), QStringLiteral("0.1.0")},
                                     {QStringLiteral("server_time"), isoZ(m_clock().toMSecsSinceEpoch())}}),
                    -1, {}};
}

ApiReply AuthApi::listUsers()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT username, role, %1, %2 FROM users ORDER BY id")
                    .arg(msOf("created_at"), msOf("locked_until")))) {
        qCWarning(lcSandbox, "listing users failed: %s", qPrintable(q.lastError().text().simplified()));
        return ApiReply{503, json(QJsonObject{{QStringLiteral("error"), QStringLiteral("database_unavailable")}}), -1, {}};
    }
    QJsonArray users;
    while (q.next()) {
        users.append(QJsonObject{
            {QStringLiteral("username"), q.value(0).toString()},
            {QStringLiteral("role"), q.value(1).toString()},
            {QStringLiteral("created_at"), isoZ(q.value(2).toLongLong())},
            {QStringLiteral("locked_until"), q.value(3).isNull() ? QJsonValue() : QJsonValue(isoZ(q.value(3).toLongLong()))},
        });
    }
    return ApiReply{200, QJsonDocument(users).toJson(QJsonDocument::Compact), -1, {}};
}

void AuthApi::audit(const Context &ctx, const QString &action, const QString &userId,
                    const QString &outcome, const QJsonObject &details, const QString &sessionId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QElapsedTimer timer; // audit_write_duration_seconds
    timer.start();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO audit_log (\"timestamp\", user_id, action, details, ip_address, "
                             "session_id, event_type, resource_type, resource_id, outcome, amr_method, request_id) "
                             "VALUES (%1, :user, :action, CAST(:details AS jsonb), :ip, :session, 'auth', "
                             ":rtype, :rid, :outcome, 'pwd', :request)")
                  .arg(toTs(":t")));
    q.bindValue(QStringLiteral(":t"), ctx.nowMs);
    q.bindValue(QStringLiteral(":user"), userId);
    q.bindValue(QStringLiteral(":action"), action);
    q.bindValue(QStringLiteral(":details"), QString::fromUtf8(json(details)));
    q.bindValue(QStringLiteral(":ip"), clientAddress(ctx.request));
    q.bindValue(QStringLiteral(":session"), sessionId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(sessionId));
    q.bindValue(QStringLiteral(":rtype"), QStringLiteral("user"));
    q.bindValue(QStringLiteral(":rid"), userId);
    q.bindValue(QStringLiteral(":outcome"), outcome);
    q.bindValue(QStringLiteral(":request"), ctx.requestId);
    if (!q.exec())
        qCWarning(lcSandbox, "audit write failed (%s): %s", qPrintable(action),
                  qPrintable(q.lastError().text().simplified()));
    else
        Metrics::observeAuditWrite(m_connectionName, double(timer.nsecsElapsed()) / 1e9);
}

} // namespace opssandbox
