#include "health/LatencyChart.h"

#include "common/ChartOverlay.h"

#include "core/TimeText.h"
#include "health/LatencyHistory.h"
#include "health/LatencyPercentiles.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

namespace ops {

namespace {

struct PercentileLook
{
    QColor colour;
    Qt::PenStyle style;
    qreal width;
};

// Told apart by colour and by dash pattern (for colour-blind operators and greyed lines).
const std::array<PercentileLook, 3> Looks{{
    {QColor(0x15, 0x65, 0xc0), Qt::SolidLine, 2.0},
    {QColor(0xe6, 0x51, 0x00), Qt::DashLine, 2.0},
    {QColor(0x6a, 0x1b, 0x9a), Qt::DotLine, 2.5},
}};

const QColor Grey(0x9e, 0x9e, 0x9e);

QString clockTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
}

} // namespace

LatencyChart::LatencyChart(QWidget *parent)
    : QChartView(parent)
    , m_ok(new QLineSeries)
    , m_failed(new QScatterSeries)
    , m_x(new QDateTimeAxis)
    , m_y(new QValueAxis)
    , m_overlay(new QLabel(viewport()))
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_ok->setName(tr("Response time (ms)"));
    m_failed->setName(tr("Failed poll"));
    m_failed->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_failed->setMarkerSize(7);
    m_failed->setColor(QColor(0xc6, 0x28, 0x28));
    m_ok->setUseOpenGL(false);
    chart->addSeries(m_ok);
    chart->addSeries(m_failed);
    m_x->setFormat(QStringLiteral("HH:mm"));
    m_y->setTitleText(tr("ms"));
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_y->setMin(0);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(m_ok), static_cast<QAbstractSeries *>(m_failed)}) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    // The percentile lines wait outside the chart until the percentile mode needs them.
    for (int i = 0; i < int(m_percentiles.size()); ++i) {
        auto *line = new QLineSeries(this);
        line->setName(LatencyPercentiles::label(i));
        line->setPointsVisible(false);
        m_percentiles[std::size_t(i)] = line;
    }
    stylePercentiles(false);
    chart->legend()->setAlignment(Qt::AlignTop);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(240);
    setAccessibleName(tr("Latency chart"));

    m_overlay->setObjectName(QStringLiteral("latencyOverlay"));
    m_overlay->setAccessibleName(tr("Latency chart status"));
    chartoverlay::setUp(m_overlay);
    m_overlay->hide();
}

void LatencyChart::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    QList<QAbstractSeries *> leaving;
    QList<QAbstractSeries *> coming;
    QList<QAbstractSeries *> poll{m_ok, m_failed};
    QList<QAbstractSeries *> percentiles(m_percentiles.begin(), m_percentiles.end());
    if (mode == Mode::Percentiles) {
        leaving = poll;
        coming = percentiles;
    } else {
        leaving = percentiles;
        coming = poll;
    }
    for (QAbstractSeries *s : std::as_const(leaving)) {
        chart()->removeSeries(s);
        s->setParent(this); // removeSeries() hands the series back; keep it owned
    }
    for (QAbstractSeries *s : std::as_const(coming)) {
        chart()->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    if (mode == Mode::PollHistory) {
        setOverlay(Overlay::None, {});
        m_greyed = false;
    }
}

