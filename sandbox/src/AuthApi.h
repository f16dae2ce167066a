#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>

class QHttpServerRequest;
class QJsonObject;
class QHttpServerResponder;

namespace opssandbox {

// The REST API of the sandbox (/api/v1): password sign-in, bearer tokens, roles and the audit
// trail of authentication events. Runs on the thread of the Sandbox and uses its database
// connection (by name). Internal.
class AuthApi
{
public:
    using Clock = std::function<QDateTime()>; // the sandbox's (shiftable) notion of "now", UTC

    AuthApi(QString connectionName, Clock clock);

    // Creates the demo users (viewer, operator, admin) when the users table is empty.
    bool seedUsers(QString *error);

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);

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
    struct ApiReply;

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
};

} // namespace opssandbox
