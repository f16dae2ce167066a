#pragma once

#include "audit/AuditDatabase.h"
#include "audit/AuditFilter.h"
#include "audit/AuditRecord.h"
#include "audit/ChainVerifier.h"
#include "audit/CsvExporter.h"
#include "profiles/ConnectionProfile.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace ops {

// Keyset pages over ("timestamp" DESC, id DESC). Older = after the cursor in that order (what
// scrolling down loads); Newer = before it (scrolling back up after rows were evicted).
enum class AuditPageDirection { Older, Newer };

struct AuditPageRequest
{
    AuditFilter filter;
    AuditCursor cursor;   // null: start at the newest row (direction is then Older)
    AuditPageDirection direction = AuditPageDirection::Older;
    int limit = 200;      // 1..AuditReader::MaxPageSize
};

struct AuditPage
{
    AuditPageDirection direction = AuditPageDirection::Older;
    AuditCursor cursor;         // the request's cursor
    QList<AuditRecord> rows;    // always newest first, details masked
    bool hasMore = false;       // more rows exist beyond this page in its direction
    QString filterProblem;      // AuditFilter::where()'s note (unknown event type, NUL removed)
};

// Values for the filter pickers (date range of the filter only; each list sorted, at most 500).
struct AuditDistinctValues
{
    QStringList actions;
    QStringList users;
    QStringList outcomes;
    QStringList resourceTypes;
    bool truncated = false; // a list had more than DistinctLimit values
};

using AuditCancelFlag = std::shared_ptr<std::atomic_bool>;
// Called on the reader's thread with the SQL right before each query (instrumentation for tests).
using AuditQueryObserver = std::function<void(const QString &sql)>;

struct AuditReaderOptions : AuditDatabase::Options
{
    int verifyBatchSize = ChainVerifier::DefaultBatchSize;
};

// Runs the audit-log queries on its own thread with its own connection (AuditDatabase). Created
// and driven by AuditService; every public method except abortRunningQuery() runs on the reader's
// thread. Each request ends in exactly one signal: its result, or failed().
class AuditReader final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxPageSize = 1000;
    static constexpr int DistinctLimit = 500;

    AuditReader(const PostgresEndpoint &endpoint, const AuditReaderOptions &options);
    ~AuditReader() override;

    void connectWith(const QString &password); // prepares the connection; opened on first use
    void setQueryObserver(AuditQueryObserver observer) { m_observer = std::move(observer); }

    void fetchPage(quint64 id, const ops::AuditPageRequest &request, const ops::AuditCancelFlag &cancel);
    void fetchDistinctValues(quint64 id, const ops::AuditFilter &filter, const ops::AuditCancelFlag &cancel);
    void verifyChain(quint64 id, const ops::AuditFilter &filter, const ops::AuditCancelFlag &cancel);
    void ping(quint64 id, const ops::AuditCancelFlag &cancel);
    // CSV export on this reader's connection (COPY through libpq); the file appears only when complete.
    void exportCsv(quint64 id, const ops::AuditFilter &filter, const ops::CsvExportOptions &options,
                   const ops::AuditCancelFlag &cancel);

    // Any thread: asks the server to stop the query running now (used when shutting down).
    void abortRunningQuery();

    // The row columns as selected by page queries (for other readers of audit_log, e.g. export).
    [[nodiscard]] static QString selectColumns();
    [[nodiscard]] static AuditRecord recordFromQuery(const QSqlQuery &query);

signals:
    void pageReady(quint64 id, const ops::AuditPage &page);
    void distinctValuesReady(quint64 id, const ops::AuditDistinctValues &values);
    void verificationProgress(quint64 id, qint64 checked, qint64 total);
    void verificationFinished(quint64 id, const ops::ChainVerifier::Result &result);
    void pingReady(quint64 id, int latencyMs);
    void exportProgress(quint64 id, qint64 rows);
    void exportFinished(quint64 id, const ops::CsvExportResult &result);
    void failed(quint64 id, const ops::AuditError &error);

