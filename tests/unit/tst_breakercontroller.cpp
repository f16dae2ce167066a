// BreakerController against FakeHttpServer as the platform, through a real Session and ApiClient,
// on a MockClock. No keychain here (as in tst_session): the token stays in memory.
#include "FakeHttpServer.h"
#include "MockClock.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "breaker/BreakerController.h"
#include "breaker/BreakerHistoryModel.h"

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
using Outcome = BreakerController::Outcome;
using Kind = BreakerController::Outcome::Kind;

namespace {

const QString StatePath = QStringLiteral("/api/v1/circuit-breaker");
const QString HistoryPath = QStringLiteral("/api/v1/circuit-breaker/history?limit=50");
const QString KillSwitchPath = QStringLiteral("/api/v1/kill-switch/status");
const QString TripPath = QStringLiteral("/api/v1/circuit-breaker/trip");
const QString ResetPath = QStringLiteral("/api/v1/circuit-breaker/reset");
const QString EngagePath = QStringLiteral("/api/v1/kill-switch/engage");

const QByteArray LoginOk = R"({"token":"tok-operator-1","expires_at":"2026-03-29T08:00:00Z",
    "user":{"username":"operator","role":"operator","permissions":["breaker:view","breaker:trip","breaker:reset"]}})";

const QByteArray HistoryTwo = R"({"entries":[
    {"id":1,"tripped_at":"2026-03-28T09:00:00Z","tripped_by":"alice","reason":"older trip, reset after five minutes",
     "reset_at":"2026-03-28T09:05:00Z","reset_by":"bob","reset_reason":"all conditions green again, broker ok"},
    {"id":2,"tripped_at":"2026-03-29T00:10:00Z","tripped_by":"carol","reason":"newest trip, still the current one"}]})";

const QByteArray KillSwitchActive = R"({"state":"ACTIVE","server_time":"2026-03-29T00:30:00Z"})";

// The mock clock starts at 2026-03-29 00:30:00 UTC; the server's clock may differ.
QByteArray stateJson(const QByteArray &state, const QByteArray &extra = {},
                     const QByteArray &serverTime = "2026-03-29T00:30:00Z")
{
    QByteArray json = R"({"state":")" + state + R"(","trip_count_today":3)";
    if (!serverTime.isEmpty())
        json += R"(,"server_time":")" + serverTime + '"';
    if (state == "TRIPPED")
        json += R"(,"tripped_at":"2026-03-29T00:10:00Z","tripped_by":"carol","trip_reason":"newest trip, still the current one")";
    json += R"(,"conditions":[{"name":"drawdown","ok":true,"detail":"1.2% of 5%"},{"name":"redis","ok":false,"detail":"PING timeout"}])";
    if (!extra.isEmpty())
        json += ',' + extra;
    return json + '}';
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Done:
        return QStringLiteral("Done");
    case Kind::Unchanged:
        return QStringLiteral("Unchanged");
    case Kind::Refused:
        return QStringLiteral("Refused");
    case Kind::RateLimited:
        return QStringLiteral("RateLimited");
    case Kind::Unverified:
        return QStringLiteral("Unverified");
    case Kind::Failed:
        return QStringLiteral("Failed");
    }
    return QStringLiteral("?");
}

const QString UnknownHeadline = QStringLiteral("UNKNOWN \u2014 state could not be verified");

// What one action's callback saw.
struct Seen
{
    int calls = 0;
    Outcome outcome;
    qsizetype requestsAtCallback = -1; // how many requests the server had when the outcome arrived
    int cooldownAtCallback = -1;
    TradingState tradingAtCallback = TradingState::Unknown;
    bool busyAtCallback = true;
};

} // namespace

