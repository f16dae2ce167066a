#include "config/ConfigSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace ops {

namespace {

const QString kTradingHours = QStringLiteral("trading_hours");
const QString kPositionLimits = QStringLiteral("position_limits");
const QString kSystemDefaults = QStringLiteral("system_defaults");
const QString kMarketOpen = QStringLiteral("market_open");
const QString kMarketClose = QStringLiteral("market_close");

ConfigField field(const QString &name, const QString &label, ConfigField::Type type, double minimum = 0,
                  double maximum = 0, int decimals = 0, double step = 1, const QString &help = {})
{
    ConfigField f;
    f.name = name;
    f.label = label;
    f.type = type;
    f.minimum = minimum;
    f.maximum = maximum;
    f.decimals = decimals;
    f.step = step;
    f.help = help;
    return f;
}

bool isTime(const QJsonValue &value)
{
    static const QRegularExpression time(QStringLiteral("^([01][0-9]|2[0-3]):[0-5][0-9]$"));
    return value.isString() && time.match(value.toString()).hasMatch();
}

QString number(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15)
        return QLocale().toString(qint64(value));
    return QLocale().toString(value, 'f', QLocale::FloatingPointShortest);
}

} // namespace

const ConfigField *ConfigDocumentSpec::field(const QString &name) const
{
    for (const ConfigField &f : fields)
        if (f.name == name)
            return &f;
    return nullptr;
}

QString ConfigChange::text() const
{
    return ConfigSchema::tr("%1: %2 → %3").arg(label, beforeText, afterText);
}

QStringList ConfigSchema::documentKeys()
{
    return {kTradingHours, kPositionLimits, kSystemDefaults};
}

QList<ConfigDocumentSpec> ConfigSchema::documents()
{
    QList<ConfigDocumentSpec> all;
    for (const QString &key : documentKeys())
        all << document(key);
    return all;
}

ConfigDocumentSpec ConfigSchema::document(const QString &key)
{
    using T = ConfigField::Type;
    ConfigDocumentSpec spec;
    if (key == kTradingHours) {
        spec.key = key;
        spec.title = tr("Trading hours");
        spec.fields = {
            field(kMarketOpen, tr("Market open"), T::Time, 0, 0, 0, 1, tr("Exchange time, before market close.")),
            field(kMarketClose, tr("Market close"), T::Time, 0, 0, 0, 1, tr("Exchange time, after market open.")),
            field(QStringLiteral("pre_market_enabled"), tr("Pre-market trading enabled"), T::Bool),
            field(QStringLiteral("after_hours_enabled"), tr("After-hours trading enabled"), T::Bool),
        };
    } else if (key == kPositionLimits) {
        spec.key = key;
        spec.title = tr("Position limits");
        spec.fields = {
            field(QStringLiteral("max_position_per_symbol"), tr("Maximum position per symbol"), T::Int, 1, 100000, 0, 100,
                  tr("Shares or contracts, 1 to 100000.")),
            field(QStringLiteral("max_notional_total"), tr("Maximum total notional"), T::Int, 1000, 10000000, 0, 1000,
                  tr("Whole units of the account currency, 1000 to 10000000.")),
            field(QStringLiteral("max_open_orders"), tr("Maximum open orders"), T::Int, 1, 1000, 0, 1,
                  tr("Orders, 1 to 1000.")),
        };
    } else if (key == kSystemDefaults) {
        spec.key = key;
        spec.title = tr("System defaults");
        spec.fields = {
            field(QStringLiteral("dry_run"), tr("Dry run (no real orders)"), T::Bool),
            field(QStringLiteral("circuit_breaker_enabled"), tr("Circuit breaker enabled"), T::Bool),
            field(QStringLiteral("drawdown_threshold"), tr("Drawdown threshold"), T::Number, 0.01, 0.50, 3, 0.01,
                  tr("Fraction of equity, 0.01 (1 %) to 0.50 (50 %).")),
        };
    }
    return spec;
}

