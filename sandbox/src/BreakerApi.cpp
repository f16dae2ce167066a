#include "BreakerApi.h"

#include "AuthApi.h"
#include "Metrics.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QUrlQuery>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace opssandbox {

using api::isoOrNull;
using api::nullText;
using api::sqlError;
using api::isoZ;
using api::msOf;
using api::objectOrNull;
using api::textOrNull;
using api::toTs;

namespace {

using M = QHttpServerRequest::Method;

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QVariant jsonOrNull(const QJsonValue &v)
{
    return v.isObject() ? QVariant(QString::fromUtf8(api::json(v.toObject()))) : nullText();
}

} // namespace

// --- routes and per-request state ---------------------------------------------------------------------

struct BreakerApi::Route
{
    const char *path;
    M method;
    const char *permission;
    const char *action; // audit action of a POST route, else nullptr
    ApiReply (BreakerApi::*handler)(Request &);
};

struct BreakerApi::Request
{
    const ApiCaller &caller;
    const Route &route;
    QSqlDatabase db;
    BreakerFaults faults;
    QJsonObject body;
    Reason reason; // the route's reason (trip, reset, engage) or notes (disengage)
    QString idempotencyKey;
    QString requestHash;

    bool killSwitch() const { return caller.path.startsWith(QLatin1String("/api/v1/kill-switch")); }
    QString resourceType() const
    {
        return killSwitch() ? QStringLiteral("kill_switch") : QStringLiteral("circuit_breaker");
    }
};

BreakerApi::BreakerApi(QString connectionName, FaultSource faults)
    : m_connectionName(std::move(connectionName)), m_faults(std::move(faults))
{
}

void BreakerApi::attachTo(AuthApi &auth)
{
    for (const char *prefix : {"/api/v1/circuit-breaker", "/api/v1/kill-switch"})
        auth.delegate(QString::fromLatin1(prefix), [this](const ApiCaller &caller) { return handle(caller); });
}

ApiReply BreakerApi::handle(const ApiCaller &caller)
{
    static const Route routes[] = {
        {"/api/v1/circuit-breaker", M::Get, "breaker:view", nullptr, &BreakerApi::getState},
        {"/api/v1/circuit-breaker/history", M::Get, "breaker:view", nullptr, &BreakerApi::getHistory},
        {"/api/v1/circuit-breaker/trip", M::Post, "breaker:trip", "CIRCUIT_BREAKER_TRIP", &BreakerApi::trip},
        {"/api/v1/circuit-breaker/reset", M::Post, "breaker:reset", "CIRCUIT_BREAKER_RESET", &BreakerApi::reset},
        {"/api/v1/kill-switch/status", M::Get, "breaker:view", nullptr, &BreakerApi::getKillSwitch},
        {"/api/v1/kill-switch/engage", M::Post, "breaker:trip", "KILL_SWITCH_ENGAGE", &BreakerApi::engage},
        {"/api/v1/kill-switch/disengage", M::Post, "breaker:reset", "KILL_SWITCH_DISENGAGE", &BreakerApi::disengage},
    };
    for (const Route &route : routes) {
        if (caller.path != QLatin1String(route.path))
            continue;
        if (caller.request.method() != route.method)
            return api::error(405, "method_not_allowed");
        Request r{caller, route, QSqlDatabase::database(m_connectionName, false), m_faults(), {}, {}, {}, {}};
        if (!r.db.isOpen() && !r.db.open())
            qCWarning(lcSandbox, "breaker: database unavailable: %s", qPrintable(r.db.lastError().text().simplified()));
        if (!caller.can(route.permission)) {
            if (route.action) {
                // The attempted reason, when there is one, goes into the 'denied' row.
                const QJsonDocument doc = QJsonDocument::fromJson(caller.request.body());
                const QJsonValue text = doc.object().value(route.handler == &BreakerApi::disengage
                                                               ? QStringLiteral("notes")
                                                               : QStringLiteral("reason"));
                if (text.isString())
                    r.reason = normaliseReason(text.toString());
                audit(r, QStringLiteral("denied"), {},
                      QJsonObject{{QStringLiteral("error"), QStringLiteral("permission_denied")},
                                  {QStringLiteral("permission"), QLatin1String(route.permission)},
                                  {QStringLiteral("role"), caller.role}});
            }
            return api::reply(403, QJsonObject{{QStringLiteral("error"), QStringLiteral("permission_denied")},
                                               {QStringLiteral("permission"), QLatin1String(route.permission)}});
        }
        return (this->*route.handler)(r);
    }
    return api::error(404, "not_found");
}

// --- faults --------------------------------------------------------------------------------------------

