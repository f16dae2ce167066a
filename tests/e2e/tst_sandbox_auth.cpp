// The sandbox's REST API over raw HTTP(S): sign-in, bearer tokens, roles, lockout, expiry,
// request ids, the audit trail and TLS. No models/ classes: this checks the platform itself.

#include "Sandbox.h"
#include "TestPostgres.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QEventLoop>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest>

#include <memory>

using ops::test::TestPostgres;

namespace {

const QString kDb = QStringLiteral("ops_e2e_sandbox_auth");
const QString kSqlConn = QStringLiteral("tst_sandbox_auth");

QString password(const QString &user)
{
    return user + QStringLiteral("-sandbox-pw");
}

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    QJsonObject json;
    QJsonArray array;
    QByteArray requestId;
    QByteArray retryAfter;
};

} // namespace

class TstSandboxAuth : public QObject
{
    Q_OBJECT

    TestPostgres m_pg;
    std::unique_ptr<opssandbox::Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;

    Answer send(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &verb,
                const QByteArray &body = {}, const QByteArray &token = {},
                const QByteArray &requestId = {}, const QSslConfiguration *tls = nullptr)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setTransferTimeout(10000);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token);
        if (!requestId.isEmpty())
            request.setRawHeader(QByteArrayLiteral("X-Request-ID"), requestId);
        if (tls)
            request.setSslConfiguration(*tls);
        QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.error = reply->error();
        a.errorString = reply->errorString();
        a.body = reply->readAll();
        const QJsonDocument doc = QJsonDocument::fromJson(a.body);
        a.json = doc.object();
        a.array = doc.array();
        a.requestId = reply->rawHeader(QByteArrayLiteral("X-Request-ID"));
        a.retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After"));
        reply->deleteLater();
        return a;
    }

    QUrl api(const QString &path) const { return m_sandbox->apiBaseUrl().resolved(QUrl(path)); }

    Answer call(const QByteArray &verb, const QString &path, const QByteArray &token = {},
                const QByteArray &body = {}, const QByteArray &requestId = {})
    {
        return send(m_nam, api(path), verb, body, token, requestId);
    }

    static QByteArray credentials(const QString &user, const QString &pw)
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("username"), user}, {QStringLiteral("password"), pw}})
            .toJson(QJsonDocument::Compact);
    }

    Answer login(const QString &user, const QString &pw, const QByteArray &requestId = {})
    {
        return call("POST", QStringLiteral("api/v1/auth/login"), {}, credentials(user, pw), requestId);
    }

    QByteArray tokenFor(const QString &user)
    {
        const Answer a = login(user, password(user));
        if (a.status != 200)
            return {};
        return a.json.value(QStringLiteral("token")).toString().toLatin1();
    }

    static void expectError(const Answer &a, int status, const QString &code)
    {
        QVERIFY2(a.status == status, qPrintable(QStringLiteral("%1 %2").arg(a.status).arg(QString::fromUtf8(a.body))));
        QCOMPARE(a.json.value(QStringLiteral("error")).toString(), code);
    }

    QSqlQuery sql(const QString &text, const QVariantList &values = {})
    {
        QSqlQuery q(QSqlDatabase::database(kSqlConn));
        if (!q.prepare(text))
            qWarning("prepare failed: %s", qPrintable(q.lastError().text()));
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            qWarning("query failed: %s", qPrintable(q.lastError().text()));
        return q;
    }

    static bool openssl(const QStringList &args, const QString &dir)
    {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    opssandbox::SandboxConfig baseConfig() const
    {
        opssandbox::SandboxConfig config;
        config.controlPort = 0;
        config.firstServicePort = 0;
        config.apiPort = 0;
        config.dbHost = m_pg.host;
        config.dbPort = quint16(m_pg.port);
        config.dbUser = m_pg.user;
        config.dbName = kDb;
        return config;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_pg = TestPostgres::fromEnvironment(&error);
        QVERIFY2(m_pg.isValid(), qPrintable(error));

        // A fresh database every run: lockouts and clock-shifted rows of a previous run must not leak.
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("tst_sandbox_auth_admin"));
            admin.setHostName(m_pg.host);
            admin.setPort(m_pg.port);
            admin.setUserName(m_pg.user);
            admin.setDatabaseName(QStringLiteral("postgres"));
            QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
            QSqlQuery drop(admin);
            QVERIFY2(drop.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(kDb)),
                     qPrintable(drop.lastError().text()));
            admin.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst_sandbox_auth_admin"));

        m_sandbox = std::make_unique<opssandbox::Sandbox>();
        QVERIFY2(m_sandbox->start(baseConfig(), &error), qPrintable(error));
        QVERIFY(m_sandbox->apiPort() != 0);
        QCOMPARE(m_sandbox->apiBaseUrl().scheme(), QStringLiteral("http"));
        QCOMPARE(m_sandbox->apiBaseUrl().path(), QStringLiteral("/"));

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), kSqlConn);
        db.setHostName(m_pg.host);
        db.setPort(m_pg.port);
        db.setUserName(m_pg.user);
        db.setDatabaseName(kDb);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    }

    void cleanupTestCase()
    {
        if (QSqlDatabase::contains(kSqlConn)) {
            QSqlDatabase::database(kSqlConn).close();
            QSqlDatabase::removeDatabase(kSqlConn);
        }
        m_sandbox.reset();
    }

    void loginReturnsTokenAndPermissions_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("permissions");
        const QStringList viewer{QStringLiteral("health:view"), QStringLiteral("breaker:view"), QStringLiteral("alerts:view")};
        const QStringList op = viewer + QStringList{QStringLiteral("breaker:trip"), QStringLiteral("breaker:reset"),
                                                    QStringLiteral("alerts:manage_rules"), QStringLiteral("alerts:acknowledge"),
                                                    QStringLiteral("alerts:retry")};
        const QStringList admin = op + QStringList{QStringLiteral("api_keys:manage"), QStringLiteral("config:edit"),
                                                   QStringLiteral("audit:view"), QStringLiteral("users:view")};
        QTest::newRow("viewer") << QStringLiteral("viewer") << viewer;
        QTest::newRow("operator") << QStringLiteral("operator") << op;
        QTest::newRow("admin") << QStringLiteral("admin") << admin;
    }

    void loginReturnsTokenAndPermissions()
    {
        QFETCH(QString, user);
        QFETCH(QStringList, permissions);
        const Answer a = login(user, password(user));
        QVERIFY2(a.status == 200, a.body.constData());
        const QString token = a.json.value(QStringLiteral("token")).toString();
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(token).hasMatch()); // 32 bytes, no padding
        QCOMPARE(a.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        const QString expiresText = a.json.value(QStringLiteral("expires_at")).toString();
        QVERIFY(expiresText.endsWith(QLatin1Char('Z')));
        const QDateTime expires = QDateTime::fromString(expiresText, Qt::ISODateWithMs);
        QVERIFY(expires.isValid());
        QVERIFY(qAbs(m_sandbox->now().secsTo(expires) - 8 * 3600) < 60);
        const QJsonObject u = a.json.value(QStringLiteral("user")).toObject();
        QCOMPARE(u.value(QStringLiteral("username")).toString(), user);
        QCOMPARE(u.value(QStringLiteral("role")).toString(), user);
        QStringList got;
        for (const auto &v : u.value(QStringLiteral("permissions")).toArray())
            got << v.toString();
        QCOMPARE(got, permissions);

        const Answer me = call("GET", QStringLiteral("api/v1/auth/me"), token.toLatin1());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QStringLiteral("username")).toString(), user);
        QCOMPARE(me.json.value(QStringLiteral("role")).toString(), user);
        QCOMPARE(me.json.value(QStringLiteral("permissions")).toArray().size(), permissions.size());
        QCOMPARE(me.json.value(QStringLiteral("expires_at")).toString(), expiresText);
        const QDateTime idle = QDateTime::fromString(me.json.value(QStringLiteral("idle_expires_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(m_sandbox->now().secsTo(idle) - 30 * 60) < 60);
    }

    void wrongPasswordAndUnknownUserAnswerTheSame()
    {
        expectError(login(QStringLiteral("admin"), QStringLiteral("not-the-password")), 401, QStringLiteral("invalid_credentials"));
        expectError(login(QStringLiteral("nobody-here"), QStringLiteral("whatever")), 401, QStringLiteral("invalid_credentials"));
        expectError(call("POST", QStringLiteral("api/v1/auth/login"), {}, QByteArrayLiteral("{nope")), 400, QStringLiteral("invalid_request"));
        QVERIFY(!tokenFor(QStringLiteral("admin")).isEmpty()); // a success resets the failure count
    }

    void meNeedsAValidToken()
    {
        expectError(call("GET", QStringLiteral("api/v1/auth/me")), 401, QStringLiteral("unauthenticated"));
        expectError(call("GET", QStringLiteral("api/v1/auth/me"), QByteArrayLiteral("garbage-token")), 401,
                    QStringLiteral("unauthenticated"));
        expectError(call("GET", QStringLiteral("api/v1/system/info"), QByteArrayLiteral("a b")), 401,
                    QStringLiteral("unauthenticated"));
        expectError(call("GET", QStringLiteral("api/v1/unknown/thing")), 401, QStringLiteral("unauthenticated"));
    }

    void rolesArePermissionChecked_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("viewer") << QStringLiteral("viewer") << false;
        QTest::newRow("operator") << QStringLiteral("operator") << false;
        QTest::newRow("admin") << QStringLiteral("admin") << true;
    }

    void rolesArePermissionChecked()
    {
        QFETCH(QString, user);
        QFETCH(bool, allowed);
        const QByteArray token = tokenFor(user);
        QVERIFY(!token.isEmpty());

        const Answer info = call("GET", QStringLiteral("api/v1/system/info"), token);
        QCOMPARE(info.status, 200);
        QCOMPARE(info.json.value(QStringLiteral("platform")).toString(), QStringLiteral("ops-sandbox"));
        QCOMPARE(info.json.value(QStringLiteral("version")).toString(), QStringLiteral("0.1.0"));
        QVERIFY(QDateTime::fromString(info.json.value(QStringLiteral("server_time")).toString(), Qt::ISODateWithMs).isValid());

        const Answer users = call("GET", QStringLiteral("api/v1/admin/users"), token);
        if (!allowed) {
            expectError(users, 403, QStringLiteral("permission_denied"));
            QCOMPARE(users.json.value(QStringLiteral("permission")).toString(), QStringLiteral("users:view"));
            return;
        }
        QCOMPARE(users.status, 200);
        QCOMPARE(users.array.size(), 3);
        QStringList names;
        for (const auto &v : users.array) {
            const QJsonObject o = v.toObject();
            names << o.value(QStringLiteral("username")).toString();
            QVERIFY(o.contains(QStringLiteral("role")));
            QVERIFY(o.contains(QStringLiteral("created_at")));
            QVERIFY(o.contains(QStringLiteral("locked_until")));
            QCOMPARE(o.size(), 4);
        }
        QCOMPARE(names, (QStringList{QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("admin")}));
        QVERIFY(!users.body.contains("hash"));
        QVERIFY(!users.body.contains("salt"));
        QVERIFY(!users.body.contains("password"));

        expectError(call("GET", QStringLiteral("api/v1/no/such/route"), token), 404, QStringLiteral("not_found"));
    }

    void logoutRevokesTheToken()
    {
        const QByteArray token = tokenFor(QStringLiteral("operator"));
        QVERIFY(!token.isEmpty());
        QCOMPARE(call("GET", QStringLiteral("api/v1/auth/me"), token).status, 200);
        const Answer out = call("POST", QStringLiteral("api/v1/auth/logout"), token, {}, QByteArrayLiteral("logout-req-1"));
        QCOMPARE(out.status, 204);
        QCOMPARE(out.requestId, QByteArrayLiteral("logout-req-1"));
        expectError(call("GET", QStringLiteral("api/v1/auth/me"), token), 401, QStringLiteral("unauthenticated"));
        expectError(call("POST", QStringLiteral("api/v1/auth/logout"), token), 401, QStringLiteral("unauthenticated"));
    }

    void requestIdIsEchoedOrReplaced()
    {
        const QByteArray sane = QByteArrayLiteral("req-42.abc_DEF");
        QCOMPARE(call("GET", QStringLiteral("api/v1/auth/me"), {}, {}, sane).requestId, sane);
        const Answer ok = login(QStringLiteral("viewer"), password(QStringLiteral("viewer")), QByteArrayLiteral("login-req-viewer"));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.requestId, QByteArrayLiteral("login-req-viewer"));

        const QRegularExpression uuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        for (const QByteArray &insane : {QByteArrayLiteral("has space"), QByteArrayLiteral("semi;colon"), QByteArray(129, 'a')}) {
            const Answer a = call("GET", QStringLiteral("api/v1/auth/me"), {}, {}, insane);
            QVERIFY(a.requestId != insane);
            QVERIFY2(uuid.match(QString::fromLatin1(a.requestId)).hasMatch(), a.requestId.constData());
        }
        const Answer none = call("GET", QStringLiteral("api/v1/auth/me"));
        QVERIFY(uuid.match(QString::fromLatin1(none.requestId)).hasMatch());
        const Answer other = call("GET", QStringLiteral("api/v1/auth/me"));
        QVERIFY(other.requestId != none.requestId);
    }

    void lockoutAfterFiveFailures()
    {
        const QString user = QStringLiteral("operator");
        for (int i = 0; i < 5; ++i)
            expectError(login(user, QStringLiteral("wrong-%1").arg(i)), 401, QStringLiteral("invalid_credentials"));
        const Answer locked = login(user, password(user));
        expectError(locked, 429, QStringLiteral("too_many_attempts"));
        bool numeric = false;
        const int retry = locked.retryAfter.toInt(&numeric);
        QVERIFY2(numeric && retry > 0 && retry <= 300, locked.retryAfter.constData());
        // Other users are not affected.
        QVERIFY(!tokenFor(QStringLiteral("viewer")).isEmpty());

        // The control API's clock: 301 s later the lock has passed.
        QUrl clock;
        clock.setScheme(QStringLiteral("http"));
        clock.setHost(QStringLiteral("127.0.0.1"));
        clock.setPort(m_sandbox->controlPort());
        clock.setPath(QStringLiteral("/control/clock"));
        QCOMPARE(send(m_nam, clock, "POST", QByteArrayLiteral("{\"advance_seconds\":\"soon\"}")).status, 400);
        const qint64 before = m_sandbox->clockOffsetSeconds();
        const Answer advanced = send(m_nam, clock, "POST", QByteArrayLiteral("{\"advance_seconds\":301}"));
        QCOMPARE(advanced.status, 200);
        QCOMPARE(m_sandbox->clockOffsetSeconds(), before + 301);
        QCOMPARE(qint64(advanced.json.value(QStringLiteral("offset_seconds")).toDouble()), before + 301);
        QCOMPARE(login(user, password(user)).status, 200);
    }

    void idleTimeoutExpiresTheToken()
    {
        const QByteArray token = tokenFor(QStringLiteral("viewer"));
        QVERIFY(!token.isEmpty());
        m_sandbox->advanceClock(29 * 60);
        QCOMPARE(call("GET", QStringLiteral("api/v1/auth/me"), token).status, 200); // use refreshes the idle timer
        m_sandbox->advanceClock(29 * 60);
        QCOMPARE(call("GET", QStringLiteral("api/v1/system/info"), token).status, 200);
        m_sandbox->advanceClock(31 * 60);
        expectError(call("GET", QStringLiteral("api/v1/auth/me"), token), 401, QStringLiteral("token_expired"));
    }

    void absoluteLifetimeExpiresTheToken()
    {
        const QByteArray token = tokenFor(QStringLiteral("admin"));
        QVERIFY(!token.isEmpty());
        for (int i = 0; i < 23; ++i) { // used every 20 minutes: 7 h 40 min
            m_sandbox->advanceClock(20 * 60);
            QCOMPARE(call("GET", QStringLiteral("api/v1/auth/me"), token).status, 200);
        }
        m_sandbox->advanceClock(19 * 60 + 55); // 7:59:55, still valid
        QCOMPARE(call("GET", QStringLiteral("api/v1/auth/me"), token).status, 200);
        m_sandbox->advanceClock(6); // 8 h + 1 s
        expectError(call("GET", QStringLiteral("api/v1/auth/me"), token), 401, QStringLiteral("token_expired"));
    }

    void auditLogRecordsAuthEvents()
    {
        for (const char *action : {"LOGIN", "LOGIN_FAILED", "LOGIN_LOCKED", "LOGOUT"}) {
            QSqlQuery q = sql(QStringLiteral("SELECT count(*), count(request_id), min(length(request_id)), "
                                             "bool_and(event_type = 'auth' AND amr_method = 'pwd' AND ip_address = '127.0.0.1') "
                                             "FROM audit_log WHERE action = ?"),
                              {QString::fromLatin1(action)});
            QVERIFY(q.next());
            QVERIFY2(q.value(0).toInt() > 0, action);
            QCOMPARE(q.value(1).toInt(), q.value(0).toInt());
            QVERIFY(q.value(2).toInt() > 0);
            QVERIFY2(q.value(3).toBool(), action);
        }
        QSqlQuery login = sql(QStringLiteral("SELECT user_id, outcome, session_id FROM audit_log WHERE action = 'LOGIN' AND request_id = ?"),
                              {QStringLiteral("login-req-viewer")});
        QVERIFY(login.next());
        QCOMPARE(login.value(0).toString(), QStringLiteral("viewer"));
        QCOMPARE(login.value(1).toString(), QStringLiteral("success"));
        QVERIFY(!login.value(2).toString().isEmpty());
        QSqlQuery logout = sql(QStringLiteral("SELECT user_id FROM audit_log WHERE action = 'LOGOUT' AND request_id = ?"),
                               {QStringLiteral("logout-req-1")});
        QVERIFY(logout.next());
        QCOMPARE(logout.value(0).toString(), QStringLiteral("operator"));
        QSqlQuery unknown = sql(QStringLiteral("SELECT outcome FROM audit_log WHERE action = 'LOGIN_FAILED' AND user_id = ?"),
                                {QStringLiteral("nobody-here")});
        QVERIFY(unknown.next());
        QCOMPARE(unknown.value(0).toString(), QStringLiteral("failure"));

        // No password, right or wrong, anywhere in any audit row.
        const QStringList secrets{password(QStringLiteral("viewer")), password(QStringLiteral("operator")),
                                  password(QStringLiteral("admin")), QStringLiteral("not-the-password"),
                                  QStringLiteral("wrong-0"), QStringLiteral("wrong-4")};
        for (const QString &secret : secrets) {
            QSqlQuery q = sql(QStringLiteral("SELECT count(*) FROM audit_log a WHERE strpos(CAST(a AS text), ?) > 0"), {secret});
            QVERIFY(q.next());
            QVERIFY2(q.value(0).toInt() == 0, qPrintable(secret));
        }
    }

    void tokensAreStoredOnlyAsHashes()
    {
        const QByteArray token = tokenFor(QStringLiteral("viewer"));
        QVERIFY(!token.isEmpty());
        QSqlQuery raw = sql(QStringLiteral("SELECT count(*) FROM api_tokens t WHERE t.token_hash = ? OR strpos(CAST(t AS text), ?) > 0"),
                            {token, QString::fromLatin1(token)});
        QVERIFY(raw.next());
        QCOMPARE(raw.value(0).toInt(), 0);
        QSqlQuery hashed = sql(QStringLiteral("SELECT count(*) FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL"),
                               {QCryptographicHash::hash(token, QCryptographicHash::Sha256)});
        QVERIFY(hashed.next());
        QCOMPARE(hashed.value(0).toInt(), 1);
        QSqlQuery users = sql(QStringLiteral("SELECT count(*) FROM users WHERE password_iterations >= 20000 "
                                             "AND length(password_salt) = 16 AND length(password_hash) = 32"));
        QVERIFY(users.next());
        QCOMPARE(users.value(0).toInt(), 3);
    }

    void tlsServesTheApi()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                         QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-days"),
                         QStringLiteral("1"), QStringLiteral("-keyout"), QStringLiteral("k.pem"), QStringLiteral("-out"),
                         QStringLiteral("c.pem")},
                        dir.path()));

        // A broken key fails start() with a clear error.
        {
            opssandbox::SandboxConfig bad = baseConfig();
            bad.tlsCertificatePath = dir.filePath(QStringLiteral("c.pem"));
            bad.tlsKeyPath = dir.filePath(QStringLiteral("c.pem")); // a certificate is no key
            opssandbox::Sandbox broken;
            QString error;
            QVERIFY(!broken.start(bad, &error));
            QVERIFY2(error.contains(QStringLiteral("TLS key")), qPrintable(error));
            bad.tlsKeyPath.clear();
            QVERIFY(!broken.start(bad, &error));
            QVERIFY2(error.contains(QStringLiteral("both")), qPrintable(error));
        }

        opssandbox::SandboxConfig config = baseConfig();
        config.tlsCertificatePath = dir.filePath(QStringLiteral("c.pem"));
        config.tlsKeyPath = dir.filePath(QStringLiteral("k.pem"));
        opssandbox::Sandbox tls;
        QString error;
        QVERIFY2(tls.start(config, &error), qPrintable(error));
        const QUrl url = tls.apiBaseUrl().resolved(QUrl(QStringLiteral("api/v1/auth/login")));
        QCOMPARE(url.scheme(), QStringLiteral("https"));

        const QList<QSslCertificate> certs = QSslCertificate::fromPath(config.tlsCertificatePath);
        QCOMPARE(certs.size(), 1);
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.addCaCertificate(certs.first());
        QNetworkAccessManager trustingNam;
        const Answer ok = send(trustingNam, url, "POST", credentials(QStringLiteral("viewer"), password(QStringLiteral("viewer"))),
                               {}, {}, &trusting);
        QVERIFY2(ok.status == 200, qPrintable(ok.errorString));
        QVERIFY(!ok.json.value(QStringLiteral("token")).toString().isEmpty());

        QNetworkAccessManager defaultNam;
        const Answer refused = send(defaultNam, url, "POST", credentials(QStringLiteral("viewer"), password(QStringLiteral("viewer"))));
        QCOMPARE(refused.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(refused.status, 0);

        // The plain listener of the first sandbox is unaffected.
        QCOMPARE(m_sandbox->apiBaseUrl().scheme(), QStringLiteral("http"));
    }
};

QTEST_GUILESS_MAIN(TstSandboxAuth)
#include "tst_sandbox_auth.moc"
