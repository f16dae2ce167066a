// soak: the dashboard refreshed every second against flapping services, RSS sampled throughout.
#include "BenchCommon.h"
#include "BenchCommands.h"

#include "core/Logging.h"
#include "core/StallMonitor.h"
#include "health/HealthMonitor.h"
#include "shell/CommandPalette.h"
#include "shell/MainWindow.h"
#include "shell/PreferencesDialog.h"
#include "shell/ShortcutSheet.h"

#include <QApplication>
#include <QDir>
#include <QMap>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <functional>

#include <malloc.h>

namespace opsbench {

namespace {

// Least-squares slope of (x, y) in y-units per x-unit.
double slope(const QList<double> &x, const QList<double> &y)
{
    const qsizetype n = x.size();
    if (n < 2)
        return 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (qsizetype i = 0; i < n; ++i) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    const double den = double(n) * sxx - sx * sx;
    return den == 0 ? 0 : (double(n) * sxy - sx * sy) / den;
}

// Bytes the heap has handed out and not got back (glibc), in MB: tells retained data from
// fragmentation when RSS grows.
double heapInUseMb()
{
    const struct mallinfo2 mi = mallinfo2();
    return double(mi.uordblks + mi.hblkhd) / (1024.0 * 1024.0);
}

} // namespace

int runSoak(const QStringList &args)
{
    const int durationS = intOption(args, QStringLiteral("--duration"), 3600);
    const int warmupS = std::min(intOption(args, QStringLiteral("--warmup"), 60), durationS / 2);
    const int services = intOption(args, QStringLiteral("--services"), 30);
    const int intervalMs = intOption(args, QStringLiteral("--interval-ms"), 1000);
    const int sampleS = std::max(1, intOption(args, QStringLiteral("--sample"), 10));
    const double targetMb = 5.0;

    // Logging as the app does it (info level, rotating file), into a throwaway directory.
    QTemporaryDir logs;
    ops::initLogging(QStringLiteral("info"), logs.path());

    FarmProcess farm;
    FarmOptions fo;
    fo.services = services;
    fo.flapping = true;
    if (!farm.start(fo)) {
        QTextStream(stderr) << "soak: the service farm did not start\n";
        return 1;
    }
    const ops::ConnectionProfile profile =
        benchProfile(farm.endpoints(), option(args, QStringLiteral("--pg-host")),
                     intOption(args, QStringLiteral("--pg-port"), 5432), option(args, QStringLiteral("--pg-db")),
                     option(args, QStringLiteral("--pg-user")));

    ops::HealthMonitor monitor(profile);
    ops::MainWindow window(profile, &monitor);
    window.show();
    ops::StallMonitor stalls(50);
    stalls.start();

    qint64 refreshes = 0;
    qint64 finished = 0;
    QObject::connect(&monitor, &ops::HealthMonitor::refreshFinished, [&finished] { ++finished; });
    QTimer refresher;
    refresher.setInterval(intervalMs);
    QObject::connect(&refresher, &QTimer::timeout, [&] {
        monitor.refreshNow();
        ++refreshes;
    });
    monitor.start(); // the app's ticker and countdown; the benchmark's timer refreshes every second
    refresher.start();

    out() << "soak: " << services << " flapping services, refresh every " << intervalMs << " ms, " << durationS
          << " s (warm-up " << warmupS << " s), farm pid " << farm.pid() << Qt::endl;
    const qint64 startKb = procStatusKb(0, "VmRSS");
    QList<double> xs, ys; // after warm-up: seconds, MB
    double baselineMb = -1;
    double heapBaselineMb = -1;
    QElapsedTimer clock;
    clock.start();
    int nextSample = 0;
    while (clock.elapsed() < qint64(durationS) * 1000) {
        spin(200);
        const int t = int(clock.elapsed() / 1000);
        if (t < nextSample && clock.elapsed() < qint64(durationS) * 1000)
            continue;
        nextSample = t + sampleS;
        const double rss = mb(procStatusKb(0, "VmRSS"));
        if (t >= warmupS) {
            if (baselineMb < 0)
                baselineMb = rss;
            xs.append(double(t));
            ys.append(rss);
        }
        out() << QStringLiteral("soak t=%1s rss=%2MB heap=%8MB refreshes=%3 finished=%4 stalls>50ms=%5 maxStall=%6ms (cpu %7ms)")
                     .arg(t)
                     .arg(rss, 0, 'f', 1)
                     .arg(refreshes)
                     .arg(finished)
                     .arg(stalls.stallCount())
                     .arg(stalls.maxDelayMs(), 0, 'f', 0)
                     .arg(stalls.cpuMsOfMaxDelay(), 0, 'f', 0)
                     .arg(heapInUseMb(), 0, 'f', 1)
              << Qt::endl;
        if (t >= warmupS && heapBaselineMb < 0)
            heapBaselineMb = heapInUseMb();
    }
    refresher.stop();
    spin(500);
    const double endMb = mb(procStatusKb(0, "VmRSS"));
    const double hwmMb = mb(procStatusKb(0, "VmHWM"));
    if (baselineMb < 0)
        baselineMb = endMb;
    const double growth = endMb - baselineMb;
    const double perHour = slope(xs, ys) * 3600.0;
    const QList<ops::StallMonitor::Stall> list = stalls.stalls();

    QTextStream &o = out();
    o << "\n| Measure | Console | Reference | Ratio | Target | Result |\n|---|---:|---:|---:|---|---|\n";
    o << QStringLiteral("| Soak %1 min, RSS growth after warm-up | %2 MB | %3 MB at %4 s | | ≤ %5 MB | %6 |\n")
             .arg(durationS / 60.0, 0, 'f', durationS % 60 ? 1 : 0)
             .arg(growth, 0, 'f', 1)
             .arg(baselineMb, 0, 'f', 1)
             .arg(warmupS)
             .arg(targetMb, 0, 'f', 0)
             .arg(growth <= targetMb ? QStringLiteral("met") : QStringLiteral("**missed**"));
    o << "\n| | |\n|---|---:|\n";
    o << QStringLiteral("| RSS at start / after warm-up / end / peak | %1 / %2 / %3 / %4 MB |\n")
             .arg(mb(startKb), 0, 'f', 1)
             .arg(baselineMb, 0, 'f', 1)
             .arg(endMb, 0, 'f', 1)
             .arg(hwmMb, 0, 'f', 1);
    o << QStringLiteral("| RSS trend after warm-up (least squares) | %1 MB/h |\n").arg(perHour, 0, 'f', 2);
    o << QStringLiteral("| Heap in use (glibc) after warm-up / end | %1 / %2 MB |\n")
             .arg(heapBaselineMb, 0, 'f', 1)
             .arg(heapInUseMb(), 0, 'f', 1);
    qsizetype samples = 0;
    for (int row = 0; row < monitor.entryCount(); ++row)
        samples += monitor.latencyHistory(row).size();
    o << QStringLiteral("| Latency history held at the end (bounded: 1 h or %1 polls per tile) | %2 samples, %3 MB |\n")
             .arg(ops::LatencyHistory::DefaultCapacity)
             .arg(samples)
             .arg(double(samples) * double(sizeof(ops::LatencyHistory::Sample)) / (1024.0 * 1024.0), 0, 'f', 2);
    o << QStringLiteral("| Refreshes started / rounds fully finished | %1 / %2 |\n").arg(refreshes).arg(finished);
    o << QStringLiteral("| GUI-thread stalls ≥ 50 ms / longest heartbeat wait | %1 / %2 ms |\n")
             .arg(stalls.stallCount())
             .arg(stalls.maxDelayMs(), 0, 'f', 0);
    // Real work on the GUI thread vs. waiting for a CPU on a busy machine: the thread's CPU time.
    int cpuBound = 0;
    QMap<QString, int> byEvent;
    QList<double> cpu;
    for (const ops::StallMonitor::Stall &st : list) {
        cpuBound += st.cpuMs >= 50 ? 1 : 0;
        cpu.append(st.cpuMs);
        byEvent[st.during.isEmpty() ? QStringLiteral("unknown") : st.during] += 1;
    }
    o << QStringLiteral("| Of the last %3 stalls: with ≥ 50 ms of GUI-thread CPU time / median CPU time in a stall | "
                        "%1 / %2 ms |\n")
             .arg(cpuBound)
             .arg(median(cpu), 0, 'f', 1)
             .arg(list.size());
    QList<std::pair<int, QString>> events;
    for (auto it = byEvent.cbegin(); it != byEvent.cend(); ++it)
        events.append({it.value(), it.key()});
    std::sort(events.begin(), events.end(), std::greater<>());
    for (qsizetype i = 0; i < std::min<qsizetype>(events.size(), 5); ++i)
        o << QStringLiteral("| Stalls during \"%1\" | %2 |\n").arg(events[i].second).arg(events[i].first);
    o << Qt::flush;
    stalls.stop();
    ops::shutdownLogging();
    return growth <= targetMb ? 0 : 3;
}

} // namespace opsbench
