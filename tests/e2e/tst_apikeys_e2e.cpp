// The API-key lifecycle through the console's ApiKeyClient against the sandbox (real HTTP, real
// PostgreSQL), each step proven with a plain QNetworkAccessManager on GET /api/v1/positions and
// the key in X-API-Key: a new key works; after rotation both keys work; once the sandbox's clock
// passes the 24 h grace the old key gets 401 and the new one 200; a revoked key gets 401 at once.
// The audit rows are checked in PostgreSQL. Canary: with the console's logging at debug level
// (spdlog into a temporary directory, every Qt message captured as well) and the XDG config /
// data / cache / state directories redirected into that directory, no secret handed out during
// the test appears in the log file, in any message, in any file written there (QSettings
// included) or in any column of api_keys or audit_log.

#include "E2eFixture.h"
#include "MockClock.h"
#include "api/ApiClient.h"
#include "apikeys/ApiKeyClient.h"
#include "apikeys/ApiKeyModel.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "core/Logging.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ops;
using Kind = ApiKeyClient::Result::Kind;

Q_LOGGING_CATEGORY(lcApiKeysE2e, "ops.test.apikeys")

namespace {

const QString kDb = QStringLiteral("ops_e2e_apikeys");
const QString kConn = QStringLiteral("tst_apikeys_e2e");
const QString kAdmin = QStringLiteral("admin");
const QString kAdminPassword = QStringLiteral("admin-sandbox-pw");

QMutex g_messagesLock;
QStringList g_messages;
QtMessageHandler g_next = nullptr;

// Every Qt message of the process (console, sandbox, Qt itself), then on to spdlog.
void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_messagesLock);
        g_messages << message;
    }
    if (g_next)
        g_next(type, context, message);
}

struct Http
{
    int status = 0;
    QJsonObject body;
};

struct Done
{
    bool arrived = false;
    ApiKeyClient::Result result;
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

class TestApiKeysE2e final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_logFile;
    test::SandboxFixture m_fx;
    test::MockClock m_clock; // follows the sandbox's clock for the statuses the console computes
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiKeyClient> m_client;

    // Carried from one step of the lifecycle to the next.
    QStringList m_secrets;
    qint64 m_firstId = 0;
    QString m_firstSecret;
    qint64 m_rotatedId = 0;
    QString m_rotatedSecret;
    QString m_scopeSecret;
    QHash<QString, qint64> m_auditIds; // action -> audit id the server answered

    ApiKeyClient::Result run(const std::function<void(ApiKeyClient::Callback)> &action)
    {
        auto done = std::make_shared<Done>();
        action([done](ApiKeyClient::Result &r) {
            done->arrived = true;
            done->result = r;
        });
        if (!QTest::qWaitFor([&] { return done->arrived; }, 15000))
            done->result.message = QStringLiteral("no result within 15 s");
        return done->result;
    }

    bool refresh()
    {
        m_clock.set(m_fx.sandbox->now());
        if (!QTest::qWaitFor([&] { return !m_client->isLoading(); }, 5000))
            return false;
        QSignalSpy refreshed(m_client.get(), &ApiKeyClient::refreshed);
        m_client->refresh();
        return refreshed.wait(10000) && m_client->problem().isEmpty();
    }

    Http positions(const QString &apiKey)
    {
        QNetworkRequest request(m_fx.sandbox->apiBaseUrl().resolved(QUrl(QStringLiteral("api/v1/positions"))));
        request.setRawHeader("X-API-Key", apiKey.toLatin1());
        request.setTransferTimeout(10000);
        QNetworkReply *reply = m_nam.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        Http out;
        if (reply->isFinished() || finished.wait(10000)) {
            out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            out.body = QJsonDocument::fromJson(reply->readAll()).object();
        }
        reply->deleteLater();
        return out;
    }

    QString statusOf(qint64 id) const
    {
        const ApiKey *k = m_client->model()->keyById(id);
        return k ? ApiKeyJson::statusWord(k->status(m_clock.nowUtc())) : QStringLiteral("(not listed)");
    }

    QStringList tableRows(const QString &table)
    {
        QStringList rows;
        QSqlQuery q(m_fx.database(kConn, kDb));
        if (!q.exec(QStringLiteral("SELECT row_to_json(t)::text FROM %1 t").arg(table)))
            return {QStringLiteral("query failed: ") + q.lastError().text()};
        while (q.next())
            rows << q.value(0).toString();
        return rows;
    }

