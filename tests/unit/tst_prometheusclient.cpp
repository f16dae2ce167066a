// PrometheusClient against FakeHttpServer: vector and matrix answers, NaN/±Inf strings, empty and
// NaN-only results (No data) versus error JSON, HTML from a proxy, truncated JSON, a server that
// never answers or drips, a refused connection and an oversized body (Query failed); the URL
// encoding of PromQL and quoted() for PromQL string literals.
#include "FakeHttpServer.h"
#include "metrics/PrometheusClient.h"

#include <QNetworkAccessManager>
#include <QtTest>

#include <cmath>

using namespace ops;
using ops::test::FakeHttpServer;
using Kind = PromResult::Kind;

namespace {

const QString QueryUp = QStringLiteral("/api/v1/query?query=up");

QByteArray vectorJson(const QByteArray &value)
{
    return QByteArrayLiteral("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[")
        + "{\"metric\":{\"job\":\"sandbox\",\"instance\":\"127.0.0.1:18080\"},\"value\":[1774744200.5,\"" + value
        + "\"]}]}}";
}

QString kindName(Kind k)
{
    switch (k) {
    case Kind::Ok:
        return QStringLiteral("Ok");
    case Kind::NoData:
        return QStringLiteral("NoData");
    case Kind::Failed:
        return QStringLiteral("Failed");
    }
    return QStringLiteral("?");
}

} // namespace

