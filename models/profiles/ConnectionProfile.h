#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace ops {

struct ServiceEndpoint
{
    QString name;
    QUrl healthUrl;
    QUrl readinessUrl; // optional

    friend bool operator==(const ServiceEndpoint &, const ServiceEndpoint &) = default;
};

// The console checks PostgreSQL itself. The password is never part of a profile: it comes
// from the OS keychain (or, for the throwaway sandbox cluster, is not needed at all).
struct PostgresEndpoint
{
    bool enabled = true;
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database;
    QString user;
    QString sslMode = QStringLiteral("prefer"); // disable | allow | prefer | require | verify-ca | verify-full

    friend bool operator==(const PostgresEndpoint &, const PostgresEndpoint &) = default;
};

// One environment the operator can connect to.
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ops::ConnectionProfile)

public:
    static constexpr int DefaultRefreshSeconds = 10;
    static constexpr int MinimumRefreshSeconds = 2;

    QString name;                    // key, e.g. "sandbox"
    QString environment;             // shown on screen: sandbox, staging, production, ...
    QString colour = QStringLiteral("#2e7d32"); // "#rrggbb"
    QUrl restBaseUrl;
    QList<ServiceEndpoint> services;
    PostgresEndpoint postgres;
    QString redisSource;             // service whose health answer reports Redis; empty = any
    int refreshIntervalSeconds = DefaultRefreshSeconds;
    QString caBundlePath;            // optional PEM file of CAs to trust for https
    QString publicKeyPinSha256;      // optional base64 SHA-256 of the server's public key (SPKI DER)
    int idleLockMinutes = 15;        // 0 = never
    QUrl prometheusUrl;              // optional Prometheus (SLA panel, latency percentiles); empty = none

    [[nodiscard]] bool isProduction() const;

    // The refresh interval to use: AUTO_REFRESH_INTERVAL_SECONDS from the environment when set
    // to a number, else the profile's; never below MinimumRefreshSeconds.
    [[nodiscard]] int effectiveRefreshSeconds() const;

    // Empty when the profile is usable, else what is wrong with it (translated).
    [[nodiscard]] QString validate() const;

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace ops
