// ops-bench-audit: the audit-log figures of issue 6, side by side with psql on the same database,
// in one run (see scripts/bench-audit.sh and docs/PERFORMANCE.md):
//   * first keyset page: the console (AuditReader::fetchPage, rows converted and masked) vs psql
//     running the reader's SQL (\timing, so without psql's start-up);
//   * page 5,000 vs page 1 (keyset, the cursor found beforehand), plus OFFSET for contrast;
//   * CSV export of 10,000 rows end to end: CsvExporter (COPY through libpq on the reader's kind
//     of connection, file written, SHA-256) vs `psql -c "\copy (same query) to FILE csv header"`
//     with psql's start-up included;
//   * the process's memory growth (VmRSS from /proc/self/status, before and after; VmHWM peak).
// It reads as the user given (the console's read-only role in the script). Not a test: it prints
// figures and says which targets were met; the exit status is 0 unless something failed to run.
#include "audit/AuditDatabase.h"
#include "audit/AuditReader.h"
#include "audit/CsvExporter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

[[noreturn]] void die(const QString &message)
{
    err << "ops-bench-audit: " << message << Qt::endl;
    std::exit(1);
}

qint64 statusKb(const char *field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2.0;
}

double minimum(const QList<double> &v)
{
    return v.isEmpty() ? 0 : *std::min_element(v.begin(), v.end());
}

// Only numbers are put into the psql copies of the reader's queries (cursor, limit): no text.
QString withNumbers(QString sql, const QList<qint64> &values)
{
    for (qint64 v : values) {
        const qsizetype at = sql.indexOf(u'?');
        if (at < 0)
            die(u"the reader's SQL has fewer placeholders than expected: "_s + sql);
        sql.replace(at, 1, QString::number(v));
    }
    if (sql.contains(u'?'))
        die(u"the reader's SQL has more placeholders than expected: "_s + sql);
    return sql;
}

struct Psql
{
    QString program;
    QStringList connection; // -h -p -U -d
    QString options;        // PGOPTIONS for the server session, e.g. "-c jit=off"

    void prepare(QProcess &p) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (options.isEmpty())
            env.remove(u"PGOPTIONS"_s);
        else
            env.insert(u"PGOPTIONS"_s, options);
        p.setProcessEnvironment(env);
    }

    // Runs `sql` `runs` times in one psql session with \timing; returns the "Time:" figures (ms).
    QList<double> timed(const QString &sql, int runs) const
    {
        QStringList args = {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-o"_s, u"/dev/null"_s};
        args << connection << u"-c"_s << u"\\timing on"_s;
        for (int i = 0; i < runs; ++i)
            args << u"-c"_s << sql;
        QProcess p;
        prepare(p);
        p.start(program, args);
        if (!p.waitForFinished(600000) || p.exitCode() != 0)
            die(u"psql failed: "_s + QString::fromUtf8(p.readAllStandardError()));
        QList<double> ms;
        static const QRegularExpression time(u"^Time: ([0-9.]+) ms"_s, QRegularExpression::MultilineOption);
        auto it = time.globalMatch(QString::fromUtf8(p.readAllStandardOutput()));
        while (it.hasNext())
            ms << it.next().captured(1).toDouble();
        if (ms.size() != runs)
            die(u"psql printed %1 timings, expected %2"_s.arg(ms.size()).arg(runs));
        return ms;
    }

    // Wall time of one psql process running `command` (start-up included), in ms.
    double wall(const QString &command) const
    {
        QStringList args = {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s};
        args << connection << u"-c"_s << command;
        QProcess p;
        prepare(p);
        QElapsedTimer t;
        t.start();
        p.start(program, args);
        if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            die(u"psql failed: "_s + QString::fromUtf8(p.readAllStandardError()));
        return double(t.nsecsElapsed()) / 1e6;
    }
};

