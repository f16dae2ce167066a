// CSV export of the audit log (CsvExporter) and the masking rule (Masking.cpp) against a real
// PostgreSQL: the sandbox's schema (migration 0006: chained, append-only audit_log, read-only
// console role), rows written as the superuser, the export read as ops_console_ro.
//
// Independent checks: golden files written from the documented rules (tests/data/make_csv_golden.py),
// Python's csv module parsing the exported files back (tests/data/csv_parse.py), and the C++ rules
// (CsvExporter::guardCell/isoUtc, masking::masked) applied to the rows read back with QSqlQuery.
#include "E2eFixture.h"
#include "audit/CsvExporter.h"
#include "audit/Masking.h"

#include <QtTest>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/mount.h>
#include <sys/resource.h>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

const QString kDatabase = u"ops_e2e_csv"_s;
const QString kAdmin = u"tst_csv_admin"_s;   // superuser: writes rows, kills backends, takes locks
const QString kExport = u"tst_csv_export"_s; // ops_console_ro: what the console reads with

struct GoldenRow
{
    const char *timestamp;
    const char *user; // UTF-8; nullptr = NULL
    const char *action;
    const char *eventType;
    const char *resourceId;
    const char *outcome;
    const char *details;
};

// Keep in step with tests/data/make_csv_golden.py (which writes the expected file).
const GoldenRow kGoldenRows[] = {
    {"2026-11-23 12:04:05.123456+00", "=1+2\";=1+2", "@SUM(1+1)*cmd|' /C calc'!A0", "action", "+1", "-2+3",
     "{\"note\": \"=1+2\", \"token\": \"s3cr3t-G1\"}"},
    {"2026-11-23 12:04:05.123456+00", "\t=cmd|' /C calc'!A0", "\r=1+2", "auth", "\n-2+3", "\uFF1D1+2",
     "{\"before\": {\"password\": \"pw-G2\"}, \"after\": {\"password\": \"pw-G2b\"}}"},
    {"2026-11-23 12:04:04.000001+00", "-5", "+3.25", "admin", "\uFF0D5", "\uFF0B1", "-5"},
    {"2026-01-02 03:04:05+00", "\uFF20home", "ok, \"quoted\"", "action", "", "line1\nline2",
     "{\"msg\": \"a \\\"token\\\": \\\"x\\\" inside\", \"emails\": [\"ops@example.com\"], \"n\": 1.50}"},
    {"1999-12-31 23:59:59.999999+00", nullptr, "Gr\u00fc\u00dfe \u65e5\u672c \U0001F600", "auth",
     "=HYPERLINK(\"http://x\")", "-", "{}"},
    {"2026-11-23 12:04:05.123455+00", "+", "-1e5", "admin", "@", "=",
     "{\"a\\\\b\": \"c\\\\\\\"d\", \"Phone\": 5551234, \"list\": [1, {\"Authorization\": \"Bearer abc\"}]}"},
};

QString dataDir()
{
    return qEnvironmentVariable("OPS_SOURCE_DIR") + u"/tests/data"_s;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

// A JSON value of any kind from text (QJsonDocument wants an object or array at the top).
QJsonValue jsonValue(const QString &text, bool *ok)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(u"["_s.append(text).append(u']').toUtf8(), &error);
    *ok = error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1;
    return *ok ? doc.array().at(0) : QJsonValue();
}

