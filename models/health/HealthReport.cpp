#include "health/HealthReport.h"

#include "health/HealthMonitor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace ops {
namespace {

QString note(const HealthView &v)
{
    if (!v.error.isEmpty())
        return v.summary + QStringLiteral(" — ") + v.error;
    return v.summary;
}

QString utcIso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QString HealthReport::table(const HealthMonitor &monitor)
{
    const QStringList header = {tr("SERVICE"), tr("STATUS"), tr("RESPONSE"), tr("VERSION"), tr("LAST OPERATION"),
                                tr("NOTE")};
    QList<QStringList> rows;
    for (int row = 0; row < monitor.entryCount(); ++row) {
        const HealthView v = monitor.view(row);
        rows.append({monitor.entryName(row), healthStatusLabel(v.status),
                     v.responseMs ? tr("%1 ms").arg(*v.responseMs) : QStringLiteral("-"),
                     v.reading.version.isEmpty() ? QStringLiteral("-") : v.reading.version,
                     v.reading.lastOperationAt.isValid()
                         ? QLocale().toString(v.reading.lastOperationAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                         : QStringLiteral("-"),
                     note(v)});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (qsizetype c = 0; c < header.size(); ++c) {
        widths[c] = header[c].size();
        for (const QStringList &r : rows)
            widths[c] = std::max(widths[c], r[c].size());
    }
    QString out;
    const auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (qsizetype c = 0; c < cells.size(); ++c)
            padded.append(c + 1 < cells.size() ? cells[c].leftJustified(widths[c]) : cells[c]);
        out += padded.join(QStringLiteral("  ")).trimmed() + QLatin1Char('\n');
    };
    line(header);
    for (const QStringList &r : rows)
        line(r);
    return out;
}

QByteArray HealthReport::json(const HealthMonitor &monitor)
{
    QJsonArray services;
    for (int row = 0; row < monitor.entryCount(); ++row) {
        const HealthView v = monitor.view(row);
        QJsonObject o{{QStringLiteral("name"), monitor.entryName(row)},
                      {QStringLiteral("status"), healthStatusKey(v.status)},
                      {QStringLiteral("summary"), v.summary},
                      {QStringLiteral("version"), v.reading.version},
                      {QStringLiteral("last_operation_at"), utcIso(v.reading.lastOperationAt)},
                      {QStringLiteral("data_age_seconds"), v.dataAgeSeconds}};
        o.insert(QStringLiteral("response_ms"), v.responseMs ? QJsonValue(*v.responseMs) : QJsonValue());
        o.insert(QStringLiteral("error"), v.error.isEmpty() ? QJsonValue() : QJsonValue(v.error));
        services.append(o);
    }
    const QJsonObject root{{QStringLiteral("profile"), monitor.profile().name},
                           {QStringLiteral("environment"), monitor.profile().environment},
                           {QStringLiteral("checked_at"), utcIso(QDateTime::currentDateTimeUtc())},
                           {QStringLiteral("healthy"), exitCode(monitor) == 0},
                           {QStringLiteral("services"), services}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

int HealthReport::exitCode(const HealthMonitor &monitor)
{
    for (int row = 0; row < monitor.entryCount(); ++row)
        if (monitor.view(row).status != HealthStatus::Healthy)
            return 1;
    return 0;
}

} // namespace ops
