#include "FakeHttpServer.h"
#include "api/ApiClient.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace ops;
using ops::test::FakeHttpServer;

class TestApiClient final : public QObject
{
    Q_OBJECT

private:
    FakeHttpServer m_server;

    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("unit");
        p.restBaseUrl = m_server.url(QStringLiteral("/"));
        return p;
    }

    static ApiResult callOnce(ApiClient &api, const QString &path, int timeoutMs = 10000)
    {
        ApiResult out;
        bool done = false;
        QObject context;
        api.get(path, &context, [&](const ApiResult &r) {
            out = r;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, timeoutMs); }();
        return out;
    }

    static QByteArray header(const QList<QByteArray> &headers, const QByteArray &name)
    {
        for (const QByteArray &line : headers) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

    static FakeHttpServer::Response response(int status, const QByteArray &contentType, const QByteArray &body,
                                             const QList<QByteArray> &extra = {})
    {
        FakeHttpServer::Response r;
        r.status = status;
        r.contentType = contentType;
        r.body = body;
        r.extraHeaders = extra;
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_server.setJson(QStringLiteral("/api/v1/thing"), R"({"value":42})");
    }

    void headersCarryTokenAndRequestId()
    {
        ApiClient api(profile());
        api.setToken(QStringLiteral("tok-123"));
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/thing"));
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.body.object().value(QStringLiteral("value")).toInt(), 42);
        const QList<QByteArray> headers = m_server.lastRequestHeaders();
        QCOMPARE(header(headers, "Authorization"), QByteArray("Bearer tok-123"));
        QCOMPARE(header(headers, "Accept"), QByteArray("application/json"));
        const QByteArray id = header(headers, "X-Request-ID");
        QVERIFY(!id.isEmpty());
        QVERIFY(!id.startsWith('{'));
        QCOMPARE(QString::fromLatin1(id), r.requestId);
        QVERIFY(!QUuid::fromString(r.requestId).isNull());
    }

    void noAuthorizationWhenSignedOut()
    {
        ApiClient api(profile());
        api.setToken(QStringLiteral("tok"));
        api.setToken({});
        QVERIFY(!api.hasToken());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/thing"));
        QVERIFY(r.ok());
        QVERIFY(header(m_server.lastRequestHeaders(), "Authorization").isEmpty());
    }

    void postSendsJsonBody()
    {
        m_server.setJson(QStringLiteral("/api/v1/echo"), R"({"ok":true})");
        ApiClient api(profile());
        bool done = false;
        ApiResult out;
        api.post(QStringLiteral("api/v1/echo"), QJsonDocument(QJsonObject{{QStringLiteral("a"), 1}}), this,
                 [&](const ApiResult &r) {
                     out = r;
                     done = true;
                 });
        QTRY_VERIFY(done);
        QVERIFY(out.ok());
        QCOMPARE(header(m_server.lastRequestHeaders(), "Content-Type"), QByteArray("application/json"));
    }

    void unauthorizedEmitsSignal()
    {
        m_server.setJson(QStringLiteral("/api/v1/expired"), R"({"error":"token_expired","detail":"Token expired"})", 401);
        ApiClient api(profile());
        api.setToken(QStringLiteral("old"));
        QSignalSpy spy(&api, &ApiClient::unauthenticated);
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/expired"));
        QCOMPARE(r.kind, ApiResult::Kind::Unauthenticated);
        QCOMPARE(r.httpStatus, 401);
        QCOMPARE(r.errorCode, QStringLiteral("token_expired"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<ApiResult>().errorCode, QStringLiteral("token_expired"));
    }

    void forbiddenNamesThePermission()
    {
        m_server.setJson(QStringLiteral("/api/v1/admin"),
                         R"({"error":"forbidden","permission":"users:view","detail":"Missing permission"})", 403);
        ApiClient api(profile());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/admin"));
        QCOMPARE(r.kind, ApiResult::Kind::Forbidden);
        QCOMPARE(r.permission, QStringLiteral("users:view"));
        QVERIFY(r.message.contains(QStringLiteral("users:view")));
    }

    void rateLimited_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("lowest");
        QTest::addColumn<int>("highest"); // -1: no value
        QTest::newRow("seconds") << QByteArray("7") << 7 << 7;
        const QString date = QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(30),
                                                   QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
        QTest::newRow("http date") << date.toLatin1() << 27 << 31;
        QTest::newRow("garbage") << QByteArray("soon-ish") << -1 << -1;
    }
    void rateLimited()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, lowest);
        QFETCH(int, highest);
        m_server.setResponse(QStringLiteral("/api/v1/limited"),
                             response(429, "application/json",
                                      R"j({"error":"rate_limited","detail":"Rate limit exceeded: Max 1 reset per minute (global)"})j",
                                      {"Retry-After: " + retryAfter}));
        ApiClient api(profile());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/limited"));
        QCOMPARE(r.kind, ApiResult::Kind::RateLimited);
        QVERIFY(r.message.contains(QStringLiteral("Rate limit exceeded")));
        if (highest < 0) {
            QVERIFY(!r.retryAfterSeconds.has_value());
        } else {
            QVERIFY(r.retryAfterSeconds.has_value());
            QVERIFY2(*r.retryAfterSeconds >= lowest && *r.retryAfterSeconds <= highest,
                     qPrintable(QString::number(*r.retryAfterSeconds)));
        }
    }

    void proxyHtmlPage()
    {
        m_server.setResponse(QStringLiteral("/api/v1/proxy"),
                             response(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>",
                                      {"Retry-After: 5"}));
        ApiClient api(profile());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/proxy"));
        QCOMPARE(r.kind, ApiResult::Kind::ServerError);
        QCOMPARE(r.httpStatus, 502);
        QVERIFY2(r.message.contains(QStringLiteral("proxy")), qPrintable(r.message));
        QCOMPARE(r.retryAfterSeconds, std::optional<int>(5));
    }

    void loginPageIsNotOk()
    {
        m_server.setResponse(QStringLiteral("/api/v1/sso"),
                             response(200, "text/html", "<!DOCTYPE html><html><form>Sign in</form></html>"));
        ApiClient api(profile());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/sso"));
        QCOMPARE(r.kind, ApiResult::Kind::ServerError);
        QVERIFY2(r.message.contains(QStringLiteral("non-JSON")), qPrintable(r.message));
    }

    void emptySuccessIsOk()
    {
        m_server.setResponse(QStringLiteral("/api/v1/empty"), response(204, "application/json", ""));
        ApiClient api(profile());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/empty"));
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(r.body.isNull());
    }

    void malformedJsonErrorBody_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("422 truncated") << 422 << QByteArray("\x7b\"detail\":\"bad") << int(ApiResult::Kind::ClientError);
        QTest::newRow("500 trailing garbage") << 500 << QByteArray("\x7b\"detail\":\"x\"\x7d garbage")
                                              << int(ApiResult::Kind::ServerError);
        QTest::newRow("401 not json") << 401 << QByteArray("nope\x7b") << int(ApiResult::Kind::Unauthenticated);
        QTest::newRow("deep nesting") << 400 << QByteArray(1025, '[') << int(ApiResult::Kind::ClientError);
    }
    void malformedJsonErrorBody()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        m_server.setResponse(QStringLiteral("/api/v1/broken"), response(status, "application/json", body));
        ApiClient api(profile());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/broken"));
        QCOMPARE(int(r.kind), kind);
        QCOMPARE(r.httpStatus, status);
        QVERIFY(r.body.isNull());
        if (status != 401)
            QVERIFY2(r.message.contains(QStringLiteral("not valid JSON")), qPrintable(r.message));
    }

    void otherClientErrorKeepsBody()
    {
        m_server.setJson(QStringLiteral("/api/v1/conflict"), R"({"detail":"Cannot reset: circuit breaker is OPEN, not TRIPPED"})",
                         409);
        ApiClient api(profile());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/conflict"));
        QCOMPARE(r.kind, ApiResult::Kind::ClientError);
        QVERIFY(r.body.isObject());
        QVERIFY(r.message.contains(QStringLiteral("not TRIPPED")));
    }

    void hangTimesOutAtTheDeadline()
    {
        FakeHttpServer::Response hang;
        hang.mode = FakeHttpServer::Mode::Hang;
        m_server.setResponse(QStringLiteral("/api/v1/hang"), hang);
        ApiClient api(profile());
        api.setDeadlineMs(600);
        QElapsedTimer clock;
        clock.start();
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/hang"));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(r.kind, ApiResult::Kind::Timeout);
        QVERIFY2(elapsed >= 590 && elapsed < 2000, qPrintable(QString::number(elapsed)));
        QVERIFY2(r.message.contains(QStringLiteral("No answer within")), qPrintable(r.message));
    }

    void dripTimesOutToo()
    {
        FakeHttpServer::Response drip = response(200, "application/json", R"({"value":1,"padding":"xxxxxxxx"})");
        drip.mode = FakeHttpServer::Mode::Drip;
        m_server.setResponse(QStringLiteral("/api/v1/drip"), drip);
        ApiClient api(profile());
        api.setDeadlineMs(1500);
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/drip"));
        QCOMPARE(r.kind, ApiResult::Kind::Timeout);
    }

    void tooLargeIsCutOff()
    {
        m_server.setResponse(QStringLiteral("/api/v1/huge"),
                             response(200, "application/json", QByteArray(ApiClient::MaxBodyBytes + 4096, ' ')));
        ApiClient api(profile());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/huge"), 20000);
        QCOMPARE(r.kind, ApiResult::Kind::ServerError);
        QVERIFY2(r.message.contains(QStringLiteral("too large")), qPrintable(r.message));
    }

    void connectionRefused()
    {
        FakeHttpServer gone;
        QVERIFY(gone.listen());
        ConnectionProfile p = profile();
        p.restBaseUrl = gone.url(QStringLiteral("/"));
        gone.stopListening();
        ApiClient api(p);
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/thing"));
        QCOMPARE(r.kind, ApiResult::Kind::NetworkError);
        QVERIFY2(r.message.contains(QStringLiteral("refused")), qPrintable(r.message));
    }

    void closedWithoutAnswer()
    {
        FakeHttpServer::Response close;
        close.mode = FakeHttpServer::Mode::CloseWithoutAnswer;
        m_server.setResponse(QStringLiteral("/api/v1/close"), close);
        ApiClient api(profile());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/close"));
        QCOMPARE(r.kind, ApiResult::Kind::NetworkError);
    }

    void sameOriginRedirectIsFollowed()
    {
        m_server.setResponse(QStringLiteral("/api/v1/old"),
                             response(307, "text/plain", "", {"Location: /api/v1/new"}));
        m_server.setJson(QStringLiteral("/api/v1/new"), R"({"moved":true})");
        const int before = m_server.requestCount(QStringLiteral("/api/v1/new"));
        ApiClient api(profile());
        api.setToken(QStringLiteral("tok-same"));
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/old"));
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.body.object().value(QStringLiteral("moved")).toBool(), true);
        QCOMPARE(m_server.requestCount(QStringLiteral("/api/v1/new")), before + 1);
        QCOMPARE(header(m_server.lastRequestHeaders(), "Authorization"), QByteArray("Bearer tok-same"));
    }

    void redirectLoopStops()
    {
        m_server.setResponse(QStringLiteral("/api/v1/loop"),
                             response(302, "text/plain", "", {"Location: /api/v1/loop"}));
        const int before = m_server.requestCount(QStringLiteral("/api/v1/loop"));
        ApiClient api(profile());
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/loop"));
        QCOMPARE(r.kind, ApiResult::Kind::ServerError);
        QCOMPARE(m_server.requestCount(QStringLiteral("/api/v1/loop")), before + 4); // first + 3 hops
    }

    void otherOriginRedirectIsNotFollowed()
    {
        FakeHttpServer elsewhere;
        QVERIFY(elsewhere.listen());
        QVERIFY(elsewhere.port() != m_server.port());
        elsewhere.setJson(QStringLiteral("/steal"), R"({"stolen":true})");
        m_server.setResponse(QStringLiteral("/api/v1/away"),
                             response(307, "text/plain", "",
                                      {"Location: " + elsewhere.url(QStringLiteral("/steal")).toEncoded()}));
        ApiClient api(profile());
        api.setToken(QStringLiteral("tok-secret"));
        const ApiResult r = callOnce(api, QStringLiteral("api/v1/away"));
        QCOMPARE(r.kind, ApiResult::Kind::ServerError);
        QVERIFY2(r.message.contains(QStringLiteral("another origin")), qPrintable(r.message));
        QTest::qWait(200);
        QCOMPARE(elsewhere.requestCount(QStringLiteral("/steal")), 0);
        QVERIFY(elsewhere.lastRequestHeaders().isEmpty());
    }

    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("expected"); // -1: nullopt
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("seconds") << QByteArray("120") << 120;
        QTest::newRow("spaces") << QByteArray("  9 ") << 9;
        QTest::newRow("capped") << QByteArray("999999") << 86400;
        QTest::newRow("huge") << QByteArray("99999999999999999999") << 86400;
        QTest::newRow("negative") << QByteArray("-5") << -1;
        QTest::newRow("fraction") << QByteArray("1.5") << -1;
        QTest::newRow("empty") << QByteArray() << -1;
        QTest::newRow("garbage") << QByteArray("tomorrow") << -1;
        QTest::newRow("date ahead") << QByteArray("Sun, 29 Mar 2026 00:01:00 GMT") << 60;
        QTest::newRow("date past") << QByteArray("Sat, 28 Mar 2026 23:00:00 GMT") << 0;
        QTest::newRow("date far") << QByteArray("Fri, 29 Mar 2030 00:00:00 GMT") << 86400;
        QTest::newRow("bad date") << QByteArray("Sun, 32 Mar 2026 00:01:00 GMT") << -1;
    }
    void parseRetryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, expected);
        const QDateTime now(QDate(2026, 3, 29), QTime(0, 0), QTimeZone::utc());
        const std::optional<int> got = ops::parseRetryAfter(value, now);
        if (expected < 0)
            QVERIFY(!got.has_value());
        else
            QCOMPARE(got, std::optional<int>(expected));
    }

    void destroyedContextDropsCallback()
    {
        FakeHttpServer::Response late = response(200, "application/json", R"({"late":true})");
        late.delayMs = 200;
        m_server.setResponse(QStringLiteral("/api/v1/late"), late);
        ApiClient api(profile());
        bool called = false;
        auto *context = new QObject;
        api.get(QStringLiteral("api/v1/late"), context, [&](const ApiResult &) { called = true; });
        delete context;
        QTRY_COMPARE(m_server.requestCount(QStringLiteral("/api/v1/late")), 1);
        QTest::qWait(500);
        QVERIFY(!called);
    }

    void callbackRunsExactlyOnce()
    {
        ApiClient api(profile());
        api.setDeadlineMs(300);
        int calls = 0;
        api.get(QStringLiteral("api/v1/thing"), this, [&](const ApiResult &) { ++calls; });
        QTRY_COMPARE(calls, 1);
        QTest::qWait(500); // past the deadline: no second delivery
        QCOMPARE(calls, 1);
    }

    void destroyingTheClientMidCallIsSafe()
    {
        FakeHttpServer::Response hang;
        hang.mode = FakeHttpServer::Mode::Hang;
        m_server.setResponse(QStringLiteral("/api/v1/hang2"), hang);
        bool called = false;
        {
            ApiClient api(profile());
            api.get(QStringLiteral("api/v1/hang2"), this, [&](const ApiResult &) { called = true; });
            QTRY_COMPARE(m_server.requestCount(QStringLiteral("/api/v1/hang2")), 1);
        }
        QTest::qWait(100);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
