#include "audit/CsvExporter.h"

#include "audit/Masking.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QMutex>
#include <QMutexLocker>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QTimeZone>
#include <QVariant>

#include <libpq-fe.h>

#include <atomic>
#include <cstring>

using namespace Qt::StringLiterals;

namespace ops {

namespace {

constexpr qsizetype kChunkBytes = 256 * 1024;

// An E'' string literal: means the same whatever standard_conforming_strings is.
QString eLiteral(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QStringLiteral("E'") + out + QLatin1Char('\'');
}

bool isGuardLead(QChar c)
{
    switch (c.unicode()) {
    case u'=': case u'+': case u'-': case u'@': case u'\t': case u'\r': case u'\n':
    case 0xFF1D: // ＝
    case 0xFF0B: // ＋
    case 0xFF0D: // －
    case 0xFF20: // ＠
        return true;
    default:
        return false;
    }
}

QString trimmedServerMessage(const char *message)
{
    return QString::fromUtf8(message ? message : "").trimmed();
}

PGconn *connectionOf(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver())
        return nullptr;
    // Qt 6.4 names the type "pg_conn*" (the struct behind the PGconn typedef); older Qt "PGconn*".
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || !v.typeName()
        || (std::strcmp(v.typeName(), "pg_conn*") != 0 && std::strcmp(v.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(v.constData());
}

// Replaces each `?` placeholder of the clause (outside quoted literals and identifiers) by its
// value: integers as digits, text through PQescapeLiteral on this connection (it knows the
// connection's client encoding and standard_conforming_strings), null as NULL. The values are
// never spliced by hand, and a `?` inside a value is never taken for a placeholder (one pass over
// the clause, not over the output).
QString renderFragment(PGconn *conn, const SqlFragment &fragment, QString *error)
{
    QString out;
    out.reserve(fragment.clause.size() + 64);
    qsizetype next = 0;
    const QString &c = fragment.clause;
    for (qsizetype i = 0; i < c.size(); ++i) {
        const QChar ch = c.at(i);
        if (ch == QLatin1Char('\'')) {
            const bool eString = i > 0 && (c.at(i - 1) == QLatin1Char('E') || c.at(i - 1) == QLatin1Char('e'));
            out += ch;
            for (++i; i < c.size(); ++i) {
                out += c.at(i);
                if (eString && c.at(i) == QLatin1Char('\\') && i + 1 < c.size()) {
                    out += c.at(++i);
                } else if (c.at(i) == QLatin1Char('\'')) {
                    if (i + 1 < c.size() && c.at(i + 1) == QLatin1Char('\''))
                        out += c.at(++i);
                    else
                        break;
                }
            }
            continue;
        }
        if (ch == QLatin1Char('"')) {
            out += ch;
            for (++i; i < c.size(); ++i) {
                out += c.at(i);
                if (c.at(i) == QLatin1Char('"'))
                    break;
            }
            continue;
        }
        if (ch != QLatin1Char('?')) {
            out += ch;
            continue;
        }
        if (next >= fragment.values.size()) {
            *error = CsvExporter::tr("The filter has more placeholders than values.");
            return {};
        }
        const QVariant &v = fragment.values.at(next++);
        switch (v.metaType().id()) {
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::Short:
            out += QLatin1Char('(') + QString::number(v.toLongLong()) + QLatin1Char(')');
            break;
        case QMetaType::ULongLong:
        case QMetaType::ULong:
        case QMetaType::UShort:
            out += QLatin1Char('(') + QString::number(v.toULongLong()) + QLatin1Char(')');
            break;
        case QMetaType::Bool:
            out += v.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            break;
        default: {
            if (!v.isValid() || v.isNull()) {
                out += QStringLiteral("NULL");
                break;
            }
            const QByteArray utf8 = v.toString().toUtf8();
            char *quoted = PQescapeLiteral(conn, utf8.constData(), size_t(utf8.size()));
            if (!quoted) {
                *error = CsvExporter::tr("A filter value could not be quoted: %1").arg(trimmedServerMessage(PQerrorMessage(conn)));
                return {};
            }
            out += QString::fromUtf8(quoted);
            PQfreemem(quoted);
            break;
        }
        }
    }
    if (next != fragment.values.size()) {
        *error = CsvExporter::tr("The filter has more values than placeholders.");
        return {};
    }
    return out;
}

QString buildSelect(PGconn *conn, const AuditFilter &filter, int limit, QString *error, QString *filterProblem = nullptr)
{
    const QString where = renderFragment(conn, filter.where(filterProblem), error);
    if (where.isEmpty())
        return {};
    auto g = [](const char *column) {
        return CsvExporter::sqlGuarded(QStringLiteral("ops_x.%1").arg(QLatin1String(column)))
               + QStringLiteral(" AS %1").arg(QLatin1String(column));
    };
    // The inner query picks and masks at most `limit` rows (masking runs only on those); the outer
    // one formats. Both keep the (timestamp DESC, id DESC) order (the inner order is the index's).
    // Concatenated, never QString::arg(): the rendered values may hold "%1".
    return u"SELECT to_char(ops_x.\"timestamp\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"') AS \"timestamp\", "_s
           + g("user_id") + u", "_s + g("action") + u", "_s + g("event_type") + u", "_s + g("resource_type") + u", "_s
           + g("resource_id") + u", "_s + g("outcome") + u", "_s + g("details")
           + u" FROM (SELECT \"timestamp\", id, user_id, action, event_type, resource_type, resource_id, outcome, "_s
           + masking::sqlMaskedJsonText(u"details"_s)
           + u" AS details FROM audit_log WHERE "_s + where
           + u" ORDER BY \"timestamp\" DESC, id DESC LIMIT "_s + QString::number(limit)
           + u") AS ops_x ORDER BY ops_x.\"timestamp\" DESC, ops_x.id DESC"_s;
}

// Appends one COPY record (without its "\n") to `out`, with the blanks outside JSON strings
// removed from the last field (details; compactJson() on the CSV-quoted text). Only a quoted field
// can hold blanks to remove: an unquoted one is a bare JSON scalar or an empty container. Removing
// blanks never adds or removes a character that decides the field's quoting (, " CR LF).
void appendCompacted(QByteArray &out, const char *record, qsizetype n)
{
    if (n == 0 || record[n - 1] != '"') {
        out.append(record, n);
        return;
    }
    qsizetype fieldStart = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = record[i];
        if (c == '"')
            quoted = !quoted; // a doubled quote toggles twice
        else if (c == ',' && !quoted)
            fieldStart = i + 1;
    }
    if (record[fieldStart] != '"') {
        out.append(record, n);
        return;
    }
    out.append(record, fieldStart + 1);
    bool inString = false;
    bool escaped = false;
    const qsizetype end = n - 1; // the closing quote
    for (qsizetype i = fieldStart + 1; i < end; ++i) {
        const char c = record[i];
        if (c == '"') { // CSV-doubled: one JSON quote
            out.append("\"\"", 2);
            ++i;
            if (inString && escaped)
                escaped = false;
            else
                inString = !inString;
            continue;
        }
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
        } else if (c == ' ') {
            continue;
        }
        out.append(c);
    }
    out.append('"');
}

bool reopenDefault(QSqlDatabase &db, QString *why)
{
    db.close();
    if (db.open())
        return true;
    *why = db.lastError().text();
    return false;
}

} // namespace

