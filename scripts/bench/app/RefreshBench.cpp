// refresh: one refresh of many services on the dashboard, against the slowest service alone.
#include "BenchCommon.h"
#include "BenchCommands.h"

#include "core/StallMonitor.h"
#include "health/HealthMonitor.h"
#include "shell/CommandPalette.h"
#include "shell/MainWindow.h"
#include "shell/PreferencesDialog.h"
#include "shell/ShortcutSheet.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>

namespace opsbench {

namespace {

// One GET of `url` through Qt's HTTP stack, as a probe makes it; ms, or -1 on failure.
double timedGet(QNetworkAccessManager &nam, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QElapsedTimer t;
    t.start();
    QNetworkReply *reply = nam.get(request);
    const bool done = waitUntil([reply] { return reply->isFinished(); }, 10000);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    const bool ok = done && reply->error() == QNetworkReply::NoError;
    reply->deleteLater();
    return ok ? ms : -1;
}

} // namespace

int runRefresh(const QStringList &args)
{
    FarmOptions fo;
    fo.services = intOption(args, QStringLiteral("--services"), 200);
    fo.slowestMs = intOption(args, QStringLiteral("--slowest-ms"), 300);
    fo.minMs = intOption(args, QStringLiteral("--min-ms"), 20);
    const int rounds = std::max(1, intOption(args, QStringLiteral("--rounds"), 7));

    FarmProcess farm;
    if (!farm.start(fo)) {
        QTextStream(stderr) << "refresh: the service farm did not start\n";
        return 1;
    }
    const ops::ConnectionProfile profile = benchProfile(farm.endpoints());
    ops::HealthMonitor monitor(profile);
    monitor.setRefreshIntervalSeconds(3600); // the benchmark refreshes; the countdown still ticks
    ops::MainWindow window(profile, &monitor);
    window.show();
    ops::StallMonitor stalls(16);
    stalls.start();

    bool finished = false;
    QObject::connect(&monitor, &ops::HealthMonitor::refreshFinished, [&finished] { finished = true; });
    monitor.start(); // first refresh: connections, the tiles' first data (not counted)
    waitUntil([&] { return finished; }, 30000);
    spin(500);

    QNetworkAccessManager nam;
    const QUrl slowest = farm.endpoints().constLast().healthUrl;
    timedGet(nam, slowest); // warm-up

    QList<double> walls, refs, stallMax, stallCpu, idleStall, guiCpu, procCpu, farmCpu;
    int healthyRounds = 0;
    const double loadBefore = loadAverage();
    for (int r = 0; r < rounds; ++r) {
        spin(700);
        refs.append(timedGet(nam, slowest));
        // The reference for stalls: the same GUI thread, idle, as long as a refresh takes.
        stalls.reset();
        spin(walls.isEmpty() ? 1500 : int(walls.last()) + 300);
        idleStall.append(stalls.maxDelayMs());
        stalls.reset();
        finished = false;
        const double cpu0 = threadCpuMs();
        const double proc0 = processCpuMs();
        const double farm0 = otherProcessCpuMs(farm.pid());
        QElapsedTimer t;
        t.start();
        monitor.refreshNow();
        waitUntil([&] { return finished; }, 30000);
        walls.append(double(t.nsecsElapsed()) / 1e6);
        spin(300); // the repaint after the last tile changed
        guiCpu.append(threadCpuMs() - cpu0);
        procCpu.append(processCpuMs() - proc0);
        farmCpu.append(otherProcessCpuMs(farm.pid()) - farm0);
        stallMax.append(stalls.maxDelayMs());
        stallCpu.append(stalls.cpuMsOfMaxDelay());
        int healthy = 0;
        for (int row = 0; row < monitor.entryCount(); ++row)
            healthy += monitor.entryKind(row) == ops::HealthMonitor::EntryKind::Service
                               && monitor.view(row).status == ops::HealthStatus::Healthy
                           ? 1
                           : 0;
        healthyRounds += healthy == fo.services ? 1 : 0;
        out() << QStringLiteral("refresh round %1: %2 ms (slowest alone %3 ms), max GUI stall %4 ms (%7 ms CPU; idle "
                                "GUI thread %8 ms), GUI-thread CPU %9 ms, %5/%6 healthy")
                     .arg(r + 1)
                     .arg(walls.last(), 0, 'f', 1)
                     .arg(refs.last(), 0, 'f', 1)
                     .arg(stallMax.last(), 0, 'f', 1)
                     .arg(healthy)
                     .arg(fo.services)
                     .arg(stallCpu.last(), 0, 'f', 1)
                     .arg(idleStall.last(), 0, 'f', 1)
                     .arg(guiCpu.last(), 0, 'f', 1)
              << Qt::endl;
    }
    const double wall = median(walls);
    const double ref = median(refs);
    const double ratio = ref > 0 ? wall / ref : 0;
    const double worstStall = maxOf(stallMax);
    const double medianStall = median(stallMax);
    QTextStream &o = out();
    o << "\n| Measure | Console | Reference | Ratio | Target | Result |\n|---|---:|---:|---:|---|---|\n";
    o << QStringLiteral("| Refresh of %1 services, wall time (median of %2) | %3 ms | %4 ms (slowest service alone) | "
                        "%5× | ≤ 1.2× | %6 |\n")
             .arg(fo.services)
             .arg(rounds)
             .arg(wall, 0, 'f', 1)
             .arg(ref, 0, 'f', 1)
             .arg(ratio, 0, 'f', 2)
             .arg(ratio <= 1.2 ? QStringLiteral("met") : QStringLiteral("**missed**"));
    const double idleWorst = maxOf(idleStall);
    o << QStringLiteral("| Refresh of %1 services, longest GUI-thread stall (worst of %2) | %3 ms | %4 ms (the same GUI "
                        "thread idle, as long) | %5× | ≤ 16 ms | %6 |\n")
             .arg(fo.services)
             .arg(rounds)
             .arg(worstStall, 0, 'f', 1)
             .arg(idleWorst, 0, 'f', 1)
             .arg(idleWorst > 0 ? worstStall / idleWorst : 0, 0, 'f', 2)
             .arg(worstStall <= 16 ? QStringLiteral("met") : QStringLiteral("**missed**"));
    o << "\n| Also measured (medians over the rounds) | |\n|---|---:|\n";
    o << QStringLiteral("| Longest GUI-thread stall per refresh / GUI-thread CPU time inside it | %1 / %2 ms |\n")
             .arg(medianStall, 0, 'f', 1)
             .arg(median(stallCpu), 0, 'f', 1);
    o << QStringLiteral("| GUI-thread CPU time per refresh (200 replies parsed, tiles updated and painted) | %1 ms |\n")
             .arg(median(guiCpu), 0, 'f', 1);
    o << QStringLiteral("| CPU time per refresh: console process / simulated services | %1 / %2 ms |\n")
             .arg(median(procCpu), 0, 'f', 1)
             .arg(median(farmCpu), 0, 'f', 1);
    o << QStringLiteral("| Load average (1 min) before / after, on %1 CPUs | %2 / %3 |\n")
             .arg(QThread::idealThreadCount())
             .arg(loadBefore, 0, 'f', 1)
             .arg(loadAverage(), 0, 'f', 1);
    o << QStringLiteral("\nRounds with every service healthy: %1 of %2; slowest configured latency %3 ms; "
                        "refresh wall times %4 ms\n")
             .arg(healthyRounds)
             .arg(rounds)
             .arg(fo.slowestMs)
             .arg([&] {
                 QStringList l;
                 for (double w : walls)
                     l << QString::number(w, 'f', 0);
                 return l.join(QStringLiteral(", "));
             }())
      << Qt::flush;
    stalls.stop();
    return 0;
}

} // namespace opsbench
