#include "sla/SlaChart.h"

#include "common/ChartOverlay.h"

#include "core/TimeText.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QValueAxis>

#include <cmath>

namespace ops {

namespace {

const QColor ValueColour(0x15, 0x65, 0xc0);
const QColor ThresholdColour(0x8f, 0x55, 0x00);
const QColor PageColour(0xc6, 0x28, 0x28);
const QColor Grey(0x9e, 0x9e, 0x9e);

QString clockTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
}

} // namespace

SlaChart::SlaChart(const SlaTarget &target, QWidget *parent)
    : QChartView(parent)
    , m_target(target)
    , m_values(new QLineSeries)
    , m_threshold(new QLineSeries)
    , m_x(new QDateTimeAxis)
    , m_y(new QValueAxis)
    , m_overlay(new QLabel(viewport()))
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    const QString unit = target.unitText();
    m_values->setName(target.title());
    m_threshold->setName(tr("Target %1").arg(target.objectiveText()));
    chart->addSeries(m_values);
    chart->addSeries(m_threshold);
    if (target.hasPage) {
        m_page = new QLineSeries;
        m_page->setName(tr("Page above %1").arg(target.levelText(target.pageAbove)));
        chart->addSeries(m_page);
    }
    m_x->setFormat(QStringLiteral("HH:mm"));
    m_x->setTickCount(5);
    m_y->setTitleText(unit);
    m_y->setMin(0);
    m_y->setLabelFormat(target.unit == SlaTarget::Unit::Count ? QStringLiteral("%.0f") : QStringLiteral("%.2g"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont small = chart->legend()->font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
    chart->legend()->setFont(small);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    setAccessibleName(tr("%1, last hour").arg(target.title()));
    viewport()->setAccessibleName(accessibleName());
    // Read-only: the keyboard stops at the card, whose description carries the same facts.
    setFocusPolicy(Qt::NoFocus);
    viewport()->setFocusPolicy(Qt::NoFocus);
    style(false);

    m_overlay->setObjectName(QStringLiteral("slaChartOverlay"));
    m_overlay->setAccessibleName(tr("%1 chart status").arg(target.title()));
    chartoverlay::setUp(m_overlay);
    setOverlay(Overlay::Loading, tr("Loading the last hour from Prometheus…"));
}

void SlaChart::style(bool greyed)
{
    m_greyed = greyed;
    QPen values(greyed ? Grey : ValueColour);
    values.setWidthF(greyed ? 1.5 : 2.0);
    m_values->setPen(values);
    QPen threshold(ThresholdColour);
    threshold.setStyle(Qt::DashLine);
    threshold.setWidthF(1.5);
    m_threshold->setPen(threshold);
    if (m_page) {
        QPen page(PageColour);
        page.setStyle(Qt::DotLine);
        page.setWidthF(1.5);
        m_page->setPen(page);
    }
}

void SlaChart::setReading(const SlaMonitor::Reading &reading, const QDateTime &nowUtc)
{
    QList<QPointF> points;
    points.reserve(reading.history.size());
    double maxValue = 0;
    for (const QPointF &p : reading.history) {
        if (!std::isfinite(p.y()))
            continue; // +Inf (quantile in the +Inf bucket) cannot be drawn; the card shows it
        points.append(p);
        maxValue = std::max(maxValue, p.y());
    }
    m_values->setPointsVisible(points.size() < 3);
    m_values->replace(points);

    QDateTime to = reading.historyTo.isValid() ? reading.historyTo : nowUtc;
    QDateTime from = reading.historyFrom.isValid() ? reading.historyFrom : to.addSecs(-SlaMonitor::RangeSeconds);
    const double x0 = double(from.toMSecsSinceEpoch());
    const double x1 = double(to.toMSecsSinceEpoch());
    m_threshold->replace({QPointF(x0, m_target.breachAt), QPointF(x1, m_target.breachAt)});
    double top = std::max(maxValue, m_target.breachAt);
    if (m_page) {
        m_page->replace({QPointF(x0, m_target.pageAbove), QPointF(x1, m_target.pageAbove)});
        top = std::max(top, m_target.pageAbove);
    }
    if (top <= 0)
        top = 1;
    m_x->setRange(from.toLocalTime(), to.toLocalTime());
    m_y->setRange(0, top * 1.15);
    chart()->setTitle(QString());

    const bool greyed = reading.historyStatus == SlaStatus::QueryFailed && !points.isEmpty();
    style(greyed);
    switch (reading.historyStatus) {
    case SlaStatus::Met:
    case SlaStatus::Breached:
    case SlaStatus::Page:
        if (points.isEmpty())
            setOverlay(Overlay::NoData, tr("No data in the last hour"));
        else
            setOverlay(Overlay::None, {});
        break;
    case SlaStatus::NoData:
        setOverlay(Overlay::NoData, tr("No data in the last hour"));
        break;
    case SlaStatus::QueryFailed: {
        QString text = tr("⚠ Query failed: %1").arg(reading.historyError);
        if (greyed && reading.historyAt.isValid())
            text += QLatin1Char('\n')
                    + tr("Showing the hour as of %1 (%2 ago), greyed.")
                          .arg(clockTime(reading.historyAt),
                               timetext::duration(reading.historyAt.secsTo(nowUtc)));
        else
            text += QLatin1Char('\n') + tr("No earlier answer to show.");
        setOverlay(Overlay::Failed, text);
        break;
    }
    case SlaStatus::Unknown:
    case SlaStatus::NotConfigured:
        setOverlay(Overlay::Loading, tr("Loading the last hour from Prometheus…"));
        break;
    }
    setAccessibleDescription(isOverlayShown()
                                 ? m_overlay->text()
                                 : tr("%n point(s) over the last hour; highest %1", nullptr, int(points.size()))
                                       .arg(m_target.formatValue(maxValue)));
}

void SlaChart::setOverlay(Overlay kind, const QString &text)
{
    m_overlayKind = kind;
    switch (kind) {
    case Overlay::None:
        chartoverlay::hide(m_overlay);
        return;
    case Overlay::Loading:
        chartoverlay::show(m_overlay, chartoverlay::Look::Neutral, text, 8);
        break;
    case Overlay::NoData:
        chartoverlay::show(m_overlay, chartoverlay::Look::NoData, text, 8);
        break;
    case Overlay::Failed:
        chartoverlay::show(m_overlay, chartoverlay::Look::Failed, text, 8);
        break;
    }
    placeOverlay();
}

void SlaChart::placeOverlay()
{
    chartoverlay::place(m_overlay, viewport()->rect(), 3.0 / 4, 200, 10);
}

void SlaChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeOverlay();
}

qsizetype SlaChart::pointCount() const { return m_values->count(); }
QList<QPointF> SlaChart::points() const { return m_values->points(); }
QList<QPointF> SlaChart::thresholdPoints() const { return m_threshold->points(); }
Qt::PenStyle SlaChart::thresholdPenStyle() const { return m_threshold->pen().style(); }
QString SlaChart::overlayText() const { return m_overlay->isHidden() ? QString() : m_overlay->text(); }
bool SlaChart::isOverlayShown() const { return !m_overlay->isHidden(); }

} // namespace ops