QStringList BreakerApi::conditionNames()
{
    return {QStringLiteral("drawdown"), QStringLiteral("position_limits"), QStringLiteral("broker_errors"),
            QStringLiteral("redis"), QStringLiteral("postgres")};
}

QJsonObject BreakerApi::faultsToJson(const BreakerFaults &faults)
{
    QJsonObject conditions;
    for (const QString &name : conditionNames())
        conditions.insert(name, !faults.failingConditions.contains(name));
    return QJsonObject{{QStringLiteral("unreadable"), faults.unreadable},
                       {QStringLiteral("reset_fails"), faults.resetFails},
                       {QStringLiteral("conditions"), conditions}};
}

bool BreakerApi::applyFaultsJson(const QJsonObject &body, BreakerFaults *faults, QString *error)
{
    BreakerFaults next = *faults;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() == QLatin1String("unreadable") && it.value().isBool()) {
            next.unreadable = it.value().toBool();
        } else if (it.key() == QLatin1String("reset_fails") && it.value().isBool()) {
            next.resetFails = it.value().toBool();
        } else if (it.key() == QLatin1String("conditions") && it.value().isObject()) {
            const QJsonObject conditions = it.value().toObject();
            for (auto c = conditions.begin(); c != conditions.end(); ++c) {
                if (!conditionNames().contains(c.key()) || !c.value().isBool()) {
                    *error = QStringLiteral("conditions.%1 must be a boolean and one of: %2")
                                 .arg(c.key(), conditionNames().join(QStringLiteral(", ")));
                    return false;
                }
                next.failingConditions.removeAll(c.key());
                if (!c.value().toBool())
                    next.failingConditions.append(c.key());
            }
        } else {
            *error = QStringLiteral("unknown or mistyped field '%1'; expected {\"unreadable\": bool, "
                                    "\"reset_fails\": bool, \"conditions\": {\"drawdown\": bool, ...}}")
                         .arg(it.key());
            return false;
        }
    }
    *faults = next;
    return true;
}

// --- reads -----------------------------------------------------------------------------------------------

QJsonArray BreakerApi::conditions(bool postgresOk, double postgresMs) const
{
    const BreakerFaults faults = m_faults();
    auto entry = [&](const QString &name, bool ok, const QString &good, const QString &bad) {
        const bool pass = ok && !faults.failingConditions.contains(name);
        return QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("ok"), pass},
                           {QStringLiteral("detail"), pass ? good : bad}};
    };
    return QJsonArray{
        entry(QStringLiteral("drawdown"), true, QStringLiteral("Drawdown 1.2% of equity (limit 5.0%)"),
              QStringLiteral("Drawdown 6.3% of equity exceeds limit 5.0%")),
        entry(QStringLiteral("position_limits"), true,
              QStringLiteral("All 12 positions within limits (largest at 64% of its limit)"),
              QStringLiteral("AAPL position 12,500 shares exceeds limit 10,000")),
        entry(QStringLiteral("broker_errors"), true, QStringLiteral("No broker API errors in the last 5 minutes"),
              QStringLiteral("3 broker API errors in the last 5 minutes")),
        entry(QStringLiteral("redis"), true, QStringLiteral("Redis PING ok (0.4 ms)"),
              QStringLiteral("Redis PING failed: connection refused")),
        entry(QStringLiteral("postgres"), postgresOk,
              QStringLiteral("PostgreSQL query ok (%1 ms)").arg(postgresMs, 0, 'f', 1),
              QStringLiteral("PostgreSQL query failed: timed out after 2000 ms")),
    };
}

ApiReply BreakerApi::unavailable(const Request &r) const
{
    return api::reply(503, QJsonObject{{QStringLiteral("error"), QStringLiteral("state_unavailable")},
                                       {QStringLiteral("detail"), r.killSwitch()
                                                                      ? QStringLiteral("Kill switch state could not be read")
                                                                      : QStringLiteral("Circuit breaker state could not be read")}});
}

