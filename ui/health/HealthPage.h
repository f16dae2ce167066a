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
class LatencyPercentiles;
class PrometheusClient;
class ServiceTile;

// The System Health page: a tile per service plus Redis and Postgres, the refresh countdown
// with Refresh now (F5) and Pause/Resume (Space), a banner for paused or stale data, and the
// latency trend of the selected tile. Enter or a double click on a tile opens its details.
// With a Prometheus client (the profile names a Prometheus URL), a service's chart shows its
// request-latency P50/P95/P99 from Prometheus, asked again with every health refresh (F5 too);
// Redis, Postgres and profiles without Prometheus keep the console's own poll history.
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

    // Null, or a client without a base URL, = poll history only. Not owned; if the client is
    // deleted first, the chart falls back to the poll history at its next update.
    void setPrometheus(PrometheusClient *client);
    // The percentiles behind the chart; null without Prometheus.
    [[nodiscard]] LatencyPercentiles *percentiles() const { return m_percentiles; }

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
    LatencyPercentiles *m_percentiles = nullptr;
    bool m_updatingChart = false;
    int m_selected = 0;
    int m_columns = 0;
};

} // namespace ops
