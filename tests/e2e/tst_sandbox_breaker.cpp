// The sandbox's circuit breaker and kill switch over raw HTTP: state, history, trip and reset with
// the server's order of checks, the global reset rate limit (released when a reset fails),
// Idempotency-Key replays, the reason rule, fault injection and the audit rows in PostgreSQL.
// No models/ classes: this checks the platform itself. The slots run in order and share state.

#include "BreakerApi.h"
#include "Sandbox.h"
#include "SandboxHttp.h"
#include "TestPostgres.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest>

#include <memory>

using ops::test::Answer;
using ops::test::apiHeaders;
using ops::test::body;
using ops::test::dropDatabase;
using ops::test::expectError;
using ops::test::Headers;
using ops::test::openDatabase;
using ops::test::parseTime;
using ops::test::sandboxConfig;
using ops::test::signInToken;
using ops::test::TestPostgres;

namespace {

const QString kDb = QStringLiteral("ops_e2e_sandbox_breaker");
const QString kSqlConn = QStringLiteral("tst_sandbox_breaker");
const QString kGoodReason = QStringLiteral("Broker API errors on every order since 14:02");
const QString kGoodReset = QStringLiteral("Broker confirmed the API incident is resolved");

QByteArray tripBody(const QString &reason, bool acknowledged = true)
{
    return body(QJsonObject{{QStringLiteral("reason"), reason}, {QStringLiteral("acknowledged"), acknowledged}});
}

} // namespace

class TstSandboxBreaker : public QObject
{
    Q_OBJECT

    TestPostgres m_pg;
    std::unique_ptr<opssandbox::Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    QByteArray m_viewer;
    QByteArray m_operator;
    QByteArray m_admin;

    Answer send(const QUrl &url, const QByteArray &verb, const QByteArray &payload, const Headers &headers)
    {
        return ops::test::send(m_nam, url, verb, payload, headers);
    }

    // An /api/v1 call; requestId and idempotencyKey are sent when not empty.
    Answer call(const QByteArray &verb, const QString &path, const QByteArray &token, const QByteArray &payload = {},
                const QByteArray &requestId = {}, const QByteArray &idempotencyKey = {})
    {
        Headers headers = apiHeaders(token, requestId);
        if (!idempotencyKey.isEmpty())
            headers.append({QByteArrayLiteral("Idempotency-Key"), idempotencyKey});
        return send(m_sandbox->apiBaseUrl().resolved(QUrl(path)), verb, payload, headers);
    }

    Answer control(const QByteArray &verb, const QString &path, const QByteArray &payload = {})
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_sandbox->controlPort());
        url.setPath(path);
        return send(url, verb, payload, {});
    }

    QByteArray tokenFor(const QString &user) { return signInToken(m_nam, m_sandbox->apiBaseUrl(), user); }

    bool signIn()
    {
        m_viewer = tokenFor(QStringLiteral("viewer"));
        m_operator = tokenFor(QStringLiteral("operator"));
        m_admin = tokenFor(QStringLiteral("admin"));
        return !m_viewer.isEmpty() && !m_operator.isEmpty() && !m_admin.isEmpty();
    }

    Answer state() { return call("GET", QStringLiteral("api/v1/circuit-breaker"), m_viewer); }
    Answer trip(const QByteArray &payload, const QByteArray &requestId = {}, const QByteArray &key = {})
    {
        return call("POST", QStringLiteral("api/v1/circuit-breaker/trip"), m_operator, payload, requestId, key);
    }
    Answer reset(const QByteArray &payload, const QByteArray &requestId = {}, const QByteArray &key = {})
    {
        return call("POST", QStringLiteral("api/v1/circuit-breaker/reset"), m_operator, payload, requestId, key);
    }

    QSqlQuery sql(const QString &text, const QVariantList &values = {}) { return ops::test::sql(kSqlConn, text, values); }

    int count(const QString &text, const QVariantList &values = {})
    {
        QSqlQuery q = sql(text, values);
        return q.next() ? q.value(0).toInt() : -1;
    }

    int historyRows() { return count(QStringLiteral("SELECT count(*) FROM circuit_breaker_history")); }
    int auditRows(const QString &action, const QString &outcome)
    {
        return count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND outcome = ?"), {action, outcome});
    }

    // Moves the sandbox clock past the global reset window (tokens stay valid).
    void passResetWindow() { m_sandbox->advanceClock(61); }

