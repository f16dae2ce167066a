#include "health/HealthStatus.h"

#include <algorithm>

namespace ops {

QString healthStatusKey(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Healthy: return QStringLiteral("healthy");
    case HealthStatus::Degraded: return QStringLiteral("degraded");
    case HealthStatus::Unhealthy: return QStringLiteral("unhealthy");
    case HealthStatus::Initialising: return QStringLiteral("initialising");
    case HealthStatus::Stale: return QStringLiteral("stale");
    case HealthStatus::Unreachable: return QStringLiteral("unreachable");
    case HealthStatus::Disabled: return QStringLiteral("disabled");
    case HealthStatus::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString healthStatusLabel(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Healthy: return QCoreApplication::translate("ops::Health", "Healthy");
    case HealthStatus::Degraded: return QCoreApplication::translate("ops::Health", "Degraded");
    case HealthStatus::Unhealthy: return QCoreApplication::translate("ops::Health", "Unhealthy");
    case HealthStatus::Initialising: return QCoreApplication::translate("ops::Health", "Initialising");
    case HealthStatus::Stale: return QCoreApplication::translate("ops::Health", "Stale");
    case HealthStatus::Unreachable: return QCoreApplication::translate("ops::Health", "Unreachable");
    case HealthStatus::Disabled: return QCoreApplication::translate("ops::Health", "Disabled");
    case HealthStatus::Unknown: break;
    }
    return QCoreApplication::translate("ops::Health", "Unknown");
}

HealthStatus healthStatusFromWord(QStringView word, bool *known)
{
    const QString w = word.trimmed().toString().toLower();
    static const QList<std::pair<QStringList, HealthStatus>> table = {
        {{QStringLiteral("healthy"), QStringLiteral("ok"), QStringLiteral("ready"), QStringLiteral("alive"),
          QStringLiteral("up"), QStringLiteral("pass"), QStringLiteral("passing"), QStringLiteral("green")},
         HealthStatus::Healthy},
        {{QStringLiteral("degraded"), QStringLiteral("warn"), QStringLiteral("warning"), QStringLiteral("yellow")},
         HealthStatus::Degraded},
        {{QStringLiteral("unhealthy"), QStringLiteral("unavailable"), QStringLiteral("down"), QStringLiteral("fail"),
          QStringLiteral("failing"), QStringLiteral("failed"), QStringLiteral("error"), QStringLiteral("critical"),
          QStringLiteral("red")},
         HealthStatus::Unhealthy},
        {{QStringLiteral("initialising"), QStringLiteral("initializing"), QStringLiteral("starting")},
         HealthStatus::Initialising},
        {{QStringLiteral("disabled"), QStringLiteral("skipped")}, HealthStatus::Disabled},
    };
    for (const auto &[words, status] : table) {
        if (words.contains(w)) {
            if (known)
                *known = true;
            return status;
        }
    }
    if (known)
        *known = false;
    return HealthStatus::Unknown;
}

int healthSeverity(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Healthy: return 0;
    case HealthStatus::Disabled: return 1;
    case HealthStatus::Initialising: return 2;
    case HealthStatus::Degraded: return 3;
    case HealthStatus::Unknown: return 4;
    case HealthStatus::Stale: return 5;
    case HealthStatus::Unhealthy: return 6;
    case HealthStatus::Unreachable: return 7;
    }
    return 4;
}

HealthStatus worseOf(HealthStatus a, HealthStatus b)
{
    return healthSeverity(b) > healthSeverity(a) ? b : a;
}

HealthStatus rollUp(const QList<HealthStatus> &components)
{
    QList<HealthStatus> counted;
    std::copy_if(components.cbegin(), components.cend(), std::back_inserter(counted),
                 [](HealthStatus s) { return s != HealthStatus::Disabled; });
    if (counted.isEmpty())
        return components.isEmpty() ? HealthStatus::Unknown : HealthStatus::Healthy;
    if (std::all_of(counted.cbegin(), counted.cend(), [](HealthStatus s) { return s == HealthStatus::Healthy; }))
        return HealthStatus::Healthy;
    if (std::any_of(counted.cbegin(), counted.cend(), [](HealthStatus s) { return s == HealthStatus::Unhealthy; }))
        return HealthStatus::Unhealthy;
    return HealthStatus::Degraded;
}

} // namespace ops
