#pragma once

#include "api/ApiClient.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace ops {

class CredentialStore;

// Who is signed in to one profile's platform, and the queue of work waiting for them.
// - restore(): reads the remembered token from the keychain and checks it with /auth/me.
// - signIn(): POST /auth/login; with `remember` the token goes to the keychain (only there).
// - A 401 from any request emits signInRequired(); requests sent through call() while signed
//   out or after a 401 wait and are sent once more after the next successful sign-in.
// - signOut(): POST /auth/logout and removes the stored token.
class Session final : public QObject
{
    Q_OBJECT

public:
    enum class State { SignedOut, Restoring, SigningIn, SignedIn };
    Q_ENUM(State)

    Session(ApiClient *api, CredentialStore *store, const QString &profileName, QObject *parent = nullptr);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString userName() const { return m_user; }
    [[nodiscard]] QString role() const { return m_role; }
    [[nodiscard]] QStringList permissions() const { return m_permissions; }
    [[nodiscard]] bool hasPermission(const QString &permission) const { return m_permissions.contains(permission); }
    [[nodiscard]] QDateTime expiresAt() const { return m_expiresAt; }
    [[nodiscard]] bool tokenRemembered() const { return m_remembered; }

    void restore();
    void signIn(const QString &user, const QString &password, bool remember);
    void signOut();

    // Sends a request as the signed-in user; on 401 it is held and re-sent once after sign-in.
    // `headers` (e.g. Idempotency-Key) go with every send of the request, including the re-send.
    void call(const QByteArray &method, const QString &path, const QJsonDocument &body, QObject *context,
              ApiClient::Callback callback, const QList<std::pair<QByteArray, QByteArray>> &headers = {});

signals:
    void stateChanged(ops::Session::State state);
    void signedIn();
    void signedOut();
    void signInRequired(const QString &reason);   // show the sign-in dialog
    void signInFailed(const ops::ApiResult &result);
    void keychainProblem(const QString &message); // token kept in memory only

private:
    struct Held;
    void setState(State state);
    void fetchMe(bool fromRestore);
    void releaseHeld();
    void hold(const std::shared_ptr<Held> &held);
    void dispatch(const std::shared_ptr<Held> &held);
    void onLoginAnswer(const ApiResult &result, bool remember);
    void completeSignIn();
    void lostSession(const ApiResult &result);
    void fillUser(const QJsonObject &object);
    void clearUser(bool keepName);

    ApiClient *m_api;
    CredentialStore *m_store;
    QString m_profile;
    State m_state = State::SignedOut;
    QString m_user;
    QString m_role;
    QStringList m_permissions;
    QDateTime m_expiresAt;
    bool m_remembered = false;
    QList<std::shared_ptr<Held>> m_held;
};

} // namespace ops