bool BreakerApi::readBreaker(Request &r, QJsonObject *out)
{
    if (r.faults.unreadable)
        return false;
    const qint64 now = r.caller.nowMs;
    const qint64 dayStart = now - ((now % kDayMs) + kDayMs) % kDayMs; // 00:00 UTC of the sandbox's today
    QElapsedTimer timer;
    timer.start();
    QSqlQuery q(r.db);
    q.prepare(QStringLiteral("SELECT state, %1, tripped_by, trip_reason, trip_details, %2, reset_by, reset_reason, "
                             "(SELECT count(*) FROM circuit_breaker_history WHERE tripped_at >= %3 AND tripped_at < %4) "
                             "FROM circuit_breaker_state WHERE id = 1")
                  .arg(msOf("tripped_at"), msOf("reset_at"), toTs(":d0"), toTs(":d1")));
    q.bindValue(QStringLiteral(":d0"), dayStart);
    q.bindValue(QStringLiteral(":d1"), dayStart + kDayMs);
    if (!q.exec() || !q.next()) {
        qCWarning(lcSandbox, "breaker: state read failed: %s",
                  q.isActive() ? "no state row" : qPrintable(sqlError(q)));
        return false;
    }
    const double queryMs = double(timer.nsecsElapsed()) / 1e6;
    const QVariant resetAt = q.value(5);
    const bool windowOpen = !resetAt.isNull() && resetAt.toLongLong() + kResetWindowMs > now;
    *out = QJsonObject{
        {QStringLiteral("state"), q.value(0).toString()},
        {QStringLiteral("tripped_at"), isoOrNull(q.value(1))},
        {QStringLiteral("tripped_by"), textOrNull(q.value(2))},
        {QStringLiteral("trip_reason"), textOrNull(q.value(3))},
        {QStringLiteral("trip_details"), objectOrNull(q.value(4))},
        {QStringLiteral("reset_at"), isoOrNull(resetAt)},
        {QStringLiteral("reset_by"), textOrNull(q.value(6))},
        {QStringLiteral("reset_reason"), textOrNull(q.value(7))},
        {QStringLiteral("trip_count_today"), q.value(8).toInt()},
        {QStringLiteral("server_time"), isoZ(now)},
        {QStringLiteral("reset_available_at"),
         windowOpen ? QJsonValue(isoZ(resetAt.toLongLong() + kResetWindowMs)) : QJsonValue()},
        {QStringLiteral("conditions"), conditions(true, queryMs)},
    };
    return true;
}

bool BreakerApi::readKillSwitch(Request &r, QJsonObject *out)
{
    if (r.faults.unreadable)
        return false;
    QSqlQuery q(r.db);
    if (!q.exec(QStringLiteral("SELECT state, %1, engaged_by, reason, details, %2, disengaged_by, notes "
                               "FROM kill_switch_state WHERE id = 1")
                    .arg(msOf("engaged_at"), msOf("disengaged_at")))
        || !q.next()) {
        qCWarning(lcSandbox, "kill switch: state read failed: %s",
                  q.isActive() ? "no state row" : qPrintable(sqlError(q)));
        return false;
    }
    *out = QJsonObject{
        {QStringLiteral("state"), q.value(0).toString()},
        {QStringLiteral("engaged_at"), isoOrNull(q.value(1))},
        {QStringLiteral("engaged_by"), textOrNull(q.value(2))},
        {QStringLiteral("reason"), textOrNull(q.value(3))},
        {QStringLiteral("details"), objectOrNull(q.value(4))},
        {QStringLiteral("disengaged_at"), isoOrNull(q.value(5))},
        {QStringLiteral("disengaged_by"), textOrNull(q.value(6))},
        {QStringLiteral("notes"), textOrNull(q.value(7))},
        {QStringLiteral("server_time"), isoZ(r.caller.nowMs)},
    };
    return true;
}

ApiReply BreakerApi::getState(Request &r)
{
    QJsonObject state;
    if (!readBreaker(r, &state))
        return unavailable(r);
    return api::reply(200, state);
}

ApiReply BreakerApi::getKillSwitch(Request &r)
{
    QJsonObject state;
    if (!readKillSwitch(r, &state))
        return unavailable(r);
    return api::reply(200, state);
}

ApiReply BreakerApi::getHistory(Request &r)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,4}$"));
    int limit = kDefaultHistoryLimit;
    const QUrlQuery query(r.caller.request.url());
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const QString text = query.queryItemValue(QStringLiteral("limit"));
        limit = digits.match(text).hasMatch() ? text.toInt() : 0;
        if (limit < 1 || limit > kMaxHistoryLimit)
            return api::error(422, "invalid_limit");
    }
    if (r.faults.unreadable)
        return unavailable(r);
    QSqlQuery q(r.db);
    q.prepare(QStringLiteral("SELECT id, %1, tripped_by, reason, details, %2, reset_by, reset_reason "
                             "FROM circuit_breaker_history ORDER BY tripped_at DESC, id DESC LIMIT :n")
                  .arg(msOf("tripped_at"), msOf("reset_at")));
    q.bindValue(QStringLiteral(":n"), limit);
    if (!q.exec()) {
        qCWarning(lcSandbox, "breaker: history read failed: %s", qPrintable(sqlError(q)));
        return unavailable(r);
    }
    QJsonArray entries;
    while (q.next()) {
        entries.append(QJsonObject{
            {QStringLiteral("id"), q.value(0).toLongLong()},
            {QStringLiteral("tripped_at"), isoOrNull(q.value(1))},
            {QStringLiteral("tripped_by"), textOrNull(q.value(2))},
            {QStringLiteral("reason"), textOrNull(q.value(3))},
            {QStringLiteral("details"), objectOrNull(q.value(4))},
            {QStringLiteral("reset_at"), isoOrNull(q.value(5))},
            {QStringLiteral("reset_by"), textOrNull(q.value(6))},
            {QStringLiteral("reset_reason"), textOrNull(q.value(7))},
        });
    }
    return api::reply(200, QJsonObject{{QStringLiteral("entries"), entries}});
}

