#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace ops {

// What a tile or a component shows. The first four come from a service's own answer;
// Stale and Unreachable are the console's verdict when it could not get a fresh answer;
// Disabled is only ever a component status and never counts as a failure.
enum class HealthStatus {
    Unknown,
    Healthy,
    Degraded,
    Unhealthy,
    Initialising,
    Stale,
    Unreachable,
    Disabled,
};

// Stable lower-case key used in JSON output and logs ("healthy", "stale", ...).
[[nodiscard]] QString healthStatusKey(HealthStatus status);

// Operator-facing word, translated ("Healthy", "Stale", ...).
[[nodiscard]] QString healthStatusLabel(HealthStatus status);

// Maps a status word from any platform to a status, case-insensitively and ignoring
// surrounding white space: healthy/ok/ready/alive/up/pass/passing -> Healthy;
// degraded/warn/warning -> Degraded; unhealthy/unavailable/down/fail/failing/error/critical
// -> Unhealthy; initialising/initializing/starting -> Initialising; disabled/skipped -> Disabled.
// Anything else -> Unknown, and *known is set to false when given.
[[nodiscard]] HealthStatus healthStatusFromWord(QStringView word, bool *known = nullptr);

// Ordering for "worst of": Healthy < Disabled < Initialising < Degraded < Unknown < Stale <
// Unhealthy < Unreachable. Used for roll-ups, the banner and the process exit code.
[[nodiscard]] int healthSeverity(HealthStatus status);

[[nodiscard]] HealthStatus worseOf(HealthStatus a, HealthStatus b);

// Roll-up of component statuses: none -> Unknown, all healthy (ignoring Disabled) -> Healthy,
// any Unhealthy -> Unhealthy, else Degraded.
[[nodiscard]] HealthStatus rollUp(const QList<HealthStatus> &components);

} // namespace ops