QString ConfigSchema::rangeMessage(const ConfigField &field)
{
    return tr("Must be between %1 and %2.").arg(number(field.minimum), number(field.maximum));
}

QString ConfigSchema::validateField(const ConfigField &field, const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return tr("A value is required.");
    switch (field.type) {
    case ConfigField::Type::Bool:
        return value.isBool() ? QString() : tr("Must be on or off.");
    case ConfigField::Type::Time:
        return isTime(value) ? QString() : tr("Must be a time from 00:00 to 23:59 (HH:MM).");
    case ConfigField::Type::Int:
    case ConfigField::Type::Number: {
        const double d = value.toDouble();
        if (!value.isDouble() || !std::isfinite(d))
            return tr("Must be a number.");
        if (field.type == ConfigField::Type::Int && d != std::floor(d))
            return tr("Must be a whole number.");
        if (d < field.minimum || d > field.maximum)
            return rangeMessage(field);
        return {};
    }
    }
    return {};
}

ConfigFieldErrors ConfigSchema::validate(const QString &key, const QJsonObject &value)
{
    ConfigFieldErrors errors;
    const ConfigDocumentSpec spec = document(key);
    for (const ConfigField &f : spec.fields) {
        const QString message = validateField(f, value.value(f.name));
        if (!message.isEmpty())
            errors.insert(f.name, message);
    }
    if (key == kTradingHours && !errors.contains(kMarketOpen) && !errors.contains(kMarketClose)) {
        // "HH:MM" strings of one shape compare like the times they name.
        const QString open = value.value(kMarketOpen).toString();
        const QString close = value.value(kMarketClose).toString();
        if (open >= close) {
            errors.insert(kMarketOpen, tr("Must be before market close (%1).").arg(close));
            errors.insert(kMarketClose, tr("Must be after market open (%1).").arg(open));
        }
    }
    return errors;
}

QString ConfigSchema::displayValue(const ConfigField *field, const QJsonValue &value)
{
    Q_UNUSED(field) // every type reads the same today; kept for per-field units
    if (value.isUndefined())
        return tr("(not set)");
    if (value.isNull())
        return tr("(empty)");
    if (value.isBool())
        return value.toBool() ? tr("Yes") : tr("No");
    if (value.isDouble())
        return number(value.toDouble());
    if (value.isString())
        return value.toString();
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact)).left(200);
}

QStringList ConfigSchema::changedFields(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys = before.keys();
    for (const QString &k : after.keys())
        if (!before.contains(k))
            keys << k;
    QStringList changed;
    for (const QString &k : std::as_const(keys))
        if (before.value(k) != after.value(k))
            changed << k;
    std::sort(changed.begin(), changed.end());
    return changed;
}

QList<ConfigChange> ConfigSchema::diff(const QString &key, const QJsonObject &before, const QJsonObject &after)
{
    const ConfigDocumentSpec spec = document(key);
    const QStringList changed = changedFields(before, after);
    QStringList ordered;
    for (const ConfigField &f : spec.fields)
        if (changed.contains(f.name))
            ordered << f.name;
    for (const QString &k : changed) // already sorted
        if (!ordered.contains(k))
            ordered << k;

    QList<ConfigChange> changes;
    for (const QString &name : std::as_const(ordered)) {
        const ConfigField *f = spec.field(name);
        ConfigChange c;
        c.field = name;
        c.label = f ? f->label : name;
        c.before = before.value(name);
        c.after = after.value(name);
        c.beforeText = displayValue(f, c.before);
        c.afterText = displayValue(f, c.after);
        changes << c;
    }
    return changes;
}

QJsonObject ConfigSchema::rebase(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &current)
{
    QJsonObject result = current;
    for (const QString &k : changedFields(base, mine)) {
        if (mine.contains(k))
            result.insert(k, mine.value(k));
        else
            result.remove(k);
    }
    return result;
}

} // namespace ops
