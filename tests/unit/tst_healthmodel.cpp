#include "FakeHttpServer.h"
#include "MockClock.h"
#include "health/HealthModel.h"
#include "health/HealthMonitor.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace ops;
using ops::test::FakeHttpServer;
using ops::test::MockClock;

class TestHealthModel final : public QObject
{
    Q_OBJECT

private:
    static ConnectionProfile profileFor(const FakeHttpServer &server)
    {
        ConnectionProfile p;
        p.name = QStringLiteral("unit");
        p.environment = QStringLiteral("test");
        p.services = {{QStringLiteral("alpha"), server.url(QStringLiteral("/alpha")), {}},
                      {QStringLiteral("gateway"), server.url(QStringLiteral("/gateway")), {}}};
        p.redisSource = QStringLiteral("gateway");
        p.postgres.enabled = false;
        return p;
    }

    static bool refreshAndWait(HealthMonitor &monitor)
    {
        QSignalSpy finished(&monitor, &HealthMonitor::refreshFinished);
        monitor.refreshNow();
        return finished.wait(10000);
    }

    FakeHttpServer m_server;

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
    }

    void init()
    {
        m_server.setJson(QStringLiteral("/alpha"),
                         R"({"status":"healthy","version":"1.4.0","timestamp":"2026-03-29T00:29:58Z",
                             "last_signal_at":"2026-03-29T00:29:50Z"})");
        m_server.setJson(QStringLiteral("/gateway"),
                         R"({"status":"degraded","version":"2.0.0","components":{
                              "redis":{"status":"ok","latency_ms":1.5,"details":{"version":"7.0.15"}},
                              "broker":{"status":"warn","message":"slow fills"}}})");
    }

    void rowsAndRolesUnderTheTester()
    {
        MockClock clock;
        HealthMonitor monitor(profileFor(m_server), clock);
        HealthModel model(&monitor);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QCOMPARE(model.rowCount(), 3); // alpha, gateway, redis (postgres disabled)
        QCOMPARE(model.index(2).data(HealthModel::NameRole).toString(), QStringLiteral("redis"));
        QCOMPARE(model.index(0).data(HealthModel::StatusRole).toInt(), int(HealthStatus::Unknown));
        QCOMPARE(model.rowCount(model.index(0)), 0); // a list: no children

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(refreshAndWait(monitor));
        QVERIFY(changed.count() >= 3);

        const QModelIndex alpha = model.index(0);
        QCOMPARE(alpha.data(Qt::DisplayRole).toString(), QStringLiteral("alpha"));
        QCOMPARE(alpha.data(HealthModel::StatusRole).toInt(), int(HealthStatus::Healthy));
        QCOMPARE(alpha.data(HealthModel::StatusKeyRole).toString(), QStringLiteral("healthy"));
        QCOMPARE(alpha.data(HealthModel::VersionRole).toString(), QStringLiteral("1.4.0"));
        QCOMPARE(alpha.data(HealthModel::LastOperationRole).toDateTime(),
                 QDateTime(QDate(2026, 3, 29), QTime(0, 29, 50), QTimeZone::utc()));
        QVERIFY(alpha.data(HealthModel::ResponseMsRole).isValid());
        QCOMPARE(alpha.data(HealthModel::DataAgeRole).toLongLong(), 0);

        const QModelIndex gateway = model.index(1);
        QCOMPARE(gateway.data(HealthModel::StatusRole).toInt(), int(HealthStatus::Degraded));

        const QModelIndex redis = model.index(2);
        QCOMPARE(redis.data(HealthModel::StatusRole).toInt(), int(HealthStatus::Healthy));
        QCOMPARE(redis.data(HealthModel::VersionRole).toString(), QStringLiteral("7.0.15"));
        QCOMPARE(redis.data(HealthModel::ResponseMsRole).toInt(), 2);

        QVERIFY(!model.roleNames().value(HealthModel::StatusKeyRole).isEmpty());
        QVERIFY(!model.index(5).data(HealthModel::NameRole).isValid());
    }

    void failedFetchTurnsStaleThenUnreachable()
    {
        MockClock clock;
        HealthMonitor monitor(profileFor(m_server), clock);
        HealthModel model(&monitor);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(refreshAndWait(monitor));
        QCOMPARE(model.index(0).data(HealthModel::StatusRole).toInt(), int(HealthStatus::Healthy));

        m_server.setResponse(QStringLiteral("/alpha"), {502, "text/html", "<html><title>502 Bad Gateway</title></html>", 0,
                                                        FakeHttpServer::Mode::Normal, {}});
        m_server.setResponse(QStringLiteral("/gateway"), {200, "application/json", "{\"status\": \"healthy\", \"ver", 0,
                                                          FakeHttpServer::Mode::Normal, {}});
        clock.advanceSeconds(10);
        QVERIFY(refreshAndWait(monitor));
        const QModelIndex alpha = model.index(0);
        QCOMPARE(alpha.data(HealthModel::StatusRole).toInt(), int(HealthStatus::Stale));
        QCOMPARE(alpha.data(HealthModel::VersionRole).toString(), QStringLiteral("1.4.0")); // last known data kept
        QVERIFY(alpha.data(HealthModel::ErrorRole).toString().contains(QStringLiteral("502")));
        QVERIFY(alpha.data(HealthModel::SummaryRole).toString().contains(QStringLiteral("10 s")));
        QCOMPARE(model.index(1).data(HealthModel::StatusRole).toInt(), int(HealthStatus::Stale));
        QVERIFY(model.index(1).data(HealthModel::ErrorRole).toString().contains(QStringLiteral("JSON")));
        // Redis follows its source: it was reported by a gateway that no longer answers.
        QCOMPARE(model.index(2).data(HealthModel::StatusRole).toInt(), int(HealthStatus::Stale));
        QVERIFY(monitor.staleOrUnreachableCount() >= 2);
        QVERIFY(!monitor.lastFullySuccessfulRefresh().isNull());

        clock.advanceSeconds(20);
        QCOMPARE(alpha.data(HealthModel::StatusRole).toInt(), int(HealthStatus::Unreachable));

        init();
        QVERIFY(refreshAndWait(monitor));
        QCOMPARE(alpha.data(HealthModel::StatusRole).toInt(), int(HealthStatus::Healthy));
        QVERIFY(alpha.data(HealthModel::ErrorRole).toString().isEmpty());
    }

    void lastFullySuccessfulRefreshOnlyWhenEverythingAnswered()
    {
        MockClock clock;
        HealthMonitor monitor(profileFor(m_server), clock);
        QVERIFY(refreshAndWait(monitor));
        const QDateTime first = monitor.lastFullySuccessfulRefresh();
        QCOMPARE(first, clock.nowUtc());
        m_server.setResponse(QStringLiteral("/alpha"), {500, "text/plain", "boom", 0, FakeHttpServer::Mode::Normal, {}});
        clock.advanceSeconds(10);
        QVERIFY(refreshAndWait(monitor));
        QCOMPARE(monitor.lastFullySuccessfulRefresh(), first);
    }

    void pausingStopsAndResumingRefreshesAtOnce()
    {
        MockClock clock;
        HealthMonitor monitor(profileFor(m_server), clock);
        QSignalSpy paused(&monitor, &HealthMonitor::pausedChanged);
        monitor.start();
        QTRY_VERIFY(!monitor.isRefreshing());
        QVERIFY(monitor.secondsUntilRefresh() > 0);
        monitor.setPaused(true);
        QCOMPARE(paused.count(), 1);
        QCOMPARE(monitor.secondsUntilRefresh(), -1);
        const int before = m_server.requestCount(QStringLiteral("/alpha"));
        QSignalSpy started(&monitor, &HealthMonitor::refreshStarted);
        monitor.setPaused(false);
        QCOMPARE(started.count(), 1);
        QTRY_COMPARE(m_server.requestCount(QStringLiteral("/alpha")), before + 1);
    }
};

QTEST_GUILESS_MAIN(TestHealthModel)
#include "tst_healthmodel.moc"