QString describe(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

// --- random inputs -------------------------------------------------------------------------------

const QStringList kKeyParts = {
    u"token"_s, u"TOKEN"_s, u"Secret"_s, u"password"_s, u"api_key"_s, u"apikey"_s, u"Authorization"_s,
    u"key_hash"_s, u"recipient"_s, u"eMail"_s, u"phone"_s, u"note"_s, u"a"_s, u"id"_s, u"\"token\": "_s,
    u"\\"_s, u"\""_s, u"\t"_s, u"\token"_s, u"\r"_s, u"ecipient"_s, u"to\u212Aen"_s, u"\u017Fecret"_s,
    u"\u00e9"_s, u"\U0001F600"_s, u" "_s, u": "_s, u", "_s, u"{"_s, u"["_s, u"\u0001"_s, u"x"_s,
};

QString randomText(QRandomGenerator &rng, int maxParts)
{
    QString s;
    const int n = int(rng.bounded(maxParts + 1));
    for (int i = 0; i < n; ++i)
        s += kKeyParts.at(int(rng.bounded(kKeyParts.size())));
    return s;
}

QJsonValue randomJson(QRandomGenerator &rng, int depth)
{
    const int kind = int(rng.bounded(depth > 0 ? 9 : 6));
    switch (kind) {
    case 0: return QJsonValue(randomText(rng, 4));
    case 1: return QJsonValue(int(rng.bounded(2000)) - 1000);
    case 2: return QJsonValue(double(rng.bounded(100000)) / 64.0 - 700.0);
    case 3: return QJsonValue(rng.bounded(2) == 0);
    case 4: return QJsonValue(QJsonValue::Null);
    case 5: return QJsonValue(randomText(rng, 2));
    case 6: {
        QJsonArray a;
        const int n = int(rng.bounded(4));
        for (int i = 0; i < n; ++i)
            a.append(randomJson(rng, depth - 1));
        return a;
    }
    default: {
        QJsonObject o;
        const int n = int(rng.bounded(5));
        for (int i = 0; i < n; ++i)
            o.insert(randomText(rng, 3), randomJson(rng, depth - 1));
        return o;
    }
    }
}

const QStringList kCellParts = {
    u"="_s, u"+"_s, u"-"_s, u"@"_s, u"\t"_s, u"\r"_s, u"\n"_s, u"\uFF1D"_s, u"\uFF0B"_s, u"\uFF0D"_s, u"\uFF20"_s,
    u","_s, u"\""_s, u"'"_s, u"\\"_s, u";"_s, u" "_s, u"5"_s, u"3.25"_s, u"e7"_s, u"."_s, u"SUM(A1)"_s,
    u"\u00fc"_s, u"\u65e5"_s, u"\U0001F600"_s, u"cmd|' /C calc'!A0"_s, u"\r\n"_s,
};

QVariant randomCell(QRandomGenerator &rng)
{
    switch (rng.bounded(8)) {
    case 0: return QVariant(QMetaType::fromType<QString>()); // NULL
    case 1: {
        static const QStringList numbers = {u"-5"_s, u"+3.25"_s, u"-1e5"_s, u"+.5"_s, u"-7."_s, u"42"_s, u"-0"_s};
        return numbers.at(int(rng.bounded(numbers.size())));
    }
    default: {
        QString s = u""_s; // empty, not null: '' in the database
        const int n = int(rng.bounded(6));
        for (int i = 0; i < n; ++i)
            s += kCellParts.at(int(rng.bounded(kCellParts.size())));
        return s;
    }
    }
}

struct Parsed
{
    bool ok = false;
    QString error;
    bool bom = false;
    QList<QStringList> rows;
    int crlfRecords = 0;
    int bareLineBreaks = 0;
    bool endsWithCrlf = false;
};

Parsed parseWithPython(const QString &path)
{
    Parsed p;
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty()) {
        p.error = u"python3 not found"_s;
        return p;
    }
    QProcess proc;
    proc.start(python, {dataDir() + u"/csv_parse.py"_s, path});
    if (!proc.waitForFinished(60000) || proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
        p.error = u"csv_parse.py failed: "_s + QString::fromUtf8(proc.readAllStandardError());
        return p;
    }
    QJsonParseError error{};
    const QJsonObject o = QJsonDocument::fromJson(proc.readAllStandardOutput(), &error).object();
    if (error.error != QJsonParseError::NoError) {
        p.error = u"csv_parse.py printed no JSON: "_s + error.errorString();
        return p;
    }
    p.bom = o.value(u"bom"_s).toBool();
    p.crlfRecords = o.value(u"crlf_records"_s).toInt();
    p.bareLineBreaks = o.value(u"bare_line_breaks"_s).toInt();
    p.endsWithCrlf = o.value(u"ends_with_crlf"_s).toBool();
    for (const QJsonValue &row : o.value(u"rows"_s).toArray()) {
        QStringList cells;
        for (const QJsonValue &cell : row.toArray())
            cells << cell.toString();
        p.rows << cells;
    }
    p.ok = true;
    return p;
}

// The rows of audit_log matching `where` (bound values), as the export must show them: the C++
// rules applied to what QSqlQuery reads. details stays raw JSON text (compared as JSON values).
QList<QStringList> expectedRows(const QString &where, const QVariantList &values, int limit)
{
    QList<QStringList> rows;
    QSqlQuery q(QSqlDatabase::database(kAdmin));
    q.setForwardOnly(true);
    q.prepare(u"SELECT CAST(extract(epoch FROM \"timestamp\") * 1000000 AS bigint), user_id, action, event_type, "
              "resource_type, resource_id, outcome, CAST(details AS text) FROM audit_log WHERE "_s
              + where + u" ORDER BY \"timestamp\" DESC, id DESC LIMIT "_s + QString::number(limit));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        qFatal("expectedRows: %s", qPrintable(q.lastError().text()));
    while (q.next()) {
        QStringList r;
        r << ops::CsvExporter::isoUtc(q.value(0).toLongLong());
        for (int i = 1; i <= 6; ++i)
            r << (q.isNull(i) ? QString() : ops::CsvExporter::guardCell(q.value(i).toString()));
        r << q.value(7).toString();
        rows << r;
    }
    return rows;
}

// Compares parsed CSV rows (header first) with expectedRows(); details as masked JSON values.
QString compareRows(const QList<QStringList> &parsed, const QList<QStringList> &expected)
{
    if (parsed.isEmpty() || parsed.first() != ops::CsvExporter::columns())
        return u"header: "_s + (parsed.isEmpty() ? QString() : parsed.first().join(u'|'));
    if (parsed.size() - 1 != expected.size())
        return u"row count %1, expected %2"_s.arg(parsed.size() - 1).arg(expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        const QStringList &got = parsed.at(i + 1);
        const QStringList &want = expected.at(i);
        if (got.size() != 8)
            return u"row %1 has %2 cells"_s.arg(i).arg(got.size());
        for (int c = 0; c < 7; ++c) {
            if (got.at(c) != want.at(c))
                return u"row %1 column %2: got [%3] expected [%4]"_s.arg(i).arg(c).arg(got.at(c), want.at(c));
        }
        bool okGot = false;
        bool okWant = false;
        const QJsonValue gotJson = jsonValue(got.at(7), &okGot);
        const QJsonValue wantJson = ops::masking::masked(jsonValue(want.at(7), &okWant));
        if (!okGot || !okWant || gotJson != wantJson)
            return u"row %1 details: got %2 expected %3"_s.arg(i).arg(got.at(7), describe(wantJson));
        if (got.at(7).contains(u'\n') || got.at(7).contains(u'\r'))
            return u"row %1 details not on one line"_s.arg(i);
        if (ops::CsvExporter::compactJson(got.at(7)) != got.at(7))
            return u"row %1 details not compact: %2"_s.arg(i).arg(got.at(7));
    }
    return {};
}

} // namespace

