#include "config/ConfigDiffModel.h"

namespace ops {

ConfigDiffModel::ConfigDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_before(tr("Old value"))
    , m_after(tr("New value"))
{
}

void ConfigDiffModel::setChanges(const QList<ConfigChange> &changes)
{
    if (changes == m_changes) {
        // Same fields and values; the labels may still differ (a language change).
        bool sameText = true;
        for (qsizetype i = 0; sameText && i < changes.size(); ++i)
            sameText = changes[i].label == m_changes[i].label && changes[i].beforeText == m_changes[i].beforeText
                       && changes[i].afterText == m_changes[i].afterText;
        if (sameText)
            return;
        m_changes = changes;
        if (!m_changes.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_changes.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_changes = changes;
    endResetModel();
}

void ConfigDiffModel::setHeaderLabels(const QString &before, const QString &after)
{
    if (before == m_before && after == m_after)
        return;
    m_before = before;
    m_after = after;
    emit headerDataChanged(Qt::Horizontal, Before, After);
}

int ConfigDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int ConfigDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConfigChange &c = m_changes.at(index.row());
    switch (role) {
    case FieldNameRole:
        return c.field;
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return c.text();
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Field:
            return c.label;
        case Before:
            return c.beforeText;
        case After:
            return c.afterText;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ConfigDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Field:
        return tr("Field");
    case Before:
        return m_before;
    case After:
        return m_after;
    default:
        return {};
    }
}

} // namespace ops
