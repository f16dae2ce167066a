// BreakerJson: what the console makes of the platform's circuit-breaker, history and kill-switch
// answers. Anything missing or unrecognised must fail closed (Unknown), never read as enabled.
#include "breaker/BreakerState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QtTest>

using namespace ops;

Q_DECLARE_METATYPE(ops::TradingState)
Q_DECLARE_METATYPE(ops::KillSwitchState)

namespace {

const QString UnknownHeadline = QStringLiteral("UNKNOWN \u2014 state could not be verified");

QJsonObject object(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("bad test JSON: %s (%s)", json.constData(), qPrintable(error.errorString()));
    return doc.object();
}

QJsonDocument document(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s (%s)", json.constData(), qPrintable(error.errorString()));
    return doc;
}

QDateTime utc(int h, int m, int s, int ms = 0)
{
    return QDateTime(QDate(2026, 3, 29), QTime(h, m, s, ms), QTimeZone::utc());
}

QStringList names(const QList<BreakerCondition> &conditions)
{
    QStringList out;
    for (const BreakerCondition &c : conditions)
        out << c.name;
    return out;
}

QList<qint64> ids(const QList<BreakerHistoryEntry> &entries)
{
    QList<qint64> out;
    for (const BreakerHistoryEntry &e : entries)
        out << e.id;
    return out;
}

} // namespace

class TestBreakerState final : public QObject
{
    Q_OBJECT

private slots:
    void state_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<ops::TradingState>("trading");
        QTest::addColumn<QString>("rawState");
        QTest::addColumn<bool>("hasProblem");
        QTest::addColumn<QString>("headline");

        QTest::newRow("OPEN") << QByteArray(R"({"state":"OPEN"})") << TradingState::Enabled << QStringLiteral("OPEN")
                              << false << QStringLiteral("TRADING ENABLED (OPEN)");
        QTest::newRow("TRIPPED") << QByteArray(R"({"state":"TRIPPED"})") << TradingState::Halted
                                 << QStringLiteral("TRIPPED") << false << QStringLiteral("TRADING HALTED (TRIPPED)");
        QTest::newRow("legacy QUIET_PERIOD") << QByteArray(R"({"state":"QUIET_PERIOD"})") << TradingState::Enabled
                                             << QStringLiteral("QUIET_PERIOD") << false
                                             << QStringLiteral("TRADING ENABLED (QUIET_PERIOD)");
        QTest::newRow("lower-case open") << QByteArray(R"({"state":"open"})") << TradingState::Enabled
                                         << QStringLiteral("open") << false << QStringLiteral("TRADING ENABLED (OPEN)");
        QTest::newRow("lower-case tripped") << QByteArray(R"({"state":"tripped"})") << TradingState::Halted
                                            << QStringLiteral("tripped") << false
                                            << QStringLiteral("TRADING HALTED (TRIPPED)");
        QTest::newRow("lower-case quiet_period") << QByteArray(R"({"state":"quiet_period"})") << TradingState::Enabled
                                                 << QStringLiteral("quiet_period") << false
                                                 << QStringLiteral("TRADING ENABLED (QUIET_PERIOD)");
        QTest::newRow("surrounding spaces") << QByteArray(R"({"state":"  TRIPPED "})") << TradingState::Halted
                                            << QStringLiteral("TRIPPED") << false
                                            << QStringLiteral("TRADING HALTED (TRIPPED)");