// --- shared steps of the POST routes ---------------------------------------------------------------------

std::optional<ApiReply> BreakerApi::requireObjectBody(Request &r)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.caller.request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return api::error(400, "invalid_body");
    r.body = doc.object();
    const QJsonValue details = r.body.value(QStringLiteral("details"));
    if (!details.isUndefined() && !details.isNull() && !details.isObject())
        return api::error(400, "invalid_body");
    return std::nullopt;
}

std::optional<ApiReply> BreakerApi::requireText(Request &r, const char *field, const char *error, const char *detail)
{
    const QJsonValue value = r.body.value(QLatin1String(field));
    r.reason = normaliseReason(value.isString() ? value.toString() : QString());
    if (r.reason.visible >= kMinReasonVisible)
        return std::nullopt;
    return api::reasonTooShort(r.reason, error, detail);
}

std::optional<ApiReply> BreakerApi::requireAcknowledged(Request &r)
{
    if (r.body.value(QStringLiteral("acknowledged")) == QJsonValue(true))
        return std::nullopt;
    return api::error(422, "not_acknowledged");
}

std::optional<ApiReply> BreakerApi::requireOperator(Request &r)
{
    const QJsonValue op = r.body.value(QStringLiteral("operator"));
    if (op.isUndefined() || op.isNull() || (op.isString() && op.toString() == r.caller.username))
        return std::nullopt;
    return api::reply(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("operator_mismatch")},
                                       {QStringLiteral("detail"), QStringLiteral("operator must be the signed-in user")}});
}