    // The forms a secret could take in text: the full key, the part after the dot, and the hex of
    // either (bytea columns print as hex).
    QStringList forms(const QString &secret) const
    {
        const QString part = secret.mid(secret.indexOf(QLatin1Char('.')) + 1);
        return {secret, part, QString::fromLatin1(secret.toUtf8().toHex()), QString::fromLatin1(part.toUtf8().toHex())};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Anything the console stores (QSettings, app data, caches) lands in the temporary directory.
        for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
            const QString dir = m_home.filePath(QString::fromLatin1(name).toLower());
            QVERIFY(QDir().mkpath(dir));
            qputenv(name, dir.toLocal8Bit());
        }
        QCoreApplication::setOrganizationName(QStringLiteral("ops-console-e2e"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_apikeys_e2e"));
        QVERIFY2(QSettings().fileName().startsWith(m_home.path()), qPrintable(QSettings().fileName()));

        m_logFile = initLogging(QStringLiteral("debug"), m_home.filePath(QStringLiteral("logs")));
        QVERIFY(m_logFile.startsWith(m_home.path()));
        g_next = qInstallMessageHandler(capture);
        QLoggingCategory::setFilterRules(QStringLiteral("ops.*.debug=true"));
        qCDebug(lcApiKeysE2e, "debug logging on: %s", qPrintable(m_logFile));

        const QString error = m_fx.start(kDb, true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_api = std::make_unique<ApiClient>(m_fx.profile);
        m_store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-e2e-apikeys"));
        m_session = std::make_unique<Session>(m_api.get(), m_store.get(), m_fx.profile.name);
        // The sandbox clock jumps a day ahead below: the admin's token expires and they sign in again.
        connect(m_session.get(), &Session::signInRequired, this,
                [this] { m_session->signIn(kAdmin, kAdminPassword, false); });
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(kAdmin, kAdminPassword, false);
        QVERIFY(signedIn.wait(10000));
        QVERIFY(m_session->hasPermission(QStringLiteral("api_keys:manage")));
        m_client = std::make_unique<ApiKeyClient>(m_session.get(), m_clock);
        QVERIFY2(refresh(), qPrintable(m_client->problem()));
        QCOMPARE(m_client->model()->rowCount(), 0);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_session.reset();
        QSqlDatabase::removeDatabase(kConn);
        qInstallMessageHandler(nullptr);
        shutdownLogging();
    }

    void aNewKeyWorks()
    {
        const auto r = run([&](auto cb) {
            m_client->create(QStringLiteral("  e2e reconciliation  "), {QStringLiteral("read_positions")}, QDateTime(),
                             nullptr, cb);
        });
        QCOMPARE(kindName(r.kind), kindName(Kind::Done));
        static const QRegularExpression shape(QStringLiteral("^(tp_test_[a-z0-9]{8})\\.[A-Za-z0-9_-]{43}$"));
        const auto match = shape.match(r.secret);
        QVERIFY2(match.hasMatch(), qPrintable(QStringLiteral("secret of unexpected shape (%1 characters)").arg(r.secret.size())));
        QCOMPARE(r.key.prefix, match.captured(1));
        QCOMPARE(r.key.name, QStringLiteral("e2e reconciliation"));
        QCOMPARE(r.key.scopes, QStringList{QStringLiteral("read_positions")});
        QCOMPARE(r.key.createdBy, kAdmin);
        QVERIFY(r.key.id > 0);
        QVERIFY(r.auditId > 0);
        m_firstId = r.key.id;
        m_firstSecret = r.secret;
        m_secrets << r.secret;
        m_auditIds.insert(QStringLiteral("API_KEY_CREATE"), r.auditId);

        const Http ok = positions(m_firstSecret);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body.value(QStringLiteral("positions")).toArray().size(), 3);

        // The same prefix with another secret, and garbage, are refused alike.
        QString wrong = m_firstSecret;
        wrong[wrong.size() - 1] = wrong.endsWith(QLatin1Char('A')) ? QLatin1Char('B') : QLatin1Char('A');
        const Http bad = positions(wrong);
        QCOMPARE(bad.status, 401);
        QCOMPARE(bad.body.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_api_key"));
        QCOMPARE(positions(QStringLiteral("tp_test_nonsense")).status, 401);

        QVERIFY(refresh());
        QCOMPARE(m_client->model()->rowCount(), 1);
        QCOMPARE(statusOf(m_firstId), QStringLiteral("Active"));
        QVERIFY(m_client->model()->keyById(m_firstId)->lastUsedAt.isValid()); // the 200 above used it
    }

    void scopesAndValidationAreTheServers()
    {
        // A key without read_positions authenticates but may not read positions.
        const auto r = run([&](auto cb) {
            m_client->create(QStringLiteral("orders only"), {QStringLiteral("read_orders")},
                             m_fx.sandbox->now().addDays(30), nullptr, cb);
        });
        QCOMPARE(kindName(r.kind), kindName(Kind::Done));
        m_scopeSecret = r.secret;
        m_secrets << r.secret;
        QVERIFY(r.key.expiresAt.isValid());
        QVERIFY(qAbs(r.key.expiresAt.secsTo(m_fx.sandbox->now().addDays(30))) <= 5);
        const Http forbidden = positions(m_scopeSecret);
        QCOMPARE(forbidden.status, 403);
        QCOMPARE(forbidden.body.value(QStringLiteral("error")).toString(), QStringLiteral("insufficient_scope"));

        // The console would not send these; the server says why, per field.
        const auto invalid = run([&](auto cb) {
            m_client->create(QStringLiteral("xy"), {QStringLiteral("admin_all")}, m_fx.sandbox->now().addSecs(-60),
                             nullptr, cb);
        });
        QCOMPARE(kindName(invalid.kind), kindName(Kind::Invalid));
        QCOMPARE(invalid.fields.value(QStringLiteral("name")), QStringLiteral("Name must be 3–50 characters"));
        QCOMPARE(invalid.fields.value(QStringLiteral("scopes")), QStringLiteral("Unknown scope: admin_all"));
        QCOMPARE(invalid.fields.value(QStringLiteral("expires_at")), QStringLiteral("Expiry must be in the future"));
        QCOMPARE(invalid.secret, QString());
    }

    void afterRotationBothKeysWork()
    {
        QVERIFY(m_firstId > 0);
        const QDateTime before = m_fx.sandbox->now();
        const auto r = run([&](auto cb) { m_client->rotate(m_firstId, nullptr, cb); });
        QCOMPARE(kindName(r.kind), kindName(Kind::Done));
        QVERIFY(!r.secret.isEmpty());
        QVERIFY(r.secret != m_firstSecret);
        QVERIFY(r.key.id != m_firstId);
        QCOMPARE(r.key.rotatedFrom, m_firstId);
        QCOMPARE(r.key.name, QStringLiteral("e2e reconciliation"));
        QCOMPARE(r.key.scopes, QStringList{QStringLiteral("read_positions")});
        QVERIFY(r.secret.startsWith(r.key.prefix + QLatin1Char('.')));
        QCOMPARE(r.oldKey.id, m_firstId);
        const QDateTime graceEnd = before.addSecs(24 * 3600);
        QVERIFY2(r.oldKey.graceExpiresAt >= graceEnd.addSecs(-1) && r.oldKey.graceExpiresAt <= graceEnd.addSecs(10),
                 qPrintable(r.oldKey.graceExpiresAt.toString(Qt::ISODateWithMs)));
        QCOMPARE(r.oldKey.status(m_fx.sandbox->now()), ApiKeyStatus::Expiring);
        QVERIFY(r.auditId > 0);
        m_rotatedId = r.key.id;
        m_rotatedSecret = r.secret;
        m_secrets << r.secret;
        m_auditIds.insert(QStringLiteral("API_KEY_ROTATE"), r.auditId);

        QCOMPARE(positions(m_firstSecret).status, 200);
        QCOMPARE(positions(m_rotatedSecret).status, 200);

        QVERIFY(refresh());
        QCOMPARE(statusOf(m_firstId), QStringLiteral("Expiring"));
        QCOMPARE(statusOf(m_rotatedId), QStringLiteral("Active"));

        // A key in its grace period is not rotated a second time.
        const auto again = run([&](auto cb) { m_client->rotate(m_firstId, nullptr, cb); });
        QCOMPARE(kindName(again.kind), kindName(Kind::Refused));
        QVERIFY2(again.message.contains(QStringLiteral("already being rotated")), qPrintable(again.message));
        QCOMPARE(again.secret, QString());
    }

    void afterTheGraceTheOldKeyGets401()
    {
        QVERIFY(m_rotatedId > 0);
        // Ten seconds before the end of the grace period the old key still works...
        m_fx.sandbox->advanceClock(24 * 3600 - 10);
        QCOMPARE(positions(m_firstSecret).status, 200);
        // ...and one second after it, it does not (24 h + 1 s after the rotation).
        m_fx.sandbox->advanceClock(11);
        const Http old = positions(m_firstSecret);
        QCOMPARE(old.status, 401);
        QCOMPARE(old.body.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_api_key"));
        const Http fresh = positions(m_rotatedSecret);
        QCOMPARE(fresh.status, 200);
        QCOMPARE(fresh.body.value(QStringLiteral("positions")).toArray().size(), 3);

        QVERIFY2(refresh(), qPrintable(m_client->problem()));
        QCOMPARE(statusOf(m_firstId), QStringLiteral("Expired"));
        QCOMPARE(statusOf(m_rotatedId), QStringLiteral("Active"));
    }

    void aRevokedKeyGets401AtOnce()
    {
        QVERIFY(m_rotatedId > 0);
        const auto shortReason = run([&](auto cb) { m_client->revoke(m_rotatedId, QStringLiteral("too short"), nullptr, cb); });
        QCOMPARE(kindName(shortReason.kind), kindName(Kind::Invalid));
        QVERIFY2(shortReason.fields.value(QStringLiteral("reason")).contains(QStringLiteral("20")),
                 qPrintable(shortReason.message));
        QCOMPARE(positions(m_rotatedSecret).status, 200);

        const auto r = run([&](auto cb) {
            m_client->revoke(m_rotatedId, QStringLiteral("  Rotation finished;\tretiring the old integration  "), nullptr, cb);
        });
        QCOMPARE(kindName(r.kind), kindName(Kind::Done));
        QCOMPARE(r.key.id, m_rotatedId);
        QVERIFY(r.key.revokedAt.isValid());
        QCOMPARE(r.key.revokedBy, kAdmin);
        QCOMPARE(r.key.revokeReason, QStringLiteral("Rotation finished; retiring the old integration"));
        QVERIFY(r.auditId > 0);
        m_auditIds.insert(QStringLiteral("API_KEY_REVOKE"), r.auditId);

        const Http revoked = positions(m_rotatedSecret);
        QCOMPARE(revoked.status, 401);
        QCOMPARE(revoked.body.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_api_key"));

        const auto twice = run([&](auto cb) {
            m_client->revoke(m_rotatedId, QStringLiteral("Second revocation of the same key"), nullptr, cb);
        });
        QCOMPARE(kindName(twice.kind), kindName(Kind::Refused));

        QVERIFY(refresh());
        QCOMPARE(statusOf(m_rotatedId), QStringLiteral("Revoked"));
    }

    void theAuditRowsNameTheAdmin()
    {
        QCOMPARE(m_auditIds.size(), 3);
        const QHash<QString, qint64> resource{{QStringLiteral("API_KEY_CREATE"), m_firstId},
                                              {QStringLiteral("API_KEY_ROTATE"), m_firstId},
                                              {QStringLiteral("API_KEY_REVOKE"), m_rotatedId}};
        for (auto it = m_auditIds.cbegin(); it != m_auditIds.cend(); ++it) {
            QSqlQuery q(m_fx.database(kConn, kDb));
            q.prepare(QStringLiteral("SELECT action, user_id, event_type, resource_type, resource_id, outcome, reason "
                                     "FROM audit_log WHERE id = :id"));
            q.bindValue(QStringLiteral(":id"), it.value());
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QVERIFY2(q.next(), qPrintable(it.key()));
            QCOMPARE(q.value(0).toString(), it.key());
            QCOMPARE(q.value(1).toString(), kAdmin);
            QCOMPARE(q.value(2).toString(), QStringLiteral("admin"));
            QCOMPARE(q.value(3).toString(), QStringLiteral("api_key"));
            QCOMPARE(q.value(4).toString(), QString::number(resource.value(it.key())));
            QCOMPARE(q.value(5).toString(), QStringLiteral("success"));
            if (it.key() == QLatin1String("API_KEY_REVOKE"))
                QCOMPARE(q.value(6).toString(), QStringLiteral("Rotation finished; retiring the old integration"));
        }
        // Exactly these successes: two creates (one with read_orders), one rotation, one revocation.
        QSqlQuery count(m_fx.database(kConn, kDb));
        QVERIFY(count.exec(QStringLiteral("SELECT action, count(*) FROM audit_log WHERE action LIKE 'API_KEY_%' "
                                          "AND outcome = 'success' AND user_id = 'admin' GROUP BY action ORDER BY action")));
        QStringList seen;
        while (count.next())
            seen << count.value(0).toString() + QLatin1Char('=') + count.value(1).toString();
        QCOMPARE(seen, (QStringList{QStringLiteral("API_KEY_CREATE=2"), QStringLiteral("API_KEY_REVOKE=1"),
                                    QStringLiteral("API_KEY_ROTATE=1")}));
    }

    // Last: shuts the console's logging down to read its file.
    void canaryTheSecretsAppearNowhere()
    {
        QCOMPARE(m_secrets.size(), 3);
        QString firstPrefix = m_firstSecret.left(m_firstSecret.indexOf(QLatin1Char('.')));
        QVERIFY(firstPrefix.startsWith(QStringLiteral("tp_test_")));

        // Messages: the sandbox talks about the keys (by prefix), never with their secrets.
        QStringList messages;
        {
            QMutexLocker lock(&g_messagesLock);
            messages = g_messages;
        }
        QVERIFY2(messages.size() > 20, qPrintable(QString::number(messages.size())));
        QVERIFY(std::any_of(messages.cbegin(), messages.cend(), [&](const QString &m) { return m.contains(firstPrefix); }));
        QVERIFY(std::any_of(messages.cbegin(), messages.cend(),
                            [](const QString &m) { return m.startsWith(QLatin1String("debug logging on")); }));

        // The log file, flushed and closed, holds the debug line and the prefix but no secret.
        shutdownLogging();
        qInstallMessageHandler(nullptr);
        g_next = nullptr;
        QFile log(m_logFile);
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(m_logFile));
        const QString logText = QString::fromUtf8(log.readAll());
        QVERIFY2(logText.contains(QStringLiteral("debug logging on")), "debug-level lines do not reach the log file");
        QVERIFY(logText.contains(QStringLiteral(" debug ")));
        QVERIFY(logText.contains(firstPrefix));

        // Every file written under the temporary home: the log, and QSettings or anything else.
        QStringList files;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QVERIFY(files.contains(m_logFile));

        const QStringList apiKeys = tableRows(QStringLiteral("api_keys"));
        const QStringList audit = tableRows(QStringLiteral("audit_log"));
        QCOMPARE(apiKeys.size(), 3);
        QVERIFY(!apiKeys.first().startsWith(QLatin1String("query failed")));
        QVERIFY(audit.size() >= 5);
        QVERIFY(apiKeys.join(QLatin1Char('\n')).contains(firstPrefix)); // the public part is there

        for (const QString &secret : std::as_const(m_secrets)) {
            for (const QString &form : forms(secret)) {
                QVERIFY2(!logText.contains(form), "a secret is in the log file");
                for (const QString &m : std::as_const(messages))
                    QVERIFY2(!m.contains(form), qPrintable(QStringLiteral("a secret is in a message: ") + m.left(80)));
                for (const QString &path : std::as_const(files)) {
                    QFile f(path);
                    QVERIFY(f.open(QIODevice::ReadOnly));
                    QVERIFY2(!QString::fromUtf8(f.readAll()).contains(form),
                             qPrintable(QStringLiteral("a secret is in ") + path));
                }
                for (const QString &row : apiKeys)
                    QVERIFY2(!row.contains(form), "a secret is in api_keys");
                for (const QString &row : audit)
                    QVERIFY2(!row.contains(form), "a secret is in audit_log");
            }
        }
        qInfo("canary: %lld messages, %lld files, %lld api_keys rows, %lld audit rows checked",
              qint64(messages.size()), qint64(files.size()), qint64(apiKeys.size()), qint64(audit.size()));
    }
};

QTEST_MAIN(TestApiKeysE2e)
#include "tst_apikeys_e2e.moc"
