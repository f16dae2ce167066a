#include "ConfigApi.h"

#include "AuthApi.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace opssandbox {

using api::isoOrNull;
using api::msOf;
using api::objectOrNull;
using api::sqlError;
using api::textOrNull;
using api::toTs;

namespace {

using M = QHttpServerRequest::Method;

const QLatin1String kPrefix("/api/v1/config");

enum class Kind { Integer, Number, Boolean, Time };

struct FieldSpec
{
    const char *name;
    Kind kind;
    double min = 0;
    double max = 0;
};

QList<FieldSpec> specsOf(const QString &key)
{
    if (key == QLatin1String("trading_hours"))
        return {{"market_open", Kind::Time, 0, 0},
                {"market_close", Kind::Time, 0, 0},
                {"pre_market_enabled", Kind::Boolean, 0, 0},
                {"after_hours_enabled", Kind::Boolean, 0, 0}};
    if (key == QLatin1String("position_limits"))
        return {{"max_position_per_symbol", Kind::Integer, 1, 100000},
                {"max_notional_total", Kind::Integer, 1000, 10000000},
                {"max_open_orders", Kind::Integer, 1, 1000}};
    if (key == QLatin1String("system_defaults"))
        return {{"dry_run", Kind::Boolean, 0, 0},
                {"circuit_breaker_enabled", Kind::Boolean, 0, 0},
                {"drawdown_threshold", Kind::Number, 0.01, 0.50}};
    return {};
}

// An error message for one field's value, or an empty string.
QString checkField(const FieldSpec &spec, const QJsonValue &v)
{
    static const QRegularExpression time(QStringLiteral("^([01][0-9]|2[0-3]):[0-5][0-9]$"));
    switch (spec.kind) {
    case Kind::Boolean:
        return v.isBool() ? QString() : QStringLiteral("Must be true or false");
    case Kind::Time:
        return v.isString() && time.match(v.toString()).hasMatch()
                   ? QString()
                   : QStringLiteral("Must be a time HH:MM from 00:00 to 23:59");
    case Kind::Integer: {
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d))
            return QStringLiteral("Must be a whole number");
        if (d < spec.min || d > spec.max)
            return QStringLiteral("Must be between %1 and %2").arg(qint64(spec.min)).arg(qint64(spec.max));
        return {};
    }
    case Kind::Number: {
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d))
            return QStringLiteral("Must be a number");
        if (d < spec.min || d > spec.max)
            return QStringLiteral("Must be between %1 and %2").arg(spec.min, 0, 'f', 2).arg(spec.max, 0, 'f', 2);
        return {};
    }
    }
    return {};
}

} // namespace

struct ConfigApi::Request
{
    const ApiCaller &caller;
    QSqlDatabase db;
    QString key; // the document of /config/{key}, allow-listed
};

ConfigApi::ConfigApi(QString connectionName) : m_connectionName(std::move(connectionName)) {}

void ConfigApi::attachTo(AuthApi &auth)
{
    auth.delegate(QString(kPrefix), [this](const ApiCaller &caller) { return handle(caller); });
}

QStringList ConfigApi::documentKeys()
{
    return {QStringLiteral("trading_hours"), QStringLiteral("position_limits"), QStringLiteral("system_defaults")};
}

QJsonObject ConfigApi::validate(const QString &key, const QJsonObject &value)
{
    QJsonObject fields;
    const QList<FieldSpec> specs = specsOf(key);
    QStringList known;
    for (const FieldSpec &spec : specs) {
        const QString name = QLatin1String(spec.name);
        known.append(name);
        const QJsonValue v = value.value(name);
        if (v.isUndefined()) {
            fields.insert(name, QStringLiteral("Required"));
            continue;
        }
        const QString message = checkField(spec, v);
        if (!message.isEmpty())
            fields.insert(name, message);
    }
    for (auto it = value.begin(); it != value.end(); ++it)
        if (!known.contains(it.key()))
            fields.insert(it.key().left(100), QStringLiteral("Unknown field"));
    if (key == QLatin1String("trading_hours") && !fields.contains(QStringLiteral("market_open"))
        && !fields.contains(QStringLiteral("market_close"))
        // "HH:MM" strings of the same shape compare like the times they name.
        && value.value(QStringLiteral("market_open")).toString() >= value.value(QStringLiteral("market_close")).toString())
        fields.insert(QStringLiteral("market_close"), QStringLiteral("Market close must be after market open"));
    return fields;
}