class TestBreakerController final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<BreakerController> m_controller;

    using OutcomeCallback = BreakerController::OutcomeCallback;

    bool signIn()
    {
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("operator"), QStringLiteral("operator-pw"), false);
        return signedIn.count() > 0 || signedIn.wait(10000);
    }

    void makeController()
    {
        m_controller = std::make_unique<BreakerController>(m_session.get(), *m_clock);
    }

    // One refresh cycle that is expected to read the state, kill switch and history.
    bool readGood(int historyRows = 2)
    {
        m_controller->refreshNow();
        return QTest::qWaitFor(
            [&] {
                return m_controller->isVerified() && m_controller->killSwitch().state != KillSwitchState::Unknown
                       && m_controller->historyModel()->rowCount() == historyRows;
            },
            10000);
    }

    OutcomeCallback record(Seen &seen)
    {
        return [this, &seen](const Outcome &o) {
            ++seen.calls;
            seen.outcome = o;
            seen.requestsAtCallback = m_server->requests().size();
            seen.cooldownAtCallback = m_controller->resetCooldownSeconds();
            seen.tradingAtCallback = m_controller->snapshot().trading;
            seen.busyAtCallback = m_controller->isBusy();
        };
    }

    static QJsonObject jsonBody(const FakeHttpServer::Request &request)
    {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("request body is not JSON: %s", request.body.constData());
        return doc.object();
    }

    qsizetype getCount(const QString &path) const { return m_server->requests("GET", path).size(); }
    qsizetype postCount() const
    {
        qsizetype n = 0;
        for (const FakeHttpServer::Request &r : m_server->requests())
            n += r.method == "POST" && r.path != QLatin1String("/api/v1/auth/login")
                 && r.path != QLatin1String("/api/v1/auth/logout");
        return n;
    }

    static FakeHttpServer::Response response(int status, const QByteArray &body, const QList<QByteArray> &extra = {},
                                             const QByteArray &contentType = "application/json")
    {
        FakeHttpServer::Response r;
        r.status = status;
        r.body = body;
        r.extraHeaders = extra;
        r.contentType = contentType;
        return r;
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
        m_server->setJson(QStringLiteral("/api/v1/auth/logout"), R"({"ok":true})");
        m_server->setMethodJson("GET", StatePath, stateJson("OPEN"));
        m_server->setMethodJson("GET", HistoryPath, HistoryTwo);
        m_server->setMethodJson("GET", KillSwitchPath, KillSwitchActive);
        ConnectionProfile p;
        p.name = QStringLiteral("unit");
        p.restBaseUrl = m_server->url(QStringLiteral("/"));
        m_api = std::make_unique<ApiClient>(p);
        m_store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-tst-breaker-")
                                                    + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_session = std::make_unique<Session>(m_api.get(), m_store.get(), p.name);
        m_clock = std::make_unique<MockClock>();
    }

    void cleanup()
    {
        m_controller.reset();
        m_session.reset();
        m_store.reset();
        m_api.reset();
        m_server.reset();
        m_clock.reset();
    }

    // ------------------------------------------------------------------ reading

    void nothingIsKnownBeforeTheFirstRead()
    {
        QVERIFY(signIn());
        makeController();
        QVERIFY(!m_controller->isVerified());
        QCOMPARE(m_controller->snapshot().trading, TradingState::Unknown);
        QCOMPARE(BreakerJson::headline(m_controller->snapshot()), UnknownHeadline);
        QVERIFY(!m_controller->problem().isEmpty());
        QCOMPARE(m_controller->killSwitch().state, KillSwitchState::Unknown);
        QCOMPARE(m_controller->resetCooldownSeconds(), 0);
        QVERIFY(!m_controller->isBusy());
        QCOMPARE(m_controller->historyModel()->rowCount(), 0);
    }

    void goodReadShowsTheStateAndIsVerified()
    {
        m_server->setMethodJson("GET", StatePath, stateJson("TRIPPED"));
        QVERIFY(signIn());
        makeController();
        m_server->clearRequests();
        QSignalSpy changed(m_controller.get(), &BreakerController::changed);
        QVERIFY(readGood());

        QVERIFY(m_controller->isVerified());
        QCOMPARE(m_controller->problem(), QString());
        const BreakerSnapshot s = m_controller->snapshot();
        QCOMPARE(s.trading, TradingState::Halted);
        QCOMPARE(s.rawState, QStringLiteral("TRIPPED"));
        QCOMPARE(BreakerJson::headline(s), QStringLiteral("TRADING HALTED (TRIPPED)"));
        QCOMPARE(s.trippedBy, QStringLiteral("carol"));
        QCOMPARE(s.tripReason, QStringLiteral("newest trip, still the current one"));
        QCOMPARE(s.trippedAt, QDateTime(QDate(2026, 3, 29), QTime(0, 10), QTimeZone::utc()));
        QCOMPARE(s.tripsToday, 3);
        QCOMPARE(s.conditions.size(), 2);
        QCOMPARE(s.failingConditions().size(), 1);
        QCOMPARE(s.failingConditions().first().name, QStringLiteral("redis"));
        QCOMPARE(m_controller->lastKnown().trading, TradingState::Halted);
        QCOMPARE(m_controller->lastReadAt(), m_clock->nowUtc());
        QCOMPARE(m_controller->killSwitch().state, KillSwitchState::Active);
        QCOMPARE(m_controller->historyProblem(), QString());
        QCOMPARE(m_controller->resetCooldownSeconds(), 0);
        QVERIFY(changed.count() >= 1);

        // History newest first.
        BreakerHistoryModel *history = m_controller->historyModel();
        QCOMPARE(history->rowCount(), 2);
        QCOMPARE(history->index(0, 0).data(BreakerHistoryModel::EntryIdRole).toLongLong(), 2);
        QCOMPARE(history->index(0, BreakerHistoryModel::ResetAt).data().toString(), QStringLiteral("Still tripped"));
        QCOMPARE(history->index(1, 0).data(BreakerHistoryModel::EntryIdRole).toLongLong(), 1);

        // Exactly one GET each, as the signed-in user, and nothing else.
        QCOMPARE(m_server->requests().size(), 3);
        QCOMPARE(getCount(StatePath), 1);
        QCOMPARE(getCount(HistoryPath), 1);
        QCOMPARE(getCount(KillSwitchPath), 1);
        for (const FakeHttpServer::Request &r : m_server->requests())
            QCOMPARE(r.header("Authorization"), QByteArray("Bearer tok-operator-1"));

        // OPEN reads as enabled.
        m_server->setMethodJson("GET", StatePath, stateJson("OPEN"));
        m_controller->refreshNow();
        QTRY_COMPARE(m_controller->snapshot().trading, TradingState::Enabled);
        QCOMPARE(BreakerJson::headline(m_controller->snapshot()), QStringLiteral("TRADING ENABLED (OPEN)"));
        QVERIFY(m_controller->isVerified());
    }

    void unreadableStateIsUnknown_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("problemPart");

        QTest::newRow("503 fail closed") << 503 << QByteArray("application/json")
                                         << QByteArray(R"({"detail":"breaker state store unreachable"})")
                                         << QStringLiteral("breaker state store unreachable");
        QTest::newRow("503 says unavailable") << 503 << QByteArray("application/json")
                                              << QByteArray(R"({"detail":"breaker state store unreachable"})")
                                              << QStringLiteral("unavailable");
        QTest::newRow("HTML login page with 200") << 200 << QByteArray("text/html")
                                                  << QByteArray("<html><body>Please log in</body></html>")
                                                  << QStringLiteral("non-JSON");
        QTest::newRow("HTML from a proxy, 502") << 502 << QByteArray("text/html")
                                                << QByteArray("<html><body>Bad gateway</body></html>")
                                                << QStringLiteral("HTTP 502");
        QTest::newRow("unknown state HALTED") << 200 << QByteArray("application/json") << stateJson("HALTED")
                                              << QStringLiteral("HALTED");
        QTest::newRow("no state at all") << 200 << QByteArray("application/json")
                                         << QByteArray(R"({"trip_count_today":1})") << QStringLiteral("no breaker state");
        QTest::newRow("state as a number") << 200 << QByteArray("application/json") << QByteArray(R"({"state":1})")
                                           << QStringLiteral("no breaker state");
        QTest::newRow("a JSON array") << 200 << QByteArray("application/json") << QByteArray(R"(["OPEN"])")
                                      << QStringLiteral("not a breaker state");
        QTest::newRow("500 JSON") << 500 << QByteArray("application/json")
                                  << QByteArray(R"({"detail":"internal error"})") << QStringLiteral("HTTP 500");
    }

    void unreadableStateIsUnknown()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, problemPart);

        QVERIFY(signIn());
        makeController();
        QVERIFY(readGood()); // OPEN, verified
        QCOMPARE(m_controller->snapshot().trading, TradingState::Enabled);

        m_server->setMethodResponse("GET", StatePath, response(status, body, {}, contentType));
        QSignalSpy changed(m_controller.get(), &BreakerController::changed);
        m_controller->refreshNow();
        QTRY_VERIFY(!m_controller->isVerified());
        QTRY_VERIFY(changed.count() >= 1);

        const BreakerSnapshot s = m_controller->snapshot();
        QCOMPARE(s.trading, TradingState::Unknown); // no fallback to the last good OPEN
        QCOMPARE(BreakerJson::headline(s), UnknownHeadline);
        QVERIFY(!BreakerJson::headline(s).contains(QStringLiteral("ENABLED")));
        QVERIFY2(m_controller->problem().contains(problemPart, Qt::CaseInsensitive), qPrintable(m_controller->problem()));
        QCOMPARE(m_controller->lastKnown().trading, TradingState::Enabled); // for the "last known" line only
        QCOMPARE(getCount(StatePath), 2);
    }

    void unreadableFromTheStartIsUnknown()
    {
        m_server->setMethodResponse("GET", StatePath, response(503, R"({"detail":"fail closed: state unknown"})"));
        QVERIFY(signIn());
        makeController();
        m_controller->refreshNow();
        QTRY_VERIFY(m_controller->problem().contains(QStringLiteral("fail closed: state unknown")));
        QCOMPARE(m_controller->snapshot().trading, TradingState::Unknown);
        QVERIFY(m_controller->snapshot().rawState.isEmpty());
        QVERIFY(!m_controller->isVerified());
    }

    void staleAfterTenSecondsWithoutANewAnswer()
    {
        QVERIFY(signIn());
        makeController();
        m_controller->start(); // the 1 s tick runs from here
        QTRY_VERIFY(m_controller->isVerified());
        QTRY_COMPARE(m_controller->killSwitch().state, KillSwitchState::Active);
        // From now on the platform does not answer the state any more.
        FakeHttpServer::Response hang;
        hang.mode = FakeHttpServer::Mode::Hang;
        m_server->setMethodResponse("GET", StatePath, hang);

        m_clock->advanceSeconds(10);
        QVERIFY(m_controller->isVerified()); // exactly 10 s is still fresh
        QCOMPARE(m_controller->snapshot().trading, TradingState::Enabled);

        QSignalSpy changed(m_controller.get(), &BreakerController::changed);
        m_clock->advanceSeconds(1);
        QVERIFY(!m_controller->isVerified());
        QCOMPARE(m_controller->snapshot().trading, TradingState::Unknown);
        QCOMPARE(BreakerJson::headline(m_controller->snapshot()), UnknownHeadline);
        QVERIFY2(m_controller->problem().contains(QStringLiteral("11")), qPrintable(m_controller->problem()));
        // The view learns it from the tick, without any network answer.
        QVERIFY(changed.wait(2500));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_controller->killSwitch().state, KillSwitchState::Unknown); // same rule for the kill switch
        QCOMPARE(getCount(StatePath), 1);
        m_controller->stop();
    }

    void resetCooldownFromTheServerWindowCountsDown()
    {
        // The server's clock is an hour behind ours: only the difference counts.
        m_server->setMethodJson("GET", StatePath,
                                stateJson("TRIPPED", R"("reset_available_at":"2026-03-28T23:30:42Z")",
                                          "2026-03-28T23:30:00Z"));
        QVERIFY(signIn());
        makeController();
        m_controller->start();
        QTRY_VERIFY(m_controller->isVerified());
        QTRY_COMPARE(m_controller->killSwitch().state, KillSwitchState::Active);
        QCOMPARE(m_controller->resetCooldownSeconds(), 42);
        // No further answers: the countdown below runs on the first read only.
        FakeHttpServer::Response hang;
        hang.mode = FakeHttpServer::Mode::Hang;
        m_server->setMethodResponse("GET", StatePath, hang);

        QSignalSpy changed(m_controller.get(), &BreakerController::changed);
        m_clock->advanceSeconds(5);
        QCOMPARE(m_controller->resetCooldownSeconds(), 37);
        QVERIFY(changed.wait(2500)); // the tick says the countdown moved
        m_clock->advanceMs(7500);
        QCOMPARE(m_controller->resetCooldownSeconds(), 30); // 29.5 s left rounds up
        m_clock->advanceMs(29000);
        QCOMPARE(m_controller->resetCooldownSeconds(), 1);
        m_clock->advanceMs(500);
        QCOMPARE(m_controller->resetCooldownSeconds(), 0);
        m_clock->advanceSeconds(100);
        QCOMPARE(m_controller->resetCooldownSeconds(), 0);
        m_controller->stop();
    }

    void noWindowMeansNoCooldown()
    {
        m_server->setMethodJson("GET", StatePath,
                                stateJson("TRIPPED", R"("reset_available_at":"2026-03-29T00:29:00Z")"));
        QVERIFY(signIn());
        makeController();
        QVERIFY(readGood());
        QCOMPARE(m_controller->resetCooldownSeconds(), 0); // the window ended a minute ago
    }

    // ------------------------------------------------------------------ actions

    void tripSendsExactlyOnePost()
    {
        QVERIFY(signIn());
        makeController();
        QVERIFY(readGood());
        m_server->setMethodJson("POST", TripPath,
                                R"({"changed":true,"audit_id":7,"breaker":)" + stateJson("TRIPPED") + "}");
        m_server->setMethodJson("GET", StatePath, stateJson("TRIPPED"));
        m_server->clearRequests();

        QSignalSpy busy(m_controller.get(), &BreakerController::busyChanged);
        int finished = 0;
        connect(m_controller.get(), &BreakerController::actionFinished, this,
                [&](BreakerController::Action action, const Outcome &o) {
                    ++finished;
                    QCOMPARE(action, BreakerController::Action::Trip);
                    QCOMPARE(o.auditId, qint64(7));
                });
        const QString key = BreakerController::newIdempotencyKey();
        QVERIFY(!QUuid::fromString(key).isNull());
        QVERIFY(key != BreakerController::newIdempotencyKey());
        Seen seen;
        const QString typed = QStringLiteral("  \u202EBroker feed stale since 09:00,\u0007 halting now \u2066\n");
        QVERIFY(m_controller->trip(key, QStringLiteral("DATA_STALE"), typed, this, record(seen)));
        QVERIFY(m_controller->isBusy());
        QCOMPARE(busy.count(), 1);
        QCOMPARE(busy.first().first().toBool(), true);

        QTRY_COMPARE(seen.calls, 1);
        QCOMPARE(kindName(seen.outcome.kind), kindName(Kind::Done));
        QCOMPARE(seen.outcome.auditId, qint64(7));
        QVERIFY2(seen.outcome.message.contains(QStringLiteral("#7")), qPrintable(seen.outcome.message));
        QVERIFY2(seen.outcome.message.contains(QStringLiteral("TRIPPED")), qPrintable(seen.outcome.message));
        QCOMPARE(seen.tradingAtCallback, TradingState::Halted); // the new state is shown with the outcome
        QVERIFY(!seen.busyAtCallback);
        QCOMPARE(finished, 1);
        QCOMPARE(busy.count(), 2);
        QCOMPARE(busy.last().first().toBool(), false);

        const QList<FakeHttpServer::Request> posts = m_server->requests("POST", TripPath);
        QCOMPARE(posts.size(), 1);
        const FakeHttpServer::Request &post = posts.first();
        QCOMPARE(post.header("Idempotency-Key"), key.toLatin1());
        QCOMPARE(post.header("Authorization"), QByteArray("Bearer tok-operator-1"));
        QCOMPARE(post.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(QString::fromLatin1(post.header("X-Request-ID")), seen.outcome.requestId);
        const QJsonObject body = jsonBody(post);
        QCOMPARE(body.value(QStringLiteral("reason")).toString(), QStringLiteral("Broker feed stale since 09:00, halting now"));
        QCOMPARE(body.value(QStringLiteral("acknowledged")), QJsonValue(true));
        QCOMPARE(body.value(QStringLiteral("details")).toObject().value(QStringLiteral("category")).toString(),
                 QStringLiteral("DATA_STALE"));

        // Afterwards the state is read again, and the POST is never repeated.
        QTRY_COMPARE(getCount(StatePath), 1);
        QTest::qWait(300);
        QCOMPARE(m_server->requests("POST", TripPath).size(), 1);
        QCOMPARE(postCount(), 1);
        QCOMPARE(seen.calls, 1);
        QCOMPARE(m_controller->snapshot().trading, TradingState::Halted);
    }

    void secondActionWhileBusySendsNothing()
    {
        QVERIFY(signIn());
        makeController();
        QVERIFY(readGood());
        FakeHttpServer::Response slow = response(200, R"({"changed":true,"audit_id":11,"breaker":)" + stateJson("TRIPPED") + "}");
        slow.delayMs = 500;
        m_server->setMethodResponse("POST", TripPath, slow);
        m_server->setMethodJson("POST", ResetPath, R"({"changed":true,"audit_id":12})");
        m_server->setMethodJson("POST", EngagePath, R"({"changed":true,"audit_id":13})");
        m_server->clearRequests();

        const QString reason = QStringLiteral("Broker feed stale since 09:00, halting now");
        Seen first, second, third, fourth;
        const QString key = BreakerController::newIdempotencyKey();
        QVERIFY(m_controller->trip(key, QStringLiteral("MANUAL"), reason, this, record(first)));
        // Double click, Enter spam, another dialog: all refused while the first is under way.
        QVERIFY(!m_controller->trip(key, QStringLiteral("MANUAL"), reason, this, record(second)));
        QVERIFY(!m_controller->trip(BreakerController::newIdempotencyKey(), QStringLiteral("MANUAL"), reason, this,
                                    record(second)));
        QVERIFY(!m_controller->reset(BreakerController::newIdempotencyKey(), reason, {}, this, record(third)));
        QVERIFY(!m_controller->engageKillSwitch(BreakerController::newIdempotencyKey(), reason, this, record(fourth)));
        QVERIFY(m_controller->isBusy());

        QTRY_COMPARE(first.calls, 1);
        QCOMPARE(kindName(first.outcome.kind), kindName(Kind::Done));
        QCOMPARE(first.outcome.auditId, qint64(11));
        QTest::qWait(300);
        QCOMPARE(second.calls, 0);
        QCOMPARE(third.calls, 0);
        QCOMPARE(fourth.calls, 0);
        QCOMPARE(postCount(), 1);
        QCOMPARE(m_server->requests("POST", TripPath).size(), 1);
        QCOMPARE(m_server->requests("POST", TripPath).first().header("Idempotency-Key"), key.toLatin1());
        QVERIFY(!m_controller->isBusy());

        // Free again once the first has finished.
        Seen after;
        QVERIFY(m_controller->reset(BreakerController::newIdempotencyKey(), reason, {}, this, record(after)));
        QTRY_COMPARE(after.calls, 1);
        QCOMPARE(m_server->requests("POST", ResetPath).size(), 1);
    }

    void outcomes_data()
    {
        QTest::addColumn<bool>("reset"); // false: trip
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QList<QByteArray>>("headers");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<int>("auditId");
        QTest::addColumn<int>("retryAfter");
        QTest::addColumn<int>("cooldown");

        const QList<QByteArray> none;
        QTest::newRow("trip done") << false << 200
                                   << QByteArray(R"({"changed":true,"audit_id":7,"breaker":)" + stateJson("TRIPPED") + "}")
                                   << none << int(Kind::Done) << QStringLiteral("#7") << 7 << -1 << 0;
        QTest::newRow("trip already tripped") << false << 200
                                              << QByteArray(R"({"changed":false,"breaker":)" + stateJson("TRIPPED") + "}")
                                              << none << int(Kind::Unchanged) << QStringLiteral("already tripped") << -1
                                              << -1 << 0;
        QTest::newRow("trip unchanged, no breaker") << false << 200 << QByteArray(R"({"changed":false})") << none
                                                    << int(Kind::Unchanged) << QStringLiteral("nothing was changed")
                                                    << -1 << -1 << 0;
        QTest::newRow("trip 403 names the permission")
            << false << 403
            << QByteArray(R"({"error":"forbidden","detail":"Insufficient permissions","permission":"breaker:trip"})")
            << none << int(Kind::Refused) << QStringLiteral("\"breaker:trip\"") << -1 << -1 << 0;
        QTest::newRow("reset 403 required_permission")
            << true << 403 << QByteArray(R"({"error":"forbidden","required_permission":"breaker:reset"})") << none
            << int(Kind::Refused) << QStringLiteral("breaker:reset") << -1 << -1 << 0;
        QTest::newRow("reset 409 not tripped")
            << true << 409 << QByteArray(R"({"error":"conflict","detail":"Cannot reset: circuit breaker is OPEN, not TRIPPED"})")
            << none << int(Kind::Refused) << QStringLiteral("Cannot reset: circuit breaker is OPEN, not TRIPPED") << -1
            << -1 << 0;
        QTest::newRow("reset 422 reason too short")
            << true << 422 << QByteArray(R"({"error":"validation","detail":"reason must have at least 20 visible characters"})")
            << none << int(Kind::Refused) << QStringLiteral("reason must have at least 20 visible characters") << -1
            << -1 << 0;
        QTest::newRow("trip 422 not acknowledged")
            << false << 422 << QByteArray(R"({"detail":"acknowledged must be true"})") << none << int(Kind::Refused)
            << QStringLiteral("acknowledged must be true") << -1 << -1 << 0;
        QTest::newRow("reset 429 Retry-After 37")
            << true << 429 << QByteArray(R"json({"detail":"Rate limit exceeded: Max 1 reset per minute (global)"})json")
            << QList<QByteArray>{"Retry-After: 37"} << int(Kind::RateLimited) << QStringLiteral("37 s") << -1 << 37
            << 37;
        QTest::newRow("reset 429 retry_after in the body")
            << true << 429 << QByteArray(R"({"detail":"Rate limit exceeded","retry_after":12})") << none
            << int(Kind::RateLimited) << QStringLiteral("12 s") << -1 << 12 << 12;
        QTest::newRow("reset 429 without any time") << true << 429 << QByteArray(R"({"detail":"Rate limit exceeded"})")
                                                    << none << int(Kind::RateLimited) << QStringLiteral("60 s") << -1
                                                    << 60 << 60;
        QTest::newRow("reset done") << true << 200
                                    << QByteArray(R"({"changed":true,"audit_id":8,"breaker":)" + stateJson("OPEN") + "}")
                                    << none << int(Kind::Done) << QStringLiteral("#8") << 8 << -1 << 60;
        QTest::newRow("reset not tripped (idempotent)") << true << 200 << QByteArray(R"({"changed":false})") << none
                                                        << int(Kind::Unchanged) << QStringLiteral("not tripped") << -1
                                                        << -1 << 0;
        QTest::newRow("trip 500") << false << 500 << QByteArray(R"({"detail":"database is down"})") << none
                                  << int(Kind::Failed) << QStringLiteral("database is down") << -1 << -1 << 0;
        QTest::newRow("trip HTML 200") << false << 200 << QByteArray("<html>login</html>") << none << int(Kind::Failed)
                                       << QStringLiteral("Nothing is known to have changed") << -1 << -1 << 0;
    }

    void outcomes()
    {
        QFETCH(bool, reset);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QList<QByteArray>, headers);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        QFETCH(int, auditId);
        QFETCH(int, retryAfter);
        QFETCH(int, cooldown);

        // A platform without a reset window in its state answer (no server_time): the console's own
        // countdown is what the operator sees.
        m_server->setMethodJson("GET", StatePath, stateJson(reset ? "TRIPPED" : "OPEN", {}, {}));
        QVERIFY(signIn());
        makeController();
        QVERIFY(readGood());
        QCOMPARE(m_controller->resetCooldownSeconds(), 0);
        const QString path = reset ? ResetPath : TripPath;
        m_server->setMethodResponse("POST", path,
                                    response(status, body, headers, body.startsWith('<') ? "text/html" : "application/json"));
        m_server->clearRequests();

        Seen seen;
        const QString key = BreakerController::newIdempotencyKey();
        const QString reason = QStringLiteral("Drawdown back within limits, broker errors cleared");
        const bool sent = reset
            ? m_controller->reset(key, reason, {QStringLiteral("redis")}, this, record(seen))
            : m_controller->trip(key, QStringLiteral("MANUAL"), reason, this, record(seen));
        QVERIFY(sent);
        QTRY_COMPARE(seen.calls, 1);
        const Outcome &o = seen.outcome;
        QCOMPARE(kindName(o.kind), kindName(Kind(kind)));
        QVERIFY2(o.message.contains(messagePart), qPrintable(o.message));
        QCOMPARE(o.auditId, qint64(auditId));
        QCOMPARE(o.retryAfterSeconds, retryAfter);
        QCOMPARE(o.result.httpStatus, status);
        QVERIFY(!o.requestId.isEmpty());
        QCOMPARE(seen.cooldownAtCallback, cooldown);
        QVERIFY(!seen.busyAtCallback);

        const QList<FakeHttpServer::Request> posts = m_server->requests("POST", path);
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().header("Idempotency-Key"), key.toLatin1());
        const QJsonObject sentBody = jsonBody(posts.first());
        QCOMPARE(sentBody.value(QStringLiteral("reason")).toString(), reason);
        QCOMPARE(sentBody.value(QStringLiteral("acknowledged")), QJsonValue(true));
        if (reset)
            QCOMPARE(sentBody.value(QStringLiteral("failing_conditions_accepted")).toArray(),
                     QJsonArray{QStringLiteral("redis")});

        // The state is read again after every action; the countdown survives that read.
        QTRY_COMPARE(getCount(StatePath), 1);
        QTRY_VERIFY(m_controller->isVerified());
        QCOMPARE(m_controller->resetCooldownSeconds(), cooldown);
        if (cooldown > 0) {
            m_clock->advanceSeconds(cooldown - 1);
            QCOMPARE(m_controller->resetCooldownSeconds(), 1);
            m_clock->advanceSeconds(1);
            QCOMPARE(m_controller->resetCooldownSeconds(), 0);
        }
        QCOMPARE(m_server->requests("POST", path).size(), 1);
    }

    void timeoutIsUnverifiedAndSaysWhatTheServerNowReports_data()
    {
        QTest::addColumn<int>("stateStatus");
        QTest::addColumn<QByteArray>("stateBody");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<int>("tradingAfter");

        QTest::newRow("the trip took effect") << 200 << stateJson("TRIPPED")
                                              << QStringLiteral("The server now reports: TRADING HALTED (TRIPPED)")
                                              << int(TradingState::Halted);
        QTest::newRow("the trip did not take effect") << 200 << stateJson("OPEN")
                                                      << QStringLiteral("The server now reports: TRADING ENABLED (OPEN)")
                                                      << int(TradingState::Enabled);
        QTest::newRow("state unreadable too") << 503 << QByteArray(R"({"detail":"fail closed"})")
                                              << QStringLiteral("UNKNOWN") << int(TradingState::Unknown);
    }

    void timeoutIsUnverifiedAndSaysWhatTheServerNowReports()
    {
        QFETCH(int, stateStatus);
        QFETCH(QByteArray, stateBody);
        QFETCH(QString, messagePart);
        QFETCH(int, tradingAfter);

        m_api->setDeadlineMs(400);
        QVERIFY(signIn());
        makeController();
        QVERIFY(readGood());
        FakeHttpServer::Response hang;
        hang.mode = FakeHttpServer::Mode::Hang;
        m_server->setMethodResponse("POST", TripPath, hang);
        m_server->setMethodResponse("GET", StatePath, response(stateStatus, stateBody));
        m_server->clearRequests();

        Seen seen;
        const QString key = BreakerController::newIdempotencyKey();
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(m_controller->trip(key, QStringLiteral("MANUAL"), QStringLiteral("Broker feed stale since 09:00, halting now"),
                                   this, record(seen)));
        QTRY_COMPARE_WITH_TIMEOUT(seen.calls, 1, 5000);
        QVERIFY(elapsed.elapsed() >= 350);
        QCOMPARE(kindName(seen.outcome.kind), kindName(Kind::Unverified));
        QCOMPARE(seen.outcome.result.kind, ApiResult::Kind::Timeout);
        QVERIFY2(seen.outcome.message.contains(messagePart), qPrintable(seen.outcome.message));
        QVERIFY2(seen.outcome.message.contains(QStringLiteral("did not answer in time")), qPrintable(seen.outcome.message));
        QCOMPARE(int(seen.tradingAtCallback), tradingAfter);
        QVERIFY(!seen.busyAtCallback);

        // The POST went once (never re-sent); the state was asked for after it, before the outcome.
        const QList<FakeHttpServer::Request> &all = m_server->requests();
        QCOMPARE(m_server->requests("POST", TripPath).size(), 1);
        QCOMPARE(m_server->requests("POST", TripPath).first().header("Idempotency-Key"), key.toLatin1());
        qsizetype postAt = -1;
        qsizetype stateAfterPost = -1;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i).method == "POST" && all.at(i).path == TripPath)
                postAt = i;
            else if (postAt >= 0 && stateAfterPost < 0 && all.at(i).method == "GET" && all.at(i).path == StatePath)
                stateAfterPost = i;
        }
        QVERIFY(postAt >= 0);
        QVERIFY(stateAfterPost > postAt);
        QVERIFY(stateAfterPost < seen.requestsAtCallback);
        QTest::qWait(300);
        QCOMPARE(postCount(), 1);
        QCOMPARE(seen.calls, 1);
    }

    // A 2xx that does not say whether anything changed (204, or a body without "changed") must not
    // be reported as "nothing was changed": the server accepted the trip, and may well have made it.
    void successWithoutChangedFieldIsNotReportedAsUnchanged_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("204 no content") << 204 << QByteArray();
        QTest::newRow("200 {}") << 200 << QByteArray("{}");
        QTest::newRow("200 audit id only") << 200 << QByteArray(R"({"audit_id":31})");
    }

    void successWithoutChangedFieldIsNotReportedAsUnchanged()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QVERIFY(signIn());
        makeController();
        QVERIFY(readGood());
        m_server->setMethodResponse("POST", TripPath, response(status, body));
        Seen seen;
        QVERIFY(m_controller->trip(BreakerController::newIdempotencyKey(), QStringLiteral("MANUAL"),
                                   QStringLiteral("Broker feed stale since 09:00, halting now"), this, record(seen)));
        QTRY_COMPARE(seen.calls, 1);
        QCOMPARE(seen.outcome.result.kind, ApiResult::Kind::Ok);
        QVERIFY2(seen.outcome.kind != Kind::Unchanged,
                 qPrintable(kindName(seen.outcome.kind) + QStringLiteral(": ") + seen.outcome.message));
        QVERIFY2(!seen.outcome.message.contains(QStringLiteral("nothing was changed")), qPrintable(seen.outcome.message));
    }

    void engageSendsTheOperatorAndShowsTheNewState()
    {
        QVERIFY(signIn());
        makeController();
        QVERIFY(readGood());
        m_server->setMethodJson("POST", EngagePath,
                                R"({"changed":true,"audit_id":21,"kill_switch":{"state":"ENGAGED","engaged_by":"operator"}})");
        m_server->clearRequests();
        Seen seen;
        const QString key = BreakerController::newIdempotencyKey();
        QVERIFY(m_controller->engageKillSwitch(key, QStringLiteral("\u202ERunaway strategy, flatten everything now "),
                                               this, record(seen)));
        QTRY_COMPARE(seen.calls, 1);
        QCOMPARE(kindName(seen.outcome.kind), kindName(Kind::Done));
        QVERIFY2(seen.outcome.message.contains(QStringLiteral("#21")), qPrintable(seen.outcome.message));
        const QList<FakeHttpServer::Request> posts = m_server->requests("POST", EngagePath);
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().header("Idempotency-Key"), key.toLatin1());
        const QJsonObject body = jsonBody(posts.first());
        QCOMPARE(body.value(QStringLiteral("reason")).toString(), QStringLiteral("Runaway strategy, flatten everything now"));
        QCOMPARE(body.value(QStringLiteral("operator")).toString(), QStringLiteral("operator"));
        QCOMPARE(body.value(QStringLiteral("acknowledged")), QJsonValue(true));
    }

    void theIdempotencyKeyGoesWithTheResendAfterA401()
    {
        QVERIFY(signIn());
        makeController();
        QVERIFY(readGood());
        m_server->setMethodJson("POST", TripPath, R"({"error":"token_expired"})", 401);
        m_server->clearRequests();
        QSignalSpy required(m_session.get(), &Session::signInRequired);
        Seen seen;
        const QString key = BreakerController::newIdempotencyKey();
        QVERIFY(m_controller->trip(key, QStringLiteral("MANUAL"), QStringLiteral("Broker feed stale since 09:00, halting now"),
                                   this, record(seen)));
        QVERIFY(required.count() > 0 || required.wait(5000));
        QCOMPARE(seen.calls, 0);
        QVERIFY(m_controller->isBusy()); // still one decision under way: no second trip meanwhile
        m_server->setMethodJson("POST", TripPath, R"({"changed":true,"audit_id":9})");
        QVERIFY(signIn());
        QTRY_COMPARE(seen.calls, 1);
        QCOMPARE(kindName(seen.outcome.kind), kindName(Kind::Done));
        const QList<FakeHttpServer::Request> posts = m_server->requests("POST", TripPath);
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.at(0).header("Idempotency-Key"), key.toLatin1());
        QCOMPARE(posts.at(1).header("Idempotency-Key"), key.toLatin1());
    }

    // ------------------------------------------------------------------ signed out

    void signedOutIsUnknownAndSendsNothing()
    {
        makeController();
        QSignalSpy changed(m_controller.get(), &BreakerController::changed);
        m_controller->start();
        QVERIFY(changed.count() >= 1);
        QCOMPARE(m_controller->snapshot().trading, TradingState::Unknown);
        QCOMPARE(BreakerJson::headline(m_controller->snapshot()), UnknownHeadline);
        QVERIFY2(m_controller->problem().contains(QStringLiteral("sign in"), Qt::CaseInsensitive),
                 qPrintable(m_controller->problem()));
        m_controller->refreshNow();
        QTest::qWait(300);
        QVERIFY(m_server->requests().isEmpty());

        // Signing in reads at once; signing out makes it Unknown at once and stops the reads.
        QVERIFY(signIn());
        QTRY_VERIFY(m_controller->isVerified());
        QTRY_COMPARE(m_controller->killSwitch().state, KillSwitchState::Active);
        QTRY_COMPARE(m_controller->historyModel()->rowCount(), 2);
        QCOMPARE(m_controller->snapshot().trading, TradingState::Enabled);
        changed.clear();
        m_session->signOut();
        QVERIFY(changed.count() >= 1);
        QVERIFY(!m_controller->isVerified());
        QCOMPARE(m_controller->snapshot().trading, TradingState::Unknown);
        QCOMPARE(BreakerJson::headline(m_controller->snapshot()), UnknownHeadline);
        QVERIFY2(m_controller->problem().contains(QStringLiteral("sign in"), Qt::CaseInsensitive),
                 qPrintable(m_controller->problem()));
        const qsizetype gets = getCount(StatePath) + getCount(HistoryPath) + getCount(KillSwitchPath);
        QCOMPARE(gets, 3);
        m_controller->refreshNow();
        QTest::qWait(300);
        QCOMPARE(getCount(StatePath) + getCount(HistoryPath) + getCount(KillSwitchPath), gets);
        QCOMPARE(m_controller->snapshot().trading, TradingState::Unknown);
        m_controller->stop();
    }
};

QTEST_GUILESS_MAIN(TestBreakerController)
#include "tst_breakercontroller.moc"
