#include "AlertsApi.h"

#include "AuthApi.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QUrlQuery>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace opssandbox {

using api::isoOrNull;
using api::msOf;
using api::sqlError;
using api::textOrNull;
using api::toTs;

namespace {

using M = QHttpServerRequest::Method;

const char kAckAction[] = "ALERT_ACKNOWLEDGE";
const char kRetryAction[] = "ALERT_DELIVERY_RETRY";

QString eventColumns()
{
    return QStringLiteral("e.id, r.name, e.severity, e.message, e.status, %1, %2, e.acknowledged_by, e.ack_note")
        .arg(msOf("e.fired_at"), msOf("e.acknowledged_at"));
}

QJsonObject eventFrom(const QSqlQuery &q)
{
    return QJsonObject{
        {QStringLiteral("id"), q.value(0).toLongLong()},
        {QStringLiteral("rule"), textOrNull(q.value(1))},
        {QStringLiteral("severity"), q.value(2).toString()},
        {QStringLiteral("message"), q.value(3).toString()},
        {QStringLiteral("status"), q.value(4).toString()},
        {QStringLiteral("fired_at"), isoOrNull(q.value(5))},
        {QStringLiteral("acknowledged_at"), isoOrNull(q.value(6))},
        {QStringLiteral("acknowledged_by"), textOrNull(q.value(7))},
        {QStringLiteral("note"), textOrNull(q.value(8))},
    };
}

QString deliveryColumns()
{
    return QStringLiteral("id, alert_id, channel, recipient, status, attempts, %1, %2, %3, error_message, %4")
        .arg(msOf("last_attempt_at"), msOf("delivered_at"), msOf("poison_at"), msOf("created_at"));
}

QJsonObject deliveryFrom(const QSqlQuery &q)
{
    return QJsonObject{
        {QStringLiteral("id"), q.value(0).toLongLong()},
        {QStringLiteral("alert_id"), q.value(1).toString()},
        {QStringLiteral("channel"), q.value(2).toString()},
        {QStringLiteral("recipient"), q.value(3).toString()},
        {QStringLiteral("status"), q.value(4).toString()},
        {QStringLiteral("attempts"), q.value(5).toInt()},
        {QStringLiteral("last_attempt_at"), isoOrNull(q.value(6))},
        {QStringLiteral("delivered_at"), isoOrNull(q.value(7))},
        {QStringLiteral("poison_at"), isoOrNull(q.value(8))},
        {QStringLiteral("error_message"), textOrNull(q.value(9))},
        {QStringLiteral("created_at"), isoOrNull(q.value(10))},
    };
}

ApiReply unavailable()
{
    return api::error(503, "database_unavailable");
}

} // namespace

AlertsApi::AlertsApi(QString connectionName) : m_connectionName(std::move(connectionName)) {}

void AlertsApi::attachTo(AuthApi &auth)
{
    auth.delegate(QStringLiteral("/api/v1/alerts"), [this](const ApiCaller &caller) { return handle(caller); });
}

