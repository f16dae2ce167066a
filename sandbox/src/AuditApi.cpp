#include "AuditApi.h"

#include "AuthApi.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace opssandbox {

namespace {

using M = QHttpServerRequest::Method;

const QLatin1String kPrefix("/api/v1/audit");
const QLatin1String kExports("/api/v1/audit/exports");

bool unsafeCharacter(uint cp)
{
    return QChar::category(char32_t(cp)) == QChar::Other_Control || (cp >= 0x202A && cp <= 0x202E)
           || (cp >= 0x2066 && cp <= 0x2069);
}

} // namespace

AuditApi::AuditApi(QString connectionName) : m_connectionName(std::move(connectionName)) {}

void AuditApi::attachTo(AuthApi &auth)
{
    auth.delegate(QString(kPrefix), [this](const ApiCaller &caller) { return handle(caller); });
}

ApiReply AuditApi::handle(const ApiCaller &caller)
{
    if (caller.path != kExports)
        return api::error(404, "not_found");
    if (caller.request.method() != M::Post)
        return api::error(405, "method_not_allowed");

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() && !db.open()) {
        qCWarning(lcSandbox, "audit: database unavailable: %s", qPrintable(db.lastError().text().simplified()));
        return api::error(503, "database_unavailable");
    }
    if (!caller.can("audit:view")) {
        api::writeAudit(db, caller,
                        {QStringLiteral("AUDIT_EXPORT"), QStringLiteral("admin"), QStringLiteral("audit_log"), QVariant(),
                         QStringLiteral("denied"), QString(),
                         QJsonObject{{QStringLiteral("error"), QStringLiteral("permission_denied")},
                                     {QStringLiteral("permission"), QStringLiteral("audit:view")},
                                     {QStringLiteral("role"), caller.role}}});
        return api::permissionDenied("audit:view");
    }
    return recordExport(caller, db);
}

QJsonObject AuditApi::validateExport(const QJsonObject &body)
{
    static const QRegularExpression hex64(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    QJsonObject fields;

    const QJsonValue filters = body.value(QStringLiteral("filters"));
    if (!filters.isUndefined() && !filters.isNull()) {
        if (!filters.isObject())
            fields.insert(QStringLiteral("filters"), QStringLiteral("Filters must be an object"));
        else if (api::json(filters.toObject()).size() > kMaxFiltersBytes)
            fields.insert(QStringLiteral("filters"), QStringLiteral("Filters must be at most 16 KiB of JSON"));
    }

    const QJsonValue rows = body.value(QStringLiteral("rows"));
    const double n = rows.toDouble(-1);
    if (rows.isUndefined() || rows.isNull())
        fields.insert(QStringLiteral("rows"), QStringLiteral("Required"));
    else if (!rows.isDouble() || !std::isfinite(n) || n != std::floor(n))
        fields.insert(QStringLiteral("rows"), QStringLiteral("Must be a whole number"));
    else if (n < 0 || n > 9007199254740991.0)
        fields.insert(QStringLiteral("rows"), QStringLiteral("Must be 0 or more"));

    const QJsonValue sha = body.value(QStringLiteral("sha256"));
    if (sha.isUndefined() || sha.isNull())
        fields.insert(QStringLiteral("sha256"), QStringLiteral("Required"));
    else if (!sha.isString() || !hex64.match(sha.toString()).hasMatch())
        fields.insert(QStringLiteral("sha256"), QStringLiteral("Must be 64 hexadecimal characters"));

    const QJsonValue fileName = body.value(QStringLiteral("file_name"));
    if (!fileName.isUndefined() && !fileName.isNull()) {
        const QList<uint> cps = fileName.toString().toUcs4();
        if (!fileName.isString() || cps.isEmpty() || cps.size() > kMaxFileNameLength)
            fields.insert(QStringLiteral("file_name"), QStringLiteral("Must be a text of 1–255 characters"));
        else if (std::any_of(cps.cbegin(), cps.cend(), unsafeCharacter))
            fields.insert(QStringLiteral("file_name"), QStringLiteral("Must not contain control characters"));
    }
    return fields;
}

ApiReply AuditApi::recordExport(const ApiCaller &caller, QSqlDatabase &db)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(caller.request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return api::error(400, "invalid_body");
    const QJsonObject body = doc.object();
    const QJsonObject fields = validateExport(body);
    if (!fields.isEmpty())
        return api::reply(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("validation_failed")},
                                           {QStringLiteral("fields"), fields}});

    const QJsonValue fileName = body.value(QStringLiteral("file_name"));
    const QJsonObject details{
        {QStringLiteral("filters"), body.value(QStringLiteral("filters")).toObject()},
        {QStringLiteral("rows"), qint64(body.value(QStringLiteral("rows")).toDouble())},
        {QStringLiteral("sha256"), body.value(QStringLiteral("sha256")).toString().toLower()},
        {QStringLiteral("file_name"), fileName.isString() ? fileName : QJsonValue()},
    };
    qint64 auditId = 0;
    if (!api::writeAudit(db, caller,
                         {QStringLiteral("AUDIT_EXPORT"), QStringLiteral("admin"), QStringLiteral("audit_log"), QVariant(),
                          QStringLiteral("success"), QString(), details},
                         &auditId)) {
        db.close(); // reconnect explicitly next time
        return api::error(500, "audit_failed");
    }
    qCInfo(lcSandbox, "audit export of %lld rows recorded for %s (audit %lld)",
           qlonglong(details.value(QStringLiteral("rows")).toDouble()), qPrintable(caller.username), auditId);
    return api::reply(201, QJsonObject{{QStringLiteral("audit_id"), auditId}});
}