std::optional<ApiReply> BreakerApi::replayIdempotent(Request &r)
{
    static const QRegularExpression sane(QStringLiteral("^[A-Za-z0-9._:-]{1,128}$"));
    const QByteArray offered = api::headerValue(r.caller.request, QByteArrayLiteral("Idempotency-Key"));
    if (offered.isEmpty())
        return std::nullopt;
    const QString key = QString::fromLatin1(offered);
    if (!sane.match(key).hasMatch())
        return api::reply(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_idempotency_key")},
                                           {QStringLiteral("detail"),
                                            QStringLiteral("Idempotency-Key must be 1-128 characters of [A-Za-z0-9._:-]")}});
    r.idempotencyKey = key;
    r.requestHash = QString::fromLatin1(
        QCryptographicHash::hash(api::json(r.body), QCryptographicHash::Sha256).toHex());

    QSqlQuery q(r.db);
    q.prepare(QStringLiteral("SELECT request_hash, status, body FROM idempotency_keys "
                             "WHERE idempotency_key = :k AND username = :u AND route = :r AND created_at > %1")
                  .arg(toTs(":cutoff")));
    q.bindValue(QStringLiteral(":k"), key);
    q.bindValue(QStringLiteral(":u"), r.caller.username);
    q.bindValue(QStringLiteral(":r"), r.caller.path);
    q.bindValue(QStringLiteral(":cutoff"), r.caller.nowMs - kIdempotencyTtlMs);
    if (!q.exec()) {
        qCWarning(lcSandbox, "idempotency lookup failed: %s", qPrintable(sqlError(q)));
        return unavailable(r);
    }
    if (!q.next())
        return std::nullopt;
    if (q.value(0).toString() != r.requestHash)
        return api::reply(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("idempotency_key_reused")},
                                           {QStringLiteral("detail"),
                                            QStringLiteral("This Idempotency-Key was used with a different request body")}});
    ApiReply replay{q.value(1).toInt(), q.value(2).toString().toUtf8(), -1, {}};
    replay.headers.append({QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
    return replay;
}

bool BreakerApi::storeIdempotent(Request &r, const ApiReply &reply)
{
    if (r.idempotencyKey.isEmpty())
        return true;
    QSqlQuery expire(r.db);
    expire.prepare(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at <= %1").arg(toTs(":cutoff")));
    expire.bindValue(QStringLiteral(":cutoff"), r.caller.nowMs - kIdempotencyTtlMs);
    QSqlQuery q(r.db);
    q.prepare(QStringLiteral("INSERT INTO idempotency_keys (idempotency_key, username, route, request_hash, status, "
                             "body, created_at) VALUES (:k, :u, :r, :h, :s, :b, %1) ON CONFLICT DO NOTHING")
                  .arg(toTs(":t")));
    q.bindValue(QStringLiteral(":k"), r.idempotencyKey);
    q.bindValue(QStringLiteral(":u"), r.caller.username);
    q.bindValue(QStringLiteral(":r"), r.caller.path);
    q.bindValue(QStringLiteral(":h"), r.requestHash);
    q.bindValue(QStringLiteral(":s"), reply.status);
    q.bindValue(QStringLiteral(":b"), QString::fromUtf8(reply.body));
    q.bindValue(QStringLiteral(":t"), r.caller.nowMs);
    if (!expire.exec() || !q.exec()) {
        qCWarning(lcSandbox, "idempotency store failed: %s",
                  qPrintable(sqlError(expire.isActive() ? q : expire)));
        return false;
    }
    return true;
}

bool BreakerApi::audit(Request &r, const QString &outcome, const QVariant &resourceId, const QJsonObject &details,
                       qint64 *auditId)
{
    QElapsedTimer timer; // audit_write_duration_seconds
    timer.start();
    QSqlQuery q(r.db);
    q.prepare(QStringLiteral("INSERT INTO audit_log (\"timestamp\", user_id, action, details, reason, ip_address, "
                             "session_id, event_type, resource_type, resource_id, outcome, amr_method, request_id) "
                             "VALUES (%1, :user, :action, CAST(:details AS jsonb), :reason, :ip, :session, 'action', "
                             ":rtype, :rid, :outcome, 'pwd', :request) RETURNING id")
                  .arg(toTs(":t")));
    q.bindValue(QStringLiteral(":t"), r.caller.nowMs);
    q.bindValue(QStringLiteral(":user"), r.caller.username);
    q.bindValue(QStringLiteral(":action"), QLatin1String(r.route.action));
    q.bindValue(QStringLiteral(":details"), QString::fromUtf8(api::json(details)));
    q.bindValue(QStringLiteral(":reason"), r.reason.text.isEmpty() ? nullText() : QVariant(r.reason.text));
    q.bindValue(QStringLiteral(":ip"), r.caller.clientIp);
    q.bindValue(QStringLiteral(":session"), r.caller.sessionId);
    q.bindValue(QStringLiteral(":rtype"), r.resourceType());
    q.bindValue(QStringLiteral(":rid"), resourceId.isNull() ? nullText() : QVariant(resourceId.toString()));
    q.bindValue(QStringLiteral(":outcome"), outcome);
    q.bindValue(QStringLiteral(":request"), r.caller.requestId);
    if (!q.exec() || !q.next()) {
        qCWarning(lcSandbox, "audit write failed (%s %s): %s", r.route.action, qPrintable(outcome),
                  qPrintable(sqlError(q)));
        return false;
    }
    if (auditId)
        *auditId = q.value(0).toLongLong();
    Metrics::observeAuditWrite(m_connectionName, double(timer.nsecsElapsed()) / 1e9);
    return true;
}

// --- circuit breaker: trip and reset ---------------------------------------------------------------------

namespace {

// Runs inside an open transaction; false (after logging) rolls the caller back.
bool run(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    qCWarning(lcSandbox, "%s failed: %s", what, qPrintable(sqlError(q)));
    return false;
}

// Locks the single state row of table and returns its state and, optionally, reset_at in ms.
bool lockState(QSqlDatabase &db, const char *table, QString *state, QVariant *resetAtMs = nullptr)
{
    QSqlQuery q(db);
    const QString resetColumn = resetAtMs ? msOf("reset_at") : QStringLiteral("NULL");
    if (!q.exec(QStringLiteral("SELECT state, %1 FROM %2 WHERE id = 1 FOR UPDATE")
                    .arg(resetColumn, QLatin1String(table)))
        || !q.next()) {
        qCWarning(lcSandbox, "%s: lock failed: %s", table, q.isActive() ? "no state row" : qPrintable(sqlError(q)));
        return false;
    }
    *state = q.value(0).toString();
    if (resetAtMs)
        *resetAtMs = q.value(1);
    return true;
}

} // namespace

ApiReply BreakerApi::trip(Request &r)
{
    if (auto stop = requireObjectBody(r))
        return *stop;
    if (auto stop = requireText(r, "reason", "reason_too_short", "Reason must have at least 20 visible characters"))
        return *stop;
    if (auto stop = requireAcknowledged(r))
        return *stop;
    if (auto stop = replayIdempotent(r))
        return *stop;
    if (r.faults.unreadable)
        return unavailable(r);

    const qint64 now = r.caller.nowMs;
    QSqlDatabase &db = r.db;
    if (!db.transaction())
        return unavailable(r);
    QString state;
    if (!lockState(db, "circuit_breaker_state", &state)) {
        db.rollback();
        return unavailable(r);
    }
    QJsonObject breaker;
    if (state == QLatin1String("TRIPPED")) {
        db.rollback();
        if (!readBreaker(r, &breaker))
            return unavailable(r);
        const ApiReply answer = api::reply(200, QJsonObject{{QStringLiteral("changed"), false},
                                                            {QStringLiteral("audit_id"), QJsonValue()},
                                                            {QStringLiteral("breaker"), breaker}});
        storeIdempotent(r, answer);
        return answer;
    }

    auto failed = [&] {
        db.rollback();
        return api::error(500, "trip_failed");
    };
    const QJsonValue details = r.body.value(QStringLiteral("details"));
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE circuit_breaker_state SET state = 'TRIPPED', tripped_at = %1, "
                                  "tripped_by = :by, trip_reason = :reason, trip_details = CAST(:details AS jsonb) "
                                  "WHERE id = 1")
                       .arg(toTs(":t")));
    update.bindValue(QStringLiteral(":t"), now);
    update.bindValue(QStringLiteral(":by"), r.caller.username);
    update.bindValue(QStringLiteral(":reason"), r.reason.text);
    update.bindValue(QStringLiteral(":details"), jsonOrNull(details));
    if (!run(update, "trip: state update"))
        return failed();
    QSqlQuery history(db);
    history.prepare(QStringLiteral("INSERT INTO circuit_breaker_history (tripped_at, tripped_by, reason, details) "
                                   "VALUES (%1, :by, :reason, CAST(:details AS jsonb)) RETURNING id")
                        .arg(toTs(":t")));
    history.bindValue(QStringLiteral(":t"), now);
    history.bindValue(QStringLiteral(":by"), r.caller.username);
    history.bindValue(QStringLiteral(":reason"), r.reason.text);
    history.bindValue(QStringLiteral(":details"), jsonOrNull(details));
    if (!run(history, "trip: history insert") || !history.next())
        return failed();
    const qint64 historyId = history.value(0).toLongLong();
    qint64 auditId = 0;
    if (!audit(r, QStringLiteral("success"), historyId,
               QJsonObject{{QStringLiteral("previous_state"), state},
                           {QStringLiteral("new_state"), QStringLiteral("TRIPPED")},
                           {QStringLiteral("history_id"), historyId},
                           {QStringLiteral("details"), details.isObject() ? details : QJsonValue()}},
               &auditId))
        return failed();
    if (!readBreaker(r, &breaker))
        return failed();
    const ApiReply answer = api::reply(200, QJsonObject{{QStringLiteral("changed"), true},
                                                        {QStringLiteral("audit_id"), auditId},
                                                        {QStringLiteral("breaker"), breaker}});
    if (!storeIdempotent(r, answer) || !db.commit())
        return failed();
    qCInfo(lcSandbox, "circuit breaker TRIPPED by %s (audit %lld)", qPrintable(r.caller.username), auditId);
    return answer;
}