ApiReply AlertsApi::handle(const ApiCaller &caller)
{
    static const QRegularExpression action(
        QStringLiteral("^/api/v1/alerts/(events|deliveries)/([0-9]{1,18})/(acknowledge|retry)$"));
    const M method = caller.request.method();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() && !db.open())
        qCWarning(lcSandbox, "alerts: database unavailable: %s", qPrintable(db.lastError().text().simplified()));

    if (caller.path == QLatin1String("/api/v1/alerts/events")
        || caller.path == QLatin1String("/api/v1/alerts/deliveries")) {
        if (method != M::Get)
            return api::error(405, "method_not_allowed");
        if (!caller.can("alerts:view"))
            return api::permissionDenied("alerts:view");
        return caller.path.endsWith(QLatin1String("events")) ? listEvents(caller, db) : listDeliveries(caller, db);
    }
    const auto match = action.match(caller.path);
    const bool ack = match.hasMatch() && match.captured(1) == QLatin1String("events")
                     && match.captured(3) == QLatin1String("acknowledge");
    const bool retrying = match.hasMatch() && match.captured(1) == QLatin1String("deliveries")
                          && match.captured(3) == QLatin1String("retry");
    if (!ack && !retrying)
        return api::error(404, "not_found");
    if (method != M::Post)
        return api::error(405, "method_not_allowed");
    const qint64 id = match.captured(2).toLongLong();
    const char *permission = ack ? "alerts:acknowledge" : "alerts:retry";
    if (!caller.can(permission)) {
        api::AuditRow row{QLatin1String(ack ? kAckAction : kRetryAction), QStringLiteral("action"),
                          ack ? QStringLiteral("alert_event") : QStringLiteral("alert_delivery"), QString::number(id),
                          QStringLiteral("denied"), {},
                          QJsonObject{{QStringLiteral("error"), QStringLiteral("permission_denied")},
                                      {QStringLiteral("permission"), QLatin1String(permission)},
                                      {QStringLiteral("role"), caller.role}}};
        if (ack) {
            const QJsonValue note = QJsonDocument::fromJson(caller.request.body()).object().value(QStringLiteral("note"));
            if (note.isString())
                row.reason = api::normaliseReason(note.toString()).text;
        }
        api::writeAudit(db, caller, row);
        return api::permissionDenied(permission);
    }
    return ack ? acknowledge(caller, db, id) : retry(caller, db, id);
}

std::optional<ApiReply> AlertsApi::readLimit(const ApiCaller &caller, int *limit)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,4}$"));
    *limit = kDefaultLimit;
    const QUrlQuery query(caller.request.url());
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const QString text = query.queryItemValue(QStringLiteral("limit"));
        *limit = digits.match(text).hasMatch() ? text.toInt() : 0;
        if (*limit < 1 || *limit > kMaxLimit)
            return api::error(422, "invalid_limit");
    }
    return std::nullopt;
}

ApiReply AlertsApi::listEvents(const ApiCaller &caller, QSqlDatabase &db)
{
    int limit = 0;
    if (auto stop = readLimit(caller, &limit))
        return *stop;
    const QUrlQuery query(caller.request.url());
    QString status = QStringLiteral("open");
    if (query.hasQueryItem(QStringLiteral("status")))
        status = query.queryItemValue(QStringLiteral("status"));
    static const QStringList valid{QStringLiteral("open"), QStringLiteral("acknowledged"), QStringLiteral("resolved"),
                                   QStringLiteral("all")};
    if (!valid.contains(status))
        return api::error(422, "invalid_status");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM alert_events e LEFT JOIN alert_rules r ON r.id = e.rule_id "
                             "WHERE (:all OR e.status = :status) ORDER BY e.fired_at DESC, e.id DESC LIMIT :n")
                  .arg(eventColumns()));
    q.bindValue(QStringLiteral(":all"), status == QLatin1String("all"));
    q.bindValue(QStringLiteral(":status"), status);
    q.bindValue(QStringLiteral(":n"), limit);
    if (!q.exec()) {
        qCWarning(lcSandbox, "alerts: events read failed: %s", qPrintable(sqlError(q)));
        return unavailable();
    }
    QJsonArray events;
    while (q.next())
        events.append(eventFrom(q));
    return api::reply(200, QJsonObject{{QStringLiteral("events"), events}});
}

