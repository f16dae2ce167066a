#pragma once

#include <QChartView>
#include <QStringList>

#include <array>

class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace ops {

class LatencyHistory;
class LatencyPercentiles;

// The latency trend of one tile, in one of two modes:
// - poll history: the response times of the console's own polls, a line for answered polls and
//   red crosses where a poll failed (placed at the time it took to fail);
// - percentiles: P50, P95 and P99 of the service's request latency from Prometheus, one line
//   each with a legend. "No data" and "Query failed: <reason>" are told apart by a centred
//   overlay in different styles; after a failure the last series stay, greyed, with their age.
class LatencyChart final : public QChartView
{
    Q_OBJECT

public:
    enum class Mode { PollHistory, Percentiles };
    enum class Overlay { None, Loading, NoData, Failed, NotConfigured };

    explicit LatencyChart(QWidget *parent = nullptr);

    void setHistory(const QString &title, const LatencyHistory &history);
    void setPercentiles(const QString &title, const LatencyPercentiles &percentiles);

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] qsizetype pointCount() const;
    [[nodiscard]] qsizetype failureCount() const;
    // Points of one percentile line (0 = P50, 1 = P95, 2 = P99) in ms.
    [[nodiscard]] qsizetype percentilePointCount(int index) const;
    [[nodiscard]] QList<QPointF> percentilePoints(int index) const;
    // The names of the series in the visible legend, in order.
    [[nodiscard]] QStringList legendLabels() const;
    [[nodiscard]] QString titleText() const;
    [[nodiscard]] Overlay overlay() const { return m_overlayKind; }
    [[nodiscard]] QString overlayText() const;
    [[nodiscard]] bool isOverlayShown() const;
    // True while failed percentiles are drawn greyed (the last answer, kept with its age).
    [[nodiscard]] bool isGreyed() const { return m_greyed; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void setMode(Mode mode);
    void setOverlay(Overlay kind, const QString &text);
    void placeOverlay();
    void stylePercentiles(bool greyed);

    Mode m_mode = Mode::PollHistory;
    QLineSeries *m_ok;
    QScatterSeries *m_failed;
    std::array<QLineSeries *, 3> m_percentiles{};
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QLabel *m_overlay;
    Overlay m_overlayKind = Overlay::None;
    bool m_greyed = false;
};

} // namespace ops
