#pragma once

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace ops {

class LatencyHistory;

// Response-time trend of one tile from the console's own polls: a line for answered polls and
// red crosses where a poll failed (placed at the time it took to fail).
class LatencyChart final : public QChartView
{
    Q_OBJECT

public:
    explicit LatencyChart(QWidget *parent = nullptr);

    void setHistory(const QString &title, const LatencyHistory &history);
    [[nodiscard]] qsizetype pointCount() const;
    [[nodiscard]] qsizetype failureCount() const;

private:
    QLineSeries *m_ok;
    QScatterSeries *m_failed;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
};

} // namespace ops
