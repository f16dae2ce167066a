#pragma once

#include "profiles/ConnectionProfile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

namespace ops {

// What a REST call ended with, mapped to what an operator needs to know.
struct ApiResult
{
    enum class Kind {
        Ok,              // 2xx with a JSON body (or empty)
        Unauthenticated, // 401: sign in (again); `errorCode` is "unauthenticated" or "token_expired"
        Forbidden,       // 403: `permission` names what is missing
        RateLimited,     // 429: `retryAfterSeconds` when the server said
        ClientError,     // other 4xx (422, 409, 412, ...): `body` has the details
        ServerError,     // 5xx, or a 2xx that is not JSON (an HTML login page)
        TlsError,        // certificate or pin refused; `message` has the details
        NetworkError,    // refused, reset, DNS, ...
        Timeout,         // no complete answer before the deadline
    };

    Kind kind = Kind::NetworkError;
    int httpStatus = 0;
    QJsonDocument body;                  // parsed JSON when there was some
    QString errorCode;                   // the body's "error" field, when present
    QString permission;                  // for Forbidden
    std::optional<int> retryAfterSeconds;// for RateLimited (and 503) when parseable
    QString requestId;                   // X-Request-ID sent (and echoed)
    QByteArray etag;                     // the answer's ETag header as sent (quotes kept); empty when none
    QString message;                     // one operator-facing line, translated

    [[nodiscard]] bool ok() const { return kind == Kind::Ok; }
};

// Parses Retry-After: delta-seconds or an HTTP date (relative to `now`); nullopt for garbage.
[[nodiscard]] std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now);

// The platform's REST API for one profile. Asynchronous only. Adds the bearer token and an
// X-Request-ID to every request; never sends the token to another origin (redirects are followed
// only within the same scheme, host and port, at most 3 times); verifies TLS against the
// profile's CA bundle and optional public-key pin and never ignores a certificate error.
class ApiClient final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultDeadlineMs = 10000;
    static constexpr qint64 MaxBodyBytes = 8 * 1024 * 1024;

    using Callback = std::function<void(const ApiResult &)>;

    explicit ApiClient(const ConnectionProfile &profile, QObject *parent = nullptr);
    ~ApiClient() override;

    // Empty string signs the client out (no Authorization header).
    void setToken(const QString &token);
    [[nodiscard]] bool hasToken() const { return !m_token.isEmpty(); }

    void setDeadlineMs(int ms) { m_deadlineMs = ms; }

    // `path` is relative to the profile's REST base URL, e.g. "api/v1/auth/me".
    // The callback runs exactly once, on this object's thread, unless `context` is destroyed first.
    void get(const QString &path, QObject *context, Callback callback);
    void post(const QString &path, const QJsonDocument &body, QObject *context, Callback callback);
    void send(const QByteArray &method, const QString &path, const QJsonDocument &body, QObject *context,
              Callback callback, const QList<std::pair<QByteArray, QByteArray>> &headers = {});

    // The TLS problem of the last refused connection, for a detailed dialog; empty when none.
    [[nodiscard]] QString lastTlsProblem() const { return m_lastTlsProblem; }

signals:
    // A request answered 401. The Session listens and asks the operator to sign in again.
    void unauthenticated(const ops::ApiResult &result);

private:
    struct Pending;
    void start(const std::shared_ptr<Pending> &pending);
    void finish(const std::shared_ptr<Pending> &pending, ApiResult result);
    [[nodiscard]] ApiResult interpret(QNetworkReply *reply, const QByteArray &body) const;
    [[nodiscard]] QString checkPin(QNetworkReply *reply) const;

    ConnectionProfile m_profile;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_token;
    int m_deadlineMs = DefaultDeadlineMs;
    QString m_lastTlsProblem;
};

} // namespace ops

Q_DECLARE_METATYPE(ops::ApiResult)
