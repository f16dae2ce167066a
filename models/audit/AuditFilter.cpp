#include "audit/AuditFilter.h"

#include <QTimeZone>

namespace ops {

namespace {

// Timestamps are bound as microseconds since the epoch: exact, no time zone guessed by the driver.
const QString kFromUs = QStringLiteral("\"timestamp\" >= TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond'");
const QString kToUs = QStringLiteral("\"timestamp\" < TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond'");

qint64 micros(const QDateTime &t)
{
    return t.toMSecsSinceEpoch() * 1000;
}

QString withoutNul(const QString &s, bool *changed)
{
    if (!s.contains(QChar(0)))
        return s;
    *changed = true;
    QString out = s;
    out.remove(QChar(0));
    return out;
}

} // namespace

QStringList AuditFilter::eventTypes()
{
    return {QStringLiteral("admin"), QStringLiteral("auth"), QStringLiteral("action")};
}

QString AuditFilter::escapeLike(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            out.append(QLatin1Char('\\'));
        out.append(c);
    }
    return out;
}

bool AuditFilter::isEmpty() const
{
    return *this == AuditFilter{};
}

SqlFragment AuditFilter::dateRange() const
{
    SqlFragment f;
    QStringList parts;
    if (fromUtc.isValid()) {
        parts << kFromUs;
        f.values << micros(fromUtc);
    }
    if (toUtc.isValid()) {
        parts << kToUs;
        f.values << micros(toUtc);
    }
    f.clause = parts.isEmpty() ? QStringLiteral("TRUE") : parts.join(QStringLiteral(" AND "));
    return f;
}

SqlFragment AuditFilter::where(QString *problem) const
{
    SqlFragment f = dateRange();
    QStringList parts;
    if (f.clause != QLatin1String("TRUE"))
        parts << f.clause;
    bool nulRemoved = false;
    auto exact = [&](const char *column, const QString &value) {
        const QString v = withoutNul(value, &nulRemoved);
        if (v.isEmpty())
            return;
        parts << QStringLiteral("%1 = ?").arg(QLatin1String(column));
        f.values << v;
    };
    exact("user_id", user);
    exact("action", action);
    exact("outcome", outcome);
    exact("resource_type", resourceType);
    exact("resource_id", resourceId);
    if (!eventType.isEmpty()) {
        if (eventTypes().contains(eventType)) {
            parts << QStringLiteral("event_type = ?");
            f.values << eventType;
        } else {
            parts << QStringLiteral("FALSE");
            if (problem)
                *problem = tr("Unknown event type \"%1\".").arg(eventType.left(40));
        }
    }
    const QString needle = withoutNul(text.trimmed(), &nulRemoved);
    if (!needle.isEmpty()) {
        parts << QStringLiteral("(reason ILIKE ? ESCAPE '\\' OR CAST(details AS text) ILIKE ? ESCAPE '\\')");
        const QString pattern = QLatin1Char('%') + escapeLike(needle) + QLatin1Char('%');
        f.values << pattern << pattern;
    }
    if (nulRemoved && problem && problem->isEmpty())
        *problem = tr("NUL characters cannot be searched for and were removed from the filter.");
    f.clause = parts.isEmpty() ? QStringLiteral("TRUE") : parts.join(QStringLiteral(" AND "));
    return f;
}

QVariantMap AuditFilter::toMap() const
{
    QVariantMap m;
    auto put = [&](const char *key, const QString &v) {
        if (!v.isEmpty())
            m.insert(QLatin1String(key), v);
    };
    if (fromUtc.isValid())
        m.insert(QStringLiteral("from"), fromUtc.toUTC().toString(Qt::ISODateWithMs));
    if (toUtc.isValid())
        m.insert(QStringLiteral("to"), toUtc.toUTC().toString(Qt::ISODateWithMs));
    put("user", user);
    put("action", action);
    put("event_type", eventType);
    put("outcome", outcome);
    put("resource_type", resourceType);
    put("resource_id", resourceId);
    put("text", text);
    return m;
}

} // namespace ops
