#include "health/LatencyHistory.h"

#include <QtTest>

using ops::LatencyHistory;

class TestLatencyHistory final : public QObject
{
    Q_OBJECT

private slots:
    void keepsOrderAndValues()
    {
        LatencyHistory h;
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, QTimeZone::utc());
        h.append(t0, 12.5, true);
        h.append(t0.addSecs(10), 5000, false);
        QCOMPARE(h.size(), 2);
        QCOMPARE(h.samples().front().latencyMs, 12.5f);
        QVERIFY(!h.samples().back().ok);
    }

    void boundedByCount()
    {
        LatencyHistory h(100, 24LL * 3600 * 1000);
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, QTimeZone::utc());
        for (int i = 0; i < 1000; ++i)
            h.append(t0.addSecs(i), i, true);
        QCOMPARE(h.size(), 100);
        QCOMPARE(h.samples().front().latencyMs, 900.0f);
    }

    void boundedByAgeAndKeepsThirtyMinutesAtTheFastestRefresh()
    {
        LatencyHistory h; // defaults
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, QTimeZone::utc());
        for (int i = 0; i < 2 * 3600; ++i) // two hours at 1 s
            h.append(t0.addSecs(i), 1, true);
        const qint64 spanMs = h.samples().back().atMs - h.samples().front().atMs;
        QVERIFY2(spanMs >= 30LL * 60 * 1000, "at least 30 minutes kept");
        QVERIFY2(spanMs <= LatencyHistory::DefaultMaxAgeMs, "nothing older than the age limit");
        QVERIFY(h.size() <= h.capacity());
    }

    void clockSteppedBackKeepsSamplesOrdered()
    {
        LatencyHistory h;
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, QTimeZone::utc());
        h.append(t0, 1, true);
        h.append(t0.addSecs(10), 2, true);
        h.append(t0.addSecs(5), 3, true);
        QCOMPARE(h.size(), 2);
        QVERIFY(h.samples().front().atMs < h.samples().back().atMs);
    }

    void negativeLatencyClampedToZero()
    {
        LatencyHistory h;
        h.append(QDateTime::currentDateTimeUtc(), -5, true);
        QCOMPARE(h.samples().back().latencyMs, 0.0f);
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistory)
#include "tst_latencyhistory.moc"
