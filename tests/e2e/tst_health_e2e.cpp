// System Health end to end: the sandbox in-process over real HTTP on loopback, a real
// PostgreSQL, and the console's HealthMonitor/HealthModel as the dashboard uses them.
#include "E2eFixture.h"
#include "MockClock.h"
#include "health/HealthModel.h"
#include "health/HealthMonitor.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>

using namespace ops;
using opssandbox::Fault;

Q_DECLARE_METATYPE(opssandbox::Fault)

class TestHealthE2E final : public QObject
{
    Q_OBJECT

private:
    test::SandboxFixture m_fx;

    static bool refresh(HealthMonitor &monitor, int timeoutMs = 15000)
    {
        QSignalSpy finished(&monitor, &HealthMonitor::refreshFinished);
        monitor.refreshNow();
        return finished.wait(timeoutMs);
    }

    static QString describe(const HealthMonitor &monitor, int row)
    {
        const HealthView v = monitor.view(row);
        return QStringLiteral("%1: %2 | %3 | %4")
            .arg(monitor.entryName(row), healthStatusKey(v.status), v.summary, v.error);
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start(QStringLiteral("ops_e2e_health"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void init() { m_fx.sandbox->clearFaults(); }

    void everyTileHealthyWithinTwoSeconds()
    {
        HealthMonitor monitor(m_fx.profile);
        HealthModel model(&monitor);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(refresh(monitor));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(monitor.entryCount(), 9);
        for (int row = 0; row < monitor.entryCount(); ++row)
            QVERIFY2(monitor.view(row).status == HealthStatus::Healthy, qPrintable(describe(monitor, row)));

        const HealthView orchestrator = monitor.view(monitor.rowOf(QStringLiteral("orchestrator")));
        QVERIFY(!orchestrator.reading.version.isEmpty());
        QVERIFY(orchestrator.reading.lastOperationAt.isValid());
        QCOMPARE(orchestrator.reading.lastOperationField, QStringLiteral("last_orchestration_at"));
        QVERIFY(orchestrator.reading.flags.value(QStringLiteral("database_connected")).toBool());

        const HealthView gateway = monitor.view(monitor.rowOf(QStringLiteral("execution_gateway")));
        QVERIFY(gateway.reading.component(u"postgres"));
        QVERIFY(gateway.reading.component(u"redis"));

        const HealthView redis = monitor.view(monitor.rowOf(QStringLiteral("redis")));
        QVERIFY(!redis.reading.version.isEmpty());
        const HealthView postgres = monitor.view(monitor.rowOf(QStringLiteral("postgres")));
        QVERIFY2(postgres.reading.version.startsWith(QStringLiteral("15")), qPrintable(postgres.reading.version));
        QVERIFY(postgres.responseMs.has_value());

        QCOMPARE(monitor.lastFullySuccessfulRefresh().isValid(), true);
        QCOMPARE(model.index(monitor.rowOf(QStringLiteral("model_registry"))).data(HealthModel::StatusRole).toInt(),
                 int(HealthStatus::Healthy));
    }

    void faultShowsAndRecovers_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("text");
        const auto row = [](const char *name, const char *service, Fault f, HealthStatus s, const char *text, int delay = 0) {
            QTest::newRow(name) << QString::fromLatin1(service) << f << delay << int(s) << QString::fromUtf8(text);
        };
        row("down", "orchestrator", Fault::Down, HealthStatus::Stale, "Connection refused");
        row("hang", "signal_service", Fault::Hang, HealthStatus::Stale, "Timed out");
        row("slow beyond the deadline", "execution_gateway", Fault::Slow, HealthStatus::Stale, "Timed out", 3000);
        row("slow within the deadline", "reconciler", Fault::Slow, HealthStatus::Healthy, "", 400);
        row("degraded", "reconciler", Fault::Degraded, HealthStatus::Degraded, "");
        row("unhealthy", "risk_manager", Fault::Unhealthy, HealthStatus::Unhealthy, "");
        row("unhealthy bare healthz", "model_registry", Fault::Unhealthy, HealthStatus::Unhealthy, "");
        row("malformed JSON", "orchestrator", Fault::Malformed, HealthStatus::Stale, "Malformed JSON");
        row("HTML error page", "signal_service", Fault::Html, HealthStatus::Stale, "HTML");
        row("initialising", "market_data_service", Fault::Initialising, HealthStatus::Initialising, "initialising");
        row("slow drip", "reconciler", Fault::Drip, HealthStatus::Stale, "Timed out", 500);
    }
    void faultShowsAndRecovers()
    {
        QFETCH(QString, service);
        QFETCH(Fault, fault);
        QFETCH(int, delayMs);
        QFETCH(int, expected);
        QFETCH(QString, text);

        test::MockClock clock(QDateTime::currentDateTimeUtc());
        HealthMonitor monitor(m_fx.profile, clock);
        monitor.setFetchTimeoutMs(1500);
        const int row = monitor.rowOf(service);
        QVERIFY(row >= 0);
        QVERIFY(refresh(monitor));
        QCOMPARE(monitor.view(row).status, HealthStatus::Healthy);

        QString error;
        QVERIFY2(m_fx.sandbox->setFault(service, fault, delayMs, &error), qPrintable(error));
        clock.advanceSeconds(10);
        QVERIFY(refresh(monitor));
        const HealthView v = monitor.view(row);
        QVERIFY2(int(v.status) == expected, qPrintable(describe(monitor, row)));
        const QString shown = v.summary + QLatin1Char(' ') + v.error;
        QVERIFY2(shown.contains(text, Qt::CaseInsensitive), qPrintable(describe(monitor, row)));
        if (v.status == HealthStatus::Stale) {
            QVERIFY(v.hasData);                                     // the last known data is kept
            QVERIFY(shown.contains(QStringLiteral("10 s")));        // with its age
        }
        if (fault == Fault::Slow && expected == int(HealthStatus::Healthy))
            QVERIFY2(v.responseMs.value_or(0) >= delayMs * 9 / 10, // timers are coarse by a few per cent
                      qPrintable(QString::number(v.responseMs.value_or(0))));
        // One broken service never affects the other service tiles.
        for (int other = 0; other < monitor.entryCount(); ++other) {
            if (other == row || monitor.entryKind(other) != HealthMonitor::EntryKind::Service)
                continue;
            QVERIFY2(monitor.view(other).status == HealthStatus::Healthy, qPrintable(describe(monitor, other)));
        }

        m_fx.sandbox->clearFaults(service);
        clock.advanceSeconds(10);
        QVERIFY(refresh(monitor));
        QVERIFY2(monitor.view(row).status == HealthStatus::Healthy, qPrintable(describe(monitor, row)));
        QVERIFY(monitor.view(row).error.isEmpty());
    }

    void downIsUnreachableFrom30sAndRecoversWithinOneRefresh()
    {
        test::MockClock clock(QDateTime::currentDateTimeUtc());
        HealthMonitor monitor(m_fx.profile, clock);
        const int row = monitor.rowOf(QStringLiteral("risk_manager"));
        QVERIFY(refresh(monitor));
        QVERIFY(m_fx.sandbox->setFault(QStringLiteral("risk_manager"), Fault::Down));
        clock.advanceSeconds(10);
        QVERIFY(refresh(monitor));
        QCOMPARE(monitor.view(row).status, HealthStatus::Stale);
        clock.advanceSeconds(10);
        QCOMPARE(monitor.view(row).dataAgeSeconds, 20); // the age counts between polls
        clock.advanceSeconds(10);
        QCOMPARE(monitor.view(row).status, HealthStatus::Unreachable);
        QVERIFY(monitor.view(row).summary.contains(QStringLiteral("30 s")));

        m_fx.sandbox->clearFaults();
        QVERIFY(refresh(monitor));
        QCOMPARE(monitor.view(row).status, HealthStatus::Healthy);
    }

    void flappingAlternates()
    {
        test::MockClock clock(QDateTime::currentDateTimeUtc());
        HealthMonitor monitor(m_fx.profile, clock);
        const int row = monitor.rowOf(QStringLiteral("orchestrator"));
        QVERIFY(m_fx.sandbox->setFault(QStringLiteral("orchestrator"), Fault::Flapping));
        QSet<HealthStatus> seen;
        for (int i = 0; i < 4; ++i) {
            QVERIFY(refresh(monitor));
            seen.insert(monitor.view(row).status);
            clock.advanceSeconds(2);
        }
        QVERIFY(seen.contains(HealthStatus::Healthy));
        QVERIFY(seen.contains(HealthStatus::Unhealthy));
        QVERIFY(monitor.statusChanges(row).size() >= 4);
    }

    void oneHangingServiceDoesNotDelayTheOthers()
    {
        HealthMonitor monitor(m_fx.profile);
        monitor.setFetchTimeoutMs(2500);
        QVERIFY(m_fx.sandbox->setFault(QStringLiteral("orchestrator"), Fault::Hang));
        QElapsedTimer timer;
        QHash<int, qint64> answeredAt;
        connect(&monitor, &HealthMonitor::entryChanged, this, [&](int row) {
            if (!answeredAt.contains(row))
                answeredAt.insert(row, timer.elapsed());
        });
        timer.start();
        QVERIFY(refresh(monitor));
        const qint64 total = timer.elapsed();
        QVERIFY2(total >= 2400, qPrintable(QString::number(total)));
        const int hung = monitor.rowOf(QStringLiteral("orchestrator"));
        for (auto it = answeredAt.cbegin(); it != answeredAt.cend(); ++it) {
            if (it.key() != hung)
                QVERIFY2(it.value() < 1500, qPrintable(QStringLiteral("%1 answered after %2 ms").arg(monitor.entryName(it.key())).arg(it.value())));
        }
        QVERIFY(answeredAt.value(hung) >= 2400);
    }

    void redisFollowsTheGateway()
    {
        test::MockClock clock(QDateTime::currentDateTimeUtc());
        HealthMonitor monitor(m_fx.profile, clock);
        const int redis = monitor.rowOf(QStringLiteral("redis"));
        QVERIFY(refresh(monitor));
        QCOMPARE(monitor.view(redis).status, HealthStatus::Healthy);
        QVERIFY(m_fx.sandbox->setFault(QStringLiteral("execution_gateway"), Fault::Down));
        clock.advanceSeconds(10);
        QVERIFY(refresh(monitor));
        QCOMPARE(monitor.view(redis).status, HealthStatus::Stale);
        QVERIFY(monitor.view(redis).error.contains(QStringLiteral("execution_gateway")));
    }

    void postgresTileReportsAnUnreachableServer()
    {
        ConnectionProfile profile = m_fx.profile;
        QTcpServer reserve;
        QVERIFY(reserve.listen(QHostAddress::LocalHost));
        profile.postgres.port = reserve.serverPort();
        reserve.close();
        HealthMonitor monitor(profile);
        QVERIFY(refresh(monitor));
        const int row = monitor.rowOf(QStringLiteral("postgres"));
        QCOMPARE(monitor.view(row).status, HealthStatus::Unreachable);
        QVERIFY2(!monitor.view(row).error.isEmpty(), "the connection error is shown");
        // Everything else is unaffected.
        QCOMPARE(monitor.view(monitor.rowOf(QStringLiteral("orchestrator"))).status, HealthStatus::Healthy);
    }
};

QTEST_GUILESS_MAIN(TestHealthE2E)
#include "tst_health_e2e.moc"