// --- the generator ---------------------------------------------------------------------------------------

namespace {

// One batch: rows j0 .. j0 + cnt - 1 of `total`, spread over [start, start + span) in row order.
// kinds: the product's actions with their event and resource types and weights (per mille).
const QString kGenerateSql = QStringLiteral(R"sql(
WITH kinds(kind, action, event_type, resource_type, lo, hi) AS (VALUES
    (0, 'LOGIN', 'auth', 'user', 0, 300),
    (1, 'LOGOUT', 'auth', 'user', 300, 440),
    (2, 'LOGIN_FAILED', 'auth', 'user', 440, 520),
    (3, 'LOGIN_LOCKED', 'auth', 'user', 520, 530),
    (4, 'CIRCUIT_BREAKER_TRIP', 'action', 'circuit_breaker', 530, 590),
    (5, 'CIRCUIT_BREAKER_RESET', 'action', 'circuit_breaker', 590, 640),
    (6, 'KILL_SWITCH_ENGAGE', 'action', 'kill_switch', 640, 655),
    (7, 'KILL_SWITCH_DISENGAGE', 'action', 'kill_switch', 655, 670),
    (8, 'API_KEY_CREATE', 'admin', 'api_key', 670, 720),
    (9, 'API_KEY_ROTATE', 'admin', 'api_key', 720, 745),
    (10, 'API_KEY_REVOKE', 'admin', 'api_key', 745, 775),
    (11, 'CONFIG_UPDATE', 'admin', 'config', 775, 960),
    (12, 'AUDIT_EXPORT', 'admin', 'audit_log', 960, 1000)
), g AS (
    SELECT j,
           j - CASE WHEN j % 7 = 3 THEN 1 ELSE 0 END AS p, -- every 7th row repeats the previous timestamp
           CAST(floor(random() * 1000) AS int) AS bucket,
           random() AS r1, random() AS r2, random() AS r3
    FROM generate_series(CAST(:j0 AS bigint), CAST(:j0 AS bigint) + CAST(:cnt AS bigint) - 1) AS j
), picked AS (
    SELECT g.*, k.kind, k.action, k.event_type, k.resource_type,
           CASE
             WHEN k.kind IN (0, 1, 12) THEN 'success'
             WHEN k.kind IN (2, 3) THEN 'failure'
             WHEN g.r1 < 0.86 THEN 'success'
             WHEN g.r1 < 0.95 THEN 'denied'
             ELSE 'rejected'
           END AS outcome
    FROM g JOIN kinds k ON g.bucket >= k.lo AND g.bucket < k.hi
), u AS (
    SELECT p.*,
           CASE
             WHEN p.outcome = 'denied' AND p.kind BETWEEN 4 AND 7
               THEN (ARRAY['viewer', 'grace.o''brien', 'h.tanaka'])[1 + CAST(floor(p.r2 * 3) AS int)]
             WHEN p.outcome = 'denied'
               THEN (ARRAY['viewer', 'grace.o''brien', 'h.tanaka', 'operator'])[1 + CAST(floor(p.r2 * 4) AS int)]
             WHEN p.kind BETWEEN 4 AND 7
               THEN (ARRAY['operator', 'bogdan.ivanov', 'd.okafor', 'e.silva', 'f.müller', 'admin'])[1 + CAST(floor(p.r2 * 6) AS int)]
             WHEN p.kind >= 8
               THEN (ARRAY['admin', 'alice.ng', 'chen.wei'])[1 + CAST(floor(p.r2 * 3) AS int)]
             WHEN p.kind = 2 AND p.r3 < 0.2
               THEN (ARRAY['root', 'test', 'administrator', 'guest'])[1 + CAST(floor(p.r2 * 4) AS int)]
             ELSE (ARRAY['admin', 'alice.ng', 'chen.wei', 'operator', 'bogdan.ivanov', 'd.okafor', 'e.silva',
                         'f.müller', 'viewer', 'grace.o''brien', 'h.tanaka'])[1 + CAST(floor(p.r2 * 11) AS int)]
           END AS user_id
    FROM picked p
), w AS (
    SELECT u.*,
           CASE WHEN u.user_id IN ('admin', 'alice.ng', 'chen.wei') THEN 'admin'
                WHEN u.user_id IN ('viewer', 'grace.o''brien', 'h.tanaka') THEN 'viewer'
                ELSE 'operator' END AS role
    FROM u
)
INSERT INTO audit_log ("timestamp", user_id, action, details, reason, ip_address, session_id, event_type,
                       resource_type, resource_id, outcome, amr_method, request_id)
SELECT TIMESTAMPTZ 'epoch' + CAST(CAST(:start AS bigint)
                                  + floor((w.p + ((w.p * 7919) % 1000) / 1000.0) * CAST(:span AS bigint) / CAST(:total AS bigint))
                                  AS bigint) * INTERVAL '1 millisecond',
       w.user_id,
       w.action,
       CASE
         WHEN w.outcome = 'denied' THEN jsonb_build_object('error', 'permission_denied', 'permission',
              CASE WHEN w.kind BETWEEN 4 AND 7 THEN 'breaker:trip' WHEN w.kind = 11 THEN 'config:edit'
                   WHEN w.kind = 12 THEN 'audit:view' ELSE 'api_keys:manage' END,
              'role', w.role)
         WHEN w.kind = 0 THEN CASE WHEN w.r3 < 0.1
              THEN jsonb_build_object('role', w.role, 'client',
                                      jsonb_build_object('name', 'ops-console', 'version', '0.' || (w.j % 4) || '.0'))
              ELSE jsonb_build_object('role', w.role) END
         WHEN w.kind = 1 THEN '{}'
         WHEN w.kind = 2 THEN jsonb_build_object('reason', 'invalid_credentials', 'consecutive_failures', 1 + w.j % 5)
         WHEN w.kind = 3 THEN jsonb_build_object('reason', 'too_many_attempts', 'retry_after_seconds', 1 + w.j % 300)
         WHEN w.kind IN (4, 6) THEN jsonb_build_object(
              'state_before', CASE WHEN w.kind = 4 THEN 'OPEN' ELSE 'ACTIVE' END,
              'state_after', CASE WHEN w.kind = 4 THEN 'TRIPPED' ELSE 'ENGAGED' END,
              'details', jsonb_build_object(
                  'category', (ARRAY['drawdown', 'broker_errors', 'manual', 'market_data'])[1 + CAST(floor(w.r3 * 4) AS int)],
                  'drawdown_pct', round(CAST(w.r3 * 8 AS numeric), 2)))
         WHEN w.kind IN (5, 7) THEN jsonb_build_object(
              'state_before', CASE WHEN w.kind = 5 THEN 'TRIPPED' ELSE 'ENGAGED' END,
              'state_after', CASE WHEN w.kind = 5 THEN 'OPEN' ELSE 'ACTIVE' END, 'acknowledged', true)
         WHEN w.kind IN (8, 9, 10) THEN jsonb_build_object(
              'name', (ARRAY['Reporting bot', 'Risk export', 'Grafana', 'Nightly recon'])[1 + CAST(floor(w.r3 * 4) AS int)],
              'prefix', 'tp_test_' || substr(md5(CAST(w.j AS text)), 1, 8),
              'scopes', CASE WHEN w.r3 < 0.5 THEN jsonb_build_array('read_positions')
                             ELSE jsonb_build_array('read_positions', 'read_orders') END)
         WHEN w.kind = 11 THEN jsonb_build_object(
              'old', jsonb_build_object('max_open_orders', 100 + w.j % 50),
              'new', jsonb_build_object('max_open_orders', 101 + w.j % 50),
              'old_version', 1 + w.j % 40, 'new_version', 2 + w.j % 40)
         ELSE jsonb_build_object(
              'filters', jsonb_build_object('action', 'LOGIN', 'outcome', 'failure'), 'rows', w.j % 10001,
              'sha256', md5(CAST(w.j AS text)) || md5(CAST(w.j + 1 AS text)), 'file_name', 'audit-export.csv')
       END,
       CASE WHEN w.kind BETWEEN 4 AND 7 OR w.kind = 10 THEN
            (ARRAY['Drawdown limit breached on the EU desk, halting new entries',
                   'Broker API errors above threshold for 5 minutes (50% of orders)',
                   'Conditions verified with risk; resuming trading per runbook T7-4',
                   'Key leaked in a CI log: rotate consumers, then revoke immediately',
                   'Market data gap on XNAS feed -- waiting for the vendor''s fix',
                   'Position limit breach on desk_eu_2 after the 14h30 auction (−4.2 %)'])[1 + CAST(floor(w.r3 * 6) AS int)]
       END,
       '10.20.' || (w.j % 17) || '.' || (1 + w.j % 211),
       CASE WHEN w.kind IN (2, 3) THEN NULL ELSE CAST(1 + w.j / 40 AS text) END,
       w.event_type,
       w.resource_type,
       CASE w.resource_type
         WHEN 'user' THEN w.user_id
         WHEN 'circuit_breaker' THEN CAST(1 + w.j / 97 AS text)
         WHEN 'kill_switch' THEN '1'
         WHEN 'api_key' THEN CAST(1 + w.j / 53 AS text)
         WHEN 'config' THEN (ARRAY['trading_hours', 'position_limits', 'system_defaults'])[1 + CAST(w.j % 3 AS int)]
       END,
       w.outcome,
       CASE WHEN w.r1 < 0.8 THEN 'pwd' ELSE 'mfa' END,
       CAST(gen_random_uuid() AS text)
FROM w
ORDER BY w.j
)sql");

} // namespace

