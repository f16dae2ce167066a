#include "health/LatencyChart.h"

#include "health/LatencyHistory.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace ops {

LatencyChart::LatencyChart(QWidget *parent)
    : QChartView(parent)
    , m_ok(new QLineSeries)
    , m_failed(new QScatterSeries)
    , m_x(new QDateTimeAxis)
    , m_y(new QValueAxis)
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
    chart->legend()->setAlignment(Qt::AlignTop);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(240);
    setAccessibleName(tr("Latency chart"));
}

void LatencyChart::setHistory(const QString &title, const LatencyHistory &history)
{
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

qsizetype LatencyChart::pointCount() const { return m_ok->count(); }
qsizetype LatencyChart::failureCount() const { return m_failed->count(); }

} // namespace ops
