// chart: 10 series × 8,640 points updated the way the app updates its latency chart (QtCharts,
// QLineSeries::replace with a prepared QList<QPointF>, OpenGL off, antialiasing on), raw and thinned
// to the plot's pixel width; plus the app's own LatencyChart with an 8,640-sample history.
#include "BenchCommon.h"
#include "BenchCommands.h"

#include "core/StallMonitor.h"
#include "health/ChartDownsampler.h"
#include "health/LatencyChart.h"
#include "health/LatencyHistory.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>
#include <QValueAxis>

#include <cmath>

namespace opsbench {

namespace {

// Times every paint of a widget: re-sends the paint event to it once from inside the filter.
class PaintTimer final : public QObject
{
public:
    explicit PaintTimer(QWidget *widget)
        : m_widget(widget)
    {
        widget->installEventFilter(this);
    }
    QList<double> paints;
    QList<double> paintsCpu;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_inside || watched != m_widget || event->type() != QEvent::Paint)
            return false;
        QElapsedTimer t;
        t.start();
        const double cpu = threadCpuMs();
        m_inside = true;
        QCoreApplication::sendEvent(m_widget, event);
        m_inside = false;
        paints.append(double(t.nsecsElapsed()) / 1e6);
        paintsCpu.append(threadCpuMs() - cpu);
        return true;
    }

private:
    QWidget *m_widget;
    bool m_inside = false;
};

struct Phase
{
    QString name;
    qsizetype pointsPerSeries = 0; // handed to replace()
    QList<double> updates;         // ms per update (all series replaced)
    QList<double> paints;          // ms per viewport paint
    QList<double> updatesCpu;      // GUI-thread CPU ms per update
    QList<double> paintsCpu;       // GUI-thread CPU ms per paint
    double firstLoadMs = 0;        // first replace + first paint
    double maxStallMs = 0;         // longest heartbeat wait of the StallMonitor during the updates
    double maxStallCpuMs = -1;     // GUI-thread CPU time inside it
    double idleStallMs = 0;        // the same, with the GUI thread idle for as long (the machine's floor)
};

// The reference for stalls: the GUI thread idle for as long as the updates took.
double idleStall(ops::StallMonitor &stalls, int ms)
{
    stalls.reset();
    spin(ms);
    return stalls.maxDelayMs();
}

QList<QPointF> makeSeries(int index, int points, qint64 startMs, qint64 stepMs, QRandomGenerator &rng)
{
    QList<QPointF> list;
    list.reserve(points);
    double level = 20 + 8 * index;
    for (int i = 0; i < points; ++i) {
        level = std::max(2.0, level + rng.bounded(2.0) - 1.0);
        double y = level + rng.bounded(4.0);
        if (rng.bounded(500) == 0)
            y += 300 + rng.bounded(500.0); // a spike
        list.append(QPointF(double(startMs + qint64(i) * stepMs), y));
    }
    return list;
}

// The chart set up as ui/health/LatencyChart does it.
QChart *appLikeChart(int series, QList<QLineSeries *> &lines, QDateTimeAxis *&x, QValueAxis *&y)
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    x = new QDateTimeAxis;
    y = new QValueAxis;
    x->setFormat(QStringLiteral("HH:mm"));
    y->setTitleText(QStringLiteral("ms"));
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (int i = 0; i < series; ++i) {
        auto *line = new QLineSeries;
        line->setName(QStringLiteral("service %1").arg(i + 1));
        line->setUseOpenGL(false);
        line->setPointsVisible(false);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        lines.append(line);
    }
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