class TestCsvExport final : public QObject
{
    Q_OBJECT

private:
    ops::test::SandboxFixture m_fixture;
    QTemporaryDir m_dir;
    int m_exportPid = 0;

    static QSqlDatabase admin() { return QSqlDatabase::database(kAdmin); }

    static bool exec(const QString &sql, const QVariantList &values = {}, QString *error = nullptr)
    {
        QSqlQuery q(admin());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        const bool ok = q.exec();
        if (!ok && error)
            *error = q.lastError().text();
        return ok;
    }

    static int exportBackendPid()
    {
        QSqlQuery q(QSqlDatabase::database(kExport, false));
        return q.exec(u"SELECT pg_backend_pid()"_s) && q.next() ? q.value(0).toInt() : 0;
    }

    static bool terminate(int pid, QString *error)
    {
        QSqlQuery q(admin());
        q.prepare(u"SELECT pg_terminate_backend(?, 5000)"_s);
        q.addBindValue(pid);
        if (!q.exec() || !q.next()) {
            *error = q.lastError().text();
            return false;
        }
        if (!q.value(0).toBool()) {
            *error = u"pg_terminate_backend(%1) returned false"_s.arg(pid);
            return false;
        }
        return true;
    }

    static ops::AuditFilter byResource(const QString &resourceType)
    {
        ops::AuditFilter f;
        f.resourceType = resourceType;
        return f;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    ops::CsvExportResult run(const ops::AuditFilter &filter, const QString &file, bool bom = false, int maxRows = 10000)
    {
        ops::CsvExporter exporter(kExport);
        ops::CsvExportOptions options;
        options.filePath = file;
        options.byteOrderMark = bom;
        options.maxRows = maxRows;
        return exporter.exportTo(filter, options);
    }

    static QString resultText(const ops::CsvExportResult &r)
    {
        return u"status=%1 rows=%2 limited=%3 error=%4"_s.arg(int(r.status)).arg(r.rows).arg(r.limited).arg(r.error);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
        const QString error = m_fixture.start(kDatabase, /*fresh=*/true);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QSqlDatabase a = m_fixture.database(kAdmin, kDatabase);
        QVERIFY2(a.isOpen(), qPrintable(a.lastError().text()));

        // The console's read-only role, as the contract grants it (SELECT on audit_log only).
        QSqlDatabase e = QSqlDatabase::addDatabase(u"QPSQL"_s, kExport);
        e.setHostName(m_fixture.pg.host);
        e.setPort(m_fixture.pg.port);
        e.setUserName(u"ops_console_ro"_s);
        e.setDatabaseName(kDatabase);
        QVERIFY2(e.open(), qPrintable(e.lastError().text()));
        {
            QSqlQuery q(e);
            QVERIFY(q.exec(u"SELECT has_table_privilege('audit_log', 'INSERT'), has_table_privilege('audit_log', 'SELECT')"_s));
            QVERIFY(q.next());
            QVERIFY2(!q.value(0).toBool() && q.value(1).toBool(), "ops_console_ro must read, not write");
        }

        QString why;
        const QString insert = u"INSERT INTO audit_log (\"timestamp\", user_id, action, event_type, resource_type, "
                               "resource_id, outcome, details) VALUES (CAST(? AS timestamptz), ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))"_s;
        for (const GoldenRow &g : kGoldenRows) {
            const QVariant user = g.user ? QVariant(QString::fromUtf8(g.user)) : QVariant(QMetaType::fromType<QString>());
            QVERIFY2(exec(insert, {QString::fromLatin1(g.timestamp), user, QString::fromUtf8(g.action),
                                   QString::fromLatin1(g.eventType), u"golden"_s, QString::fromUtf8(g.resourceId),
                                   QString::fromUtf8(g.outcome), QString::fromUtf8(g.details)},
                          &why),
                     qPrintable(why));
        }

        // Random rows: tricky cells, random JSON, many equal timestamps (order then by id).
        QRandomGenerator rng(20261123);
        for (int i = 0; i < 300; ++i) {
            const QString ts = u"2026-05-01 10:00:%1.%2+00"_s.arg(rng.bounded(3), 2, 10, QLatin1Char('0')).arg(rng.bounded(2) * 500000, 6, 10, QLatin1Char('0'));
            const QStringList events = ops::AuditFilter::eventTypes();
            const QString details = QString::fromUtf8(QJsonDocument(QJsonArray{randomJson(rng, 4)}).toJson(QJsonDocument::Compact));
            QVariant action = randomCell(rng);
            if (action.isNull())
                action = u"-"_s; // action is NOT NULL
            QVariant outcome = randomCell(rng);
            if (outcome.isNull())
                outcome = u"="_s; // outcome is NOT NULL
            QVERIFY2(exec(insert, {ts, randomCell(rng), action, events.at(int(rng.bounded(events.size()))), u"random"_s,
                                   randomCell(rng), outcome, details.mid(1, details.size() - 2)},
                          &why),
                     qPrintable(why));
        }

        // 10,001 rows: the cap. Three rows per second (ties), secrets in details.
        const QString bulk = u"INSERT INTO audit_log (\"timestamp\", user_id, action, event_type, resource_type, resource_id, outcome, details) "
                             "SELECT TIMESTAMPTZ '2025-06-01 00:00:00+00' + (g / 3) * INTERVAL '1 second', 'user' || (g % 7), 'BULK', "
                             "'action', 'bulk', CAST(g AS text), 'success', jsonb_build_object('g', g, 'api_key', 'bulk-secret-' || g) "
                             "FROM generate_series(1, 10001) AS g"_s;
        QVERIFY2(exec(bulk, {}, &why), qPrintable(why));
        // 10,001 rows of about 4 KB each (40 MB of CSV: more than the socket buffers hold, so the
        // server is still sending when the test kills it).
        const QString big = u"INSERT INTO audit_log (\"timestamp\", user_id, action, event_type, resource_type, resource_id, outcome, details) "
                            "SELECT TIMESTAMPTZ '2025-07-01 00:00:00+00' + g * INTERVAL '1 millisecond', 'big', 'BIG', 'action', 'big', "
                            "CAST(g AS text), 'success', jsonb_build_object('blob', repeat('x', 4000), 'g', g) "
                            "FROM generate_series(1, 10001) AS g"_s;
        QVERIFY2(exec(big, {}, &why), qPrintable(why));
        // Hostile filter values: the exact one, and one that matches only if LIKE wildcards leak.
        // (No raw string literals in this file: moc 6.4 loses the class after one holding a quote.)
        const QVariantList hostile1 = {u"2026-03-03 03:03:03+00"_s, u"o'brien\\ %_--;?"_s, u"HOSTILE"_s, u"admin"_s,
                                       u"hostile"_s, u"1"_s, u"success"_s, QString::fromUtf8("{\"reason\": \"100% of _ \\\\ '; -- ?\"}")};
        const QVariantList hostile2 = {u"2026-03-03 03:03:04+00"_s, u"o'brienX\\ a1--;?"_s, u"HOSTILE"_s, u"admin"_s,
                                       u"hostile"_s, u"2"_s, u"success"_s, QString::fromUtf8("{\"reason\": \"100X of a \\\\ '; -- ?\"}")};
        QVERIFY2(exec(insert, hostile1, &why), qPrintable(why));
        QVERIFY2(exec(insert, hostile2, &why), qPrintable(why));
        const QVariantList hostile3 = {u"2026-03-03 03:03:05+00"_s, u"x%1y%10z%%2"_s, u"HOSTILE"_s, u"admin"_s,
                                       u"hostile"_s, u"3"_s, u"success"_s, u"{}"_s};
        QVERIFY2(exec(insert, hostile3, &why), qPrintable(why));
        m_exportPid = exportBackendPid();
        QVERIFY(m_exportPid > 0);
    }

    void cleanupTestCase()
    {
        QSqlDatabase::database(kExport, false).close();
        QSqlDatabase::database(kAdmin, false).close();
        QSqlDatabase::removeDatabase(kExport);
        QSqlDatabase::removeDatabase(kAdmin);
    }

    // --- masking: C++ and SQL agree ------------------------------------------------------------

    void maskingAgreesWithSql_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected"); // masked, compact, as QJsonDocument prints it; empty: only compare
        QTest::newRow("flat") << QString::fromUtf8("{\"token\":\"t\",\"user\":\"u\"}") << QString::fromUtf8("{\"token\":\"***\",\"user\":\"u\"}");
        QTest::newRow("case-and-part") << QString::fromUtf8("{\"Access_Token\":\"t\",\"X-API_KEY\":1,\"PassWord\":true,\"phone_no\":null}")
                                       << QString::fromUtf8("{\"Access_Token\":\"***\",\"PassWord\":\"***\",\"X-API_KEY\":\"***\",\"phone_no\":\"***\"}");
        QTest::newRow("nested") << QString::fromUtf8("{\"a\":{\"b\":[{\"secret\":\"s\",\"ok\":1}]}}") << QString::fromUtf8("{\"a\":{\"b\":[{\"ok\":1,\"secret\":\"***\"}]}}");
        QTest::newRow("container-under-key") << QString::fromUtf8("{\"recipients\":[\"a@b\",\"c@d\"],\"auth\":{\"password\":\"p\"},\"authorization\":{\"scheme\":\"Bearer\",\"v\":\"x\"}}")
                                             << QString::fromUtf8("{\"auth\":{\"password\":\"***\"},\"authorization\":\"***\",\"recipients\":\"***\"}");
        QTest::newRow("quote-trap-in-value") << QString::fromUtf8("{\"v\":\"x\\\", \\\"token\\\": \\\"y\",\"ok\":true}")
                                             << QString::fromUtf8("{\"ok\":true,\"v\":\"x\\\", \\\"token\\\": \\\"y\"}");
        QTest::newRow("escaped-quote-in-key") << QString::fromUtf8("{\"a\\\"token\":\"s\",\"b\\\\\":\"token\"}") << QString::fromUtf8("{\"a\\\"token\":\"***\",\"b\\\\\":\"token\"}");
        QTest::newRow("escape-across-word") << QString::fromUtf8("{\"\\token\":\"s\",\"\\recipient\":\"r\"}") << QString::fromUtf8("{\"\\recipient\":\"r\",\"\\token\":\"s\"}");
        QTest::newRow("unicode-folding-not-matched") << QString::fromUtf8("{\"to\u212Aen\":\"k\",\"\u017Fecret\":\"s\"}") // Kelvin sign, long s
                                                     << QString::fromUtf8("{\"to\u212Aen\":\"k\",\"\u017Fecret\":\"s\"}");
        QTest::newRow("numbers") << QString::fromUtf8("{\"email\":-1.5e3,\"n\":-5}") << QString::fromUtf8("{\"email\":\"***\",\"n\":-5}");
        QTest::newRow("scalar-doc") << QString::fromUtf8("\"token\"") << QString::fromUtf8("\"token\"");
        QTest::newRow("array-doc") << QString::fromUtf8("[{\"phone\":\"1\"},\"phone\"]") << QString::fromUtf8("[{\"phone\":\"***\"},\"phone\"]");
        QTest::newRow("empty") << u"{}"_s << u"{}"_s;
        QTest::newRow("word-only-in-value") << QString::fromUtf8("{\"k\":\"my token is secret\"}") << QString::fromUtf8("{\"k\":\"my token is secret\"}");
        QTest::newRow("deep") << QString::fromUtf8("{\"a\":[[[{\"key_hash\":[1,{\"x\":2}]}]]],\"b\":{\"c\":{\"d\":{\"e\":{\"token\":{}}}}}}")
                              << QString::fromUtf8("{\"a\":[[[{\"key_hash\":\"***\"}]]],\"b\":{\"c\":{\"d\":{\"e\":{\"token\":\"***\"}}}}}");
        QTest::newRow("both-branches") << QString::fromUtf8("{\"token\":\"a\",\"x\":{\"secret\":{\"y\":1}},\"z\":[{\"email\":\"e\"}]}")
                                       << QString::fromUtf8("{\"token\":\"***\",\"x\":{\"secret\":\"***\"},\"z\":[{\"email\":\"***\"}]}");
    }

