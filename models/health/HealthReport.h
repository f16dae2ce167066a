#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ops {

class HealthMonitor;

// Renders what the dashboard shows as text, for `ops-console --check`.
class HealthReport final
{
    Q_DECLARE_TR_FUNCTIONS(ops::HealthReport)

public:
    // A fixed-width table: tile, status, response time, version, last operation (local time), note.
    [[nodiscard]] static QString table(const HealthMonitor &monitor);
    // JSON: {"environment", "profile", "checked_at" (UTC), "healthy": bool, "services": [...]}
    [[nodiscard]] static QByteArray json(const HealthMonitor &monitor);
    // 0 when every tile is healthy, 1 otherwise.
    [[nodiscard]] static int exitCode(const HealthMonitor &monitor);
};

} // namespace ops