private:
    bool begin(quint64 id, const AuditCancelFlag &cancel);
    void fail(quint64 id, const AuditError &error);
    bool distinct(const QString &column, bool indexed, const SqlFragment &range, QStringList *out, bool *truncated,
                  AuditError *error);

    PostgresEndpoint m_endpoint;
    AuditReaderOptions m_options;
    AuditQueryObserver m_observer;
    QMutex m_dbMutex; // guards the pointer for abortRunningQuery() from other threads
    std::unique_ptr<AuditDatabase> m_db;

    // The last page statement, kept prepared on the server: scrolling repeats the same SQL text with
    // new cursor values, so only the first page of a filter pays for PREPARE. Valid only for the
    // connection (database object and backend process) it was prepared on.
    struct PreparedPage
    {
        QString sql;
        const AuditDatabase *db = nullptr;
        int backendPid = 0;
        std::unique_ptr<QSqlQuery> query;
    };
    PreparedPage m_page;
    QSqlQuery *pageQuery(const QString &sql, AuditError *error);
};

// The GUI-thread face of the audit log: owns two reader threads (one for browsing — pages,
// picker values, ping — and one for chain verification, so a long verification never blocks
// scrolling), hands out request ids and forwards results as queued signals. No query ever runs
// on the thread that owns the service.
//
// Every request id is answered exactly once: by its result signal or by failed() (including
// Kind::Cancelled after cancel()). Nothing is answered after the service is destroyed.
class AuditService final : public QObject
{
    Q_OBJECT

public:
    using Options = AuditReaderOptions;

    // `password` (from the keychain; may be empty for trust auth) goes to the connections only.
    AuditService(const PostgresEndpoint &endpoint, const QString &password, QObject *parent = nullptr);
    AuditService(const PostgresEndpoint &endpoint, const QString &password, const Options &options,
                 QObject *parent = nullptr);
    ~AuditService() override;

    quint64 fetchPage(const ops::AuditPageRequest &request);
    quint64 fetchDistinctValues(const ops::AuditFilter &filter);
    quint64 verifyChain(const ops::AuditFilter &filter);
    quint64 ping();
    // Runs on the verification thread (long work never blocks scrolling). Cancel stops it and
    // leaves no file; the result carries the row count, the limit flag and the file's SHA-256.
    quint64 exportCsv(const ops::AuditFilter &filter, const ops::CsvExportOptions &options);

    // The request answers failed(id, Cancelled) instead of its result; a running verification
    // stops within one batch. Unknown or finished ids are ignored.
    void cancel(quint64 requestId);
    [[nodiscard]] bool isPending(quint64 requestId) const { return m_pending.contains(requestId); }

    // Test instrumentation: called on the reader threads with each query's SQL.
    void setQueryObserver(const AuditQueryObserver &observer);

signals:
    void pageReady(quint64 requestId, const ops::AuditPage &page);
    void distinctValuesReady(quint64 requestId, const ops::AuditDistinctValues &values);
    void verificationProgress(quint64 requestId, qint64 checked, qint64 total);
    void verificationFinished(quint64 requestId, const ops::ChainVerifier::Result &result);
    void pingReady(quint64 requestId, int latencyMs);
    void exportProgress(quint64 requestId, qint64 rows);
    void exportFinished(quint64 requestId, const ops::CsvExportResult &result);
    void failed(quint64 requestId, const ops::AuditError &error);

private:
    AuditReader *startReader(QThread *thread, const QString &name, const QString &password);
    quint64 enqueue(AuditReader *reader, std::function<void(AuditReader *, quint64, const AuditCancelFlag &)> call);
    // Removes the request; false when it was cancelled (failed(Cancelled) has then been emitted).
    bool settle(quint64 id, bool final);

    PostgresEndpoint m_endpoint;
    Options m_options;
    QThread m_browseThread;
    QThread m_verifyThread;
    AuditReader *m_browse = nullptr;
    AuditReader *m_verify = nullptr;
    QHash<quint64, AuditCancelFlag> m_pending;
    quint64 m_nextId = 0;
};

} // namespace ops

Q_DECLARE_METATYPE(ops::AuditPage)
Q_DECLARE_METATYPE(ops::AuditDistinctValues)
Q_DECLARE_METATYPE(ops::CsvExportOptions)
Q_DECLARE_METATYPE(ops::CsvExportResult)
