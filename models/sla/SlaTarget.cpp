#include "sla/SlaTarget.h"

#include <QLocale>

#include <cmath>

namespace ops {

QString slaStatusKey(SlaStatus status)
{
    switch (status) {
    case SlaStatus::Unknown: return QStringLiteral("unknown");
    case SlaStatus::Met: return QStringLiteral("met");
    case SlaStatus::Breached: return QStringLiteral("breached");
    case SlaStatus::Page: return QStringLiteral("page");
    case SlaStatus::NoData: return QStringLiteral("no_data");
    case SlaStatus::QueryFailed: return QStringLiteral("query_failed");
    case SlaStatus::NotConfigured: return QStringLiteral("not_configured");
    }
    return QStringLiteral("unknown");
}

QString slaStatusLabel(SlaStatus status)
{
    switch (status) {
    case SlaStatus::Unknown: return QCoreApplication::translate("ops::SlaTarget", "Checking…");
    case SlaStatus::Met: return QCoreApplication::translate("ops::SlaTarget", "Met");
    case SlaStatus::Breached: return QCoreApplication::translate("ops::SlaTarget", "Breached");
    case SlaStatus::Page: return QCoreApplication::translate("ops::SlaTarget", "Page");
    case SlaStatus::NoData: return QCoreApplication::translate("ops::SlaTarget", "No data");
    case SlaStatus::QueryFailed: return QCoreApplication::translate("ops::SlaTarget", "Query failed");
    case SlaStatus::NotConfigured: return QCoreApplication::translate("ops::SlaTarget", "Not configured");
    }
    return {};
}

HealthStatus slaHealthStatus(SlaStatus status)
{
    switch (status) {
    case SlaStatus::Unknown: return HealthStatus::Initialising;
    case SlaStatus::Met: return HealthStatus::Healthy;
    case SlaStatus::Breached: return HealthStatus::Degraded;
    case SlaStatus::Page: return HealthStatus::Unhealthy;
    case SlaStatus::NoData: return HealthStatus::Stale;
    case SlaStatus::QueryFailed: return HealthStatus::Unreachable;
    case SlaStatus::NotConfigured: return HealthStatus::Disabled;
    }
    return HealthStatus::Unknown;
}

QString SlaTarget::title() const
{
    switch (id) {
    case Id::BreakerStaleness: return tr("Breaker staleness");
    case Id::AlertDeliveryP95: return tr("Alert delivery P95");
    case Id::AuditWriteP95: return tr("Audit write P95");
    case Id::PoisonQueue: return tr("Poison queue");
    }
    return {};
}

QString SlaTarget::unitText() const
{
    return unit == Unit::Seconds ? tr("s", "unit: seconds") : QString();
}

QString SlaTarget::formatValue(double value) const
{
    if (std::isnan(value))
        return QStringLiteral("—");
    const QLocale locale;
    if (std::isinf(value))
        return unit == Unit::Seconds ? (value > 0 ? tr("∞ s") : tr("−∞ s")) : (value > 0 ? tr("∞") : tr("−∞"));
    if (unit == Unit::Count)
        return locale.toString(qint64(std::llround(value)));
    if (std::abs(value) < 1.0 && value != 0.0)
        return tr("%1 ms").arg(locale.toString(value * 1000.0, 'f', std::abs(value) < 0.01 ? 1 : 0));
    return tr("%1 s").arg(locale.toString(value, 'f', std::abs(value) < 100 ? 1 : 0));
}

QString SlaTarget::levelText(double v) const
{
    const QLocale locale;
    return unit == Unit::Count ? locale.toString(qint64(std::llround(v))) : tr("%1 s").arg(locale.toString(v));
}

QString SlaTarget::objectiveText() const
{
    if (unit == Unit::Count && breachAt == 0 && !breachInclusive)
        return tr("= %1").arg(QLocale().toString(0));
    return breachInclusive ? tr("< %1").arg(levelText(breachAt)) : tr("≤ %1").arg(levelText(breachAt));
}

QString SlaTarget::targetText() const
{
    return hasPage ? tr("%1 (page > %2)").arg(objectiveText(), levelText(pageAbove)) : objectiveText();
}

SlaStatus SlaTarget::evaluate(double value) const
{
    if (std::isnan(value))
        return SlaStatus::NoData;
    if (hasPage && value > pageAbove)
        return SlaStatus::Page;
    const bool breached = breachInclusive ? value >= breachAt : value > breachAt;
    return breached ? SlaStatus::Breached : SlaStatus::Met;
}

const QList<SlaTarget> &SlaTarget::all()
{
    static const QList<SlaTarget> targets = [] {
        QList<SlaTarget> list;
        SlaTarget staleness;
        staleness.id = Id::BreakerStaleness;
        staleness.key = QStringLiteral("cb_staleness");
        staleness.promql = QStringLiteral("max(cb_staleness_seconds)");
        staleness.unit = Unit::Seconds;
        staleness.breachAt = 5;         // Met ≤ 5 s, Breached > 5 s
        staleness.breachInclusive = false;
        staleness.hasPage = true;
        staleness.pageAbove = 10;       // Page > 10 s
        list.append(staleness);

        SlaTarget delivery;
        delivery.id = Id::AlertDeliveryP95;
        delivery.key = QStringLiteral("alert_delivery_p95");
        delivery.promql = QStringLiteral(
            "histogram_quantile(0.95, sum(rate(alert_delivery_latency_seconds_bucket[5m])) by (le))");
        delivery.unit = Unit::Seconds;
        delivery.breachAt = 60;         // Met < 60 s, Breached ≥ 60 s
        delivery.breachInclusive = true;
        list.append(delivery);

        SlaTarget audit;
        audit.id = Id::AuditWriteP95;
        audit.key = QStringLiteral("audit_write_p95");
        audit.promql = QStringLiteral(
            "histogram_quantile(0.95, sum(rate(audit_write_duration_seconds_bucket[5m])) by (le))");
        audit.unit = Unit::Seconds;
        audit.breachAt = 1;             // Met < 1 s, Breached ≥ 1 s
        audit.breachInclusive = true;
        list.append(audit);

        SlaTarget poison;
        poison.id = Id::PoisonQueue;
        poison.key = QStringLiteral("poison_queue");
        poison.promql = QStringLiteral("max(alert_poison_queue_size)");
        poison.unit = Unit::Count;
        poison.breachAt = 0;            // Met 0, Breached ≥ 1 (anything over 0)
        poison.breachInclusive = false;
        poison.hasPage = true;
        poison.pageAbove = 10;          // Page > 10
        list.append(poison);
        return list;
    }();
    return targets;
}

} // namespace ops
