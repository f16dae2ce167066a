#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ops {

// What the platform says about trading. The raw breaker states are confusing on purpose-built
// desks ("open" means halted elsewhere in the industry), so the console speaks in these words and
// shows the raw state next to them. Anything missing or unrecognised is Unknown: fail closed.
enum class TradingState {
    Unknown, // could not be verified: never treated as enabled
    Enabled, // OPEN (and the legacy QUIET_PERIOD)
    Halted,  // TRIPPED
};

struct BreakerCondition
{
    QString name;   // drawdown, position_limits, broker_errors, redis, postgres (or what the server sent)
    bool ok = false;
    QString detail; // the server's words
};

struct BreakerSnapshot
{
    TradingState trading = TradingState::Unknown;
    QString rawState;          // as sent: "OPEN", "TRIPPED", "QUIET_PERIOD", ... empty when absent
    QDateTime trippedAt;       // UTC; invalid when absent
    QString trippedBy;
    QString tripReason;
    QJsonObject tripDetails;
    QDateTime resetAt;
    QString resetBy;
    QString resetReason;
    int tripsToday = -1;       // -1 when the server did not say
    QDateTime serverTime;
    QDateTime resetAvailableAt; // the server's end of the global reset window; invalid when open
    QList<BreakerCondition> conditions;

    [[nodiscard]] bool allConditionsOk() const;
    [[nodiscard]] QList<BreakerCondition> failingConditions() const;
};

struct BreakerHistoryEntry
{
    qint64 id = 0;
    QDateTime trippedAt;
    QString trippedBy;
    QString reason;
    QJsonObject details;
    QDateTime resetAt; // invalid while this trip is the current one
    QString resetBy;
    QString resetReason;
};

enum class KillSwitchState {
    Unknown,
    Active,  // trading active, the switch is not engaged
    Engaged, // positions flattened, trading stopped
};

struct KillSwitchSnapshot
{
    KillSwitchState state = KillSwitchState::Unknown;
    QString rawState;
    QDateTime engagedAt;
    QString engagedBy;
    QString reason;
    QJsonObject details;
    QDateTime disengagedAt;
    QString disengagedBy;
    QString notes;
    QDateTime serverTime;
};

// Parsers for the platform's JSON. They never throw away a readable answer because of one odd
// field, but a body without a recognisable state yields Unknown with `problem` saying why.
class BreakerJson
{
    Q_DECLARE_TR_FUNCTIONS(ops::BreakerJson)
public:
    [[nodiscard]] static BreakerSnapshot breaker(const QJsonObject &object, QString *problem = nullptr);
    [[nodiscard]] static QList<BreakerHistoryEntry> history(const QJsonDocument &document, QString *problem = nullptr);
    [[nodiscard]] static KillSwitchSnapshot killSwitch(const QJsonObject &object, QString *problem = nullptr);

    // The words operators read: "TRADING ENABLED (OPEN)", "TRADING HALTED (TRIPPED)",
    // "UNKNOWN — state could not be verified".
    [[nodiscard]] static QString headline(const BreakerSnapshot &snapshot);
    [[nodiscard]] static QString headline(TradingState state, const QString &rawState);
    [[nodiscard]] static QString killSwitchHeadline(const KillSwitchSnapshot &snapshot);
    // "Drawdown within limit", "Position limits respected", ... (the raw name for unknown ones).
    [[nodiscard]] static QString conditionTitle(const QString &name);
};

} // namespace ops
