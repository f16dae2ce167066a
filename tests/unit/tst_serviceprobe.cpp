#include "FakeHttpServer.h"
#include "health/ServiceProbe.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace ops;
using ops::test::FakeHttpServer;

namespace {

HealthParseResult parsed(HealthStatus status, const QString &message = {})
{
    HealthParseResult r;
    r.ok = true;
    r.reading.status = status;
    r.reading.message = message;
    return r;
}

HealthParseResult failed(const QString &error)
{
    HealthParseResult r;
    r.error = error;
    return r;
}

} // namespace

class TestServiceProbe final : public QObject
{
    Q_OBJECT

private:
    ProbeResult run(const ServiceEndpoint &endpoint, int timeoutMs, qint64 *elapsed = nullptr)
    {
        QNetworkAccessManager network;
        ServiceProbe probe(network, endpoint, timeoutMs);
        QSignalSpy spy(&probe, &ServiceProbe::finished);
        QElapsedTimer timer;
        timer.start();
        probe.start();
        if (!spy.wait(timeoutMs + 5000))
            return {};
        if (elapsed)
            *elapsed = timer.elapsed();
        [&] { QCOMPARE(spy.count(), 1); }();
        return spy.takeFirst().at(0).value<ProbeResult>();
    }

    FakeHttpServer m_server;

private slots:
    void initTestCase() { QVERIFY(m_server.listen()); }

    void combine_data()
    {
        QTest::addColumn<HealthParseResult>("live");
        QTest::addColumn<bool>("hasReady");
        QTest::addColumn<HealthParseResult>("ready");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("status");
        using S = HealthStatus;
        QTest::newRow("live only") << parsed(S::Healthy) << false << HealthParseResult{} << true << int(S::Healthy);
        QTest::newRow("live failed") << failed(QStringLiteral("refused")) << true << parsed(S::Healthy) << false << 0;
        QTest::newRow("ready ok") << parsed(S::Healthy) << true << parsed(S::Healthy) << true << int(S::Healthy);
        QTest::newRow("ready initialising") << parsed(S::Healthy) << true << parsed(S::Initialising) << true
                                            << int(S::Initialising);
        QTest::newRow("not ready") << parsed(S::Healthy) << true << parsed(S::Unhealthy) << true << int(S::Degraded);
        QTest::newRow("ready unreadable") << parsed(S::Healthy) << true << failed(QStringLiteral("HTML")) << true
                                          << int(S::Degraded);
        QTest::newRow("live unhealthy wins") << parsed(S::Unhealthy) << true << parsed(S::Unhealthy) << true
                                             << int(S::Unhealthy);
        QTest::newRow("live initialising wins") << parsed(S::Initialising) << true << failed(QStringLiteral("503"))
                                                << true << int(S::Initialising);
    }
    void combine()
    {
        QFETCH(HealthParseResult, live);
        QFETCH(bool, hasReady);
        QFETCH(HealthParseResult, ready);
        QFETCH(bool, ok);
        QFETCH(int, status);
        const ProbeResult r = ServiceProbe::combine(live, hasReady ? std::optional(ready) : std::nullopt, 7);
        QCOMPARE(r.ok, ok);
        QCOMPARE(r.elapsedMs, 7);
        if (ok)
            QCOMPARE(int(r.reading.status), status);
        else
            QCOMPARE(r.error, live.error);
    }

    void fetchesLivenessAndReadiness()
    {
        m_server.setJson(QStringLiteral("/live"), R"({"status":"ok","version":"3.1"})");
        m_server.setJson(QStringLiteral("/ready"), R"({"detail":{"status":"not_ready","checks":{"feed":{"status":"fail"}}}})", 503);
        const ProbeResult r = run({QStringLiteral("svc"), m_server.url(QStringLiteral("/live")),
                                   m_server.url(QStringLiteral("/ready"))}, 3000);
        QVERIFY(r.ok);
        QCOMPARE(r.reading.status, HealthStatus::Degraded);
        QCOMPARE(r.reading.version, QStringLiteral("3.1"));
        QVERIFY(r.reading.message.contains(QStringLiteral("not ready")));
    }

    void hangEndsAtTheDeadline()
    {
        m_server.setResponse(QStringLiteral("/hang"), {200, "application/json", "{}", 0, FakeHttpServer::Mode::Hang, {}});
        qint64 elapsed = 0;
        const ProbeResult r = run({QStringLiteral("svc"), m_server.url(QStringLiteral("/hang")), {}}, 800, &elapsed);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("Timed out")), qPrintable(r.error));
        QVERIFY2(elapsed >= 700 && elapsed < 3000, qPrintable(QString::number(elapsed)));
    }

    void slowDripEndsAtTheDeadline()
    {
        // One byte a second keeps a transfer timeout alive forever; the hard deadline must not.
        m_server.setResponse(QStringLiteral("/drip"), {200, "application/json", R"({"status":"healthy","pad":"xxxxxxxx"})",
                                                       0, FakeHttpServer::Mode::Drip, {}});
        qint64 elapsed = 0;
        const ProbeResult r = run({QStringLiteral("svc"), m_server.url(QStringLiteral("/drip")), {}}, 1500, &elapsed);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("Timed out")), qPrintable(r.error));
        QVERIFY2(elapsed < 4000, qPrintable(QString::number(elapsed)));
    }

    void connectionRefused()
    {
        QTcpServer reserve;
        QVERIFY(reserve.listen(QHostAddress::LocalHost));
        const quint16 port = reserve.serverPort();
        reserve.close();
        const ProbeResult r = run({QStringLiteral("svc"), QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(port)), {}}, 3000);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QStringLiteral("Connection refused"));
    }

    void closedWithoutAnswer()
    {
        m_server.setResponse(QStringLiteral("/close"), {200, "", "", 0, FakeHttpServer::Mode::CloseWithoutAnswer, {}});
        const ProbeResult r = run({QStringLiteral("svc"), m_server.url(QStringLiteral("/close")), {}}, 3000);
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
    }

    void oversizedBodyIsRefused()
    {
        FakeHttpServer::Response big;
        big.body = QByteArray(HealthParser::MaxBodyBytes + 1024, ' ');
        m_server.setResponse(QStringLiteral("/big"), big);
        const ProbeResult r = run({QStringLiteral("svc"), m_server.url(QStringLiteral("/big")), {}}, 5000);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("too large")), qPrintable(r.error));
    }

    void redirectToAnotherOriginIsNotFollowed()
    {
        FakeHttpServer other;
        QVERIFY(other.listen());
        other.setJson(QStringLiteral("/health"), R"({"status":"healthy"})");
        FakeHttpServer::Response redirect;
        redirect.status = 302;
        redirect.contentType = "text/plain";
        redirect.extraHeaders = {"Location: " + other.url(QStringLiteral("/health")).toEncoded()};
        m_server.setResponse(QStringLiteral("/moved"), redirect);
        const ProbeResult r = run({QStringLiteral("svc"), m_server.url(QStringLiteral("/moved")), {}}, 3000);
        QVERIFY(!r.ok);
        QCOMPARE(other.requestCount(QStringLiteral("/health")), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceProbe)
#include "tst_serviceprobe.moc"
