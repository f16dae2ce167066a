// Support bundle: redaction of every kind of secret the console could ever log, the settings dump,
// the ZIP writer (CRC-32, stored entries, UTF-8 names) proven by Python's zipfile module
// (tests/data/zip_inspect.py), the bundle's entries, and that planted secrets appear nowhere in it.

#include "core/SupportBundle.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace ops;

namespace {

QString dataDir() { return qEnvironmentVariable("OPS_SOURCE_DIR") + QStringLiteral("/tests/data"); }

// Secrets planted in logs, settings and the health snapshot. None may survive.
const QStringList Planted = {
    QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcGVyYXRvciJ9.c2lnbmF0dXJlLXNlY3JldA"),
    QStringLiteral("b3arer-t0ken-ABCDEF123456"),
    QStringLiteral("Zm9yIHRoZSB0ZXN0IG9ubHksIG5vdCBhIHJlYWwga2V5"),
    QStringLiteral("L1veK3ySecretPartXYZ0123456789abcdefghijklmn"),
    QStringLiteral("hunter2-db-Pa55"),
    QStringLiteral("url-pa55w0rd"),
    QStringLiteral("cookie-value-42abc"),
    QStringLiteral("keychain-stored-pw"),
    QStringLiteral("known-session-token-9f8e7d"),
    QStringLiteral("settings-secret-value"),
    QStringLiteral("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
    QStringLiteral("basic-creds-b64=="),
    QStringLiteral("health-url-secret"),
};

const QString LogText = QStringLiteral(
    "2026-03-29T00:00:00.000Z info  [1] signed in, Authorization: Bearer b3arer-t0ken-ABCDEF123456\n"
    "2026-03-29T00:00:01.000Z debug [1] jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcGVyYXRvciJ9.c2lnbmF0dXJlLXNlY3JldA seen\n"
    "2026-03-29T00:00:02.000Z info  [1] created key tp_test_k3v9x2qa.Zm9yIHRoZSB0ZXN0IG9ubHksIG5vdCBhIHJlYWwga2V5 for batch\n"
    "2026-03-29T00:00:03.000Z warn  [1] raw key tp_live_L1veK3ySecretPartXYZ0123456789abcdefghijklmn rejected\n"
    "2026-03-29T00:00:04.000Z info  [1] connecting host=db port=5432 password=hunter2-db-Pa55 sslmode=prefer\n"
    "2026-03-29T00:00:05.000Z info  [1] GET https://ops:url-pa55w0rd@api.example.test/api/v1/health 200\n"
    "2026-03-29T00:00:06.000Z debug [1] Cookie: session=cookie-value-42abc; theme=dark\n"
    "2026-03-29T00:00:07.000Z debug [1] keychain token/sandbox = keychain-stored-pw\n"
    "2026-03-29T00:00:08.000Z debug [1] restored known-session-token-9f8e7d from memory\n"
    "2026-03-29T00:00:09.000Z debug [1] {\"authorization\": \"Basic basic-creds-b64==\", \"user\": \"op\"}\n"
    "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"
    "2026-03-29T00:00:10.000Z info  [1] key prefix tp_test_ab12cd34 revoked by admin\n"
    "2026-03-29T00:00:11.000Z info  [1] GET /api/v1/breaker 200 in 12 ms\n");

struct Inspected
{
    bool ok = false;
    QString error;
    QJsonObject root;

    [[nodiscard]] QStringList names() const
    {
        QStringList out;
        for (const QJsonValue &e : root.value(QStringLiteral("entries")).toArray())
            out << e.toObject().value(QStringLiteral("name")).toString();
        return out;
    }
    [[nodiscard]] QString text(const QString &name) const
    {
        return root.value(QStringLiteral("texts")).toObject().value(name).toString();
    }
};

Inspected inspectWithPython(const QString &zipPath)
{
    Inspected r;
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        r.error = QStringLiteral("python3 not found");
        return r;
    }
    QProcess proc;
    proc.start(python, {dataDir() + QStringLiteral("/zip_inspect.py"), zipPath});
    if (!proc.waitForFinished(60000) || proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
        r.error = QStringLiteral("zip_inspect.py failed: ") + QString::fromUtf8(proc.readAllStandardError());
        return r;
    }
    QJsonParseError error{};
    r.root = QJsonDocument::fromJson(proc.readAllStandardOutput(), &error).object();
    if (error.error != QJsonParseError::NoError) {
        r.error = QStringLiteral("zip_inspect.py printed no JSON: ") + error.errorString();
        return r;
    }
    r.ok = true;
    return r;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(data), data.size());
}

} // namespace

