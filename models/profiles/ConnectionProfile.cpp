#include "profiles/ConnectionProfile.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace ops {

bool ConnectionProfile::isProduction() const
{
    const QString env = environment.trimmed().toLower();
    return env == QLatin1String("production") || env == QLatin1String("prod") || env.startsWith(QLatin1String("prod-"));
}

int ConnectionProfile::effectiveRefreshSeconds() const
{
    int seconds = refreshIntervalSeconds;
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("AUTO_REFRESH_INTERVAL_SECONDS", &ok);
    if (ok && fromEnv > 0)
        seconds = fromEnv;
    return std::max(MinimumRefreshSeconds, seconds);
}

QString ConnectionProfile::validate() const
{
    if (name.trimmed().isEmpty())
        return tr("The profile has no name.");
    if (services.isEmpty())
        return tr("The profile lists no services.");
    QSet<QString> seen;
    for (const ServiceEndpoint &s : services) {
        if (s.name.trimmed().isEmpty())
            return tr("A service has no name.");
        if (seen.contains(s.name))
            return tr("The service \"%1\" is listed twice.").arg(s.name);
        seen.insert(s.name);
        const QString scheme = s.healthUrl.scheme();
        if (!s.healthUrl.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return tr("The health URL of \"%1\" is not an http(s) URL.").arg(s.name);
    }
    if (!prometheusUrl.isEmpty()) {
        const QString scheme = prometheusUrl.scheme();
        if (!prometheusUrl.isValid() || prometheusUrl.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return tr("The Prometheus URL is not an http(s) URL.");
    }
    return {};
}

} // namespace ops