struct CsvExporter::Private
{
    QString connectionName;
    ProgressCallback progress;
    ReopenFunction reopenFunction;
    std::atomic_bool cancelRequested{false};
    QMutex cancelMutex;
    PGcancel *cancelHandle = nullptr; // set while a statement of ours runs

    void setCancelHandle(PGconn *conn)
    {
        QMutexLocker lock(&cancelMutex);
        cancelHandle = conn ? PQgetCancel(conn) : nullptr;
    }
    void clearCancelHandle()
    {
        QMutexLocker lock(&cancelMutex);
        if (cancelHandle)
            PQfreeCancel(cancelHandle);
        cancelHandle = nullptr;
    }
    void sendCancel()
    {
        QMutexLocker lock(&cancelMutex);
        if (cancelHandle) {
            char buffer[256];
            PQcancel(cancelHandle, buffer, int(sizeof buffer)); // best effort; the drain follows
        }
    }

    // Re-opens through the owner's function when there is one; `db` then refers to the connection
    // of that name again (the owner may have closed and opened it).
    bool reopen(QSqlDatabase &db, QString *why)
    {
        if (!reopenFunction)
            return reopenDefault(db, why);
        const bool ok = reopenFunction(why);
        db = QSqlDatabase::database(connectionName, false);
        return ok && db.isOpen();
    }

