// Session against FakeHttpServer as the platform. No keychain here on purpose: the D-Bus session
// address points nowhere, so the CredentialStore turns Unavailable and keeps tokens in memory
// only, which is itself a behaviour under test.
#include "FakeHttpServer.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

using namespace ops;
using ops::test::FakeHttpServer;

namespace {

const QByteArray LoginOk = R"({"token":"tok-operator-1","expires_at":"2026-03-29T08:00:00Z",
    "user":{"username":"operator","role":"operator","permissions":["health:view","breaker:view","breaker:trip","breaker:reset"]}})";
const QByteArray MeOk = R"({"user":{"username":"operator","role":"operator","permissions":["health:view","breaker:trip"]},
    "expires_at":"2026-03-29T08:00:00Z"})";

} // namespace

class TestSession final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Session> m_session;

    static bool waitFor(QSignalSpy &spy, int ms = 10000) { return spy.count() > 0 || spy.wait(ms); }

    bool signInAndWait(bool remember = false)
    {
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("operator"), QStringLiteral("operator-pw"), remember);
        return waitFor(signedIn);
    }

private slots:
    void initTestCase()
    {
        // Before the first keychain job: no usable D-Bus session for this process.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ops-no-bus");
    }

    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_server->setJson(QStringLiteral("/api/v1/auth/login"), LoginOk);
        m_server->setJson(QStringLiteral("/api/v1/auth/me"), MeOk);
        m_server->setJson(QStringLiteral("/api/v1/auth/logout"), R"({"ok":true})");
        m_server->setJson(QStringLiteral("/api/v1/data"), R"({"rows":[1,2,3]})");
        ConnectionProfile p;
        p.name = QStringLiteral("unit");
        p.restBaseUrl = m_server->url(QStringLiteral("/"));
        m_api = std::make_unique<ApiClient>(p);
        m_store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-tst-session-")
                                                    + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_session = std::make_unique<Session>(m_api.get(), m_store.get(), p.name);
    }

    void cleanup()
    {
        m_session.reset();
        m_store.reset();
        m_api.reset();
        m_server.reset();
    }

    void signInFillsRoleAndPermissions()
    {
        QSignalSpy states(m_session.get(), &Session::stateChanged);
        QVERIFY(signInAndWait(false));
        QCOMPARE(m_session->state(), Session::State::SignedIn);
        QCOMPARE(m_session->userName(), QStringLiteral("operator"));
        QCOMPARE(m_session->role(), QStringLiteral("operator"));
        QVERIFY(m_session->hasPermission(QStringLiteral("breaker:trip")));
        QVERIFY(!m_session->hasPermission(QStringLiteral("audit:view")));
        QCOMPARE(m_session->expiresAt(), QDateTime(QDate(2026, 3, 29), QTime(8, 0), QTimeZone::utc()));
        QVERIFY(!m_session->tokenRemembered());
        QVERIFY(m_api->hasToken());
        QCOMPARE(states.first().first().value<Session::State>(), Session::State::SigningIn);
        QCOMPARE(states.last().first().value<Session::State>(), Session::State::SignedIn);
    }

    void rememberWithoutKeychainStaysSignedInMemoryOnly()
    {
        QSignalSpy problem(m_session.get(), &Session::keychainProblem);
        QSignalSpy availability(m_store.get(), &CredentialStore::availabilityChanged);
        QVERIFY(signInAndWait(true));
        QCOMPARE(problem.count(), 1);
        QVERIFY2(problem.first().first().toString().contains(QStringLiteral("memory")),
                 qPrintable(problem.first().first().toString()));
        QCOMPARE(m_session->state(), Session::State::SignedIn);
        QVERIFY(!m_session->tokenRemembered());
        QVERIFY(!m_store->available());
        QCOMPARE(availability.count(), 1);

        // The token lives on in memory for this run.
        CredentialStore::Result stored;
        bool read = false;
        m_store->read(CredentialStore::tokenKey(QStringLiteral("unit")), this, [&](const CredentialStore::Result &r) {
            stored = r;
            read = true;
        });
        QTRY_VERIFY(read);
        QCOMPARE(stored.outcome, CredentialStore::Outcome::Ok);
        QCOMPARE(stored.secret, QStringLiteral("tok-operator-1"));
    }

    void wrongPasswordFails()
    {
        m_server->setJson(QStringLiteral("/api/v1/auth/login"), R"({"error":"invalid_credentials","detail":"Invalid username or password"})",
                          401);
        QSignalSpy failed(m_session.get(), &Session::signInFailed);
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        QSignalSpy required(m_session.get(), &Session::signInRequired);
        m_session->signIn(QStringLiteral("operator"), QStringLiteral("wrong"), false);
        QVERIFY(waitFor(failed));
        QCOMPARE(failed.first().first().value<ApiResult>().kind, ApiResult::Kind::Unauthenticated);
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        QCOMPARE(signedIn.count(), 0);
        QCOMPARE(required.count(), 0); // the dialog is already up: it shows the failure instead
        QVERIFY(!m_api->hasToken());
        QVERIFY(m_session->permissions().isEmpty());
    }

    void rateLimitedSignInCarriesRetryAfter()
    {
        FakeHttpServer::Response limited;
        limited.status = 429;
        limited.body = R"({"error":"rate_limited","detail":"Too many sign-in attempts"})";
        limited.extraHeaders = {"Retry-After: 42"};
        m_server->setResponse(QStringLiteral("/api/v1/auth/login"), limited);
        QSignalSpy failed(m_session.get(), &Session::signInFailed);
        m_session->signIn(QStringLiteral("operator"), QStringLiteral("pw"), false);
        QVERIFY(waitFor(failed));
        const ApiResult r = failed.first().first().value<ApiResult>();
        QCOMPARE(r.kind, ApiResult::Kind::RateLimited);
        QCOMPARE(r.retryAfterSeconds, std::optional<int>(42));
        QCOMPARE(m_session->state(), Session::State::SignedOut);
    }

    void loginWithoutTokenFails()
    {
        m_server->setJson(QStringLiteral("/api/v1/auth/login"), R"({"user":{"username":"operator"}})");
        QSignalSpy failed(m_session.get(), &Session::signInFailed);
        m_session->signIn(QStringLiteral("operator"), QStringLiteral("pw"), false);
        QVERIFY(waitFor(failed));
        QCOMPARE(m_session->state(), Session::State::SignedOut);
    }

    void callWhileSignedIn()
    {
        QVERIFY(signInAndWait());
        ApiResult result;
        bool done = false;
        m_session->call("GET", QStringLiteral("api/v1/data"), {}, this, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(result.ok());
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/data")), 1);
        const QList<QByteArray> headers = m_server->lastRequestHeaders();
        QVERIFY(std::any_of(headers.begin(), headers.end(),
                            [](const QByteArray &h) { return h.trimmed() == "Authorization: Bearer tok-operator-1"; }));
    }

    void callAnswered401IsHeldAndResentOnceAfterSignIn()
    {
        QVERIFY(signInAndWait());
        m_server->setJson(QStringLiteral("/api/v1/data"), R"({"error":"token_expired"})", 401);
        QSignalSpy required(m_session.get(), &Session::signInRequired);
        int calls = 0;
        ApiResult result;
        m_session->call("GET", QStringLiteral("api/v1/data"), {}, this, [&](const ApiResult &r) {
            result = r;
            ++calls;
        });
        QVERIFY(waitFor(required));
        QCOMPARE(required.count(), 1);
        QVERIFY(required.first().first().toString().contains(QStringLiteral("expired")));
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        QCOMPARE(calls, 0);
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/data")), 1);

        m_server->setJson(QStringLiteral("/api/v1/data"), R"({"rows":[]})");
        QVERIFY(signInAndWait());
        QTRY_COMPARE(calls, 1);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/data")), 2);
        QTest::qWait(200);
        QCOMPARE(calls, 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/data")), 2);
    }

    void second401AfterResignInGoesToTheCaller()
    {
        QVERIFY(signInAndWait());
        m_server->setJson(QStringLiteral("/api/v1/data"), R"({"error":"unauthenticated"})", 401);
        QSignalSpy required(m_session.get(), &Session::signInRequired);
        int calls = 0;
        ApiResult result;
        m_session->call("GET", QStringLiteral("api/v1/data"), {}, this, [&](const ApiResult &r) {
            result = r;
            ++calls;
        });
        QVERIFY(waitFor(required));
        QVERIFY(signInAndWait());
        QTRY_COMPARE(calls, 1);
        QCOMPARE(result.kind, ApiResult::Kind::Unauthenticated);
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/data")), 2); // no loop
    }

    void callWhileSignedOutWaitsForSignIn()
    {
        QSignalSpy required(m_session.get(), &Session::signInRequired);
        int calls = 0;
        m_session->call("GET", QStringLiteral("api/v1/data"), {}, this, [&](const ApiResult &r) {
            QVERIFY(r.ok());
            ++calls;
        });
        QCOMPARE(required.count(), 1);
        QTest::qWait(100);
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/data")), 0);
        QVERIFY(signInAndWait());
        QTRY_COMPARE(calls, 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/data")), 1);
    }

    void heldCallsGetUnauthenticatedOnSignOut()
    {
        int calls = 0;
        ApiResult result;
        m_session->call("GET", QStringLiteral("api/v1/data"), {}, this, [&](const ApiResult &r) {
            result = r;
            ++calls;
        });
        m_session->signOut();
        QCOMPARE(calls, 1);
        QCOMPARE(result.kind, ApiResult::Kind::Unauthenticated);
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/data")), 0);
    }

    void unauthenticatedSignalFromOtherCallsSignsOut()
    {
        QVERIFY(signInAndWait());
        m_server->setJson(QStringLiteral("/api/v1/other"), R"({"error":"token_expired"})", 401);
        QSignalSpy required(m_session.get(), &Session::signInRequired);
        m_api->get(QStringLiteral("api/v1/other"), this, [](const ApiResult &) {});
        QVERIFY(waitFor(required));
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        QCOMPARE(required.count(), 1);
    }

    void signOutPostsLogoutAndClears()
    {
        QVERIFY(signInAndWait());
        QSignalSpy out(m_session.get(), &Session::signedOut);
        m_session->signOut();
        QCOMPARE(out.count(), 1);
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        QVERIFY(m_session->userName().isEmpty());
        QVERIFY(m_session->role().isEmpty());
        QVERIFY(m_session->permissions().isEmpty());
        QVERIFY(!m_api->hasToken());
        QTRY_COMPARE(m_server->requestCount(QStringLiteral("/api/v1/auth/logout")), 1);
        const QList<QByteArray> headers = m_server->lastRequestHeaders();
        QVERIFY(std::any_of(headers.begin(), headers.end(),
                            [](const QByteArray &h) { return h.trimmed() == "Authorization: Bearer tok-operator-1"; }));
    }

    void restoreWithNothingStoredAsksToSignIn()
    {
        QSignalSpy required(m_session.get(), &Session::signInRequired);
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->restore();
        QCOMPARE(m_session->state(), Session::State::Restoring);
        QVERIFY(waitFor(required));
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        QCOMPARE(signedIn.count(), 0);
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/auth/me")), 0);
    }

    void restoreUsesTheInMemoryTokenWhenTheKeychainIsGone()
    {
        // Sign in with "remember": the token stays in memory (no keychain). A second Session on
        // the same store then restores from it and checks it with /auth/me.
        QVERIFY(signInAndWait(true));
        Session second(m_api.get(), m_store.get(), QStringLiteral("unit"));
        QSignalSpy signedIn(&second, &Session::signedIn);
        second.restore();
        QVERIFY(waitFor(signedIn));
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/auth/me")), 1);
        QCOMPARE(second.role(), QStringLiteral("operator"));
        QVERIFY(second.hasPermission(QStringLiteral("breaker:trip")));
    }

    void restoreWithExpiredTokenAsksAgain()
    {
        QVERIFY(signInAndWait(true));
        m_server->setJson(QStringLiteral("/api/v1/auth/me"), R"({"error":"token_expired"})", 401);
        Session second(m_api.get(), m_store.get(), QStringLiteral("unit"));
        QSignalSpy required(&second, &Session::signInRequired);
        second.restore();
        QVERIFY(waitFor(required));
        QVERIFY(required.first().first().toString().contains(QStringLiteral("expired")));
        QCOMPARE(second.state(), Session::State::SignedOut);
        // The dead token was removed from the (memory-only) store.
        CredentialStore::Result stored;
        bool read = false;
        m_store->read(CredentialStore::tokenKey(QStringLiteral("unit")), this, [&](const CredentialStore::Result &r) {
            stored = r;
            read = true;
        });
        QTRY_VERIFY(read);
        QVERIFY(stored.outcome != CredentialStore::Outcome::Ok);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
