#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QGridLayout;
class QLabel;
class QToolButton;

namespace ops {

class HealthModel;
class HealthMonitor;
class LatencyChart;
class ServiceTile;

// The System Health page: a tile per service plus Redis and Postgres, the refresh countdown
// with Refresh now (F5) and Pause/Resume (Space), a banner for paused or stale data, and the
// latency trend of the selected tile. Enter or a double click on a tile opens its details.
class HealthPage final : public QWidget
{
    Q_OBJECT

public:
    HealthPage(HealthMonitor *monitor, QWidget *parent = nullptr);

    [[nodiscard]] QAction *refreshAction() const { return m_refresh; }
    [[nodiscard]] QAction *pauseAction() const { return m_pause; }
    [[nodiscard]] ServiceTile *tile(int row) const { return m_tiles.value(row); }
    [[nodiscard]] ServiceTile *tile(const QString &name) const;
    [[nodiscard]] int tileCount() const { return int(m_tiles.size()); }
    [[nodiscard]] QString countdownText() const;
    [[nodiscard]] QString bannerText() const;
    [[nodiscard]] bool isBannerShown() const;
    [[nodiscard]] int selectedRow() const { return m_selected; }
    [[nodiscard]] LatencyChart *chart() const { return m_chart; }

    void openDetails(int row);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void layoutTiles();
    void select(int row);
    void updateCountdown();
    void updateBanner();
    void updateChart();

    HealthMonitor *m_monitor;
    HealthModel *m_model;
    QAction *m_refresh;
    QAction *m_pause;
    QLabel *m_countdown;
    QLabel *m_banner;
    QGridLayout *m_grid;
    QList<ServiceTile *> m_tiles;
    LatencyChart *m_chart;
    int m_selected = 0;
    int m_columns = 0;
};

} // namespace ops
