// The sandbox's API keys over raw HTTP: create (validation, the secret handed out once, only a
// salted hash stored), the protected sample route GET /api/v1/positions with X-API-Key or
// Authorization: ApiKey, scopes, rotation with a 24 h grace proven by advancing the sandbox clock,
// immediate revocation, expiry, last_used_at at most once a minute, the audit rows, and that no
// secret ever reaches the database or a log line. No models/ classes: this checks the platform
// itself. The slots run in order and share state.

#include "Sandbox.h"
#include "SandboxHttp.h"
#include "TestPostgres.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QMutex>
#include <QtCore/QRegularExpression>
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

const QString kDb = QStringLiteral("ops_e2e_sandbox_apikeys");
const QString kSqlConn = QStringLiteral("tst_sandbox_apikeys");
const QString kRevokeReason = QStringLiteral("Key leaked in a CI log on 2024-05-01, see INC-42");
const QString kPositions = QStringLiteral("api/v1/positions");
const QString kKeys = QStringLiteral("api/v1/admin/api-keys");
constexpr qint64 kDaySecs = 24 * 3600;

QString isoZ(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) + QLatin1Char('Z');
}

// Every message any code in this process logged while the test ran (the sandbox runs in-process).
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TstSandboxApiKeys : public QObject
{
    Q_OBJECT

    TestPostgres m_pg;
    std::unique_ptr<opssandbox::Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    QByteArray m_viewer;
    QByteArray m_operator;
    QByteArray m_admin;

    // Shared between the slots.
    QStringList m_secrets; // every full key handed out
    qint64 m_readerId = 0; // "Reporting bot": read_positions + read_orders
    QByteArray m_reader;
    QByteArray m_ordersOnly; // read_orders only
    qint64 m_rotatedId = 0;  // the key that replaced m_reader
    QByteArray m_rotated;

    Answer send(const QUrl &url, const QByteArray &verb, const QByteArray &payload, const Headers &headers)
    {
        return ops::test::send(m_nam, url, verb, payload, headers);
    }

    Answer call(const QByteArray &verb, const QString &path, const QByteArray &token, const QByteArray &payload = {},
                const QByteArray &requestId = {})
    {
        return send(m_sandbox->apiBaseUrl().resolved(QUrl(path)), verb, payload, apiHeaders(token, requestId));
    }

    // GET /api/v1/positions with an API key in X-API-Key (or in Authorization: ApiKey).
    Answer positions(const QByteArray &key, bool viaAuthorization = false)
    {
        const Headers headers{viaAuthorization
                                  ? std::pair<QByteArray, QByteArray>(QByteArrayLiteral("Authorization"), "ApiKey " + key)
                                  : std::pair<QByteArray, QByteArray>(QByteArrayLiteral("X-API-Key"), key)};
        return send(m_sandbox->apiBaseUrl().resolved(QUrl(kPositions)), "GET", {}, headers);
    }

    QByteArray tokenFor(const QString &user) { return signInToken(m_nam, m_sandbox->apiBaseUrl(), user); }

    bool signIn()
    {
        m_viewer = tokenFor(QStringLiteral("viewer"));
        m_operator = tokenFor(QStringLiteral("operator"));
        m_admin = tokenFor(QStringLiteral("admin"));
        return !m_viewer.isEmpty() && !m_operator.isEmpty() && !m_admin.isEmpty();
    }

    Answer create(const QJsonObject &o, const QByteArray &token = {}, const QByteArray &requestId = {})
    {
        return call("POST", kKeys, token.isEmpty() ? m_admin : token, body(o), requestId);
    }
    Answer rotate(qint64 id, const QByteArray &requestId = {})
    {
        return call("POST", kKeys + QStringLiteral("/%1/rotate").arg(id), m_admin, {}, requestId);
    }
    Answer revoke(qint64 id, const QString &reason, const QByteArray &requestId = {})
    {
        return call("POST", kKeys + QStringLiteral("/%1/revoke").arg(id), m_admin,
                    body(QJsonObject{{QStringLiteral("reason"), reason}}), requestId);
    }
    QJsonObject listed(qint64 id)
    {
        const Answer a = call("GET", kKeys, m_admin);
        for (const QJsonValue &k : a.json.value(QStringLiteral("keys")).toArray())
            if (k.toObject().value(QStringLiteral("id")).toInteger() == id)
                return k.toObject();
        return {};
    }

    static void expectInvalidKey(const Answer &a)
    {
        QVERIFY2(a.status == 401, qPrintable(QStringLiteral("%1 %2").arg(a.status).arg(QString::fromUtf8(a.body))));
        QCOMPARE(a.body, QByteArrayLiteral("{\"error\":\"invalid_api_key\"}")); // no hint which check failed
    }

    QSqlQuery sql(const QString &text, const QVariantList &values = {}) { return ops::test::sql(kSqlConn, text, values); }

    qint64 scalar(const QString &text, const QVariantList &values = {}) { return ops::test::scalar(kSqlConn, text, values); }

    QVariant lastUsedMs(qint64 id)
    {
        QSqlQuery q = sql(QStringLiteral("SELECT CAST(extract(epoch FROM last_used_at) * 1000 AS bigint) FROM api_keys "
                                         "WHERE id = ?"),
                          {id});
        return q.next() ? q.value(0) : QVariant(QStringLiteral("no row"));
    }

    // Every column of every row of a table as text (bytea as hex).
    QString dump(const char *table)
    {
        QSqlQuery q = sql(QStringLiteral("SELECT coalesce(string_agg(row_to_json(t)::text, E'\\n'), '') FROM %1 t")
                              .arg(QLatin1String(table)));
        return q.next() ? q.value(0).toString() : QStringLiteral("<query failed>");
    }

    static QByteArray secretPart(const QString &fullKey) { return fullKey.section(QLatin1Char('.'), 1).toLatin1(); }

private slots:
    void initTestCase()
    {
        QString error;
        m_pg = TestPostgres::fromEnvironment(&error);
        QVERIFY2(m_pg.isValid(), qPrintable(error));
        QVERIFY2(dropDatabase(m_pg, kDb, QStringLiteral("tst_sandbox_apikeys_admin"), &error), qPrintable(error));

        g_previousHandler = qInstallMessageHandler(captureMessage);

        opssandbox::SandboxConfig config = sandboxConfig(m_pg, kDb);
        m_sandbox = std::make_unique<opssandbox::Sandbox>();
        QVERIFY2(m_sandbox->start(config, &error), qPrintable(error));

        QSqlDatabase db = openDatabase(kSqlConn, m_pg, kDb);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QVERIFY(signIn());
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        if (QSqlDatabase::contains(kSqlConn)) {
            QSqlDatabase::database(kSqlConn).close();
            QSqlDatabase::removeDatabase(kSqlConn);
        }
        m_sandbox.reset();
    }

    void startsEmpty()
    {
        const Answer a = call("GET", kKeys, m_admin);
        QVERIFY2(a.status == 200, a.body.constData());
        QCOMPARE(a.body, QByteArrayLiteral("{\"keys\":[]}"));
        expectError(call("GET", kKeys, {}), 401, QStringLiteral("unauthenticated"));
        expectError(call("PUT", kKeys, m_admin), 405, QStringLiteral("method_not_allowed"));
        expectError(call("GET", kKeys + QStringLiteral("/1/rotate"), m_admin), 405, QStringLiteral("method_not_allowed"));
        for (const char *bad : {"/1", "/abc/rotate", "/0/rotate", "/1/delete", "/1/rotate/x", "/-1/revoke"})
            expectError(call("POST", kKeys + QLatin1String(bad), m_admin), 404, QStringLiteral("not_found"));
    }

    void createValidation_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QJsonObject>("fields");
        const QString nameError = QStringLiteral("Name must be 3–50 characters");
        const QString scopeError = QStringLiteral("Choose at least one scope");
        const QString expiryError = QStringLiteral("Expiry must be in the future");
        const QJsonArray read{QStringLiteral("read_positions")};
        auto row = [](const char *tag, const QJsonObject &payload, const QJsonObject &fields) {
            QTest::newRow(tag) << body(payload) << fields;
        };
        row("2-char name", {{QStringLiteral("name"), QStringLiteral("ab")}, {QStringLiteral("scopes"), read}},
            {{QStringLiteral("name"), nameError}});
        row("51-char name", {{QStringLiteral("name"), QString(51, QLatin1Char('n'))}, {QStringLiteral("scopes"), read}},
            {{QStringLiteral("name"), nameError}});
        row("2 chars after trimming", {{QStringLiteral("name"), QStringLiteral("   ab \t ")}, {QStringLiteral("scopes"), read}},
            {{QStringLiteral("name"), nameError}});
        row("name missing", {{QStringLiteral("scopes"), read}}, {{QStringLiteral("name"), nameError}});
        row("name not a string", {{QStringLiteral("name"), 12345}, {QStringLiteral("scopes"), read}},
            {{QStringLiteral("name"), nameError}});
        row("no scopes", {{QStringLiteral("name"), QStringLiteral("Reporting")}, {QStringLiteral("scopes"), QJsonArray()}},
            {{QStringLiteral("scopes"), scopeError}});
        row("scopes missing", {{QStringLiteral("name"), QStringLiteral("Reporting")}},
            {{QStringLiteral("scopes"), scopeError}});
        row("unknown scope",
            {{QStringLiteral("name"), QStringLiteral("Reporting")},
             {QStringLiteral("scopes"), QJsonArray{QStringLiteral("read_positions"), QStringLiteral("admin_all")}}},
            {{QStringLiteral("scopes"), QStringLiteral("Unknown scope: admin_all")}});
        row("past expiry",
            {{QStringLiteral("name"), QStringLiteral("Reporting")}, {QStringLiteral("scopes"), read},
             {QStringLiteral("expires_at"), isoZ(m_sandbox->now().addSecs(-60))}},
            {{QStringLiteral("expires_at"), expiryError}});
        row("expiry now",
            {{QStringLiteral("name"), QStringLiteral("Reporting")}, {QStringLiteral("scopes"), read},
             {QStringLiteral("expires_at"), isoZ(m_sandbox->now().addMSecs(-1))}},
            {{QStringLiteral("expires_at"), expiryError}});
        row("unparsable expiry",
            {{QStringLiteral("name"), QStringLiteral("Reporting")}, {QStringLiteral("scopes"), read},
             {QStringLiteral("expires_at"), QStringLiteral("tomorrow")}},
            {{QStringLiteral("expires_at"), QStringLiteral("Expiry must be an ISO-8601 date and time with Z or an offset")}});
        row("expiry without a zone",
            {{QStringLiteral("name"), QStringLiteral("Reporting")}, {QStringLiteral("scopes"), read},
             {QStringLiteral("expires_at"), QStringLiteral("2099-01-01T00:00:00")}},
            {{QStringLiteral("expires_at"), QStringLiteral("Expiry must be an ISO-8601 date and time with Z or an offset")}});
        row("everything at once",
            {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("scopes"), QJsonArray()},
             {QStringLiteral("expires_at"), QStringLiteral("2001-01-01T00:00:00Z")}},
            {{QStringLiteral("name"), nameError}, {QStringLiteral("scopes"), scopeError}, {QStringLiteral("expires_at"), expiryError}});
    }

    void createValidation()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QJsonObject, fields);
        const Answer a = call("POST", kKeys, m_admin, payload);
        expectError(a, 422, QStringLiteral("validation_failed"));
        QCOMPARE(a.json.value(QStringLiteral("fields")).toObject(), fields);
        QCOMPARE(a.json.size(), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM api_keys")), 0);
    }

    void badBodiesAreRefused()
    {
        expectError(call("POST", kKeys, m_admin, QByteArrayLiteral("{not json")), 400, QStringLiteral("invalid_body"));
        expectError(call("POST", kKeys, m_admin, QByteArrayLiteral("[\"read_positions\"]")), 400, QStringLiteral("invalid_body"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM api_keys")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE event_type = 'admin'")), 0); // 400/422 not audited
    }

    void nonAdminIsRefusedAndAudited_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("resourceId");
        QTest::newRow("operator create") << QStringLiteral("operator") << kKeys << QStringLiteral("API_KEY_CREATE") << QString();
        QTest::newRow("viewer create") << QStringLiteral("viewer") << kKeys << QStringLiteral("API_KEY_CREATE") << QString();
        QTest::newRow("operator rotate") << QStringLiteral("operator") << kKeys + QStringLiteral("/7/rotate")
                                         << QStringLiteral("API_KEY_ROTATE") << QStringLiteral("7");
        QTest::newRow("operator revoke") << QStringLiteral("operator") << kKeys + QStringLiteral("/8/revoke")
                                         << QStringLiteral("API_KEY_REVOKE") << QStringLiteral("8");
    }

    void nonAdminIsRefusedAndAudited()
    {
        QFETCH(QString, user);
        QFETCH(QString, path);
        QFETCH(QString, action);
        QFETCH(QString, resourceId);
        const QByteArray token = user == QLatin1String("viewer") ? m_viewer : m_operator;
        const QByteArray rid = "denied-" + QByteArray(QTest::currentDataTag()).replace(' ', '-');
        const Answer a = call("POST", path, token,
                              body(QJsonObject{{QStringLiteral("name"), QStringLiteral("Sneaky key")},
                                               {QStringLiteral("scopes"), QJsonArray{QStringLiteral("write_orders")}},
                                               {QStringLiteral("reason"), kRevokeReason}}),
                              rid);
        QVERIFY2(a.status == 403, a.body.constData());
        QCOMPARE(a.body, QByteArrayLiteral("{\"error\":\"permission_denied\",\"permission\":\"api_keys:manage\"}"));
        QSqlQuery q = sql(QStringLiteral("SELECT user_id, action, outcome, event_type, resource_type, resource_id, "
                                         "details->>'permission', details->>'role', reason FROM audit_log WHERE request_id = ?"),
                          {QString::fromLatin1(rid)});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), user);
        QCOMPARE(q.value(1).toString(), action);
        QCOMPARE(q.value(2).toString(), QStringLiteral("denied"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("admin"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("api_key"));
        QCOMPARE(q.value(5).isNull(), resourceId.isEmpty());
        QCOMPARE(q.value(5).toString(), resourceId);
        QCOMPARE(q.value(6).toString(), QStringLiteral("api_keys:manage"));
        QCOMPARE(q.value(7).toString(), user);
        QCOMPARE(q.value(8).toString(), action == QLatin1String("API_KEY_REVOKE") ? kRevokeReason : QString());
        QVERIFY(!q.next());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM api_keys")), 0);
    }

    void nonAdminCannotList()
    {
        const Answer a = call("GET", kKeys, m_operator);
        expectError(a, 403, QStringLiteral("permission_denied"));
        QCOMPARE(a.json.value(QStringLiteral("permission")).toString(), QStringLiteral("api_keys:manage"));
        QCOMPARE(call("GET", kKeys, m_viewer).status, 403);
    }

    void adminCreates()
    {
        const QDateTime before = m_sandbox->now();
        const Answer a = create({{QStringLiteral("name"), QStringLiteral("  Reporting bot  ")},
                                 {QStringLiteral("scopes"), QJsonArray{QStringLiteral("read_orders"), QStringLiteral("read_positions"),
                                                                       QStringLiteral("read_orders")}}},
                                {}, QByteArrayLiteral("create-reporting"));
        QVERIFY2(a.status == 201, a.body.constData());
        QCOMPARE(a.json.size(), 3);
        const QString secret = a.json.value(QStringLiteral("secret")).toString();
        static const QRegularExpression shape(QStringLiteral("^(tp_test_[a-z0-9]{8})\\.([A-Za-z0-9_-]{43})$"));
        const auto match = shape.match(secret);
        QVERIFY2(match.hasMatch(), qPrintable(secret));
        const QByteArray raw = QByteArray::fromBase64(match.captured(2).toLatin1(),
                                                      QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QCOMPARE(raw.size(), 32);
        m_secrets << secret;

        const QJsonObject key = a.json.value(QStringLiteral("key")).toObject();
        QCOMPARE(key.size(), 14);
        m_readerId = key.value(QStringLiteral("id")).toInteger();
        QVERIFY(m_readerId > 0);
        m_reader = secret.toLatin1();
        QCOMPARE(key.value(QStringLiteral("name")).toString(), QStringLiteral("Reporting bot"));
        QCOMPARE(key.value(QStringLiteral("prefix")).toString(), match.captured(1));
        QCOMPARE(key.value(QStringLiteral("scopes")).toArray(),
                 (QJsonArray{QStringLiteral("read_positions"), QStringLiteral("read_orders")})); // deduplicated, canonical order
        QCOMPARE(key.value(QStringLiteral("created_by")).toString(), QStringLiteral("admin"));
        QCOMPARE(key.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        const QDateTime created = parseTime(key.value(QStringLiteral("created_at")));
        QVERIFY(key.value(QStringLiteral("created_at")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(created >= before.addMSecs(-1) && created <= m_sandbox->now());
        for (const char *field : {"expires_at", "last_used_at", "revoked_at", "revoked_by", "revoke_reason", "rotated_from",
                                  "grace_expires_at"})
            QVERIFY2(key.value(QLatin1String(field)).isNull(), field);

        // Stored: SHA-256(salt || secret) with a 16-byte salt, nothing else.
        QSqlQuery q = sql(QStringLiteral("SELECT key_hash, key_salt, array_to_string(scopes, ',') FROM api_keys WHERE id = ?"),
                          {m_readerId});
        QVERIFY(q.next());
        const QByteArray salt = q.value(1).toByteArray();
        QCOMPARE(salt.size(), 16);
        QCOMPARE(q.value(0).toByteArray(), QCryptographicHash::hash(salt + secretPart(secret), QCryptographicHash::Sha256));
        QCOMPARE(q.value(2).toString(), QStringLiteral("read_positions,read_orders"));

        // The audit row: who, what, which key; never the secret.
        const qint64 auditId = a.json.value(QStringLiteral("audit_id")).toInteger();
        QSqlQuery audit = sql(QStringLiteral("SELECT user_id, action, event_type, resource_type, resource_id, outcome, request_id, "
                                             "details->>'name', details->>'prefix', details->'scopes'->>0, "
                                             "jsonb_array_length(details->'scopes'), session_id, ip_address "
                                             "FROM audit_log WHERE id = ?"),
                              {auditId});
        QVERIFY(audit.next());
        QCOMPARE(audit.value(0).toString(), QStringLiteral("admin"));
        QCOMPARE(audit.value(1).toString(), QStringLiteral("API_KEY_CREATE"));
        QCOMPARE(audit.value(2).toString(), QStringLiteral("admin"));
        QCOMPARE(audit.value(3).toString(), QStringLiteral("api_key"));
        QCOMPARE(audit.value(4).toString(), QString::number(m_readerId));
        QCOMPARE(audit.value(5).toString(), QStringLiteral("success"));
        QCOMPARE(audit.value(6).toString(), QStringLiteral("create-reporting"));
        QCOMPARE(audit.value(7).toString(), QStringLiteral("Reporting bot"));
        QCOMPARE(audit.value(8).toString(), match.captured(1));
        QCOMPARE(audit.value(9).toString(), QStringLiteral("read_positions"));
        QCOMPARE(audit.value(10).toInt(), 2);
        QVERIFY(!audit.value(11).toString().isEmpty());
        QCOMPARE(audit.value(12).toString(), QStringLiteral("127.0.0.1"));

        // More keys: orders only, and the name length bounds (3 and 50 characters) with an expiry.
        const Answer orders = create({{QStringLiteral("name"), QStringLiteral("Order reader")},
                                      {QStringLiteral("scopes"), QJsonArray{QStringLiteral("read_orders")}}});
        QCOMPARE(orders.status, 201);
        m_ordersOnly = orders.json.value(QStringLiteral("secret")).toString().toLatin1();
        m_secrets << QString::fromLatin1(m_ordersOnly);
        const QDateTime expiry = m_sandbox->now().addDays(30);
        const Answer shortName = create({{QStringLiteral("name"), QStringLiteral("abc")},
                                         {QStringLiteral("scopes"), QJsonArray{QStringLiteral("write_orders")}},
                                         {QStringLiteral("expires_at"), isoZ(expiry)}});
        QVERIFY2(shortName.status == 201, shortName.body.constData());
        QCOMPARE(shortName.json.value(QStringLiteral("key")).toObject().value(QStringLiteral("expires_at")).toString(), isoZ(expiry));
        m_secrets << shortName.json.value(QStringLiteral("secret")).toString();
        const Answer longName = create({{QStringLiteral("name"), QString(50, QLatin1Char('L'))},
                                        {QStringLiteral("scopes"), QJsonArray{QStringLiteral("read_strategies")}},
                                        {QStringLiteral("expires_at"), expiry.toOffsetFromUtc(7200).toString(Qt::ISODate)}});
        QVERIFY2(longName.status == 201, longName.body.constData());
        QCOMPARE(parseTime(longName.json.value(QStringLiteral("key")).toObject().value(QStringLiteral("expires_at"))).toSecsSinceEpoch(),
                 expiry.toSecsSinceEpoch());
        m_secrets << longName.json.value(QStringLiteral("secret")).toString();

        // Newest first; prefixes and secrets all different.
        const Answer list = call("GET", kKeys, m_admin);
        QCOMPARE(list.status, 200);
        const QJsonArray keys = list.json.value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 4);
        QCOMPARE(keys.at(0).toObject().value(QStringLiteral("name")).toString(), QString(50, QLatin1Char('L')));
        QCOMPARE(keys.at(3).toObject(), key);
        QSet<QString> prefixes;
        for (int i = 0; i < keys.size(); ++i) {
            prefixes.insert(keys.at(i).toObject().value(QStringLiteral("prefix")).toString());
            if (i > 0)
                QVERIFY(keys.at(i - 1).toObject().value(QStringLiteral("id")).toInteger()
                        > keys.at(i).toObject().value(QStringLiteral("id")).toInteger());
        }
        QCOMPARE(prefixes.size(), 4);
        QCOMPARE(QSet<QString>(m_secrets.cbegin(), m_secrets.cend()).size(), 4);
        QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT prefix) FROM api_keys")), 4);
    }

    void databaseHoldsNoSecret()
    {
        const QString keys = dump("api_keys");
        const QString audit = dump("audit_log");
        QVERIFY(keys.contains(QLatin1String("Reporting bot"))); // the dump works
        QVERIFY(audit.contains(QLatin1String("API_KEY_CREATE")));
        for (const QString &secret : std::as_const(m_secrets)) {
            const QString part = QString::fromLatin1(secretPart(secret));
            QVERIFY2(!keys.contains(part), "a secret is stored in api_keys");
            QVERIFY2(!audit.contains(part), "a secret is stored in audit_log");
            QVERIFY(keys.contains(secret.section(QLatin1Char('.'), 0, 0))); // the public prefix is
        }
    }

    void keyReadsPositions()
    {
        const Answer a = positions(m_reader);
        QVERIFY2(a.status == 200, a.body.constData());
        const QJsonArray rows = a.json.value(QStringLiteral("positions")).toArray();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("symbol")).toString(), QStringLiteral("AAPL"));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("qty")), QJsonValue(100));
        const Answer viaAuthorization = positions(m_reader, true);
        QCOMPARE(viaAuthorization.status, 200);
        QCOMPARE(viaAuthorization.json.value(QStringLiteral("positions")), a.json.value(QStringLiteral("positions")));

        const Answer wrongScope = positions(m_ordersOnly);
        QVERIFY2(wrongScope.status == 403, wrongScope.body.constData());
        QCOMPARE(wrongScope.body, QByteArrayLiteral("{\"error\":\"insufficient_scope\",\"scope\":\"read_positions\"}"));

        // A bearer token with health:view may read it too; without any credentials: 401.
        QCOMPARE(call("GET", kPositions, m_viewer).status, 200);
        expectError(call("GET", kPositions, {}), 401, QStringLiteral("unauthenticated"));
        expectError(call("POST", kPositions, m_viewer), 405, QStringLiteral("method_not_allowed"));

        // API keys open nothing else.
        const Answer admin = send(m_sandbox->apiBaseUrl().resolved(QUrl(kKeys)), "GET", {},
                                  {{QByteArrayLiteral("X-API-Key"), m_reader}});
        expectError(admin, 401, QStringLiteral("unauthenticated"));
    }

    void invalidKeysAllLookTheSame_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<bool>("viaAuthorization");
        const QByteArray good = m_reader;
        const QByteArray prefix = good.left(good.indexOf('.'));
        QByteArray flipped = good;
        flipped[flipped.size() - 1] = flipped.at(flipped.size() - 1) == 'A' ? 'B' : 'A';
        QTest::newRow("empty") << QByteArray() << true; // "Authorization: ApiKey" without a key
        QTest::newRow("garbage") << QByteArrayLiteral("not-a-key") << false;
        QTest::newRow("prefix only") << prefix << false;
        QTest::newRow("wrong secret") << flipped << false;
        QTest::newRow("wrong secret via Authorization") << flipped << true;
        QTest::newRow("unknown prefix") << QByteArrayLiteral("tp_test_zzzzzzzz") + good.mid(good.indexOf('.')) << false;
        QTest::newRow("live prefix") << QByteArrayLiteral("tp_live_") + good.mid(8) << false;
        QTest::newRow("trailing garbage") << good + "x" << false;
        QTest::newRow("secret of another key") << prefix + m_ordersOnly.mid(m_ordersOnly.indexOf('.')) << false;
        QTest::newRow("bearer token as key") << m_admin << true;
    }

    void invalidKeysAllLookTheSame()
    {
        QFETCH(QByteArray, key);
        QFETCH(bool, viaAuthorization);
        expectInvalidKey(positions(key, viaAuthorization));
    }

    void lastUsedAtAtMostOncePerMinute()
    {
        const Answer a = create({{QStringLiteral("name"), QStringLiteral("Usage probe")},
                                 {QStringLiteral("scopes"), QJsonArray{QStringLiteral("read_positions")}}});
        QCOMPARE(a.status, 201);
        const QByteArray key = a.json.value(QStringLiteral("secret")).toString().toLatin1();
        m_secrets << QString::fromLatin1(key);
        const qint64 id = a.json.value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(lastUsedMs(id).isNull());

        const qint64 firstUse = m_sandbox->now().toMSecsSinceEpoch();
        QCOMPARE(positions(key).status, 200);
        const QVariant first = lastUsedMs(id);
        QVERIFY(!first.isNull());
        QVERIFY(first.toLongLong() >= firstUse - 1 && first.toLongLong() <= m_sandbox->now().toMSecsSinceEpoch());
        QCOMPARE(parseTime(listed(id).value(QStringLiteral("last_used_at"))).toMSecsSinceEpoch(), first.toLongLong());

        QCOMPARE(positions(key).status, 200);
        QCOMPARE(lastUsedMs(id), first); // same minute: not written again
        m_sandbox->advanceClock(30);
        QCOMPARE(positions(key).status, 200);
        QCOMPARE(lastUsedMs(id), first);
        m_sandbox->advanceClock(31); // 61 s after the first use
        QCOMPARE(positions(key).status, 200);
        const QVariant second = lastUsedMs(id);
        QVERIFY(second.toLongLong() >= first.toLongLong() + 61000);
        QVERIFY(second.toLongLong() <= m_sandbox->now().toMSecsSinceEpoch());
        QCOMPARE(parseTime(listed(id).value(QStringLiteral("last_used_at"))).toMSecsSinceEpoch(), second.toLongLong());
    }

    void rotationKeepsBothKeysFor24Hours()
    {
        const QDateTime before = m_sandbox->now();
        const Answer a = rotate(m_readerId, QByteArrayLiteral("rotate-reporting"));
        QVERIFY2(a.status == 201, a.body.constData());
        QCOMPARE(a.json.size(), 4);
        const QJsonObject fresh = a.json.value(QStringLiteral("key")).toObject();
        const QJsonObject old = a.json.value(QStringLiteral("old_key")).toObject();
        m_rotated = a.json.value(QStringLiteral("secret")).toString().toLatin1();
        m_secrets << QString::fromLatin1(m_rotated);
        m_rotatedId = fresh.value(QStringLiteral("id")).toInteger();
        QVERIFY(m_rotatedId > m_readerId);
        QVERIFY(m_rotated.startsWith(fresh.value(QStringLiteral("prefix")).toString().toLatin1() + '.'));
        QVERIFY(fresh.value(QStringLiteral("prefix")) != old.value(QStringLiteral("prefix")));
        QCOMPARE(fresh.value(QStringLiteral("name")).toString(), QStringLiteral("Reporting bot"));
        QCOMPARE(fresh.value(QStringLiteral("scopes")), old.value(QStringLiteral("scopes")));
        QCOMPARE(fresh.value(QStringLiteral("expires_at")), old.value(QStringLiteral("expires_at")));
        QCOMPARE(fresh.value(QStringLiteral("rotated_from")), QJsonValue(m_readerId));
        QCOMPARE(fresh.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QVERIFY(fresh.value(QStringLiteral("grace_expires_at")).isNull());
        QVERIFY(fresh.value(QStringLiteral("last_used_at")).isNull());

        QCOMPARE(old.value(QStringLiteral("id")), QJsonValue(m_readerId));
        QCOMPARE(old.value(QStringLiteral("status")).toString(), QStringLiteral("expiring"));
        const QDateTime grace = parseTime(old.value(QStringLiteral("grace_expires_at")));
        QVERIFY(grace >= before.addSecs(kDaySecs) && grace <= m_sandbox->now().addSecs(kDaySecs));
        QCOMPARE(listed(m_readerId).value(QStringLiteral("status")).toString(), QStringLiteral("expiring"));

        QSqlQuery audit = sql(QStringLiteral("SELECT action, outcome, resource_id, details->>'name', details->>'prefix', "
                                             "(details->>'new_key_id')::bigint, details->>'new_prefix', user_id, event_type "
                                             "FROM audit_log WHERE id = ?"),
                              {a.json.value(QStringLiteral("audit_id")).toInteger()});
        QVERIFY(audit.next());
        QCOMPARE(audit.value(0).toString(), QStringLiteral("API_KEY_ROTATE"));
        QCOMPARE(audit.value(1).toString(), QStringLiteral("success"));
        QCOMPARE(audit.value(2).toString(), QString::number(m_readerId));
        QCOMPARE(audit.value(3).toString(), QStringLiteral("Reporting bot"));
        QCOMPARE(audit.value(4).toString(), old.value(QStringLiteral("prefix")).toString());
        QCOMPARE(audit.value(5).toLongLong(), m_rotatedId);
        QCOMPARE(audit.value(6).toString(), fresh.value(QStringLiteral("prefix")).toString());
        QCOMPARE(audit.value(7).toString(), QStringLiteral("admin"));
        QCOMPARE(audit.value(8).toString(), QStringLiteral("admin"));

        // Both keys work now; the old one cannot be rotated a second time.
        QCOMPARE(positions(m_reader).status, 200);
        QCOMPARE(positions(m_rotated).status, 200);
        const Answer again = rotate(m_readerId);
        expectError(again, 409, QStringLiteral("not_rotatable"));
        QVERIFY(again.json.value(QStringLiteral("detail")).toString().contains(QLatin1String("already being rotated")));
        expectError(rotate(987654), 404, QStringLiteral("not_found"));

        // Just before the grace ends the old key still works; one second after it, 401.
        const qint64 untilGrace = m_sandbox->now().secsTo(grace);
        m_sandbox->advanceClock(int(untilGrace - 5));
        QCOMPARE(positions(m_reader).status, 200);
        m_sandbox->advanceClock(6); // now ≥ grace_expires_at (24 h + 1 s after the rotation at the latest)
        QVERIFY(m_sandbox->now() > grace);
        expectInvalidKey(positions(m_reader));
        QCOMPARE(positions(m_rotated).status, 200);
        QVERIFY(signIn()); // tokens do not survive a day
        QCOMPARE(listed(m_readerId).value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
        QCOMPARE(listed(m_rotatedId).value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        const Answer expiredRotate = rotate(m_readerId);
        expectError(expiredRotate, 409, QStringLiteral("not_rotatable"));
        QCOMPARE(expiredRotate.json.value(QStringLiteral("detail")).toString(), QStringLiteral("The key has expired"));
    }

    void revocationIsImmediate()
    {
        const QString path = kKeys + QStringLiteral("/%1/revoke").arg(m_rotatedId);
        const Answer tooShort = revoke(m_rotatedId, QStringLiteral("leaked"));
        expectError(tooShort, 422, QStringLiteral("reason_too_short"));
        QCOMPARE(tooShort.json.value(QStringLiteral("visible_length")), QJsonValue(6));
        QCOMPARE(tooShort.json.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Reason must have at least 20 visible characters"));
        // The breaker's visible-character rule: spaces, zero-width and bidi controls do not count.
        const Answer invisible = revoke(m_rotatedId, QStringLiteral("\u202E") + QString(19, QLatin1Char('a'))
                                                         + QStringLiteral("    \u200B\u200B\u200B\u2066\u2069"));
        expectError(invisible, 422, QStringLiteral("reason_too_short"));
        QCOMPARE(invisible.json.value(QStringLiteral("visible_length")), QJsonValue(19));
        expectError(call("POST", path, m_admin, QByteArrayLiteral("{}")), 422, QStringLiteral("reason_too_short"));
        expectError(call("POST", path, m_admin, QByteArrayLiteral("nope")), 400, QStringLiteral("invalid_body"));
        QCOMPARE(positions(m_rotated).status, 200); // nothing changed
        expectError(revoke(987654, kRevokeReason), 404, QStringLiteral("not_found"));

        const Answer a = revoke(m_rotatedId, QStringLiteral("  ") + kRevokeReason + QStringLiteral("\u202C\t"),
                                QByteArrayLiteral("revoke-reporting"));
        QVERIFY2(a.status == 200, a.body.constData());
        QCOMPARE(a.json.size(), 2);
        const QJsonObject key = a.json.value(QStringLiteral("key")).toObject();
        QCOMPARE(key.value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(key.value(QStringLiteral("revoked_by")).toString(), QStringLiteral("admin"));
        QCOMPARE(key.value(QStringLiteral("revoke_reason")).toString(), kRevokeReason);
        QVERIFY(qAbs(parseTime(key.value(QStringLiteral("revoked_at"))).msecsTo(m_sandbox->now())) < 5000);
        expectInvalidKey(positions(m_rotated)); // at once
        expectInvalidKey(positions(m_rotated, true));

        expectError(revoke(m_rotatedId, kRevokeReason), 409, QStringLiteral("already_revoked"));
        const Answer rotateRevoked = rotate(m_rotatedId);
        expectError(rotateRevoked, 409, QStringLiteral("not_rotatable"));
        QCOMPARE(rotateRevoked.json.value(QStringLiteral("detail")).toString(), QStringLiteral("The key is revoked"));
        QCOMPARE(listed(m_rotatedId).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));

        QSqlQuery audit = sql(QStringLiteral("SELECT action, outcome, resource_id, reason, details->>'name', details->>'prefix', "
                                             "details->'scopes'->>1, user_id, event_type, resource_type "
                                             "FROM audit_log WHERE request_id = 'revoke-reporting'"));
        QVERIFY(audit.next());
        QCOMPARE(audit.value(0).toString(), QStringLiteral("API_KEY_REVOKE"));
        QCOMPARE(audit.value(1).toString(), QStringLiteral("success"));
        QCOMPARE(audit.value(2).toString(), QString::number(m_rotatedId));
        QCOMPARE(audit.value(3).toString(), kRevokeReason);
        QCOMPARE(audit.value(4).toString(), QStringLiteral("Reporting bot"));
        QCOMPARE(audit.value(5).toString(), key.value(QStringLiteral("prefix")).toString());
        QCOMPARE(audit.value(6).toString(), QStringLiteral("read_orders"));
        QCOMPARE(audit.value(7).toString(), QStringLiteral("admin"));
        QCOMPARE(audit.value(8).toString(), QStringLiteral("admin"));
        QCOMPARE(audit.value(9).toString(), QStringLiteral("api_key"));
        QVERIFY(!audit.next());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'API_KEY_REVOKE' AND outcome = 'rejected'")), 1);
    }

    void expiredKeysStop()
    {
        const QDateTime expiry = m_sandbox->now().addSecs(120);
        const Answer a = create({{QStringLiteral("name"), QStringLiteral("Short-lived")},
                                 {QStringLiteral("scopes"), QJsonArray{QStringLiteral("read_positions")}},
                                 {QStringLiteral("expires_at"), isoZ(expiry)}});
        QVERIFY2(a.status == 201, a.body.constData());
        const QByteArray key = a.json.value(QStringLiteral("secret")).toString().toLatin1();
        const qint64 id = a.json.value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toInteger();
        m_secrets << QString::fromLatin1(key);
        QCOMPARE(positions(key).status, 200);

        // Its replacement keeps the expiry.
        const Answer r = rotate(id);
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("key")).toObject().value(QStringLiteral("expires_at")).toString(), isoZ(expiry));
        const QByteArray replacement = r.json.value(QStringLiteral("secret")).toString().toLatin1();
        const qint64 replacementId = r.json.value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toInteger();
        m_secrets << QString::fromLatin1(replacement);
        QCOMPARE(positions(replacement).status, 200);

        m_sandbox->advanceClock(121);
        expectInvalidKey(positions(key));
        expectInvalidKey(positions(replacement));
        QCOMPARE(listed(id).value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
        QCOMPARE(listed(replacementId).value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
        expectError(rotate(replacementId), 409, QStringLiteral("not_rotatable"));
        // An expired key can still be revoked (for the record).
        QCOMPARE(revoke(replacementId, kRevokeReason).status, 200);
        QCOMPARE(listed(replacementId).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
    }

    void auditTrailMatchesTheKeys()
    {
        auto rows = [this](const char *action, const char *outcome) {
            return scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND outcome = ?"),
                          {QString::fromLatin1(action), QString::fromLatin1(outcome)});
        };
        QCOMPARE(rows("API_KEY_CREATE", "success"), scalar(QStringLiteral("SELECT count(*) FROM api_keys WHERE rotated_from IS NULL")));
        QCOMPARE(rows("API_KEY_CREATE", "success"), 6);
        QCOMPARE(rows("API_KEY_ROTATE", "success"), scalar(QStringLiteral("SELECT count(*) FROM api_keys WHERE rotated_from IS NOT NULL")));
        QCOMPARE(rows("API_KEY_ROTATE", "success"), 2);
        QCOMPARE(rows("API_KEY_REVOKE", "success"), scalar(QStringLiteral("SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL")));
        QCOMPARE(rows("API_KEY_REVOKE", "success"), 2);
        QCOMPARE(rows("API_KEY_CREATE", "denied"), 2);
        QCOMPARE(rows("API_KEY_ROTATE", "rejected"), 4);
        QSqlQuery q = sql(QStringLiteral(
            "SELECT count(*), bool_and(event_type = 'admin' AND resource_type = 'api_key' AND request_id <> '' "
            "AND session_id <> '' AND ip_address = '127.0.0.1'), "
            "bool_and(outcome <> 'success' OR (user_id = 'admin' AND resource_id ~ '^[0-9]+$' AND details->'name' IS NOT NULL "
            "AND details->'prefix' IS NOT NULL AND details->'scopes' IS NOT NULL)) "
            "FROM audit_log WHERE action LIKE 'API_KEY_%'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 19);
        QVERIFY(q.value(1).toBool());
        QVERIFY(q.value(2).toBool());
    }

    void noSecretInAnyLogLineOrRow()
    {
        QStringList log;
        {
            QMutexLocker lock(&g_logMutex);
            log = g_log;
        }
        const QString all = log.join(QLatin1Char('\n'));
        // The capture works: the request log saw the key requests (by the key's public prefix only).
        QVERIFY2(all.contains(QLatin1String("api GET /api/v1/positions -> 200")), qPrintable(all.right(2000)));
        QVERIFY(all.contains(QLatin1String("api_key:") + QString::fromLatin1(m_reader.left(m_reader.indexOf('.')))));
        QCOMPARE(m_secrets.size(), 8);
        const QString keys = dump("api_keys");
        const QString audit = dump("audit_log");
        for (const QString &secret : std::as_const(m_secrets)) {
            const QString part = QString::fromLatin1(secretPart(secret));
            QCOMPARE(part.size(), 43);
            QVERIFY2(!all.contains(part), "a secret reached a log line");
            QVERIFY2(!keys.contains(part), "a secret is stored in api_keys");
            QVERIFY2(!audit.contains(part), "a secret is stored in audit_log");
        }
    }
};

QTEST_GUILESS_MAIN(TstSandboxApiKeys)
#include "tst_sandbox_apikeys.moc"
