#pragma once

#include "health/HealthStatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ops {

// One component inside a service's health answer (e.g. "redis", "postgres", "broker").
struct HealthComponent
{
    QString name;
    HealthStatus status = HealthStatus::Unknown;
    std::optional<double> latencyMs;
    QString message;       // message or error text, if any
    QJsonObject details;   // everything else the component carried

    friend bool operator==(const HealthComponent &, const HealthComponent &) = default;
};

// What one successful health answer said, normalised across platforms.
struct HealthReading
{
    HealthStatus status = HealthStatus::Unknown;
    QString service;             // as the service named itself, may be empty
    QString version;             // may be empty
    QDateTime timestamp;         // server's timestamp in UTC, invalid when absent
    QDateTime lastOperationAt;   // UTC; first present of the last_*_at fields, else timestamp
    QString lastOperationField;  // which field lastOperationAt came from
    QList<HealthComponent> components;
    QJsonObject flags;           // boolean service flags: database_connected, redis_connected, dry_run, ...
    QString message;             // human-readable note: initialising detail, unknown status word, ...
    QByteArray prettyBody;       // the raw body, pretty-printed when JSON; bounded in size

    [[nodiscard]] const HealthComponent *component(QStringView name) const;
};

} // namespace ops
