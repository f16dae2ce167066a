#include "core/Backoff.h"

#include <QtTest>

using ops::Backoff;

class TestBackoff final : public QObject
{
    Q_OBJECT

private slots:
    void ceilingDoublesUpToTheCap()
    {
        const Backoff backoff({100, 1000});
        QCOMPARE(backoff.ceilingMs(0), 100);
        QCOMPARE(backoff.ceilingMs(1), 200);
        QCOMPARE(backoff.ceilingMs(3), 800);
        QCOMPARE(backoff.ceilingMs(4), 1000);
        QCOMPARE(backoff.ceilingMs(1000), 1000); // no overflow however long the outage
    }

    void delayIsDrawnFromZeroToTheCeiling()
    {
        double r = 0.0;
        Backoff backoff({100, 1000}, [&r] { return r; });
        QCOMPARE(backoff.nextDelayMs(), 0); // full jitter: zero is allowed
        r = 0.9999;
        QCOMPARE(backoff.nextDelayMs(), 200); // second attempt, top of [0, 200]
        r = 0.5;
        QCOMPARE(backoff.nextDelayMs(), 200); // third attempt, half of 400
        QCOMPARE(backoff.attempts(), 3);
        backoff.reset();
        QCOMPARE(backoff.attempts(), 0);
        r = 0.9999;
        QCOMPARE(backoff.nextDelayMs(), 100);
    }

    void realRandomStaysInRangeAndSpreads()
    {
        Backoff backoff({250, 30000});
        QSet<int> seen;
        for (int i = 0; i < 200; ++i) {
            backoff.reset();
            for (int n = 0; n < 6; ++n) {
                const int ceiling = backoff.ceilingMs(n);
                const int delay = backoff.nextDelayMs();
                QVERIFY2(delay >= 0 && delay <= ceiling, qPrintable(QString::number(delay)));
                if (n == 5)
                    seen.insert(delay);
            }
        }
        QVERIFY2(seen.size() > 50, "the delays of different clients must differ (jitter)");
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
