#include "MockClock.h"
#include "health/ServiceHealthTracker.h"

#include <QtTest>

using ops::HealthReading;
using ops::HealthStatus;
using ops::ServiceHealthTracker;
using ops::test::MockClock;

namespace {
HealthReading reading(HealthStatus status, const QString &version = QStringLiteral("1.2.3"))
{
    HealthReading r;
    r.status = status;
    r.version = version;
    return r;
}
} // namespace

class TestServiceHealthTracker final : public QObject
{
    Q_OBJECT

private slots:
    void unknownBeforeFirstAttempt()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        QCOMPARE(t.view().status, HealthStatus::Unknown);
        QVERIFY(!t.view().hasData);
        QCOMPARE(t.view().dataAgeSeconds, -1);
    }

    void successShowsReportedStatus()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        t.recordSuccess(reading(HealthStatus::Degraded), 42);
        QCOMPARE(t.view().status, HealthStatus::Degraded);
        QCOMPARE(t.view().responseMs.value_or(-1), 42);
        QVERIFY(t.view().error.isEmpty());
        clock.advanceSeconds(4);
        QVERIFY2(t.view().summary.contains(QStringLiteral("4 s ago")), qPrintable(t.view().summary));
        HealthReading withMessage = reading(HealthStatus::Degraded);
        withMessage.message = QStringLiteral("broker slow");
        t.recordSuccess(withMessage, 1);
        QCOMPARE(t.view().summary, QStringLiteral("broker slow"));
    }

    void failureUnder30sIsStaleAndKeepsData()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        t.recordSuccess(reading(HealthStatus::Healthy, QStringLiteral("9.9")), 5);
        clock.advanceSeconds(10);
        t.recordFailure(QStringLiteral("Connection refused"));
        const auto v = t.view();
        QCOMPARE(v.status, HealthStatus::Stale);
        QCOMPARE(v.reading.version, QStringLiteral("9.9"));
        QCOMPARE(v.dataAgeSeconds, 10);
        QCOMPARE(v.error, QStringLiteral("Connection refused"));
        QVERIFY2(v.summary.contains(QStringLiteral("10 s")), qPrintable(v.summary));
    }

    void ageCountsBetweenPolls()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        t.recordSuccess(reading(HealthStatus::Healthy), 5);
        clock.advanceSeconds(10);
        t.recordFailure(QStringLiteral("timeout"));
        clock.advanceSeconds(7);
        QCOMPARE(t.view().dataAgeSeconds, 17);
        QVERIFY(t.view().summary.contains(QStringLiteral("17 s")));
    }

    void from30sItIsUnreachable_data()
    {
        QTest::addColumn<int>("age");
        QTest::addColumn<int>("expected");
        QTest::newRow("29 s") << 29 << int(HealthStatus::Stale);
        QTest::newRow("30 s") << 30 << int(HealthStatus::Unreachable);
        QTest::newRow("31 s") << 31 << int(HealthStatus::Unreachable);
    }
    void from30sItIsUnreachable()
    {
        QFETCH(int, age);
        QFETCH(int, expected);
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        t.recordSuccess(reading(HealthStatus::Healthy), 5);
        clock.advanceSeconds(5);
        t.recordFailure(QStringLiteral("Connection refused"));
        clock.advanceSeconds(age - 5);
        QCOMPARE(int(t.view().status), expected);
        QCOMPARE(t.view().reading.status, HealthStatus::Healthy); // the last known data is kept
    }

    void failureWithoutAnyDataIsUnreachable()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        t.recordFailure(QStringLiteral("Connection refused"));
        QCOMPARE(t.view().status, HealthStatus::Unreachable);
        QVERIFY(!t.view().hasData);
    }

    void neverGreenOnDataOlderThanTwoIntervals()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        t.recordSuccess(reading(HealthStatus::Healthy), 5);
        clock.advanceSeconds(20);
        QCOMPARE(t.view().status, HealthStatus::Healthy);
        clock.advanceSeconds(1);
        QCOMPARE(t.view().status, HealthStatus::Stale);
        QVERIFY(t.view().error.isEmpty());
        clock.advanceSeconds(3600);
        QCOMPARE(t.view().status, HealthStatus::Stale); // paused for an hour: still never green
    }

    void intervalChangeMovesTheFreshnessLimit()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        t.recordSuccess(reading(HealthStatus::Healthy), 5);
        clock.advanceSeconds(5);
        t.setRefreshIntervalSeconds(2);
        QCOMPARE(t.view().status, HealthStatus::Stale);
    }

    void recovery()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        t.recordSuccess(reading(HealthStatus::Healthy), 5);
        clock.advanceSeconds(40);
        t.recordFailure(QStringLiteral("refused"));
        QCOMPARE(t.view().status, HealthStatus::Unreachable);
        clock.advanceSeconds(10);
        t.recordSuccess(reading(HealthStatus::Healthy), 6);
        QCOMPARE(t.view().status, HealthStatus::Healthy);
        QCOMPARE(t.view().dataAgeSeconds, 0);
        QVERIFY(t.view().error.isEmpty());
    }

    void historyRecordsTransitionsOnlyOnce()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        t.recordSuccess(reading(HealthStatus::Healthy), 5);
        clock.advanceSeconds(10);
        t.recordSuccess(reading(HealthStatus::Healthy), 5);
        clock.advanceSeconds(5);
        t.recordFailure(QStringLiteral("refused"));
        QVERIFY(!t.evaluate());
        clock.advanceSeconds(30);
        QVERIFY(t.evaluate()); // the stale -> unreachable transition is time-driven
        const auto &changes = t.statusChanges();
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes[0].to, HealthStatus::Healthy);
        QCOMPARE(changes[1].from, HealthStatus::Healthy);
        QCOMPARE(changes[1].to, HealthStatus::Stale);
        QCOMPARE(changes[1].note, QStringLiteral("refused"));
        QCOMPARE(changes[2].to, HealthStatus::Unreachable);
    }

    void historyIsBounded()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        for (int i = 0; i < ServiceHealthTracker::MaxStatusChanges + 50; ++i) {
            clock.advanceSeconds(1);
            t.recordSuccess(reading(i % 2 ? HealthStatus::Healthy : HealthStatus::Unhealthy), 1);
        }
        QCOMPARE(t.statusChanges().size(), ServiceHealthTracker::MaxStatusChanges);
    }

    void clockSteppedBackDoesNotGiveNegativeAge()
    {
        MockClock clock;
        ServiceHealthTracker t(clock, 10);
        t.recordSuccess(reading(HealthStatus::Healthy), 5);
        clock.advanceSeconds(-3600);
        QCOMPARE(t.view().dataAgeSeconds, 0);
        QCOMPARE(t.view().status, HealthStatus::Healthy);
    }
};

QTEST_GUILESS_MAIN(TestServiceHealthTracker)
#include "tst_servicehealthtracker.moc"
