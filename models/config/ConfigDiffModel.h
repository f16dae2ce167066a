#pragma once

#include "config/ConfigSchema.h"

#include <QAbstractTableModel>

namespace ops {

// A field-by-field diff of two versions of a configuration document, one row per changed field
// (field, old value, new value), for the preview and the conflict dialogs.
class ConfigDiffModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Field, Before, After, ColumnCount };
    enum Role { FieldNameRole = Qt::UserRole + 1 };

    explicit ConfigDiffModel(QObject *parent = nullptr);

    void setChanges(const QList<ConfigChange> &changes);
    [[nodiscard]] const QList<ConfigChange> &changes() const { return m_changes; }
    // The old and new columns' titles, e.g. "Version 3" and "Server now (version 5)".
    void setHeaderLabels(const QString &before, const QString &after);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ConfigChange> m_changes;
    QString m_before;
    QString m_after;
};

} // namespace ops
