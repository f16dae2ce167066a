// End to end: the health page's latency percentiles from a real Prometheus (tests/support/
// TestPrometheus, the Debian binary, 1 s scrapes) scraping the in-process sandbox's /metrics, whose
// http_request_duration_seconds{service} histograms are fed by the sandbox's synthetic traffic.
// A `slow` fault on a service must raise that service's P95 (and only that service's).

#include "E2eFixture.h"
#include "TestPrometheus.h"
#include "health/HealthMonitor.h"
#include "health/HealthPage.h"
#include "health/LatencyChart.h"
#include "health/LatencyPercentiles.h"
#include "metrics/PrometheusClient.h"

#include <QDeadlineTimer>
#include <QMap>
#include <QNetworkAccessManager>
#include <QtTest>

#include <array>

using namespace ops;
using ops::test::SandboxFixture;
using ops::test::TestPrometheus;

namespace {

constexpr int SlowFaultMs = 2000;

// Waits until the round in flight has all its answers.
bool settle(const LatencyPercentiles &p, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (p.isQuerying() && !deadline.hasExpired())
        QTest::qWait(20);
    return !p.isQuerying();
}

// Asks again (every 1 s) until `done` holds or the time is up; returns whether it held.
template<typename Done>
bool askUntil(LatencyPercentiles &p, int timeoutMs, Done done)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        p.refresh();
        settle(p);
        if (done())
            return true;
        if (deadline.hasExpired())
            return false;
        QTest::qWait(1000);
    }
}

double lastValue(const LatencyPercentiles &p, int index)
{
    const QList<PromSample> &s = p.series(index);
    return s.isEmpty() ? -1.0 : s.constLast().value;
}

// P50 <= P95 <= P99 at every time all three have a value; returns a description of the first
// violation, empty when none. `compared` receives how many instants were compared.
QString orderViolation(const LatencyPercentiles &p, int *compared)
{
    std::array<QMap<qint64, double>, 3> byTime;
    for (int i = 0; i < 3; ++i)
        for (const PromSample &s : p.series(i))
            byTime[std::size_t(i)].insert(s.atMs, s.value);
    *compared = 0;
    for (auto it = byTime[0].cbegin(); it != byTime[0].cend(); ++it) {
        if (!byTime[1].contains(it.key()) || !byTime[2].contains(it.key()))
            continue;
        ++*compared;
        const double p50 = it.value();
        const double p95 = byTime[1].value(it.key());
        const double p99 = byTime[2].value(it.key());
        if (!(p50 <= p95 + 1e-12 && p95 <= p99 + 1e-12))
            return QStringLiteral("at %1: P50 %2, P95 %3, P99 %4").arg(it.key()).arg(p50).arg(p95).arg(p99);
    }
    return {};
}

} // namespace