    enum class Next { Done, Retry };
    Next run(QSqlDatabase &db, const AuditFilter &filter, const CsvExportOptions &options, bool mayRetry,
             CsvExportResult &r);
};

CsvExporter::CsvExporter(QString connectionName)
    : d(std::make_unique<Private>())
{
    d->connectionName = std::move(connectionName);
}

CsvExporter::~CsvExporter()
{
    d->clearCancelHandle();
}

void CsvExporter::setProgressCallback(ProgressCallback callback)
{
    d->progress = std::move(callback);
}

void CsvExporter::setReopenFunction(ReopenFunction reopen)
{
    d->reopenFunction = std::move(reopen);
}

void CsvExporter::cancel()
{
    d->cancelRequested = true;
    d->sendCancel();
}

bool CsvExporter::isCancelRequested() const
{
    return d->cancelRequested;
}

QStringList CsvExporter::columns()
{
    return {QStringLiteral("timestamp"),     QStringLiteral("user_id"),     QStringLiteral("action"),
            QStringLiteral("event_type"),    QStringLiteral("resource_type"), QStringLiteral("resource_id"),
            QStringLiteral("outcome"),       QStringLiteral("details")};
}

QString CsvExporter::rowsText(qint64 rows, bool limited)
{
    if (limited)
        return tr("%1+ rows (limited)").arg(QLocale().toString(rows));
    return tr("%Ln row(s)", nullptr, int(qMin<qint64>(rows, INT_MAX)));
}

