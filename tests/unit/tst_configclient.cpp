// ConfigClient against FakeHttpServer as the platform, through a real Session and ApiClient:
// documents with their ETag, saves that send If-Match and {"config_value": ...}, and the mapping
// of 200 / 412 / 422 / 403 / 428 / 5xx / timeouts to Saved, Conflict, Invalid, Refused, Failed.
#include "FakeHttpServer.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "config/ConfigClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

using namespace ops;
using ops::test::FakeHttpServer;
using Kind = ConfigClient::SaveOutcome::Kind;

namespace {

const QString ListPath = QStringLiteral("/api/v1/config");
const QString HoursPath = QStringLiteral("/api/v1/config/trading_hours");

const QByteArray LoginOk = R"({"token":"tok-admin-1","expires_at":"2026-03-29T08:00:00Z",
    "user":{"username":"admin","role":"admin","permissions":["config:edit"]}})";

QByteArray hoursJson(int version, const QByteArray &open = "09:30", const QByteArray &close = "16:00",
                     const QByteArray &extra = {})
{
    return R"({"config_key":"trading_hours","config_value":{"market_open":")" + open + R"(","market_close":")" + close
           + R"(","pre_market_enabled":false,"after_hours_enabled":true},"version":)" + QByteArray::number(version)
           + R"(,"updated_by":"alice","updated_at":"2026-03-28T12:00:00Z")" + extra + '}';
}