bool generateAuditRows(QSqlDatabase &db, qint64 count, qint64 nowMs, QString *error, const AuditProgress &progress)
{
    auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return false;
    };
    if (count < 0)
        return fail(QStringLiteral("the number of rows must not be negative"));
    if (!db.isOpen() && !db.open())
        return fail(QStringLiteral("database unavailable: %1").arg(db.lastError().text().simplified()));
    constexpr qint64 kSpanMs = 90LL * 24 * 3600 * 1000;
    const qint64 startMs = nowMs - kSpanMs;
    QSqlQuery q(db);
    if (!q.prepare(kGenerateSql))
        return fail(QStringLiteral("cannot prepare the generator: %1").arg(api::sqlError(q)));
    for (qint64 done = 0; done < count;) {
        const qint64 n = std::min(kGenerateBatch, count - done);
        q.bindValue(QStringLiteral(":j0"), done);
        q.bindValue(QStringLiteral(":cnt"), n);
        q.bindValue(QStringLiteral(":start"), startMs);
        q.bindValue(QStringLiteral(":span"), kSpanMs);
        q.bindValue(QStringLiteral(":total"), count);
        if (!q.exec())
            return fail(QStringLiteral("inserting rows %1–%2 failed: %3").arg(done + 1).arg(done + n).arg(api::sqlError(q)));
        if (q.numRowsAffected() != n)
            return fail(QStringLiteral("inserting rows %1–%2 wrote %3 rows").arg(done + 1).arg(done + n).arg(q.numRowsAffected()));
        q.finish();
        done += n;
        if (progress)
            progress(done, count);
    }
    return true;
}

} // namespace opssandbox
