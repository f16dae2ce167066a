// ApiKeyClient against FakeHttpServer as the platform, through a real Session and ApiClient, on a
// MockClock: the list fills the model; create / rotate / revoke send exactly what the contract
// says and map every answer (201/200, 422 with fields, 403, 409, timeout, 5xx, refused connection)
// to a Result; after every action the list is read again.
#include "FakeHttpServer.h"
#include "MockClock.h"
#include "api/ApiClient.h"
#include "apikeys/ApiKeyClient.h"
#include "apikeys/ApiKeyModel.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

using namespace ops;
using ops::test::FakeHttpServer;
using ops::test::MockClock;
using Result = ApiKeyClient::Result;
using Kind = ApiKeyClient::Result::Kind;

namespace {

const QString LoginPath = QStringLiteral("/api/v1/auth/login");
const QString KeysPath = QStringLiteral("/api/v1/admin/api-keys");
const QString RotatePath = QStringLiteral("/api/v1/admin/api-keys/7/rotate");
const QString RevokePath = QStringLiteral("/api/v1/admin/api-keys/7/revoke");

const QByteArray LoginAdmin = R"({"token":"tok-admin-1","expires_at":"2026-03-29T08:00:00Z",
    "user":{"username":"admin","role":"admin","permissions":["health:view","api_keys:manage"]}})";

const QByteArray Secret = "tp_test_n3wk3y01.q2VZ3b4nO1c9wXyT7uYhLkJm0pQrStUvWxYz0123456";

QByteArray keyJson(int id, const QByteArray &name, const QByteArray &prefix, const QByteArray &extra = {})
{
    QByteArray json = R"({"id":)" + QByteArray::number(id) + R"(,"name":")" + name + R"(","prefix":")" + prefix
                      + R"(","scopes":["read_positions"],"created_at":"2026-03-29T00:29:00Z","created_by":"admin",)"
                        R"("expires_at":null,"last_used_at":null,"revoked_at":null,"revoked_by":null,)"
                        R"("revoke_reason":null,"rotated_from":null,"grace_expires_at":null,"status":"active")";
    if (!extra.isEmpty())
        json += ',' + extra;
    return json + '}';
}

// Two good keys and junk the model must not show.
const QByteArray ListTwo = R"({"keys":[)" + keyJson(7, "reconciliation-batch", "tp_test_aaaa1111") + ','
                           + keyJson(8, "monitoring", "tp_test_bbbb2222") + R"(,42,{"id":0,"prefix":"x"},{"id":9}]})";
const QByteArray ListThree = R"({"keys":[)" + keyJson(7, "reconciliation-batch", "tp_test_aaaa1111") + ','
                             + keyJson(8, "monitoring", "tp_test_bbbb2222") + ','
                             + keyJson(10, "recon-batch", "tp_test_n3wk3y01") + "]}";

const QByteArray Created = R"({"key":)" + keyJson(10, "recon-batch", "tp_test_n3wk3y01") + R"(,"secret":")" + Secret
                           + R"(","audit_id":41})";

struct Seen
{
    int calls = 0;
    Result result;
    qsizetype requestsAtCallback = -1;
};

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Done:
        return QStringLiteral("Done");
    case Kind::Invalid:
        return QStringLiteral("Invalid");
    case Kind::Refused:
        return QStringLiteral("Refused");
    case Kind::Failed:
        return QStringLiteral("Failed");
    }
    return QStringLiteral("?");
}

} // namespace

