#pragma once

#include "health/HealthStatus.h"

#include <QAbstractListModel>
#include <QPointer>

namespace ops {

class HealthMonitor;

// One row per tile of the System Health page (services, then Redis, then Postgres), read from
// a HealthMonitor. Display role is the tile's name; the custom roles carry what a tile shows.
class HealthModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        KindRole,          // HealthMonitor::EntryKind as int
        StatusRole,        // HealthStatus as int
        StatusKeyRole,     // "healthy", "stale", ...
        StatusLabelRole,   // translated word
        SummaryRole,       // one line: stale age, message, ...
        ErrorRole,         // last error, empty after success
        ResponseMsRole,    // int, invalid when unknown
        VersionRole,
        LastOperationRole, // QDateTime (UTC), invalid when unknown
        DataAgeRole,       // seconds, -1 without data
        HasDataRole,
    };
    Q_ENUM(Role)

    explicit HealthModel(HealthMonitor *monitor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QPointer<HealthMonitor> m_monitor;
};

} // namespace ops
