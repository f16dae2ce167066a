#pragma once

#include "breaker/BreakerState.h"

#include <QAbstractTableModel>

namespace ops {

// The breaker's trips, newest first, one row each, with how each ended (or "still tripped").
// Refreshing with the same entries emits nothing, so a selection survives the 5 s refresh.
class BreakerHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TrippedAt, TrippedBy, Reason, ResetAt, ResetBy, ResetReason, Duration, ColumnCount };
    enum Role { EntryIdRole = Qt::UserRole + 1, TrippedAtUtcRole, ResetAtUtcRole };

    explicit BreakerHistoryModel(QObject *parent = nullptr);

    void setEntries(const QList<BreakerHistoryEntry> &entries);
    [[nodiscard]] const QList<BreakerHistoryEntry> &entries() const { return m_entries; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<BreakerHistoryEntry> m_entries;
};

} // namespace ops
