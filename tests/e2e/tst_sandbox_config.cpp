// The sandbox's typed configuration over raw HTTP: the three seeded documents, GET with an ETag,
// PUT with If-Match (428 without, 412 with the current document when stale), per-field 422 errors
// for every type and range rule (boundaries in and out, data-driven), market_open < market_close,
// unknown and missing fields, admin only, and a CONFIG_UPDATE audit row with the old and new
// values for every save. No models/ classes: this checks the platform itself. The slots run in
// order and share state.

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

const QString kDb = QStringLiteral("ops_e2e_sandbox_config");
const QString kSqlConn = QStringLiteral("tst_sandbox_config");

QByteArray quoted(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

const QJsonObject kTradingHours{{QStringLiteral("market_open"), QStringLiteral("09:30")},
                                {QStringLiteral("market_close"), QStringLiteral("16:00")},
                                {QStringLiteral("pre_market_enabled"), false},
                                {QStringLiteral("after_hours_enabled"), false}};
const QJsonObject kPositionLimits{{QStringLiteral("max_position_per_symbol"), 10000},
                                  {QStringLiteral("max_notional_total"), 1000000},
                                  {QStringLiteral("max_open_orders"), 100}};
const QJsonObject kSystemDefaults{{QStringLiteral("dry_run"), true},
                                  {QStringLiteral("circuit_breaker_enabled"), true},
                                  {QStringLiteral("drawdown_threshold"), 0.05}};

const QString kWhole = QStringLiteral("Must be a whole number");
const QString kBool = QStringLiteral("Must be true or false");
const QString kTime = QStringLiteral("Must be a time HH:MM from 00:00 to 23:59");
const QString kNumber = QStringLiteral("Must be a number");
const QString kCloseAfterOpen = QStringLiteral("Market close must be after market open");

} // namespace

class TstSandboxConfig : public QObject
{
    Q_OBJECT

    TestPostgres m_pg;
    std::unique_ptr<opssandbox::Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    QByteArray m_viewer;
    QByteArray m_operator;
    QByteArray m_admin;
    int m_saves = 0;     // successful PUTs so far
    int m_conflicts = 0; // 412s so far

    Answer send(const QString &path, const QByteArray &verb, const QByteArray &payload, const Headers &headers)
    {
        return ops::test::send(m_nam, m_sandbox->apiBaseUrl().resolved(QUrl(path)), verb, payload, headers);
    }