ApiReply AlertsApi::listDeliveries(const ApiCaller &caller, QSqlDatabase &db)
{
    int limit = 0;
    if (auto stop = readLimit(caller, &limit))
        return *stop;
    const QUrlQuery query(caller.request.url());
    QString status = QStringLiteral("all");
    if (query.hasQueryItem(QStringLiteral("status")))
        status = query.queryItemValue(QStringLiteral("status"));
    static const QStringList valid{QStringLiteral("pending"), QStringLiteral("in_progress"), QStringLiteral("delivered"),
                                   QStringLiteral("failed"), QStringLiteral("poison"), QStringLiteral("all")};
    if (!valid.contains(status))
        return api::error(422, "invalid_status");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM alert_deliveries WHERE (:all OR status = :status) "
                             "ORDER BY created_at DESC, id DESC LIMIT :n")
                  .arg(deliveryColumns()));
    q.bindValue(QStringLiteral(":all"), status == QLatin1String("all"));
    q.bindValue(QStringLiteral(":status"), status);
    q.bindValue(QStringLiteral(":n"), limit);
    if (!q.exec()) {
        qCWarning(lcSandbox, "alerts: deliveries read failed: %s", qPrintable(sqlError(q)));
        return unavailable();
    }
    QJsonArray deliveries;
    while (q.next())
        deliveries.append(deliveryFrom(q));
    return api::reply(200, QJsonObject{{QStringLiteral("deliveries"), deliveries}});
}

bool AlertsApi::readEvent(QSqlDatabase &db, qint64 id, QJsonObject *out, bool forUpdate)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM alert_events e LEFT JOIN alert_rules r ON r.id = e.rule_id "
                             "WHERE e.id = :id%2")
                  .arg(eventColumns(), forUpdate ? QStringLiteral(" FOR UPDATE OF e") : QString()));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec()) {
        qCWarning(lcSandbox, "alerts: event read failed: %s", qPrintable(sqlError(q)));
        return false;
    }
    *out = q.next() ? eventFrom(q) : QJsonObject();
    return true;
}

bool AlertsApi::readDelivery(QSqlDatabase &db, qint64 id, QJsonObject *out, bool forUpdate)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM alert_deliveries WHERE id = :id%2")
                  .arg(deliveryColumns(), forUpdate ? QStringLiteral(" FOR UPDATE") : QString()));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec()) {
        qCWarning(lcSandbox, "alerts: delivery read failed: %s", qPrintable(sqlError(q)));
        return false;
    }
    *out = q.next() ? deliveryFrom(q) : QJsonObject();
    return true;
}

ApiReply AlertsApi::acknowledge(const ApiCaller &caller, QSqlDatabase &db, qint64 id)
{
    const QJsonDocument doc = QJsonDocument::fromJson(caller.request.body());
    if (!doc.isObject())
        return api::error(400, "invalid_body");
    const QJsonValue noteValue = doc.object().value(QStringLiteral("note"));
    const api::Reason note = api::normaliseReason(noteValue.isString() ? noteValue.toString() : QString());

    if (!db.transaction())
        return unavailable();
    auto failed = [&] {
        db.rollback();
        return unavailable();
    };
    QJsonObject event;
    if (!readEvent(db, id, &event, true))
        return failed();
    if (event.isEmpty()) {
        db.rollback();
        return api::error(404, "not_found");
    }
    api::AuditRow row{QLatin1String(kAckAction), QStringLiteral("action"), QStringLiteral("alert_event"),
                      QString::number(id), QStringLiteral("rejected"), note.text,
                      QJsonObject{{QStringLiteral("note"), note.text},
                                  {QStringLiteral("severity"), event.value(QStringLiteral("severity"))},
                                  {QStringLiteral("rule"), event.value(QStringLiteral("rule"))}}};
    if (note.visible < kMinNoteVisible) {
        row.details.insert(QStringLiteral("error"), QStringLiteral("note_too_short"));
        if (!api::writeAudit(db, caller, row) || !db.commit())
            return failed();
        return api::reasonTooShort(note, "note_too_short", "Note must have at least 15 visible characters");
    }
    const QString status = event.value(QStringLiteral("status")).toString();
    if (status != QLatin1String("open")) {
        row.details.insert(QStringLiteral("error"), QStringLiteral("not_open"));
        row.details.insert(QStringLiteral("status"), status);
        if (!api::writeAudit(db, caller, row) || !db.commit())
            return failed();
        return api::reply(409, QJsonObject{{QStringLiteral("error"), QStringLiteral("not_open")},
                                           {QStringLiteral("status"), status},
                                           {QStringLiteral("detail"),
                                            QStringLiteral("Cannot acknowledge: alert is %1, not open").arg(status)}});
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE alert_events SET status = 'acknowledged', acknowledged_at = %1, "
                                  "acknowledged_by = :by, ack_note = :note WHERE id = :id")
                       .arg(toTs(":t")));
    update.bindValue(QStringLiteral(":t"), caller.nowMs);
    update.bindValue(QStringLiteral(":by"), caller.username);
    update.bindValue(QStringLiteral(":note"), note.text);
    update.bindValue(QStringLiteral(":id"), id);
    if (!update.exec()) {
        qCWarning(lcSandbox, "alerts: acknowledge failed: %s", qPrintable(sqlError(update)));
        return failed();
    }
    row.outcome = QStringLiteral("success");
    qint64 auditId = 0;
    if (!api::writeAudit(db, caller, row, &auditId) || !readEvent(db, id, &event) || !db.commit())
        return failed();
    qCInfo(lcSandbox, "alert event %lld acknowledged by %s (audit %lld)", id, qPrintable(caller.username), auditId);
    return api::reply(200, QJsonObject{{QStringLiteral("event"), event}, {QStringLiteral("audit_id"), auditId}});
}

