#include "sla/SlaModel.h"

#include "core/TimeText.h"

#include <QCoreApplication>

namespace ops {

SlaModel::SlaModel(SlaMonitor *monitor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_monitor(monitor)
{
    connect(monitor, &SlaMonitor::changed, this, [this](int row) {
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    connect(monitor, &SlaMonitor::configurationChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int SlaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_monitor ? 0 : m_monitor->count();
}

int SlaModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

SlaStatus SlaModel::status(int row) const
{
    if (!m_monitor->isConfigured())
        return SlaStatus::NotConfigured;
    return m_monitor->reading(row).status;
}

QString SlaModel::summary(int row) const
{
    const SlaMonitor::Reading &r = m_monitor->reading(row);
    const qint64 age = m_monitor->valueAgeSeconds(row);
    switch (status(row)) {
    case SlaStatus::NotConfigured:
        return tr("Prometheus not configured for this profile");
    case SlaStatus::Unknown:
        return tr("Waiting for Prometheus…");
    case SlaStatus::NoData:
        return tr("No data in the last 5 minutes");
    case SlaStatus::QueryFailed:
        return r.hasValue ? tr("query failed: %1 (last value %2 old)").arg(r.error, timetext::duration(age))
                          : tr("query failed: %1 (no earlier value)").arg(r.error);
    case SlaStatus::Met:
    case SlaStatus::Breached:
    case SlaStatus::Page:
        return tr("updated %1 ago").arg(timetext::duration(age));
    }
    return {};
}

QVariant SlaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_monitor)
        return {};
    const int row = index.row();
    const SlaTarget &target = m_monitor->targets().at(row);
    const SlaMonitor::Reading &r = m_monitor->reading(row);
    const SlaStatus st = status(row);
    // The last good value is shown after a failure (with its age); not for No data.
    const bool showValue = r.hasValue && st != SlaStatus::NoData && st != SlaStatus::NotConfigured;
    const QString valueText = showValue ? target.formatValue(r.value) : QStringLiteral("—");

    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case TargetColumn: return target.title();
        case ValueColumn: return valueText;
        case ObjectiveColumn: return target.targetText();
        case StatusColumn: return slaStatusLabel(st);
        case UpdatedColumn: return summary(row);
        default: return {};
        }
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return tr("%1: %2, %3 (target %4); %5")
            .arg(target.title(), slaStatusLabel(st), valueText, target.targetText(), summary(row));
    case Qt::DecorationRole:
    case Qt::ForegroundRole:
        if (m_colours && (index.column() == StatusColumn || (role == Qt::ForegroundRole && index.column() == ValueColumn)))
            return m_colours(slaHealthStatus(st));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case KeyRole: return target.key;
    case StatusRole: return int(st);
    case StatusKeyRole: return slaStatusKey(st);
    case StatusLabelRole: return slaStatusLabel(st);
    case HealthStatusRole: return int(slaHealthStatus(st));
    case ValueRole: return showValue ? QVariant(r.value) : QVariant();
    case ValueTextRole: return valueText;
    case ValueAgeRole: return showValue ? m_monitor->valueAgeSeconds(row) : qint64(-1);
    case ErrorRole: return st == SlaStatus::QueryFailed ? r.error : QString();
    case SummaryRole: return summary(row);
    case ObjectiveRole: return target.targetText();
    default: return {};
    }
}

QVariant SlaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TargetColumn: return tr("Target");
    case ValueColumn: return tr("Current value");
    case ObjectiveColumn: return tr("Objective");
    case StatusColumn: return tr("Status");
    case UpdatedColumn: return tr("Updated");
    default: return {};
    }
}

QHash<int, QByteArray> SlaModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{KeyRole, "key"},
                  {StatusRole, "status"},
                  {StatusKeyRole, "statusKey"},
                  {StatusLabelRole, "statusLabel"},
                  {HealthStatusRole, "healthStatus"},
                  {ValueRole, "value"},
                  {ValueTextRole, "valueText"},
                  {ValueAgeRole, "valueAge"},
                  {ErrorRole, "error"},
                  {SummaryRole, "summary"},
                  {ObjectiveRole, "objective"}});
    return names;
}

void SlaModel::setColourProvider(ColourProvider provider)
{
    m_colours = std::move(provider);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DecorationRole, Qt::ForegroundRole});
}

void SlaModel::refreshAges()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, ValueColumn), index(rowCount() - 1, UpdatedColumn),
                         {Qt::DisplayRole, Qt::AccessibleTextRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole,
                          ValueAgeRole, SummaryRole});
}

} // namespace ops
