#pragma once

#include "ApiCommon.h"

#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <functional>

class QSqlDatabase;

namespace opssandbox {

class AuthApi;

// The audit area of the REST API (/api/v1/audit): POST /api/v1/audit/exports records that the
// console exported audit rows to a file ({filters, rows, sha256, file_name}) as an AUDIT_EXPORT
// audit row. Permission audit:view (admin); a refusal is audited as 'denied'. Uses the Sandbox's
// database connection (by name) on its thread. Internal. Contract: docs/audit-log.md.
class AuditApi
{
public:
    explicit AuditApi(QString connectionName);

    void attachTo(AuthApi &auth);
    ApiReply handle(const ApiCaller &caller);

    // Field -> message for every failing field of an export report (empty when valid).
    static QJsonObject validateExport(const QJsonObject &body);

    static constexpr qsizetype kMaxFiltersBytes = 16 * 1024; // compact JSON of "filters"
    static constexpr int kMaxFileNameLength = 255;            // code points

private:
    ApiReply recordExport(const ApiCaller &caller, QSqlDatabase &db);

    QString m_connectionName;
};

// Synthetic audit rows for benchmarks (ops-sandbox --generate-audit N): `count` realistic rows (users,
// actions of the product, event types, outcomes, details with a few keys and occasional nested
// objects, reasons on the actions that take one) with timestamps spread over the 90 days before
// nowMs in id order, about one in seven sharing the previous row's timestamp. Inserted set-based
// (INSERT ... SELECT FROM generate_series) in batches of kGenerateBatch rows, each its own
// transaction, through the chain trigger like every other row. progress(done, total) after each
// batch. Returns false with *error on the first failure (earlier batches stay).
using AuditProgress = std::function<void(qint64 done, qint64 total)>;
constexpr qint64 kGenerateBatch = 50000;
bool generateAuditRows(QSqlDatabase &db, qint64 count, qint64 nowMs, QString *error,
                       const AuditProgress &progress = {});

} // namespace opssandbox