ApiReply AlertsApi::retry(const ApiCaller &caller, QSqlDatabase &db, qint64 id)
{
    if (!db.transaction())
        return unavailable();
    auto failed = [&] {
        db.rollback();
        return unavailable();
    };
    QJsonObject delivery;
    if (!readDelivery(db, id, &delivery, true))
        return failed();
    if (delivery.isEmpty()) {
        db.rollback();
        return api::error(404, "not_found");
    }
    const QString status = delivery.value(QStringLiteral("status")).toString();
    api::AuditRow row{QLatin1String(kRetryAction), QStringLiteral("action"), QStringLiteral("alert_delivery"),
                      QString::number(id), QStringLiteral("rejected"), {},
                      QJsonObject{{QStringLiteral("channel"), delivery.value(QStringLiteral("channel"))},
                                  {QStringLiteral("previous_status"), status},
                                  {QStringLiteral("previous_attempts"), delivery.value(QStringLiteral("attempts"))},
                                  {QStringLiteral("error_message"), delivery.value(QStringLiteral("error_message"))}}};
    if (status != QLatin1String("poison") && status != QLatin1String("failed")) {
        row.details.insert(QStringLiteral("error"), QStringLiteral("not_retryable"));
        if (!api::writeAudit(db, caller, row) || !db.commit())
            return failed();
        return api::reply(409, QJsonObject{{QStringLiteral("error"), QStringLiteral("not_retryable")},
                                           {QStringLiteral("status"), status},
                                           {QStringLiteral("detail"),
                                            QStringLiteral("Cannot retry: delivery is %1, not poison or failed").arg(status)}});
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE alert_deliveries SET status = 'pending', attempts = 0, poison_at = NULL, "
                                  "error_message = NULL WHERE id = :id"));
    update.bindValue(QStringLiteral(":id"), id);
    if (!update.exec()) {
        qCWarning(lcSandbox, "alerts: retry failed: %s", qPrintable(sqlError(update)));
        return failed();
    }
    row.outcome = QStringLiteral("success");
    qint64 auditId = 0;
    if (!api::writeAudit(db, caller, row, &auditId) || !readDelivery(db, id, &delivery) || !db.commit())
        return failed();
    qCInfo(lcSandbox, "alert delivery %lld requeued by %s (audit %lld)", id, qPrintable(caller.username), auditId);
    return api::reply(200, QJsonObject{{QStringLiteral("delivery"), delivery}, {QStringLiteral("audit_id"), auditId}});
}

} // namespace opssandbox