    Answer call(const QByteArray &verb, const QString &path, const QByteArray &token, const QByteArray &payload = {},
                const Headers &extra = {})
    {
        Headers headers = extra;
        if (!token.isEmpty())
            headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token});
        return send(path, verb, payload, headers);
    }

    Answer get(const QString &key, const QByteArray &token = {})
    {
        return call("GET", QStringLiteral("api/v1/config/") + key, token.isEmpty() ? m_admin : token);
    }

    // PUT with If-Match (none when ifMatch is null) and {"config_value": value}.
    Answer put(const QString &key, const QJsonObject &value, const QByteArray &ifMatch, const QByteArray &token = {},
               const QByteArray &requestId = {})
    {
        Headers headers;
        if (!ifMatch.isNull())
            headers.append({QByteArrayLiteral("If-Match"), ifMatch});
        if (!requestId.isEmpty())
            headers.append({QByteArrayLiteral("X-Request-ID"), requestId});
        return call("PUT", QStringLiteral("api/v1/config/") + key, token.isEmpty() ? m_admin : token,
                    body(QJsonObject{{QStringLiteral("config_value"), value}}), headers);
    }

    qint64 version(const QString &key)
    {
        QSqlQuery q = sql(QStringLiteral("SELECT version FROM system_config WHERE config_key = ?"), {key});
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    QJsonObject stored(const QString &key)
    {
        QSqlQuery q = sql(QStringLiteral("SELECT CAST(config_value AS text) FROM system_config WHERE config_key = ?"), {key});
        return q.next() ? QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object() : QJsonObject();
    }

    // PUT value on top of the current version: 200 and version + 1 when fields is empty, else 422
    // with exactly those fields and nothing saved.
    void expectValidation(const QString &key, const QJsonObject &value, const QJsonObject &fields)
    {
        const qint64 before = version(key);
        const QJsonObject storedBefore = stored(key);
        const Answer a = put(key, value, quoted(before));
        if (fields.isEmpty()) {
            QVERIFY2(a.status == 200, a.body.constData());
            ++m_saves;
            QCOMPARE(version(key), before + 1);
            QCOMPARE(stored(key), value);
            QCOMPARE(a.json.value(QStringLiteral("config_value")).toObject(), value);
        } else {
            expectError(a, 422, QStringLiteral("validation_failed"));
            QCOMPARE(a.json.value(QStringLiteral("fields")).toObject(), fields);
            QCOMPARE(a.json.size(), 2);
            QCOMPARE(version(key), before);
            QCOMPARE(stored(key), storedBefore);
        }
    }

    QSqlQuery sql(const QString &text, const QVariantList &values = {}) { return ops::test::sql(kSqlConn, text, values); }

    qint64 scalar(const QString &text, const QVariantList &values = {}) { return ops::test::scalar(kSqlConn, text, values); }

    QByteArray tokenFor(const QString &user) { return signInToken(m_nam, m_sandbox->apiBaseUrl(), user); }

    static QJsonObject with(QJsonObject o, const QString &field, const QJsonValue &value)
    {
        if (value.isUndefined())
            o.remove(field);
        else
            o.insert(field, value);
        return o;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_pg = TestPostgres::fromEnvironment(&error);
        QVERIFY2(m_pg.isValid(), qPrintable(error));
        QVERIFY2(dropDatabase(m_pg, kDb, QStringLiteral("tst_sandbox_config_admin"), &error), qPrintable(error));

        opssandbox::SandboxConfig config = sandboxConfig(m_pg, kDb);
        m_sandbox = std::make_unique<opssandbox::Sandbox>();
        QVERIFY2(m_sandbox->start(config, &error), qPrintable(error));

        QSqlDatabase db = openDatabase(kSqlConn, m_pg, kDb);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        m_viewer = tokenFor(QStringLiteral("viewer"));
        m_operator = tokenFor(QStringLiteral("operator"));
        m_admin = tokenFor(QStringLiteral("admin"));
        QVERIFY(!m_viewer.isEmpty() && !m_operator.isEmpty() && !m_admin.isEmpty());
    }

    void cleanupTestCase()
    {
        if (QSqlDatabase::contains(kSqlConn)) {
            QSqlDatabase::database(kSqlConn).close();
            QSqlDatabase::removeDatabase(kSqlConn);
        }
        m_sandbox.reset();
    }

    void seededDocumentsWithEtag()
    {
        const Answer all = call("GET", QStringLiteral("api/v1/config"), m_admin);
        QVERIFY2(all.status == 200, all.body.constData());
        const QJsonArray docs = all.json.value(QStringLiteral("documents")).toArray();
        QCOMPARE(docs.size(), 3);
        const QStringList keys{QStringLiteral("trading_hours"), QStringLiteral("position_limits"), QStringLiteral("system_defaults")};
        const QList<QJsonObject> values{kTradingHours, kPositionLimits, kSystemDefaults};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject doc = docs.at(i).toObject();
            QCOMPARE(doc.size(), 5);
            QCOMPARE(doc.value(QStringLiteral("config_key")).toString(), keys.at(i));
            QCOMPARE(doc.value(QStringLiteral("config_value")).toObject(), values.at(i));
            QCOMPARE(doc.value(QStringLiteral("version")), QJsonValue(1));
            QCOMPARE(doc.value(QStringLiteral("updated_by")).toString(), QStringLiteral("system"));
            QVERIFY(doc.value(QStringLiteral("updated_at")).toString().endsWith(QLatin1Char('Z')));
            QVERIFY(parseTime(doc.value(QStringLiteral("updated_at"))).isValid());

            const Answer one = get(keys.at(i));
            QVERIFY2(one.status == 200, one.body.constData());
            QCOMPARE(one.etag, QByteArrayLiteral("\"1\""));
            QCOMPARE(one.json, doc);
        }
        QCOMPARE(call("GET", QStringLiteral("api/v1/config/system_defaults/"), m_admin).json.value(QStringLiteral("version")),
                 QJsonValue(1)); // trailing slash
        expectError(get(QStringLiteral("risk_limits")), 404, QStringLiteral("not_found"));
        expectError(get(QStringLiteral("trading_hours/extra")), 404, QStringLiteral("not_found"));
        expectError(put(QStringLiteral("risk_limits"), kTradingHours, quoted(1)), 404, QStringLiteral("not_found"));
        expectError(call("DELETE", QStringLiteral("api/v1/config/trading_hours"), m_admin), 405, QStringLiteral("method_not_allowed"));
        expectError(call("POST", QStringLiteral("api/v1/config"), m_admin, body(kTradingHours)), 405,
                    QStringLiteral("method_not_allowed"));
        expectError(get(QStringLiteral("trading_hours"), "not-a-token"), 401, QStringLiteral("unauthenticated"));
    }

    void viewerAndOperatorAreRefused_data()
    {
        QTest::addColumn<QString>("user");
        QTest::newRow("viewer") << QStringLiteral("viewer");
        QTest::newRow("operator") << QStringLiteral("operator");
    }

    void viewerAndOperatorAreRefused()
    {
        QFETCH(QString, user);
        const QByteArray token = user == QLatin1String("viewer") ? m_viewer : m_operator;
        const QByteArray denied = QByteArrayLiteral("{\"error\":\"permission_denied\",\"permission\":\"config:edit\"}");
        QCOMPARE(call("GET", QStringLiteral("api/v1/config"), token).body, denied);
        const Answer one = get(QStringLiteral("trading_hours"), token);
        QCOMPARE(one.status, 403);
        QCOMPARE(one.body, denied);
        QVERIFY(one.etag.isEmpty());
        const QByteArray rid = "config-denied-" + user.toLatin1();
        const Answer change = put(QStringLiteral("trading_hours"), with(kTradingHours, QStringLiteral("market_open"),
                                                                       QStringLiteral("08:00")),
                                  quoted(1), token, rid);
        QCOMPARE(change.status, 403);
        QCOMPARE(change.body, denied);
        QCOMPARE(version(QStringLiteral("trading_hours")), 1);
        QCOMPARE(stored(QStringLiteral("trading_hours")), kTradingHours);

        QSqlQuery q = sql(QStringLiteral("SELECT user_id, action, outcome, event_type, resource_type, resource_id, "
                                         "details->>'permission' FROM audit_log WHERE request_id = ?"),
                          {QString::fromLatin1(rid)});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), user);
        QCOMPARE(q.value(1).toString(), QStringLiteral("CONFIG_UPDATE"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("denied"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("admin"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("config"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("trading_hours"));
        QCOMPARE(q.value(6).toString(), QStringLiteral("config:edit"));
        QVERIFY(!q.next());
    }

    void saveBumpsVersionAndIsAudited()
    {
        const QDateTime before = m_sandbox->now();
        const QJsonObject value = with(kPositionLimits, QStringLiteral("max_position_per_symbol"), 20000);
        const Answer a = put(QStringLiteral("position_limits"), value, QByteArrayLiteral("\"1\""), {},
                             QByteArrayLiteral("save-limits-1"));
        QVERIFY2(a.status == 200, a.body.constData());
        ++m_saves;
        QCOMPARE(a.etag, QByteArrayLiteral("\"2\""));
        QCOMPARE(a.json.size(), 6);
        QCOMPARE(a.json.value(QStringLiteral("config_key")).toString(), QStringLiteral("position_limits"));
        QCOMPARE(a.json.value(QStringLiteral("config_value")).toObject(), value);
        QCOMPARE(a.json.value(QStringLiteral("version")), QJsonValue(2));
        QCOMPARE(a.json.value(QStringLiteral("updated_by")).toString(), QStringLiteral("admin"));
        const QDateTime updated = parseTime(a.json.value(QStringLiteral("updated_at")));
        QVERIFY(updated >= before.addMSecs(-1) && updated <= m_sandbox->now());
        const qint64 auditId = a.json.value(QStringLiteral("audit_id")).toInteger();
        QVERIFY(auditId > 0);

        const Answer read = get(QStringLiteral("position_limits"));
        QCOMPARE(read.etag, QByteArrayLiteral("\"2\""));
        QJsonObject withoutAudit = a.json;
        withoutAudit.remove(QStringLiteral("audit_id"));
        QCOMPARE(read.json, withoutAudit);
        QCOMPARE(version(QStringLiteral("position_limits")), 2);
        QCOMPARE(stored(QStringLiteral("position_limits")), value);

        QSqlQuery q = sql(QStringLiteral("SELECT user_id, action, event_type, resource_type, resource_id, outcome, request_id, "
                                         "CAST(details->'old' AS text), CAST(details->'new' AS text), "
                                         "(details->>'old_version')::int, (details->>'new_version')::int FROM audit_log WHERE id = ?"),
                          {auditId});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("admin"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("CONFIG_UPDATE"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("admin"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("config"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("position_limits"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("success"));
        QCOMPARE(q.value(6).toString(), QStringLiteral("save-limits-1"));
        QCOMPARE(QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object(), kPositionLimits);
        QCOMPARE(QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object(), value);
        QCOMPARE(q.value(9).toInt(), 1);
        QCOMPARE(q.value(10).toInt(), 2);

        // The same document again is a save too: a new version.
        const Answer same = put(QStringLiteral("position_limits"), value, QByteArrayLiteral("\"2\""));
        QVERIFY2(same.status == 200, same.body.constData());
        ++m_saves;
        QCOMPARE(same.etag, QByteArrayLiteral("\"3\""));
        QCOMPARE(same.json.value(QStringLiteral("version")), QJsonValue(3));
        QVERIFY(same.json.value(QStringLiteral("audit_id")).toInteger() > auditId);
    }

    void staleIfMatchGetsTheCurrentDocument()
    {
        const Answer current = get(QStringLiteral("position_limits"));
        QCOMPARE(current.etag, QByteArrayLiteral("\"3\""));
        for (const QByteArray &stale : {QByteArrayLiteral("\"1\""), QByteArrayLiteral("\"2\""), QByteArrayLiteral("\"4\""),
                                        QByteArrayLiteral("3"), QByteArrayLiteral("W/\"3\""), QByteArrayLiteral("*"),
                                        QByteArrayLiteral("\"abc\"")}) {
            const Answer a = put(QStringLiteral("position_limits"), kPositionLimits, stale);
            expectError(a, 412, QStringLiteral("version_conflict"));
            ++m_conflicts;
            QCOMPARE(a.json.size(), 2);
            QCOMPARE(a.json.value(QStringLiteral("current")).toObject(), current.json);
            QCOMPARE(a.etag, QByteArrayLiteral("\"3\""));
        }
        QCOMPARE(version(QStringLiteral("position_limits")), 3);
        QCOMPARE(stored(QStringLiteral("position_limits")).value(QStringLiteral("max_position_per_symbol")), QJsonValue(20000));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'CONFIG_UPDATE' AND outcome = 'rejected' "
                                       "AND details->>'error' = 'version_conflict' AND (details->>'current_version')::int = 3")),
                 m_conflicts);

        // Re-applied on top of the current version it goes through.
        const Answer a = put(QStringLiteral("position_limits"), kPositionLimits, current.etag);
        QVERIFY2(a.status == 200, a.body.constData());
        ++m_saves;
        QCOMPARE(a.json.value(QStringLiteral("version")), QJsonValue(4));
        QCOMPARE(stored(QStringLiteral("position_limits")), kPositionLimits);
    }

    void ifMatchIsRequired()
    {
        const Answer a = put(QStringLiteral("trading_hours"), kTradingHours, QByteArray());
        QVERIFY2(a.status == 428, a.body.constData());
        QCOMPARE(a.body, QByteArrayLiteral("{\"error\":\"if_match_required\"}"));
        // Checked before the body.
        expectError(call("PUT", QStringLiteral("api/v1/config/trading_hours"), m_admin, QByteArrayLiteral("nope")), 428,
                    QStringLiteral("if_match_required"));
        QCOMPARE(version(QStringLiteral("trading_hours")), 1);
    }

    void badBodies_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("not json") << QByteArrayLiteral("{\"config_value\":");
        QTest::newRow("array") << QByteArrayLiteral("[1]");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no config_value") << QByteArrayLiteral("{\"market_open\":\"09:30\"}");
        QTest::newRow("config_value a number") << QByteArrayLiteral("{\"config_value\":5}");
        QTest::newRow("config_value an array") << QByteArrayLiteral("{\"config_value\":[]}");
    }

    void badBodies()
    {
        QFETCH(QByteArray, payload);
        const Answer a = call("PUT", QStringLiteral("api/v1/config/trading_hours"), m_admin, payload,
                              {{QByteArrayLiteral("If-Match"), quoted(1)}});
        expectError(a, 400, QStringLiteral("invalid_body"));
        QCOMPARE(version(QStringLiteral("trading_hours")), 1);
    }

    void rangeBoundaries_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error"); // empty: accepted
        const QString limits = QStringLiteral("position_limits");
        const QString defaults = QStringLiteral("system_defaults");
        auto row = [](const QString &key, const char *field, const QJsonValue &value, const QString &error) {
            const QString tag = QStringLiteral("%1=%2").arg(QLatin1String(field), QString::number(value.toDouble(), 'g', 10));
            QTest::newRow(qPrintable(tag)) << key << QString::fromLatin1(field) << value << error;
        };
        const QString perSymbol = QStringLiteral("Must be between 1 and 100000");
        row(limits, "max_position_per_symbol", 0, perSymbol);
        row(limits, "max_position_per_symbol", 1, {});
        row(limits, "max_position_per_symbol", 100000, {});
        row(limits, "max_position_per_symbol", 100001, perSymbol);
        row(limits, "max_position_per_symbol", -5, perSymbol);
        const QString notional = QStringLiteral("Must be between 1000 and 10000000");
        row(limits, "max_notional_total", 999, notional);
        row(limits, "max_notional_total", 1000, {});
        row(limits, "max_notional_total", 10000000, {});
        row(limits, "max_notional_total", 10000001, notional);
        const QString orders = QStringLiteral("Must be between 1 and 1000");
        row(limits, "max_open_orders", 0, orders);
        row(limits, "max_open_orders", 1, {});
        row(limits, "max_open_orders", 1000, {});
        row(limits, "max_open_orders", 1001, orders);
        const QString drawdown = QStringLiteral("Must be between 0.01 and 0.50");
        row(defaults, "drawdown_threshold", 0.0099, drawdown);
        row(defaults, "drawdown_threshold", 0.01, {});
        row(defaults, "drawdown_threshold", 0.5, {});
        row(defaults, "drawdown_threshold", 0.5001, drawdown);
        row(defaults, "drawdown_threshold", 0, drawdown);
        row(defaults, "drawdown_threshold", 1, drawdown);
    }

    void rangeBoundaries()
    {
        QFETCH(QString, key);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        const QJsonObject base = key == QLatin1String("position_limits") ? kPositionLimits : kSystemDefaults;
        expectValidation(key, with(base, field, value), error.isEmpty() ? QJsonObject() : QJsonObject{{field, error}});
    }

    void tradingHours_data()
    {
        QTest::addColumn<QJsonObject>("value");
        QTest::addColumn<QJsonObject>("fields");
        const QJsonObject th = kTradingHours;
        const QString open = QStringLiteral("market_open");
        const QString close = QStringLiteral("market_close");
        QTest::newRow("open == close") << with(with(th, open, QStringLiteral("16:00")), close, QStringLiteral("16:00"))
                                       << QJsonObject{{close, kCloseAfterOpen}};
        QTest::newRow("open after close") << with(with(th, open, QStringLiteral("17:00")), close, QStringLiteral("09:00"))
                                          << QJsonObject{{close, kCloseAfterOpen}};
        QTest::newRow("one minute apart") << with(with(th, open, QStringLiteral("15:59")), close, QStringLiteral("16:00"))
                                          << QJsonObject();
        QTest::newRow("00:00 to 23:59") << with(with(th, open, QStringLiteral("00:00")), close, QStringLiteral("23:59"))
                                        << QJsonObject();
        QTest::newRow("24:00") << with(th, close, QStringLiteral("24:00")) << QJsonObject{{close, kTime}};
        QTest::newRow("09:60") << with(th, open, QStringLiteral("09:60")) << QJsonObject{{open, kTime}};
        QTest::newRow("9:30") << with(th, open, QStringLiteral("9:30")) << QJsonObject{{open, kTime}};
        QTest::newRow("09:30:00") << with(th, open, QStringLiteral("09:30:00")) << QJsonObject{{open, kTime}};
        QTest::newRow("bad open, no order check")
            << with(with(th, open, QStringLiteral("25:00")), close, QStringLiteral("01:00")) << QJsonObject{{open, kTime}};
        QTest::newRow("back to the seed") << th << QJsonObject();
    }

    void tradingHours()
    {
        QFETCH(QJsonObject, value);
        QFETCH(QJsonObject, fields);
        expectValidation(QStringLiteral("trading_hours"), value, fields);
    }

    void wrongTypes_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonObject>("value");
        QTest::addColumn<QJsonObject>("fields");
        const QString limits = QStringLiteral("position_limits");
        const QString defaults = QStringLiteral("system_defaults");
        const QString hours = QStringLiteral("trading_hours");
        QTest::newRow("int as string") << limits << with(kPositionLimits, QStringLiteral("max_open_orders"), QStringLiteral("100"))
                                       << QJsonObject{{QStringLiteral("max_open_orders"), kWhole}};
        QTest::newRow("int with a fraction") << limits << with(kPositionLimits, QStringLiteral("max_open_orders"), 100.5)
                                             << QJsonObject{{QStringLiteral("max_open_orders"), kWhole}};
        QTest::newRow("int as bool") << limits << with(kPositionLimits, QStringLiteral("max_notional_total"), true)
                                     << QJsonObject{{QStringLiteral("max_notional_total"), kWhole}};
        QTest::newRow("int as null") << limits << with(kPositionLimits, QStringLiteral("max_position_per_symbol"), QJsonValue())
                                     << QJsonObject{{QStringLiteral("max_position_per_symbol"), kWhole}};
        QTest::newRow("every limit wrong")
            << limits
            << QJsonObject{{QStringLiteral("max_position_per_symbol"), QStringLiteral("lots")},
                           {QStringLiteral("max_notional_total"), 5},
                           {QStringLiteral("max_open_orders"), QJsonArray{1}}}
            << QJsonObject{{QStringLiteral("max_position_per_symbol"), kWhole},
                           {QStringLiteral("max_notional_total"), QStringLiteral("Must be between 1000 and 10000000")},
                           {QStringLiteral("max_open_orders"), kWhole}};
        QTest::newRow("bool as string") << defaults << with(kSystemDefaults, QStringLiteral("dry_run"), QStringLiteral("true"))
                                        << QJsonObject{{QStringLiteral("dry_run"), kBool}};
        QTest::newRow("bool as number") << defaults << with(kSystemDefaults, QStringLiteral("circuit_breaker_enabled"), 1)
                                        << QJsonObject{{QStringLiteral("circuit_breaker_enabled"), kBool}};
        QTest::newRow("number as string") << defaults << with(kSystemDefaults, QStringLiteral("drawdown_threshold"), QStringLiteral("0.05"))
                                          << QJsonObject{{QStringLiteral("drawdown_threshold"), kNumber}};
        QTest::newRow("time as number") << hours << with(kTradingHours, QStringLiteral("market_open"), 930)
                                        << QJsonObject{{QStringLiteral("market_open"), kTime}};
        QTest::newRow("flag as string") << hours << with(kTradingHours, QStringLiteral("after_hours_enabled"), QStringLiteral("no"))
                                        << QJsonObject{{QStringLiteral("after_hours_enabled"), kBool}};
    }

    void wrongTypes()
    {
        QFETCH(QString, key);
        QFETCH(QJsonObject, value);
        QFETCH(QJsonObject, fields);
        expectValidation(key, value, fields);
    }

    void unknownAndMissingFields_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonObject>("value");
        QTest::addColumn<QJsonObject>("fields");
        const QString required = QStringLiteral("Required");
        const QString unknown = QStringLiteral("Unknown field");
        QTest::newRow("unknown field") << QStringLiteral("trading_hours")
                                       << with(kTradingHours, QStringLiteral("timezone"), QStringLiteral("America/New_York"))
                                       << QJsonObject{{QStringLiteral("timezone"), unknown}};
        QTest::newRow("missing field") << QStringLiteral("trading_hours")
                                       << with(kTradingHours, QStringLiteral("after_hours_enabled"), QJsonValue(QJsonValue::Undefined))
                                       << QJsonObject{{QStringLiteral("after_hours_enabled"), required}};
        QTest::newRow("field of another document")
            << QStringLiteral("system_defaults") << with(kSystemDefaults, QStringLiteral("max_open_orders"), 10)
            << QJsonObject{{QStringLiteral("max_open_orders"), unknown}};
        QTest::newRow("missing and unknown")
            << QStringLiteral("position_limits")
            << with(with(kPositionLimits, QStringLiteral("max_open_orders"), QJsonValue(QJsonValue::Undefined)),
                    QStringLiteral("max_orders"), 100)
            << QJsonObject{{QStringLiteral("max_open_orders"), required}, {QStringLiteral("max_orders"), unknown}};
        QTest::newRow("empty document") << QStringLiteral("system_defaults") << QJsonObject()
                                        << QJsonObject{{QStringLiteral("dry_run"), required},
                                                       {QStringLiteral("circuit_breaker_enabled"), required},
                                                       {QStringLiteral("drawdown_threshold"), required}};
    }

    void unknownAndMissingFields()
    {
        QFETCH(QString, key);
        QFETCH(QJsonObject, value);
        QFETCH(QJsonObject, fields);
        expectValidation(key, value, fields);
    }

    void everySaveIsAudited()
    {
        QCOMPARE(m_saves, 14);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'CONFIG_UPDATE' AND outcome = 'success'")),
                 m_saves);
        QCOMPARE(scalar(QStringLiteral("SELECT sum(version - 1) FROM system_config")), m_saves);
        // Each success row: old and new documents and consecutive versions, matching the saves in order.
        QSqlQuery q = sql(QStringLiteral(
            "SELECT count(*), bool_and(jsonb_typeof(details->'old') = 'object' AND jsonb_typeof(details->'new') = 'object' "
            "AND (details->>'new_version')::int = (details->>'old_version')::int + 1 AND event_type = 'admin' "
            "AND resource_type = 'config' AND user_id = 'admin' AND request_id <> '' AND session_id <> ''), "
            "count(DISTINCT (resource_id, details->>'new_version')) "
            "FROM audit_log WHERE action = 'CONFIG_UPDATE' AND outcome = 'success'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), m_saves);
        QVERIFY(q.value(1).toBool());
        QCOMPARE(q.value(2).toInt(), m_saves);
        // The last trading_hours save's "new" is what is stored now.
        QSqlQuery last = sql(QStringLiteral("SELECT CAST(details->'new' AS text), (details->>'new_version')::int FROM audit_log "
                                            "WHERE action = 'CONFIG_UPDATE' AND outcome = 'success' AND resource_id = 'trading_hours' "
                                            "ORDER BY id DESC LIMIT 1"));
        QVERIFY(last.next());
        QCOMPARE(QJsonDocument::fromJson(last.value(0).toString().toUtf8()).object(), stored(QStringLiteral("trading_hours")));
        QCOMPARE(last.value(1).toLongLong(), version(QStringLiteral("trading_hours")));
        // Refusals other than 403 and 412 (400, 404, 422, 428) leave no row.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'CONFIG_UPDATE'")), m_saves + m_conflicts + 2);
    }
};

QTEST_GUILESS_MAIN(TstSandboxConfig)
#include "tst_sandbox_config.moc"
