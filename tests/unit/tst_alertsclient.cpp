// AlertsClient against FakeHttpServer as the platform, through a real Session and ApiClient: the
// events list fills the model (and keeps it on a bad answer); acknowledge and retry send what the
// contract says and map 200 / 403 / 404 / 409 / 422 / 5xx / timeout to Done / Refused / NotFound /
// Conflict / Invalid / Failed; a selection retry is one request per delivery, strictly one after
// the other, with each outcome kept (partial success reported as such) and the rest not sent
// after a refusal or a transport failure.

#include "FakeHttpServer.h"
#include "alerts/AlertEventsModel.h"
#include "alerts/AlertsClient.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

#include <optional>

using namespace ops;
using ops::test::FakeHttpServer;
using Result = AlertsClient::Result;
using Kind = AlertsClient::Result::Kind;

namespace {

const QString LoginPath = QStringLiteral("/api/v1/auth/login");
const QString EventsPath = QStringLiteral("/api/v1/alerts/events?status=open&limit=100");
const QString AckPath = QStringLiteral("/api/v1/alerts/events/5/acknowledge");

QString retryPath(qint64 id)
{
    return QStringLiteral("/api/v1/alerts/deliveries/%1/retry").arg(id);
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject eventJson(qint64 id, const QString &status, int minute)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("rule"), QStringLiteral("Drawdown")},
                       {QStringLiteral("severity"), QStringLiteral("critical")},
                       {QStringLiteral("message"), QStringLiteral("Drawdown 6.2% above 5%")},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("fired_at"), QStringLiteral("2026-03-29T08:%1:00Z").arg(minute, 2, 10, QLatin1Char('0'))},
                       {QStringLiteral("acknowledged_at"), QJsonValue::Null},
                       {QStringLiteral("acknowledged_by"), QJsonValue::Null},
                       {QStringLiteral("note"), QJsonValue::Null}};
}

QByteArray eventsJson(const QJsonArray &events)
{
    return json(QJsonObject{{QStringLiteral("events"), events}});
}

QByteArray retried(qint64 id, const QString &channel, qint64 auditId)
{
    const QJsonObject delivery{{QStringLiteral("id"), id},
                               {QStringLiteral("alert_id"), QStringLiteral("40")},
                               {QStringLiteral("channel"), channel},
                               {QStringLiteral("recipient"), QStringLiteral("j***@example.com")},
                               {QStringLiteral("status"), QStringLiteral("pending")},
                               {QStringLiteral("attempts"), 0},
                               {QStringLiteral("poison_at"), QJsonValue::Null},
                               {QStringLiteral("error_message"), QStringLiteral("SMTP 550")},
                               {QStringLiteral("created_at"), QStringLiteral("2026-03-29T07:00:00Z")}};
    return json(QJsonObject{{QStringLiteral("delivery"), delivery}, {QStringLiteral("audit_id"), auditId}});
}

QByteArray error(const char *code, const char *detail = nullptr)
{
    QJsonObject o{{QStringLiteral("error"), QLatin1String(code)}};
    if (detail)
        o.insert(QStringLiteral("detail"), QLatin1String(detail));
    return json(o);
}

AlertDelivery delivery(qint64 id, const char *channel)
{
    AlertDelivery d;
    d.id = id;
    d.channel = QLatin1String(channel);
    d.status = QStringLiteral("poison");
    return d;
}

} // namespace