class TestApiKeyClient final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<ApiKeyClient> m_client;

    bool signIn()
    {
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("admin"), QStringLiteral("admin-pw"), false);
        return signedIn.count() > 0 || signedIn.wait(10000);
    }

    // Signed in, client made, the list read once; the server's request log starts empty.
    bool ready()
    {
        if (!signIn())
            return false;
        m_client = std::make_unique<ApiKeyClient>(m_session.get(), *m_clock);
        QSignalSpy refreshed(m_client.get(), &ApiKeyClient::refreshed);
        m_client->refresh();
        if (!refreshed.wait(10000) || m_client->model()->rowCount() != 2)
            return false;
        m_server->clearRequests();
        return true;
    }

    ApiKeyClient::Callback record(Seen &seen)
    {
        return [this, &seen](Result &r) {
            ++seen.calls;
            seen.result = r;
            seen.requestsAtCallback = m_server->requests().size();
        };
    }

    static QJsonObject jsonBody(const FakeHttpServer::Request &request)
    {
        return QJsonDocument::fromJson(request.body).object();
    }

    // The index of the first request of this method and path, -1 when none.
    qsizetype indexOf(const QByteArray &method, const QString &path, qsizetype from = 0) const
    {
        const QList<FakeHttpServer::Request> &all = m_server->requests();
        for (qsizetype i = from; i < all.size(); ++i)
            if (all.at(i).method == method && all.at(i).path == path)
                return i;
        return -1;
    }

    // After the action's POST, the list is read again.
    bool listReadAfter(const QString &postPath)
    {
        return QTest::qWaitFor(
            [&] {
                const qsizetype post = indexOf("POST", postPath);
                return post >= 0 && indexOf("GET", KeysPath, post + 1) > post;
            },
            5000);
    }

    static FakeHttpServer::Response response(int status, const QByteArray &body, int delayMs = 0)
    {
        FakeHttpServer::Response r;
        r.status = status;
        r.body = body;
        r.delayMs = delayMs;
        return r;
    }