private slots:
    void initTestCase()
    {
        QString error;
        m_pg = TestPostgres::fromEnvironment(&error);
        QVERIFY2(m_pg.isValid(), qPrintable(error));
        QVERIFY2(dropDatabase(m_pg, kDb, QStringLiteral("tst_sandbox_breaker_admin"), &error), qPrintable(error));

        opssandbox::SandboxConfig config = sandboxConfig(m_pg, kDb);
        m_sandbox = std::make_unique<opssandbox::Sandbox>();
        QVERIFY2(m_sandbox->start(config, &error), qPrintable(error));

        QSqlDatabase db = openDatabase(kSqlConn, m_pg, kDb);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QVERIFY(signIn());
    }

    void cleanupTestCase()
    {
        if (QSqlDatabase::contains(kSqlConn)) {
            QSqlDatabase::database(kSqlConn).close();
            QSqlDatabase::removeDatabase(kSqlConn);
        }
        m_sandbox.reset();
    }

    void initialStateIsOpen()
    {
        const Answer a = state();
        QVERIFY2(a.status == 200, a.body.constData());
        QVERIFY(!a.requestId.isEmpty());
        const QJsonObject &s = a.json;
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("OPEN"));
        for (const char *field : {"tripped_at", "tripped_by", "trip_reason", "trip_details", "reset_at", "reset_by",
                                  "reset_reason", "reset_available_at"})
            QVERIFY2(s.value(QLatin1String(field)).isNull(), field);
        QCOMPARE(s.value(QStringLiteral("trip_count_today")), QJsonValue(0));
        const QString serverTime = s.value(QStringLiteral("server_time")).toString();
        QVERIFY(serverTime.endsWith(QLatin1Char('Z')));
        QVERIFY(qAbs(parseTime(serverTime).msecsTo(m_sandbox->now())) < 5000);
        QCOMPARE(s.size(), 12);

        const QJsonArray conditions = s.value(QStringLiteral("conditions")).toArray();
        QStringList names;
        for (const QJsonValue &c : conditions) {
            names << c.toObject().value(QStringLiteral("name")).toString();
            QCOMPARE(c.toObject().value(QStringLiteral("ok")), QJsonValue(true));
            QVERIFY(!c.toObject().value(QStringLiteral("detail")).toString().isEmpty());
        }
        QCOMPARE(names, (QStringList{QStringLiteral("drawdown"), QStringLiteral("position_limits"),
                                     QStringLiteral("broker_errors"), QStringLiteral("redis"), QStringLiteral("postgres")}));
        QCOMPARE(conditions.at(2).toObject().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("No broker API errors in the last 5 minutes"));

        const Answer history = call("GET", QStringLiteral("api/v1/circuit-breaker/history"), m_viewer);
        QCOMPARE(history.status, 200);
        QCOMPARE(history.json.value(QStringLiteral("entries")).toArray().size(), 0);

        const Answer ks = call("GET", QStringLiteral("api/v1/kill-switch/status"), m_viewer);
        QCOMPARE(ks.status, 200);
        QCOMPARE(ks.json.value(QStringLiteral("state")).toString(), QStringLiteral("ACTIVE"));
        for (const char *field : {"engaged_at", "engaged_by", "reason", "details", "disengaged_at", "disengaged_by", "notes"})
            QVERIFY2(ks.json.value(QLatin1String(field)).isNull(), field);
        QVERIFY(parseTime(ks.json.value(QStringLiteral("server_time"))).isValid());
    }

    void routingAndAuthentication()
    {
        expectError(call("GET", QStringLiteral("api/v1/circuit-breaker"), {}), 401, QStringLiteral("unauthenticated"));
        expectError(call("GET", QStringLiteral("api/v1/circuit-breaker/trip"), m_operator), 405,
                    QStringLiteral("method_not_allowed"));
        expectError(call("POST", QStringLiteral("api/v1/circuit-breaker"), m_operator, tripBody(kGoodReason)), 405,
                    QStringLiteral("method_not_allowed"));
        expectError(call("GET", QStringLiteral("api/v1/circuit-breaker/nope"), m_operator), 404, QStringLiteral("not_found"));
        expectError(call("GET", QStringLiteral("api/v1/circuit-breakers"), m_operator), 404, QStringLiteral("not_found"));
        QCOMPARE(call("GET", QStringLiteral("api/v1/circuit-breaker/"), m_viewer).status, 200); // trailing slash
    }

    void viewerIsRefusedAndAudited_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("permission");
        QTest::addColumn<QString>("action");
        QTest::newRow("trip") << QStringLiteral("api/v1/circuit-breaker/trip") << QStringLiteral("breaker:trip")
                              << QStringLiteral("CIRCUIT_BREAKER_TRIP");
        QTest::newRow("reset") << QStringLiteral("api/v1/circuit-breaker/reset") << QStringLiteral("breaker:reset")
                               << QStringLiteral("CIRCUIT_BREAKER_RESET");
        QTest::newRow("engage") << QStringLiteral("api/v1/kill-switch/engage") << QStringLiteral("breaker:trip")
                                << QStringLiteral("KILL_SWITCH_ENGAGE");
        QTest::newRow("disengage") << QStringLiteral("api/v1/kill-switch/disengage") << QStringLiteral("breaker:reset")
                                   << QStringLiteral("KILL_SWITCH_DISENGAGE");
    }

    void viewerIsRefusedAndAudited()
    {
        QFETCH(QString, path);
        QFETCH(QString, permission);
        QFETCH(QString, action);
        const QByteArray rid = "viewer-denied-" + QByteArray(QTest::currentDataTag());
        const QByteArray payload = body(QJsonObject{{QStringLiteral("reason"), kGoodReason},
                                                    {QStringLiteral("notes"), kGoodReason},
                                                    {QStringLiteral("acknowledged"), true}});
        const Answer a = call("POST", path, m_viewer, payload, rid);
        expectError(a, 403, QStringLiteral("permission_denied"));
        QCOMPARE(a.json.value(QStringLiteral("permission")).toString(), permission);
        QCOMPARE(a.requestId, rid);

        QSqlQuery q = sql(QStringLiteral("SELECT user_id, action, outcome, event_type, resource_type, reason, "
                                         "details->>'permission' FROM audit_log WHERE request_id = ?"),
                          {QString::fromLatin1(rid)});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("viewer"));
        QCOMPARE(q.value(1).toString(), action);
        QCOMPARE(q.value(2).toString(), QStringLiteral("denied"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("action"));
        QCOMPARE(q.value(4).toString(),
                 path.contains(QLatin1String("kill-switch")) ? QStringLiteral("kill_switch") : QStringLiteral("circuit_breaker"));
        QCOMPARE(q.value(5).toString(), kGoodReason);
        QCOMPARE(q.value(6).toString(), permission);
        QVERIFY(!q.next());

        QCOMPARE(state().json.value(QStringLiteral("state")).toString(), QStringLiteral("OPEN"));
        QCOMPARE(call("GET", QStringLiteral("api/v1/kill-switch/status"), m_viewer).json.value(QStringLiteral("state")).toString(),
                 QStringLiteral("ACTIVE"));
    }

    void reasonRule_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("visible");
        const QString a19(19, QLatin1Char('a'));
        const QString a18(18, QLatin1Char('a'));
        QTest::newRow("19 letters") << a19 << 19;
        QTest::newRow("20 letters") << QString(20, QLatin1Char('a')) << 20;
        QTest::newRow("20 spaces") << QString(20, QLatin1Char(' ')) << 0;
        QTest::newRow("19 letters padded with spaces") << QStringLiteral("   ") + a19 + QStringLiteral("    ") << 19;
        QTest::newRow("19 letters and inner spaces") << QStringLiteral("aaaaa aaaaa aaaaa aaaa") << 19;
        QTest::newRow("zero-width padding")
            << a19 + QStringLiteral("\u200B\u200C\u200D\uFEFF\u200B\u200C\u200D\uFEFF") << 19;
        QTest::newRow("only zero-width") << QString(30, QChar(0x200B)) << 0;
        QTest::newRow("rtl override not counted") << QStringLiteral("\u202E") + a19 + QStringLiteral("\u202C\u2066\u2069") << 19;
        QTest::newRow("rtl override around 20") << QStringLiteral("\u202E") + a19 + QStringLiteral("b\u202C") << 20;
        QTest::newRow("control characters") << a19 + QStringLiteral("\t\n\r\u0001\u007F\u0085") << 19;
        QTest::newRow("emoji with skin tone counts once") << a19 + QStringLiteral("\U0001F44D\U0001F3FD") << 20;
        QTest::newRow("zwj family counts once")
            << a18 + QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467") << 19;
        QTest::newRow("two flags count twice") << a18 + QStringLiteral("\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7") << 20;
        QTest::newRow("20 combining e-acute") << QString(20, QLatin1Char('e')).replace(QLatin1String("e"), QStringLiteral("e\u0301")) << 20;
        QTest::newRow("19 combining e-acute") << QString(19, QLatin1Char('e')).replace(QLatin1String("e"), QStringLiteral("e\u0301")) << 19;
        QTest::newRow("lone combining marks") << a19 + QStringLiteral(" \u0301\u0302\u0303\u0304") << 19;
        QTest::newRow("punctuation and symbols") << QStringLiteral("!!!!!----€€€€€+++++") + QStringLiteral("?") << 20;
        QTest::newRow("cjk") << QStringLiteral("市场数据馈送已停止三分钟以上需要暂停交易") << 20;
    }

    // The trip route with acknowledged=false: a valid reason answers not_acknowledged, an invalid
    // one reason_too_short, and nothing ever changes.
    void reasonRule()
    {
        QFETCH(QString, reason);
        QFETCH(int, visible);
        QCOMPARE(opssandbox::BreakerApi::normaliseReason(reason).visible, visible);
        const Answer a = trip(tripBody(reason, false));
        if (visible >= 20) {
            expectError(a, 422, QStringLiteral("not_acknowledged"));
        } else {
            expectError(a, 422, QStringLiteral("reason_too_short"));
            QCOMPARE(a.json.value(QStringLiteral("visible_length")), QJsonValue(visible));
            QCOMPARE(a.json.value(QStringLiteral("detail")).toString(),
                     QStringLiteral("Reason must have at least 20 visible characters"));
        }
        QCOMPARE(historyRows(), 0);
    }

    void badBodiesAreRefused()
    {
        expectError(trip(QByteArrayLiteral("{not json")), 400, QStringLiteral("invalid_body"));
        expectError(trip(QByteArrayLiteral("[1,2]")), 400, QStringLiteral("invalid_body"));
        expectError(trip(body(QJsonObject{{QStringLiteral("reason"), 12345678901234567.0}, {QStringLiteral("acknowledged"), true}})),
                    422, QStringLiteral("reason_too_short"));
        expectError(trip(body(QJsonObject{{QStringLiteral("reason"), kGoodReason}, {QStringLiteral("acknowledged"), QStringLiteral("true")}})),
                    422, QStringLiteral("not_acknowledged"));
        expectError(trip(body(QJsonObject{{QStringLiteral("reason"), kGoodReason}})), 422, QStringLiteral("not_acknowledged"));
        expectError(trip(body(QJsonObject{{QStringLiteral("reason"), kGoodReason},
                                          {QStringLiteral("acknowledged"), true},
                                          {QStringLiteral("details"), QStringLiteral("not an object")}})),
                    400, QStringLiteral("invalid_body"));
        QCOMPARE(historyRows(), 0);
        // 400 and 422 are not audited.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE event_type = 'action' AND user_id = 'operator'")), 0);
    }

    void operatorTrips()
    {
        const QString raw = QStringLiteral("\u202E  Market data feed stale\tfor 3 minutes\u0007\r\nSee INC-1  ");
        const QString normalised = QStringLiteral("Market data feed stale for 3 minutes\nSee INC-1");
        const QByteArray payload = body(QJsonObject{{QStringLiteral("reason"), raw},
                                                    {QStringLiteral("acknowledged"), true},
                                                    {QStringLiteral("details"), QJsonObject{{QStringLiteral("category"), QStringLiteral("DATA_STALE")}}}});
        const Answer a = trip(payload, QByteArrayLiteral("trip-req-1"));
        QVERIFY2(a.status == 200, a.body.constData());
        QCOMPARE(a.requestId, QByteArrayLiteral("trip-req-1"));
        QCOMPARE(a.json.value(QStringLiteral("changed")), QJsonValue(true));
        const qint64 auditId = qint64(a.json.value(QStringLiteral("audit_id")).toDouble());
        QVERIFY(auditId > 0);
        const QJsonObject b = a.json.value(QStringLiteral("breaker")).toObject();
        QCOMPARE(b.value(QStringLiteral("state")).toString(), QStringLiteral("TRIPPED"));
        QCOMPARE(b.value(QStringLiteral("tripped_by")).toString(), QStringLiteral("operator"));
        QCOMPARE(b.value(QStringLiteral("trip_reason")).toString(), normalised);
        QCOMPARE(b.value(QStringLiteral("trip_details")).toObject().value(QStringLiteral("category")).toString(),
                 QStringLiteral("DATA_STALE"));
        QCOMPARE(b.value(QStringLiteral("tripped_at")).toString(), b.value(QStringLiteral("server_time")).toString());
        QCOMPARE(b.value(QStringLiteral("trip_count_today")), QJsonValue(1));
        QVERIFY(b.value(QStringLiteral("reset_at")).isNull());
        QCOMPARE(b.value(QStringLiteral("conditions")).toArray().size(), 5);

        QSqlQuery q = sql(QStringLiteral("SELECT user_id, action, reason, request_id, event_type, resource_type, outcome, "
                                         "session_id, ip_address, details->>'previous_state', details->>'new_state', "
                                         "details->'details'->>'category' FROM audit_log WHERE id = ?"),
                          {auditId});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("operator"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("CIRCUIT_BREAKER_TRIP"));
        QCOMPARE(q.value(2).toString(), normalised);
        QCOMPARE(q.value(3).toString(), QStringLiteral("trip-req-1"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("action"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("circuit_breaker"));
        QCOMPARE(q.value(6).toString(), QStringLiteral("success"));
        QVERIFY(!q.value(7).toString().isEmpty());
        QCOMPARE(q.value(8).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(q.value(9).toString(), QStringLiteral("OPEN"));
        QCOMPARE(q.value(10).toString(), QStringLiteral("TRIPPED"));
        QCOMPARE(q.value(11).toString(), QStringLiteral("DATA_STALE"));
        QCOMPARE(historyRows(), 1);

        // The state as GET reports it matches the answer's snapshot.
        const Answer now = state();
        QCOMPARE(now.json.value(QStringLiteral("state")).toString(), QStringLiteral("TRIPPED"));
        QCOMPARE(now.json.value(QStringLiteral("tripped_at")), b.value(QStringLiteral("tripped_at")));
    }

    void tripWhenTrippedChangesNothing()
    {
        const QString trippedAt = state().json.value(QStringLiteral("tripped_at")).toString();
        const Answer a = trip(tripBody(kGoodReason), QByteArrayLiteral("trip-req-2"));
        QVERIFY2(a.status == 200, a.body.constData());
        QCOMPARE(a.json.value(QStringLiteral("changed")), QJsonValue(false));
        QVERIFY(a.json.value(QStringLiteral("audit_id")).isNull());
        const QJsonObject b = a.json.value(QStringLiteral("breaker")).toObject();
        QCOMPARE(b.value(QStringLiteral("state")).toString(), QStringLiteral("TRIPPED"));
        QCOMPARE(b.value(QStringLiteral("tripped_at")).toString(), trippedAt);
        QCOMPARE(b.value(QStringLiteral("trip_reason")).toString(), QStringLiteral("Market data feed stale for 3 minutes\nSee INC-1"));
        QCOMPARE(historyRows(), 1);
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_TRIP"), QStringLiteral("success")), 1);
    }

    void resetOrderOfChecksAndRateLimit()
    {
        const QByteArray shortNoAck = tripBody(QStringLiteral("too short"), false);
        // Every rule broken at once: permission wins, then the reason, then the acknowledgement.
        expectError(call("POST", QStringLiteral("api/v1/circuit-breaker/reset"), m_viewer, shortNoAck), 403,
                    QStringLiteral("permission_denied"));
        expectError(reset(shortNoAck), 422, QStringLiteral("reason_too_short"));
        expectError(reset(tripBody(kGoodReset, false)), 422, QStringLiteral("not_acknowledged"));
        QCOMPARE(state().json.value(QStringLiteral("state")).toString(), QStringLiteral("TRIPPED"));

        // The first reset, with an idempotency key, and its replay.
        const Answer first = reset(tripBody(kGoodReset), QByteArrayLiteral("reset-req-1"), QByteArrayLiteral("reset-key:1"));
        QVERIFY2(first.status == 200, first.body.constData());
        QVERIFY(first.replayed.isEmpty());
        QCOMPARE(first.json.value(QStringLiteral("changed")), QJsonValue(true));
        const QJsonObject b = first.json.value(QStringLiteral("breaker")).toObject();
        QCOMPARE(b.value(QStringLiteral("state")).toString(), QStringLiteral("OPEN"));
        QCOMPARE(b.value(QStringLiteral("reset_by")).toString(), QStringLiteral("operator"));
        QCOMPARE(b.value(QStringLiteral("reset_reason")).toString(), kGoodReset);
        const QDateTime resetAt = parseTime(b.value(QStringLiteral("reset_at")));
        QVERIFY(resetAt.isValid());
        QCOMPARE(parseTime(b.value(QStringLiteral("reset_available_at"))), resetAt.addSecs(60));
        QCOMPARE(b.value(QStringLiteral("tripped_by")).toString(), QStringLiteral("operator")); // the last trip stays visible

        const Answer replay = reset(tripBody(kGoodReset), QByteArrayLiteral("reset-req-1b"), QByteArrayLiteral("reset-key:1"));
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.body, first.body);
        QCOMPARE(replay.replayed, QByteArrayLiteral("true"));
        QCOMPARE(replay.requestId, QByteArrayLiteral("reset-req-1b"));
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_RESET"), QStringLiteral("success")), 1);

        QSqlQuery q = sql(QStringLiteral("SELECT reason, request_id, jsonb_array_length(details->'conditions'), "
                                         "details->>'previous_state', details->>'new_state', resource_type "
                                         "FROM audit_log WHERE id = ?"),
                          {qint64(first.json.value(QStringLiteral("audit_id")).toDouble())});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), kGoodReset);
        QCOMPARE(q.value(1).toString(), QStringLiteral("reset-req-1"));
        QCOMPARE(q.value(2).toInt(), 5);
        QCOMPARE(q.value(3).toString(), QStringLiteral("TRIPPED"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("OPEN"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("circuit_breaker"));

        // OPEN inside the window: not_tripped (409) comes before the rate limit (429), and a
        // short reason (422) before both.
        expectError(reset(shortNoAck), 422, QStringLiteral("reason_too_short"));
        const Answer open = reset(tripBody(kGoodReset), QByteArrayLiteral("reset-req-409"));
        expectError(open, 409, QStringLiteral("not_tripped"));
        QCOMPARE(open.json.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Cannot reset: circuit breaker is OPEN, not TRIPPED"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE request_id = 'reset-req-409' "
                                      "AND outcome = 'rejected' AND action = 'CIRCUIT_BREAKER_RESET'")),
                 1);

        // Tripped again inside the window: 429 with the remaining seconds.
        QCOMPARE(trip(tripBody(kGoodReason)).json.value(QStringLiteral("changed")), QJsonValue(true));
        const Answer limited = reset(tripBody(kGoodReset), QByteArrayLiteral("reset-req-429"));
        expectError(limited, 429, QStringLiteral("rate_limited"));
        QCOMPARE(limited.json.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Rate limit exceeded: Max 1 reset per minute (global)"));
        const int retry = limited.json.value(QStringLiteral("retry_after")).toInt();
        const int expected = int((m_sandbox->now().msecsTo(resetAt.addSecs(60)) + 999) / 1000);
        QVERIFY2(retry >= expected - 1 && retry <= expected + 1 && retry > 50 && retry <= 60,
                 qPrintable(QStringLiteral("retry %1 expected %2").arg(retry).arg(expected)));
        QCOMPARE(limited.retryAfter, QByteArray::number(retry));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE request_id = 'reset-req-429' "
                                      "AND outcome = 'rejected' AND details->>'error' = 'rate_limited'")),
                 1);

        m_sandbox->advanceClock(30);
        const Answer later = reset(tripBody(kGoodReset));
        expectError(later, 429, QStringLiteral("rate_limited"));
        const int retryLater = later.retryAfter.toInt();
        QVERIFY2(retryLater >= retry - 31 && retryLater <= retry - 29, later.retryAfter.constData());
        QCOMPARE(state().json.value(QStringLiteral("state")).toString(), QStringLiteral("TRIPPED"));

        m_sandbox->advanceClock(31); // 61 s after the reset
        const Answer ok = reset(tripBody(kGoodReset));
        QVERIFY2(ok.status == 200, ok.body.constData());
        QCOMPARE(ok.json.value(QStringLiteral("breaker")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("OPEN"));
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_RESET"), QStringLiteral("success")), 2);
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_RESET"), QStringLiteral("rejected")), 3);
    }

    void failedResetReleasesTheWindow()
    {
        QCOMPARE(trip(tripBody(kGoodReason)).status, 200);
        passResetWindow();
        const Answer set = control("POST", QStringLiteral("/control/breaker"), QByteArrayLiteral("{\"reset_fails\":true}"));
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json.value(QStringLiteral("reset_fails")), QJsonValue(true));
        QCOMPARE(set.json.value(QStringLiteral("unreadable")), QJsonValue(false));
        QVERIFY(m_sandbox->breakerFaults().resetFails);
        const int successes = auditRows(QStringLiteral("CIRCUIT_BREAKER_RESET"), QStringLiteral("success"));

        expectError(reset(tripBody(kGoodReset), QByteArrayLiteral("reset-fails-req")), 500, QStringLiteral("reset_failed"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE request_id = 'reset-fails-req'")), 0);
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_RESET"), QStringLiteral("success")), successes);
        const Answer after = state();
        QCOMPARE(after.json.value(QStringLiteral("state")).toString(), QStringLiteral("TRIPPED"));
        QVERIFY(after.json.value(QStringLiteral("reset_available_at")).isNull());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM circuit_breaker_history WHERE reset_at IS NULL")), 1);

        const Answer cleared = control("DELETE", QStringLiteral("/control/breaker"));
        QCOMPARE(cleared.status, 200);
        QCOMPARE(cleared.json.value(QStringLiteral("reset_fails")), QJsonValue(false));
        const Answer ok = reset(tripBody(kGoodReset), QByteArrayLiteral("reset-after-failure"));
        QVERIFY2(ok.status == 200, ok.body.constData()); // not 429: the failed reset claimed nothing
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE request_id = 'reset-after-failure' "
                                      "AND outcome = 'success'")),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM circuit_breaker_history WHERE reset_at IS NULL")), 0);
    }

    void idempotentTrip()
    {
        const int rows = historyRows();
        const QByteArray payload = body(QJsonObject{{QStringLiteral("reason"), kGoodReason},
                                                    {QStringLiteral("acknowledged"), true},
                                                    {QStringLiteral("details"), QJsonObject{{QStringLiteral("n"), 1}}}});
        const Answer first = trip(payload, {}, QByteArrayLiteral("trip-key.A_1"));
        QVERIFY2(first.status == 200, first.body.constData());
        QCOMPARE(first.json.value(QStringLiteral("changed")), QJsonValue(true));
        QCOMPARE(historyRows(), rows + 1);

        m_sandbox->advanceClock(5);
        const Answer replay = trip(payload, {}, QByteArrayLiteral("trip-key.A_1"));
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.body, first.body);
        QCOMPARE(replay.replayed, QByteArrayLiteral("true"));
        QCOMPARE(historyRows(), rows + 1);

        expectError(trip(tripBody(kGoodReason), {}, QByteArrayLiteral("trip-key.A_1")), 422,
                    QStringLiteral("idempotency_key_reused"));
        expectError(trip(payload, {}, QByteArrayLiteral("bad key!")), 422, QStringLiteral("invalid_idempotency_key"));
        expectError(trip(payload, {}, QByteArray(129, 'k')), 422, QStringLiteral("invalid_idempotency_key"));

        // Keys belong to a user: the same key from admin is a new request (already tripped).
        const Answer other = call("POST", QStringLiteral("api/v1/circuit-breaker/trip"), m_admin, payload, {},
                                  QByteArrayLiteral("trip-key.A_1"));
        QCOMPARE(other.status, 200);
        QVERIFY(other.replayed.isEmpty());
        QCOMPARE(other.json.value(QStringLiteral("changed")), QJsonValue(false));
        QCOMPARE(historyRows(), rows + 1);
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_TRIP"), QStringLiteral("success")), historyRows());
    }

    void unreadableStateFailsClosed()
    {
        QCOMPARE(control("POST", QStringLiteral("/control/breaker"), QByteArrayLiteral("{\"unreadable\":true}")).status, 200);
        QVERIFY(m_sandbox->breakerFaults().unreadable);
        const QJsonObject expected{{QStringLiteral("error"), QStringLiteral("state_unavailable")},
                                   {QStringLiteral("detail"), QStringLiteral("Circuit breaker state could not be read")}};
        const Answer s = state();
        QCOMPARE(s.status, 503);
        QCOMPARE(s.json, expected);
        QVERIFY(!s.requestId.isEmpty());
        const Answer h = call("GET", QStringLiteral("api/v1/circuit-breaker/history"), m_viewer);
        QCOMPARE(h.status, 503);
        QCOMPARE(h.json, expected);
        expectError(call("GET", QStringLiteral("api/v1/kill-switch/status"), m_viewer), 503, QStringLiteral("state_unavailable"));
        expectError(trip(tripBody(kGoodReason)), 503, QStringLiteral("state_unavailable"));
        expectError(call("GET", QStringLiteral("api/v1/circuit-breaker/history?limit=0"), m_viewer), 422,
                    QStringLiteral("invalid_limit"));

        // "Clear all" clears the breaker's faults too.
        QCOMPARE(control("DELETE", QStringLiteral("/control/faults")).status, 200);
        QVERIFY(m_sandbox->breakerFaults() == opssandbox::BreakerFaults{});
        QCOMPARE(state().status, 200);
    }

    void conditionsCanFail()
    {
        const Answer bad = control("POST", QStringLiteral("/control/breaker"), QByteArrayLiteral("{\"conditions\":{\"nope\":false}}"));
        QCOMPARE(bad.status, 400);
        QCOMPARE(control("POST", QStringLiteral("/control/breaker"), QByteArrayLiteral("{\"unreadable\":1}")).status, 400);
        QCOMPARE(control("POST", QStringLiteral("/control/breaker"), QByteArrayLiteral("nope")).status, 400);

        const Answer set = control("POST", QStringLiteral("/control/breaker"),
                                   QByteArrayLiteral("{\"conditions\":{\"drawdown\":false,\"broker_errors\":false}}"));
        QCOMPARE(set.status, 200);
        const QJsonObject conditionsSet = set.json.value(QStringLiteral("conditions")).toObject();
        QCOMPARE(conditionsSet.value(QStringLiteral("drawdown")), QJsonValue(false));
        QCOMPARE(conditionsSet.value(QStringLiteral("redis")), QJsonValue(true));
        opssandbox::BreakerFaults faults = m_sandbox->breakerFaults();
        faults.failingConditions.append(QStringLiteral("postgres"));
        m_sandbox->setBreakerFaults(faults);
        QCOMPARE(control("GET", QStringLiteral("/control/breaker")).json.value(QStringLiteral("conditions")).toObject()
                     .value(QStringLiteral("postgres")),
                 QJsonValue(false));

        const QJsonArray conditions = state().json.value(QStringLiteral("conditions")).toArray();
        QCOMPARE(conditions.size(), 5);
        const QList<bool> ok{false, true, false, true, false};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(conditions.at(i).toObject().value(QStringLiteral("ok")).toBool(), ok.at(i));
        QCOMPARE(conditions.at(0).toObject().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Drawdown 6.3% of equity exceeds limit 5.0%"));
        QCOMPARE(conditions.at(2).toObject().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("3 broker API errors in the last 5 minutes"));

        // Reported, not enforced: the reset goes through and its audit row keeps the checklist.
        passResetWindow();
        const Answer r = reset(tripBody(kGoodReset));
        QVERIFY2(r.status == 200, r.body.constData());
        QSqlQuery q = sql(QStringLiteral("SELECT details->'conditions'->0->>'ok', details->'conditions'->2->>'detail', "
                                         "details->'conditions'->1->>'ok' FROM audit_log WHERE id = ?"),
                          {qint64(r.json.value(QStringLiteral("audit_id")).toDouble())});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("false"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("3 broker API errors in the last 5 minutes"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("true"));

        m_sandbox->clearBreakerFaults();
        for (const QJsonValue &c : state().json.value(QStringLiteral("conditions")).toArray())
            QCOMPARE(c.toObject().value(QStringLiteral("ok")), QJsonValue(true));
    }

    void historyNewestFirstWithLimit()
    {
        const int rows = historyRows();
        QVERIFY(rows >= 4);
        const Answer all = call("GET", QStringLiteral("api/v1/circuit-breaker/history"), m_viewer);
        QCOMPARE(all.status, 200);
        const QJsonArray entries = all.json.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), rows);
        for (int i = 1; i < entries.size(); ++i) {
            const QJsonObject newer = entries.at(i - 1).toObject();
            const QJsonObject older = entries.at(i).toObject();
            QVERIFY(parseTime(newer.value(QStringLiteral("tripped_at"))) >= parseTime(older.value(QStringLiteral("tripped_at"))));
            QVERIFY(newer.value(QStringLiteral("id")).toInteger() > older.value(QStringLiteral("id")).toInteger());
        }
        const QJsonObject oldest = entries.last().toObject();
        QCOMPARE(oldest.size(), 8);
        QCOMPARE(oldest.value(QStringLiteral("reason")).toString(), QStringLiteral("Market data feed stale for 3 minutes\nSee INC-1"));
        QCOMPARE(oldest.value(QStringLiteral("details")).toObject().value(QStringLiteral("category")).toString(),
                 QStringLiteral("DATA_STALE"));
        QCOMPARE(oldest.value(QStringLiteral("reset_reason")).toString(), kGoodReset);
        QCOMPARE(oldest.value(QStringLiteral("reset_by")).toString(), QStringLiteral("operator"));
        QVERIFY(parseTime(oldest.value(QStringLiteral("reset_at"))) > parseTime(oldest.value(QStringLiteral("tripped_at"))));
        QCOMPARE(entries.first().toObject().value(QStringLiteral("details")).toObject().value(QStringLiteral("n")),
                 QJsonValue(1)); // the idempotent trip, the latest one

        const Answer two = call("GET", QStringLiteral("api/v1/circuit-breaker/history?limit=2"), m_viewer);
        QCOMPARE(two.status, 200);
        const QJsonArray firstTwo = two.json.value(QStringLiteral("entries")).toArray();
        QCOMPARE(firstTwo.size(), 2);
        QCOMPARE(firstTwo.at(0), entries.at(0));
        QCOMPARE(firstTwo.at(1), entries.at(1));
        QCOMPARE(call("GET", QStringLiteral("api/v1/circuit-breaker/history?limit=200"), m_viewer).status, 200);
        for (const char *bad : {"0", "201", "-1", "abc", "", "5x", "1.5", "99999"})
            expectError(call("GET", QStringLiteral("api/v1/circuit-breaker/history?limit=%1").arg(QLatin1String(bad)), m_viewer),
                        422, QStringLiteral("invalid_limit"));
    }

    void tripCountStartsAgainEachUtcDay()
    {
        // To 01:00 UTC of the sandbox's next day; tokens do not survive that, so sign in again.
        const QDateTime now = m_sandbox->now();
        const QDateTime nextDay(now.date().addDays(1), QTime(1, 0), Qt::UTC);
        m_sandbox->advanceClock(int(now.secsTo(nextDay)));
        QVERIFY(signIn());
        const Answer s = state();
        QCOMPARE(s.json.value(QStringLiteral("state")).toString(), QStringLiteral("OPEN"));
        QCOMPARE(s.json.value(QStringLiteral("trip_count_today")), QJsonValue(0));
        QVERIFY(s.json.value(QStringLiteral("reset_available_at")).isNull());
        QCOMPARE(trip(tripBody(kGoodReason)).json.value(QStringLiteral("breaker")).toObject().value(QStringLiteral("trip_count_today")),
                 QJsonValue(1));
        QCOMPARE(reset(tripBody(kGoodReset)).status, 200);
        QCOMPARE(state().json.value(QStringLiteral("trip_count_today")), QJsonValue(1));
        QCOMPARE(trip(tripBody(kGoodReason)).json.value(QStringLiteral("breaker")).toObject().value(QStringLiteral("trip_count_today")),
                 QJsonValue(2));
    }

    void killSwitch()
    {
        const QString path = QStringLiteral("api/v1/kill-switch/");
        auto engage = [&](const QJsonObject &o, const QByteArray &rid = {}, const QByteArray &key = {}) {
            return call("POST", path + QStringLiteral("engage"), m_operator, body(o), rid, key);
        };
        auto disengage = [&](const QJsonObject &o, const QByteArray &rid = {}) {
            return call("POST", path + QStringLiteral("disengage"), m_operator, body(o), rid);
        };
        const QString reason = QStringLiteral("Runaway orders from strategy momo-7, flatten now");
        const QString notes = QStringLiteral("Strategy momo-7 disabled, positions verified flat");

        const Answer shortReason = engage({{QStringLiteral("reason"), QStringLiteral("\u200B flatten \u200B")},
                                           {QStringLiteral("operator"), QStringLiteral("someone")}});
        expectError(shortReason, 422, QStringLiteral("reason_too_short")); // the reason is checked first
        QCOMPARE(shortReason.json.value(QStringLiteral("visible_length")), QJsonValue(7));
        expectError(engage({{QStringLiteral("reason"), reason}, {QStringLiteral("operator"), QStringLiteral("admin")}}), 422,
                    QStringLiteral("operator_mismatch"));

        const Answer on = engage({{QStringLiteral("reason"), reason},
                                  {QStringLiteral("operator"), QStringLiteral("operator")},
                                  {QStringLiteral("acknowledged"), false}, // ignored
                                  {QStringLiteral("details"), QJsonObject{{QStringLiteral("scope"), QStringLiteral("all")}}}},
                                 QByteArrayLiteral("ks-engage-1"), QByteArrayLiteral("ks-key-1"));
        QVERIFY2(on.status == 200, on.body.constData());
        QCOMPARE(on.json.value(QStringLiteral("changed")), QJsonValue(true));
        const qint64 engageAudit = qint64(on.json.value(QStringLiteral("audit_id")).toDouble());
        QVERIFY(engageAudit > 0);
        const QJsonObject ks = on.json.value(QStringLiteral("kill_switch")).toObject();
        QCOMPARE(ks.value(QStringLiteral("state")).toString(), QStringLiteral("ENGAGED"));
        QCOMPARE(ks.value(QStringLiteral("engaged_by")).toString(), QStringLiteral("operator"));
        QCOMPARE(ks.value(QStringLiteral("reason")).toString(), reason);
        QCOMPARE(ks.value(QStringLiteral("engaged_at")).toString(), ks.value(QStringLiteral("server_time")).toString());
        const QJsonObject details = ks.value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("scope")).toString(), QStringLiteral("all"));
        QVERIFY(details.value(QStringLiteral("positions_flattened")).isDouble());
        QVERIFY(details.value(QStringLiteral("positions_flattened")).toInt(-1) >= 0);
        QVERIFY(ks.value(QStringLiteral("disengaged_at")).isNull());

        const Answer replay = engage({{QStringLiteral("reason"), reason},
                                      {QStringLiteral("operator"), QStringLiteral("operator")},
                                      {QStringLiteral("acknowledged"), false},
                                      {QStringLiteral("details"), QJsonObject{{QStringLiteral("scope"), QStringLiteral("all")}}}},
                                     {}, QByteArrayLiteral("ks-key-1"));
        QCOMPARE(replay.body, on.body);
        QCOMPARE(replay.replayed, QByteArrayLiteral("true"));
        const Answer again = engage({{QStringLiteral("reason"), reason}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("changed")), QJsonValue(false));
        QVERIFY(again.json.value(QStringLiteral("audit_id")).isNull());
        QCOMPARE(again.json.value(QStringLiteral("kill_switch")).toObject().value(QStringLiteral("engaged_at")),
                 ks.value(QStringLiteral("engaged_at")));
        QCOMPARE(auditRows(QStringLiteral("KILL_SWITCH_ENGAGE"), QStringLiteral("success")), 1);

        QSqlQuery q = sql(QStringLiteral("SELECT user_id, reason, request_id, event_type, resource_type, outcome, "
                                         "details->>'new_state', (details->'details'->>'positions_flattened')::int "
                                         "FROM audit_log WHERE id = ?"),
                          {engageAudit});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("operator"));
        QCOMPARE(q.value(1).toString(), reason);
        QCOMPARE(q.value(2).toString(), QStringLiteral("ks-engage-1"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("action"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("kill_switch"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("success"));
        QCOMPARE(q.value(6).toString(), QStringLiteral("ENGAGED"));
        QCOMPARE(q.value(7).toInt(), details.value(QStringLiteral("positions_flattened")).toInt());

        const Answer shortNotes = disengage({{QStringLiteral("notes"), QStringLiteral("done")}});
        expectError(shortNotes, 422, QStringLiteral("notes_too_short"));
        QCOMPARE(shortNotes.json.value(QStringLiteral("visible_length")), QJsonValue(4));
        QCOMPARE(shortNotes.json.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Notes must have at least 20 visible characters"));
        expectError(disengage({{QStringLiteral("notes"), notes}, {QStringLiteral("operator"), 7}}), 422,
                    QStringLiteral("operator_mismatch"));

        const Answer off = disengage({{QStringLiteral("notes"), notes}}, QByteArrayLiteral("ks-disengage-1"));
        QVERIFY2(off.status == 200, off.body.constData());
        QCOMPARE(off.json.value(QStringLiteral("changed")), QJsonValue(true));
        const QJsonObject active = off.json.value(QStringLiteral("kill_switch")).toObject();
        QCOMPARE(active.value(QStringLiteral("state")).toString(), QStringLiteral("ACTIVE"));
        QCOMPARE(active.value(QStringLiteral("disengaged_by")).toString(), QStringLiteral("operator"));
        QCOMPARE(active.value(QStringLiteral("notes")).toString(), notes);
        QCOMPARE(active.value(QStringLiteral("engaged_by")).toString(), QStringLiteral("operator")); // the last engagement stays visible
        QCOMPARE(call("GET", path + QStringLiteral("status"), m_viewer).json.value(QStringLiteral("state")).toString(),
                 QStringLiteral("ACTIVE"));
        const Answer offAgain = disengage({{QStringLiteral("notes"), notes}});
        QCOMPARE(offAgain.status, 200);
        QCOMPARE(offAgain.json.value(QStringLiteral("changed")), QJsonValue(false));

        QSqlQuery d = sql(QStringLiteral("SELECT user_id, reason, outcome, resource_type, details->>'previous_state' "
                                         "FROM audit_log WHERE action = 'KILL_SWITCH_DISENGAGE' AND request_id = ?"),
                          {QStringLiteral("ks-disengage-1")});
        QVERIFY(d.next());
        QCOMPARE(d.value(0).toString(), QStringLiteral("operator"));
        QCOMPARE(d.value(1).toString(), notes);
        QCOMPARE(d.value(2).toString(), QStringLiteral("success"));
        QCOMPARE(d.value(3).toString(), QStringLiteral("kill_switch"));
        QCOMPARE(d.value(4).toString(), QStringLiteral("ENGAGED"));
        QCOMPARE(auditRows(QStringLiteral("KILL_SWITCH_DISENGAGE"), QStringLiteral("success")), 1);
    }

    void auditRowsAreComplete()
    {
        // Every action row: who, how, from where, for which request and session.
        QSqlQuery q = sql(QStringLiteral(
            "SELECT count(*), bool_and(user_id IS NOT NULL AND request_id <> '' AND session_id <> '' "
            "AND ip_address = '127.0.0.1' AND amr_method = 'pwd' AND resource_type IN ('circuit_breaker', 'kill_switch') "
            "AND outcome IN ('success', 'denied', 'rejected')), "
            "bool_and(outcome <> 'success' OR reason IS NOT NULL) FROM audit_log WHERE event_type = 'action'"));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() >= 20);
        QVERIFY(q.value(1).toBool());
        QVERIFY(q.value(2).toBool());
        // Successful trips and resets match the history exactly.
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_TRIP"), QStringLiteral("success")), historyRows());
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_RESET"), QStringLiteral("success")),
                 count(QStringLiteral("SELECT count(*) FROM circuit_breaker_history WHERE reset_at IS NOT NULL")));
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_TRIP"), QStringLiteral("denied")), 1);
    }
};

QTEST_GUILESS_MAIN(TstSandboxBreaker)
#include "tst_sandbox_breaker.moc"