FakeHttpServer::Response response(int status, const QByteArray &body, const QList<QByteArray> &extra = {})
{
    FakeHttpServer::Response r;
    r.status = status;
    r.body = body;
    r.extraHeaders = extra;
    return r;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Saved:
        return QStringLiteral("Saved");
    case Kind::Conflict:
        return QStringLiteral("Conflict");
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

class TestConfigClient final : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ConfigClient> m_client;

    ConfigClient::LoadOutcome load(const QString &key)
    {
        ConfigClient::LoadOutcome out;
        bool done = false;
        m_client->load(key, this, [&](const ConfigClient::LoadOutcome &o) { out = o; done = true; });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            out.message = QStringLiteral("no answer within 10 s");
        return out;
    }

    ConfigClient::SaveOutcome save(const ConfigDocument &base, const QJsonObject &value)
    {
        ConfigClient::SaveOutcome out;
        out.message = QStringLiteral("save was not started");
        bool done = false;
        if (!m_client->save(base, value, this, [&](const ConfigClient::SaveOutcome &o) { out = o; done = true; }))
            return out;
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            out.message = QStringLiteral("no answer within 10 s");
        return out;
    }

    static ConfigDocument base(int version, const QByteArray &etag = {})
    {
        ConfigDocument d;
        d.key = QStringLiteral("trading_hours");
        d.version = version;
        d.etag = etag;
        d.value = QJsonDocument::fromJson(hoursJson(version)).object().value(QStringLiteral("config_value")).toObject();
        return d;
    }

    static QJsonObject edited()
    {
        QJsonObject v = base(3).value;
        v.insert(QStringLiteral("market_open"), QStringLiteral("10:00"));
        return v;
    }

    QList<FakeHttpServer::Request> puts() const { return m_server->requests("PUT", HoursPath); }

private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ops-no-bus");
    }

    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_server->setJson(QStringLiteral("/api/v1/auth/login"), LoginOk);
        m_server->setJson(QStringLiteral("/api/v1/auth/logout"), R"({"ok":true})");
        ConnectionProfile p;
        p.name = QStringLiteral("unit");
        p.restBaseUrl = m_server->url(QStringLiteral("/"));
        m_api = std::make_unique<ApiClient>(p);
        m_store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-tst-config-")
                                                    + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_session = std::make_unique<Session>(m_api.get(), m_store.get(), p.name);
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("admin"), QStringLiteral("admin-pw"), false);
        QVERIFY(signedIn.count() > 0 || signedIn.wait(10000));
        m_client = std::make_unique<ConfigClient>(m_session.get());
        m_server->clearRequests();
    }

    void cleanup()
    {
        m_client.reset();
        m_session.reset();
        m_store.reset();
        m_api.reset();
        m_server.reset();
    }

    // ------------------------------------------------------------------ reading

    void loadReadsValueVersionAndEtag()
    {
        m_server->setMethodResponse("GET", HoursPath, response(200, hoursJson(3), {"ETag: \"3\""}));
        const auto out = load(QStringLiteral("trading_hours"));
        QVERIFY2(out.ok, qPrintable(out.message));
        QCOMPARE(out.document.key, QStringLiteral("trading_hours"));
        QCOMPARE(out.document.version, 3);
        QCOMPARE(out.document.etag, QByteArrayLiteral("\"3\""));
        QCOMPARE(out.result.etag, QByteArrayLiteral("\"3\""));
        QCOMPARE(out.document.ifMatch(), QByteArrayLiteral("\"3\""));
        QCOMPARE(out.document.value.value(QStringLiteral("market_open")).toString(), QStringLiteral("09:30"));
        QCOMPARE(out.document.updatedBy, QStringLiteral("alice"));
        QCOMPARE(out.document.updatedAt, QDateTime(QDate(2026, 3, 28), QTime(12, 0), QTimeZone::utc()));
        QCOMPARE(m_server->requestCount("GET", HoursPath), 1);
    }

    void loadWithoutEtagFallsBackToTheVersion()
    {
        m_server->setMethodJson("GET", HoursPath, hoursJson(7));
        const auto out = load(QStringLiteral("trading_hours"));
        QVERIFY(out.ok);
        QVERIFY(out.document.etag.isEmpty());
        QCOMPARE(out.document.ifMatch(), QByteArrayLiteral("\"7\""));
    }

    void loadFailuresSayWhy()
    {
        m_server->setMethodJson("GET", HoursPath, R"({"error":"permission_denied","permission":"config:edit"})", 403);
        auto out = load(QStringLiteral("trading_hours"));
        QVERIFY(!out.ok);
        QVERIFY(out.refused);
        QVERIFY2(out.message.contains(QStringLiteral("config:edit")), qPrintable(out.message));

        m_server->setMethodJson("GET", HoursPath, R"({"error":"not_found"})", 404);
        out = load(QStringLiteral("trading_hours"));
        QVERIFY(!out.ok && !out.refused);
        QVERIFY2(out.message.contains(QStringLiteral("trading_hours")), qPrintable(out.message));

        m_server->setMethodJson("GET", HoursPath, R"({"config_key":"trading_hours","config_value":[],"version":1})");
        out = load(QStringLiteral("trading_hours"));
        QVERIFY(!out.ok);
        QVERIFY2(out.message.contains(QStringLiteral("config_value")), qPrintable(out.message));

        m_server->setMethodJson("GET", HoursPath, R"({"config_key":"trading_hours","config_value":{},"version":"3"})");
        out = load(QStringLiteral("trading_hours"));
        QVERIFY(!out.ok);

        // Another document than asked for is not taken.
        m_server->setMethodJson("GET", HoursPath, R"({"config_key":"system_defaults","config_value":{},"version":3})");
        out = load(QStringLiteral("trading_hours"));
        QVERIFY(!out.ok);
        QVERIFY2(out.message.contains(QStringLiteral("system_defaults")), qPrintable(out.message));
    }

    void loadAllReadsEveryDocument()
    {
        m_server->setMethodJson("GET", ListPath,
                                "{\"documents\":[" + hoursJson(2)
                                    + R"(,{"config_key":"system_defaults","config_value":{"dry_run":true},"version":5}]})");
        ConfigClient::LoadOutcome out;
        bool done = false;
        m_client->loadAll(this, [&](const ConfigClient::LoadOutcome &o) { out = o; done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY2(out.ok, qPrintable(out.message));
        QCOMPARE(out.documents.size(), 2);
        QCOMPARE(out.documents[0].key, QStringLiteral("trading_hours"));
        QCOMPARE(out.documents[0].version, 2);
        QCOMPARE(out.documents[1].key, QStringLiteral("system_defaults"));
        QCOMPARE(out.documents[1].ifMatch(), QByteArrayLiteral("\"5\""));

        // One broken entry: the good ones still arrive, and the problem is said.
        m_server->setMethodJson("GET", ListPath, "{\"documents\":[" + hoursJson(2) + R"(,{"config_key":"x"}]})");
        done = false;
        m_client->loadAll(this, [&](const ConfigClient::LoadOutcome &o) { out = o; done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!out.ok);
        QCOMPARE(out.documents.size(), 1);
        QVERIFY(!out.message.isEmpty());
    }

    // ------------------------------------------------------------------ saving

    void saveSendsIfMatchAndTheValueAndMapsSaved()
    {
        m_server->setMethodResponse(
            "PUT", HoursPath, response(200, hoursJson(4, "10:00", "16:00", R"(,"audit_id":17)"), {"ETag: \"4\""}));
        QSignalSpy saved(m_client.get(), &ConfigClient::saved);
        QSignalSpy saving(m_client.get(), &ConfigClient::savingChanged);
        const auto out = save(base(3, "\"3\""), edited());
        QCOMPARE(kindName(out.kind), QStringLiteral("Saved"));
        QCOMPARE(out.document.version, 4);
        QCOMPARE(out.document.etag, QByteArrayLiteral("\"4\""));
        QCOMPARE(out.document.value.value(QStringLiteral("market_open")).toString(), QStringLiteral("10:00"));
        QCOMPARE(out.auditId, 17);
        QCOMPARE(out.message, QStringLiteral("Saved version 4 (audit record #17)."));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.at(0).at(1).toLongLong(), 17);
        QCOMPARE(saving.size(), 2); // true, then false
        QVERIFY(!m_client->isSaving());

        QCOMPARE(puts().size(), 1);
        const FakeHttpServer::Request put = puts().first();
        QCOMPARE(put.header("If-Match"), QByteArrayLiteral("\"3\""));
        QCOMPARE(put.header("Content-Type"), QByteArrayLiteral("application/json"));
        QVERIFY(put.header("Authorization").startsWith("Bearer "));
        const QJsonObject body = QJsonDocument::fromJson(put.body).object();
        QCOMPARE(body.keys(), QStringList{QStringLiteral("config_value")});
        QCOMPARE(body.value(QStringLiteral("config_value")).toObject(), edited());
    }

    void ifMatchIsTheQuotedVersionWhenNoEtagWasSeen()
    {
        m_server->setMethodJson("PUT", HoursPath, hoursJson(10, "10:00"));
        const auto out = save(base(9), edited());
        QCOMPARE(kindName(out.kind), QStringLiteral("Saved"));
        QCOMPARE(out.auditId, -1);
        QCOMPARE(out.message, QStringLiteral("Saved version 10."));
        QCOMPARE(puts().first().header("If-Match"), QByteArrayLiteral("\"9\""));
    }

    void oneSaveAtATime()
    {
        FakeHttpServer::Response slow = response(200, hoursJson(4, "10:00", "16:00", R"(,"audit_id":1)"));
        slow.delayMs = 300;
        m_server->setMethodResponse("PUT", HoursPath, slow);
        bool first = false;
        QVERIFY(m_client->save(base(3), edited(), this, [&](const ConfigClient::SaveOutcome &) { first = true; }));
        QVERIFY(m_client->isSaving());
        bool second = false;
        QVERIFY(!m_client->save(base(3), edited(), this, [&](const ConfigClient::SaveOutcome &) { second = true; }));
        QTRY_VERIFY_WITH_TIMEOUT(first, 10000);
        QVERIFY(!second);
        QCOMPARE(puts().size(), 1);
        // An invalid base (never loaded) is not sent at all.
        QVERIFY(!m_client->save(ConfigDocument(), edited(), this, [](const ConfigClient::SaveOutcome &) {}));
        QCOMPARE(puts().size(), 1);
    }

    void conflictCarriesTheServersCurrentDocument()
    {
        m_server->setMethodResponse(
            "PUT", HoursPath,
            response(412, R"({"error":"version_conflict","current":)" + hoursJson(5, "09:00", "17:00") + '}', {"ETag: \"5\""}));
        QSignalSpy saved(m_client.get(), &ConfigClient::saved);
        const auto out = save(base(3, "\"3\""), edited());
        QCOMPARE(kindName(out.kind), QStringLiteral("Conflict"));
        QCOMPARE(out.document.version, 5);
        QCOMPARE(out.document.etag, QByteArrayLiteral("\"5\""));
        QCOMPARE(out.document.value.value(QStringLiteral("market_close")).toString(), QStringLiteral("17:00"));
        QCOMPARE(out.document.updatedBy, QStringLiteral("alice"));
        QVERIFY2(out.message.contains(QStringLiteral("version 5")) && out.message.contains(QStringLiteral("version 3")),
                 qPrintable(out.message));
        QCOMPARE(saved.size(), 0);
        QCOMPARE(m_server->requestCount("GET", HoursPath), 0); // the 412 said it all
    }

    void conflictWithoutTheCurrentDocumentReadsIt()
    {
        m_server->setMethodJson("PUT", HoursPath, R"({"error":"version_conflict"})", 412);
        m_server->setMethodResponse("GET", HoursPath, response(200, hoursJson(6, "08:00"), {"ETag: \"6\""}));
        const auto out = save(base(3), edited());
        QCOMPARE(kindName(out.kind), QStringLiteral("Conflict"));
        QCOMPARE(out.document.version, 6);
        QCOMPARE(out.document.etag, QByteArrayLiteral("\"6\""));
        QCOMPARE(m_server->requestCount("GET", HoursPath), 1);

        // ... and when that read fails too, it is a failure that says so.
        m_server->setMethodJson("GET", HoursPath, R"({"error":"db"})", 503);
        const auto failed = save(base(3), edited());
        QCOMPARE(kindName(failed.kind), QStringLiteral("Failed"));
        QVERIFY2(failed.message.contains(QStringLiteral("412")), qPrintable(failed.message));
    }

    void validationErrorsArePerField()
    {
        m_server->setMethodJson("PUT", HoursPath,
                                R"({"error":"validation_failed","fields":{"market_close":"Market close must be after market open","market_open":"Must be a time HH:MM"}})",
                                422);
        const auto out = save(base(3), edited());
        QCOMPARE(kindName(out.kind), QStringLiteral("Invalid"));
        QCOMPARE(out.fieldErrors.size(), 2);
        QCOMPARE(out.fieldErrors.value(QStringLiteral("market_close")), QStringLiteral("Market close must be after market open"));
        QCOMPARE(out.fieldErrors.value(QStringLiteral("market_open")), QStringLiteral("Must be a time HH:MM"));
        QCOMPARE(out.message, QStringLiteral("The server refused Market close, Market open; nothing was saved. "
                                             "See the messages next to the fields."));

        // A 422 without per-field messages still says what the server said.
        m_server->setMethodJson("PUT", HoursPath, R"({"error":"validation_failed","detail":"body is odd"})", 422);
        const auto bare = save(base(3), edited());
        QCOMPARE(kindName(bare.kind), QStringLiteral("Invalid"));
        QVERIFY(bare.fieldErrors.isEmpty());
        QVERIFY2(bare.message.contains(QStringLiteral("body is odd")), qPrintable(bare.message));
    }

    void forbiddenIsRefused()
    {
        m_server->setMethodJson("PUT", HoursPath, R"({"error":"permission_denied","permission":"config:edit"})", 403);
        const auto out = save(base(3), edited());
        QCOMPARE(kindName(out.kind), QStringLiteral("Refused"));
        QVERIFY2(out.message.contains(QStringLiteral("config:edit")), qPrintable(out.message));
    }

    void otherFailures()
    {
        m_server->setMethodJson("PUT", HoursPath, R"({"error":"if_match_required"})", 428);
        auto out = save(base(3), edited());
        QCOMPARE(kindName(out.kind), QStringLiteral("Failed"));
        QVERIFY2(out.message.contains(QStringLiteral("If-Match")), qPrintable(out.message));

        m_server->setMethodJson("PUT", HoursPath, R"({"error":"update_failed"})", 500);
        out = save(base(3), edited());
        QCOMPARE(kindName(out.kind), QStringLiteral("Failed"));
        QVERIFY2(out.message.contains(QStringLiteral("500")), qPrintable(out.message));

        // A 200 that is not the saved document is not a success.
        m_server->setMethodJson("PUT", HoursPath, R"({"ok":true})");
        out = save(base(3), edited());
        QCOMPARE(kindName(out.kind), QStringLiteral("Failed"));

        // No answer: the outcome is unknown, and retrying is safe.
        m_api->setDeadlineMs(300);
        FakeHttpServer::Response hang;
        hang.mode = FakeHttpServer::Mode::Hang;
        m_server->setMethodResponse("PUT", HoursPath, hang);
        out = save(base(3), edited());
        QCOMPARE(kindName(out.kind), QStringLiteral("Failed"));
        QVERIFY2(out.message.contains(QStringLiteral("cannot tell")), qPrintable(out.message));
        QVERIFY(!m_client->isSaving());
    }

    void etagIsExposedByApiClientForAnyAnswer()
    {
        m_server->setMethodResponse("GET", QStringLiteral("/x"), response(404, R"({"error":"nf"})", {"ETag:  W/\"abc\"  "}));
        ApiResult seen;
        bool done = false;
        m_api->get(QStringLiteral("x"), this, [&](const ApiResult &r) { seen = r; done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(seen.etag, QByteArrayLiteral("W/\"abc\""));
        done = false;
        m_server->setMethodJson("GET", QStringLiteral("/y"), R"({})");
        m_api->get(QStringLiteral("y"), this, [&](const ApiResult &r) { seen = r; done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(seen.etag.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConfigClient)
#include "tst_configclient.moc"