private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ops-no-bus");
    }

    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_server->setJson(LoginPath, LoginAdmin);
        m_server->setMethodJson("GET", KeysPath, ListTwo);
        ConnectionProfile p;
        p.name = QStringLiteral("unit");
        p.restBaseUrl = m_server->url(QStringLiteral("/"));
        m_api = std::make_unique<ApiClient>(p);
        m_store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-tst-apikeyclient-")
                                                    + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_session = std::make_unique<Session>(m_api.get(), m_store.get(), p.name);
        m_clock = std::make_unique<MockClock>();
    }

    void cleanup()
    {
        m_client.reset();
        m_session.reset();
        m_store.reset();
        m_api.reset();
        m_server.reset();
        m_clock.reset();
    }

    // ------------------------------------------------------------------ list

    void refreshFillsTheModel()
    {
        QVERIFY(signIn());
        m_client = std::make_unique<ApiKeyClient>(m_session.get(), *m_clock);
        m_server->clearRequests();
        QSignalSpy refreshed(m_client.get(), &ApiKeyClient::refreshed);
        m_client->refresh();
        QVERIFY(m_client->isLoading());
        QVERIFY(refreshed.wait(5000));
        QVERIFY(!m_client->isLoading());
        QCOMPARE(m_client->problem(), QString());
        ApiKeyModel *model = m_client->model();
        QCOMPARE(model->rowCount(), 2); // junk dropped
        QCOMPARE(model->keys().at(0).id, qint64(7));
        QCOMPARE(model->keys().at(0).name, QStringLiteral("reconciliation-batch"));
        QCOMPARE(model->keys().at(1).prefix, QStringLiteral("tp_test_bbbb2222"));
        QCOMPARE(model->keys().at(0).createdAt, QDateTime(QDate(2026, 3, 29), QTime(0, 29), QTimeZone::utc()));
        QCOMPARE(model->index(0, ApiKeyModel::Status).data().toString(), QStringLiteral("Active"));

        const QList<FakeHttpServer::Request> gets = m_server->requests("GET", KeysPath);
        QCOMPARE(gets.size(), 1);
        QCOMPARE(gets.first().header("Authorization"), QByteArray("Bearer tok-admin-1"));
    }

    void refreshProblemsKeepTheLastList()
    {
        QVERIFY(ready());
        QSignalSpy refreshed(m_client.get(), &ApiKeyClient::refreshed);

        m_server->setMethodJson("GET", KeysPath, R"({"items":[]})");
        m_client->refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m_client->problem(), QStringLiteral("The answer has no list of keys."));
        QCOMPARE(m_client->model()->rowCount(), 2);

        m_server->setMethodJson("GET", KeysPath, R"({"error":"permission_denied","permission":"api_keys:manage"})", 403);
        m_client->refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m_client->problem(), QStringLiteral("Your role may not manage API keys (permission api_keys:manage)."));
        QCOMPARE(m_client->model()->rowCount(), 2);

        m_server->setMethodJson("GET", KeysPath, R"({"error":"database_unavailable"})", 503);
        m_client->refresh();
        QVERIFY(refreshed.wait(5000));
        QVERIFY(!m_client->problem().isEmpty());
        QCOMPARE(m_client->model()->rowCount(), 2);

        // Good again: the problem goes away.
        m_server->setMethodJson("GET", KeysPath, ListThree);
        m_client->refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m_client->problem(), QString());
        QCOMPARE(m_client->model()->rowCount(), 3);
    }

    void refreshWhileSignedOutSendsNothing()
    {
        m_client = std::make_unique<ApiKeyClient>(m_session.get(), *m_clock);
        QSignalSpy refreshed(m_client.get(), &ApiKeyClient::refreshed);
        m_client->refresh();
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(m_client->problem(), QStringLiteral("Not signed in."));
        QTest::qWait(200);
        QCOMPARE(m_server->requests("GET", KeysPath).size(), 0);
    }

    // ------------------------------------------------------------------ create

    void createSendsTrimmedNameScopesAndUtcExpiry()
    {
        QVERIFY(ready());
        m_server->setMethodResponse("POST", KeysPath, response(201, Created));
        m_server->setMethodJson("GET", KeysPath, ListThree);
        // 14:15:16.250 in UTC+2 is 12:15:16.250 UTC.
        const QDateTime expires(QDate(2026, 4, 30), QTime(14, 15, 16, 250), QTimeZone(2 * 3600));
        Seen seen;
        QSignalSpy refreshed(m_client.get(), &ApiKeyClient::refreshed);
        m_client->create(QStringLiteral("  recon-batch \t"), {QStringLiteral("read_positions"), QStringLiteral("read_orders")},
                         expires, this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);

        const QList<FakeHttpServer::Request> posts = m_server->requests("POST", KeysPath);
        QCOMPARE(posts.size(), 1);
        QVERIFY2(posts.first().header("Content-Type").startsWith("application/json"), posts.first().header("Content-Type").constData());
        const QJsonObject body = jsonBody(posts.first());
        QCOMPARE(body.value(QStringLiteral("name")).toString(), QStringLiteral("recon-batch"));
        QCOMPARE(body.value(QStringLiteral("scopes")).toArray(),
                 (QJsonArray{QStringLiteral("read_positions"), QStringLiteral("read_orders")}));
        QCOMPARE(body.value(QStringLiteral("expires_at")).toString(), QStringLiteral("2026-04-30T12:15:16.250Z"));
        QCOMPARE(body.size(), 3);

        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Done));
        QCOMPARE(seen.result.secret, QString::fromLatin1(Secret));
        QCOMPARE(seen.result.key.id, qint64(10));
        QCOMPARE(seen.result.key.name, QStringLiteral("recon-batch"));
        QCOMPARE(seen.result.key.prefix, QStringLiteral("tp_test_n3wk3y01"));
        QCOMPARE(seen.result.auditId, qint64(41));
        QCOMPARE(seen.result.message, QStringLiteral("Done. Audit record #41."));
        QCOMPARE(seen.result.oldKey.id, qint64(0));

        QVERIFY(listReadAfter(KeysPath));
        QTRY_COMPARE_WITH_TIMEOUT(m_client->model()->rowCount(), 3, 5000);
        QVERIFY(refreshed.count() >= 1);
        QVERIFY(m_client->model()->keyById(10) != nullptr);
    }

    void createWithoutExpirySendsNoExpiry()
    {
        QVERIFY(ready());
        m_server->setMethodResponse("POST", KeysPath, response(201, Created));
        Seen seen;
        m_client->create(QStringLiteral("recon-batch"), {QStringLiteral("write_orders")}, QDateTime(), this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);
        const QJsonObject body = jsonBody(m_server->requests("POST", KeysPath).first());
        QVERIFY2(!body.contains(QStringLiteral("expires_at")), m_server->requests("POST", KeysPath).first().body.constData());
        QCOMPARE(body.value(QStringLiteral("scopes")).toArray(), (QJsonArray{QStringLiteral("write_orders")}));
        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Done));
    }

    void create422FieldsAreMapped()
    {
        QVERIFY(ready());
        m_server->setMethodResponse(
            "POST", KeysPath,
            response(422, R"({"error":"validation_failed","fields":{"name":"Name must not contain control characters",)"
                          R"("expires_at":"Expiry must be in the future","scopes":"Unknown scope: admin_all"}})"));
        Seen seen;
        m_client->create(QStringLiteral("recon\u0007batch"), {QStringLiteral("admin_all")},
                         m_clock->nowUtc().addSecs(-60), this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);
        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Invalid));
        QCOMPARE(seen.result.fields.size(), 3);
        QCOMPARE(seen.result.fields.value(QStringLiteral("name")), QStringLiteral("Name must not contain control characters"));
        QCOMPARE(seen.result.fields.value(QStringLiteral("expires_at")), QStringLiteral("Expiry must be in the future"));
        QCOMPARE(seen.result.fields.value(QStringLiteral("scopes")), QStringLiteral("Unknown scope: admin_all"));
        QCOMPARE(seen.result.message, QStringLiteral("The server did not accept the values: validation_failed"));
        QCOMPARE(seen.result.secret, QString());
        QCOMPARE(seen.result.auditId, qint64(-1));
        QVERIFY(listReadAfter(KeysPath));
    }

    void create403IsRefusedAndNamesThePermission()
    {
        QVERIFY(ready());
        m_server->setMethodResponse("POST", KeysPath,
                                    response(403, R"({"error":"permission_denied","permission":"api_keys:manage"})"));
        Seen seen;
        m_client->create(QStringLiteral("recon-batch"), {QStringLiteral("read_positions")}, QDateTime(), this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);
        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Refused));
        QCOMPARE(seen.result.message,
                 QStringLiteral("The server refused: your role does not have the permission \"api_keys:manage\"."));
        QCOMPARE(seen.result.secret, QString());
        QVERIFY(listReadAfter(KeysPath));
    }

    // ------------------------------------------------------------------ rotate

    void rotateMapsTheNewAndTheOldKey()
    {
        QVERIFY(ready());
        const QByteArray answer = R"({"key":)" + keyJson(11, "reconciliation-batch", "tp_test_r0tat3d1", R"("rotated_from":7)")
                                  .replace(R"("rotated_from":null,)", "")
                                  + R"(,"secret":"tp_test_r0tat3d1.AAAAbbbbCCCCddddEEEEffffGGGGhhhhIIIIjjjjKKK",)"
                                  + R"("old_key":)"
                                  + keyJson(7, "reconciliation-batch", "tp_test_aaaa1111",
                                            R"("grace_expires_at":"2026-03-30T00:30:00Z","status":"expiring")")
                                        .replace(R"("grace_expires_at":null,"status":"active",)", "")
                                  + R"(,"audit_id":42})";
        QVERIFY2(QJsonDocument::fromJson(answer).isObject(), answer.constData());
        m_server->setMethodResponse("POST", RotatePath, response(201, answer));
        Seen seen;
        m_client->rotate(7, this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);

        QCOMPARE(m_server->requests("POST", RotatePath).size(), 1);
        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Done));
        QCOMPARE(seen.result.key.id, qint64(11));
        QCOMPARE(seen.result.key.prefix, QStringLiteral("tp_test_r0tat3d1"));
        QCOMPARE(seen.result.key.rotatedFrom, qint64(7));
        QCOMPARE(seen.result.secret, QStringLiteral("tp_test_r0tat3d1.AAAAbbbbCCCCddddEEEEffffGGGGhhhhIIIIjjjjKKK"));
        QCOMPARE(seen.result.oldKey.id, qint64(7));
        QCOMPARE(seen.result.oldKey.prefix, QStringLiteral("tp_test_aaaa1111"));
        QCOMPARE(seen.result.oldKey.graceExpiresAt, QDateTime(QDate(2026, 3, 30), QTime(0, 30), QTimeZone::utc()));
        QCOMPARE(seen.result.oldKey.status(m_clock->nowUtc()), ApiKeyStatus::Expiring);
        QCOMPARE(seen.result.auditId, qint64(42));
        QVERIFY(listReadAfter(RotatePath));
    }

    void rotate409IsRefusedWithTheServersWords()
    {
        QVERIFY(ready());
        m_server->setMethodResponse("POST", RotatePath,
                                    response(409, R"({"error":"not_rotatable","detail":"The key is revoked"})"));
        Seen seen;
        m_client->rotate(7, this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);
        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Refused));
        QCOMPARE(seen.result.message, QStringLiteral("The server refused: The key is revoked"));
        QCOMPARE(seen.result.secret, QString());
        QVERIFY(listReadAfter(RotatePath));
    }

    // ------------------------------------------------------------------ revoke

    void revokeSendsTheNormalisedReason()
    {
        QVERIFY(ready());
        const QByteArray answer = R"({"key":)"
                                  + keyJson(7, "reconciliation-batch", "tp_test_aaaa1111",
                                            R"("revoked_at":"2026-03-29T00:30:00Z","revoked_by":"admin","revoke_reason":"Leaked in a CI log of the batch job")")
                                        .replace(R"("revoked_at":null,"revoked_by":null,"revoke_reason":null,)", "")
                                  + R"(,"audit_id":43})";
        QVERIFY2(QJsonDocument::fromJson(answer).isObject(), answer.constData());
        m_server->setMethodResponse("POST", RevokePath, response(200, answer));
        Seen seen;
        m_client->revoke(7, QStringLiteral("  Leaked in a CI log\tof the batch job\u202E \r\n"), this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);

        const QList<FakeHttpServer::Request> posts = m_server->requests("POST", RevokePath);
        QCOMPARE(posts.size(), 1);
        const QJsonObject body = jsonBody(posts.first());
        QCOMPARE(body.value(QStringLiteral("reason")).toString(), QStringLiteral("Leaked in a CI log of the batch job"));
        QCOMPARE(body.size(), 1);
        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Done));
        QCOMPARE(seen.result.key.id, qint64(7));
        QCOMPARE(seen.result.key.revokedAt, QDateTime(QDate(2026, 3, 29), QTime(0, 30), QTimeZone::utc()));
        QCOMPARE(seen.result.key.status(m_clock->nowUtc()), ApiKeyStatus::Revoked);
        QCOMPARE(seen.result.auditId, qint64(43));
        QCOMPARE(seen.result.secret, QString());
        QVERIFY(listReadAfter(RevokePath));
    }

    void revokeReasonTooShortLandsOnTheReasonField()
    {
        QVERIFY(ready());
        m_server->setMethodResponse(
            "POST", RevokePath,
            response(422, R"({"error":"reason_too_short","detail":"Reason must have at least 20 visible characters"})"));
        Seen seen;
        m_client->revoke(7, QStringLiteral("too short"), this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);
        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Invalid));
        QCOMPARE(seen.result.fields.size(), 1);
        QCOMPARE(seen.result.fields.value(QStringLiteral("reason")),
                 QStringLiteral("Reason must have at least 20 visible characters"));
        QVERIFY(listReadAfter(RevokePath));
    }

    void revokeAlreadyRevokedIsRefused()
    {
        QVERIFY(ready());
        m_server->setMethodResponse("POST", RevokePath, response(409, R"({"error":"already_revoked"})"));
        Seen seen;
        m_client->revoke(7, QStringLiteral("Leaked in a CI log of the batch job"), this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);
        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Refused));
        QCOMPARE(seen.result.message, QStringLiteral("The server refused: already_revoked"));
        QVERIFY(listReadAfter(RevokePath));
    }

    // ------------------------------------------------------------------ failures

    void timeoutFailsWithAMessageAndReadsTheListAgain()
    {
        m_api->setDeadlineMs(400);
        QVERIFY(ready());
        FakeHttpServer::Response hang;
        hang.mode = FakeHttpServer::Mode::Hang;
        m_server->setMethodResponse("POST", RevokePath, hang);
        Seen seen;
        QElapsedTimer elapsed;
        elapsed.start();
        m_client->revoke(7, QStringLiteral("Leaked in a CI log of the batch job"), this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);
        QVERIFY(elapsed.elapsed() >= 350);
        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Failed));
        QCOMPARE(seen.result.message, QStringLiteral("The server did not answer in time. The key list is being read "
                                                     "again: check it before trying again."));
        QVERIFY(listReadAfter(RevokePath));
        QTest::qWait(200);
        QCOMPARE(m_server->requests("POST", RevokePath).size(), 1); // never re-sent
        QCOMPARE(seen.calls, 1);
    }

    void serverErrorAndRefusedConnectionFail()
    {
        QVERIFY(ready());
        m_server->setMethodResponse("POST", RotatePath, response(500, R"({"error":"rotate_failed"})"));
        Seen seen;
        m_client->rotate(7, this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);
        QCOMPARE(kindName(seen.result.kind), kindName(Kind::Failed));
        QVERIFY2(seen.result.message.startsWith(QStringLiteral("The request failed: ")), qPrintable(seen.result.message));
        QVERIFY(listReadAfter(RotatePath));

        QTRY_VERIFY(!m_client->isLoading());
        m_server->stopListening();
        Seen refused;
        m_client->rotate(7, this, record(refused));
        QTRY_COMPARE_WITH_TIMEOUT(refused.calls, 1, 5000);
        QCOMPARE(kindName(refused.result.kind), kindName(Kind::Failed));
        QVERIFY2(refused.result.message.startsWith(QStringLiteral("The request failed: ")), qPrintable(refused.result.message));
        QVERIFY(refused.result.message.size() > QStringLiteral("The request failed: ").size());
    }

    // A list read already on its way when the action is sent may have been answered before the
    // action took effect: the read after the action must still happen.
    void aReadInFlightDoesNotSwallowTheReadAfterTheAction()
    {
        QVERIFY(ready());
        m_server->setMethodResponse("GET", KeysPath, response(200, ListTwo, 600)); // answered late, without the new key
        m_server->setMethodResponse("POST", KeysPath, response(201, Created));
        m_client->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests("GET", KeysPath).size(), 1, 5000);
        Seen seen;
        m_client->create(QStringLiteral("recon-batch"), {QStringLiteral("read_positions")}, QDateTime(), this, record(seen));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);
        m_server->setMethodJson("GET", KeysPath, ListThree);
        QVERIFY2(listReadAfter(KeysPath), "no list read was sent after the create");
        QTRY_COMPARE_WITH_TIMEOUT(m_client->model()->rowCount(), 3, 5000);
    }

    void callbackIsSkippedWhenItsContextIsGoneButTheListIsStillRead()
    {
        QVERIFY(ready());
        m_server->setMethodResponse("POST", KeysPath, response(201, Created, 300));
        Seen seen;
        auto context = std::make_unique<QObject>();
        m_client->create(QStringLiteral("recon-batch"), {QStringLiteral("read_positions")}, QDateTime(), context.get(),
                         record(seen));
        context.reset();
        QVERIFY(listReadAfter(KeysPath));
        QTest::qWait(100);
        QCOMPARE(seen.calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestApiKeyClient)
#include "tst_apikeyclient.moc"