struct Line
{
    QString what;
    double console = 0;
    double reference = 0;
    QString referenceName;
    QString target;
    std::optional<bool> met;
};

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 2 : 1) + u" ms"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ops-bench-audit"_s);
    const qint64 rssStartKb = statusKb("VmRSS");

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Audit-log benchmark: console vs psql on the same database."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"host"_s, u"PostgreSQL host (default 127.0.0.1)."_s, u"host"_s, u"127.0.0.1"_s},
        {u"port"_s, u"PostgreSQL port (default 5432)."_s, u"port"_s, u"5432"_s},
        {u"db"_s, u"Database (default ops_sandbox)."_s, u"name"_s, u"ops_sandbox"_s},
        {u"user"_s, u"Role to read as (default ops_console_ro); password from PGPASSWORD."_s, u"role"_s, u"ops_console_ro"_s},
        {u"psql"_s, u"psql to compare with (default: psql on PATH)."_s, u"path"_s},
        {u"runs"_s, u"Repetitions of each page query (default 15)."_s, u"n"_s, u"15"_s},
        {u"export-runs"_s, u"Repetitions of each export (default 7)."_s, u"n"_s, u"7"_s},
        {u"page-size"_s, u"Rows per page (default 200)."_s, u"n"_s, u"200"_s},
        {u"min-rows"_s, u"Refuse to run on fewer audit rows (default 1000000)."_s, u"n"_s, u"1000000"_s},
        {u"markdown"_s, u"Also print the results as a Markdown table."_s},
    });
    parser.process(app);

    const int runs = std::max(3, parser.value(u"runs"_s).toInt());
    const int exportRuns = std::max(3, parser.value(u"export-runs"_s).toInt());
    const int pageSize = std::clamp(parser.value(u"page-size"_s).toInt(), 1, ops::AuditReader::MaxPageSize);
    const qint64 minRows = parser.value(u"min-rows"_s).toLongLong();

    ops::PostgresEndpoint endpoint;
    endpoint.host = parser.value(u"host"_s);
    endpoint.port = parser.value(u"port"_s).toInt();
    endpoint.database = parser.value(u"db"_s);
    endpoint.user = parser.value(u"user"_s);
    endpoint.sslMode = u"disable"_s;
    const QString password = qEnvironmentVariable("PGPASSWORD");

    Psql psql;
    psql.program = parser.isSet(u"psql"_s) ? parser.value(u"psql"_s) : QStandardPaths::findExecutable(u"psql"_s);
    if (psql.program.isEmpty())
        die(u"psql not found"_s);
    psql.connection = {u"-h"_s, endpoint.host, u"-p"_s, QString::number(endpoint.port), u"-U"_s, endpoint.user,
                       u"-d"_s, endpoint.database};

    QTemporaryDir tmp;
    if (!tmp.isValid())
        die(u"no temporary directory"_s);

    // --- the console's side: a reader (what the Audit Log page uses) and an export connection ---
    ops::AuditReaderOptions options;
    options.statementTimeoutMs = 60000;
    ops::AuditReader reader(endpoint, options);
    QString lastSql;
    reader.setQueryObserver([&lastSql](const QString &sql) { lastSql = sql; });
    std::optional<ops::AuditPage> page;
    QString failure;
    QObject::connect(&reader, &ops::AuditReader::pageReady, [&](quint64, const ops::AuditPage &p) { page = p; });
    QObject::connect(&reader, &ops::AuditReader::failed,
                     [&](quint64, const ops::AuditError &e) { failure = e.message + u' ' + e.serverMessage; });
    reader.connectWith(password);
    const auto noCancel = std::make_shared<std::atomic_bool>(false);
    quint64 requestId = 0;
    auto fetch = [&](const ops::AuditCursor &cursor) -> double {
        page.reset();
        ops::AuditPageRequest request;
        request.cursor = cursor;
        request.limit = pageSize;
        QElapsedTimer t;
        t.start();
        reader.fetchPage(++requestId, request, noCancel);
        const double elapsed = double(t.nsecsElapsed()) / 1e6;
        if (!page)
            die(u"the reader failed: "_s + failure);
        if (page->rows.size() != pageSize)
            die(u"a page had %1 rows, expected %2"_s.arg(page->rows.size()).arg(pageSize));
        return elapsed;
    };

    // First page: the first request also opens the connection (reported on its own line).
    const double firstCold = fetch({});
    const QString firstSql = lastSql;
    QList<double> firstWarm;
    for (int i = 0; i < runs; ++i)
        firstWarm << fetch({});

    ops::AuditDatabase exportDb(endpoint, password, options);
    ops::AuditError dbError;
    if (!exportDb.ensureOpen(&dbError))
        die(u"cannot connect: "_s + dbError.message);
    qint64 total = 0;
    {
        QSqlQuery q(exportDb.database());
        if (!q.exec(u"SELECT count(*) FROM audit_log"_s) || !q.next())
            die(q.lastError().text());
        total = q.value(0).toLongLong();
    }
    if (total < minRows)
        die(u"audit_log holds %1 rows, fewer than --min-rows %2 (generate them: ops-sandbox --generate-audit N)"_s
                .arg(total)
                .arg(minRows));
    const qint64 deepPage = std::min<qint64>(5000, total / pageSize);

    // Page `deepPage` (keyset): its cursor is the last row of the page before, found once here.
    ops::AuditCursor deepCursor;
    double offsetMs = 0;
    {
        QSqlQuery q(exportDb.database());
        q.prepare(u"SELECT CAST(extract(epoch FROM \"timestamp\") * 1000000 AS bigint), id FROM audit_log "
                  "ORDER BY \"timestamp\" DESC, id DESC OFFSET ? LIMIT 1"_s);
        q.addBindValue((deepPage - 1) * pageSize - 1);
        QElapsedTimer t;
        t.start();
        if (!q.exec() || !q.next())
            die(q.lastError().text());
        offsetMs = double(t.nsecsElapsed()) / 1e6;
        deepCursor.timestampUs = q.value(0).toLongLong();
        deepCursor.id = q.value(1).toLongLong();
    }
    fetch(deepCursor); // once, for its SQL
    const QString deepSql = lastSql;
    QList<double> deepWarm;
    for (int i = 0; i < runs; ++i)
        deepWarm << fetch(deepCursor);

    // --- psql, same queries, same database, same role -------------------------------------------
    const QString psqlFirst = withNumbers(firstSql, {pageSize + 1});
    const QString psqlDeep = withNumbers(deepSql, {deepCursor.timestampUs, deepCursor.id, pageSize + 1});
    const QList<double> psqlFirstMs = psql.timed(psqlFirst, runs);
    const QList<double> psqlDeepMs = psql.timed(psqlDeep, runs);
    const double psqlFirstWall = psql.wall(psqlFirst);

    // --- CSV export, 10,000 rows, end to end ------------------------------------------------------
    ops::CsvExporter exporter(exportDb.connectionName());
    exporter.setReopenFunction([&exportDb](QString *why) {
        exportDb.close();
        ops::AuditError e;
        if (exportDb.ensureOpen(&e))
            return true;
        *why = e.message;
        return false;
    });
    QString selectError;
    const QString exportSelect = exporter.selectSql(ops::AuditFilter{}, 10000, &selectError);
    if (exportSelect.isEmpty())
        die(selectError);
    QList<double> exportMs;
    ops::CsvExportResult last;
    const QString consoleFile = tmp.filePath(u"console.csv"_s);
    for (int i = 0; i < exportRuns; ++i) {
        QElapsedTimer t;
        t.start();
        last = exporter.exportTo(ops::AuditFilter{}, {consoleFile});
        exportMs << double(t.nsecsElapsed()) / 1e6;
        if (!last.ok())
            die(u"export failed: "_s + last.error);
    }
    // psql runs the export's query with the session settings the exporter uses (jit = off), so
    // both sides do the same work on the server; psql with the server's defaults for information.
    QList<double> copyMs;
    QList<double> copyDefaultMs;
    const QString psqlFile = tmp.filePath(u"psql.csv"_s);
    QString quotedFile = psqlFile;
    quotedFile.replace(u'\'', u"''"_s);
    const QString copyCommand = u"\\copy ("_s + exportSelect + u") to '"_s + quotedFile + u"' csv header"_s;
    Psql psqlDefault = psql;
    psql.options = u"-c jit=off"_s;
    for (int i = 0; i < exportRuns; ++i) {
        copyMs << psql.wall(copyCommand);
        copyDefaultMs << psqlDefault.wall(copyCommand);
    }

    QFile a(consoleFile);
    QFile b(psqlFile);
    if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly))
        die(u"cannot read the exported files"_s);
    // The console writes CRLF record ends and compact JSON (no blanks after : and ,), psql LF and
    // jsonb's blanks: equal once both are normalised.
    QByteArray consoleBytes = a.readAll();
    QByteArray psqlBytes = b.readAll();
    const qsizetype records = consoleBytes.count("\r\n");
    const bool sameContent = consoleBytes.replace("\r\n", "\n").replace(" ", "") == psqlBytes.replace(" ", "");

    const qint64 rssEndKb = statusKb("VmRSS");
    const qint64 hwmKb = statusKb("VmHWM");

    // --- report ---------------------------------------------------------------------------------
    const double first = median(firstWarm);
    const double deep = median(deepWarm);
    const double psqlFirstMedian = median(psqlFirstMs);
    const double psqlDeepMedian = median(psqlDeepMs);
    const double exportMedian = median(exportMs);
    const double copyMedian = median(copyMs);
    const double growthMb = double(rssEndKb - rssStartKb) / 1024.0;
    const double peakMb = double(hwmKb - rssStartKb) / 1024.0;

    QList<Line> lines;
    lines << Line{u"first page (%1 rows)"_s.arg(pageSize), first, psqlFirstMedian, u"psql \\timing"_s,
                  u"≤ 2× psql"_s, first <= 2 * psqlFirstMedian};
    lines << Line{u"page %1 (keyset)"_s.arg(deepPage), deep, psqlDeepMedian, u"psql \\timing"_s, QString(), std::nullopt};
    lines << Line{u"page %1 vs page 1 (console)"_s.arg(deepPage), deep, first, u"console page 1"_s,
                  u"≈ page 1 (≤ 1.5×)"_s, deep <= 1.5 * first};
    lines << Line{u"page %1 vs page 1 (psql)"_s.arg(deepPage), psqlDeepMedian, psqlFirstMedian, u"psql page 1"_s,
                  QString(), std::nullopt};
    lines << Line{u"CSV export, 10,000 rows, end to end"_s, exportMedian, copyMedian, u"psql \\copy incl. start-up, jit=off"_s,
                  u"≤ psql \\copy"_s, exportMedian <= copyMedian};

    const QString date = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
    out << "ops-bench-audit  " << date << "  " << endpoint.user << "@" << endpoint.host << ":" << endpoint.port
        << "/" << endpoint.database << "  audit_log rows: " << total << "\n";
    out << "medians of " << runs << " page runs and " << exportRuns << " export runs\n\n";
    out << QStringLiteral("%1 %2 %3 %4  %5  %6\n")
               .arg(u"measure"_s, -40)
               .arg(u"console"_s, 11)
               .arg(u"reference"_s, 11)
               .arg(u"ratio"_s, 7)
               .arg(u"target"_s, -20)
               .arg(u"result"_s);
    for (const Line &l : lines) {
        const double ratio = l.reference > 0 ? l.console / l.reference : 0;
        out << QStringLiteral("%1 %2 %3 %4  %5  %6\n")
                   .arg(l.what, -40)
                   .arg(ms(l.console), 11)
                   .arg(ms(l.reference), 11)
                   .arg(QString::number(ratio, 'f', 2) + u'×', 7)
                   .arg(l.target, -20)
                   .arg(!l.met ? u"-"_s : (*l.met ? u"met"_s : u"MISSED"_s));
        out << "    reference: " << l.referenceName << "\n";
    }
    out << QStringLiteral("%1 %2 %3 %4  %5  %6\n")
               .arg(u"memory growth (VmRSS end - start)"_s, -40)
               .arg(QString::number(growthMb, 'f', 1) + u" MB"_s, 11)
               .arg(u""_s, 11)
               .arg(u""_s, 7)
               .arg(u"≤ 50 MB"_s, -20)
               .arg(growthMb <= 50 ? u"met"_s : u"MISSED"_s);
    out << "\nalso:\n"
        << "  first page, first request (opens the connection): " << ms(firstCold) << "\n"
        << "  first page, fastest console / psql: " << ms(minimum(firstWarm)) << " / " << ms(minimum(psqlFirstMs)) << "\n"
        << "  first page through one psql process, start-up included: " << ms(psqlFirstWall) << "\n"
        << "  page " << deepPage << " by OFFSET instead of keyset (one run): " << ms(offsetMs) << "\n"
        << "  export fastest console / psql \\copy: " << ms(minimum(exportMs)) << " / " << ms(minimum(copyMs)) << "\n"
        << "  psql \\copy with the server's default settings (JIT on): median " << ms(median(copyDefaultMs)) << "\n"
        << "  export: " << last.rows << " rows" << (last.limited ? " (more exist)" : "") << ", " << last.bytes
        << " bytes, " << records << " records with the header, sha256 " << last.sha256 << "\n"
        << "  console file = psql file apart from CRLF record ends and JSON blanks: " << (sameContent ? "yes" : "NO") << "\n"
        << "  VmRSS start / end: " << rssStartKb / 1024 << " / " << rssEndKb / 1024 << " MB; peak (VmHWM) growth "
        << QString::number(peakMb, 'f', 1) << " MB\n";

    if (parser.isSet(u"markdown"_s)) {
        out << "\n| Measure | Console | Reference | Ratio | Target | Result |\n|---|---:|---:|---:|---|---|\n";
        for (const Line &l : lines) {
            out << "| " << l.what << " | " << ms(l.console) << " | " << ms(l.reference) << " (" << l.referenceName
                << ") | " << QString::number(l.reference > 0 ? l.console / l.reference : 0, 'f', 2) << "× | "
                << l.target << " | " << (!l.met ? u"–"_s : (*l.met ? u"met"_s : u"**missed**"_s)) << " |\n";
        }
        out << "| Memory growth (VmRSS) | " << QString::number(growthMb, 'f', 1) << " MB | | | ≤ 50 MB | "
            << (growthMb <= 50 ? "met" : "**missed**") << " |\n";
    }
    out.flush();
    return sameContent ? 0 : 1;
}