Phase runSeriesPhase(const QString &name, int pxPerColumn, int series, int points, int updates, int periodMs,
                     ops::StallMonitor &stalls)
{
    Phase phase;
    phase.name = name;
    QList<QLineSeries *> lines;
    QDateTimeAxis *x = nullptr;
    QValueAxis *y = nullptr;
    QChartView view(appLikeChart(series, lines, x, y));
    PaintTimer timed(view.viewport());
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(1200, 480);
    view.show();
    waitUntil([&] { return !timed.paints.isEmpty(); }, 10000);
    spin(200);

    const qint64 stepMs = 10'000; // 8,640 points = one day at a 10 s refresh
    qint64 startMs = QDateTime::currentMSecsSinceEpoch() - qint64(points) * stepMs;
    QRandomGenerator rng(42);
    QList<QList<QPointF>> data;
    for (int i = 0; i < series; ++i)
        data.append(makeSeries(i, points, startMs, stepMs, rng));

    auto apply = [&] {
        QElapsedTimer t;
        t.start();
        const double xMin = data.first().first().x();
        const double xMax = data.first().last().x();
        double yMax = 10;
        const int columns = std::max(1, int(view.chart()->plotArea().width()) / std::max(1, pxPerColumn));
        for (int i = 0; i < series; ++i) {
            for (const QPointF &p : std::as_const(data[i]))
                yMax = std::max(yMax, p.y());
            if (pxPerColumn > 0) {
                const QList<QPointF> thinned = ops::ChartDownsampler::minMaxPerColumn(data[i], xMin, xMax, columns);
                phase.pointsPerSeries = thinned.size();
                lines[i]->replace(thinned);
            } else {
                phase.pointsPerSeries = data[i].size();
                lines[i]->replace(data[i]);
            }
        }
        x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xMin)), QDateTime::fromMSecsSinceEpoch(qint64(xMax)));
        y->setRange(0, yMax * 1.15);
        return double(t.nsecsElapsed()) / 1e6;
    };

    // First load: empty series to full, then its paint.
    timed.paints.clear();
    QElapsedTimer first;
    first.start();
    apply();
    view.viewport()->repaint();
    phase.firstLoadMs = double(first.nsecsElapsed()) / 1e6;
    spin(300);

    // Steady updates: one new point per series per update (the window slides), on a timer, so that
    // each update and each paint is its own turn of the event loop, as in the app.
    timed.paints.clear();
    timed.paintsCpu.clear();
    stalls.reset();
    int done = 0;
    QTimer timer;
    timer.setInterval(periodMs);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        startMs += stepMs;
        for (int i = 0; i < series; ++i) {
            data[i].removeFirst();
            const double last = data[i].last().y();
            data[i].append(QPointF(double(startMs + qint64(points - 1) * stepMs),
                                   std::max(2.0, last + rng.bounded(2.0) - 1.0)));
        }
        const double cpu = threadCpuMs();
        phase.updates.append(apply());
        phase.updatesCpu.append(threadCpuMs() - cpu);
        ++done;
    });
    timer.start();
    waitUntil([&] { return done >= updates; }, updates * periodMs * 20 + 10000);
    timer.stop();
    spin(std::max(300, periodMs));
    phase.maxStallMs = stalls.maxDelayMs();
    phase.maxStallCpuMs = stalls.cpuMsOfMaxDelay();
    phase.paints = timed.paints;
    phase.paintsCpu = timed.paintsCpu;
    phase.idleStallMs = idleStall(stalls, updates * periodMs + 300);
    return phase;
}

Phase runLatencyChartPhase(int points, int updates, int periodMs, ops::StallMonitor &stalls)
{
    Phase phase;
    phase.name = QStringLiteral("app LatencyChart::setHistory, 1 series");
    ops::LatencyChart chart;
    PaintTimer timed(chart.viewport());
    chart.resize(1200, 480);
    chart.show();
    spin(300);
    const qint64 stepMs = 10'000;
    ops::LatencyHistory history(points, qint64(points + 10) * stepMs);
    QRandomGenerator rng(7);
    QDateTime at = QDateTime::currentDateTimeUtc().addMSecs(-qint64(points) * stepMs);
    double level = 40;
    auto add = [&] {
        level = std::max(2.0, level + rng.bounded(2.0) - 1.0);
        const bool ok = rng.bounded(50) != 0;
        history.append(at, level + rng.bounded(4.0) + (rng.bounded(500) == 0 ? 400 : 0), ok);
        at = at.addMSecs(stepMs);
    };
    for (int i = 0; i < points; ++i)
        add();
    QElapsedTimer first;
    first.start();
    chart.setHistory(QStringLiteral("svc"), history);
    chart.viewport()->repaint();
    phase.firstLoadMs = double(first.nsecsElapsed()) / 1e6;
    phase.pointsPerSeries = chart.pointCount();
    spin(300);
    timed.paints.clear();
    timed.paintsCpu.clear();
    stalls.reset();
    int done = 0;
    QTimer timer;
    timer.setInterval(periodMs);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        add();
        QElapsedTimer t;
        t.start();
        const double cpu = threadCpuMs();
        chart.setHistory(QStringLiteral("svc"), history);
        phase.updates.append(double(t.nsecsElapsed()) / 1e6);
        phase.updatesCpu.append(threadCpuMs() - cpu);
        ++done;
    });
    timer.start();
    waitUntil([&] { return done >= updates; }, updates * periodMs * 20 + 10000);
    timer.stop();
    spin(std::max(300, periodMs));
    phase.maxStallMs = stalls.maxDelayMs();
    phase.maxStallCpuMs = stalls.cpuMsOfMaxDelay();
    phase.paints = timed.paints;
    phase.paintsCpu = timed.paintsCpu;
    phase.idleStallMs = idleStall(stalls, updates * periodMs + 300);
    return phase;
}

} // namespace

