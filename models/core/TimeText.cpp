#include "core/TimeText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace ops::timetext {

QString local(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("—");
    const QDateTime here = utc.toLocalTime();
    return QLocale().toString(here, QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char(' ')
           + here.timeZoneAbbreviation();
}

QString isoUtc(const QDateTime &moment)
{
    if (!moment.isValid())
        return {};
    return moment.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) + QLatin1Char('Z');
}

QString duration(qint64 seconds)
{
    const qint64 s = std::max<qint64>(0, seconds);
    if (s < 60)
        return QCoreApplication::translate("ops::timetext", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("ops::timetext", "%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return QCoreApplication::translate("ops::timetext", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return QCoreApplication::translate("ops::timetext", "%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

} // namespace ops::timetext
