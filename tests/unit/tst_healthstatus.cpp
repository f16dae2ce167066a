#include "health/HealthStatus.h"

#include <QtTest>

using ops::HealthStatus;

class TestHealthStatus final : public QObject
{
    Q_OBJECT

private slots:
    void fromWord_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("known");
        const auto row = [](const char *w, HealthStatus s, bool known = true) {
            QTest::newRow(w) << QString::fromUtf8(w) << int(s) << known;
        };
        row("healthy", HealthStatus::Healthy);
        row("OK", HealthStatus::Healthy);
        row(" ready ", HealthStatus::Healthy);
        row("alive", HealthStatus::Healthy);
        row("up", HealthStatus::Healthy);
        row("pass", HealthStatus::Healthy);
        row("warn", HealthStatus::Degraded);
        row("degraded", HealthStatus::Degraded);
        row("unavailable", HealthStatus::Unhealthy);
        row("down", HealthStatus::Unhealthy);
        row("fail", HealthStatus::Unhealthy);
        row("unhealthy", HealthStatus::Unhealthy);
        row("disabled", HealthStatus::Disabled);
        row("initializing", HealthStatus::Initialising);
        row("banana", HealthStatus::Unknown, false);
        row("", HealthStatus::Unknown, false);
    }
    void fromWord()
    {
        QFETCH(QString, word);
        QFETCH(int, expected);
        QFETCH(bool, known);
        bool isKnown = !known;
        QCOMPARE(int(ops::healthStatusFromWord(word, &isKnown)), expected);
        QCOMPARE(isKnown, known);
    }

    void rollUp_data()
    {
        QTest::addColumn<QList<HealthStatus>>("components");
        QTest::addColumn<int>("expected");
        using S = HealthStatus;
        QTest::newRow("none") << QList<S>{} << int(S::Unknown);
        QTest::newRow("all healthy") << QList<S>{S::Healthy, S::Healthy} << int(S::Healthy);
        QTest::newRow("disabled is not a failure") << QList<S>{S::Healthy, S::Disabled} << int(S::Healthy);
        QTest::newRow("only disabled") << QList<S>{S::Disabled} << int(S::Healthy);
        QTest::newRow("any unhealthy") << QList<S>{S::Healthy, S::Degraded, S::Unhealthy} << int(S::Unhealthy);
        QTest::newRow("degraded") << QList<S>{S::Healthy, S::Degraded} << int(S::Degraded);
        QTest::newRow("unknown component") << QList<S>{S::Healthy, S::Unknown} << int(S::Degraded);
    }
    void rollUp()
    {
        QFETCH(QList<HealthStatus>, components);
        QFETCH(int, expected);
        QCOMPARE(int(ops::rollUp(components)), expected);
    }

    void severityOrdersWorstFirst()
    {
        QCOMPARE(ops::worseOf(HealthStatus::Healthy, HealthStatus::Degraded), HealthStatus::Degraded);
        QCOMPARE(ops::worseOf(HealthStatus::Unhealthy, HealthStatus::Stale), HealthStatus::Unhealthy);
        QCOMPARE(ops::worseOf(HealthStatus::Stale, HealthStatus::Unreachable), HealthStatus::Unreachable);
        QCOMPARE(ops::worseOf(HealthStatus::Disabled, HealthStatus::Healthy), HealthStatus::Disabled);
    }

    void keysAndLabelsAreDistinct()
    {
        QSet<QString> keys;
        QSet<QString> labels;
        for (int i = 0; i <= int(HealthStatus::Disabled); ++i) {
            keys.insert(ops::healthStatusKey(HealthStatus(i)));
            labels.insert(ops::healthStatusLabel(HealthStatus(i)));
        }
        QCOMPARE(keys.size(), int(HealthStatus::Disabled) + 1);
        QCOMPARE(labels.size(), int(HealthStatus::Disabled) + 1);
        QCOMPARE(ops::healthStatusKey(HealthStatus::Stale), QStringLiteral("stale"));
    }
};

QTEST_GUILESS_MAIN(TestHealthStatus)
#include "tst_healthstatus.moc"
