// SLA end to end: the sandbox (real PostgreSQL) serves /metrics, a real Prometheus
// (tests/support/TestPrometheus, /usr/bin/prometheus) scrapes it every second, and the console's
// SlaMonitor, SlaModel and SlaPanel read Prometheus. A staleness breach set through the sandbox
// (12 s) shows as Page with its value; the poison queue figure equals the SQL count. Then
// Prometheus hangs (SIGSTOP) and is stopped: the panel says "Query failed" within the client's
// deadline, keeps the last value with its age, and the GUI thread keeps ticking throughout.
#include "E2eFixture.h"
#include "TestPrometheus.h"
#include "metrics/PrometheusClient.h"
#include "sla/SlaChart.h"
#include "sla/SlaModel.h"
#include "sla/SlaMonitor.h"
#include "sla/SlaPanel.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QtTest>

using namespace ops;
using namespace ops::test;

namespace {

enum Row { Staleness, Delivery, Audit, Poison };
constexpr int ClientTimeoutMs = 2000;

// Measures the longest gap between ticks of a 50 ms timer on the GUI thread.
class TickWatch final : public QObject
{
public:
    TickWatch()
    {
        m_timer.setInterval(50);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_maxGapMs = std::max(m_maxGapMs, m_since.restart());
            ++m_ticks;
        });
    }
    void start()
    {
        m_maxGapMs = 0;
        m_ticks = 0;
        m_since.start();
        m_timer.start();
    }
    qint64 maxGapMs() const { return m_maxGapMs; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_maxGapMs = 0;
    int m_ticks = 0;
};

} // namespace

class TestSlaE2e final : public QObject
{
    Q_OBJECT

    SandboxFixture m_fx;
    TestPrometheus m_prometheus;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<PrometheusClient> m_client;
    std::unique_ptr<SlaMonitor> m_monitor;
    std::unique_ptr<SlaPanel> m_panel;
    qint64 m_poisonInSql = -1;

    qint64 poisonCount()
    {
        QSqlDatabase db = m_fx.database(QStringLiteral("sla-e2e"), QStringLiteral("ops_e2e_sla"));
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE status = 'poison'")) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start(QStringLiteral("ops_e2e_sla"), true);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // Deterministic alerts: no worker timer, no random events or sms failures; the staleness
        // gauge forced to 12 s (a breach that pages: > 10 s).
        opssandbox::AlertSettings settings = m_fx.sandbox->alertSettings();
        settings.workerIntervalMs = 0;
        settings.eventProbability = 0;
        settings.smsFailureRate = 0;
        settings.failingChannels = {QStringLiteral("email")};
        settings.cbStalenessSeconds = 12.0;
        m_fx.sandbox->setAlertSettings(settings);
        // 12 email deliveries that fail three times each: 12 poison (> 10: a page).
        opssandbox::GeneratedAlerts generated;
        QString generateError;
        QVERIFY2(m_fx.sandbox->generateAlerts(12, QStringLiteral("email"), {}, &generated, &generateError),
                 qPrintable(generateError));
        m_fx.sandbox->processAlertPasses(3);
        m_poisonInSql = poisonCount();
        QVERIFY2(m_poisonInSql >= 12, qPrintable(QString::number(m_poisonInSql)));

        const QUrl api = m_fx.sandbox->apiBaseUrl();
        QVERIFY(m_fx.sandbox->metricsText().contains("cb_staleness_seconds 12"));
        QString promError;
        QVERIFY2(m_prometheus.start(QStringLiteral("%1:%2").arg(api.host()).arg(api.port()), 1, &promError),
                 qPrintable(promError));
        QVERIFY2(m_prometheus.waitForTargetUp(20000, &promError), qPrintable(promError));

        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<PrometheusClient>(m_network.get());
        m_client->setTimeoutMs(ClientTimeoutMs);
        m_monitor = std::make_unique<SlaMonitor>(m_client.get());
        m_monitor->setPrometheusUrl(m_prometheus.baseUrl());
        m_monitor->setIntervalMs(1000);
        m_panel = std::make_unique<SlaPanel>(m_monitor.get());
        m_panel->resize(1100, 800);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_monitor->start();
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        m_monitor.reset();
        m_client.reset();
        m_network.reset();
        m_prometheus.kill();
        m_fx.sandbox.reset();
    }

