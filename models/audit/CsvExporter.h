#pragma once

#include "audit/AuditFilter.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace ops {

struct CsvExportOptions
{
    QString filePath;             // the finished file; written through QSaveFile (all or nothing)
    bool byteOrderMark = false;   // UTF-8 BOM first, for spreadsheets that guess the encoding
    int maxRows = 10000;          // rows written at most; one more is read to know whether more exist
    int statementTimeoutMs = 120000; // server-side limit for the query; 0 = none
    int progressEveryRows = 250;  // how often the progress callback runs
};

struct CsvExportResult
{
    enum class Status { Ok, Cancelled, Failed };
    Status status = Status::Failed;
    qint64 rows = 0;           // data rows written (without the header)
    bool limited = false;      // more rows matched the filter than were written
    QByteArray sha256;         // lowercase hex of the finished file (BOM included); empty unless Ok
    qint64 bytes = 0;          // size of the finished file
    qint64 elapsedMs = 0;
    bool reconnected = false;  // the connection had been dropped and was re-opened (see error)
    QString filePath;
    QString error;             // user-visible (translated); empty when Ok
    QString filterProblem;     // AuditFilter::where()'s note (unknown event type, NUL removed)

    [[nodiscard]] bool ok() const { return status == Status::Ok; }
};

// Exports the filtered audit log as CSV:
//   columns timestamp, user_id, action, event_type, resource_type, resource_id, outcome, details;
//   rows ordered ("timestamp" DESC, id DESC), at most options.maxRows;
//   RFC 4180 (fields quoted when they hold , " CR or LF or are empty strings, quotes doubled,
//   CRLF after every record), UTF-8 with an optional BOM, a header row;
//   timestamps ISO 8601 in UTC with an explicit offset (2026-11-23T12:04:05.123456+00:00);
//   details as compact single-line JSON with secrets masked (masking::sqlMaskedJsonText in the
//   query; the blanks jsonb prints after : and , are dropped from the stream, see compactJson);
//   text cells that start with = + - @ TAB CR LF or ＝ ＋ － ＠ get a leading ' unless the whole
//   cell is a number such as -5 or +3.25 (guardCell).
//
// How: one `COPY (SELECT …) TO STDOUT (FORMAT csv, HEADER)` through libpq (PQgetCopyData) on the
// QPSQL driver's own connection, with formatting, escaping and masking done in the SELECT (run
// with jit = off: compiling the expressions cost more than running them); the
// filter's values are rendered into it with PQescapeLiteral on that same connection (COPY takes
// no bind parameters). The C++ rules below are the reference the SQL is tested against.
//
// Threading: a plain synchronous class. exportTo() runs on the thread that owns the QSqlDatabase
// connection (the audit reader's thread) and blocks it until the file is finished; the progress
// callback is called on that thread. cancel() may be called from any thread (e.g. the GUI's
// Cancel button, directly, not through a queued signal, since the worker is busy in exportTo()).
//
// Failure (cancel, a dropped connection, a full disk, a server error) leaves no file behind (an
// existing file at the path is left untouched), returns a clear error, and leaves the connection
// usable: the COPY is drained or cancelled, the transaction rolled back, and a broken connection is
// re-opened (an idle connection found dead before any row arrived is re-opened and the export
// retried once; result.reconnected says so).
class CsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(ops::CsvExporter)
public:
    using ProgressCallback = std::function<void(qint64 rowsWritten)>;
    // Re-opens the connection after it was lost (on the exporting thread); false + *error when it
    // could not. The default closes and opens the QSqlDatabase. A connection owned by
    // AuditDatabase must be re-opened through it (its open() sets the session up again):
    //   exporter.setReopenFunction([&db](QString *e) { db.close(); AuditError a;
    //       if (db.ensureOpen(&a)) return true; *e = a.message; return false; });
    using ReopenFunction = std::function<bool(QString *error)>;

    explicit CsvExporter(QString connectionName);
    ~CsvExporter();
    CsvExporter(const CsvExporter &) = delete;
    CsvExporter &operator=(const CsvExporter &) = delete;

    void setProgressCallback(ProgressCallback callback);
    void setReopenFunction(ReopenFunction reopen);

    // Clears an earlier cancel request, then exports. Blocking.
    [[nodiscard]] CsvExportResult exportTo(const AuditFilter &filter, const CsvExportOptions &options);

    // Thread-safe. Stops a running export (PQcancel to the server, the file is discarded).
    void cancel();
    [[nodiscard]] bool isCancelRequested() const;

    // The export's SELECT with the filter's values rendered (PQescapeLiteral on the connection),
    // LIMIT `limit`; e.g. for `psql -c "\copy (…) to FILE csv"` in the benchmark. Empty on error.
    [[nodiscard]] QString selectSql(const AuditFilter &filter, int limit, QString *error = nullptr) const;

    // "1,234 rows" / "10,000+ rows (limited)", in the current locale.
    [[nodiscard]] static QString rowsText(qint64 rows, bool limited);

    // --- The rules, in C++ (reference for the SQL; usable for single cells, e.g. the clipboard) ---
    [[nodiscard]] static QStringList columns();
    // -5, +3.25, 1e3, .5: a plain decimal number, optionally signed, nothing else.
    [[nodiscard]] static bool isPlainNumber(QStringView cell);
    // A leading ' for a cell a spreadsheet could take for a formula.
    [[nodiscard]] static QString guardCell(const QString &cell);
    // One RFC 4180 field (UTF-8), quoted when needed; a null QString is an empty, unquoted field.
    [[nodiscard]] static QByteArray csvField(const QString &cell);
    // 2026-11-23T12:04:05.123456+00:00
    [[nodiscard]] static QString isoUtc(qint64 microsSinceEpoch);
    // guardCell as a PostgreSQL expression over a text expression.
    [[nodiscard]] static QString sqlGuarded(const QString &textExpression);
    // JSON text as PostgreSQL prints jsonb (`{"a": 1, "b": [1, 2]}`) without the blanks outside
    // strings (`{"a":1,"b":[1,2]}`). Done in C++ on the COPY stream (a regexp_replace in the query
    // cost more than the rest of the export together).
    [[nodiscard]] static QString compactJson(const QString &jsonText);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
