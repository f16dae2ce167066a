// Sign-in end to end: the console's Session/ApiClient/CredentialStore against the sandbox's
// real auth API over HTTP and HTTPS, with a real PostgreSQL and (through with-keyring.sh) a real
// gnome-keyring. Ends with a canary search: the password and token used appear in no log,
// settings or temporary file the run produced.
#include "E2eFixture.h"
#include "FakeHttpServer.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "core/Logging.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>

using namespace ops;

namespace {

constexpr auto OperatorPassword = "operator-sandbox-pw";

// Everything the run writes (logs, settings, temporary files) lands below this folder.
QTemporaryDir &runRoot()
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/ops-auth-e2e-XXXXXX"));
    return dir;
}

} // namespace

class TestAuthE2E final : public QObject
{
    Q_OBJECT

private:
    test::SandboxFixture m_fx;
    QTemporaryDir m_certs;
    QString m_seenToken;

    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_certs.path());
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }
    QString cert(const QString &name) const { return m_certs.filePath(name); }

    static bool waitFor(QSignalSpy &spy, int ms = 10000) { return spy.count() > 0 || spy.wait(ms); }

    ApiResult callOnce(ApiClient &api, const QString &path)
    {
        ApiResult out;
        bool done = false;
        api.get(path, this, [&](const ApiResult &r) {
            out = r;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 15000); }();
        return out;
    }

    ConnectionProfile httpsProfile(const opssandbox::Sandbox &tls) const
    {
        ConnectionProfile p = m_fx.profile;
        p.restBaseUrl = tls.apiBaseUrl();
        return p;
    }

    std::unique_ptr<opssandbox::Sandbox> startTls(const QString &certFile, const QString &keyFile, QString *error)
    {
        opssandbox::SandboxConfig config;
        config.controlPort = 0;
        config.firstServicePort = 0;
        config.apiPort = 0;
        config.dbHost = m_fx.pg.host;
        config.dbPort = quint16(m_fx.pg.port);
        config.dbUser = m_fx.pg.user;
        config.dbName = QStringLiteral("ops_e2e_auth");
        config.tlsCertificatePath = certFile;
        config.tlsKeyPath = keyFile;
        auto sandbox = std::make_unique<opssandbox::Sandbox>();
        if (!sandbox->start(config, error))
            return {};
        return sandbox;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(runRoot().isValid());
        QVERIFY(m_certs.isValid());
        const QString error = m_fx.start(QStringLiteral("ops_e2e_auth"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        initLogging(QStringLiteral("debug"), runRoot().filePath(QStringLiteral("logs")));

        // A private CA, a server certificate it signed for 127.0.0.1, an expired one, one for
        // the wrong host, and a self-signed one nobody trusts.
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=Ops Test CA"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                         QStringLiteral("-out"), QStringLiteral("ca.pem")}));
        // openssl x509 -extfile needs a file: write the SAN extensions first.
        const auto writeExt = [&](const QString &name, const QString &san) {
            QFile f(cert(name + QStringLiteral(".ext")));
            return f.open(QIODevice::WriteOnly) && f.write("subjectAltName=" + san.toUtf8()) > 0;
        };
        const auto issue = [&](const QString &name, const QString &san, const QString &days) {
            return writeExt(name, san)
                && openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                            QStringLiteral("-subj"), QStringLiteral("/CN=ops-test"), QStringLiteral("-keyout"),
                            name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".csr")})
                && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                            QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                            QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), days, QStringLiteral("-extfile"),
                            name + QStringLiteral(".ext"), QStringLiteral("-out"), name + QStringLiteral(".pem")});
        };
        QVERIFY(issue(QStringLiteral("good"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("2")));
        QVERIFY(issue(QStringLiteral("expired"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("-1")));
        QVERIFY(issue(QStringLiteral("wronghost"), QStringLiteral("DNS:wrong.example"), QStringLiteral("2")));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                         QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-days"),
                         QStringLiteral("2"), QStringLiteral("-keyout"), QStringLiteral("self.key"), QStringLiteral("-out"),
                         QStringLiteral("self.pem")}));
    }

    void signInRememberedSurvivesARestartWithTheTokenOnlyInTheKeychain()
    {
        const QString keyName = CredentialStore::tokenKey(m_fx.profile.name);
        {
            ApiClient api(m_fx.profile);
            CredentialStore store(QStringLiteral("ops-console-e2e"));
            Session session(&api, &store, m_fx.profile.name);
            QSignalSpy signedIn(&session, &Session::signedIn);
            QSignalSpy problem(&session, &Session::keychainProblem);
            session.signIn(QStringLiteral("operator"), QString::fromLatin1(OperatorPassword), true);
            QVERIFY(waitFor(signedIn));
            QCOMPARE(problem.count(), 0); // the real keychain took it
            QCOMPARE(session.role(), QStringLiteral("operator"));
            QVERIFY(session.hasPermission(QStringLiteral("breaker:trip")));
            QVERIFY(!session.hasPermission(QStringLiteral("audit:view")));
            QVERIFY(session.tokenRemembered());

            CredentialStore::Result stored;
            bool read = false;
            store.read(keyName, this, [&](const CredentialStore::Result &r) { stored = r; read = true; });
            QTRY_VERIFY(read);
            QCOMPARE(stored.outcome, CredentialStore::Outcome::Ok);
            QVERIFY(stored.secret.size() >= 22); // >= 128 bits in base64url
            m_seenToken = stored.secret;
        }
        // "Restart": new objects, nothing typed.
        ApiClient api(m_fx.profile);
        CredentialStore store(QStringLiteral("ops-console-e2e"));
        Session session(&api, &store, m_fx.profile.name);
        QSignalSpy signedIn(&session, &Session::signedIn);
        QSignalSpy required(&session, &Session::signInRequired);
        session.restore();
        QVERIFY(waitFor(signedIn));
        QCOMPARE(required.count(), 0);
        QCOMPARE(session.userName(), QStringLiteral("operator"));

        // Sign-out removes the stored token.
        QSignalSpy out(&session, &Session::signedOut);
        session.signOut();
        QVERIFY(waitFor(out));
        CredentialStore::Result after;
        bool read = false;
        store.read(keyName, this, [&](const CredentialStore::Result &r) { after = r; read = true; });
        QTRY_VERIFY(read);
        QCOMPARE(after.outcome, CredentialStore::Outcome::NotFound);
    }

    void viewerIsRefusedByTheServer()
    {
        ApiClient api(m_fx.profile);
        CredentialStore store(QStringLiteral("ops-console-e2e-viewer"));
        Session session(&api, &store, m_fx.profile.name);
        QSignalSpy signedIn(&session, &Session::signedIn);
        session.signIn(QStringLiteral("viewer"), QStringLiteral("viewer-sandbox-pw"), false);
        QVERIFY(waitFor(signedIn));
        QVERIFY(!session.hasPermission(QStringLiteral("breaker:trip")));
        ApiResult result;
        bool done = false;
        session.call("GET", QStringLiteral("api/v1/admin/users"), {}, this, [&](const ApiResult &r) { result = r; done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(result.kind, ApiResult::Kind::Forbidden);
        QCOMPARE(result.permission, QStringLiteral("users:view"));
        QVERIFY(!result.requestId.isEmpty());
        session.signOut();
    }

    void tls_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("explanation");
        QTest::newRow("trusted CA") << "good" << true << QString() << true << QString();
        QTest::newRow("untrusted self-signed") << "self" << true << QString() << false << "self signed";
        QTest::newRow("CA not configured") << "good" << false << QString() << false << "issuer";
        QTest::newRow("expired") << "expired" << true << QString() << false << "expired";
        QTest::newRow("wrong host") << "wronghost" << true << QString() << false << "host name";
        QTest::newRow("right pin") << "good" << true << "PIN" << true << QString();
        QTest::newRow("wrong pin") << "good" << true << "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" << false << "pinned";
    }
    void tls()
    {
        QFETCH(QString, certificate);
        QFETCH(bool, trustCa);
        QFETCH(QString, pin);
        QFETCH(bool, accepted);
        QFETCH(QString, explanation);
        QString error;
        auto tlsSandbox = startTls(cert(certificate + QStringLiteral(".pem")), cert(certificate + QStringLiteral(".key")), &error);
        QVERIFY2(tlsSandbox, qPrintable(error));
        ConnectionProfile profile = httpsProfile(*tlsSandbox);
        QCOMPARE(profile.restBaseUrl.scheme(), QStringLiteral("https"));
        if (trustCa)
            profile.caBundlePath = cert(QStringLiteral("ca.pem"));
        if (pin == QLatin1String("PIN")) {
            const QList<QSslCertificate> certs = QSslCertificate::fromPath(cert(certificate + QStringLiteral(".pem")));
            QVERIFY(!certs.isEmpty());
            pin = QString::fromLatin1(
                QCryptographicHash::hash(certs.first().publicKey().toDer(), QCryptographicHash::Sha256).toBase64());
        }
        profile.publicKeyPinSha256 = pin;
        ApiClient api(profile);
        ApiResult result;
        bool done = false;
        api.post(QStringLiteral("api/v1/auth/login"),
                 QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("viewer")},
                                           {QStringLiteral("password"), QStringLiteral("viewer-sandbox-pw")}}),
                 this, [&](const ApiResult &r) { result = r; done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        if (accepted) {
            QVERIFY2(result.ok(), qPrintable(result.message));
            return;
        }
        QCOMPARE(result.kind, ApiResult::Kind::TlsError);
        const QString details = result.message + QLatin1Char(' ') + api.lastTlsProblem();
        QVERIFY2(details.contains(explanation, Qt::CaseInsensitive), qPrintable(details));
    }

    void redirectToAnotherOriginNeverCarriesTheToken()
    {
        test::FakeHttpServer platform;
        test::FakeHttpServer elsewhere;
        QVERIFY(platform.listen());
        QVERIFY(elsewhere.listen());
        elsewhere.setJson(QStringLiteral("/api/v1/system/info"), R"({"stolen":true})");
        test::FakeHttpServer::Response redirect;
        redirect.status = 307;
        redirect.contentType = "text/plain";
        redirect.extraHeaders = {"Location: " + elsewhere.url(QStringLiteral("/api/v1/system/info")).toEncoded()};
        platform.setResponse(QStringLiteral("/api/v1/system/info"), redirect);
        ConnectionProfile profile = m_fx.profile;
        profile.restBaseUrl = platform.url(QStringLiteral("/"));
        ApiClient api(profile);
        api.setToken(QStringLiteral("secret-token-canary"));
        const ApiResult result = callOnce(api, QStringLiteral("api/v1/system/info"));
        QVERIFY(!result.ok());
        QCOMPARE(platform.requestCount(QStringLiteral("/api/v1/system/info")), 1);
        QCOMPARE(elsewhere.requestCount(QStringLiteral("/api/v1/system/info")), 0);
    }

    void canaryNoSecretInAnyFileTheRunWrote()
    {
        shutdownLogging();
        QVERIFY(!m_seenToken.isEmpty());
        const QList<QByteArray> canaries = {QByteArray(OperatorPassword), QByteArray("viewer-sandbox-pw"),
                                            m_seenToken.toUtf8(), QByteArray("secret-token-canary")};
        int files = 0;
        const QStringList roots = {runRoot().path(), QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                                   QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation),
                                   QStringLiteral(OPS_BUILD_TESTING_DIR)};
        for (const QString &root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.contains(QStringLiteral("/keyrings/")))
                    continue; // the keychain's own encrypted store
                QFile f(path);
                if (f.size() > 64 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray content = f.readAll();
                ++files;
                for (const QByteArray &canary : canaries)
                    QVERIFY2(!content.contains(canary), qPrintable(QStringLiteral("%1 contains a secret").arg(path)));
            }
        }
        QVERIFY2(files > 0, "the run wrote at least its log file");
        QVERIFY(QFile::exists(runRoot().filePath(QStringLiteral("logs/ops-console.log"))));
    }
};

QTEST_GUILESS_MAIN(TestAuthE2E)
#include "tst_auth_e2e.moc"
