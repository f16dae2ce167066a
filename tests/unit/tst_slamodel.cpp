// SLA targets, monitor and model: the four targets of docs/alerts-and-sla.md with their exact
// boundaries (5/10 s, 60 s, 1 s, queue 0/1/10/11); SlaMonitor against FakeHttpServer as Prometheus
// (Met, Breached, Page, No data, Query failed with the last value and its age on the MockClock,
// the one-hour history, out-of-order answers, not configured, URL change); SlaModel under
// QAbstractItemModelTester with words and colours per status.
#include "FakeHttpServer.h"
#include "MockClock.h"
#include "metrics/PrometheusClient.h"
#include "sla/SlaModel.h"
#include "sla/SlaMonitor.h"
#include "sla/SlaTarget.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace ops;
using ops::test::FakeHttpServer;
using ops::test::MockClock;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

enum Row { Staleness, Delivery, Audit, Poison };

QString instantPath(const QString &promql)
{
    return QStringLiteral("/api/v1/query?query=") + QString::fromLatin1(QUrl::toPercentEncoding(promql));
}

QString rangePath(const QString &promql, const QDateTime &now)
{
    const auto secs = [](const QDateTime &t) { return QString::number(double(t.toMSecsSinceEpoch()) / 1000.0, 'f', 3); };
    return QStringLiteral("/api/v1/query_range?query=") + QString::fromLatin1(QUrl::toPercentEncoding(promql))
        + QStringLiteral("&start=") + secs(now.addSecs(-3600)) + QStringLiteral("&end=") + secs(now)
        + QStringLiteral("&step=30");
}

QByteArray vectorJson(const QByteArray &value)
{
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1774744200,\""
        + value + "\"]}]}}";
}

const QByteArray EmptyVector = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";

QString statusName(SlaStatus s)
{
    return slaStatusKey(s);
}

QColor colourOf(HealthStatus s)
{
    // Stand-in for StatusStyle: distinct per health status.
    return QColor::fromHsv(int(s) * 40, 200, 150);
}

} // namespace

