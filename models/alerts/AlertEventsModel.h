#pragma once

#include "alerts/AlertEvent.h"

#include <QAbstractTableModel>

namespace ops {

// Alert events, newest fired first. setEvents() merges row by row, so a periodic refresh keeps
// the view's selection.
class AlertEventsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FiredAt, Severity, Rule, Message, Status, Acknowledged, Note, ColumnCount };
    enum Role { EventIdRole = Qt::UserRole + 1, SeverityRole, StatusRole };

    explicit AlertEventsModel(QObject *parent = nullptr);

    void setEvents(const QList<AlertEvent> &events);
    [[nodiscard]] const QList<AlertEvent> &events() const { return m_events; }
    [[nodiscard]] const AlertEvent *eventAt(int row) const;
    [[nodiscard]] const AlertEvent *eventById(qint64 id) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AlertEvent> m_events;
};

} // namespace ops
