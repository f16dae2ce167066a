// ops-bench-app: the console's start-up, refresh, chart and soak figures (issue 9), each against a
// reference measured in the same run. See docs/PERFORMANCE.md and scripts/bench-app.sh.
#include "BenchCommands.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <memory>

namespace {

const char *const Usage =
    "usage: ops-bench-app COMMAND [options]\n"
    "  startup  [--console PATH] [--reference PATH] [--runs 11] [--cold-runs 3] [-- console args]\n"
    "           first painted dashboard vs a minimal Qt Widgets window (medians; cold = page cache dropped)\n"
    "  idle-rss [--console PATH] [--reference PATH] [--idle 60] [-- console args]\n"
    "           VmRSS of the console idle on the dashboard (and of the minimal window)\n"
    "  refresh  [--services 200] [--slowest-ms 300] [--rounds 7]\n"
    "           one refresh of many services: wall time vs the slowest service alone, GUI-thread stall\n"
    "  chart    [--series 10] [--points 8640] [--updates 20]\n"
    "           chart updates as the app does them, raw and downsampled to the pixel width\n"
    "  soak     [--duration 3600] [--warmup 60] [--services 30] [--interval-ms 1000]\n"
    "           the dashboard refreshed every second against flapping services; RSS growth\n"
    "  serve    [--services 200] [--min-ms 20] [--slowest-ms 300] [--flapping]\n"
    "           the simulated services alone (used by refresh and soak as a child process)\n";

} // namespace

int main(int argc, char **argv)
{
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const bool gui = command == QLatin1String("refresh") || command == QLatin1String("chart")
                     || command == QLatin1String("soak");
    std::unique_ptr<QCoreApplication> app = gui ? std::make_unique<QApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    QStringList args = QCoreApplication::arguments();
    args.remove(0, std::min<qsizetype>(2, args.size()));
    if (command == QLatin1String("serve"))
        return opsbench::runServe(args);
    if (command == QLatin1String("soak"))
        return opsbench::runSoak(args);
    if (command == QLatin1String("refresh"))
        return opsbench::runRefresh(args);
    if (command == QLatin1String("chart"))
        return opsbench::runChart(args);
    if (command == QLatin1String("startup"))
        return opsbench::runStartup(args);
    if (command == QLatin1String("idle-rss"))
        return opsbench::runIdleRss(args);
    QTextStream(command == QLatin1String("--help") ? stdout : stderr) << Usage;
    return command == QLatin1String("--help") ? 0 : 2;
}
