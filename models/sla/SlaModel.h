#pragma once

#include "sla/SlaMonitor.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <functional>

namespace ops {

// The four SLA targets as a table: target, current value, objective, status in words, and what
// the status rests on ("updated 12 s ago", "query failed: … (last value 40 s old)", "No data in the
// last 5 minutes"). Colours come from a provider set by the UI (ui/common/StatusStyle through
// slaHealthStatus()), so the model stays free of widgets; the status is never colour alone.
class SlaModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TargetColumn, ValueColumn, ObjectiveColumn, StatusColumn, UpdatedColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // "cb_staleness", ...
        StatusRole,                 // SlaStatus as int (NotConfigured when Prometheus is not configured)
        StatusKeyRole,              // "met", "query_failed", ...
        StatusLabelRole,            // translated word
        HealthStatusRole,           // slaHealthStatus() as int: which StatusStyle to use
        ValueRole,                  // double: the shown value (the last good one after a failure); invalid without one
        ValueTextRole,              // "12.0 s", "3", "—"
        ValueAgeRole,               // seconds since the shown value was measured; -1 without one
        ErrorRole,                  // the failed query's reason; empty otherwise
        SummaryRole,                // the "updated …" line
        ObjectiveRole,              // "≤ 5 s (page > 10 s)"
    };
    Q_ENUM(Role)

    // Returns a QColor in a QVariant (models/ does not link QtGui).
    using ColourProvider = std::function<QVariant(HealthStatus)>;

    explicit SlaModel(SlaMonitor *monitor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Decoration/Foreground colours of the status and value columns; none without a provider.
    void setColourProvider(ColourProvider provider);
    // Re-announces the age-dependent cells (call every second or so while shown).
    void refreshAges();

    [[nodiscard]] SlaStatus status(int row) const;
    [[nodiscard]] QString summary(int row) const;
    [[nodiscard]] SlaMonitor *monitor() const { return m_monitor; }

private:
    QPointer<SlaMonitor> m_monitor;
    ColourProvider m_colours;
};

} // namespace ops