        QTest::newRow("missing state") << QByteArray(R"({"trip_count_today":1})") << TradingState::Unknown
                                       << QString() << true << UnknownHeadline;
        QTest::newRow("empty state") << QByteArray(R"({"state":""})") << TradingState::Unknown << QString() << true
                                     << UnknownHeadline;
        QTest::newRow("blank state") << QByteArray(R"({"state":"   "})") << TradingState::Unknown << QString() << true
                                     << UnknownHeadline;
        QTest::newRow("number state") << QByteArray(R"({"state":1})") << TradingState::Unknown << QString() << true
                                      << UnknownHeadline;
        QTest::newRow("null state") << QByteArray(R"({"state":null})") << TradingState::Unknown << QString() << true
                                    << UnknownHeadline;
        QTest::newRow("boolean state") << QByteArray(R"({"state":true})") << TradingState::Unknown << QString() << true
                                       << UnknownHeadline;
        QTest::newRow("object state") << QByteArray(R"({"state":{"value":"OPEN"}})") << TradingState::Unknown
                                      << QString() << true << UnknownHeadline;
        QTest::newRow("HALTED is not a breaker state") << QByteArray(R"({"state":"HALTED"})") << TradingState::Unknown
                                                       << QStringLiteral("HALTED") << true << UnknownHeadline;
        QTest::newRow("CLOSED") << QByteArray(R"({"state":"CLOSED"})") << TradingState::Unknown
                                << QStringLiteral("CLOSED") << true << UnknownHeadline;
        QTest::newRow("OPENED") << QByteArray(R"({"state":"OPENED"})") << TradingState::Unknown
                                << QStringLiteral("OPENED") << true << UnknownHeadline;
        QTest::newRow("empty object") << QByteArray(R"({})") << TradingState::Unknown << QString() << true
                                      << UnknownHeadline;
        QTest::newRow("state in another key") << QByteArray(R"({"status":"OPEN"})") << TradingState::Unknown
                                              << QString() << true << UnknownHeadline;
    }

    void state()
    {
        QFETCH(QByteArray, json);
        QFETCH(ops::TradingState, trading);
        QFETCH(QString, rawState);
        QFETCH(bool, hasProblem);
        QFETCH(QString, headline);

        QString problem;
        const BreakerSnapshot s = BreakerJson::breaker(object(json), &problem);
        QCOMPARE(s.trading, trading);
        QCOMPARE(s.rawState, rawState);
        QCOMPARE(!problem.isEmpty(), hasProblem);
        if (!rawState.isEmpty() && hasProblem)
            QVERIFY2(problem.contains(rawState), qPrintable(problem)); // says which state it did not know
        QCOMPARE(BreakerJson::headline(s), headline);
        QCOMPARE(BreakerJson::headline(s.trading, s.rawState), headline);
        if (trading == TradingState::Unknown) {
            QVERIFY(!BreakerJson::headline(s).contains(QStringLiteral("ENABLED")));
            QVERIFY(!BreakerJson::headline(s).contains(QStringLiteral("HALTED")));
        }
        // Without a problem pointer the answer is the same.
        QCOMPARE(BreakerJson::breaker(object(json)).trading, trading);
    }

    void unknownIsNeverEnabledWhateverTheRawState()
    {
        for (const QString &raw : {QStringLiteral("OPEN"), QStringLiteral("open"), QStringLiteral("QUIET_PERIOD"),
                                   QStringLiteral("TRIPPED"), QString()}) {
            QCOMPARE(BreakerJson::headline(TradingState::Unknown, raw), UnknownHeadline);
            BreakerSnapshot s;
            s.rawState = raw;
            QCOMPARE(s.trading, TradingState::Unknown); // the default is Unknown
            QCOMPARE(BreakerJson::headline(s), UnknownHeadline);
            QVERIFY(!BreakerJson::headline(s).contains(QStringLiteral("ENABLED")));
        }
        QCOMPARE(BreakerJson::headline(TradingState::Enabled, QStringLiteral("OPEN")),
                 QStringLiteral("TRADING ENABLED (OPEN)"));
        QCOMPARE(BreakerJson::headline(TradingState::Halted, QStringLiteral("TRIPPED")),
                 QStringLiteral("TRADING HALTED (TRIPPED)"));
    }

    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QDateTime>("expected");

        QTest::newRow("Z") << QByteArray(R"("2026-03-29T10:15:30Z")") << utc(10, 15, 30);
        QTest::newRow("lower-case z") << QByteArray(R"("2026-03-29T10:15:30z")") << utc(10, 15, 30);
        QTest::newRow("+02:00") << QByteArray(R"("2026-03-29T12:15:30+02:00")") << utc(10, 15, 30);
        QTest::newRow("-05:00") << QByteArray(R"("2026-03-29T05:15:30-05:00")") << utc(10, 15, 30);
        QTest::newRow("+0530 without colon") << QByteArray(R"("2026-03-29T15:45:30+0530")") << utc(10, 15, 30);
        QTest::newRow("+00:00") << QByteArray(R"("2026-03-29T10:15:30+00:00")") << utc(10, 15, 30);
        QTest::newRow("naive is UTC") << QByteArray(R"("2026-03-29T10:15:30")") << utc(10, 15, 30);
        QTest::newRow("naive with a space") << QByteArray(R"("2026-03-29 10:15:30")") << utc(10, 15, 30);
        QTest::newRow("milliseconds Z") << QByteArray(R"("2026-03-29T10:15:30.250Z")") << utc(10, 15, 30, 250);
        QTest::newRow("microseconds with offset") << QByteArray(R"("2026-03-29T11:15:30.123456+01:00")")
                                                  << utc(10, 15, 30, 123);
        QTest::newRow("epoch seconds") << QByteArray("1774779330") << utc(10, 15, 30);
        QTest::newRow("epoch milliseconds") << QByteArray("1774779330250") << utc(10, 15, 30, 250);
        QTest::newRow("garbage") << QByteArray(R"("yesterday")") << QDateTime();
        QTest::newRow("empty string") << QByteArray(R"("")") << QDateTime();
        QTest::newRow("null") << QByteArray("null") << QDateTime();
        QTest::newRow("invalid date") << QByteArray(R"("2026-02-30T10:15:30Z")") << QDateTime();
        QTest::newRow("bad offset") << QByteArray(R"("2026-03-29T10:15:30+25:00")") << QDateTime();
    }

    void timestamps()
    {
        QFETCH(QByteArray, value);
        QFETCH(QDateTime, expected);
        const QByteArray json = R"({"state":"TRIPPED","tripped_at":)" + value + R"(,"reset_at":)" + value
                                + R"(,"server_time":)" + value + R"(,"reset_available_at":)" + value + "}";
        const BreakerSnapshot s = BreakerJson::breaker(object(json));
        QCOMPARE(s.trading, TradingState::Halted); // an odd time never costs the state
        for (const QDateTime &t : {s.trippedAt, s.resetAt, s.serverTime, s.resetAvailableAt}) {
            QCOMPARE(t.isValid(), expected.isValid());
            if (expected.isValid()) {
                QCOMPARE(t, expected);
                QCOMPARE(t.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
                QCOMPARE(t.offsetFromUtc(), 0); // the snapshot speaks UTC
            }
        }
    }

    void tripCountToday_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("expected");

        QTest::newRow("3") << QByteArray("3") << 3;
        QTest::newRow("0") << QByteArray("0") << 0;
        QTest::newRow("3.0") << QByteArray("3.0") << 3;
        QTest::newRow("string \"3\"") << QByteArray(R"("3")") << -1;
        QTest::newRow("negative") << QByteArray("-2") << -1;
        QTest::newRow("null") << QByteArray("null") << -1;
        QTest::newRow("true") << QByteArray("true") << -1;
        QTest::newRow("array") << QByteArray("[3]") << -1;
        QTest::newRow("object") << QByteArray(R"({"count":3})") << -1;
        QTest::newRow("absurdly large") << QByteArray("1e12") << -1;
    }

    void tripCountToday()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, expected);
        const BreakerSnapshot s = BreakerJson::breaker(object(R"({"state":"OPEN","trip_count_today":)" + value + "}"));
        QCOMPARE(s.tripsToday, expected);
        QCOMPARE(s.trading, TradingState::Enabled);
        QCOMPARE(BreakerJson::breaker(object(R"({"state":"OPEN"})")).tripsToday, -1); // missing
    }

    void fullTrippedAnswer()
    {
        const QByteArray json = R"({
            "state": "TRIPPED",
            "tripped_at": "2026-03-29T10:15:30Z",
            "tripped_by": "operator",
            "trip_reason": "Broker API errors above threshold for 5 minutes",
            "trip_details": {"category": "BROKER_ERRORS", "errors": 17},
            "reset_at": "2026-03-29T09:00:00Z",
            "reset_by": "admin",
            "reset_reason": "Broker recovered after maintenance window",
            "trip_count_today": 2,
            "server_time": "2026-03-29T10:16:00Z",
            "reset_available_at": "2026-03-29T10:16:42Z",
            "conditions": []
        })";
        QString problem;
        const BreakerSnapshot s = BreakerJson::breaker(object(json), &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(s.trading, TradingState::Halted);
        QCOMPARE(s.rawState, QStringLiteral("TRIPPED"));
        QCOMPARE(s.trippedAt, utc(10, 15, 30));
        QCOMPARE(s.trippedBy, QStringLiteral("operator"));
        QCOMPARE(s.tripReason, QStringLiteral("Broker API errors above threshold for 5 minutes"));
        QCOMPARE(s.tripDetails.value(QStringLiteral("category")).toString(), QStringLiteral("BROKER_ERRORS"));
        QCOMPARE(s.tripDetails.value(QStringLiteral("errors")).toInt(), 17);
        QCOMPARE(s.resetAt, utc(9, 0, 0));
        QCOMPARE(s.resetBy, QStringLiteral("admin"));
        QCOMPARE(s.resetReason, QStringLiteral("Broker recovered after maintenance window"));
        QCOMPARE(s.tripsToday, 2);
        QCOMPARE(s.serverTime, utc(10, 16, 0));
        QCOMPARE(s.resetAvailableAt, utc(10, 16, 42));
        QVERIFY(s.conditions.isEmpty());
        QVERIFY(!s.allConditionsOk()); // nothing checked is not "all ok"
        QVERIFY(s.failingConditions().isEmpty());
    }

    void oddFieldTypesAreDroppedNotFatal()
    {
        const BreakerSnapshot s = BreakerJson::breaker(object(
            R"({"state":"OPEN","tripped_by":42,"trip_reason":null,"trip_details":"not an object","reset_by":["x"],
                "reset_reason":{"a":1},"server_time":false})"));
        QCOMPARE(s.trading, TradingState::Enabled);
        QVERIFY(s.trippedBy.isEmpty());
        QVERIFY(s.tripReason.isEmpty());
        QVERIFY(s.tripDetails.isEmpty());
        QVERIFY(s.resetBy.isEmpty());
        QVERIFY(s.resetReason.isEmpty());
        QVERIFY(!s.serverTime.isValid());
        QVERIFY(!s.resetAvailableAt.isValid());
        QVERIFY(!s.trippedAt.isValid());
    }

    void conditions()
    {
        const BreakerSnapshot s = BreakerJson::breaker(object(R"({"state":"TRIPPED","conditions":[
            {"name":"drawdown","ok":true,"detail":"1.2% of 5%"},
            {"name":"position_limits","ok":true,"detail":"all within limits"},
            {"name":"broker_errors","ok":false,"detail":"17 errors in the last 5 minutes"},
            {"name":"redis","detail":"no answer"},
            {"name":"postgres","ok":"true","detail":"string, not a boolean"},
            {"name":"","ok":true},
            {"ok":true,"detail":"no name"},
            "junk", 7, null,
            {"name":"custom_check","ok":1}
        ]})"));
        QCOMPARE(names(s.conditions), (QStringList{QStringLiteral("drawdown"), QStringLiteral("position_limits"),
                                                   QStringLiteral("broker_errors"), QStringLiteral("redis"),
                                                   QStringLiteral("postgres"), QStringLiteral("custom_check")}));
        QCOMPARE(s.conditions.at(0).ok, true);
        QCOMPARE(s.conditions.at(0).detail, QStringLiteral("1.2% of 5%"));
        QCOMPARE(s.conditions.at(1).ok, true);
        QCOMPARE(s.conditions.at(2).ok, false);
        QCOMPARE(s.conditions.at(2).detail, QStringLiteral("17 errors in the last 5 minutes"));
        QCOMPARE(s.conditions.at(3).ok, false); // "ok" missing: failing
        QCOMPARE(s.conditions.at(3).detail, QStringLiteral("no answer"));
        QCOMPARE(s.conditions.at(4).ok, false); // "true" as a string: failing
        QCOMPARE(s.conditions.at(5).ok, false); // 1 is not an explicit true
        QVERIFY(!s.allConditionsOk());
        QCOMPARE(names(s.failingConditions()),
                 (QStringList{QStringLiteral("broker_errors"), QStringLiteral("redis"), QStringLiteral("postgres"),
                              QStringLiteral("custom_check")}));

        const BreakerSnapshot allOk = BreakerJson::breaker(object(R"({"state":"TRIPPED","conditions":[
            {"name":"drawdown","ok":true},{"name":"position_limits","ok":true},{"name":"broker_errors","ok":true},
            {"name":"redis","ok":true},{"name":"postgres","ok":true}]})"));
        QCOMPARE(allOk.conditions.size(), 5);
        QVERIFY(allOk.allConditionsOk());
        QVERIFY(allOk.failingConditions().isEmpty());

        const BreakerSnapshot oneMissingOk = BreakerJson::breaker(object(R"({"state":"TRIPPED","conditions":[
            {"name":"drawdown","ok":true},{"name":"redis"}]})"));
        QVERIFY(!oneMissingOk.allConditionsOk());
        QCOMPARE(names(oneMissingOk.failingConditions()), QStringList{QStringLiteral("redis")});

        const BreakerSnapshot notAnArray = BreakerJson::breaker(object(R"({"state":"TRIPPED","conditions":{"redis":true}})"));
        QVERIFY(notAnArray.conditions.isEmpty());
        QVERIFY(!notAnArray.allConditionsOk());
    }

    void conditionTitles()
    {
        QCOMPARE(BreakerJson::conditionTitle(QStringLiteral("drawdown")), QStringLiteral("Drawdown within limit"));
        QCOMPARE(BreakerJson::conditionTitle(QStringLiteral("position_limits")), QStringLiteral("Position limits respected"));
        QCOMPARE(BreakerJson::conditionTitle(QStringLiteral("broker_errors")),
                 QStringLiteral("No broker API errors in the last 5 minutes"));
        QCOMPARE(BreakerJson::conditionTitle(QStringLiteral("redis")), QStringLiteral("Redis OK"));
        QCOMPARE(BreakerJson::conditionTitle(QStringLiteral("postgres")), QStringLiteral("Postgres OK"));
        QCOMPARE(BreakerJson::conditionTitle(QStringLiteral("custom_check")), QStringLiteral("custom_check"));
    }

    void history_data()
    {
        QTest::addColumn<QByteArray>("json");

        const QByteArray entries = R"([
            {"id": 11, "tripped_at": "2026-03-29T08:00:00Z", "tripped_by": "alice", "reason": "oldest trip of the day",
             "details": {"category": "MANUAL"}, "reset_at": "2026-03-29T08:05:00Z", "reset_by": "bob",
             "reset_reason": "all conditions back to normal"},
            {"id": 13, "tripped_at": "2026-03-29T12:30:00+02:00", "tripped_by": "carol", "reason": "newest, still tripped",
             "details": {}, "reset_at": null, "reset_by": null, "reset_reason": null},
            "junk", 42, null, [1, 2],
            {"id": 12, "tripped_at": "2026-03-29T09:00:00", "tripped_by": "dave", "reason": "middle, naive time",
             "reset_at": "2026-03-29T09:01:30Z", "reset_by": "erin", "reset_reason": "false alarm"}
        ])";
        QTest::newRow("{\"entries\": [...]}") << QByteArray(R"({"entries": )" + entries + R"(, "limit": 50})");
        QTest::newRow("bare array") << entries;
    }

    void history()
    {
        QFETCH(QByteArray, json);
        QString problem;
        const QList<BreakerHistoryEntry> h = BreakerJson::history(document(json), &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(ids(h), (QList<qint64>{13, 12, 11})); // newest first, junk skipped

        const BreakerHistoryEntry &newest = h.at(0);
        QCOMPARE(newest.trippedAt, utc(10, 30, 0));
        QCOMPARE(newest.trippedBy, QStringLiteral("carol"));
        QCOMPARE(newest.reason, QStringLiteral("newest, still tripped"));
        QVERIFY(!newest.resetAt.isValid()); // still the current trip
        QVERIFY(newest.resetBy.isEmpty());
        QVERIFY(newest.resetReason.isEmpty());

        const BreakerHistoryEntry &middle = h.at(1);
        QCOMPARE(middle.trippedAt, utc(9, 0, 0));
        QCOMPARE(middle.resetAt, utc(9, 1, 30));
        QCOMPARE(middle.resetBy, QStringLiteral("erin"));
        QCOMPARE(middle.resetReason, QStringLiteral("false alarm"));
        QVERIFY(middle.details.isEmpty());

        const BreakerHistoryEntry &oldest = h.at(2);
        QCOMPARE(oldest.trippedAt, utc(8, 0, 0));
        QCOMPARE(oldest.trippedBy, QStringLiteral("alice"));
        QCOMPARE(oldest.reason, QStringLiteral("oldest trip of the day"));
        QCOMPARE(oldest.details.value(QStringLiteral("category")).toString(), QStringLiteral("MANUAL"));
        QCOMPARE(oldest.resetAt, utc(8, 5, 0));
        QCOMPARE(oldest.resetBy, QStringLiteral("bob"));
        QCOMPARE(oldest.resetReason, QStringLiteral("all conditions back to normal"));
    }

    void historyEntriesWithoutATimeGoLast()
    {
        const QList<BreakerHistoryEntry> h = BreakerJson::history(document(R"([
            {"id": 1, "reason": "no time A"},
            {"id": 2, "tripped_at": "2026-03-29T08:00:00Z"},
            {"id": 3, "tripped_at": "not a time", "reason": "no time B"},
            {"id": 4, "tripped_at": "2026-03-29T09:00:00Z"}
        ])"));
        QCOMPARE(ids(h), (QList<qint64>{4, 2, 1, 3})); // untimed keep their order, after the timed ones
    }

    void historyWithoutEntriesIsAProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("entries is a string") << QByteArray(R"({"entries":"none"})");
        QTest::newRow("entries is an object") << QByteArray(R"({"entries":{"id":1}})");
        QTest::newRow("other key") << QByteArray(R"({"items":[{"id":1,"tripped_at":"2026-03-29T08:00:00Z"}]})");
    }

    void historyWithoutEntriesIsAProblem()
    {
        QFETCH(QByteArray, json);
        QString problem;
        const QList<BreakerHistoryEntry> h = BreakerJson::history(document(json), &problem);
        QVERIFY(h.isEmpty());
        QVERIFY(!problem.isEmpty());
        // An empty document (not JSON at all) is a problem too.
        QString nothing;
        QVERIFY(BreakerJson::history(QJsonDocument(), &nothing).isEmpty());
        QVERIFY(!nothing.isEmpty());
    }

    void emptyHistoryIsNotAProblem()
    {
        QString problem;
        QVERIFY(BreakerJson::history(document(R"({"entries":[]})"), &problem).isEmpty());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(BreakerJson::history(document("[]"), &problem).isEmpty());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void killSwitch_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<ops::KillSwitchState>("state");
        QTest::addColumn<bool>("hasProblem");
        QTest::addColumn<QString>("headline");

        QTest::newRow("ACTIVE") << QByteArray(R"({"state":"ACTIVE"})") << KillSwitchState::Active << false
                                << QStringLiteral("NOT ENGAGED \u2014 trading active (ACTIVE)");
        QTest::newRow("ENGAGED") << QByteArray(R"({"state":"ENGAGED"})") << KillSwitchState::Engaged << false
                                 << QStringLiteral("ENGAGED \u2014 positions flattened (ENGAGED)");
        QTest::newRow("lower-case engaged") << QByteArray(R"({"state":"engaged"})") << KillSwitchState::Engaged
                                            << false << QStringLiteral("ENGAGED \u2014 positions flattened (ENGAGED)");
        QTest::newRow("missing") << QByteArray(R"({"engaged_by":"x"})") << KillSwitchState::Unknown << true
                                 << QStringLiteral("UNKNOWN \u2014 kill switch could not be verified");
        QTest::newRow("number") << QByteArray(R"({"state":0})") << KillSwitchState::Unknown << true
                                << QStringLiteral("UNKNOWN \u2014 kill switch could not be verified");
        QTest::newRow("breaker word OPEN") << QByteArray(R"({"state":"OPEN"})") << KillSwitchState::Unknown << true
                                           << QStringLiteral("UNKNOWN \u2014 kill switch could not be verified");
    }

    void killSwitch()
    {
        QFETCH(QByteArray, json);
        QFETCH(ops::KillSwitchState, state);
        QFETCH(bool, hasProblem);
        QFETCH(QString, headline);
        QString problem;
        const KillSwitchSnapshot s = BreakerJson::killSwitch(object(json), &problem);
        QCOMPARE(s.state, state);
        QCOMPARE(!problem.isEmpty(), hasProblem);
        QCOMPARE(BreakerJson::killSwitchHeadline(s), headline);
    }

    void killSwitchFields()
    {
        const KillSwitchSnapshot s = BreakerJson::killSwitch(object(R"({
            "state": "ENGAGED", "engaged_at": "2026-03-29T12:15:30+02:00", "engaged_by": "operator",
            "reason": "Runaway strategy flattening everything now", "details": {"source": "ops-console"},
            "disengaged_at": null, "disengaged_by": null, "notes": "",
            "server_time": "2026-03-29T10:16:00Z"})"));
        QCOMPARE(s.state, KillSwitchState::Engaged);
        QCOMPARE(s.rawState, QStringLiteral("ENGAGED"));
        QCOMPARE(s.engagedAt, utc(10, 15, 30));
        QCOMPARE(s.engagedBy, QStringLiteral("operator"));
        QCOMPARE(s.reason, QStringLiteral("Runaway strategy flattening everything now"));
        QCOMPARE(s.details.value(QStringLiteral("source")).toString(), QStringLiteral("ops-console"));
        QVERIFY(!s.disengagedAt.isValid());
        QVERIFY(s.disengagedBy.isEmpty());
        QCOMPARE(s.serverTime, utc(10, 16, 0));

        const KillSwitchSnapshot off = BreakerJson::killSwitch(object(R"({
            "state": "ACTIVE", "disengaged_at": "2026-03-29T10:20:00Z", "disengaged_by": "admin",
            "notes": "positions verified flat, resuming"})"));
        QCOMPARE(off.state, KillSwitchState::Active);
        QCOMPARE(off.disengagedAt, utc(10, 20, 0));
        QCOMPARE(off.disengagedBy, QStringLiteral("admin"));
        QCOMPARE(off.notes, QStringLiteral("positions verified flat, resuming"));
    }
};

QTEST_APPLESS_MAIN(TestBreakerState)
#include "tst_breakerstate.moc"
