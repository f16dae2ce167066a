#pragma once

#include "audit/AuditFilter.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <atomic>
#include <functional>

namespace ops {

// Re-checks the audit log's SHA-256 chain (docs/audit-log.md) over a date range:
//   row_hash = hex(SHA-256(UTF-8(prev_hash + "|" + audit_canonical(row))))
// and each row's prev_hash must be the row_hash of the row before it in id order (64 zeros for
// the very first row). The canonical text comes from the database's audit_canonical(); the hash
// is recomputed here, so a row edited behind the application's back (or a stored hash rewritten)
// is found.
//
// The range is the ids from the first to the last row whose timestamp is in the filter's date
// range; every row between them is walked (whatever its timestamp), in id order, in batches of
// forward-only queries. The link *into* the range (from the row just before it) and the link
// *out of* it (to the row just after) are checked too, so a deleted first or last row is found.
// Only the date range of the filter applies: the chain has no gaps for other filters to skip.
class ChainVerifier
{
    Q_DECLARE_TR_FUNCTIONS(ops::ChainVerifier)

public:
    struct Result
    {
        enum class Status {
            Intact,      // every link holds (also when the range is empty)
            RowChanged,  // brokenRowId's recomputed hash differs from its row_hash
            RowsMissing, // brokenRowId's prev_hash is not the previous row's row_hash
        };
        Status status = Status::Intact;
        qint64 rowsChecked = 0;  // rows whose hash was recomputed
        qint64 brokenRowId = 0;  // the first broken link (0 when intact)
        qint64 firstId = 0;      // the id range walked (0 when empty)
        qint64 lastId = 0;
        QString message;         // translated, e.g. "Row 42 was changed after it was written."

        [[nodiscard]] bool isIntact() const { return status == Status::Intact; }
    };

    enum class Outcome { Finished, Failed, Cancelled };

    // (rows checked so far, rows in the range)
    using Progress = std::function<void(qint64 checked, qint64 total)>;
    // Called with the SQL right before each query (instrumentation, e.g. to assert the thread).
    using QueryObserver = std::function<void(const QString &sql)>;

    static constexpr int DefaultBatchSize = 5000;
    static const QString &zeroHash(); // 64 '0'

    explicit ChainVerifier(QSqlDatabase db);

    void setBatchSize(int rows) { m_batchSize = qMax(1, rows); }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setCancelFlag(const std::atomic_bool *cancelled) { m_cancelled = cancelled; }
    void setQueryObserver(QueryObserver observer) { m_observer = std::move(observer); }

    // Walks the range. Finished: `result` holds the verdict. Failed: error() says why.
    // Cancelled: the flag was set (checked between batches and every 1,000 rows).
    Outcome run(const AuditFilter &filter, Result *result);
    [[nodiscard]] QSqlError error() const { return m_error; }

    // hex(SHA-256(UTF-8(prevHash + "|" + canonical))), lowercase.
    [[nodiscard]] static QString rowHash(const QString &prevHash, const QString &canonical);

private:
    bool exec(QSqlQuery &q, const QString &sql, const QVariantList &values);
    [[nodiscard]] bool isCancelled() const { return m_cancelled && m_cancelled->load(); }
    void brokenLink(Result *result, Result::Status status, qint64 id) const;

    QSqlDatabase m_db;
    int m_batchSize = DefaultBatchSize;
    Progress m_progress;
    QueryObserver m_observer;
    const std::atomic_bool *m_cancelled = nullptr;
    QSqlError m_error;
};

} // namespace ops

Q_DECLARE_METATYPE(ops::ChainVerifier::Result)
