#include "alerts/AlertEvent.h"

#include "health/HealthParser.h"

#include <QJsonArray>
#include <QSet>

namespace ops {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

qint64 positiveId(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d >= 1 && d < 9.0e15 && d == double(qint64(d)) ? qint64(d) : 0;
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        return ok && n > 0 ? n : 0;
    }
    return 0;
}

QString ruleName(const QJsonObject &o)
{
    const QJsonValue rule = o.value(QLatin1String("rule"));
    if (rule.isString())
        return rule.toString();
    if (rule.isObject())
        return text(rule.toObject(), "name");
    if (const qint64 id = positiveId(rule.isUndefined() ? o.value(QLatin1String("rule_id")) : rule); id > 0)
        return AlertEventJson::tr("Rule #%1").arg(id);
    return {};
}

} // namespace

AlertEvent AlertEventJson::event(const QJsonObject &o)
{
    AlertEvent e;
    e.id = positiveId(o.value(QLatin1String("id")));
    e.rule = ruleName(o);
    e.severity = text(o, "severity").trimmed().toLower();
    e.message = text(o, "message");
    e.status = text(o, "status").trimmed().toLower();
    e.firedAt = HealthParser::parseTimestamp(o.value(QLatin1String("fired_at")));
    e.acknowledgedAt = HealthParser::parseTimestamp(o.value(QLatin1String("acknowledged_at")));
    e.acknowledgedBy = text(o, "acknowledged_by");
    e.note = text(o, "note");
    if (e.note.isEmpty())
        e.note = text(o, "ack_note");
    return e;
}

QList<AlertEvent> AlertEventJson::list(const QJsonDocument &document, QString *problem)
{
    QList<AlertEvent> out;
    const QJsonValue events = document.object().value(QLatin1String("events"));
    if (!events.isArray()) {
        if (problem)
            *problem = tr("The answer has no list of events.");
        return out;
    }
    QSet<qint64> seen;
    for (const QJsonValue &v : events.toArray()) {
        if (!v.isObject())
            continue;
        const AlertEvent e = event(v.toObject());
        if (e.id <= 0 || seen.contains(e.id))
            continue;
        seen.insert(e.id);
        out.append(e);
    }
    if (problem)
        problem->clear();
    return out;
}

QString AlertEventJson::severityTitle(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return tr("Critical");
    if (severity == QLatin1String("warning"))
        return tr("Warning");
    if (severity == QLatin1String("info"))
        return tr("Info");
    return severity.isEmpty() ? tr("Unknown") : severity;
}

QString AlertEventJson::statusTitle(const QString &status)
{
    if (status == QLatin1String("open"))
        return tr("Open");
    if (status == QLatin1String("acknowledged"))
        return tr("Acknowledged");
    if (status == QLatin1String("resolved"))
        return tr("Resolved");
    return status.isEmpty() ? tr("Unknown") : status;
}

} // namespace ops