    void maskingAgreesWithSql()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        bool ok = false;
        const QJsonValue input = jsonValue(json, &ok);
        QVERIFY2(ok, qPrintable(json));
        const QJsonValue cpp = ops::masking::masked(input);
        bool okExpected = false;
        QCOMPARE(describe(cpp), describe(jsonValue(expected, &okExpected)));
        QVERIFY(okExpected);

        QSqlQuery q(QSqlDatabase::database(kExport));
        q.prepare(u"SELECT "_s + ops::masking::sqlMaskedJsonText(u"ops_in.d"_s)
                  + u" FROM (SELECT CAST(? AS jsonb) AS d) AS ops_in"_s);
        q.addBindValue(json);
        QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
        const QJsonValue sql = jsonValue(q.value(0).toString(), &ok);
        QVERIFY2(ok, qPrintable(q.value(0).toString()));
        QCOMPARE(describe(sql), describe(cpp));
    }

    void maskingAgreesWithSqlOnRandomDocuments()
    {
        QRandomGenerator rng(42);
        QSqlQuery q(QSqlDatabase::database(kExport));
        QVERIFY(q.prepare(u"SELECT "_s + ops::masking::sqlMaskedJsonText(u"ops_in.d"_s)
                          + u" FROM (SELECT CAST(? AS jsonb) AS d) AS ops_in"_s));
        int masked = 0;
        for (int i = 0; i < 600; ++i) {
            QJsonObject top;
            const int members = 1 + int(rng.bounded(4));
            for (int m = 0; m < members; ++m)
                top.insert(randomText(rng, 3), randomJson(rng, 4));
            const QJsonValue input = i % 10 == 0 ? randomJson(rng, 5) : QJsonValue(top);
            const QString text = describe(input).mid(1).chopped(1);
            q.addBindValue(text);
            QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
            bool ok = false;
            const QJsonValue sql = jsonValue(q.value(0).toString(), &ok);
            QVERIFY2(ok, qPrintable(q.value(0).toString()));
            const QJsonValue cpp = ops::masking::masked(input);
            QVERIFY2(sql == cpp, qPrintable(u"input %1\n  sql %2\n  c++ %3"_s.arg(text, describe(sql), describe(cpp))));
            if (cpp != input)
                ++masked;
        }
        qInfo("%d of 600 random documents had something masked", masked);
        QVERIFY2(masked > 200, "the random documents should exercise the masking");
    }

    // --- the file ------------------------------------------------------------------------------

    void goldenFile_data()
    {
        QTest::addColumn<bool>("bom");
        QTest::newRow("no-bom") << false;
        QTest::newRow("bom") << true;
    }

    void goldenFile()
    {
        QFETCH(bool, bom);
        const QString file = path(bom ? u"golden-bom.csv"_s : u"golden.csv"_s);
        const ops::CsvExportResult r = run(byResource(u"golden"_s), file, bom);
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(std::size(kGoldenRows)));
        QVERIFY(!r.limited);

        QByteArray expected = readAll(dataDir() + u"/csv_export_golden.csv"_s);
        QVERIFY(!expected.isEmpty());
        if (bom)
            expected.prepend("\xEF\xBB\xBF");
        const QByteArray got = readAll(file);
        if (got != expected) {
            qWarning().noquote() << "got:\n" << got.toPercentEncoding(" ,=+-'@\n") << "\nexpected:\n"
                                 << expected.toPercentEncoding(" ,=+-'@\n");
        }
        QCOMPARE(got, expected);
        QCOMPARE(r.bytes, qint64(got.size()));
        QCOMPARE(r.sha256, QCryptographicHash::hash(got, QCryptographicHash::Sha256).toHex());
        QVERIFY(!got.contains("s3cr3t") && !got.contains("pw-G2") && !got.contains("ops@example.com")
                && !got.contains("Bearer abc") && !got.contains("5551234"));

        const Parsed p = parseWithPython(file);
        QVERIFY2(p.ok, qPrintable(p.error));
        QCOMPARE(p.bom, bom);
        QCOMPARE(p.bareLineBreaks, 0);
        QCOMPARE(p.crlfRecords, int(std::size(kGoldenRows)) + 1);
        QVERIFY(p.endsWithCrlf);
        const QString diff = compareRows(p.rows, expectedRows(u"resource_type = ?"_s, {u"golden"_s}, 100));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // The OWASP payloads: no cell starts with a formula character unless it is a number.
        for (const QStringList &row : p.rows.mid(1)) {
            for (const QString &cell : row) {
                if (!cell.isEmpty())
                    QVERIFY2(ops::CsvExporter::guardCell(cell) == cell || cell.startsWith(u'\''), qPrintable(cell));
            }
        }
        QCOMPARE(p.rows.at(4).at(1), u"-5"_s); // the real -5 stays a number
    }

    void parsedBackEqualsDatabase()
    {
        const QString file = path(u"random.csv"_s);
        const ops::CsvExportResult r = run(byResource(u"random"_s), file);
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(300));
        const Parsed p = parseWithPython(file);
        QVERIFY2(p.ok, qPrintable(p.error));
        QVERIFY(!p.bom);
        QCOMPARE(p.bareLineBreaks, 0);
        QCOMPARE(p.crlfRecords, 301);
        const QString diff = compareRows(p.rows, expectedRows(u"resource_type = ?"_s, {u"random"_s}, 1000));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void limitedTo10000()
    {
        const QString file = path(u"bulk.csv"_s);
        const ops::CsvExportResult r = run(byResource(u"bulk"_s), file);
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(10000));
        QVERIFY(r.limited);
        QCOMPARE(ops::CsvExporter::rowsText(r.rows, r.limited).isEmpty(), false);
        const Parsed p = parseWithPython(file);
        QVERIFY2(p.ok, qPrintable(p.error));
        QCOMPARE(p.rows.size(), 10001);
        const QString diff = compareRows(p.rows, expectedRows(u"resource_type = ?"_s, {u"bulk"_s}, 10000));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(!readAll(file).contains("bulk-secret-"));

        // All 10,001 when the cap allows them: nothing more exists.
        const ops::CsvExportResult all = run(byResource(u"bulk"_s), path(u"bulk-all.csv"_s), false, 10001);
        QVERIFY2(all.ok(), qPrintable(resultText(all)));
        QCOMPARE(all.rows, qint64(10001));
        QVERIFY(!all.limited);
    }

    void hostileFilterValues()
    {
        ops::AuditFilter f = byResource(u"hostile"_s);
        f.user = u"o'brien\\ %_--;?"_s;
        ops::CsvExportResult r = run(f, path(u"hostile-user.csv"_s));
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(1));

        f = byResource(u"hostile"_s);
        f.text = u"100% of _"_s; // wildcards literal: "100X of a" must not match
        r = run(f, path(u"hostile-text.csv"_s));
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(1));
        Parsed p = parseWithPython(path(u"hostile-text.csv"_s));
        QVERIFY2(p.ok, qPrintable(p.error));
        QCOMPARE(p.rows.size(), 2);
        QCOMPARE(p.rows.at(1).at(5), u"1"_s);

        f = byResource(u"hostile"_s);
        f.user = u"x%1y%10z%%2"_s; // QString::arg() placeholders in a value stay text
        r = run(f, path(u"hostile-percent.csv"_s));
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(1));

        f = byResource(u"hostile"_s);
        f.text = u"'; -- ?"_s;
        r = run(f, path(u"hostile-quote.csv"_s));
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(2));

        f = ops::AuditFilter{};
        f.text = u"'; DROP TABLE audit_log; --"_s;
        r = run(f, path(u"hostile-none.csv"_s));
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(0));
        QVERIFY(exec(u"SELECT 1 FROM audit_log LIMIT 1"_s));

        // NUL cannot be searched for (removed, and said so); an unknown event type matches nothing.
        f = byResource(u"hostile"_s);
        f.text = u"100"_s + QChar(0) + u"% of"_s;
        r = run(f, path(u"hostile-nul.csv"_s));
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(1));
        QVERIFY(!r.filterProblem.isEmpty());
        f = byResource(u"hostile"_s);
        f.eventType = u"admin' OR '1'='1"_s;
        r = run(f, path(u"hostile-event.csv"_s));
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(0));
        QVERIFY(!r.filterProblem.isEmpty());

        // The same values through the rendered SELECT (PQescapeLiteral), as psql would run it.
        ops::CsvExporter exporter(kExport);
        f = byResource(u"hostile"_s);
        f.user = u"o'brien\\ %_--;?"_s;
        QString error;
        const QString sql = exporter.selectSql(f, 10, &error);
        QVERIFY2(!sql.isEmpty(), qPrintable(error));
        QSqlQuery q(QSqlDatabase::database(kExport));
        QVERIFY2(q.exec(u"SELECT count(*) FROM ("_s + sql + u") AS s"_s) && q.next(), qPrintable(q.lastError().text()));
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void dateRangeFilter()
    {
        ops::AuditFilter f = byResource(u"golden"_s);
        f.fromUtc = QDateTime(QDate(2026, 11, 23), QTime(12, 4, 5, 123), QTimeZone::utc()); // ms precision
        f.toUtc = QDateTime(QDate(2026, 11, 24), QTime(0, 0), QTimeZone::utc());
        const ops::CsvExportResult r = run(f, path(u"range.csv"_s));
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QCOMPARE(r.rows, qint64(3)); // .123456 twice and .123455
    }

    // --- failures: no file, a clear error, the next export works -----------------------------------

    void deviceTargetRefused()
    {
        const QStringList before = QDir(u"/dev"_s).entryList({u"full*"_s}, QDir::AllEntries | QDir::System);
        const ops::CsvExportResult r = run(byResource(u"golden"_s), u"/dev/full"_s);
        QCOMPARE(r.status, ops::CsvExportResult::Status::Failed);
        QVERIFY2(r.error.contains(u"/dev/full"_s) && r.error.contains(u"regular file"_s), qPrintable(r.error));
        const QFileInfo full(u"/dev/full"_s);
        QVERIFY(full.exists() && !full.isFile()); // still the device
        QCOMPARE(QDir(u"/dev"_s).entryList({u"full*"_s}, QDir::AllEntries | QDir::System), before);
        QVERIFY(r.sha256.isEmpty());
    }

    void fullDisk_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("tmpfs-64k") << u"tmpfs"_s;
        QTest::newRow("rlimit-fsize") << u"rlimit"_s;
    }

    void fullDisk()
    {
        QFETCH(QString, how);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        bool mounted = false;
        struct rlimit saved{};
        if (how == u"tmpfs"_s) {
            if (::mount("tmpfs", QFile::encodeName(dir.path()).constData(), "tmpfs", 0, "size=64k") != 0)
                QSKIP(qPrintable(u"cannot mount a tmpfs here (%1); the rlimit-fsize row covers the write error"_s.arg(QString::fromLocal8Bit(std::strerror(errno)))));
            mounted = true;
        } else {
            QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
            std::signal(SIGXFSZ, SIG_IGN);
            struct rlimit small = saved;
            small.rlim_cur = 64 * 1024;
            QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        }
        const QString file = dir.filePath(u"audit.csv"_s);
        const ops::CsvExportResult r = run(byResource(u"bulk"_s), file); // about 1 MB
        const QStringList left = filesIn(dir.path());
        if (mounted)
            ::umount2(QFile::encodeName(dir.path()).constData(), MNT_DETACH);
        else
            ::setrlimit(RLIMIT_FSIZE, &saved);
        QCOMPARE(r.status, ops::CsvExportResult::Status::Failed);
        QVERIFY2(r.error.contains(u"audit.csv"_s) && r.error.contains(u"No file was written"_s), qPrintable(r.error));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u", "_s)));
        QVERIFY(r.sha256.isEmpty());

        const ops::CsvExportResult next = run(byResource(u"golden"_s), path(u"after-full.csv"_s));
        QVERIFY2(next.ok(), qPrintable(resultText(next)));
    }

    void backendTerminatedMidExport()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"big.csv"_s);
        const int pid = exportBackendPid();
        QVERIFY(pid > 0);
        ops::CsvExporter exporter(kExport);
        QString killError;
        bool killed = false;
        exporter.setProgressCallback([&](qint64 rows) {
            if (!killed && rows > 0) {
                killed = true;
                if (!terminate(pid, &killError))
                    killed = false;
            }
        });
        ops::CsvExportOptions options;
        options.filePath = file;
        const ops::CsvExportResult r = exporter.exportTo(byResource(u"big"_s), options);
        QVERIFY2(killed, qPrintable(killError));
        QCOMPARE(r.status, ops::CsvExportResult::Status::Failed);
        QVERIFY2(r.error.contains(u"connection to the database was lost"_s), qPrintable(r.error));
        QVERIFY(r.reconnected);
        QVERIFY2(filesIn(dir.path()).isEmpty(), qPrintable(filesIn(dir.path()).join(u", "_s)));

        // The connection was re-opened: the next export works, on a new backend.
        const ops::CsvExportResult next = exporter.exportTo(byResource(u"golden"_s), {dir.filePath(u"next.csv"_s)});
        QVERIFY2(next.ok(), qPrintable(resultText(next)));
        QCOMPARE(readAll(dir.filePath(u"next.csv"_s)), readAll(dataDir() + u"/csv_export_golden.csv"_s));
        QVERIFY(exportBackendPid() != pid);
    }

    void backendTerminatedWhileIdle()
    {
        const int pid = exportBackendPid();
        QString error;
        QVERIFY2(terminate(pid, &error), qPrintable(error));
        // The connection's owner re-opens it (as AuditDatabase would, with its session settings).
        ops::CsvExporter exporter(kExport);
        int reopened = 0;
        exporter.setReopenFunction([&reopened](QString *why) {
            ++reopened;
            QSqlDatabase db = QSqlDatabase::database(kExport, false);
            db.close();
            if (!db.open()) {
                *why = db.lastError().text();
                return false;
            }
            QSqlQuery q(db);
            return q.exec(u"SET application_name = 'tst-csv-reopened'"_s);
        });
        const ops::CsvExportResult r = exporter.exportTo(byResource(u"golden"_s), {path(u"after-idle-kill.csv"_s)});
        QVERIFY2(r.ok(), qPrintable(resultText(r)));
        QVERIFY(r.reconnected); // found dead before any row: re-opened and retried once, and said so
        QCOMPARE(reopened, 1);
        QSqlQuery q(QSqlDatabase::database(kExport, false));
        QVERIFY(q.exec(u"SELECT current_setting('application_name')"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"tst-csv-reopened"_s);
        QVERIFY(exportBackendPid() != pid);
        QCOMPARE(readAll(path(u"after-idle-kill.csv"_s)), readAll(dataDir() + u"/csv_export_golden.csv"_s));
    }

    void cancelMidExport()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"cancel.csv"_s);
        QFile previous(file);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write("previous export\n");
        previous.close();

        ops::CsvExporter exporter(kExport);
        qint64 seen = 0;
        exporter.setProgressCallback([&](qint64 rows) {
            seen = rows;
            exporter.cancel();
        });
        ops::CsvExportOptions options;
        options.filePath = file;
        const ops::CsvExportResult r = exporter.exportTo(byResource(u"big"_s), options);
        QVERIFY(seen > 0);
        QCOMPARE(r.status, ops::CsvExportResult::Status::Cancelled);
        QVERIFY2(r.error.contains(u"cancelled"_s), qPrintable(r.error));
        QCOMPARE(filesIn(dir.path()), QStringList{u"cancel.csv"_s}); // no temporary file left
        QCOMPARE(readAll(file), QByteArray("previous export\n")); // the earlier file untouched

        exporter.setProgressCallback({});
        const ops::CsvExportResult next = exporter.exportTo(byResource(u"golden"_s), {file});
        QVERIFY2(next.ok(), qPrintable(resultText(next)));
        QVERIFY(!next.reconnected);
    }

    void cancelWhileWaitingForTheServer()
    {
        // The export's query waits on a lock another session holds; Cancel comes from another thread.
        QSqlDatabase locker = m_fixture.database(u"tst_csv_locker"_s, kDatabase);
        QVERIFY(locker.isOpen());
        QVERIFY(locker.transaction());
        QSqlQuery lock(locker);
        QVERIFY2(lock.exec(u"LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE"_s), qPrintable(lock.lastError().text()));

        QTemporaryDir dir;
        ops::CsvExporter exporter(kExport);
        std::thread canceller([&exporter] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            exporter.cancel();
        });
        QElapsedTimer timer;
        timer.start();
        const ops::CsvExportResult r = exporter.exportTo(byResource(u"golden"_s), {dir.filePath(u"locked.csv"_s)});
        const qint64 waited = timer.elapsed();
        canceller.join();
        QVERIFY(locker.rollback());
        lock.finish();
        locker.close();

        QCOMPARE(r.status, ops::CsvExportResult::Status::Cancelled);
        QVERIFY2(waited >= 400 && waited < 10000, qPrintable(QString::number(waited)));
        QVERIFY(filesIn(dir.path()).isEmpty());
        const ops::CsvExportResult next = exporter.exportTo(byResource(u"golden"_s), {dir.filePath(u"next.csv"_s)});
        QVERIFY2(next.ok(), qPrintable(resultText(next)));
    }

    void statementTimeout()
    {
        QSqlDatabase locker = m_fixture.database(u"tst_csv_locker2"_s, kDatabase);
        QVERIFY(locker.transaction());
        QSqlQuery lock(locker);
        QVERIFY(lock.exec(u"LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE"_s));
        QTemporaryDir dir;
        ops::CsvExporter exporter(kExport);
        ops::CsvExportOptions options;
        options.filePath = dir.filePath(u"timeout.csv"_s);
        options.statementTimeoutMs = 300;
        const ops::CsvExportResult r = exporter.exportTo(byResource(u"golden"_s), options);
        QVERIFY(locker.rollback());
        lock.finish();
        locker.close();
        QCOMPARE(r.status, ops::CsvExportResult::Status::Failed);
        QVERIFY2(r.error.contains(u"statement timeout"_s), qPrintable(r.error));
        QVERIFY(filesIn(dir.path()).isEmpty());
    }

    void notAPostgresConnection()
    {
        QSqlDatabase sqlite = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tst_csv_sqlite"_s);
        {
            ops::CsvExporter exporter(u"tst_csv_sqlite"_s);
            const ops::CsvExportResult r = exporter.exportTo({}, {path(u"sqlite.csv"_s)});
            QCOMPARE(r.status, ops::CsvExportResult::Status::Failed);
            QVERIFY(!QFileInfo::exists(path(u"sqlite.csv"_s)));
        }
        sqlite = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"tst_csv_sqlite"_s);
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csv_export.moc"
