// tests/support/TestPrometheus and PrometheusClient against the real Debian Prometheus: it scrapes
// a FakeHttpServer's /metrics, answers instant and range queries, refuses bad PromQL with its own
// error text, and after stop() the client reports a failed query (not "no data").
#include "FakeHttpServer.h"
#include "TestPrometheus.h"
#include "metrics/PrometheusClient.h"

#include <QNetworkAccessManager>
#include <QtTest>

#include <cmath>

using namespace ops;
using ops::test::FakeHttpServer;
using ops::test::TestPrometheus;

class TestTestPrometheus final : public QObject
{
    Q_OBJECT

    PromResult run(PrometheusClient &client, const QString &promql)
    {
        PromResult out;
        bool done = false;
        client.query(promql, this, [&](const PromResult &r) {
            out = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            qWarning("no callback");
        return out;
    }

private slots:
    void configFormat()
    {
        const QByteArray yaml = TestPrometheus::configYaml(QStringLiteral("127.0.0.1:18080"), 5, QStringLiteral("/metrics"));
        QVERIFY(yaml.contains("scrape_interval: 5s"));
        QVERIFY(yaml.contains("targets: ['127.0.0.1:18080']"));
        QVERIFY(yaml.contains("metrics_path: '/metrics'"));
        QVERIFY(yaml.contains("job_name: sandbox"));
    }

    void scrapesQueriesAndStops()
    {
        FakeHttpServer target;
        QVERIFY(target.listen());
        FakeHttpServer::Response metrics;
        metrics.contentType = "text/plain; version=0.0.4";
        metrics.body = "# TYPE test_gauge gauge\ntest_gauge 42\n# TYPE nan_gauge gauge\nnan_gauge NaN\n";
        target.setResponse(QStringLiteral("/metrics"), metrics);

        TestPrometheus prometheus;
        QString error;
        QVERIFY2(prometheus.start(QStringLiteral("127.0.0.1:%1").arg(target.port()), 1, &error), qPrintable(error));
        QVERIFY(prometheus.isRunning());
        QCOMPARE(prometheus.baseUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY2(prometheus.waitForTargetUp(15000, &error), qPrintable(error));
        QVERIFY(target.requestCount(QStringLiteral("/metrics")) >= 1);

        QNetworkAccessManager network;
        PrometheusClient client(&network);
        client.setBaseUrl(prometheus.baseUrl());

        const PromResult value = run(client, QStringLiteral("max(test_gauge)"));
        QVERIFY2(value.ok(), qPrintable(value.error));
        QCOMPARE(value.scalar(), 42.0);

        const PromResult nan = run(client, QStringLiteral("max(nan_gauge)"));
        QCOMPARE(int(nan.kind), int(PromResult::Kind::NoData));
        const PromResult absent = run(client, QStringLiteral("max(no_such_metric)"));
        QCOMPARE(int(absent.kind), int(PromResult::Kind::NoData));

        const PromResult bad = run(client, QStringLiteral("max(test_gauge"));
        QCOMPARE(int(bad.kind), int(PromResult::Kind::Failed));
        QCOMPARE(bad.httpStatus, 400);
        QVERIFY2(bad.error.contains(QStringLiteral("bad_data")), qPrintable(bad.error));

        // A range over the last minute at 1 s holds the scraped value.
        PromResult range;
        bool done = false;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        client.queryRange(QStringLiteral("max(test_gauge)"), now.addSecs(-60), now, 1, this,
                          [&](const PromResult &r) {
                              range = r;
                              done = true;
                          });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        QVERIFY2(range.ok(), qPrintable(range.error));
        QVERIFY(!range.series.isEmpty());
        QVERIFY(!range.series.at(0).samples.isEmpty());
        QCOMPARE(range.series.at(0).samples.last().value, 42.0);

        prometheus.stop();
        QVERIFY(!prometheus.isRunning());
        const PromResult stopped = run(client, QStringLiteral("max(test_gauge)"));
        QCOMPARE(int(stopped.kind), int(PromResult::Kind::Failed));
        QVERIFY2(stopped.error.contains(QStringLiteral("could not be reached")), qPrintable(stopped.error));
    }
};

QTEST_GUILESS_MAIN(TestTestPrometheus)
#include "tst_testprometheus.moc"