class TestSlaModel final : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<PrometheusClient> m_client;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<SlaMonitor> m_monitor;
    std::unique_ptr<SlaModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    const SlaTarget &target(int row) const { return SlaTarget::all().at(row); }

    void answer(int row, const QByteArray &json, int status = 200)
    {
        m_server->setJson(instantPath(target(row).promql), json, status);
    }
    void answerRange(int row, const QByteArray &json, int status = 200)
    {
        m_server->setJson(rangePath(target(row).promql, m_clock->nowUtc()), json, status);
    }
    bool refresh()
    {
        QSignalSpy done(m_monitor.get(), &SlaMonitor::refreshFinished);
        m_monitor->refreshNow();
        return done.wait(10000);
    }
    QVariant cell(int row, int column, int role = Qt::DisplayRole) const
    {
        return m_model->data(m_model->index(row, column), role);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<PrometheusClient>(m_network.get());
        m_client->setBaseUrl(m_server->url(QStringLiteral("/")));
        m_client->setTimeoutMs(2000);
        m_clock = std::make_unique<MockClock>();
        m_monitor = std::make_unique<SlaMonitor>(m_client.get(), *m_clock);
        m_model = std::make_unique<SlaModel>(m_monitor.get());
        m_model->setColourProvider([](HealthStatus s) { return QVariant(colourOf(s)); });
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_monitor.reset();
        m_client.reset();
        m_network.reset();
        m_server.reset();
    }

    void theFourTargetsOfTheContract()
    {
        const auto &all = SlaTarget::all();
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(Staleness).promql, QStringLiteral("max(cb_staleness_seconds)"));
        QCOMPARE(all.at(Delivery).promql,
                 QStringLiteral("histogram_quantile(0.95, sum(rate(alert_delivery_latency_seconds_bucket[5m])) by (le))"));
        QCOMPARE(all.at(Audit).promql,
                 QStringLiteral("histogram_quantile(0.95, sum(rate(audit_write_duration_seconds_bucket[5m])) by (le))"));
        QCOMPARE(all.at(Poison).promql, QStringLiteral("max(alert_poison_queue_size)"));
        QCOMPARE(all.at(Staleness).title(), QStringLiteral("Breaker staleness"));
        QCOMPARE(all.at(Staleness).targetText(), QStringLiteral("≤ 5 s (page > 10 s)"));
        QCOMPARE(all.at(Delivery).targetText(), QStringLiteral("< 60 s"));
        QCOMPARE(all.at(Audit).targetText(), QStringLiteral("< 1 s"));
        QCOMPARE(all.at(Poison).targetText(), QStringLiteral("= 0 (page > 10)"));
    }

    void boundaries_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("staleness 0") << int(Staleness) << 0.0 << QStringLiteral("met");
        QTest::newRow("staleness 5") << int(Staleness) << 5.0 << QStringLiteral("met");
        QTest::newRow("staleness 5.001") << int(Staleness) << 5.001 << QStringLiteral("breached");
        QTest::newRow("staleness 10") << int(Staleness) << 10.0 << QStringLiteral("breached");
        QTest::newRow("staleness 10.001") << int(Staleness) << 10.001 << QStringLiteral("page");
        QTest::newRow("staleness NaN") << int(Staleness) << NaN << QStringLiteral("no_data");
        QTest::newRow("delivery 59.999") << int(Delivery) << 59.999 << QStringLiteral("met");
        QTest::newRow("delivery 60") << int(Delivery) << 60.0 << QStringLiteral("breached");
        QTest::newRow("delivery 600") << int(Delivery) << 600.0 << QStringLiteral("breached");
        QTest::newRow("delivery +Inf") << int(Delivery) << Inf << QStringLiteral("breached");
        QTest::newRow("audit 0.999") << int(Audit) << 0.999 << QStringLiteral("met");
        QTest::newRow("audit 1") << int(Audit) << 1.0 << QStringLiteral("breached");
        QTest::newRow("audit NaN") << int(Audit) << NaN << QStringLiteral("no_data");
        QTest::newRow("poison 0") << int(Poison) << 0.0 << QStringLiteral("met");
        QTest::newRow("poison 1") << int(Poison) << 1.0 << QStringLiteral("breached");
        QTest::newRow("poison 10") << int(Poison) << 10.0 << QStringLiteral("breached");
        QTest::newRow("poison 11") << int(Poison) << 11.0 << QStringLiteral("page");
    }
    void boundaries()
    {
        QFETCH(int, row);
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(statusName(target(row).evaluate(value)), expected);
    }

    void valueText()
    {
        QCOMPARE(target(Staleness).formatValue(12), QStringLiteral("12.0 s"));
        QCOMPARE(target(Audit).formatValue(0.0123), QStringLiteral("12 ms"));
        QCOMPARE(target(Audit).formatValue(0.0045), QStringLiteral("4.5 ms"));
        QCOMPARE(target(Delivery).formatValue(Inf), QStringLiteral("∞ s"));
        QCOMPARE(target(Poison).formatValue(3), QStringLiteral("3"));
        QCOMPARE(target(Poison).formatValue(NaN), QStringLiteral("—"));
    }

    void statusWordsAndColoursDiffer()
    {
        const QList<SlaStatus> all = {SlaStatus::Unknown, SlaStatus::Met,         SlaStatus::Breached,
                                      SlaStatus::Page,    SlaStatus::NoData,      SlaStatus::QueryFailed,
                                      SlaStatus::NotConfigured};
        QSet<QString> words;
        QSet<int> healths;
        for (SlaStatus s : all) {
            words.insert(slaStatusLabel(s));
            healths.insert(int(slaHealthStatus(s)));
        }
        QCOMPARE(words.size(), all.size());
        QCOMPARE(healths.size(), all.size());
        QCOMPARE(slaHealthStatus(SlaStatus::Met), HealthStatus::Healthy);
        QCOMPARE(slaHealthStatus(SlaStatus::Page), HealthStatus::Unhealthy);
    }

    void eachStateFromPrometheus()
    {
        answer(Staleness, vectorJson("12"));
        answer(Delivery, EmptyVector);
        answer(Audit, "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query processing would load too many samples\"}",
               422);
        answer(Poison, vectorJson("0"));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(refresh());
        QVERIFY(changed.count() >= 4);

        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(cell(Staleness, SlaModel::StatusColumn).toString(), QStringLiteral("Page"));
        QCOMPARE(cell(Staleness, SlaModel::ValueColumn).toString(), QStringLiteral("12.0 s"));
        QCOMPARE(cell(Staleness, SlaModel::ObjectiveColumn).toString(), QStringLiteral("≤ 5 s (page > 10 s)"));
        QCOMPARE(cell(Staleness, SlaModel::UpdatedColumn).toString(), QStringLiteral("updated 0 s ago"));
        QCOMPARE(cell(Staleness, 0, SlaModel::ValueRole).toDouble(), 12.0);
        QCOMPARE(cell(Staleness, SlaModel::StatusColumn, Qt::DecorationRole).value<QColor>(),
                 colourOf(HealthStatus::Unhealthy));
        QCOMPARE(cell(Staleness, SlaModel::StatusColumn, Qt::ForegroundRole).value<QColor>(),
                 colourOf(HealthStatus::Unhealthy));

        QCOMPARE(cell(Delivery, SlaModel::StatusColumn).toString(), QStringLiteral("No data"));
        QCOMPARE(cell(Delivery, SlaModel::ValueColumn).toString(), QStringLiteral("—"));
        QCOMPARE(cell(Delivery, SlaModel::UpdatedColumn).toString(), QStringLiteral("No data in the last 5 minutes"));
        QVERIFY(!cell(Delivery, 0, SlaModel::ValueRole).isValid());
        QCOMPARE(cell(Delivery, SlaModel::StatusColumn, Qt::DecorationRole).value<QColor>(), colourOf(HealthStatus::Stale));

        QCOMPARE(cell(Audit, SlaModel::StatusColumn).toString(), QStringLiteral("Query failed"));
        const QString failed = cell(Audit, SlaModel::UpdatedColumn).toString();
        QVERIFY2(failed.startsWith(QStringLiteral("query failed: ")), qPrintable(failed));
        QVERIFY2(failed.contains(QStringLiteral("too many samples")), qPrintable(failed));
        QVERIFY2(failed.contains(QStringLiteral("no earlier value")), qPrintable(failed));
        QCOMPARE(cell(Audit, SlaModel::StatusColumn, Qt::DecorationRole).value<QColor>(),
                 colourOf(HealthStatus::Unreachable));
        // No data and Query failed are different words, colours and lines.
        QVERIFY(cell(Audit, SlaModel::StatusColumn) != cell(Delivery, SlaModel::StatusColumn));
        QVERIFY(cell(Audit, SlaModel::StatusColumn, Qt::DecorationRole)
                != cell(Delivery, SlaModel::StatusColumn, Qt::DecorationRole));

        QCOMPARE(cell(Poison, SlaModel::StatusColumn).toString(), QStringLiteral("Met"));
        QCOMPARE(cell(Poison, SlaModel::ValueColumn).toString(), QStringLiteral("0"));
        QCOMPARE(cell(Poison, 0, SlaModel::StatusKeyRole).toString(), QStringLiteral("met"));
        QCOMPARE(cell(Poison, SlaModel::StatusColumn, Qt::DecorationRole).value<QColor>(), colourOf(HealthStatus::Healthy));
        QVERIFY(cell(Poison, 0, Qt::ToolTipRole).toString().contains(QStringLiteral("Poison queue")));
        QCOMPARE(m_model->headerData(SlaModel::StatusColumn, Qt::Horizontal).toString(), QStringLiteral("Status"));
    }

    void failureKeepsTheLastValueWithItsAge()
    {
        answer(Staleness, vectorJson("3"));
        QVERIFY(refresh());
        QCOMPARE(m_model->status(Staleness), SlaStatus::Met);
        QCOMPARE(cell(Staleness, 0, SlaModel::ValueAgeRole).toLongLong(), 0);

        m_clock->advanceSeconds(25);
        QSignalSpy ages(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->refreshAges();
        QCOMPARE(ages.count(), 1);
        QCOMPARE(cell(Staleness, SlaModel::UpdatedColumn).toString(), QStringLiteral("updated 25 s ago"));

        m_clock->advanceSeconds(15);
        FakeHttpServer::Response html;
        html.status = 502;
        html.contentType = "text/html";
        html.body = "<html><body>502 Bad Gateway</body></html>";
        m_server->setResponse(instantPath(target(Staleness).promql), html);
        QVERIFY(refresh());
        QCOMPARE(m_model->status(Staleness), SlaStatus::QueryFailed);
        QCOMPARE(cell(Staleness, SlaModel::StatusColumn).toString(), QStringLiteral("Query failed"));
        QCOMPARE(cell(Staleness, SlaModel::ValueColumn).toString(), QStringLiteral("3.0 s"));
        QCOMPARE(cell(Staleness, 0, SlaModel::ValueRole).toDouble(), 3.0);
        QCOMPARE(cell(Staleness, 0, SlaModel::ValueAgeRole).toLongLong(), 40);
        const QString line = cell(Staleness, SlaModel::UpdatedColumn).toString();
        QVERIFY2(line.contains(QStringLiteral("502")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("(last value 40 s old)")), qPrintable(line));
        QVERIFY(!cell(Staleness, 0, SlaModel::ErrorRole).toString().isEmpty());

        // Prometheus refused the connection: still Query failed, the age keeps growing.
        m_clock->advanceSeconds(20);
        m_server->stopListening();
        QVERIFY(refresh());
        QCOMPARE(m_model->status(Staleness), SlaStatus::QueryFailed);
        QVERIFY(cell(Staleness, SlaModel::UpdatedColumn).toString().contains(QStringLiteral("(last value 1 min 0 s old)")));

        // Back: a fresh value, no error.
        QVERIFY(m_server->resumeListening());
        answer(Staleness, vectorJson("6"));
        QVERIFY(refresh());
        QCOMPARE(m_model->status(Staleness), SlaStatus::Breached);
        QCOMPARE(cell(Staleness, 0, SlaModel::ErrorRole).toString(), QString());
        QCOMPARE(cell(Staleness, SlaModel::UpdatedColumn).toString(), QStringLiteral("updated 0 s ago"));
    }

    void noDataDoesNotShowAnOldValue()
    {
        answer(Poison, vectorJson("4"));
        QVERIFY(refresh());
        QCOMPARE(m_model->status(Poison), SlaStatus::Breached);
        answer(Poison, vectorJson("NaN"));
        QVERIFY(refresh());
        QCOMPARE(m_model->status(Poison), SlaStatus::NoData);
        QCOMPARE(cell(Poison, SlaModel::ValueColumn).toString(), QStringLiteral("—"));
    }

    void history()
    {
        const QByteArray matrix = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
                                  "\"values\":[[1774740600,\"1\"],[1774740630,\"NaN\"],[1774740660,\"12\"]]}]}}";
        answerRange(Staleness, matrix);
        answer(Staleness, vectorJson("12"));
        QVERIFY(refresh());
        const auto &r = m_monitor->reading(Staleness);
        QCOMPARE(r.historyStatus, SlaStatus::Met);
        QCOMPARE(r.history.size(), 2); // the NaN point is a gap, not a zero
        QCOMPARE(r.history.at(0), QPointF(1774740600000.0, 1.0));
        QCOMPARE(r.history.at(1), QPointF(1774740660000.0, 12.0));
        QCOMPARE(r.historyTo, m_clock->nowUtc());
        QCOMPARE(r.historyFrom, m_clock->nowUtc().addSecs(-3600));
        // Other targets: the range path was not configured (404 text) → failed, no points.
        QCOMPARE(m_monitor->reading(Delivery).historyStatus, SlaStatus::QueryFailed);

        // A failed refresh keeps the points and says so.
        m_clock->advanceSeconds(15);
        QVERIFY(refresh());
        QCOMPARE(m_monitor->reading(Staleness).historyStatus, SlaStatus::QueryFailed);
        QCOMPARE(m_monitor->reading(Staleness).history.size(), 2);
        QVERIFY(!m_monitor->reading(Staleness).historyError.isEmpty());

        // An empty matrix is No data and clears them.
        answerRange(Staleness, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
        QVERIFY(refresh());
        QCOMPARE(m_monitor->reading(Staleness).historyStatus, SlaStatus::NoData);
        QVERIFY(m_monitor->reading(Staleness).history.isEmpty());
    }

    void outOfOrderAnswersAreDropped()
    {
        FakeHttpServer::Response slowOld;
        slowOld.body = vectorJson("2");
        slowOld.delayMs = 800;
        m_server->setResponse(instantPath(target(Staleness).promql), slowOld);
        m_monitor->refreshNow();
        QTRY_COMPARE(m_server->requestCount(instantPath(target(Staleness).promql)), 1);
        answer(Staleness, vectorJson("11"));
        QVERIFY(refresh()); // finishes when the pending answers of both refreshes are in
        QTRY_COMPARE(m_monitor->pendingQueries(), 0);
        QTest::qWait(900); // the old, slow answer has certainly arrived by now
        QCOMPARE(m_model->status(Staleness), SlaStatus::Page);
        QCOMPARE(cell(Staleness, 0, SlaModel::ValueRole).toDouble(), 11.0);
    }

    void notConfiguredDoesNothing()
    {
        m_monitor->setPrometheusUrl(QUrl());
        QVERIFY(!m_monitor->isConfigured());
        m_monitor->start();
        m_monitor->refreshNow();
        QTest::qWait(200);
        QCOMPARE(m_server->requests().size(), 0);
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(m_model->status(row), SlaStatus::NotConfigured);
            QCOMPARE(cell(row, SlaModel::StatusColumn).toString(), QStringLiteral("Not configured"));
            QCOMPARE(cell(row, SlaModel::UpdatedColumn).toString(),
                     QStringLiteral("Prometheus not configured for this profile"));
            QCOMPARE(cell(row, SlaModel::StatusColumn, Qt::DecorationRole).value<QColor>(),
                     colourOf(HealthStatus::Disabled));
        }
        m_monitor->stop();
    }

    void urlChangeResetsAndAsksTheNewOne()
    {
        answer(Staleness, vectorJson("12"));
        QVERIFY(refresh());
        QCOMPARE(m_model->status(Staleness), SlaStatus::Page);

        FakeHttpServer other;
        QVERIFY(other.listen());
        other.setJson(instantPath(target(Staleness).promql), vectorJson("1"));
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_monitor->setPrometheusUrl(other.url(QStringLiteral("/")));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->status(Staleness), SlaStatus::Unknown);
        QCOMPARE(cell(Staleness, SlaModel::ValueColumn).toString(), QStringLiteral("—"));
        QVERIFY(refresh());
        QCOMPARE(m_model->status(Staleness), SlaStatus::Met);
        QCOMPARE(other.requestCount(instantPath(target(Staleness).promql)), 1);
    }

    void timerPolls()
    {
        answer(Poison, vectorJson("0"));
        m_monitor->setIntervalMs(1000);
        QCOMPARE(m_monitor->intervalMs(), 1000);
        QCOMPARE(SlaMonitor::DefaultIntervalMs, 15000);
        m_monitor->start();
        QVERIFY(m_monitor->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(instantPath(target(Poison).promql)) >= 3, true, 5000);
        m_monitor->stop();
        QVERIFY(!m_monitor->isRunning());
        QTRY_COMPARE(m_monitor->pendingQueries(), 0); // every request sent has been answered
        // Every refresh asks each target once for its value and once for its hour.
        int ranges = 0;
        for (const auto &r : m_server->requests())
            ranges += r.path.startsWith(QStringLiteral("/api/v1/query_range?")) ? 1 : 0;
        QVERIFY(ranges >= 12);
    }
};

QTEST_MAIN(TestSlaModel)
#include "tst_slamodel.moc"