// --- routing ------------------------------------------------------------------------------------------

ApiReply ConfigApi::handle(const ApiCaller &caller)
{
    Request r{caller, QSqlDatabase::database(m_connectionName, false), {}};
    const M method = caller.request.method();
    ApiReply (ConfigApi::*handler)(Request &) = nullptr;
    QString key;
    if (caller.path == kPrefix) {
        if (method != M::Get)
            return api::error(405, "method_not_allowed");
        handler = &ConfigApi::list;
    } else {
        key = caller.path.mid(kPrefix.size() + 1);
        if (key.contains(QLatin1Char('/')))
            return api::error(404, "not_found");
        if (method == M::Get)
            handler = &ConfigApi::get;
        else if (method == M::Put)
            handler = &ConfigApi::put;
        else
            return api::error(405, "method_not_allowed");
    }
    const bool known = documentKeys().contains(key);
    if (known)
        r.key = key;

    if (!r.db.isOpen() && !r.db.open()) {
        qCWarning(lcSandbox, "config: database unavailable: %s", qPrintable(r.db.lastError().text().simplified()));
        return api::error(503, "database_unavailable");
    }
    if (!caller.can("config:edit")) {
        if (handler == &ConfigApi::put)
            api::writeAudit(r.db, caller,
                            {QStringLiteral("CONFIG_UPDATE"), QStringLiteral("admin"), QStringLiteral("config"),
                             known ? QVariant(key) : QVariant(), QStringLiteral("denied"), QString(),
                             QJsonObject{{QStringLiteral("error"), QStringLiteral("permission_denied")},
                                         {QStringLiteral("permission"), QStringLiteral("config:edit")},
                                         {QStringLiteral("role"), caller.role}}});
        return api::permissionDenied("config:edit");
    }
    if (handler != &ConfigApi::list && !known)
        return api::error(404, "not_found");
    return (this->*handler)(r);
}

// --- reads ---------------------------------------------------------------------------------------------

bool ConfigApi::readDocument(QSqlDatabase &db, const QString &key, QJsonObject *out, bool lock)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT config_key, CAST(config_value AS text), version, updated_by, %1 "
                             "FROM system_config WHERE config_key = :k%2")
                  .arg(msOf("updated_at"), lock ? QStringLiteral(" FOR UPDATE") : QString()));
    q.bindValue(QStringLiteral(":k"), key);
    if (!q.exec()) {
        qCWarning(lcSandbox, "config: read of %s failed: %s", qPrintable(key), qPrintable(sqlError(q)));
        return false;
    }
    if (!q.next()) {
        *out = {};
        return true;
    }
    *out = QJsonObject{
        {QStringLiteral("config_key"), q.value(0).toString()},
        {QStringLiteral("config_value"), objectOrNull(q.value(1))},
        {QStringLiteral("version"), q.value(2).toInt()},
        {QStringLiteral("updated_by"), textOrNull(q.value(3))},
        {QStringLiteral("updated_at"), isoOrNull(q.value(4))},
    };
    return true;
}

namespace {

QByteArray etagOf(const QJsonObject &doc)
{
    return '"' + QByteArray::number(doc.value(QStringLiteral("version")).toInteger()) + '"';
}

ApiReply withEtag(ApiReply reply, const QJsonObject &doc)
{
    reply.headers.append({QByteArrayLiteral("ETag"), etagOf(doc)});
    return reply;
}

} // namespace

ApiReply ConfigApi::list(Request &r)
{
    QJsonArray documents;
    for (const QString &key : documentKeys()) {
        QJsonObject doc;
        if (!readDocument(r.db, key, &doc))
            return api::error(503, "database_unavailable");
        if (!doc.isEmpty())
            documents.append(doc);
    }
    return api::reply(200, QJsonObject{{QStringLiteral("documents"), documents}});
}

