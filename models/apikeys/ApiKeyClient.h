#pragma once

#include "api/ApiClient.h"
#include "apikeys/ApiKey.h"
#include "core/Clock.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace ops {

class ApiKeyModel;
class Session;

// Admin → API keys against the platform: list, create, rotate, revoke. A new secret reaches the
// caller's callback and nothing else: it is not kept here, not logged, not emitted in a signal.
class ApiKeyClient final : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        enum class Kind {
            Done,
            Invalid, // 422: `fields` has the server's message per field (name, scopes, expires_at, reason)
            Refused, // 403 / 404 / 409: `message` has the server's words
            Failed,  // network, TLS, 5xx, timeout, malformed
        };
        Kind kind = Kind::Failed;
        QString message;
        QHash<QString, QString> fields;
        ApiKey key;     // the new (create, rotate) or changed (revoke) key
        ApiKey oldKey;  // rotate: the old key with its grace period
        QString secret; // create, rotate: the full key, shown once
        qint64 auditId = -1;
    };
    using Callback = std::function<void(Result &)>;

    ApiKeyClient(Session *session, const Clock &clock = Clock::system(), QObject *parent = nullptr);

    [[nodiscard]] ApiKeyModel *model() const { return m_model; }
    [[nodiscard]] QString problem() const { return m_problem; }
    [[nodiscard]] bool isLoading() const { return m_loading; }

    void refresh();
    void create(const QString &name, const QStringList &scopes, const QDateTime &expiresAt, QObject *context,
                Callback callback);
    void rotate(qint64 id, QObject *context, Callback callback);
    void revoke(qint64 id, const QString &reason, QObject *context, Callback callback);

signals:
    void refreshed(); // the model holds the latest list, or problem() says why not

private:
    void send(const QString &path, const QJsonObject &body, QObject *context, Callback callback);

    QPointer<Session> m_session;
    ApiKeyModel *m_model;
    QString m_problem;
    bool m_loading = false;
    bool m_refreshAgain = false; // asked for while a read was under way: read once more after it
};

} // namespace ops