ApiReply BreakerApi::reset(Request &r)
{
    if (auto stop = requireObjectBody(r))
        return *stop;
    if (auto stop = requireText(r, "reason", "reason_too_short", "Reason must have at least 20 visible characters"))
        return *stop;
    if (auto stop = requireAcknowledged(r))
        return *stop;
    if (auto stop = replayIdempotent(r))
        return *stop;
    if (r.faults.unreadable)
        return unavailable(r);

    const qint64 now = r.caller.nowMs;
    QSqlDatabase &db = r.db;
    if (!db.transaction())
        return unavailable(r);
    QElapsedTimer timer;
    timer.start();
    QString state;
    QVariant lastReset;
    if (!lockState(db, "circuit_breaker_state", &state, &lastReset)) {
        db.rollback();
        return unavailable(r);
    }
    const double lockMs = double(timer.nsecsElapsed()) / 1e6;

    if (state != QLatin1String("TRIPPED")) {
        db.rollback();
        audit(r, QStringLiteral("rejected"), {},
              QJsonObject{{QStringLiteral("error"), QStringLiteral("not_tripped")}, {QStringLiteral("state"), state}});
        return api::reply(409, QJsonObject{{QStringLiteral("error"), QStringLiteral("not_tripped")},
                                           {QStringLiteral("detail"),
                                            QStringLiteral("Cannot reset: circuit breaker is %1, not TRIPPED").arg(state)}});
    }
    // The window belongs to the last reset that committed; a failed reset never wrote reset_at.
    if (!lastReset.isNull() && now < lastReset.toLongLong() + kResetWindowMs) {
        db.rollback();
        const qint64 retry = (lastReset.toLongLong() + kResetWindowMs - now + 999) / 1000;
        audit(r, QStringLiteral("rejected"), {},
              QJsonObject{{QStringLiteral("error"), QStringLiteral("rate_limited")},
                          {QStringLiteral("retry_after"), retry},
                          {QStringLiteral("last_reset_at"), isoZ(lastReset.toLongLong())}});
        ApiReply limited = api::reply(429, QJsonObject{
                                               {QStringLiteral("error"), QStringLiteral("rate_limited")},
                                               {QStringLiteral("detail"),
                                                QStringLiteral("Rate limit exceeded: Max 1 reset per minute (global)")},
                                               {QStringLiteral("retry_after"), retry}});
        limited.retryAfter = retry;
        return limited;
    }

    auto failed = [&] {
        db.rollback();
        return api::error(500, "reset_failed");
    };
    const QJsonArray atReset = conditions(true, lockMs);
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE circuit_breaker_state SET state = 'OPEN', reset_at = %1, reset_by = :by, "
                                  "reset_reason = :reason WHERE id = 1")
                       .arg(toTs(":t")));
    update.bindValue(QStringLiteral(":t"), now);
    update.bindValue(QStringLiteral(":by"), r.caller.username);
    update.bindValue(QStringLiteral(":reason"), r.reason.text);
    if (!run(update, "reset: state update"))
        return failed();
    QSqlQuery history(db);
    history.prepare(QStringLiteral("UPDATE circuit_breaker_history SET reset_at = %1, reset_by = :by, "
                                   "reset_reason = :reason WHERE reset_at IS NULL RETURNING id")
                        .arg(toTs(":t")));
    history.bindValue(QStringLiteral(":t"), now);
    history.bindValue(QStringLiteral(":by"), r.caller.username);
    history.bindValue(QStringLiteral(":reason"), r.reason.text);
    if (!run(history, "reset: history update"))
        return failed();
    const QVariant historyId = history.next() ? history.value(0) : QVariant();
    qint64 auditId = 0;
    if (!audit(r, QStringLiteral("success"), historyId,
               QJsonObject{{QStringLiteral("previous_state"), state},
                           {QStringLiteral("new_state"), QStringLiteral("OPEN")},
                           {QStringLiteral("history_id"), historyId.isNull() ? QJsonValue() : QJsonValue(historyId.toLongLong())},
                           {QStringLiteral("conditions"), atReset}},
               &auditId))
        return failed();
    if (r.faults.resetFails) {
        // Injected: the transaction fails after every write above, so all of them roll back.
        QSqlQuery boom(db);
        boom.exec(QStringLiteral("DO $$ BEGIN RAISE EXCEPTION 'injected fault: reset_fails'; END $$"));
        qCWarning(lcSandbox, "reset failed (injected): %s", qPrintable(sqlError(boom)));
        return failed();
    }
    QJsonObject breaker;
    if (!readBreaker(r, &breaker))
        return failed();
    const ApiReply answer = api::reply(200, QJsonObject{{QStringLiteral("changed"), true},
                                                        {QStringLiteral("audit_id"), auditId},
                                                        {QStringLiteral("breaker"), breaker}});
    if (!storeIdempotent(r, answer) || !db.commit())
        return failed();
    qCInfo(lcSandbox, "circuit breaker reset to OPEN by %s (audit %lld)", qPrintable(r.caller.username), auditId);
    return answer;
}