ApiReply ConfigApi::get(Request &r)
{
    QJsonObject doc;
    if (!readDocument(r.db, r.key, &doc))
        return api::error(503, "database_unavailable");
    if (doc.isEmpty())
        return api::error(404, "not_found");
    return withEtag(api::reply(200, doc), doc);
}

// --- the save ----------------------------------------------------------------------------------------------

ApiReply ConfigApi::put(Request &r)
{
    // Present and not empty; compared with the current ETag under the row lock below.
    const QByteArray ifMatch = api::headerValue(r.caller.request, QByteArrayLiteral("If-Match")).trimmed();
    if (ifMatch.isEmpty())
        return api::error(428, "if_match_required");

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.caller.request.body(), &parseError);
    const QJsonValue valueJson = doc.object().value(QStringLiteral("config_value"));
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !valueJson.isObject())
        return api::error(400, "invalid_body");
    const QJsonObject value = valueJson.toObject();
    const QJsonObject fields = validate(r.key, value);
    if (!fields.isEmpty())
        return api::reply(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("validation_failed")},
                                           {QStringLiteral("fields"), fields}});

    QSqlDatabase &db = r.db;
    if (!db.transaction())
        return api::error(503, "database_unavailable");
    auto failed = [&] {
        db.rollback();
        return api::error(500, "update_failed");
    };
    QJsonObject current;
    if (!readDocument(db, r.key, &current, true))
        return failed();
    if (current.isEmpty()) {
        db.rollback();
        return api::error(404, "not_found");
    }
    const int oldVersion = current.value(QStringLiteral("version")).toInt();
    if (ifMatch != etagOf(current)) {
        db.rollback();
        api::writeAudit(db, r.caller,
                        {QStringLiteral("CONFIG_UPDATE"), QStringLiteral("admin"), QStringLiteral("config"), r.key,
                         QStringLiteral("rejected"), QString(),
                         QJsonObject{{QStringLiteral("error"), QStringLiteral("version_conflict")},
                                     {QStringLiteral("if_match"), QString::fromLatin1(ifMatch.left(64))},
                                     {QStringLiteral("current_version"), oldVersion}}});
        return withEtag(api::reply(412, QJsonObject{{QStringLiteral("error"), QStringLiteral("version_conflict")},
                                                    {QStringLiteral("current"), current}}),
                        current);
    }

    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE system_config SET config_value = CAST(:v AS jsonb), version = version + 1, "
                                  "updated_by = :by, updated_at = %1 WHERE config_key = :k")
                       .arg(toTs(":t")));
    update.bindValue(QStringLiteral(":v"), QString::fromUtf8(api::json(value)));
    update.bindValue(QStringLiteral(":by"), r.caller.username);
    update.bindValue(QStringLiteral(":t"), r.caller.nowMs);
    update.bindValue(QStringLiteral(":k"), r.key);
    if (!update.exec()) {
        qCWarning(lcSandbox, "config: update of %s failed: %s", qPrintable(r.key), qPrintable(sqlError(update)));
        return failed();
    }
    QJsonObject saved;
    if (!readDocument(db, r.key, &saved) || saved.isEmpty())
        return failed();
    const int newVersion = saved.value(QStringLiteral("version")).toInt();
    qint64 auditId = 0;
    if (!api::writeAudit(db, r.caller,
                         {QStringLiteral("CONFIG_UPDATE"), QStringLiteral("admin"), QStringLiteral("config"), r.key,
                          QStringLiteral("success"), QString(),
                          QJsonObject{{QStringLiteral("old"), current.value(QStringLiteral("config_value"))},
                                      {QStringLiteral("new"), saved.value(QStringLiteral("config_value"))},
                                      {QStringLiteral("old_version"), oldVersion},
                                      {QStringLiteral("new_version"), newVersion}}},
                         &auditId)
        || !db.commit())
        return failed();
    qCInfo(lcSandbox, "config %s saved as version %d by %s (audit %lld)", qPrintable(r.key), newVersion,
           qPrintable(r.caller.username), auditId);
    QJsonObject answer = saved;
    answer.insert(QStringLiteral("audit_id"), auditId);
    return withEtag(api::reply(200, answer), saved);
}

} // namespace opssandbox
