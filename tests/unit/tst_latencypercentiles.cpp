// LatencyPercentiles against a scripted Prometheus (FakeHttpServer): the three range queries it
// sends, and how answers become series and states (Ok / NoData / Failed), including answers for
// a service that is no longer selected.
//
// FakeHttpServer answers by exact path, query included, and the query carries the window's start
// and end. The mock clock makes those repeatable: a first round against unset paths (404) records
// the three exact request paths, the test scripts answers for them, and the next round at the same
// clock time asks for exactly those paths again.

#include "FakeHttpServer.h"
#include "MockClock.h"
#include "health/LatencyPercentiles.h"
#include "metrics/PrometheusClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QUrlQuery>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace ops;
using ops::test::FakeHttpServer;
using ops::test::MockClock;

namespace {

constexpr int WaitMs = 10000;
const QString Prefix = QStringLiteral("/prom/api/v1/query_range?");

// A Prometheus matrix answer with one series; NaN values are sent as "NaN" like Prometheus does.
QByteArray matrix(const QList<double> &values, qint64 startSeconds = 1774744200)
{
    QJsonArray points;
    for (int i = 0; i < values.size(); ++i) {
        const double v = values[i];
        points.append(QJsonArray{double(startSeconds + 30 * i),
                                 std::isnan(v) ? QStringLiteral("NaN") : QString::number(v, 'g', 17)});
    }
    QJsonObject series{{QStringLiteral("metric"), QJsonObject{}}, {QStringLiteral("values"), points}};
    QJsonObject data{{QStringLiteral("resultType"), QStringLiteral("matrix")},
                     {QStringLiteral("result"), QJsonArray{series}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                                     {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

QByteArray emptyMatrix()
{
    QJsonObject data{{QStringLiteral("resultType"), QStringLiteral("matrix")}, {QStringLiteral("result"), QJsonArray{}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                                     {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

QByteArray promError(const QString &type, const QString &text)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                                     {QStringLiteral("errorType"), type},
                                     {QStringLiteral("error"), text}})
        .toJson(QJsonDocument::Compact);
}

QString promqlOf(const QString &path)
{
    return QUrlQuery(QUrl(path).query()).queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
}

} // namespace

class TestLatencyPercentiles final : public QObject
{
    Q_OBJECT

private:
    // Waits until the round in flight has all its answers.
    static bool settle(const LatencyPercentiles &p)
    {
        QDeadlineTimer deadline(WaitMs);
        while (p.isQuerying() && !deadline.hasExpired())
            QTest::qWait(10);
        return !p.isQuerying();
    }

    // The exact request path of each quantile (0.5, 0.95, 0.99 → index 0..2) for the round just
    // sent, or an empty list when it was not three range queries.
    QStringList pathsOfLastRound(const QString &service) const
    {
        QStringList paths(LatencyPercentiles::SeriesCount);
        for (const FakeHttpServer::Request &r : m_server.requests()) {
            if (!r.path.startsWith(Prefix))
                continue;
            for (int i = 0; i < LatencyPercentiles::SeriesCount; ++i)
                if (promqlOf(r.path) == LatencyPercentiles::promql(service, LatencyPercentiles::Quantiles[std::size_t(i)]))
                    paths[i] = r.path;
        }
        for (const QString &p : std::as_const(paths))
            if (p.isEmpty())
                return {};
        return paths;
    }

    // Selects the service against unset paths (a 404 round) and returns its three request paths.
    QStringList learn(LatencyPercentiles &p, const QString &service)
    {
        m_server.clearRequests();
        if (p.service() == service)
            p.refresh();
        else
            p.setService(service);
        if (!settle(p))
            return {};
        return pathsOfLastRound(service);
    }

    FakeHttpServer m_server;
    QNetworkAccessManager m_network;

private slots:
    void initTestCase() { QVERIFY(m_server.listen()); }

    void promqlIsTheDocumentedQuery()
    {
        QCOMPARE(LatencyPercentiles::promql(QStringLiteral("alpha"), 0.95),
                 QStringLiteral("histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket"
                                "{service=\"alpha\"}[5m])) by (le))"));
        QVERIFY(LatencyPercentiles::promql(QStringLiteral("x"), 0.5).startsWith(QStringLiteral("histogram_quantile(0.5, ")));
        QVERIFY(LatencyPercentiles::promql(QStringLiteral("x"), 0.99).startsWith(QStringLiteral("histogram_quantile(0.99, ")));
        // A hostile name stays inside the string literal.
        const QString odd = LatencyPercentiles::promql(QStringLiteral("a\"}[5m]) or vector(1) #"), 0.5);
        QVERIFY2(odd.contains(QStringLiteral("{service=\"a\\\"}[5m]) or vector(1) #\"}[5m]")), qPrintable(odd));
        QCOMPARE(LatencyPercentiles::label(0), QStringLiteral("P50"));
        QCOMPARE(LatencyPercentiles::label(1), QStringLiteral("P95"));
        QCOMPARE(LatencyPercentiles::label(2), QStringLiteral("P99"));
    }

    void sendsThreeRangeQueriesForTheService()
    {
        MockClock clock;
        PrometheusClient client(&m_network);
        client.setBaseUrl(m_server.url(QStringLiteral("/prom/")));
        LatencyPercentiles p(&client, clock);
        QCOMPARE(p.state(), LatencyPercentiles::State::NotConfigured);

        const QStringList paths = learn(p, QStringLiteral("order\"router"));
        QVERIFY2(paths.size() == 3, qPrintable(m_server.requests().isEmpty() ? QStringLiteral("no request")
                                                                            : m_server.requests().constLast().path));
        QCOMPARE(m_server.requests().size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QString promql = promqlOf(paths[i]);
            QVERIFY2(promql.contains(QStringLiteral("{service=\"order\\\"router\"}")), qPrintable(promql));
            QVERIFY2(promql.contains(QStringLiteral("sum(rate(http_request_duration_seconds_bucket")), qPrintable(promql));
            QVERIFY2(promql.contains(QStringLiteral("[5m])) by (le))")), qPrintable(promql));
            const QUrlQuery q(QUrl(paths[i]).query());
            // The window: the last 60 minutes up to the clock's now, every 30 s.
            const double end = q.queryItemValue(QStringLiteral("end")).toDouble();
            const double start = q.queryItemValue(QStringLiteral("start")).toDouble();
            QCOMPARE(qint64(std::llround(end)), clock.nowUtc().toSecsSinceEpoch());
            QCOMPARE(qint64(std::llround(end - start)), qint64(LatencyPercentiles::DefaultWindowSeconds));
            QCOMPARE(q.queryItemValue(QStringLiteral("step")), QStringLiteral("30"));
        }
        QVERIFY(promqlOf(paths[0]).startsWith(QStringLiteral("histogram_quantile(0.5,")));
        QVERIFY(promqlOf(paths[1]).startsWith(QStringLiteral("histogram_quantile(0.95,")));
        QVERIFY(promqlOf(paths[2]).startsWith(QStringLiteral("histogram_quantile(0.99,")));
    }

    void matrixAnswerGivesThreeSeries()
    {
        MockClock clock;
        PrometheusClient client(&m_network);
        client.setBaseUrl(m_server.url(QStringLiteral("/prom/")));
        LatencyPercentiles p(&client, clock);
        const QStringList paths = learn(p, QStringLiteral("alpha"));
        QCOMPARE(paths.size(), 3);
        QCOMPARE(p.state(), LatencyPercentiles::State::Failed); // the 404 round
        QVERIFY(!p.hasSeries());

        m_server.setJson(paths[0], matrix({0.010, 0.012, std::numeric_limits<double>::quiet_NaN(), 0.011}));
        m_server.setJson(paths[1], matrix({0.050, 0.060, 0.055}));
        m_server.setJson(paths[2], matrix({0.200, 0.250}));
        QSignalSpy changed(&p, &LatencyPercentiles::changed);
        p.refresh();
        QVERIFY(settle(p));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(p.state(), LatencyPercentiles::State::Ok);
        QVERIFY(p.errorText().isEmpty());
        QCOMPARE(p.lastSuccessUtc(), clock.nowUtc());
        QCOMPARE(p.series(0).size(), 3); // the NaN point is left out
        QCOMPARE(p.series(1).size(), 3);
        QCOMPARE(p.series(2).size(), 2);
        QCOMPARE(p.series(0).at(0).value, 0.010);
        QCOMPARE(p.series(0).at(2).value, 0.011);
        QCOMPARE(p.series(0).at(2).atMs, (1774744200LL + 90) * 1000);
        QCOMPARE(p.series(1).at(1).value, 0.060);
        QCOMPARE(p.series(2).at(1).value, 0.250);
        QVERIFY(p.series(3).isEmpty());

        // Asked again later: the age counts from the good answer.
        clock.advanceSeconds(7);
        QCOMPARE(p.ageSeconds(), 7);
    }

    void nanOnlyOrEmptyIsNoData_data()
    {
        QTest::addColumn<QByteArray>("body");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("NaN only") << matrix({nan, nan, nan});
        QTest::newRow("no series") << emptyMatrix();
    }

    void nanOnlyOrEmptyIsNoData()
    {
        QFETCH(QByteArray, body);
        MockClock clock;
        PrometheusClient client(&m_network);
        client.setBaseUrl(m_server.url(QStringLiteral("/prom/")));
        LatencyPercentiles p(&client, clock);
        const QStringList paths = learn(p, QStringLiteral("beta"));
        QCOMPARE(paths.size(), 3);
        for (const QString &path : paths)
            m_server.setJson(path, body);
        p.refresh();
        QVERIFY(settle(p));
        QCOMPARE(p.state(), LatencyPercentiles::State::NoData);
        QVERIFY(p.errorText().isEmpty());
        QVERIFY(!p.hasSeries());
        QCOMPARE(p.lastSuccessUtc(), clock.nowUtc()); // an answer, just an empty one
    }

    void failuresAreFailedAndKeepTheLastSeries_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("HTML from a proxy") << 502 << QByteArray("text/html")
                                           << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>")
                                           << QStringLiteral("502");
        QTest::newRow("HTML login page with 200") << 200 << QByteArray("text/html")
                                                  << QByteArray("<!DOCTYPE html><html><title>Sign in</title></html>")
                                                  << QStringLiteral("200");
        QTest::newRow("500 plain") << 500 << QByteArray("text/plain") << QByteArray("internal error")
                                   << QStringLiteral("500");
        QTest::newRow("status error") << 400 << QByteArray("application/json")
                                      << promError(QStringLiteral("bad_data"), QStringLiteral("parse error at char 7"))
                                      << QStringLiteral("parse error at char 7");
        QTest::newRow("not JSON") << 200 << QByteArray("application/json") << QByteArray("{\"status\":")
                                  << QStringLiteral("JSON");
    }

    void failuresAreFailedAndKeepTheLastSeries()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, reasonPart);
        MockClock clock;
        PrometheusClient client(&m_network);
        client.setBaseUrl(m_server.url(QStringLiteral("/prom/")));
        LatencyPercentiles p(&client, clock);
        const QStringList paths = learn(p, QStringLiteral("gamma"));
        QCOMPARE(paths.size(), 3);
        for (const QString &path : paths)
            m_server.setJson(path, matrix({0.02, 0.03}));
        p.refresh();
        QVERIFY(settle(p));
        QCOMPARE(p.state(), LatencyPercentiles::State::Ok);
        const QDateTime good = p.lastSuccessUtc();

        // One of the three failing is enough to call the round failed.
        FakeHttpServer::Response bad;
        bad.status = status;
        bad.contentType = contentType;
        bad.body = body;
        m_server.setResponse(paths[1], bad);
        p.refresh();
        QVERIFY(settle(p));
        QCOMPARE(p.state(), LatencyPercentiles::State::Failed);
        QVERIFY2(p.errorText().contains(reasonPart), qPrintable(p.errorText()));
        // The last good series stay, with when they were read.
        QCOMPARE(p.series(0).size(), 2);
        QCOMPARE(p.series(1).size(), 2);
        QCOMPARE(p.series(2).size(), 2);
        QCOMPARE(p.lastSuccessUtc(), good);

        // Failed is not NoData: an empty answer after the failure says NoData and drops the series.
        for (const QString &path : paths)
            m_server.setJson(path, emptyMatrix());
        p.refresh();
        QVERIFY(settle(p));
        QCOMPARE(p.state(), LatencyPercentiles::State::NoData);
        QVERIFY(p.errorText().isEmpty());
        QVERIFY(!p.hasSeries());
    }

    void unreachablePrometheusIsFailed()
    {
        MockClock clock;
        FakeHttpServer gone;
        QVERIFY(gone.listen());
        const QUrl base = gone.url(QStringLiteral("/"));
        gone.stopListening();
        PrometheusClient client(&m_network);
        client.setBaseUrl(base);
        LatencyPercentiles p(&client, clock);
        p.setService(QStringLiteral("alpha"));
        QCOMPARE(p.state(), LatencyPercentiles::State::Loading);
        QVERIFY(settle(p));
        QCOMPARE(p.state(), LatencyPercentiles::State::Failed);
        QVERIFY(!p.errorText().isEmpty());
        QVERIFY(!p.lastSuccessUtc().isValid());
    }

    void switchingServiceMidFlightIgnoresTheOldAnswer()
    {
        MockClock clock;
        PrometheusClient client(&m_network);
        client.setBaseUrl(m_server.url(QStringLiteral("/prom/")));
        LatencyPercentiles p(&client, clock);
        const QStringList alpha = learn(p, QStringLiteral("alpha"));
        const QStringList beta = learn(p, QStringLiteral("beta"));
        QCOMPARE(alpha.size(), 3);
        QCOMPARE(beta.size(), 3);
        for (const QString &path : alpha) {
            FakeHttpServer::Response slow;
            slow.body = matrix({9.0, 9.0, 9.0}); // would be unmistakable on beta's chart
            slow.delayMs = 400;
            m_server.setResponse(path, slow);
        }
        for (const QString &path : beta)
            m_server.setJson(path, matrix({0.001, 0.002}));

        // The operator clicks alpha, then quickly beta: alpha's answers arrive after beta's.
        m_server.clearRequests();
        p.setService(QStringLiteral("alpha"));
        QCOMPARE(p.state(), LatencyPercentiles::State::Loading);
        QVERIFY(p.isQuerying());
        QTest::qWait(50);
        p.setService(QStringLiteral("beta"));
        QCOMPARE(p.service(), QStringLiteral("beta"));
        QVERIFY(settle(p));
        QCOMPARE(p.state(), LatencyPercentiles::State::Ok);
        QCOMPARE(p.series(1).size(), 2);

        QSignalSpy changed(&p, &LatencyPercentiles::changed);
        // Alpha's answers are really sent, and arrive: they must change nothing.
        QTRY_COMPARE_WITH_TIMEOUT(m_server.requests(QByteArray("GET"), alpha[2]).size(), 1, WaitMs);
        QTest::qWait(800);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(p.service(), QStringLiteral("beta"));
        QCOMPARE(p.state(), LatencyPercentiles::State::Ok);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(p.series(i).size(), 2);
            QVERIFY2(p.series(i).constFirst().value < 1.0, "an answer for alpha was shown for beta");
        }
    }

    void switchingClearsThePreviousServicesSeries()
    {
        MockClock clock;
        PrometheusClient client(&m_network);
        client.setBaseUrl(m_server.url(QStringLiteral("/prom/")));
        LatencyPercentiles p(&client, clock);
        const QStringList alpha = learn(p, QStringLiteral("delta"));
        QCOMPARE(alpha.size(), 3);
        for (const QString &path : alpha)
            m_server.setJson(path, matrix({0.02, 0.03}));
        p.refresh();
        QVERIFY(settle(p));
        QCOMPARE(p.state(), LatencyPercentiles::State::Ok);

        p.setService(QStringLiteral("epsilon")); // nothing set: it will fail
        QCOMPARE(p.state(), LatencyPercentiles::State::Loading);
        QVERIFY(!p.hasSeries());
        QVERIFY(!p.lastSuccessUtc().isValid());
        QVERIFY(settle(p));
        QCOMPARE(p.state(), LatencyPercentiles::State::Failed);
        QVERIFY(!p.hasSeries()); // delta's lines are not epsilon's "last answer"
    }

    void notConfiguredAsksNothing()
    {
        MockClock clock;
        PrometheusClient client(&m_network); // no base URL
        LatencyPercentiles p(&client, clock);
        m_server.clearRequests();
        p.setService(QStringLiteral("alpha"));
        p.refresh();
        QCOMPARE(p.state(), LatencyPercentiles::State::NotConfigured);
        QVERIFY(!p.isQuerying());
        QTest::qWait(50);
        QCOMPARE(m_server.requests().size(), 0);

        LatencyPercentiles none(nullptr, clock);
        none.setService(QStringLiteral("alpha"));
        none.refresh();
        QCOMPARE(none.state(), LatencyPercentiles::State::NotConfigured);

        // Configured later: the next refresh asks.
        client.setBaseUrl(m_server.url(QStringLiteral("/prom/")));
        p.refresh();
        QCOMPARE(p.state(), LatencyPercentiles::State::Loading);
        QVERIFY(settle(p));
        QCOMPARE(m_server.requests().size(), 3);
    }

    void refreshDoesNotPileUpAndTheTimerReasks()
    {
        MockClock clock;
        PrometheusClient client(&m_network);
        client.setBaseUrl(m_server.url(QStringLiteral("/prom/")));
        LatencyPercentiles p(&client, clock);
        const QStringList paths = learn(p, QStringLiteral("zeta"));
        QCOMPARE(paths.size(), 3);
        for (const QString &path : paths) {
            FakeHttpServer::Response slow;
            slow.body = matrix({0.02});
            slow.delayMs = 200;
            m_server.setResponse(path, slow);
        }
        m_server.clearRequests();
        p.refresh();
        p.refresh(); // still in flight: not asked twice
        p.refresh();
        QVERIFY(settle(p));
        QCOMPARE(m_server.requests().size(), 3);
        QCOMPARE(p.state(), LatencyPercentiles::State::Ok);

        m_server.clearRequests();
        p.setRefreshIntervalSeconds(1);
        QTRY_VERIFY_WITH_TIMEOUT(m_server.requests().size() >= 6, WaitMs); // two more rounds
        p.setRefreshIntervalSeconds(0);
        QVERIFY(settle(p));
        const qsizetype asked = m_server.requests().size();
        QTest::qWait(1500);
        QCOMPARE(m_server.requests().size(), asked);
    }
};

QTEST_MAIN(TestLatencyPercentiles)
#include "tst_latencypercentiles.moc"