void LatencyChart::setHistory(const QString &title, const LatencyHistory &history)
{
    setMode(Mode::PollHistory);
    QList<QPointF> ok;
    QList<QPointF> failed;
    ok.reserve(history.size());
    double maxMs = 10;
    for (const LatencyHistory::Sample &s : history.samples()) {
        (s.ok ? ok : failed).append(QPointF(double(s.atMs), s.latencyMs));
        maxMs = std::max(maxMs, double(s.latencyMs));
    }
    m_ok->setPointsVisible(ok.size() < 200); // sparse data stays visible as dots
    m_ok->replace(ok);
    m_failed->replace(failed);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 first = history.samples().empty() ? now - 60'000 : history.samples().front().atMs;
    const qint64 last = history.samples().empty() ? now : history.samples().back().atMs;
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(std::min(first, last - 60'000)),
                  QDateTime::fromMSecsSinceEpoch(last + 1000));
    m_x->setFormat(last - first > 2 * 3600'000 ? QStringLiteral("dd HH:mm") : QStringLiteral("HH:mm:ss"));
    m_y->setRange(0, maxMs * 1.15);
    chart()->setTitle(tr("Latency — %1 (%n poll(s))", nullptr, int(history.size())).arg(title));
    setAccessibleDescription(chart()->title());
}

void LatencyChart::setPercentiles(const QString &title, const LatencyPercentiles &percentiles)
{
    setMode(Mode::Percentiles);
    const LatencyPercentiles::State state = percentiles.state();

    // Prometheus gives seconds; the chart speaks ms like the poll history.
    double maxMs = 10;
    qint64 first = percentiles.windowStartUtc().isValid() ? percentiles.windowStartUtc().toMSecsSinceEpoch() : -1;
    qint64 last = percentiles.windowEndUtc().isValid() ? percentiles.windowEndUtc().toMSecsSinceEpoch() : -1;
    for (int i = 0; i < int(m_percentiles.size()); ++i) {
        QList<QPointF> points;
        const QList<PromSample> &samples = percentiles.series(i);
        points.reserve(samples.size());
        for (const PromSample &p : samples) {
            const double ms = p.value * 1000.0;
            points.append(QPointF(double(p.atMs), ms));
            maxMs = std::max(maxMs, ms);
            first = first < 0 ? p.atMs : std::min(first, p.atMs);
            last = std::max(last, p.atMs);
        }
        m_percentiles[std::size_t(i)]->setPointsVisible(points.size() < 3); // a lone point stays visible
        m_percentiles[std::size_t(i)]->replace(points);
    }
    if (last < 0) {
        last = percentiles.clock().nowUtc().toMSecsSinceEpoch();
        first = last - qint64(percentiles.windowSeconds()) * 1000;
    }
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(std::min(first, last - 60'000)), QDateTime::fromMSecsSinceEpoch(last));
    m_x->setFormat(last - first > 2 * 3600'000 ? QStringLiteral("dd HH:mm") : QStringLiteral("HH:mm"));
    m_y->setRange(0, maxMs * 1.15);

    const QString window = timetext::duration(percentiles.windowSeconds());
    chart()->setTitle(tr("Latency percentiles — %1, from Prometheus (last %2)").arg(title, window));

    const bool greyed = state == LatencyPercentiles::State::Failed && percentiles.hasSeries();
    stylePercentiles(greyed);

    switch (state) {
    case LatencyPercentiles::State::Ok:
        setOverlay(Overlay::None, {});
        break;
    case LatencyPercentiles::State::Loading:
        setOverlay(Overlay::Loading, tr("Loading percentiles from Prometheus…"));
        break;
    case LatencyPercentiles::State::NotConfigured:
        setOverlay(Overlay::NotConfigured, tr("Prometheus is not configured for this profile."));
        break;
    case LatencyPercentiles::State::NoData:
        setOverlay(Overlay::NoData, tr("No data\nPrometheus has no request latencies for %1 in the last %2.")
                                        .arg(title, window));
        break;
    case LatencyPercentiles::State::Failed: {
        QString text = tr("⚠ Query failed: %1").arg(percentiles.errorText());
        const QDateTime last = percentiles.lastSuccessUtc();
        if (greyed)
            text += QLatin1Char('\n')
                    + tr("Showing the last answer, from %1 (%2 ago), greyed.")
                          .arg(clockTime(last), timetext::duration(percentiles.ageSeconds()));
        else if (last.isValid())
            text += QLatin1Char('\n')
                    + tr("The last answer, from %1 (%2 ago), had no data.")
                          .arg(clockTime(last), timetext::duration(percentiles.ageSeconds()));
        else
            text += QLatin1Char('\n') + tr("No earlier answer to show.");
        setOverlay(Overlay::Failed, text);
        break;
    }
    }
    setAccessibleDescription(isOverlayShown() ? chart()->title() + QStringLiteral(". ") + m_overlay->text()
                                              : chart()->title());
}

void LatencyChart::stylePercentiles(bool greyed)
{
    m_greyed = greyed;
    for (int i = 0; i < int(m_percentiles.size()); ++i) {
        const PercentileLook &look = Looks[std::size_t(i)];
        QPen pen(greyed ? Grey : look.colour);
        pen.setStyle(look.style);
        pen.setWidthF(greyed ? 1.5 : look.width);
        m_percentiles[std::size_t(i)]->setPen(pen);
    }
}

void LatencyChart::setOverlay(Overlay kind, const QString &text)
{
    m_overlayKind = kind;
    switch (kind) {
    case Overlay::None:
        chartoverlay::hide(m_overlay);
        return;
    case Overlay::Loading:
    case Overlay::NotConfigured:
        chartoverlay::show(m_overlay, chartoverlay::Look::Neutral, text, 10);
        break;
    case Overlay::NoData:
        chartoverlay::show(m_overlay, chartoverlay::Look::NoData, text, 10);
        break;
    case Overlay::Failed:
        chartoverlay::show(m_overlay, chartoverlay::Look::Failed, text, 10);
        break;
    }
    placeOverlay();
}

void LatencyChart::placeOverlay()
{
    chartoverlay::place(m_overlay, viewport()->rect(), 2.0 / 3, 260, 20);
}

void LatencyChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeOverlay();
}

qsizetype LatencyChart::pointCount() const { return m_mode == Mode::PollHistory ? m_ok->count() : 0; }
qsizetype LatencyChart::failureCount() const { return m_mode == Mode::PollHistory ? m_failed->count() : 0; }

qsizetype LatencyChart::percentilePointCount(int index) const
{
    if (m_mode != Mode::Percentiles || index < 0 || index >= int(m_percentiles.size()))
        return 0;
    return m_percentiles[std::size_t(index)]->count();
}

QList<QPointF> LatencyChart::percentilePoints(int index) const
{
    if (m_mode != Mode::Percentiles || index < 0 || index >= int(m_percentiles.size()))
        return {};
    return m_percentiles[std::size_t(index)]->points();
}

QStringList LatencyChart::legendLabels() const
{
    QStringList labels;
    if (!chart()->legend()->isVisible())
        return labels;
    // A marker's own item only turns visible at the legend's next layout pass; what it will show
    // is decided by its series.
    for (QLegendMarker *marker : chart()->legend()->markers())
        if (marker->series() && marker->series()->isVisible())
            labels << marker->label();
    return labels;
}

QString LatencyChart::titleText() const { return chart()->title(); }
QString LatencyChart::overlayText() const { return m_overlay->isHidden() ? QString() : m_overlay->text(); }
bool LatencyChart::isOverlayShown() const { return !m_overlay->isHidden(); }

} // namespace ops
