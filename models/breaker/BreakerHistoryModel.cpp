#include "breaker/BreakerHistoryModel.h"

#include "core/TimeText.h"

namespace ops {

namespace {

bool sameEntry(const BreakerHistoryEntry &a, const BreakerHistoryEntry &b)
{
    return a.id == b.id && a.trippedAt == b.trippedAt && a.trippedBy == b.trippedBy && a.reason == b.reason
           && a.details == b.details && a.resetAt == b.resetAt && a.resetBy == b.resetBy
           && a.resetReason == b.resetReason;
}

} // namespace

BreakerHistoryModel::BreakerHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void BreakerHistoryModel::setEntries(const QList<BreakerHistoryEntry> &entries)
{
    bool sameRows = entries.size() == m_entries.size();
    for (qsizetype i = 0; sameRows && i < entries.size(); ++i)
        sameRows = entries[i].id == m_entries[i].id;
    if (!sameRows) {
        beginResetModel();
        m_entries = entries;
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (sameEntry(entries[i], m_entries[i]))
            continue;
        m_entries[i] = entries[i];
        emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
}

int BreakerHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int BreakerHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BreakerHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BreakerHistoryEntry &e = m_entries.at(index.row());
    switch (role) {
    case EntryIdRole:
        return e.id;
    case TrippedAtUtcRole:
        return e.trippedAt;
    case ResetAtUtcRole:
        return e.resetAt;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TrippedAt:
        return timetext::local(e.trippedAt);
    case TrippedBy:
        return e.trippedBy;
    case Reason:
        return role == Qt::DisplayRole ? e.reason.simplified() : e.reason;
    case ResetAt:
        return e.resetAt.isValid() ? timetext::local(e.resetAt) : tr("Still tripped");
    case ResetBy:
        return e.resetBy;
    case ResetReason:
        return role == Qt::DisplayRole ? e.resetReason.simplified() : e.resetReason;
    case Duration:
        if (!e.trippedAt.isValid() || !e.resetAt.isValid())
            return QStringLiteral("—");
        return timetext::duration(e.trippedAt.secsTo(e.resetAt));
    default:
        return {};
    }
}

QVariant BreakerHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TrippedAt:
        return tr("Tripped at");
    case TrippedBy:
        return tr("Tripped by");
    case Reason:
        return tr("Reason");
    case ResetAt:
        return tr("Reset at");
    case ResetBy:
        return tr("Reset by");
    case ResetReason:
        return tr("Reset reason");
    case Duration:
        return tr("Halted for");
    default:
        return {};
    }
}

} // namespace ops