// --- kill switch ---------------------------------------------------------------------------------------

ApiReply BreakerApi::engage(Request &r)
{
    if (auto stop = requireObjectBody(r))
        return *stop;
    if (auto stop = requireText(r, "reason", "reason_too_short", "Reason must have at least 20 visible characters"))
        return *stop;
    if (auto stop = requireOperator(r))
        return *stop;
    if (auto stop = replayIdempotent(r))
        return *stop;
    if (r.faults.unreadable)
        return unavailable(r);

    QSqlDatabase &db = r.db;
    if (!db.transaction())
        return unavailable(r);
    QString state;
    if (!lockState(db, "kill_switch_state", &state)) {
        db.rollback();
        return unavailable(r);
    }
    QJsonObject status;
    if (state == QLatin1String("ENGAGED")) {
        db.rollback();
        if (!readKillSwitch(r, &status))
            return unavailable(r);
        const ApiReply answer = api::reply(200, QJsonObject{{QStringLiteral("changed"), false},
                                                            {QStringLiteral("audit_id"), QJsonValue()},
                                                            {QStringLiteral("kill_switch"), status}});
        storeIdempotent(r, answer);
        return answer;
    }
    auto failed = [&] {
        db.rollback();
        return api::error(500, "engage_failed");
    };
    QJsonObject details = r.body.value(QStringLiteral("details")).toObject();
    details.insert(QStringLiteral("positions_flattened"), int(QRandomGenerator::global()->bounded(3, 15)));
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE kill_switch_state SET state = 'ENGAGED', engaged_at = %1, engaged_by = :by, "
                                  "reason = :reason, details = CAST(:details AS jsonb) WHERE id = 1")
                       .arg(toTs(":t")));
    update.bindValue(QStringLiteral(":t"), r.caller.nowMs);
    update.bindValue(QStringLiteral(":by"), r.caller.username);
    update.bindValue(QStringLiteral(":reason"), r.reason.text);
    update.bindValue(QStringLiteral(":details"), jsonOrNull(details));
    if (!run(update, "kill switch: engage"))
        return failed();
    qint64 auditId = 0;
    if (!audit(r, QStringLiteral("success"), QStringLiteral("kill_switch"),
               QJsonObject{{QStringLiteral("previous_state"), state},
                           {QStringLiteral("new_state"), QStringLiteral("ENGAGED")},
                           {QStringLiteral("details"), details}},
               &auditId)
        || !readKillSwitch(r, &status))
        return failed();
    const ApiReply answer = api::reply(200, QJsonObject{{QStringLiteral("changed"), true},
                                                        {QStringLiteral("audit_id"), auditId},
                                                        {QStringLiteral("kill_switch"), status}});
    if (!storeIdempotent(r, answer) || !db.commit())
        return failed();
    qCInfo(lcSandbox, "kill switch ENGAGED by %s (audit %lld)", qPrintable(r.caller.username), auditId);
    return answer;
}