int runChart(const QStringList &args)
{
    const int series = intOption(args, QStringLiteral("--series"), 10);
    const int points = intOption(args, QStringLiteral("--points"), 8640);
    const int updates = intOption(args, QStringLiteral("--updates"), 20);
    const int periodMs = intOption(args, QStringLiteral("--period-ms"), 500);

    ops::StallMonitor stalls(16);
    stalls.start();
    QList<Phase> phases;
    phases.append(runSeriesPhase(QStringLiteral("%1 × %2 points, replace() as is").arg(series).arg(points), 0,
                                 series, points, updates, periodMs, stalls));
    out() << "chart: raw done" << Qt::endl;
    phases.append(runSeriesPhase(QStringLiteral("%1 × %2 points, min/max per pixel column").arg(series).arg(points),
                                 1, series, points, updates, periodMs, stalls));
    out() << "chart: thinned done" << Qt::endl;
    phases.append(runSeriesPhase(QStringLiteral("%1 × %2 points, min/max per 2 pixel columns").arg(series).arg(points),
                                 2, series, points, updates, periodMs, stalls));
    out() << "chart: thinned (2 px) done" << Qt::endl;
    phases.append(runLatencyChartPhase(points, updates, periodMs, stalls));
    stalls.stop();

    QTextStream &o = out();
    o << "\n| Chart update (" << updates << " updates, one every " << periodMs
      << " ms) | Longest GUI-thread stall | Reference: the GUI thread idle as long | Ratio | Target | Result |\n"
         "|---|---:|---:|---:|---|---|\n";
    for (const Phase &p : std::as_const(phases)) {
        o << QStringLiteral("| %1 | %2 ms | %3 ms | %4× | ≤ 16 ms | %5 |\n")
                 .arg(p.name)
                 .arg(p.maxStallMs, 0, 'f', 1)
                 .arg(p.idleStallMs, 0, 'f', 1)
                 .arg(p.idleStallMs > 0 ? p.maxStallMs / p.idleStallMs : 0, 0, 'f', 2)
                 .arg(p.maxStallMs <= 16 ? QStringLiteral("met") : QStringLiteral("**missed**"));
    }
    o << "\n| Chart update | Points per series drawn | First load | Update: wall / GUI CPU, median (max) | "
         "Paint: wall / GUI CPU, median (max) | CPU inside the longest stall |\n|---|---:|---:|---:|---:|---:|\n";
    for (const Phase &p : std::as_const(phases)) {
        auto pair = [](const QList<double> &wall, const QList<double> &cpu) {
            if (wall.isEmpty())
                return QStringLiteral("–");
            return QStringLiteral("%1 / %2 (%3 / %4) ms")
                .arg(median(wall), 0, 'f', 1)
                .arg(median(cpu), 0, 'f', 1)
                .arg(maxOf(wall), 0, 'f', 1)
                .arg(maxOf(cpu), 0, 'f', 1);
        };
        o << QStringLiteral("| %1 | %2 | %3 ms | %4 | %5 | %6 ms |\n")
                 .arg(p.name)
                 .arg(p.pointsPerSeries)
                 .arg(p.firstLoadMs, 0, 'f', 1)
                 .arg(pair(p.updates, p.updatesCpu))
                 .arg(pair(p.paints, p.paintsCpu))
                 .arg(p.maxStallCpuMs, 0, 'f', 1);
    }
    o << QStringLiteral("\nLoad average (1 min) at the end: %1 on %2 CPUs\n")
             .arg(loadAverage(), 0, 'f', 1)
             .arg(QThread::idealThreadCount());
    o << Qt::flush;
    return 0;
}

} // namespace opsbench
