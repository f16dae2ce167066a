#pragma once

#include "health/HealthStatus.h"
#include "sla/SlaTarget.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace ops {

class BreakerController;
class SlaMonitor;
class HealthModel;
class HealthMonitor;
struct BreakerSnapshot;
struct KillSwitchSnapshot;

// How much a source needs the operator's attention, in rising order. Unknown ranks above Warning:
// a state that could not be verified (the breaker's UNKNOWN above all) must never look fine, but
// it is not as bad as a known failure such as trading halted or a service down.
enum class AttentionLevel {
    Ok,       // nothing to do
    Info,     // worth knowing, not a problem (a service initialising)
    Warning,  // degraded, stale data, an SLA at risk
    Unknown,  // could not be verified
    Critical, // trading halted, a service unhealthy or unreachable, an SLA breached
};

[[nodiscard]] int attentionRank(AttentionLevel level);
[[nodiscard]] AttentionLevel worseOf(AttentionLevel a, AttentionLevel b);
// True for Warning, Unknown and Critical: a level that needs someone to look.
[[nodiscard]] bool isBad(AttentionLevel level);
// Stable lower-case key for logs and settings: "ok", "info", "warning", "unknown", "critical".
[[nodiscard]] QString attentionLevelKey(AttentionLevel level);
// Operator-facing word, translated: "OK", "Info", "Warning", "Unknown", "Critical".
[[nodiscard]] QString attentionLevelLabel(AttentionLevel level);

// One named source of the roll-up.
struct AttentionItem
{
    QString key;           // "health", "breaker", "sla" (stable)
    QString title;         // translated: "System health", "Circuit breaker", "SLA"
    AttentionLevel level = AttentionLevel::Unknown;
    QString summary;       // one translated line
    QString recoveryTitle; // what a recovery notification says ("All services healthy"); empty: a generic line

    [[nodiscard]] bool operator==(const AttentionItem &other) const = default;
};

// The worst current state across the named sources the console watches (System Health, the
// circuit breaker, SLAs), for the tray icon and the notifications. Sources keep the order in which
// they were first set. No sources at all is Unknown: nothing has been verified.
class AttentionRollup final : public QObject
{
    Q_OBJECT

public:
    static inline const QString HealthKey = QStringLiteral("health");
    static inline const QString BreakerKey = QStringLiteral("breaker");
    static inline const QString SlaKey = QStringLiteral("sla");

    explicit AttentionRollup(QObject *parent = nullptr);
    ~AttentionRollup() override;

    // Adds or replaces a source (matched by key). Emits changed() only when something differs.
    void setSource(const AttentionItem &item);
    void removeSource(const QString &key);
    void clear();

    [[nodiscard]] QList<AttentionItem> sources() const { return m_items; }
    [[nodiscard]] std::optional<AttentionItem> source(const QString &key) const;
    [[nodiscard]] AttentionLevel worstLevel() const;
    // Keys of the sources at the worst level (empty when everything is fine or there are none).
    [[nodiscard]] QStringList worstSources() const;
    // "Circuit breaker: TRADING HALTED (TRIPPED) …", one line per source, worst first.
    [[nodiscard]] QStringList summaryLines() const;

    // --- Mapping from the console's models ---------------------------------------------------

    // System Health tiles: unhealthy/unreachable -> Critical, degraded/stale -> Warning,
    // unknown -> Unknown, initialising -> Info, healthy/disabled -> Ok; the worst tile decides.
    // No tiles at all is Unknown.
    [[nodiscard]] static AttentionItem fromHealth(const QList<std::pair<QString, HealthStatus>> &tiles);
    [[nodiscard]] static AttentionItem fromHealth(const HealthModel &model);
    [[nodiscard]] static AttentionLevel levelOf(HealthStatus status);

    // The circuit breaker: TRIPPED (trading halted) -> Critical, UNKNOWN -> Unknown, OPEN -> Ok.
    // An engaged kill switch (positions flattened, trading stopped) is Critical as well.
    [[nodiscard]] static AttentionItem fromBreaker(const BreakerSnapshot &breaker, const QString &problem = {},
                                                   const KillSwitchSnapshot *killSwitch = nullptr);
    [[nodiscard]] static AttentionItem fromBreaker(const BreakerController &controller);

    // SLAs as (name, level) pairs, mapped by whoever owns the SLA model. None is Ok ("No SLAs defined").
    [[nodiscard]] static AttentionItem fromSla(const QList<std::pair<QString, AttentionLevel>> &slas);

    // Keep a source up to date from a live model. For health, pass the monitor as well: the
    // roll-up then takes the tiles once per finished refresh (and on the age-driven changes between
    // refreshes), so a refresh in progress never shows a half-updated mix.
    void watchHealth(HealthModel *model, HealthMonitor *monitor = nullptr);
    void watchBreaker(BreakerController *controller);
    // The four SLA targets: Met → Ok, No data → Info, Breached → Warning, Query failed → Unknown,
    // Page → Critical. While the profile names no Prometheus the SLA source is absent.
    void watchSla(SlaMonitor *monitor);
    [[nodiscard]] static AttentionLevel slaLevel(SlaStatus status);

signals:
    // The worst level, a source's level, title or summary changed, or a source came or went.
    void changed();
    void worstLevelChanged(ops::AttentionLevel level);

private:
    void emitIfChanged(AttentionLevel before);

    QList<AttentionItem> m_items;
};

} // namespace ops

Q_DECLARE_METATYPE(ops::AttentionLevel)