class TestPercentilesE2e final : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_fx;
    TestPrometheus m_prom;
    QNetworkAccessManager m_network;

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start(QStringLiteral("ops_percentiles_e2e"), true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // More synthetic traffic per second than the default pass every 2 s, and no alert events:
        // this test is about request latencies only.
        opssandbox::AlertSettings settings = m_fx.sandbox->alertSettings();
        settings.workerIntervalMs = 500;
        settings.eventProbability = 0;
        m_fx.sandbox->setAlertSettings(settings);

        const QUrl api = m_fx.sandbox->apiBaseUrl();
        QString promError;
        QVERIFY2(m_prom.start(QStringLiteral("%1:%2").arg(api.host()).arg(api.port()), 1, &promError),
                 qPrintable(promError));
        QVERIFY2(m_prom.waitForTargetUp(20000, &promError), qPrintable(promError));
    }

    void selectedServiceShowsThreeOrderedPercentiles()
    {
        ConnectionProfile profile = m_fx.profile;
        profile.postgres.enabled = false; // not what this test is about
        HealthMonitor monitor(profile);
        monitor.setRefreshIntervalSeconds(2);
        HealthPage page(&monitor);
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        PrometheusClient client(&m_network);
        client.setBaseUrl(m_prom.baseUrl());
        page.setPrometheus(&client);
        LatencyPercentiles *p = page.percentiles();
        QVERIFY(p);
        const QString service = monitor.entryName(page.selectedRow());
        QCOMPARE(p->service(), service);
        QVERIFY(m_fx.sandbox->serviceNames().contains(service));
        LatencyChart *chart = page.chart();
        QCOMPARE(chart->mode(), LatencyChart::Mode::Percentiles);

        // Every health refresh (2 s) asks Prometheus again; rate(...[5m]) needs two scrapes.
        monitor.start();
        QTRY_VERIFY2_WITH_TIMEOUT(chart->percentilePointCount(0) > 0 && chart->percentilePointCount(1) > 0
                                      && chart->percentilePointCount(2) > 0,
                                  qPrintable(QStringLiteral("state %1, %2; overlay: %3")
                                                 .arg(int(p->state()))
                                                 .arg(p->errorText(), chart->overlayText())),
                                  60000);
        QCOMPARE(p->state(), LatencyPercentiles::State::Ok);
        QVERIFY(!chart->isOverlayShown());
        QCOMPARE(chart->legendLabels(),
                 QStringList({QStringLiteral("P50"), QStringLiteral("P95"), QStringLiteral("P99")}));
        QVERIFY2(chart->titleText().contains(QStringLiteral("from Prometheus")), qPrintable(chart->titleText()));
        QVERIFY2(chart->titleText().contains(service), qPrintable(chart->titleText()));

        int compared = 0;
        const QString violation = orderViolation(*p, &compared);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        QVERIFY(compared >= 1);
        // Healthy synthetic traffic: mostly 8-40 ms, a thin tail up to ~250 ms.
        const double p50 = lastValue(*p, 0);
        const double p99 = lastValue(*p, 2);
        qInfo("%s: P50 %.4f s, P95 %.4f s, P99 %.4f s (%d instants compared)", qPrintable(service), p50,
              lastValue(*p, 1), p99, compared);
        QVERIFY2(p50 > 0.001 && p50 < 0.1, qPrintable(QString::number(p50)));
        QVERIFY2(p99 > 0.001 && p99 < 0.5, qPrintable(QString::number(p99)));
        page.setPrometheus(nullptr);
    }

    void slowFaultRaisesThatServicesP95()
    {
        const QStringList names = m_fx.sandbox->serviceNames();
        QVERIFY(names.size() >= 2);
        const QString slow = names.at(1);
        const QString calm = names.at(0);

        PrometheusClient client(&m_network);
        client.setBaseUrl(m_prom.baseUrl());
        // Through the model directly, with a fine step: no waiting for 30 s steps or page timers.
        LatencyPercentiles slowP(&client);
        slowP.setWindowSeconds(120);
        slowP.setStepSeconds(1);
        slowP.setService(slow);
        LatencyPercentiles calmP(&client);
        calmP.setWindowSeconds(120);
        calmP.setStepSeconds(1);
        calmP.setService(calm);

        QVERIFY2(askUntil(slowP, 30000, [&] { return slowP.series(1).size() > 0; }),
                 qPrintable(slowP.errorText()));
        const double before = lastValue(slowP, 1);
        QVERIFY2(before > 0 && before < 0.5, qPrintable(QString::number(before)));

        QString error;
        QVERIFY2(m_fx.sandbox->setFault(slow, opssandbox::Fault::Slow, SlowFaultMs, &error), qPrintable(error));
        // Requests now take ~2 s: once they are over 5 % of the last 5 minutes, P95 is in the
        // 1–2.5 s bucket.
        const bool raised = askUntil(slowP, 60000, [&] { return lastValue(slowP, 1) >= 1.0; });
        m_fx.sandbox->clearFaults(slow);
        QVERIFY2(raised, qPrintable(QStringLiteral("P95 of %1 stayed at %2 s (was %3 s); %4")
                                        .arg(slow)
                                        .arg(lastValue(slowP, 1))
                                        .arg(before)
                                        .arg(slowP.errorText())));
        qInfo("P95 of %s: %.3f s before the slow fault, %.3f s after", qPrintable(slow), before, lastValue(slowP, 1));
        QCOMPARE(slowP.state(), LatencyPercentiles::State::Ok);
        QVERIFY(lastValue(slowP, 1) > before);
        QVERIFY(lastValue(slowP, 1) <= 2.5);
        int compared = 0;
        const QString violation = orderViolation(slowP, &compared);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));

        // The label keeps services apart: the other one is as fast as before.
        QVERIFY(askUntil(calmP, 30000, [&] { return calmP.series(1).size() > 0; }));
        QVERIFY2(lastValue(calmP, 1) < 0.5, qPrintable(QString::number(lastValue(calmP, 1))));
    }
};

QTEST_MAIN(TestPercentilesE2e)
#include "tst_percentiles_e2e.moc"
