#pragma once

#include "ApiCommon.h"

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>
#include <optional>
#include <vector>

class QHttpServerRequest;
class QJsonObject;
class QHttpServerResponder;

namespace opssandbox {

// The REST API of the sandbox (/api/v1): password sign-in, bearer tokens, roles and the audit
// trail of authentication events; other areas (the circuit breaker) are delegated by path
// prefix once the caller is signed in. Runs on the thread of the Sandbox and uses its database
// connection (by name). Internal.
class AuthApi
{
public:
    using Clock = std::function<QDateTime()>; // the sandbox's (shiftable) notion of "now", UTC

    AuthApi(QString connectionName, Clock clock);

    // Creates the demo users (viewer, operator, admin) when the users table is empty.
    bool seedUsers(QString *error);

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    // Requests for `prefix` or any path below it go, once the caller is signed in, to handler
    // (which checks permissions itself). Register before the first request.
    using Delegate = std::function<ApiReply(const ApiCaller &caller)>;
    void delegate(const QString &prefix, Delegate handler);
    // Like delegate(), and a request for `prefix` that presents an API key (`X-API-Key: <key>`, or
    // `Authorization: ApiKey <key>`) is authenticated by keys instead of a bearer token: it returns
    // the answer that ends the request (401, 503), or fills in the caller's apiKey* fields and
    // username and returns nothing. The key itself is never logged.
    using KeyAuthenticator = std::function<std::optional<ApiReply>(const QByteArray &key, ApiCaller &caller)>;
    void delegate(const QString &prefix, Delegate handler, KeyAuthenticator keys);

    // Exposed for the unit of trust they are: the permission strings of a role (empty for an
    // unknown role) and a comparison whose duration does not depend on where inputs differ.
    static QStringList permissionsFor(const QString &role);
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

    static constexpr int kPasswordIterations = 20000;
    static constexpr qint64 kTokenLifetimeSecs = 8 * 3600;
    static constexpr qint64 kIdleTimeoutSecs = 30 * 60;
    static constexpr int kMaxFailedLogins = 5;
    static constexpr qint64 kLockoutSecs = 300;

private:
    struct Context;
    struct Principal;

    ApiReply route(Context &ctx);
    ApiReply login(Context &ctx);
    ApiReply logout(Context &ctx, const Principal &who);
    ApiReply me(const Principal &who);
    ApiReply systemInfo();
    ApiReply listUsers();
    bool authenticate(Context &ctx, Principal *who, ApiReply *failure);
    void audit(const Context &ctx, const QString &action, const QString &userId,
               const QString &outcome, const QJsonObject &details, const QString &sessionId);

    QString m_connectionName;
    Clock m_clock;
    struct DelegateEntry
    {
        QString prefix;
        Delegate handler;
        KeyAuthenticator keys; // empty: bearer tokens only
    };
    std::vector<DelegateEntry> m_delegates;
};

} // namespace opssandbox
