#include "profiles/ProfileStore.h"

namespace ops {
namespace {

constexpr auto Group = "profiles";

QString key(const char *k) { return QString::fromLatin1(k); }

} // namespace

ProfileStore::ProfileStore()
    : m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                             QStringLiteral("OpsConsole"), QStringLiteral("ops-console")))
{
}

ProfileStore::ProfileStore(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

QStringList ProfileStore::names() const
{
    m_settings->beginGroup(key(Group));
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    if (!names.contains(key(SandboxProfileName)))
        names.prepend(key(SandboxProfileName));
    return names;
}

std::optional<ConnectionProfile> ProfileStore::load(const QString &name) const
{
    QSettings &s = *m_settings;
    s.beginGroup(key(Group));
    const bool saved = s.childGroups().contains(name);
    s.endGroup();
    if (!saved) {
        if (name == key(SandboxProfileName))
            return builtInSandbox();
        return std::nullopt;
    }

    ConnectionProfile p;
    s.beginGroup(key(Group) + QLatin1Char('/') + name);
    p.name = name;
    p.environment = s.value(key("environment"), name).toString();
    p.colour = s.value(key("colour"), p.colour).toString();
    p.restBaseUrl = QUrl(s.value(key("rest_base_url")).toString());
    p.redisSource = s.value(key("redis_source")).toString();
    p.refreshIntervalSeconds = s.value(key("refresh_interval_seconds"), ConnectionProfile::DefaultRefreshSeconds).toInt();
    p.caBundlePath = s.value(key("ca_bundle")).toString();
    p.publicKeyPinSha256 = s.value(key("public_key_pin_sha256")).toString();
    p.idleLockMinutes = s.value(key("idle_lock_minutes"), p.idleLockMinutes).toInt();
    p.prometheusUrl = QUrl(s.value(key("prometheus_url")).toString().trimmed(), QUrl::StrictMode);
    const int count = s.beginReadArray(key("services"));
    for (int i = 0; i < count; ++i) {
        s.setArrayIndex(i);
        p.services.append({s.value(key("name")).toString(), QUrl(s.value(key("health_url")).toString()),
                           QUrl(s.value(key("readiness_url")).toString())});
    }
    s.endArray();
    s.beginGroup(key("postgres"));
    p.postgres.enabled = s.value(key("enabled"), true).toBool();
    p.postgres.host = s.value(key("host"), p.postgres.host).toString();
    p.postgres.port = s.value(key("port"), p.postgres.port).toInt();
    p.postgres.database = s.value(key("database")).toString();
    p.postgres.user = s.value(key("user")).toString();
    p.postgres.sslMode = s.value(key("sslmode"), p.postgres.sslMode).toString();
    s.endGroup();
    s.endGroup();
    return p;
}

void ProfileStore::save(const ConnectionProfile &p)
{
    QSettings &s = *m_settings;
    s.remove(key(Group) + QLatin1Char('/') + p.name);
    s.beginGroup(key(Group) + QLatin1Char('/') + p.name);
    s.setValue(key("environment"), p.environment);
    s.setValue(key("colour"), p.colour);
    s.setValue(key("rest_base_url"), p.restBaseUrl.toString());
    s.setValue(key("redis_source"), p.redisSource);
    s.setValue(key("refresh_interval_seconds"), p.refreshIntervalSeconds);
    s.setValue(key("ca_bundle"), p.caBundlePath);
    s.setValue(key("public_key_pin_sha256"), p.publicKeyPinSha256);
    s.setValue(key("idle_lock_minutes"), p.idleLockMinutes);
    if (p.prometheusUrl.isEmpty())
        s.remove(key("prometheus_url"));
    else
        s.setValue(key("prometheus_url"), p.prometheusUrl.toString());
    s.beginWriteArray(key("services"), int(p.services.size()));
    for (int i = 0; i < p.services.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(key("name"), p.services[i].name);
        s.setValue(key("health_url"), p.services[i].healthUrl.toString());
        s.setValue(key("readiness_url"), p.services[i].readinessUrl.toString());
    }
    s.endArray();
    s.beginGroup(key("postgres"));
    s.setValue(key("enabled"), p.postgres.enabled);
    s.setValue(key("host"), p.postgres.host);
    s.setValue(key("port"), p.postgres.port);
    s.setValue(key("database"), p.postgres.database);
    s.setValue(key("user"), p.postgres.user);
    s.setValue(key("sslmode"), p.postgres.sslMode);
    s.endGroup();
    s.endGroup();
    s.sync();
}

void ProfileStore::remove(const QString &name)
{
    m_settings->remove(key(Group) + QLatin1Char('/') + name);
    m_settings->sync();
}

ConnectionProfile ProfileStore::builtInSandbox(const QString &host, int firstServicePort, int postgresPort)
{
    struct Def { const char *name; const char *health; const char *ready; };
    // Must match the sandbox's services (sandbox/src, docs/api/openapi.yaml).
    static const Def defs[] = {
        {"orchestrator", "/health", nullptr},
        {"signal_service", "/health", nullptr},
        {"execution_gateway", "/health", nullptr},
        {"market_data_service", "/health", "/health/ready"},
        {"model_registry", "/healthz", nullptr},
        {"reconciler", "/health", nullptr},
        {"risk_manager", "/health", "/ready"},
    };
    ConnectionProfile p;
    p.name = key(SandboxProfileName);
    p.environment = QStringLiteral("sandbox");
    p.colour = QStringLiteral("#1565c0");
    p.restBaseUrl = QUrl(QStringLiteral("http://%1:%2/").arg(host).arg(SandboxApiPort));
    p.prometheusUrl = QUrl(QStringLiteral("http://%1:%2/").arg(host).arg(SandboxPrometheusPort));
    p.redisSource = QStringLiteral("execution_gateway");
    int port = firstServicePort;
    for (const Def &d : defs) {
        const QString base = QStringLiteral("http://%1:%2").arg(host).arg(port++);
        p.services.append({key(d.name), QUrl(base + key(d.health)),
                           d.ready ? QUrl(base + key(d.ready)) : QUrl()});
    }
    p.postgres.host = host;
    p.postgres.port = postgresPort;
    p.postgres.database = QStringLiteral("ops_sandbox");
    p.postgres.user = QStringLiteral("ops_console_ro"); // read-only: SELECT on audit_log and alert_deliveries
    p.postgres.sslMode = QStringLiteral("disable");
    return p;
}

} // namespace ops