class TestPrometheusClient final : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<PrometheusClient> m_client;

    PromResult run(const QString &promql, int waitMs = 8000)
    {
        PromResult out;
        bool done = false;
        m_client->query(promql, this, [&](const PromResult &r) {
            out = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, waitMs))
            qWarning("no callback");
        return out;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<PrometheusClient>(m_network.get());
        m_client->setBaseUrl(m_server->url(QStringLiteral("/")));
    }
    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        m_server.reset();
    }

    void vector()
    {
        m_server->setJson(QueryUp, vectorJson("4.25"));
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("Ok"));
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.series.size(), 1);
        QCOMPARE(r.series.at(0).labels.value(QStringLiteral("job")), QStringLiteral("sandbox"));
        QCOMPARE(r.series.at(0).samples.size(), 1);
        QCOMPARE(r.series.at(0).samples.at(0).atMs, Q_INT64_C(1774744200500));
        QCOMPARE(r.scalar(), 4.25);
        QCOMPARE(r.firstValue(), 4.25);
        QVERIFY(r.error.isEmpty());
        const auto requests = m_server->requests("GET", QueryUp);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).header("Accept"), QByteArray("application/json"));
    }

    void matrix()
    {
        const QDateTime end = QDateTime::fromSecsSinceEpoch(1774744200, QTimeZone::utc());
        const QDateTime start = end.addSecs(-3600);
        const QString path = QStringLiteral("/api/v1/query_range?query=up&start=1774740600.000&end=1774744200.000&step=30");
        m_server->setJson(path,
                          QByteArrayLiteral("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[")
                              + "{\"metric\":{},\"values\":[[1774740600,\"1\"],[1774740630,\"NaN\"],"
                                "[1774740660,\"+Inf\"],[1774740690,\"-Inf\"],[1774740720,\"2.5e-3\"]]}]}}");
        PromResult r;
        bool done = false;
        m_client->queryRange(QStringLiteral("up"), start, end, 30, this, [&](const PromResult &x) {
            r = x;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 8000));
        QCOMPARE(kindName(r.kind), QStringLiteral("Ok"));
        QCOMPARE(m_server->requestCount(path), 1);
        QCOMPARE(r.series.size(), 1);
        const auto &s = r.series.at(0).samples;
        QCOMPARE(s.size(), 5);
        QCOMPARE(s.at(0).atMs, Q_INT64_C(1774740600000));
        QCOMPARE(s.at(0).value, 1.0);
        QVERIFY(std::isnan(s.at(1).value));
        QVERIFY(std::isinf(s.at(2).value) && s.at(2).value > 0);
        QVERIFY(std::isinf(s.at(3).value) && s.at(3).value < 0);
        QCOMPARE(s.at(4).value, 0.0025);
    }

    void infOnlyIsData()
    {
        m_server->setJson(QueryUp, vectorJson("+Inf"));
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("Ok"));
        QVERIFY(std::isnan(r.scalar())); // scalar(): finite values only
        QVERIFY(std::isinf(r.firstValue()));
    }

    void emptyIsNoData()
    {
        m_server->setJson(QueryUp, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("NoData"));
        QVERIFY(r.series.isEmpty());
        QVERIFY(std::isnan(r.scalar()));
    }

    void nanOnlyIsNoData()
    {
        m_server->setJson(QueryUp, vectorJson("NaN"));
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("NoData"));
        QCOMPARE(r.series.size(), 1);
        QVERIFY(std::isnan(r.scalar()));
    }

    void errorJson()
    {
        m_server->setJson(QueryUp,
                          "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected "
                          "end of input\"}",
                          400);
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("Failed"));
        QCOMPARE(r.httpStatus, 400);
        QVERIFY2(r.error.contains(QStringLiteral("parse error: unexpected end of input")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("bad_data")), qPrintable(r.error));
    }

    void errorJsonWith200()
    {
        m_server->setJson(QueryUp, "{\"status\":\"error\",\"error\":\"query timed out\"}", 200);
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("Failed"));
        QVERIFY2(r.error.contains(QStringLiteral("query timed out")), qPrintable(r.error));
    }

    void html502()
    {
        FakeHttpServer::Response html;
        html.status = 502;
        html.contentType = "text/html";
        html.body = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
        m_server->setResponse(QueryUp, html);
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("Failed"));
        QCOMPARE(r.httpStatus, 502);
        QVERIFY2(r.error.contains(QStringLiteral("502")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("web page")), qPrintable(r.error));
    }

    void htmlLoginWith200()
    {
        FakeHttpServer::Response html;
        html.contentType = "text/html";
        html.body = "<!DOCTYPE html><html><body><form>Sign in</form></body></html>";
        m_server->setResponse(QueryUp, html);
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("Failed"));
        QVERIFY2(r.error.contains(QStringLiteral("web page")), qPrintable(r.error));
    }

    void truncatedJson()
    {
        QByteArray body = vectorJson("1");
        body.chop(7);
        m_server->setJson(QueryUp, body);
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("Failed"));
        QVERIFY2(r.error.contains(QStringLiteral("not valid JSON")), qPrintable(r.error));
    }

    void trailingGarbageAndWrongTypes()
    {
        QCOMPARE(kindName(PrometheusClient::parse(vectorJson("1") + "xx", 200).kind), QStringLiteral("Failed"));
        // A BOM is tolerated.
        QCOMPARE(kindName(PrometheusClient::parse("\xEF\xBB\xBF" + vectorJson("1"), 200).kind), QStringLiteral("Ok"));
        QCOMPARE(kindName(PrometheusClient::parse(vectorJson("abc"), 200).kind), QStringLiteral("Failed"));
        QCOMPARE(kindName(PrometheusClient::parse(
                     "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":{}}}", 200)
                              .kind),
                 QStringLiteral("Failed"));
        QCOMPARE(kindName(PrometheusClient::parse(
                     "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1]}]}}", 200)
                              .kind),
                 QStringLiteral("Failed"));
        QCOMPARE(kindName(PrometheusClient::parse("[1,2]", 200).kind), QStringLiteral("Failed"));
        QCOMPARE(kindName(PrometheusClient::parse("", 200).kind), QStringLiteral("Failed"));
        QCOMPARE(kindName(PrometheusClient::parse(vectorJson("1"), 503).kind), QStringLiteral("Failed"));
        // Scalar answers and numbers instead of strings.
        const PromResult scalar = PrometheusClient::parse(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1774744200,7]}}", 200);
        QCOMPARE(kindName(scalar.kind), QStringLiteral("Ok"));
        QCOMPARE(scalar.scalar(), 7.0);
        // 1025-deep nesting.
        const QByteArray deep = QByteArray(1025, '[') + QByteArray(1025, ']');
        QCOMPARE(kindName(PrometheusClient::parse(deep, 200).kind), QStringLiteral("Failed"));
    }

    void timeout()
    {
        FakeHttpServer::Response hang;
        hang.mode = FakeHttpServer::Mode::Hang;
        m_server->setResponse(QueryUp, hang);
        m_client->setTimeoutMs(400);
        QElapsedTimer t;
        t.start();
        const PromResult r = run(QStringLiteral("up"), 5000);
        QCOMPARE(kindName(r.kind), QStringLiteral("Failed"));
        QCOMPARE(r.httpStatus, 0);
        QVERIFY2(r.error.contains(QStringLiteral("No answer")), qPrintable(r.error));
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    }

    void dripDoesNotEvadeTheDeadline()
    {
        FakeHttpServer::Response drip;
        drip.body = vectorJson("1");
        drip.mode = FakeHttpServer::Mode::Drip; // one byte a second: the transfer timeout alone never fires
        m_server->setResponse(QueryUp, drip);
        m_client->setTimeoutMs(1500);
        QElapsedTimer t;
        t.start();
        const PromResult r = run(QStringLiteral("up"), 6000);
        QCOMPARE(kindName(r.kind), QStringLiteral("Failed"));
        QVERIFY2(r.error.contains(QStringLiteral("No answer")), qPrintable(r.error));
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
    }

    void refused()
    {
        m_server->stopListening();
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("Failed"));
        QCOMPARE(r.httpStatus, 0);
        QVERIFY2(r.error.contains(QStringLiteral("could not be reached")), qPrintable(r.error));
    }

    void oversizedBody()
    {
        FakeHttpServer::Response big;
        big.body = QByteArray(PrometheusClient::MaxBodyBytes + 1, ' ');
        m_server->setResponse(QueryUp, big);
        const PromResult r = run(QStringLiteral("up"), 15000);
        QCOMPARE(kindName(r.kind), QStringLiteral("Failed"));
        QVERIFY2(r.error.contains(QStringLiteral("too large")), qPrintable(r.error));
    }

    void notConfigured()
    {
        m_client->setBaseUrl(QUrl());
        QVERIFY(!m_client->isConfigured());
        const PromResult r = run(QStringLiteral("up"));
        QCOMPARE(kindName(r.kind), QStringLiteral("Failed"));
        QVERIFY2(r.error.contains(QStringLiteral("not configured")), qPrintable(r.error));
    }

    void baseUrlWithPrefix()
    {
        m_client->setBaseUrl(m_server->url(QStringLiteral("/prom")));
        m_server->setJson(QStringLiteral("/prom/api/v1/query?query=up"), vectorJson("1"));
        QCOMPARE(kindName(run(QStringLiteral("up")).kind), QStringLiteral("Ok"));
    }

    void promqlIsPercentEncoded()
    {
        // '+' must arrive as %2B (Go decodes a bare '+' in a query string as a space).
        const QString promql = QStringLiteral("sum(rate(x_bucket{service=\"a b&c\"}[5m])) + 1");
        const QString path = QStringLiteral("/api/v1/query?query=")
            + QString::fromLatin1(QUrl::toPercentEncoding(promql));
        QVERIFY(path.contains(QStringLiteral("%2B")));
        m_server->setJson(path, vectorJson("1"));
        const PromResult r = run(promql);
        QCOMPARE(kindName(r.kind), QStringLiteral("Ok"));
        QCOMPARE(m_server->requestCount(path), 1);
    }

    void callbackDroppedWithContext()
    {
        FakeHttpServer::Response slow;
        slow.body = vectorJson("1");
        slow.delayMs = 200;
        m_server->setResponse(QueryUp, slow);
        auto context = std::make_unique<QObject>();
        bool called = false;
        m_client->query(QStringLiteral("up"), context.get(), [&](const PromResult &) { called = true; });
        context.reset();
        QTest::qWait(600);
        QVERIFY(!called);
        QCOMPARE(m_server->requestCount(QueryUp), 1);
    }

    void clientDestroyedWhileInFlight()
    {
        FakeHttpServer::Response hang;
        hang.mode = FakeHttpServer::Mode::Hang;
        m_server->setResponse(QueryUp, hang);
        bool called = false;
        m_client->query(QStringLiteral("up"), this, [&](const PromResult &) { called = true; });
        QTRY_COMPARE(m_server->requestCount(QueryUp), 1);
        m_client.reset();
        QTest::qWait(200);
        QVERIFY(!called);
    }

    void quoted_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("breaker") << QStringLiteral("\"breaker\"");
        QTest::newRow("quote") << QStringLiteral("a\"b") << QStringLiteral("\"a\\\"b\"");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("\"a\\\\b\"");
        QTest::newRow("injection") << QStringLiteral("x\"} or vector(1) #")
                                   << QStringLiteral("\"x\\\"} or vector(1) #\"");
        QTest::newRow("control") << QStringLiteral("a\nb\tc") + QChar(0) + QStringLiteral("d")
                                 << QStringLiteral("\"abcd\"");
        QTest::newRow("unicode") << QStringLiteral("Zürich") << QStringLiteral("\"Zürich\"");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
    }
    void quoted()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(PrometheusClient::quoted(input), expected);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
