#include "health/HealthModel.h"

#include "health/HealthMonitor.h"

namespace ops {

HealthModel::HealthModel(HealthMonitor *monitor, QObject *parent)
    : QAbstractListModel(parent)
    , m_monitor(monitor)
{
    Q_ASSERT(monitor);
    connect(monitor, &HealthMonitor::entryChanged, this, [this](int row) {
        const QModelIndex idx = index(row);
        if (idx.isValid())
            emit dataChanged(idx, idx);
    });
    connect(monitor, &QObject::destroyed, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int HealthModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_monitor)
        return 0;
    return m_monitor->entryCount();
}

QVariant HealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_monitor)
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
    case NameRole:
        return m_monitor->entryName(row);
    case KindRole:
        return int(m_monitor->entryKind(row));
    default:
        break;
    }

    const HealthView v = m_monitor->view(row);
    switch (role) {
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return v.error.isEmpty() ? QStringLiteral("%1: %2").arg(healthStatusLabel(v.status), v.summary)
                                 : QStringLiteral("%1: %2 (%3)").arg(healthStatusLabel(v.status), v.summary, v.error);
    case StatusRole:
        return int(v.status);
    case StatusKeyRole:
        return healthStatusKey(v.status);
    case StatusLabelRole:
        return healthStatusLabel(v.status);
    case SummaryRole:
        return v.summary;
    case ErrorRole:
        return v.error;
    case ResponseMsRole:
        return v.responseMs ? QVariant(*v.responseMs) : QVariant();
    case VersionRole:
        return v.reading.version;
    case LastOperationRole:
        return v.reading.lastOperationAt;
    case DataAgeRole:
        return v.dataAgeSeconds;
    case HasDataRole:
        return v.hasData;
    default:
        return {};
    }
}

QHash<int, QByteArray> HealthModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{NameRole, "name"},           {KindRole, "kind"},         {StatusRole, "status"},
                  {StatusKeyRole, "statusKey"}, {StatusLabelRole, "statusLabel"}, {SummaryRole, "summary"},
                  {ErrorRole, "error"},         {ResponseMsRole, "responseMs"}, {VersionRole, "version"},
                  {LastOperationRole, "lastOperation"}, {DataAgeRole, "dataAge"}, {HasDataRole, "hasData"}});
    return names;
}

} // namespace ops