    void stalenessBreachPages()
    {
        SlaModel *model = m_panel->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->status(Staleness), SlaStatus::Page, 20000);
        QCOMPARE(model->data(model->index(Staleness, 0), SlaModel::ValueRole).toDouble(), 12.0);
        QCOMPARE(m_panel->statusText(Staleness), QStringLiteral("Page"));
        QCOMPARE(m_panel->valueText(Staleness), QStringLiteral("12.0 s"));
        QVERIFY2(m_panel->detailText(Staleness).startsWith(QStringLiteral("updated ")),
                 qPrintable(m_panel->detailText(Staleness)));
        // The hour's chart has the scraped points.
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->chart(Staleness)->pointCount() >= 1, 10000);
        QCOMPARE(m_panel->chart(Staleness)->points().last().y(), 12.0);
    }

    void poisonQueueEqualsSql()
    {
        SlaModel *model = m_panel->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(Poison, 0), SlaModel::ValueRole).toLongLong(),
                                  m_poisonInSql, 20000);
        QCOMPARE(model->status(Poison), m_poisonInSql > 10 ? SlaStatus::Page : SlaStatus::Breached);
        QCOMPARE(m_panel->valueText(Poison), QString::number(m_poisonInSql));
        QCOMPARE(poisonCount(), m_poisonInSql);
        // The two histograms answered too (a value or No data, not a failure).
        QVERIFY(model->status(Delivery) != SlaStatus::QueryFailed);
        QVERIFY(model->status(Audit) != SlaStatus::QueryFailed);
    }

    void prometheusHangsThenStops()
    {
        SlaModel *model = m_panel->model();
        QCOMPARE(model->status(Staleness), SlaStatus::Page);

        // Hanging: connections are accepted and never answered. The deadline decides.
        TickWatch watch;
        watch.start();
        QElapsedTimer elapsed;
        elapsed.start();
        m_prometheus.suspend();
        QTRY_COMPARE_WITH_TIMEOUT(model->status(Staleness), SlaStatus::QueryFailed,
                                  1000 /*interval*/ + ClientTimeoutMs + 3000);
        const qint64 tookMs = elapsed.elapsed();
        QVERIFY(watch.ticks() >= int(tookMs / 50) / 2);
        QVERIFY2(m_panel->detailText(Staleness).contains(QStringLiteral("No answer from Prometheus")),
                 qPrintable(m_panel->detailText(Staleness)));
        QCOMPARE(m_panel->statusText(Staleness), QStringLiteral("Query failed"));
        QCOMPARE(m_panel->valueText(Staleness), QStringLiteral("12.0 s")); // kept
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->detailText(Staleness).contains(QStringLiteral("(last value ")), 3000);
        QTest::qWait(300);
        QVERIFY2(watch.maxGapMs() < 500, qPrintable(QStringLiteral("GUI thread stalled for %1 ms").arg(watch.maxGapMs())));

        // Stopped: refused at once. The charts say so, the last hour stays greyed.
        m_prometheus.stop();
        QVERIFY(!m_prometheus.isRunning());
        watch.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->detailText(Staleness).contains(QStringLiteral("could not be reached")),
                                 1000 + ClientTimeoutMs + 3000);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->chart(Staleness)->overlay(), SlaChart::Overlay::Failed, 5000);
        QVERIFY(m_panel->chart(Staleness)->overlayText().startsWith(QStringLiteral("⚠ Query failed: ")));
        QVERIFY(m_panel->chart(Staleness)->isGreyed());
        QVERIFY(m_panel->chart(Staleness)->pointCount() >= 1);
        for (int row = 0; row < 4; ++row)
            QTRY_COMPARE_WITH_TIMEOUT(model->status(row), SlaStatus::QueryFailed, 5000);
        QCOMPARE(model->data(model->index(Staleness, 0), SlaModel::ValueRole).toDouble(), 12.0);
        QCOMPARE(model->data(model->index(Poison, 0), SlaModel::ValueRole).toLongLong(), m_poisonInSql);
        // The age grows while Prometheus stays away.
        const qint64 age = model->data(model->index(Staleness, 0), SlaModel::ValueAgeRole).toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(model->data(model->index(Staleness, 0), SlaModel::ValueAgeRole).toLongLong() > age, 3000);
        QVERIFY2(watch.maxGapMs() < 500, qPrintable(QStringLiteral("GUI thread stalled for %1 ms").arg(watch.maxGapMs())));
    }
};

QTEST_MAIN(TestSlaE2e)
#include "tst_sla_e2e.moc"
