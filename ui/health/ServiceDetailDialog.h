#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTabWidget;

namespace ops {

class HealthMonitor;
class LatencyChart;

// Everything known about one tile: summary, components, the last raw answer as pretty JSON,
// the history of its status changes and its latency chart. Follows the monitor live.
class ServiceDetailDialog final : public QDialog
{
    Q_OBJECT

public:
    ServiceDetailDialog(HealthMonitor *monitor, int row, QWidget *parent = nullptr);

    void refresh();
    [[nodiscard]] QString rawText() const;
    [[nodiscard]] int historyRowCount() const;
    [[nodiscard]] int componentRowCount() const;

private:
    QPointer<HealthMonitor> m_monitor;
    int m_row;
    QLabel *m_header;
    QTabWidget *m_tabs;
    QTableWidget *m_components;
    QPlainTextEdit *m_raw;
    QTableWidget *m_history;
    LatencyChart *m_chart;
};

} // namespace ops
