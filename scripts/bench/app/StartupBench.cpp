// startup: process start to the first painted dashboard, against a minimal Qt Widgets window.
// idle-rss: the console's VmRSS after idling on the dashboard.
#include "BenchCommon.h"
#include "BenchCommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QThread>

#include <unistd.h>

namespace opsbench {

namespace {

struct Programs
{
    QString console;
    QString reference;
    QString preload;
    QStringList consoleArgs;
};

Programs programs(const QStringList &args)
{
    const QString here = QCoreApplication::applicationDirPath();
    Programs p;
    p.console = option(args, QStringLiteral("--console"), QDir(here).absoluteFilePath(QStringLiteral("../../app/ops-console")));
    p.reference = option(args, QStringLiteral("--reference"), here + QStringLiteral("/ops-bench-minimal-window"));
    p.preload = option(args, QStringLiteral("--preload"), here + QStringLiteral("/libops-first-paint-preload.so"));
    const qsizetype dashes = args.indexOf(QStringLiteral("--"));
    if (dashes >= 0)
        p.consoleArgs = args.mid(dashes + 1);
    return p;
}

QProcessEnvironment childEnvironment(const QString &home, bool probe, const QString &preload, const QString &cls)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
    if (probe) {
        env.insert(QStringLiteral("OPS_EXIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
        env.insert(QStringLiteral("OPS_FIRST_PAINT_CLASS"), cls);
        env.insert(QStringLiteral("LD_PRELOAD"), preload);
    }
    return env;
}

struct FirstPaint
{
    double ms = -1;  // wall time from starting the process to its "OPS_FIRST_PAINT" line; -1 on failure
    double cpuMs = -1; // CPU time the process had used by then (user + system)
};

FirstPaint timeToFirstPaint(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardErrorFile(QProcess::nullDevice());
    QByteArray seen;
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    FirstPaint result;
    while (t.elapsed() < 60000) {
        if (!p.waitForReadyRead(100) && p.state() == QProcess::NotRunning)
            break;
        seen += p.readAllStandardOutput();
        if (seen.contains("OPS_FIRST_PAINT")) {
            result.ms = double(t.nsecsElapsed()) / 1e6;
            result.cpuMs = otherProcessCpuMs(p.processId());
            break;
        }
    }
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    return result;
}

bool dropPageCache()
{
    ::sync();
    QFile f(QStringLiteral("/proc/sys/vm/drop_caches"));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write("3\n") == 2;
}

QString msList(const QList<double> &values)
{
    QStringList l;
    for (double v : values)
        l << QString::number(v, 'f', 0);
    return l.join(QStringLiteral(", "));
}

} // namespace

int runStartup(const QStringList &args)
{
    const Programs p = programs(args);
    const int runs = std::max(1, intOption(args, QStringLiteral("--runs"), 11));
    const int coldRuns = std::max(0, intOption(args, QStringLiteral("--cold-runs"), 3));
    for (const QString &f : {p.console, p.reference, p.preload}) {
        if (!QFileInfo::exists(f)) {
            QTextStream(stderr) << "startup: missing " << f << '\n';
            return 1;
        }
    }
    QTemporaryDir home;
    const QProcessEnvironment consoleEnv = childEnvironment(home.path(), true, p.preload, QStringLiteral("ops::HealthPage"));
    const QProcessEnvironment referenceEnv = childEnvironment(home.path(), true, p.preload, QStringLiteral("QLabel"));
    QList<double> cpuConsole, cpuReference; // warm runs
    bool warm = false;
    auto console = [&] {
        const FirstPaint f = timeToFirstPaint(p.console, p.consoleArgs, consoleEnv);
        if (warm)
            cpuConsole.append(f.cpuMs);
        return f.ms;
    };
    auto reference = [&] {
        const FirstPaint f = timeToFirstPaint(p.reference, {}, referenceEnv);
        if (warm)
            cpuReference.append(f.cpuMs);
        return f.ms;
    };

    // Cold: the page cache dropped before every run (libraries, fonts, plugins read from disk).
    QList<double> coldConsole, coldReference;
    bool coldPossible = coldRuns > 0;
    for (int i = 0; i < coldRuns && coldPossible; ++i) {
        coldPossible = dropPageCache();
        if (!coldPossible)
            break;
        coldConsole.append(console());
        dropPageCache();
        coldReference.append(reference());
        out() << QStringLiteral("startup cold %1: console %2 ms, reference %3 ms")
                     .arg(i + 1)
                     .arg(coldConsole.last(), 0, 'f', 1)
                     .arg(coldReference.last(), 0, 'f', 1)
              << Qt::endl;
    }

    // Warm: one run of each first (not counted), then alternating runs.
    console();
    reference();
    QList<double> warmConsole, warmReference;
    warm = true;
    for (int i = 0; i < runs; ++i) {
        warmConsole.append(console());
        warmReference.append(reference());
        out() << QStringLiteral("startup warm %1: console %2 ms, reference %3 ms")
                     .arg(i + 1)
                     .arg(warmConsole.last(), 0, 'f', 1)
                     .arg(warmReference.last(), 0, 'f', 1)
              << Qt::endl;
    }
    if (warmConsole.contains(-1) || warmReference.contains(-1) || coldConsole.contains(-1) || coldReference.contains(-1)) {
        QTextStream(stderr) << "startup: a run did not report its first paint\n";
        return 1;
    }

    QTextStream &o = out();
    o << "\n| Measure | Console | Reference | Ratio | Target | Result |\n|---|---:|---:|---:|---|---|\n";
    auto row = [&](const QString &name, const QList<double> &c, const QList<double> &r) {
        const double mc = median(c);
        const double mr = median(r);
        const double ratio = mr > 0 ? mc / mr : 0;
        o << QStringLiteral("| %1 (median of %2) | %3 ms | %4 ms (minimal Qt Widgets window) | %5× | ≤ 1.5× | %6 |\n")
                 .arg(name)
                 .arg(c.size())
                 .arg(mc, 0, 'f', 1)
                 .arg(mr, 0, 'f', 1)
                 .arg(ratio, 0, 'f', 2)
                 .arg(ratio <= 1.5 ? QStringLiteral("met") : QStringLiteral("**missed**"));
    };
    if (coldPossible && !coldConsole.isEmpty())
        row(QStringLiteral("Cold start to first painted dashboard"), coldConsole, coldReference);
    else
        o << "| Cold start | not measured: /proc/sys/vm/drop_caches is not writable here | | | ≤ 1.5× | – |\n";
    row(QStringLiteral("Warm start to first painted dashboard"), warmConsole, warmReference);
    const double cc = median(cpuConsole);
    const double cr = median(cpuReference);
    o << QStringLiteral("\n| Also measured | Console | Reference | Ratio |\n|---|---:|---:|---:|\n"
                        "| CPU time to the first paint, warm (user + system, median) | %1 ms | %2 ms | %3× |\n")
             .arg(cc, 0, 'f', 0)
             .arg(cr, 0, 'f', 0)
             .arg(cr > 0 ? cc / cr : 0, 0, 'f', 2);
    o << QStringLiteral("| Load average (1 min) at the end | %1 on %2 CPUs | | |\n")
             .arg(loadAverage(), 0, 'f', 1)
             .arg(QThread::idealThreadCount());
    o << "\nRuns (ms): cold console " << msList(coldConsole) << "; cold reference " << msList(coldReference)
      << "; warm console " << msList(warmConsole) << "; warm reference " << msList(warmReference) << '\n'
      << Qt::flush;
    return 0;
}

int runIdleRss(const QStringList &args)
{
    const Programs p = programs(args);
    const int idleS = std::max(1, intOption(args, QStringLiteral("--idle"), 60));
    QTemporaryDir home;
    QProcess console, reference;
    console.setProcessEnvironment(childEnvironment(home.path(), false, {}, {}));
    reference.setProcessEnvironment(childEnvironment(home.path(), false, {}, {}));
    for (QProcess *proc : {&console, &reference}) {
        proc->setStandardOutputFile(QProcess::nullDevice());
        proc->setStandardErrorFile(QProcess::nullDevice());
    }
    console.start(p.console, p.consoleArgs);
    reference.start(p.reference, {});
    if (!console.waitForStarted(10000) || !reference.waitForStarted(10000)) {
        QTextStream(stderr) << "idle-rss: could not start the programs\n";
        return 1;
    }
    // Both idle side by side: the console on its dashboard (refreshing at its own interval).
    QList<double> samples;
    for (int s = 0; s < idleS; s += 10) {
        spin(std::min(10, idleS - s) * 1000);
        samples.append(mb(procStatusKb(console.processId(), "VmRSS")));
        out() << QStringLiteral("idle t=%1s console VmRSS %2 MB")
                     .arg(std::min(s + 10, idleS))
                     .arg(samples.last(), 0, 'f', 1)
              << Qt::endl;
    }
    const double consoleMb = mb(procStatusKb(console.processId(), "VmRSS"));
    const double consoleHwm = mb(procStatusKb(console.processId(), "VmHWM"));
    const double referenceMb = mb(procStatusKb(reference.processId(), "VmRSS"));
    const bool alive = console.state() == QProcess::Running;
    for (QProcess *proc : {&console, &reference}) {
        proc->terminate();
        if (!proc->waitForFinished(10000)) {
            proc->kill();
            proc->waitForFinished(5000);
        }
    }
    if (!alive || consoleMb <= 0) {
        QTextStream(stderr) << "idle-rss: the console did not stay up\n";
        return 1;
    }
    QTextStream &o = out();
    o << "\n| Measure | Console | Reference | Ratio | Target | Result |\n|---|---:|---:|---:|---|---|\n";
    o << QStringLiteral("| Idle RSS after %1 s on the dashboard | %2 MB | %3 MB (minimal Qt Widgets window) | %4× | ≤ 80 MB "
                        "| %5 |\n")
             .arg(idleS)
             .arg(consoleMb, 0, 'f', 1)
             .arg(referenceMb, 0, 'f', 1)
             .arg(referenceMb > 0 ? consoleMb / referenceMb : 0, 0, 'f', 2)
             .arg(consoleMb <= 80 ? QStringLiteral("met") : QStringLiteral("**missed**"));
    o << QStringLiteral("\nConsole peak (VmHWM): %1 MB\n").arg(consoleHwm, 0, 'f', 1) << Qt::flush;
    return 0;
}

} // namespace opsbench
