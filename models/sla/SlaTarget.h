#pragma once

#include "health/HealthStatus.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ops {

// What one SLA target is at the moment. NoData and QueryFailed are different things: NoData =
// Prometheus answered with no series or only NaN (nothing measured in the last 5 minutes);
// QueryFailed = no usable answer at all (network, HTTP, JSON, "status":"error").
enum class SlaStatus {
    Unknown,       // not asked yet
    Met,
    Breached,
    Page,          // breached badly enough to page someone
    NoData,
    QueryFailed,
    NotConfigured, // the profile names no Prometheus
};

// Stable lower-case key ("met", "breached", "page", "no_data", "query_failed", ...).
[[nodiscard]] QString slaStatusKey(SlaStatus status);
// The status in words, translated ("Met", "Breached", "Page", "No data", "Query failed", ...).
[[nodiscard]] QString slaStatusLabel(SlaStatus status);
// The health status whose colour and icon shape (ui/common/StatusStyle) show this SLA status:
// Met → Healthy, Breached → Degraded, Page → Unhealthy, NoData → Stale, QueryFailed →
// Unreachable, Unknown → Initialising, NotConfigured → Disabled.
[[nodiscard]] HealthStatus slaHealthStatus(SlaStatus status);

// One of the four SLA targets of docs/alerts-and-sla.md ("SLA targets").
struct SlaTarget
{
    Q_DECLARE_TR_FUNCTIONS(ops::SlaTarget)

public:
    enum class Id { BreakerStaleness, AlertDeliveryP95, AuditWriteP95, PoisonQueue };
    enum class Unit { Seconds, Count };

    Id id = Id::BreakerStaleness;
    QString key;          // "cb_staleness", "alert_delivery_p95", "audit_write_p95", "poison_queue"
    QString promql;       // the same expression for the instant and the range query
    Unit unit = Unit::Seconds;
    double breachAt = 0;  // a value over this (or at it, when breachInclusive) is Breached
    bool breachInclusive = false;
    double pageAbove = 0; // a value over this is Page; only when hasPage
    bool hasPage = false;

    [[nodiscard]] QString title() const;      // "Breaker staleness", translated
    [[nodiscard]] QString targetText() const; // "≤ 5 s (page > 10 s)", translated
    [[nodiscard]] QString objectiveText() const; // "≤ 5 s" (without the paging level)
    [[nodiscard]] QString levelText(double level) const; // "10 s", "10"
    // Met, Breached or Page for a measured value (±Inf included); NoData for NaN.
    [[nodiscard]] SlaStatus evaluate(double value) const;
    // The value with its unit, in the user's locale: "4.2 s", "350 ms", "3"; "—" for NaN; "∞ s" for
    // +Inf (histogram_quantile when the quantile lies in the +Inf bucket).
    [[nodiscard]] QString formatValue(double value) const;
    [[nodiscard]] QString unitText() const; // "s" or "" (counts)

    // The four targets, in the contract's order.
    [[nodiscard]] static const QList<SlaTarget> &all();
};

} // namespace ops
