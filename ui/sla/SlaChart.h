#pragma once

#include "sla/SlaMonitor.h"

#include <QChartView>

class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace ops {

// The last hour of one SLA target from Prometheus: the values as a line, the objective as a
// dashed line (and the paging level as a dotted one). "No data" and "Query failed: <reason>" are
// told apart by a centred overlay in different styles; after a failure the last points stay,
// greyed, and the overlay says how old they are.
class SlaChart final : public QChartView
{
    Q_OBJECT

public:
    enum class Overlay { None, Loading, NoData, Failed };

    explicit SlaChart(const SlaTarget &target, QWidget *parent = nullptr);

    void setReading(const SlaMonitor::Reading &reading, const QDateTime &nowUtc);

    [[nodiscard]] qsizetype pointCount() const;
    [[nodiscard]] QList<QPointF> points() const;
    [[nodiscard]] QList<QPointF> thresholdPoints() const;
    [[nodiscard]] Qt::PenStyle thresholdPenStyle() const;
    [[nodiscard]] Overlay overlay() const { return m_overlayKind; }
    [[nodiscard]] QString overlayText() const;
    [[nodiscard]] bool isOverlayShown() const;
    [[nodiscard]] bool isGreyed() const { return m_greyed; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void setOverlay(Overlay kind, const QString &text);
    void placeOverlay();
    void style(bool greyed);

    SlaTarget m_target;
    QLineSeries *m_values;
    QLineSeries *m_threshold;
    QLineSeries *m_page = nullptr;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QLabel *m_overlay;
    Overlay m_overlayKind = Overlay::None;
    bool m_greyed = false;
};

} // namespace ops