bool CsvExporter::isPlainNumber(QStringView cell)
{
    qsizetype i = 0;
    const qsizetype n = cell.size();
    auto digit = [&](qsizetype k) { return k < n && cell.at(k) >= QLatin1Char('0') && cell.at(k) <= QLatin1Char('9'); };
    if (i < n && (cell.at(i) == QLatin1Char('+') || cell.at(i) == QLatin1Char('-')))
        ++i;
    qsizetype digits = 0;
    while (digit(i)) {
        ++i;
        ++digits;
    }
    if (i < n && cell.at(i) == QLatin1Char('.')) {
        ++i;
        while (digit(i)) {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
        return false;
    if (i < n && (cell.at(i) == QLatin1Char('e') || cell.at(i) == QLatin1Char('E'))) {
        ++i;
        if (i < n && (cell.at(i) == QLatin1Char('+') || cell.at(i) == QLatin1Char('-')))
            ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    return i == n;
}

QString CsvExporter::guardCell(const QString &cell)
{
    if (cell.isEmpty() || !isGuardLead(cell.front()) || isPlainNumber(cell))
        return cell;
    return QLatin1Char('\'') + cell;
}

QByteArray CsvExporter::csvField(const QString &cell)
{
    if (cell.isNull())
        return {};
    QByteArray utf8 = cell.toUtf8();
    const bool quote = utf8.isEmpty() || utf8.contains(',') || utf8.contains('"') || utf8.contains('\r')
                       || utf8.contains('\n');
    if (!quote)
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QString CsvExporter::isoUtc(qint64 microsSinceEpoch)
{
    qint64 seconds = microsSinceEpoch / 1000000;
    qint64 micros = microsSinceEpoch % 1000000;
    if (micros < 0) {
        micros += 1000000;
        --seconds;
    }
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"))
           + QLatin1Char('.') + QStringLiteral("%1").arg(micros, 6, 10, QLatin1Char('0')) + QStringLiteral("+00:00");
}

QString CsvExporter::sqlGuarded(const QString &x)
{
    // Same rule as guardCell(): the lead characters, then "unless the whole cell is a number".
    static const QString lead = eLiteral(QStringLiteral("^[=+@\\t\\r\\n\\uFF1D\\uFF0B\\uFF0D\\uFF20-]"));
    static const QString number = eLiteral(QStringLiteral("^[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"));
    return QStringLiteral("(CASE WHEN (%1 COLLATE \"C\") ~ %2 AND (%1 COLLATE \"C\") !~ %3 THEN '''' || %1 ELSE %1 END)")
        .arg(x, lead, number);
}

QString CsvExporter::compactJson(const QString &json)
{
    QString out;
    out.reserve(json.size());
    bool inString = false;
    bool escaped = false;
    for (const QChar c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
        } else if (c == u'"') {
            inString = true;
        } else if (c == u' ') {
            continue;
        }
        out += c;
    }
    return out;
}

QString CsvExporter::selectSql(const AuditFilter &filter, int limit, QString *error) const
{
    QString why;
    QSqlDatabase db = QSqlDatabase::database(d->connectionName, false);
    PGconn *conn = db.isOpen() ? connectionOf(db) : nullptr;
    if (!conn) {
        if (error)
            *error = tr("No open PostgreSQL connection named \"%1\".").arg(d->connectionName);
        return {};
    }
    const QString sql = buildSelect(conn, filter, limit, &why);
    if (sql.isEmpty() && error)
        *error = why;
    return sql;
}

CsvExportResult CsvExporter::exportTo(const AuditFilter &filter, const CsvExportOptions &options)
{
    d->cancelRequested = false;
    QElapsedTimer timer;
    timer.start();
    CsvExportResult r;
    r.filePath = options.filePath;

    auto fail = [&](const QString &message) {
        r.status = CsvExportResult::Status::Failed;
        r.error = message;
        r.elapsedMs = timer.elapsed();
        return r;
    };
    if (options.filePath.isEmpty())
        return fail(tr("No file name was given for the export."));
    if (options.maxRows < 0)
        return fail(tr("The row limit cannot be negative."));
    // QSaveFile writes a temporary file next to the target and renames it over the target: over a
    // device or a FIFO (/dev/full, /dev/null) that would replace the node itself. Refuse.
    const QFileInfo target(options.filePath);
    if (target.exists() && !target.isFile())
        return fail(tr("Cannot export to %1: it is not a regular file.").arg(options.filePath));
    if (target.isDir())
        return fail(tr("Cannot export to %1: it is a folder.").arg(options.filePath));

    QSqlDatabase db = QSqlDatabase::database(d->connectionName, false);
    if (!db.isValid())
        return fail(tr("No database connection named \"%1\" on this thread.").arg(d->connectionName));
    if (db.driverName() != QLatin1String("QPSQL"))
        return fail(tr("CSV export needs a PostgreSQL connection (QPSQL), not %1.").arg(db.driverName()));

    if (d->run(db, filter, options, /*mayRetry=*/true, r) == Private::Next::Retry)
        d->run(db, filter, options, /*mayRetry=*/false, r);
    r.elapsedMs = timer.elapsed();
    return r;
}

CsvExporter::Private::Next CsvExporter::Private::run(QSqlDatabase &db, const AuditFilter &filter,
                                                    const CsvExportOptions &options, bool mayRetry,
                                                    CsvExportResult &r)
{
    using Status = CsvExportResult::Status;
    r.status = Status::Failed;
    r.rows = 0;
    r.limited = false;
    r.bytes = 0;
    r.sha256.clear();
    r.error.clear();

    QString why;
    if (!db.isOpen()) {
        if (!reopen(db, &why)) {
            r.error = tr("The database connection is closed and could not be re-opened: %1").arg(why);
            return Next::Done;
        }
    }
    PGconn *conn = connectionOf(db);
    if (!conn) {
        r.error = tr("The database driver gave no PostgreSQL connection handle.");
        return Next::Done;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        if (!reopen(db, &why)) {
            r.error = tr("The connection to the database was lost and could not be re-opened: %1").arg(why);
            return Next::Done;
        }
        r.reconnected = true;
        conn = connectionOf(db);
    }
    const PGTransactionStatusType tx = PQtransactionStatus(conn);
    if (tx == PQTRANS_ACTIVE) {
        r.error = tr("The database connection is busy with another query; try the export again.");
        return Next::Done;
    }
    if (tx == PQTRANS_INERROR) {
        r.error = tr("The database connection is inside a failed transaction; the export cannot run.");
        return Next::Done;
    }

    const int fetchLimit = options.maxRows + 1; // one more: does more exist?
    r.filterProblem.clear();
    const QString select = buildSelect(conn, filter, fetchLimit, &why, &r.filterProblem);
    if (select.isEmpty()) {
        r.error = tr("The export query could not be built: %1").arg(why);
        return Next::Done;
    }
    const QByteArray copySql = "COPY (" + select.toUtf8() + ") TO STDOUT WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')";

    QSaveFile file(options.filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        r.error = tr("Cannot write %1: %2").arg(options.filePath, file.errorString());
        return Next::Done;
    }

    auto exec = [&](const char *sql, QString *message) {
        PGresult *res = PQexec(conn, sql);
        const bool ok = res && PQresultStatus(res) == PGRES_COMMAND_OK;
        if (!ok && message)
            *message = trimmedServerMessage(res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
        PQclear(res);
        return ok;
    };
    auto connectionLost = [&](const QString &detail) {
        file.cancelWriting();
        QString again;
        if (reopen(db, &again)) {
            r.reconnected = true;
            r.error = tr("The connection to the database was lost during the export (%1). No file was written. "
                         "The connection has been re-opened; the export can be tried again.").arg(detail);
        } else {
            r.error = tr("The connection to the database was lost during the export (%1). No file was written, "
                         "and the connection could not be re-opened: %2").arg(detail, again);
        }
    };

    const bool ownTransaction = tx == PQTRANS_IDLE;
    if (ownTransaction) {
        QString message;
        if (!exec("BEGIN READ ONLY", &message)) {
            if (PQstatus(conn) != CONNECTION_OK) {
                if (mayRetry) { // dead while idle; nothing was read yet: re-open and try once more
                    file.cancelWriting();
                    if (reopen(db, &why)) {
                        r.reconnected = true;
                        return Next::Retry;
                    }
                }
                connectionLost(message);
                return Next::Done;
            }
            file.cancelWriting();
            r.error = tr("The database refused the export: %1").arg(message);
            return Next::Done;
        }
        // JIT would compile the masking expressions for every export (0.4 s here) to save
        // microseconds per row.
        exec("SET LOCAL jit = off", nullptr);
        if (options.statementTimeoutMs > 0) {
            const QByteArray set = "SET LOCAL statement_timeout = " + QByteArray::number(options.statementTimeoutMs);
            exec(set.constData(), nullptr);
        }
    }

    setCancelHandle(conn);
    if (cancelRequested) {
        clearCancelHandle();
        file.cancelWriting();
        if (ownTransaction)
            exec("ROLLBACK", nullptr);
        r.status = Status::Cancelled;
        r.error = tr("The export was cancelled. No file was written.");
        return Next::Done;
    }

    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk;
    chunk.reserve(kChunkBytes + 64 * 1024);
    bool writeFailed = false;
    QString writeError;
    auto flushChunk = [&]() {
        if (writeFailed || chunk.isEmpty())
            return;
        const qint64 written = file.write(chunk);
        if (written != chunk.size()) {
            writeFailed = true;
            writeError = file.errorString();
        } else {
            hash.addData(chunk);
            r.bytes += chunk.size();
        }
        chunk.resize(0); // keeps the capacity (clear() would free it)
    };
    if (options.byteOrderMark)
        chunk.append("\xEF\xBB\xBF");

    QString serverError;
    bool copyStarted = false;
    bool stopWriting = false;
    PGresult *res = PQexec(conn, copySql.constData());
    if (res && PQresultStatus(res) == PGRES_COPY_OUT) {
        copyStarted = true;
    } else {
        serverError = trimmedServerMessage(res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
    }
    PQclear(res);

    qint64 messages = 0;
    qint64 nextProgress = qMax(1, options.progressEveryRows);
    if (copyStarted) {
        for (;;) {
            char *buffer = nullptr;
            const int n = PQgetCopyData(conn, &buffer, 0);
            if (n == -1)
                break;
            if (n < 0) {
                serverError = trimmedServerMessage(PQerrorMessage(conn));
                break;
            }
            ++messages;
            const bool header = messages == 1;
            if (!header && r.rows >= options.maxRows) {
                r.limited = true; // the extra row: not written
            } else if (!stopWriting) {
                // One CopyData message per record, ending in "\n": RFC 4180 wants CRLF.
                int len = n;
                if (len > 0 && buffer[len - 1] == '\n')
                    --len;
                if (header)
                    chunk.append(buffer, len);
                else
                    appendCompacted(chunk, buffer, len);
                chunk.append("\r\n", 2);
                if (!header)
                    ++r.rows;
                if (chunk.size() >= kChunkBytes)
                    flushChunk();
            }
            PQfreemem(buffer);
            if (!stopWriting && (writeFailed || cancelRequested)) {
                stopWriting = true; // keep draining so the connection stays usable
                sendCancel();
            }
            if (!stopWriting && progress && !header && r.rows >= nextProgress) {
                nextProgress = r.rows + qMax(1, options.progressEveryRows);
                progress(r.rows);
                if (cancelRequested) {
                    stopWriting = true;
                    sendCancel();
                }
            }
        }
        while (PGresult *tail = PQgetResult(conn)) {
            const ExecStatusType st = PQresultStatus(tail);
            if (st != PGRES_COMMAND_OK && st != PGRES_COPY_OUT && serverError.isEmpty())
                serverError = trimmedServerMessage(PQresultErrorMessage(tail));
            PQclear(tail);
        }
    }
    clearCancelHandle();

    const bool lost = PQstatus(conn) != CONNECTION_OK;
    if (!lost && ownTransaction) {
        const PGTransactionStatusType after = PQtransactionStatus(conn);
        const bool clean = serverError.isEmpty() && after == PQTRANS_INTRANS;
        exec(clean ? "COMMIT" : "ROLLBACK", nullptr);
    }

    if (lost) {
        // Dropped before any row, in our own transaction: nothing was read, nothing of the caller's
        // was lost; re-open and run once more (the result says so).
        if (mayRetry && ownTransaction && messages == 0 && !cancelRequested) {
            file.cancelWriting();
            if (reopen(db, &why)) {
                r.reconnected = true;
                return Next::Retry;
            }
        }
        connectionLost(serverError.isEmpty() ? tr("no answer from the server") : serverError);
        return Next::Done;
    }
    if (cancelRequested) {
        file.cancelWriting();
        r.status = Status::Cancelled;
        r.error = tr("The export was cancelled. No file was written.");
        return Next::Done;
    }
    if (!writeFailed && serverError.isEmpty())
        flushChunk();
    if (!writeFailed && !serverError.isEmpty()) {
        file.cancelWriting();
        r.error = tr("The database refused the export: %1").arg(serverError);
        return Next::Done;
    }
    if (!writeFailed && !file.commit()) {
        writeFailed = true;
        writeError = file.errorString();
    }
    if (writeFailed) {
        file.cancelWriting();
        r.error = tr("Could not write %1: %2. No file was written.").arg(options.filePath, writeError);
        r.bytes = 0;
        return Next::Done;
    }
    if (progress)
        progress(r.rows);
    r.sha256 = hash.result().toHex();
    r.status = Status::Ok;
    return Next::Done;
}

} // namespace ops