ApiReply BreakerApi::disengage(Request &r)
{
    if (auto stop = requireObjectBody(r))
        return *stop;
    if (auto stop = requireText(r, "notes", "notes_too_short", "Notes must have at least 20 visible characters"))
        return *stop;
    if (auto stop = requireOperator(r))
        return *stop;
    if (auto stop = replayIdempotent(r))
        return *stop;
    if (r.faults.unreadable)
        return unavailable(r);

    QSqlDatabase &db = r.db;
    if (!db.transaction())
        return unavailable(r);
    QString state;
    if (!lockState(db, "kill_switch_state", &state)) {
        db.rollback();
        return unavailable(r);
    }
    QJsonObject status;
    if (state == QLatin1String("ACTIVE")) {
        db.rollback();
        if (!readKillSwitch(r, &status))
            return unavailable(r);
        const ApiReply answer = api::reply(200, QJsonObject{{QStringLiteral("changed"), false},
                                                            {QStringLiteral("audit_id"), QJsonValue()},
                                                            {QStringLiteral("kill_switch"), status}});
        storeIdempotent(r, answer);
        return answer;
    }
    auto failed = [&] {
        db.rollback();
        return api::error(500, "disengage_failed");
    };
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE kill_switch_state SET state = 'ACTIVE', disengaged_at = %1, "
                                  "disengaged_by = :by, notes = :notes WHERE id = 1")
                       .arg(toTs(":t")));
    update.bindValue(QStringLiteral(":t"), r.caller.nowMs);
    update.bindValue(QStringLiteral(":by"), r.caller.username);
    update.bindValue(QStringLiteral(":notes"), r.reason.text);
    if (!run(update, "kill switch: disengage"))
        return failed();
    qint64 auditId = 0;
    if (!audit(r, QStringLiteral("success"), QStringLiteral("kill_switch"),
               QJsonObject{{QStringLiteral("previous_state"), state}, {QStringLiteral("new_state"), QStringLiteral("ACTIVE")}},
               &auditId)
        || !readKillSwitch(r, &status))
        return failed();
    const ApiReply answer = api::reply(200, QJsonObject{{QStringLiteral("changed"), true},
                                                        {QStringLiteral("audit_id"), auditId},
                                                        {QStringLiteral("kill_switch"), status}});
    if (!storeIdempotent(r, answer) || !db.commit())
        return failed();
    qCInfo(lcSandbox, "kill switch disengaged by %s (audit %lld)", qPrintable(r.caller.username), auditId);
    return answer;
}

} // namespace opssandbox