class TestAlertsClient final : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<AlertsClient> m_client;

    bool signIn()
    {
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("operator"), QStringLiteral("operator-pw"), false);
        return signedIn.count() > 0 || signedIn.wait(10000);
    }

    std::optional<Result> call(const std::function<void(AlertsClient::Callback)> &start)
    {
        std::optional<Result> seen;
        int calls = 0;
        start([&](const Result &r) {
            ++calls;
            seen = r;
        });
        if (!QTest::qWaitFor([&] { return calls > 0; }, 10000))
            return std::nullopt;
        QTest::qWait(50);
        if (calls != 1)
            return std::nullopt;
        return seen;
    }

    std::optional<Result> retry(qint64 id)
    {
        return call([&](AlertsClient::Callback cb) { m_client->retry(id, this, std::move(cb)); });
    }

    std::optional<Result> acknowledge(const QString &note)
    {
        return call([&](AlertsClient::Callback cb) { m_client->acknowledge(5, note, this, std::move(cb)); });
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
        const QJsonObject user{{QStringLiteral("username"), QStringLiteral("operator")},
                               {QStringLiteral("role"), QStringLiteral("operator")},
                               {QStringLiteral("permissions"),
                                QJsonArray{QStringLiteral("alerts:view"), QStringLiteral("alerts:acknowledge"),
                                           QStringLiteral("alerts:retry")}}};
        m_server->setJson(LoginPath, json(QJsonObject{{QStringLiteral("token"), QStringLiteral("tok-op-1")},
                                                      {QStringLiteral("expires_at"), QStringLiteral("2026-03-29T20:00:00Z")},
                                                      {QStringLiteral("user"), user}}));
        m_server->setMethodJson("GET", EventsPath,
                                eventsJson({eventJson(5, QStringLiteral("open"), 1), eventJson(6, QStringLiteral("open"), 2)}));
        ConnectionProfile p;
        p.name = QStringLiteral("unit");
        p.restBaseUrl = m_server->url(QStringLiteral("/"));
        m_api = std::make_unique<ApiClient>(p);
        m_store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-tst-alertsclient-")
                                                    + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_session = std::make_unique<Session>(m_api.get(), m_store.get(), p.name);
        QVERIFY(signIn());
        m_client = std::make_unique<AlertsClient>(m_session.get());
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

    // ------------------------------------------------------------------ events

    void eventsFillTheModelAndSurviveBadAnswers()
    {
        QSignalSpy refreshed(m_client.get(), &AlertsClient::eventsRefreshed);
        m_client->listEvents();
        QVERIFY(m_client->isLoadingEvents());
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m_client->eventsProblem(), QString());
        QCOMPARE(m_client->eventsModel()->rowCount(), 2);
        QCOMPARE(m_client->eventsModel()->eventAt(0)->id, qint64(6)); // newest first
        QCOMPARE(m_server->requests("GET", EventsPath).size(), 1);
        QCOMPARE(m_server->requests("GET", EventsPath).first().header("Authorization"), QByteArray("Bearer tok-op-1"));

        m_server->setMethodJson("GET", EventsPath, json(QJsonObject{{QStringLiteral("items"), QJsonArray()}}));
        m_client->listEvents();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m_client->eventsProblem(), QStringLiteral("The answer has no list of events."));
        QCOMPARE(m_client->eventsModel()->rowCount(), 2);

        m_server->setMethodJson("GET", EventsPath, error("permission_denied"), 403);
        m_client->listEvents();
        QVERIFY(refreshed.wait(5000));
        QVERIFY2(m_client->eventsProblem().startsWith(QLatin1String("Your role may not see alerts")),
                 qPrintable(m_client->eventsProblem()));
        QCOMPARE(m_client->eventsModel()->rowCount(), 2);

        m_server->setMethodJson("GET", EventsPath, eventsJson({eventJson(6, QStringLiteral("open"), 2)}));
        m_client->listEvents();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m_client->eventsProblem(), QString());
        QCOMPARE(m_client->eventsModel()->rowCount(), 1);
    }

    void eventsStatusIsSentAsAQueryValue()
    {
        const QString all = QStringLiteral("/api/v1/alerts/events?status=all&limit=100");
        m_server->setMethodJson("GET", all, eventsJson({eventJson(9, QStringLiteral("resolved"), 3)}));
        QSignalSpy refreshed(m_client.get(), &AlertsClient::eventsRefreshed);
        m_client->setEventsStatus(QStringLiteral("all"));
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m_server->requests("GET", all).size(), 1);
        QCOMPARE(m_client->eventsModel()->rowCount(), 1);
        m_client->setEventsStatus(QStringLiteral("open&x=1")); // not one of the four: open
        QCOMPARE(m_client->eventsStatus(), QStringLiteral("open"));
    }

    // ------------------------------------------------------------------ acknowledge

    void acknowledgeDone()
    {
        QJsonObject acked = eventJson(5, QStringLiteral("acknowledged"), 1);
        acked.insert(QStringLiteral("acknowledged_by"), QStringLiteral("operator"));
        acked.insert(QStringLiteral("note"), QStringLiteral("Broker reconnected, watching"));
        m_server->setMethodJson("POST", AckPath, json(QJsonObject{{QStringLiteral("event"), acked}, {QStringLiteral("audit_id"), 77}}));
        QSignalSpy refreshed(m_client.get(), &AlertsClient::eventsRefreshed);
        const std::optional<Result> r = acknowledge(QStringLiteral("  Broker reconnected,\u202E watching \t"));
        QVERIFY(r);
        QCOMPARE(r->kind, Kind::Done);
        QCOMPARE(r->auditId, qint64(77));
        QCOMPARE(r->event.status, QStringLiteral("acknowledged"));
        QCOMPARE(r->event.acknowledgedBy, QStringLiteral("operator"));
        QCOMPARE(r->message, QStringLiteral("Alert event #5 acknowledged. Audit record #77."));
        const QList<FakeHttpServer::Request> posts = m_server->requests("POST", AckPath);
        QCOMPARE(posts.size(), 1);
        // The note as the server counts it: bidi controls dropped, trimmed.
        QCOMPARE(QJsonDocument::fromJson(posts.first().body).object().value(QStringLiteral("note")).toString(),
                 QStringLiteral("Broker reconnected, watching"));
        QCOMPARE(posts.first().header("Content-Type"), QByteArray("application/json"));
        // The events are read again afterwards.
        QVERIFY(refreshed.wait(5000) || refreshed.size() > 0);
        QCOMPARE(m_server->requests("GET", EventsPath).size(), 1);
    }

    void acknowledgeRefusals_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("serverMessage");
        QTest::newRow("422") << 422 << error("note_too_short", "Note must have at least 15 visible characters")
                             << int(Kind::Invalid)
                             << QStringLiteral("The server did not accept the note: Note must have at least 15 visible characters")
                             << QStringLiteral("Note must have at least 15 visible characters");
        QTest::newRow("409") << 409 << error("not_open") << int(Kind::Conflict)
                             << QStringLiteral("Alert event #5 is no longer open: not_open") << QStringLiteral("not_open");
        QTest::newRow("404") << 404 << error("not_found") << int(Kind::NotFound)
                             << QStringLiteral("Alert event #5 does not exist (any more).") << QStringLiteral("not_found");
        QTest::newRow("403") << 403
                             << json(QJsonObject{{QStringLiteral("error"), QStringLiteral("permission_denied")},
                                                 {QStringLiteral("permission"), QStringLiteral("alerts:acknowledge")}})
                             << int(Kind::Refused)
                             << QStringLiteral("The server refused: your role does not have the permission \"alerts:acknowledge\".")
                             << QStringLiteral("permission_denied");
        QTest::newRow("503") << 503 << error("database_unavailable") << int(Kind::Failed) << QString() << QString();
    }

    void acknowledgeRefusals()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, message);
        QFETCH(QString, serverMessage);
        m_server->setMethodJson("POST", AckPath, body, status);
        const std::optional<Result> r = acknowledge(QStringLiteral("Checked: broker is back since 08:03"));
        QVERIFY(r);
        QCOMPARE(int(r->kind), kind);
        QCOMPARE(r->httpStatus, status);
        if (!message.isEmpty())
            QCOMPARE(r->message, message);
        else
            QVERIFY2(r->message.startsWith(QLatin1String("The request failed")), qPrintable(r->message));
        if (!serverMessage.isEmpty())
            QCOMPARE(r->serverMessage, serverMessage);
        QCOMPARE(r->auditId, qint64(-1));
    }

    // ------------------------------------------------------------------ retry

    void retryDone()
    {
        m_server->setMethodJson("POST", retryPath(12), retried(12, QStringLiteral("email"), 90));
        const std::optional<Result> r = retry(12);
        QVERIFY(r);
        QCOMPARE(r->kind, Kind::Done);
        QCOMPARE(r->auditId, qint64(90));
        QCOMPARE(r->delivery.id, qint64(12));
        QCOMPARE(r->delivery.status, QStringLiteral("pending"));
        QCOMPARE(r->delivery.attempts, 0);
        QVERIFY(!r->delivery.poisonAt.isValid());
        QCOMPARE(r->message, QStringLiteral("Delivery #12 queued for delivery again. Audit record #90."));
        QCOMPARE(m_server->requests("POST", retryPath(12)).size(), 1);
    }

    void retryRefusals_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("403") << 403 << error("permission_denied") << int(Kind::Refused)
                             << QStringLiteral("The server refused: your role does not have the permission \"alerts:retry\".");
        QTest::newRow("404") << 404 << error("not_found") << int(Kind::NotFound)
                             << QStringLiteral("Delivery #12 does not exist (any more).");
        QTest::newRow("409") << 409 << error("not_retryable", "Delivery is pending, not poison or failed")
                             << int(Kind::Conflict)
                             << QStringLiteral("Delivery #12 cannot be retried now (only poisoned or failed deliveries can): "
                                               "Delivery is pending, not poison or failed");
        QTest::newRow("422") << 422 << error("invalid_request") << int(Kind::Invalid)
                             << QStringLiteral("The server did not accept the request: invalid_request");
        QTest::newRow("500") << 500 << QByteArray("boom") << int(Kind::Failed) << QStringLiteral("The request failed");
    }

    void retryRefusals()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, prefix);
        m_server->setMethodJson("POST", retryPath(12), body, status);
        const std::optional<Result> r = retry(12);
        QVERIFY(r);
        QCOMPARE(int(r->kind), kind);
        QVERIFY2(r->message.startsWith(prefix), qPrintable(r->message));
        QVERIFY(!r->timedOut);
    }

    void retryTimeoutIsNotGuessed()
    {
        m_api->setDeadlineMs(400);
        FakeHttpServer::Response hang;
        hang.mode = FakeHttpServer::Mode::Hang;
        m_server->setMethodResponse("POST", retryPath(12), hang);
        const std::optional<Result> r = retry(12);
        QVERIFY(r);
        QCOMPARE(r->kind, Kind::Failed);
        QVERIFY(r->timedOut);
        QVERIFY2(r->message.contains(QLatin1String("not known whether delivery #12")), qPrintable(r->message));
    }

    void refusedConnectionFails()
    {
        m_server->stopListening();
        const std::optional<Result> r = retry(12);
        QVERIFY(r);
        QCOMPARE(r->kind, Kind::Failed);
        QVERIFY(!r->timedOut);
    }

    // ------------------------------------------------------------------ selection

    void selectionRetryIsSequentialAndReportsPartialSuccess()
    {
        m_server->setMethodResponse("POST", retryPath(1), response(200, retried(1, QStringLiteral("email"), 101), 300));
        m_server->setMethodJson("POST", retryPath(2), error("not_retryable"), 409);
        m_server->setMethodJson("POST", retryPath(3), error("not_found"), 404);
        m_server->setMethodJson("POST", retryPath(4), retried(4, QStringLiteral("slack"), 102));
        QList<std::pair<int, int>> progress;
        std::optional<AlertsClient::BatchResult> result;
        int doneCalls = 0;
        QSignalSpy running(m_client.get(), &AlertsClient::retryingChanged);
        QVERIFY(m_client->retryMany({delivery(1, "email"), delivery(2, "sms"), delivery(3, "email"), delivery(4, "slack")},
                                    this, [&](int sent, int total) { progress.append({sent, total}); },
                                    [&](const AlertsClient::BatchResult &r) {
                                        ++doneCalls;
                                        result = r;
                                    }));
        QVERIFY(m_client->isRetrying());
        // Another selection cannot start meanwhile.
        QVERIFY(!m_client->retryMany({delivery(9, "sms")}, this, {}, {}));
        // One at a time: while #1 is unanswered, nothing else was sent.
        QTest::qWait(150);
        QCOMPARE(m_server->requests().size(), 1);
        QVERIFY(QTest::qWaitFor([&] { return doneCalls > 0; }, 10000));
        QTest::qWait(50);
        QCOMPARE(doneCalls, 1);
        QVERIFY(!m_client->isRetrying());
        QCOMPARE(running.size(), 2);

        QStringList order;
        for (const FakeHttpServer::Request &r : m_server->requests())
            if (r.method == "POST")
                order << r.path;
        QCOMPARE(order, (QStringList{retryPath(1), retryPath(2), retryPath(3), retryPath(4)}));
        QCOMPARE(progress, (QList<std::pair<int, int>>{{1, 4}, {2, 4}, {3, 4}, {4, 4}}));
        QVERIFY(result);
        QCOMPARE(result->outcomes.size(), 4);
        QCOMPARE(result->retried(), 2);
        QCOMPARE(result->failed(), 2);
        QVERIFY(result->notSent.isEmpty());
        QVERIFY(!result->allDone());
        QCOMPARE(result->outcomes.at(1).result.kind, Kind::Conflict);
        QCOMPARE(result->outcomes.at(2).result.kind, Kind::NotFound);
        const QString summary = result->summary();
        QVERIFY2(summary.startsWith(QLatin1String("2 retried, 2 failed: #2 (SMS): Delivery #2 cannot be retried now")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("; #3 (Email): Delivery #3 does not exist (any more).")), qPrintable(summary));
        QVERIFY(!summary.contains(QLatin1String("#1 ")));
    }

    void selectionStopsAfterARefusal()
    {
        m_server->setMethodJson("POST", retryPath(1), retried(1, QStringLiteral("email"), 101));
        m_server->setMethodJson("POST", retryPath(2), error("permission_denied"), 403);
        m_server->setMethodJson("POST", retryPath(3), retried(3, QStringLiteral("sms"), 103));
        std::optional<AlertsClient::BatchResult> result;
        QVERIFY(m_client->retryMany({delivery(1, "email"), delivery(2, "sms"), delivery(3, "sms")}, this, {},
                                    [&](const AlertsClient::BatchResult &r) { result = r; }));
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QCOMPARE(m_server->requests("POST", retryPath(3)).size(), 0);
        QCOMPARE(result->retried(), 1);
        QCOMPARE(result->failed(), 1);
        QCOMPARE(result->notSent.size(), 1);
        QCOMPARE(result->notSent.first().id, qint64(3));
        QVERIFY2(result->summary().startsWith(QLatin1String("1 retried, 1 failed, 1 not sent: #2 (SMS): The server refused")),
                 qPrintable(result->summary()));
        QVERIFY2(result->summary().endsWith(QLatin1String("not sent because the server refused the permission: #3")),
                 qPrintable(result->summary()));
    }

    void selectionStopsAfterATransportFailure()
    {
        m_server->setMethodJson("POST", retryPath(1), QByteArray("<html>bad gateway</html>"), 502);
        std::optional<AlertsClient::BatchResult> result;
        QVERIFY(m_client->retryMany({delivery(1, "email"), delivery(2, "sms")}, this, {},
                                    [&](const AlertsClient::BatchResult &r) { result = r; }));
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QCOMPARE(m_server->requests("POST", retryPath(2)).size(), 0);
        QCOMPARE(result->retried(), 0);
        QCOMPARE(result->notSent.size(), 1);
    }

    void allRetriedSaysSo()
    {
        m_server->setMethodJson("POST", retryPath(1), retried(1, QStringLiteral("email"), 101));
        m_server->setMethodJson("POST", retryPath(2), retried(2, QStringLiteral("sms"), 102));
        std::optional<AlertsClient::BatchResult> result;
        QVERIFY(m_client->retryMany({delivery(1, "email"), delivery(2, "sms")}, this, {},
                                    [&](const AlertsClient::BatchResult &r) { result = r; }));
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY(result->allDone());
        QCOMPARE(result->summary(), QStringLiteral("2 retried."));
    }

    void goneContextGetsNoCallbackAndNothingMoreIsSent()
    {
        m_server->setMethodResponse("POST", retryPath(1), response(200, retried(1, QStringLiteral("email"), 101), 200));
        m_server->setMethodJson("POST", retryPath(2), retried(2, QStringLiteral("sms"), 102));
        auto *context = new QObject;
        int calls = 0;
        QVERIFY(m_client->retryMany({delivery(1, "email"), delivery(2, "sms")}, context, [&](int, int) { ++calls; },
                                    [&](const AlertsClient::BatchResult &) { ++calls; }));
        delete context;
        QVERIFY(QTest::qWaitFor([&] { return !m_client->isRetrying(); }, 10000));
        QTest::qWait(100);
        QCOMPARE(calls, 0);
        QCOMPARE(m_server->requests("POST", retryPath(2)).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlertsClient)
#include "tst_alertsclient.moc"
