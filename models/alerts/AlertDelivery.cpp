#include "alerts/AlertDelivery.h"

#include "health/HealthParser.h"

#include <QJsonValue>

namespace ops {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

QString withoutControls(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        const QChar::Category cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Other_Format || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            out += QLatin1Char(' ');
        else
            out += c;
    }
    return out;
}

} // namespace

QString AlertDeliveryText::channelTitle(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return tr("Email");
    if (channel == QLatin1String("slack"))
        return tr("Slack");
    if (channel == QLatin1String("sms"))
        return tr("SMS");
    return channel;
}

QString AlertDeliveryText::statusTitle(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Pending");
    if (status == QLatin1String("in_progress"))
        return tr("In progress");
    if (status == QLatin1String("delivered"))
        return tr("Delivered");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    if (status == QLatin1String("poison"))
        return tr("Poisoned");
    return status;
}

QString AlertDeliveryText::attemptsText(int attempts)
{
    return tr("%1/%2").arg(attempts).arg(AlertDelivery::MaxAttempts);
}

QString AlertDeliveryText::recipient(const QString &stored)
{
    const QString r = withoutControls(stored).trimmed();
    if (r.isEmpty() || r.contains(QLatin1Char('*')))
        return r; // masked by the platform: exactly what it stored
    const QString mask = QStringLiteral("***");
    const qsizetype at = r.indexOf(QLatin1Char('@'));
    if (at > 0) // e-mail address: first character and the domain
        return r.left(1) + mask + r.mid(at);
    if (r.startsWith(QLatin1Char('#'))) // Slack channel: a few characters of the name
        return r.left(qMin<qsizetype>(5, 1 + (r.size() - 1) / 2)) + mask;
    QString digits;
    for (const QChar c : r)
        if (c.isDigit())
            digits += c;
    if (digits.size() >= 7) // phone number: country code and the last three digits
        return (r.startsWith(QLatin1Char('+')) ? QStringLiteral("+") + digits.left(2) : QString())
               + QStringLiteral(" *** *** ") + digits.right(3);
    return r.left(1) + mask;
}

QString AlertDeliveryText::errorLine(const QString &error)
{
    const QString line = withoutControls(error).simplified();
    constexpr qsizetype kMax = 300;
    return line.size() > kMax ? line.left(kMax - 1) + QChar(0x2026) : line;
}

AlertDelivery AlertDeliveryText::fromJson(const QJsonObject &o)
{
    AlertDelivery d;
    const QJsonValue id = o.value(QLatin1String("id"));
    d.id = id.isDouble() && id.toDouble() > 0 ? qint64(id.toDouble()) : 0;
    const QJsonValue alertId = o.value(QLatin1String("alert_id"));
    d.alertId = alertId.isDouble() ? QString::number(qint64(alertId.toDouble())) : text(o, "alert_id"); // a number is fine too
    d.channel = text(o, "channel");
    d.recipient = text(o, "recipient");
    d.status = text(o, "status");
    const QJsonValue attempts = o.value(QLatin1String("attempts"));
    d.attempts = attempts.isDouble() ? qBound(0, attempts.toInt(), 1000) : 0;
    d.lastAttemptAt = HealthParser::parseTimestamp(o.value(QLatin1String("last_attempt_at")));
    d.deliveredAt = HealthParser::parseTimestamp(o.value(QLatin1String("delivered_at")));
    d.poisonAt = HealthParser::parseTimestamp(o.value(QLatin1String("poison_at")));
    d.errorMessage = text(o, "error_message");
    d.createdAt = HealthParser::parseTimestamp(o.value(QLatin1String("created_at")));
    return d;
}

} // namespace ops
