#include "audit/ChainVerifier.h"

#include <QCryptographicHash>
#include <QSqlQuery>

namespace ops {

const QString &ChainVerifier::zeroHash()
{
    static const QString zeros(64, QLatin1Char('0'));
    return zeros;
}

ChainVerifier::ChainVerifier(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString ChainVerifier::rowHash(const QString &prevHash, const QString &canonical)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prevHash.toUtf8());
    hash.addData(QByteArrayView("|", 1));
    hash.addData(canonical.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

bool ChainVerifier::exec(QSqlQuery &q, const QString &sql, const QVariantList &values)
{
    if (m_observer)
        m_observer(sql);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        m_error = q.lastError();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        m_error = q.lastError();
        return false;
    }
    return true;
}

void ChainVerifier::brokenLink(Result *result, Result::Status status, qint64 id) const
{
    result->status = status;
    result->brokenRowId = id;
    result->message = status == Result::Status::RowChanged
                          ? tr("Row %1 was changed after it was written.").arg(id)
                          : tr("Rows are missing before row %1 (link broken).").arg(id);
}

ChainVerifier::Outcome ChainVerifier::run(const AuditFilter &filter, Result *result)
{
    *result = Result{};
    m_error = QSqlError();
    if (isCancelled())
        return Outcome::Cancelled;

    // 1. The id range of the date range.
    const SqlFragment range = filter.dateRange();
    QSqlQuery q(m_db);
    if (!exec(q, QStringLiteral("SELECT min(id), max(id) FROM audit_log WHERE ") + range.clause, range.values)
        || !q.next()) {
        if (!m_error.isValid())
            m_error = q.lastError();
        return Outcome::Failed;
    }
    if (q.isNull(0)) {
        result->message = tr("No audit rows in this range: nothing to verify.");
        return Outcome::Finished;
    }
    const qint64 firstId = q.value(0).toLongLong();
    const qint64 lastId = q.value(1).toLongLong();
    result->firstId = firstId;
    result->lastId = lastId;
    q.finish();

    qint64 total = 0;
    if (!exec(q, QStringLiteral("SELECT count(*) FROM audit_log WHERE id BETWEEN ? AND ?"), {firstId, lastId})
        || !q.next())
        return Outcome::Failed;
    total = q.value(0).toLongLong();
    q.finish();
    if (m_progress)
        m_progress(0, total);

    // 2. The link into the range: the row just before it, or the chain's start.
    QString previousHash = zeroHash();
    if (!exec(q, QStringLiteral("SELECT row_hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1"), {firstId}))
        return Outcome::Failed;
    if (q.next())
        previousHash = q.value(0).toString();
    q.finish();

    // 3. Every row of the range, in id order, in batches.
    const QString batchSql = QStringLiteral(
        "SELECT id, prev_hash, row_hash, audit_canonical(a) FROM audit_log a "
        "WHERE id > ? AND id <= ? ORDER BY id LIMIT ?");
    qint64 after = firstId - 1;
    qint64 checked = 0;
    for (;;) {
        if (isCancelled())
            return Outcome::Cancelled;
        if (!exec(q, batchSql, {after, lastId, m_batchSize}))
            return Outcome::Failed;
        int inBatch = 0;
        while (q.next()) {
            ++inBatch;
            const qint64 id = q.value(0).toLongLong();
            const QString prevHash = q.value(1).toString();
            const QString storedHash = q.value(2).toString();
            const QString canonical = q.value(3).toString();
            if (prevHash != previousHash) {
                brokenLink(result, Result::Status::RowsMissing, id);
                result->rowsChecked = checked;
                return Outcome::Finished;
            }
            if (rowHash(prevHash, canonical) != storedHash) {
                brokenLink(result, Result::Status::RowChanged, id);
                result->rowsChecked = checked;
                return Outcome::Finished;
            }
            ++checked;
            previousHash = storedHash;
            after = id;
            if (checked % 1000 == 0 && isCancelled())
                return Outcome::Cancelled;
        }
        if (q.lastError().isValid()) {
            m_error = q.lastError();
            return Outcome::Failed;
        }
        q.finish();
        if (m_progress)
            m_progress(checked, total);
        if (inBatch < m_batchSize)
            break;
    }

    // 4. The link out of the range: the next row must chain onto the last one walked.
    if (!exec(q, QStringLiteral("SELECT id, prev_hash FROM audit_log WHERE id > ? ORDER BY id LIMIT 1"), {lastId}))
        return Outcome::Failed;
    if (q.next() && q.value(1).toString() != previousHash) {
        brokenLink(result, Result::Status::RowsMissing, q.value(0).toLongLong());
        result->rowsChecked = checked;
        return Outcome::Finished;
    }
    q.finish();

    result->rowsChecked = checked;
    result->message = tr("The audit log is intact: %n row(s) checked.", nullptr, int(qMin<qint64>(checked, INT_MAX)));
    return Outcome::Finished;
}

} // namespace ops
