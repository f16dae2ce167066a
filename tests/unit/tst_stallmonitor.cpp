// StallMonitor: a watchdog thread finds GUI-thread stalls by heartbeats (models/core/StallMonitor.h).
#include "core/StallMonitor.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace {

// Keeps the calling thread busy without giving the event loop a chance.
void busy(int ms)
{
    QElapsedTimer t;
    t.start();
    volatile quint64 spins = 0;
    while (t.elapsed() < ms)
        spins = spins + 1;
}

} // namespace

class TestStallMonitor : public QObject
{
    Q_OBJECT

private slots:
    void longBlockIsOneStall()
    {
        // On a loaded machine the thread can also stall on its own (no CPU for it): an attempt
        // with an extra, unrelated stall is repeated, up to five times; a monitor that misses or
        // mismeasures the block fails every attempt.
        bool clean = false;
        for (int attempt = 0; attempt < 5 && !clean; ++attempt) {
            ops::StallMonitor monitor(50);
            QSignalSpy spy(&monitor, &ops::StallMonitor::stallDetected);
            monitor.start();
            QTest::qWait(100); // heartbeats are flowing
            QVERIFY(monitor.heartbeats() > 0);
            monitor.reset();
            busy(120);
            QTest::qWait(150); // the delayed heartbeat is answered and recorded
            const QList<ops::StallMonitor::Stall> stalls = monitor.stalls();
            // No stall, an extra one, or a short one (the watchdog thread itself got no CPU in time
            // and posted its heartbeat late, into the block or after it): a loaded machine; repeat.
            if (stalls.size() != 1 || stalls.first().ms < 100) {
                qInfo("attempt %d: %d stalls, first %.0f ms, repeating", attempt + 1, int(stalls.size()),
                      stalls.isEmpty() ? 0.0 : stalls.first().ms);
                continue;
            }
            clean = true;
            QVERIFY2(stalls.first().ms >= 100, qPrintable(QString::number(stalls.first().ms)));
            QVERIFY(stalls.first().ms < 1000);
            QVERIFY(stalls.first().startedUtc.isValid());
            QVERIFY(stalls.first().cpuMs > 0); // the busy loop ran on the watched thread
            QVERIFY(monitor.maxDelayMs() >= 100);
            QTRY_COMPARE(spy.count(), 1);
            QVERIFY(spy.first().at(0).toDouble() >= 100);
        }
        QVERIFY(clean);
    }

    void shortBlockIsNoStall()
    {
        bool clean = false;
        for (int attempt = 0; attempt < 5 && !clean; ++attempt) {
            ops::StallMonitor monitor(50);
            monitor.start();
            QTest::qWait(100);
            monitor.reset();
            busy(5);
            QTest::qWait(150);
            QVERIFY(monitor.heartbeats() > 0);
            clean = monitor.stallCount() == 0 && monitor.maxDelayMs() < 50;
            if (!clean)
                qInfo("attempt %d: %d stalls (longest %.0f ms) around a 5 ms block, repeating", attempt + 1,
                      monitor.stallCount(), monitor.maxDelayMs());
        }
        QVERIFY2(clean, "a 5 ms block was reported as a stall in five attempts");
    }

    void namesTheEventThatBlocked()
    {
        bool clean = false;
        for (int attempt = 0; attempt < 5 && !clean; ++attempt) {
            ops::StallMonitor monitor(50);
            monitor.start();
            QTest::qWait(100);
            monitor.reset();
            QTimer culprit; // any class but the heartbeat's plain QObject
            QMetaObject::invokeMethod(&culprit, [] { busy(150); }, Qt::QueuedConnection);
            QTest::qWait(300);
            const QList<ops::StallMonitor::Stall> stalls = monitor.stalls();
            if (stalls.size() != 1)
                continue; // missed (no CPU for the watchdog) or an unrelated stall: a loaded machine
            clean = true;
            QCOMPARE(stalls.first().during, QStringLiteral("MetaCall to QTimer"));
        }
        QVERIFY(clean);
    }

    void stopsAndResets()
    {
        ops::StallMonitor monitor(50);
        monitor.start();
        QVERIFY(monitor.isRunning());
        QTest::qWait(50);
        for (int attempt = 0; attempt < 5 && monitor.stallCount() == 0; ++attempt) {
            busy(80);
            QTest::qWait(100);
        }
        QVERIFY(monitor.stallCount() >= 1);
        monitor.stop();
        QVERIFY(!monitor.isRunning());
        monitor.reset();
        QCOMPARE(monitor.stallCount(), 0);
        QCOMPARE(monitor.maxDelayMs(), 0.0);
        QCOMPARE(monitor.heartbeats(), 0);
        busy(80);
        QTest::qWait(50);
        QCOMPARE(monitor.stallCount(), 0); // stopped: nothing watched
        QCOMPARE(monitor.heartbeats(), 0);
    }

    void thresholdFromOptionOrEnvironment()
    {
        qunsetenv("OPS_LOG_STALLS_MS");
        QCOMPARE(ops::StallMonitor::thresholdFromSettings(), 0);
        QVERIFY(!ops::StallMonitor::fromSettings());
        QCOMPARE(ops::StallMonitor::thresholdFromSettings(QStringLiteral("75")), 75);
        qputenv("OPS_LOG_STALLS_MS", "50");
        QCOMPARE(ops::StallMonitor::thresholdFromSettings(), 50);
        QCOMPARE(ops::StallMonitor::thresholdFromSettings(QStringLiteral("80")), 80); // the option wins
        QCOMPARE(ops::StallMonitor::thresholdFromSettings(QStringLiteral("x")), 50);
        const std::unique_ptr<ops::StallMonitor> monitor = ops::StallMonitor::fromSettings();
        QVERIFY(monitor);
        QVERIFY(monitor->isRunning());
        QCOMPARE(monitor->thresholdMs(), 50);
        qputenv("OPS_LOG_STALLS_MS", "0");
        QCOMPARE(ops::StallMonitor::thresholdFromSettings(), 0);
        qunsetenv("OPS_LOG_STALLS_MS");
    }
};

QTEST_GUILESS_MAIN(TestStallMonitor)
#include "tst_stallmonitor.moc"
