#include "breaker/BreakerState.h"

#include "health/HealthParser.h"

#include <QJsonArray>

namespace ops {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

QDateTime time(const QJsonObject &o, const char *key)
{
    return HealthParser::parseTimestamp(o.value(QLatin1String(key)));
}

} // namespace

bool BreakerSnapshot::allConditionsOk() const
{
    return failingConditions().isEmpty() && !conditions.isEmpty();
}

QList<BreakerCondition> BreakerSnapshot::failingConditions() const
{
    QList<BreakerCondition> failing;
    for (const BreakerCondition &c : conditions)
        if (!c.ok)
            failing.append(c);
    return failing;
}

BreakerSnapshot BreakerJson::breaker(const QJsonObject &object, QString *problem)
{
    BreakerSnapshot s;
    const QJsonValue state = object.value(QLatin1String("state"));
    s.rawState = state.isString() ? state.toString().trimmed() : QString();
    const QString upper = s.rawState.toUpper();
    if (upper == QLatin1String("OPEN") || upper == QLatin1String("QUIET_PERIOD"))
        s.trading = TradingState::Enabled;
    else if (upper == QLatin1String("TRIPPED"))
        s.trading = TradingState::Halted;
    else if (problem)
        *problem = s.rawState.isEmpty() ? tr("The answer has no breaker state.")
                                        : tr("The breaker state \"%1\" is not one the console knows.").arg(s.rawState.left(40));

    s.trippedAt = time(object, "tripped_at");
    s.trippedBy = text(object, "tripped_by");
    s.tripReason = text(object, "trip_reason");
    s.tripDetails = object.value(QLatin1String("trip_details")).toObject();
    s.resetAt = time(object, "reset_at");
    s.resetBy = text(object, "reset_by");
    s.resetReason = text(object, "reset_reason");
    const QJsonValue trips = object.value(QLatin1String("trip_count_today"));
    if (trips.isDouble() && trips.toDouble() >= 0 && trips.toDouble() < 1e9)
        s.tripsToday = int(trips.toDouble());
    s.serverTime = time(object, "server_time");
    s.resetAvailableAt = time(object, "reset_available_at");
    const QJsonArray conditions = object.value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &v : conditions) {
        const QJsonObject c = v.toObject();
        const QString name = text(c, "name");
        if (name.isEmpty())
            continue;
        // Anything but an explicit true is a failing condition.
        s.conditions.append({name, c.value(QLatin1String("ok")).toBool(false), text(c, "detail")});
    }
    return s;
}

QList<BreakerHistoryEntry> BreakerJson::history(const QJsonDocument &document, QString *problem)
{
    QJsonArray entries;
    if (document.isArray())
        entries = document.array();
    else if (document.object().value(QLatin1String("entries")).isArray())
        entries = document.object().value(QLatin1String("entries")).toArray();
    else if (problem)
        *problem = tr("The answer has no history entries.");

    QList<BreakerHistoryEntry> out;
    out.reserve(entries.size());
    for (const QJsonValue &v : entries) {
        if (!v.isObject())
            continue;
        const QJsonObject o = v.toObject();
        BreakerHistoryEntry e;
        e.id = qint64(o.value(QLatin1String("id")).toDouble(0));
        e.trippedAt = time(o, "tripped_at");
        e.trippedBy = text(o, "tripped_by");
        e.reason = text(o, "reason");
        e.details = o.value(QLatin1String("details")).toObject();
        e.resetAt = time(o, "reset_at");
        e.resetBy = text(o, "reset_by");
        e.resetReason = text(o, "reset_reason");
        out.append(e);
    }
    // Newest first, whatever order the server used; entries without a time go last.
    std::stable_sort(out.begin(), out.end(), [](const BreakerHistoryEntry &a, const BreakerHistoryEntry &b) {
        if (a.trippedAt.isValid() != b.trippedAt.isValid())
            return a.trippedAt.isValid();
        return a.trippedAt > b.trippedAt;
    });
    return out;
}

KillSwitchSnapshot BreakerJson::killSwitch(const QJsonObject &object, QString *problem)
{
    KillSwitchSnapshot s;
    const QJsonValue state = object.value(QLatin1String("state"));
    s.rawState = state.isString() ? state.toString().trimmed() : QString();
    const QString upper = s.rawState.toUpper();
    if (upper == QLatin1String("ACTIVE"))
        s.state = KillSwitchState::Active;
    else if (upper == QLatin1String("ENGAGED"))
        s.state = KillSwitchState::Engaged;
    else if (problem)
        *problem = s.rawState.isEmpty() ? tr("The answer has no kill-switch state.")
                                        : tr("The kill-switch state \"%1\" is not one the console knows.").arg(s.rawState.left(40));
    s.engagedAt = time(object, "engaged_at");
    s.engagedBy = text(object, "engaged_by");
    s.reason = text(object, "reason");
    s.details = object.value(QLatin1String("details")).toObject();
    s.disengagedAt = time(object, "disengaged_at");
    s.disengagedBy = text(object, "disengaged_by");
    s.notes = text(object, "notes");
    s.serverTime = time(object, "server_time");
    return s;
}

QString BreakerJson::headline(const BreakerSnapshot &snapshot)
{
    return headline(snapshot.trading, snapshot.rawState);
}

QString BreakerJson::headline(TradingState state, const QString &rawState)
{
    switch (state) {
    case TradingState::Enabled:
        return tr("TRADING ENABLED (%1)").arg(rawState.toUpper());
    case TradingState::Halted:
        return tr("TRADING HALTED (%1)").arg(rawState.toUpper());
    case TradingState::Unknown:
        break;
    }
    return tr("UNKNOWN — state could not be verified");
}

QString BreakerJson::killSwitchHeadline(const KillSwitchSnapshot &snapshot)
{
    switch (snapshot.state) {
    case KillSwitchState::Active:
        return tr("NOT ENGAGED — trading active (ACTIVE)");
    case KillSwitchState::Engaged:
        return tr("ENGAGED — positions flattened (ENGAGED)");
    case KillSwitchState::Unknown:
        break;
    }
    return tr("UNKNOWN — kill switch could not be verified");
}

QString BreakerJson::conditionTitle(const QString &name)
{
    if (name == QLatin1String("drawdown"))
        return tr("Drawdown within limit");
    if (name == QLatin1String("position_limits"))
        return tr("Position limits respected");
    if (name == QLatin1String("broker_errors"))
        return tr("No broker API errors in the last 5 minutes");
    if (name == QLatin1String("redis"))
        return tr("Redis OK");
    if (name == QLatin1String("postgres"))
        return tr("Postgres OK");
    return name;
}

} // namespace ops
