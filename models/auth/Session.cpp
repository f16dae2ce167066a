#include "auth/Session.h"

#include "auth/CredentialStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace ops {

namespace {

constexpr qsizetype MaxHeld = 200;

const QString &loginPath()
{
    static const QString path = QStringLiteral("api/v1/auth/login");
    return path;
}

QDateTime parseTimestamp(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (!t.isValid())
        return {};
    if (t.timeSpec() == Qt::LocalTime) // naive: the platform speaks UTC
        t = QDateTime(t.date(), t.time(), QTimeZone::utc());
    return t.toUTC();
}

} // namespace

struct Session::Held
{
    QByteArray method;
    QString path;
    QJsonDocument body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QPointer<QObject> context;
    bool hadContext = false;
    ApiClient::Callback callback;
    bool resent = false; // sent again after a sign-in: a second 401 goes to the caller

    void deliver(const ApiResult &result)
    {
        ApiClient::Callback cb = std::move(callback);
        callback = nullptr;
        if (cb && (!hadContext || context))
            cb(result);
    }
};

Session::Session(ApiClient *api, CredentialStore *store, const QString &profileName, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
    , m_profile(profileName)
{
    // A 401 on a call not made through call() also ends the session.
    connect(m_api, &ApiClient::unauthenticated, this, [this](const ApiResult &result) {
        if (m_state == State::SignedIn)
            lostSession(result);
    });
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Session::clearUser(bool keepName)
{
    if (!keepName)
        m_user.clear();
    m_role.clear();
    m_permissions.clear();
    m_expiresAt = {};
}

void Session::fillUser(const QJsonObject &object)
{
    // Either {"user": {...}, "expires_at": ...} or the user object itself.
    const QJsonObject user = object.value(QStringLiteral("user")).isObject()
        ? object.value(QStringLiteral("user")).toObject()
        : object;
    const QString name = user.value(QStringLiteral("username")).toString(user.value(QStringLiteral("name")).toString());
    if (!name.isEmpty())
        m_user = name;
    m_role = user.value(QStringLiteral("role")).toString();
    m_permissions.clear();
    const QJsonArray permissions = user.value(QStringLiteral("permissions")).toArray();
    for (const QJsonValue &p : permissions) {
        if (p.isString() && !p.toString().isEmpty())
            m_permissions << p.toString();
    }
    m_permissions.removeDuplicates();
    QDateTime expires = parseTimestamp(object.value(QStringLiteral("expires_at")));
    if (!expires.isValid())
        expires = parseTimestamp(user.value(QStringLiteral("expires_at")));
    m_expiresAt = expires;
}

void Session::lostSession(const ApiResult &result)
{
    m_api->setToken({});
    clearUser(true);
    setState(State::SignedOut);
    emit signInRequired(result.errorCode == QLatin1String("token_expired")
                            ? tr("Your session has expired. Please sign in again.")
                            : tr("The platform asks you to sign in again."));
}

void Session::restore()
{
    if (m_state == State::SigningIn || m_state == State::Restoring)
        return;
    setState(State::Restoring);
    m_store->read(CredentialStore::tokenKey(m_profile), this, [this](const CredentialStore::Result &r) {
        if (m_state != State::Restoring)
            return; // the operator started a sign-in meanwhile
        switch (r.outcome) {
        case CredentialStore::Outcome::Ok:
            if (!r.secret.isEmpty()) {
                m_api->setToken(r.secret);
                fetchMe(true);
                return;
            }
            break;
        case CredentialStore::Outcome::NotFound:
            break;
        case CredentialStore::Outcome::Unavailable:
        case CredentialStore::Outcome::TimedOut:
        case CredentialStore::Outcome::Failed:
            emit keychainProblem(r.message);
            break;
        }
        setState(State::SignedOut);
        emit signInRequired(tr("Please sign in."));
    });
}

void Session::fetchMe(bool fromRestore)
{
    m_api->get(QStringLiteral("api/v1/auth/me"), this, [this, fromRestore](const ApiResult &r) {
        if (fromRestore && m_state != State::Restoring)
            return;
        if (r.ok()) {
            fillUser(r.body.object());
            if (fromRestore)
                m_remembered = true;
            setState(State::SignedIn);
            emit signedIn();
            releaseHeld();
            return;
        }
        m_api->setToken({});
        clearUser(false);
        setState(State::SignedOut);
        if (r.kind == ApiResult::Kind::Unauthenticated) {
            m_remembered = false;
            m_store->remove(CredentialStore::tokenKey(m_profile), this, [](const CredentialStore::Result &) {});
            emit signInRequired(tr("Your session has expired. Please sign in again."));
        } else {
            emit signInRequired(r.message);
        }
    });
}

void Session::signIn(const QString &user, const QString &password, bool remember)
{
    setState(State::SigningIn);
    m_user = user;
    {
        QJsonDocument body(QJsonObject{{QStringLiteral("username"), user}, {QStringLiteral("password"), password}});
        m_api->post(loginPath(), body, this, [this, remember](const ApiResult &r) { onLoginAnswer(r, remember); });
        // `body` (and its copy of the password) ends here; the ApiClient wipes its serialized copy.
    }
}

void Session::onLoginAnswer(const ApiResult &r, bool remember)
{
    if (m_state != State::SigningIn)
        return; // signed out (or a newer sign-in) meanwhile
    const QJsonObject object = r.body.object();
    const QString token = object.value(QStringLiteral("token")).toString(object.value(QStringLiteral("access_token")).toString());
    if (!r.ok() || token.isEmpty()) {
        ApiResult failed = r;
        if (r.ok()) {
            failed.kind = ApiResult::Kind::ServerError;
            failed.message = tr("The platform accepted the sign-in but sent no token.");
        }
        clearUser(true);
        setState(State::SignedOut);
        emit signInFailed(failed);
        return;
    }
    fillUser(object);
    m_api->setToken(token);
    const QString key = CredentialStore::tokenKey(m_profile);
    if (remember) {
        m_store->write(key, token, this, [this](const CredentialStore::Result &w) {
            if (m_state != State::SigningIn)
                return;
            m_remembered = w.outcome == CredentialStore::Outcome::Ok;
            if (!m_remembered)
                emit keychainProblem(w.message.isEmpty() ? tr("The sign-in could not be remembered.") : w.message);
            completeSignIn();
        });
    } else {
        m_remembered = false;
        m_store->remove(key, this, [](const CredentialStore::Result &) {}); // NotFound is fine
        completeSignIn();
    }
}

void Session::completeSignIn()
{
    setState(State::SignedIn);
    emit signedIn();
    releaseHeld();
}

void Session::signOut()
{
    if (m_api->hasToken())
        m_api->post(QStringLiteral("api/v1/auth/logout"), QJsonDocument(), nullptr, [](const ApiResult &) {});
    m_api->setToken({});
    m_store->remove(CredentialStore::tokenKey(m_profile), this, [](const CredentialStore::Result &) {});
    clearUser(false);
    m_remembered = false;

    const QList<std::shared_ptr<Held>> held = std::exchange(m_held, {});
    ApiResult result;
    result.kind = ApiResult::Kind::Unauthenticated;
    result.httpStatus = 0;
    result.errorCode = QStringLiteral("signed_out");
    result.message = tr("Not sent: you signed out.");
    setState(State::SignedOut);
    emit signedOut();
    for (const std::shared_ptr<Held> &h : held)
        h->deliver(result);
}

void Session::call(const QByteArray &method, const QString &path, const QJsonDocument &body, QObject *context,
                   ApiClient::Callback callback, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    auto held = std::make_shared<Held>();
    held->method = method;
    held->path = path;
    held->body = body;
    held->headers = headers;
    held->context = context;
    held->hadContext = context != nullptr;
    held->callback = std::move(callback);
    if (m_state == State::SignedIn) {
        dispatch(held);
        return;
    }
    hold(held);
    if (m_state == State::SignedOut)
        emit signInRequired(tr("Please sign in."));
}

void Session::hold(const std::shared_ptr<Held> &held)
{
    m_held.append(held);
    while (m_held.size() > MaxHeld) {
        const std::shared_ptr<Held> oldest = m_held.takeFirst();
        ApiResult dropped;
        dropped.kind = ApiResult::Kind::Unauthenticated;
        dropped.errorCode = QStringLiteral("unauthenticated");
        dropped.message = tr("Not sent: too many requests were waiting for a sign-in.");
        oldest->deliver(dropped);
    }
}

void Session::dispatch(const std::shared_ptr<Held> &held)
{
    m_api->send(held->method, held->path, held->body, this, [this, held](const ApiResult &r) {
        if (r.kind == ApiResult::Kind::Unauthenticated && !held->resent) {
            hold(held);
            if (m_state == State::SignedIn)
                lostSession(r);
            return;
        }
        held->deliver(r);
    }, held->headers);
}

void Session::releaseHeld()
{
    const QList<std::shared_ptr<Held>> held = std::exchange(m_held, {});
    for (const std::shared_ptr<Held> &h : held) {
        if (h->hadContext && !h->context)
            continue;
        h->resent = true;
        dispatch(h);
    }
}

} // namespace ops