class TestSupportBundle final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A log folder with the current and one rotated log, a settings file with secret keys.
    SupportBundle::Options makeOptions(const QString &name)
    {
        const QString base = m_dir.filePath(name);
        QDir().mkpath(base + QStringLiteral("/logs"));
        writeFile(base + QStringLiteral("/logs/ops-console.log"), LogText.toUtf8());
        writeFile(base + QStringLiteral("/logs/ops-console.1.log"),
                  QByteArray("2026-03-28T23:00:00.000Z info  [1] older: api_key=tp_test_zzzz9999.Zm9yIHRoZSB0ZXN0IG9ubHksIG5vdCBhIHJlYWwga2V5\n"));
        writeFile(base + QStringLiteral("/logs/unrelated.txt"), QByteArray("not a log"));
        {
            QSettings s(base + QStringLiteral("/settings.ini"), QSettings::IniFormat);
            s.setValue(QStringLiteral("notifications/enabled"), true);
            s.setValue(QStringLiteral("appearance/theme"), QStringLiteral("dark"));
            s.setValue(QStringLiteral("profiles/prod/rest_base_url"), QStringLiteral("https://ops:url-pa55w0rd@api.example.test"));
            s.setValue(QStringLiteral("profiles/prod/postgres/password"), QStringLiteral("settings-secret-value"));
            s.setValue(QStringLiteral("profiles/prod/api_key"), QStringLiteral("settings-secret-value"));
            s.setValue(QStringLiteral("alerts/recipient_email"), QStringLiteral("settings-secret-value"));
            s.setValue(QStringLiteral("window/geometry"), QByteArray("\x01\x02\x03", 3));
        }
        SupportBundle::Options o;
        o.outputPath = base + QStringLiteral("/bundle.zip");
        o.logDirectory = base + QStringLiteral("/logs");
        o.settingsFile = base + QStringLiteral("/settings.ini");
        o.healthJson = QByteArray("{\"profile\": \"prod\", \"services\": [{\"name\": \"gateway\", \"error\": "
                                  "\"GET https://x:health-url-secret@gw.example.test failed\"}]}");
        o.versions = SupportBundle::collectVersions();
        o.knownSecrets = {QStringLiteral("known-session-token-9f8e7d"), QStringLiteral("ab")};
        o.createdAt = QDateTime(QDate(2026, 3, 29), QTime(0, 30, 12), Qt::UTC);
        return o;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void crc32KnownValues()
    {
        QCOMPARE(SupportBundle::crc32(QByteArray("123456789")), 0xCBF43926u);
        QCOMPARE(SupportBundle::crc32(QByteArray()), 0u);
        QCOMPARE(SupportBundle::crc32(QByteArray("The quick brown fox jumps over the lazy dog")), 0x414FA339u);
    }

    void redaction_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");   // must be gone
        QTest::addColumn<QString>("kept");     // must still be there

        QTest::newRow("authorization header") << QStringLiteral("Authorization: Bearer abc.def-123456") << QStringLiteral("abc.def-123456")
                                              << QStringLiteral("Authorization: [REDACTED]");
        QTest::newRow("authorization json") << QStringLiteral("{\"Authorization\": \"Bearer tok-987654321\"}")
                                            << QStringLiteral("tok-987654321") << QStringLiteral("\"Authorization\": \"[REDACTED]");
        QTest::newRow("proxy authorization basic") << QStringLiteral("Proxy-Authorization: Basic dXNlcjpwYXNz")
                                                   << QStringLiteral("dXNlcjpwYXNz") << QStringLiteral("Proxy-Authorization: [REDACTED]");
        QTest::newRow("bearer in prose") << QStringLiteral("sent bearer AbCdEf0123456789 to api") << QStringLiteral("AbCdEf0123456789")
                                         << QStringLiteral("to api");
        QTest::newRow("bearer token words") << QStringLiteral("uses a bearer token") << QStringLiteral("\x01")
                                            << QStringLiteral("uses a bearer token");
        QTest::newRow("password kv") << QStringLiteral("password=s3cr3t! next") << QStringLiteral("s3cr3t!")
                                     << QStringLiteral("password=[REDACTED] next");
        QTest::newRow("password json") << QStringLiteral("{\"password\": \"p\\\"w\", \"user\": \"op\"}") << QStringLiteral("p\\\"w")
                                       << QStringLiteral("\"user\": \"op\"");
        QTest::newRow("access_token json") << QStringLiteral("{\"access_token\":\"zzz-111-yyy\"}") << QStringLiteral("zzz-111-yyy")
                                           << QStringLiteral("\"access_token\":\"[REDACTED]\"");
        QTest::newRow("client secret yaml") << QStringLiteral("client_secret: 9a8b7c6d") << QStringLiteral("9a8b7c6d")
                                            << QStringLiteral("client_secret: [REDACTED]");
        QTest::newRow("x-api-key header") << QStringLiteral("X-Api-Key: k-42-secret") << QStringLiteral("k-42-secret")
                                          << QStringLiteral("X-Api-Key: [REDACTED]");
        QTest::newRow("query token") << QStringLiteral("GET /ws?token=qqq-999&x=1") << QStringLiteral("qqq-999")
                                     << QStringLiteral("&x=1");
        QTest::newRow("api key dotted") << QStringLiteral("key tp_live_abcd1234.SECRETsecretSECRETsecret_-xyz")
                                        << QStringLiteral("SECRETsecretSECRETsecret_-xyz") << QStringLiteral("tp_live_abcd1234.[REDACTED]");
        QTest::newRow("api key without dot") << QStringLiteral("key tp_test_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345 x")
                                             << QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345") << QStringLiteral("tp_test_[REDACTED] x");
        QTest::newRow("api key public prefix") << QStringLiteral("revoked tp_test_ab12cd34 today") << QStringLiteral("\x01")
                                               << QStringLiteral("revoked tp_test_ab12cd34 today");
        QTest::newRow("jwt") << QStringLiteral("t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature-1 ok") << QStringLiteral("eyJzdWIiOiIxIn0")
                             << QStringLiteral(" ok");
        QTest::newRow("url password") << QStringLiteral("postgresql://ops_ro:pg-pw-1@db:5432/platform") << QStringLiteral("pg-pw-1")
                                      << QStringLiteral("postgresql://ops_ro:[REDACTED]@db:5432/platform");
        QTest::newRow("cookie header") << QStringLiteral("Set-Cookie: sid=abc123def; HttpOnly") << QStringLiteral("abc123def")
                                       << QStringLiteral("Set-Cookie: [REDACTED]");
        QTest::newRow("keychain key value") << QStringLiteral("postgres/prod: kc-pw-7") << QStringLiteral("kc-pw-7")
                                            << QStringLiteral("postgres/prod: [REDACTED]");
        QTest::newRow("keychain key name alone") << QStringLiteral("read token/sandbox from the keychain") << QStringLiteral("\x01")
                                                 << QStringLiteral("read token/sandbox from the keychain");
        QTest::newRow("private key") << QStringLiteral("x\n-----BEGIN RSA PRIVATE KEY-----\nAAAAsecretBBBB\n-----END RSA PRIVATE KEY-----\ny")
                                     << QStringLiteral("AAAAsecretBBBB") << QStringLiteral("x\n[REDACTED]\ny");
        QTest::newRow("ordinary line") << QStringLiteral("GET /api/v1/health 200 in 12 ms (gateway healthy)") << QStringLiteral("\x01")
                                       << QStringLiteral("GET /api/v1/health 200 in 12 ms (gateway healthy)");
    }

    void redaction()
    {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        QFETCH(QString, kept);
        const SupportBundle::RedactedText r = SupportBundle::redact(input);
        QVERIFY2(!r.text.contains(secret), qPrintable(r.text));
        QVERIFY2(r.text.contains(kept), qPrintable(r.text));
        QCOMPARE(r.count > 0, r.text != input);
        // Redacting twice changes nothing more.
        const SupportBundle::RedactedText again = SupportBundle::redact(r.text);
        QCOMPARE(again.text, r.text);
        QCOMPARE(again.count, 0);
    }

    void knownSecretsAreRemovedLiterally()
    {
        const auto r = SupportBundle::redact(QStringLiteral("x s3ss10n.t0ken+/= y"), {QStringLiteral("s3ss10n.t0ken+/=")});
        QCOMPARE(r.text, QStringLiteral("x [REDACTED] y"));
        QCOMPARE(r.count, 1);
        // Too short to replace safely: ignored rather than shredding the text.
        QCOMPARE(SupportBundle::redact(QStringLiteral("abc"), {QStringLiteral("b")}).text, QStringLiteral("abc"));
    }

    void settingsDumpHidesSecretKeys()
    {
        const SupportBundle::Options o = makeOptions(QStringLiteral("dump"));
        const SupportBundle::RedactedText dump = SupportBundle::settingsDump(o.settingsFile);
        QVERIFY2(!dump.text.contains(QStringLiteral("settings-secret-value")), qPrintable(dump.text));
        QVERIFY2(!dump.text.contains(QStringLiteral("url-pa55w0rd")), qPrintable(dump.text));
        QVERIFY(dump.text.contains(QStringLiteral("notifications/enabled = true")));
        QVERIFY(dump.text.contains(QStringLiteral("appearance/theme = dark")));
        QVERIFY(dump.text.contains(QStringLiteral("profiles/prod/postgres/password = [REDACTED]")));
        QVERIFY(dump.text.contains(QStringLiteral("profiles/prod/api_key = [REDACTED]")));
        QVERIFY(dump.text.contains(QStringLiteral("alerts/recipient_email = [REDACTED]")));
        QVERIFY(dump.text.contains(QStringLiteral("profiles/prod/rest_base_url = https://ops:[REDACTED]@api.example.test")));
        QVERIFY(dump.text.contains(QStringLiteral("window/geometry = (3 bytes)")));
        QCOMPARE(dump.count, 4);
        QVERIFY(SupportBundle::settingsDump(m_dir.filePath(QStringLiteral("missing.ini"))).text.startsWith(QLatin1Char('#')));
    }

    void zipWriterReadByPython()
    {
        const QString path = m_dir.filePath(QStringLiteral("plain.zip"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray binary;
        for (int i = 0; i < 70000; ++i)
            binary.append(char(i * 7));
        const QList<SupportBundle::Entry> entries = {
            {QStringLiteral("a.txt"), QByteArray("hello\n"), {}},
            {QStringLiteral("empty.txt"), QByteArray(), {}},
            {QStringLiteral("dir/Größe – ü.txt"), QByteArray("utf-8 name"), {}},
            {QStringLiteral("dir/binary.bin"), binary, QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58), Qt::UTC)},
        };
        QString error;
        QVERIFY2(SupportBundle::writeZip(&f, entries, QDateTime(QDate(2026, 3, 29), QTime(1, 2, 4), Qt::UTC), &error),
                 qPrintable(error));
        f.close();

        const Inspected z = inspectWithPython(path);
        QVERIFY2(z.ok, qPrintable(z.error));
        QVERIFY(z.root.value(QStringLiteral("bad_crc")).isNull()); // every CRC-32 checks out
        QCOMPARE(z.names(), (QStringList{QStringLiteral("a.txt"), QStringLiteral("empty.txt"), QStringLiteral("dir/Größe – ü.txt"),
                                         QStringLiteral("dir/binary.bin")}));
        QCOMPARE(z.text(QStringLiteral("a.txt")), QStringLiteral("hello\n"));
        QCOMPARE(z.text(QStringLiteral("dir/Größe – ü.txt")), QStringLiteral("utf-8 name"));
        const QJsonArray list = z.root.value(QStringLiteral("entries")).toArray();
        QCOMPARE(list.at(3).toObject().value(QStringLiteral("size")).toInt(), 70000);
        for (const QJsonValue &e : list) {
            QCOMPARE(e.toObject().value(QStringLiteral("compress_type")).toInt(), 0); // stored
            QVERIFY(e.toObject().value(QStringLiteral("utf8_flag")).toBool());
        }

        // Names that would escape the folder they are unpacked into are refused.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        for (const QString &bad : {QStringLiteral("../evil"), QStringLiteral("/abs"), QStringLiteral("a//b"), QString()}) {
            QVERIFY2(!SupportBundle::writeZip(&buffer, {{bad, QByteArray("x"), {}}}, QDateTime::currentDateTimeUtc(), &error),
                     qPrintable(bad));
            QVERIFY(!error.isEmpty());
        }
    }

    void bundleHasEverythingAndNoSecrets()
    {
        const SupportBundle::Options o = makeOptions(QStringLiteral("full"));
        const SupportBundle::Result r = SupportBundle::write(o);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.path, o.outputPath);
        QVERIFY(r.redactions >= 14);
        QCOMPARE(r.bytes, QFileInfo(o.outputPath).size());

        const Inspected z = inspectWithPython(o.outputPath);
        QVERIFY2(z.ok, qPrintable(z.error));
        QVERIFY(z.root.value(QStringLiteral("bad_crc")).isNull());
        QStringList names = z.names();
        QCOMPARE(names, r.entries);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("README.txt"), QStringLiteral("health.json"), QStringLiteral("logs/ops-console.1.log"),
                                     QStringLiteral("logs/ops-console.log"), QStringLiteral("settings.ini"),
                                     QStringLiteral("versions.json")}));

        // The secrets are gone from every entry, and from the file's bytes (the entries are stored).
        const QByteArray raw = readAll(o.outputPath);
        for (const QString &name : std::as_const(names)) {
            const QString text = z.text(name);
            for (const QString &secret : Planted)
                QVERIFY2(!text.contains(secret), qPrintable(name + QStringLiteral(": ") + secret));
        }
        for (const QString &secret : Planted)
            QVERIFY2(!raw.contains(secret.toUtf8()), qPrintable(secret));

        // What stays is useful.
        const QString log = z.text(QStringLiteral("logs/ops-console.log"));
        QVERIFY(log.contains(QStringLiteral("tp_test_k3v9x2qa.[REDACTED]")));
        QVERIFY(log.contains(QStringLiteral("key prefix tp_test_ab12cd34 revoked by admin")));
        QVERIFY(log.contains(QStringLiteral("GET /api/v1/breaker 200 in 12 ms")));
        QCOMPARE(log.count(QLatin1Char('\n')), LogText.count(QLatin1Char('\n')) - 2); // the key block became one line
        QVERIFY(z.text(QStringLiteral("settings.ini")).contains(QStringLiteral("notifications/enabled = true")));

        const QJsonObject versions = QJsonDocument::fromJson(z.text(QStringLiteral("versions.json")).toUtf8()).object();
        QCOMPARE(versions.value(QStringLiteral("qt_runtime")).toString(), QString::fromLatin1(qVersion()));
        QVERIFY(!versions.value(QStringLiteral("os")).toString().isEmpty());
        QVERIFY(versions.value(QStringLiteral("postgresql_client")).toString().contains(QLatin1Char('.')));
        QCOMPARE(versions.value(QStringLiteral("bundle_created_at")).toString(), QStringLiteral("2026-03-29T00:30:12.000Z"));

        QJsonParseError error{};
        const QJsonObject health = QJsonDocument::fromJson(z.text(QStringLiteral("health.json")).toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError); // still valid JSON after redaction
        QCOMPARE(health.value(QStringLiteral("profile")).toString(), QStringLiteral("prod"));

        const QString readme = z.text(QStringLiteral("README.txt"));
        QVERIFY(readme.contains(QStringLiteral("2026-03-29T00:30:12.000Z")));
        QVERIFY(readme.contains(QStringLiteral("logs/ops-console.log")));
        QVERIFY(readme.contains(QStringLiteral("[REDACTED]")));
    }

    void logLimitLeavesOlderFilesOut()
    {
        SupportBundle::Options o = makeOptions(QStringLiteral("limit"));
        {
            QFile older(o.logDirectory + QStringLiteral("/ops-console.1.log"));
            QVERIFY(older.open(QIODevice::ReadWrite));
            QVERIFY(older.setFileTime(QDateTime::currentDateTimeUtc().addDays(-1), QFileDevice::FileModificationTime));
        }
        o.maxLogBytes = QFileInfo(o.logDirectory + QStringLiteral("/ops-console.log")).size() + 10;
        const SupportBundle::Result r = SupportBundle::write(o);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.entries.contains(QStringLiteral("logs/ops-console.log")));
        QVERIFY(!r.entries.contains(QStringLiteral("logs/ops-console.1.log")));
        const Inspected z = inspectWithPython(o.outputPath);
        QVERIFY2(z.ok, qPrintable(z.error));
        QVERIFY(z.text(QStringLiteral("README.txt")).contains(QStringLiteral("logs/ops-console.1.log: left out")));
    }

    void failureLeavesNoFile()
    {
        SupportBundle::Options o = makeOptions(QStringLiteral("fail"));
        o.outputPath = m_dir.filePath(QStringLiteral("no/such/folder/bundle.zip"));
        const SupportBundle::Result r = SupportBundle::write(o);
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
        QVERIFY(!QFileInfo::exists(o.outputPath));

        o.outputPath.clear();
        QVERIFY(!SupportBundle::write(o).ok);
    }

    void asyncReportsOnTheCallersThread()
    {
        const SupportBundle::Options o = makeOptions(QStringLiteral("async"));
        QObject context;
        bool done = false;
        SupportBundle::Result result;
        QThread *callbackThread = nullptr;
        SupportBundle::writeAsync(o, &context, [&](const SupportBundle::Result &r) {
            result = r;
            callbackThread = QThread::currentThread();
            done = true;
        });
        QVERIFY(!done); // never synchronously
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(callbackThread, QThread::currentThread());
        QVERIFY(QFileInfo::exists(o.outputPath));
    }

    void defaultFileName()
    {
        QCOMPARE(SupportBundle::defaultFileName(QDateTime(QDate(2026, 11, 23), QTime(11, 4, 5), Qt::UTC)),
                 QStringLiteral("ops-console-support-20261123-110405Z.zip"));
    }
};

QTEST_GUILESS_MAIN(TestSupportBundle)
#include "tst_supportbundle.moc"
