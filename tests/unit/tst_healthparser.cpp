// Data-driven tests for ops::HealthParser: every answer shape of ../shared/README.md
// ("Services and health") and the bad inputs every client must survive.

#include "health/HealthParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using ops::HealthComponent;
using ops::HealthParser;
using ops::HealthParseResult;
using ops::HealthStatus;

Q_DECLARE_METATYPE(ops::HealthStatus)

namespace {

// The flat body of the reference platform.
const QByteArray ReferenceBody = R"({
  "status": "healthy",
  "service": "signal_service",
  "version": "1.4.2",
  "timestamp": "2024-05-01T12:00:00Z",
  "database_connected": true,
  "redis_connected": true,
  "dry_run": false,
  "last_order_at": "2024-05-01T11:59:30Z",
  "last_signal_at": "2024-05-01T11:58:00Z",
  "details": {"queue_depth": 3, "model_loaded": true}
})";

const QByteArray Json = "application/json";
const QByteArray Html = "text/html; charset=utf-8";
const QByteArray Text = "text/plain";

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

QByteArray statusBody(const char *word)
{
    return QByteArray(R"({"status": ")") + word + QByteArray(R"("})");
}

QByteArray deepArrays(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

QByteArray deepObjects(int depth)
{
    QByteArray body;
    for (int i = 0; i < depth; ++i)
        body += R"({"a":)";
    return body + "1" + QByteArray(depth, '}');
}

QByteArray paddedBody(qsizetype totalBytes)
{
    const QByteArray head = R"({"status":"ok","pad":")";
    const QByteArray tail = R"("})";
    return head + QByteArray(totalBytes - head.size() - tail.size(), 'x') + tail;
}

HealthStatus statusFromKey(QStringView key)
{
    for (HealthStatus s : {HealthStatus::Unknown, HealthStatus::Healthy, HealthStatus::Degraded,
                           HealthStatus::Unhealthy, HealthStatus::Initialising, HealthStatus::Stale,
                           HealthStatus::Unreachable, HealthStatus::Disabled}) {
        if (ops::healthStatusKey(s) == key)
            return s;
    }
    return HealthStatus::Unknown;
}

} // namespace

class TestHealthParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void components_data();
    void components();
    void identity_data();
    void identity();
    void lastOperation_data();
    void lastOperation();
    void flags();
    void parseTimestamp_data();
    void parseTimestamp();
    void rollUp_data();
    void rollUp();
    void overallCombination_data();
    void overallCombination();
    void prettyBody_data();
    void prettyBody();
    void componentLookupIsCaseInsensitive();
    void everyTruncationIsRejected();
};

// ------------------------------------------------------------------------------------ parse

void TestHealthParser::parse_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<HealthStatus>("status");
    QTest::addColumn<QString>("errorContains");
    QTest::addColumn<QString>("messageContains");
    QTest::addColumn<int>("componentCount");

    const auto H = HealthStatus::Healthy;
    const auto D = HealthStatus::Degraded;
    const auto U = HealthStatus::Unhealthy;
    const auto I = HealthStatus::Initialising;
    const auto X = HealthStatus::Unknown;
    const auto Dis = HealthStatus::Disabled;
    const QString none;

    // Shapes from the README.
    QTest::newRow("reference flat body") << 200 << Json << ReferenceBody << true << H << none << none << 0;
    QTest::newRow("components list")
        << 200 << Json
        << QByteArray(R"({"status":"healthy","components":[
               {"name":"redis","status":"up","latency_ms":1.5},
               {"name":"postgres","status":"degraded","latency_ms":40,"message":"slow"}]})")
        << true << D << none << none << 2;
    QTest::newRow("components dict")
        << 200 << Json
        << QByteArray(R"({"components":{"redis":{"status":"ok","latencyMs":2},
                                        "broker":{"status":"down","error":"connection refused"}}})")
        << true << U << none << none << 2;
    QTest::newRow("checks, disabled is not a failure")
        << 200 << Json
        << QByteArray(R"({"status":"pass","checks":{"db":{"status":"pass"},"cache":{"status":"disabled"}}})")
        << true << H << none << none << 2;
    QTest::newRow("checks as a list")
        << 200 << Json
        << QByteArray(R"({"checks":[{"name":"db","status":"warn"},{"name":"mq","status":"pass"}]})")
        << true << D << none << none << 2;
    QTest::newRow("503 whose body claims healthy is never better than unhealthy")
        << 503 << Json << QByteArray(R"({"status":"healthy","checks":{"db":{"status":"pass"}}})") << true << U
        << none << QStringLiteral("HTTP 503") << 1;
    QTest::newRow("500 plain ok text is unhealthy")
        << 500 << QByteArray("text/plain") << QByteArray("ok") << true << U << none << QStringLiteral("HTTP 500") << 0;
    QTest::newRow("503 initialising")
        << 503 << Json << QByteArray(R"({"detail":"Service is initialising, loading models"})") << true << I
        << none << QStringLiteral("initialising") << 0;
    QTest::newRow("503 starting (American spelling elsewhere)")
        << 503 << Json << QByteArray(R"({"detail":"Still Starting up"})") << true << I << none
        << QStringLiteral("Starting") << 0;
    QTest::newRow("readiness 503 with checks under detail")
        << 503 << Json
        << QByteArray(R"({"detail":{"status":"not_ready","checks":{
               "postgres":{"status":"ok"},"redis":{"status":"fail","error":"timeout"}}}})")
        << true << U << none << none << 2;
    QTest::newRow("readiness 503 detail without status")
        << 503 << Json << QByteArray(R"({"detail":{"reason":"warming caches"}})") << true << U << none << none
        << 0;
    QTest::newRow("500 detail object without status is unhealthy")
        << 500 << Json << QByteArray(R"({"detail":{}})") << true << U << none << none << 0;
    QTest::newRow("503 plain json without status")
        << 503 << Json << QByteArray(R"({"error":"db down"})") << true << U << none << QStringLiteral("db down")
        << 0;
    QTest::newRow("404 json detail") << 404 << Json << QByteArray(R"({"detail":"Not Found"})") << false << X
                                     << QStringLiteral("HTTP 404: Not Found") << none << 0;
    QTest::newRow("bare 200 empty") << 200 << QByteArray() << QByteArray() << true << H << none << none << 0;
    QTest::newRow("bare 200 whitespace") << 200 << Text << QByteArray(" \r\n") << true << H << none << none << 0;
    QTest::newRow("plain ok") << 200 << Text << QByteArray("ok") << true << H << none << none << 0;
    QTest::newRow("plain OK newline") << 200 << Text << QByteArray("OK\n") << true << H << none << none << 0;
    QTest::newRow("plain degraded") << 200 << Text << QByteArray("degraded") << true << D << none << none << 0;
    QTest::newRow("plain sentence 200")
        << 200 << Text << QByteArray("all systems go") << true << H << none << QStringLiteral("all systems go") << 0;
    QTest::newRow("plain 503 text") << 503 << Text << QByteArray("Service Unavailable") << true << U << none
                                    << QStringLiteral("Service Unavailable") << 0;
    QTest::newRow("plain 503 initializing") << 503 << Text << QByteArray("initializing model registry") << true
                                            << I << none << QStringLiteral("initializing") << 0;
    QTest::newRow("plain 503 empty") << 503 << Text << QByteArray() << true << U << none << none << 0;
    QTest::newRow("plain 500") << 500 << Text << QByteArray("boom") << false << X
                               << QStringLiteral("HTTP 500: boom") << none << 0;
    QTest::newRow("404 empty") << 404 << Text << QByteArray() << false << X << QStringLiteral("HTTP 404") << none
                               << 0;

    // Status words.
    const QList<std::pair<const char *, HealthStatus>> words = {
        {"healthy", H},     {"ok", H},   {"ready", H},  {"alive", H},       {"up", H},
        {"pass", H},        {"warn", D}, {"degraded", D}, {"unavailable", U}, {"down", U},
        {"fail", U},        {"unhealthy", U}, {"disabled", Dis}, {"not_ready", U}, {"Not Ready", U},
        {"  OK  ", H},      {"initializing", I},
    };
    for (const auto &[word, expected] : words) {
        QTest::addRow("word %s", word) << 200 << Json << statusBody(word) << true << expected << none << none << 0;
    }
    QTest::newRow("word unknown") << 200 << Json << statusBody("purple") << true << X << none
                                  << QStringLiteral("Unrecognised status 'purple'") << 0;

    // Bad inputs.
    QTest::newRow("truncated JSON") << 200 << Json << QByteArray(R"({"status":"heal)") << false << X
                                    << QStringLiteral("Malformed JSON") << none << 0;
    QTest::newRow("BOM accepted") << 200 << Json << (QByteArray("\xEF\xBB\xBF") + ReferenceBody) << true << H
                                  << none << none << 0;
    QTest::newRow("BOM on plain text") << 200 << Text << QByteArray("\xEF\xBB\xBFok") << true << H << none << none
                                       << 0;
    QTest::newRow("trailing garbage") << 200 << Json << QByteArray(R"({"status":"ok"} trailing)") << false << X
                                      << QStringLiteral("at offset") << none << 0;
    QTest::newRow("status wrong type") << 200 << Json << QByteArray(R"({"status":5})") << true << H << none
                                       << QStringLiteral("wrong type") << 0;
    QTest::newRow("status object") << 200 << Json << QByteArray(R"({"status":{"x":1}})") << true << H << none
                                   << QStringLiteral("No status in body") << 0;
    QTest::newRow("components wrong type")
        << 200 << Json << QByteArray(R"({"components":"abc"})") << true << H << none
        << QStringLiteral("Ignored 'components' of the wrong type") << 0;
    QTest::newRow("non-object component entries skipped")
        << 200 << Json << QByteArray(R"({"components":[1,"x",null,{"name":"db","status":"ok"},[]]})") << true << H
        << none << QStringLiteral("Skipped 4") << 1;
    QTest::newRow("missing fields") << 200 << Json << QByteArray("{}") << true << H << none
                                    << QStringLiteral("No status in body") << 0;
    QTest::newRow("missing fields 500") << 500 << Json << QByteArray("{}") << false << X
                                        << QStringLiteral("HTTP 500") << none << 0;
    QTest::newRow("1025-deep arrays") << 200 << Json << deepArrays(1025) << false << X
                                      << QStringLiteral("Malformed JSON") << none << 0;
    QTest::newRow("1025-deep objects") << 200 << Json << deepObjects(1025) << false << X
                                       << QStringLiteral("Malformed JSON") << none << 0;
    QTest::newRow("body over 4 MiB") << 200 << Json << paddedBody(HealthParser::MaxBodyBytes + 1) << false << X
                                     << QStringLiteral("Response too large (4194305 bytes)") << none << 0;
    QTest::newRow("body just under the limit")
        << 200 << Json << paddedBody(HealthParser::MaxBodyBytes) << true << H << none << none << 0;
    QTest::newRow("HTML 502 from a proxy")
        << 502 << Html
        << QByteArray("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>") << false << X
        << QStringLiteral("HTTP 502 with an HTML error page (proxy?): “502 Bad Gateway”") << none << 0;
    QTest::newRow("HTML 504 without content type")
        << 504 << QByteArray() << QByteArray("\n  <!DOCTYPE html><p>Gateway Timeout</p>") << false << X
        << QStringLiteral("HTTP 504 with an HTML error page") << none << 0;
    QTest::newRow("200 HTML login page")
        << 200 << Html
        << QByteArray("<!doctype html><html><head><TITLE>  Sign in\n to Ops </TITLE></head></html>") << false
        << X << QStringLiteral("(a login page?): “Sign in to Ops”") << none << 0;
    QTest::newRow("HTML title truncated")
        << 200 << QByteArray() << (QByteArray("<html><title>") + QByteArray(300, 'T') + "</title>") << false << X
        << QString(79, QLatin1Char('T')) + QChar(0x2026) + QStringLiteral("”") << none << 0;
    QTest::newRow("top-level array") << 200 << Json << QByteArray(R"([{"status":"ok"}])") << false << X
                                     << QStringLiteral("Unexpected JSON (not an object)") << none << 0;
    QTest::newRow("NUL after JSON") << 200 << Json << QByteArray("{\"status\":\"ok\"}\0\0", 17) << false << X
                                    << QStringLiteral("Malformed JSON") << none << 0;
    // Qt's JSON parser accepts a raw NUL inside a string; the message must not carry it.
    QTest::newRow("raw NUL inside JSON string") << 200 << Json << QByteArray("{\"status\":\"o\0k\"}", 16) << true
                                                << X << none << QStringLiteral("Unrecognised status 'o k'") << 0;
    QTest::newRow("escaped NUL in status") << 200 << Json << QByteArray(R"({"status":"ok\u0000"})") << true << X
                                           << none << QStringLiteral("Unrecognised status") << 0;
    QTest::newRow("NUL in plain text") << 200 << Text << QByteArray("ok\0", 3) << true << H << none << none << 0;
    QTest::newRow("RTL override in component name")
        << 200 << Json << QByteArray("{\"components\":[{\"name\":\"\xE2\x80\xAEsider\",\"status\":\"ok\"}]}")
        << true << H << none << none << 1;
    QTest::newRow("binary garbage") << 200 << QByteArray("application/octet-stream")
                                    << QByteArray("\xff\xfe\x00\x01\x80", 5) << true << H << none << QString(QChar(0xFFFD))
                                    << 0;
}

void TestHealthParser::parse()
{
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(HealthStatus, status);
    QFETCH(QString, errorContains);
    QFETCH(QString, messageContains);
    QFETCH(int, componentCount);

    const HealthParseResult result = HealthParser::parse(httpStatus, contentType, body);
    QCOMPARE(result.ok, ok);
    QVERIFY2(!result.error.contains(QLatin1Char('\n')), qPrintable(result.error));
    if (ok) {
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(ops::healthStatusKey(result.reading.status), ops::healthStatusKey(status));
    } else {
        QVERIFY(!result.error.isEmpty());
    }
    if (!errorContains.isEmpty())
        QVERIFY2(result.error.contains(errorContains), qPrintable(result.error));
    if (!messageContains.isEmpty())
        QVERIFY2(result.reading.message.contains(messageContains), qPrintable(result.reading.message));
    else if (ok)
        QVERIFY2(result.reading.message.isEmpty(), qPrintable(result.reading.message));
    QCOMPARE(result.reading.components.size(), componentCount);
}

// ------------------------------------------------------------------------------- components

void TestHealthParser::components_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("name");
    QTest::addColumn<HealthStatus>("status");
    QTest::addColumn<double>("latency"); // < 0: none
    QTest::addColumn<QString>("message");
    QTest::addColumn<QJsonObject>("details");

    const QByteArray list = R"({"components":[
        {"name":"redis","status":"up","latency_ms":1.5,"details":{"version":"7.2"}},
        {"name":"postgres","status":"degraded","latencyMs":40,"message":"slow","pool":5},
        {"status":"ok","response_time_ms":3},
        {"name":"mq","status":"sideways","latency_ms":"12"}]})";
    QTest::newRow("list with nested details") << list << 0 << QStringLiteral("redis") << HealthStatus::Healthy << 1.5
                                              << QString() << QJsonObject{{QStringLiteral("version"), QStringLiteral("7.2")}};
    QTest::newRow("list latencyMs and extra key")
        << list << 1 << QStringLiteral("postgres") << HealthStatus::Degraded << 40.0 << QStringLiteral("slow")
        << QJsonObject{{QStringLiteral("pool"), 5}};
    QTest::newRow("list missing name") << list << 2 << QStringLiteral("component 3") << HealthStatus::Healthy << 3.0
                                       << QString() << QJsonObject();
    QTest::newRow("list string latency ignored, unknown status")
        << list << 3 << QStringLiteral("mq") << HealthStatus::Unknown << -1.0 << QString()
        << QJsonObject{{QStringLiteral("latency_ms"), QStringLiteral("12")}};

    const QByteArray dict = R"({"components":{"broker":{"status":"down","error":"connection refused"}}})";
    QTest::newRow("dict with error") << dict << 0 << QStringLiteral("broker") << HealthStatus::Unhealthy << -1.0
                                     << QStringLiteral("connection refused") << QJsonObject();

    const QByteArray checks = R"({"checks":{"cache":{"status":"disabled","host":"c1"},"db":{}}})";
    QTest::newRow("checks disabled") << checks << 0 << QStringLiteral("cache") << HealthStatus::Disabled << -1.0
                                     << QString() << QJsonObject{{QStringLiteral("host"), QStringLiteral("c1")}};
    QTest::newRow("checks missing status") << checks << 1 << QStringLiteral("db") << HealthStatus::Unknown << -1.0
                                           << QString() << QJsonObject();

    const QByteArray rtl = "{\"components\":[{\"name\":\"\xE2\x80\xAEsider\",\"status\":\"ok\"}]}";
    QTest::newRow("RTL override kept") << rtl << 0 << (QChar(0x202E) + QStringLiteral("sider"))
                                       << HealthStatus::Healthy << -1.0 << QString() << QJsonObject();
}

void TestHealthParser::components()
{
    QFETCH(QByteArray, body);
    QFETCH(int, index);
    QFETCH(QString, name);
    QFETCH(HealthStatus, status);
    QFETCH(double, latency);
    QFETCH(QString, message);
    QFETCH(QJsonObject, details);

    const HealthParseResult result = HealthParser::parse(200, Json, body);
    QVERIFY(result.ok);
    QVERIFY(index < result.reading.components.size());
    const HealthComponent &component = result.reading.components.at(index);
    QCOMPARE(component.name, name);
    QCOMPARE(ops::healthStatusKey(component.status), ops::healthStatusKey(status));
    QCOMPARE(component.latencyMs.has_value(), latency >= 0);
    if (latency >= 0)
        QCOMPARE(*component.latencyMs, latency);
    QCOMPARE(component.message, message);
    QCOMPARE(component.details, details);
}

// --------------------------------------------------------------------------------- identity

void TestHealthParser::identity_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QDateTime>("timestamp");

    QTest::newRow("reference") << ReferenceBody << QStringLiteral("signal_service") << QStringLiteral("1.4.2")
                               << utc(2024, 5, 1, 12, 0);
    QTest::newRow("numeric version") << QByteArray(R"({"version":3,"service":"x"})") << QStringLiteral("x")
                                     << QStringLiteral("3") << QDateTime();
    QTest::newRow("fractional version") << QByteArray(R"({"version":1.5})") << QString() << QStringLiteral("1.5")
                                        << QDateTime();
    QTest::newRow("wrong types ignored")
        << QByteArray(R"({"version":[1],"service":7,"timestamp":true})") << QString() << QString() << QDateTime();
    QTest::newRow("offset timestamp") << QByteArray(R"({"timestamp":"2024-05-01T14:00:00+02:00"})") << QString()
                                      << QString() << utc(2024, 5, 1, 12, 0);
    QTest::newRow("naive timestamp") << QByteArray(R"({"timestamp":"2024-05-01T12:00:00"})") << QString()
                                     << QString() << utc(2024, 5, 1, 12, 0);
    QTest::newRow("epoch seconds timestamp") << QByteArray(R"({"timestamp":1714564800})") << QString() << QString()
                                             << utc(2024, 5, 1, 12, 0);
    QTest::newRow("epoch ms timestamp") << QByteArray(R"({"timestamp":1714564800250})") << QString() << QString()
                                        << utc(2024, 5, 1, 12, 0, 0, 250);
    QTest::newRow("no timestamp") << QByteArray(R"({"status":"ok"})") << QString() << QString() << QDateTime();
}

void TestHealthParser::identity()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, service);
    QFETCH(QString, version);
    QFETCH(QDateTime, timestamp);

    const HealthParseResult result = HealthParser::parse(200, Json, body);
    QVERIFY(result.ok);
    QCOMPARE(result.reading.service, service);
    QCOMPARE(result.reading.version, version);
    QCOMPARE(result.reading.timestamp.isValid(), timestamp.isValid());
    if (timestamp.isValid()) {
        QCOMPARE(result.reading.timestamp, timestamp);
        QCOMPARE(result.reading.timestamp.timeSpec(), Qt::UTC);
    }
}

// --------------------------------------------------------------------------- last operation

void TestHealthParser::lastOperation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QDateTime>("at");

    QTest::newRow("reference prefers last_signal_at") << ReferenceBody << QStringLiteral("last_signal_at")
                                                      << utc(2024, 5, 1, 11, 58);
    QTest::newRow("last_order_at only")
        << QByteArray(R"({"last_order_at":"2024-05-01T10:00:00Z","timestamp":"2024-05-01T12:00:00Z"})")
        << QStringLiteral("last_order_at") << utc(2024, 5, 1, 10, 0);
    QTest::newRow("unparseable first field skipped")
        << QByteArray(R"({"last_signal_at":"yesterday","last_risk_check_at":"2024-05-01T09:30:00+00:00"})")
        << QStringLiteral("last_risk_check_at") << utc(2024, 5, 1, 9, 30);
    QTest::newRow("inside details")
        << QByteArray(R"({"details":{"last_reconciliation_at":1714550400},"timestamp":"2024-05-01T12:00:00Z"})")
        << QStringLiteral("last_reconciliation_at") << utc(2024, 5, 1, 8, 0);
    QTest::newRow("last_operation_at last in order")
        << QByteArray(R"({"last_operation_at":"2024-05-01T07:00:00Z","last_message_at":"2024-05-01T06:00:00Z"})")
        << QStringLiteral("last_message_at") << utc(2024, 5, 1, 6, 0);
    QTest::newRow("timestamp fallback") << QByteArray(R"({"timestamp":"2024-05-01T12:00:00Z"})")
                                        << QStringLiteral("timestamp") << utc(2024, 5, 1, 12, 0);
    QTest::newRow("none") << QByteArray(R"({"status":"ok"})") << QString() << QDateTime();
}

void TestHealthParser::lastOperation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QDateTime, at);

    const HealthParseResult result = HealthParser::parse(200, Json, body);
    QVERIFY(result.ok);
    QCOMPARE(result.reading.lastOperationField, field);
    QCOMPARE(result.reading.lastOperationAt.isValid(), at.isValid());
    if (at.isValid())
        QCOMPARE(result.reading.lastOperationAt, at);
}

void TestHealthParser::flags()
{
    const HealthParseResult result = HealthParser::parse(200, Json, ReferenceBody);
    QVERIFY(result.ok);
    const QJsonObject expected{{QStringLiteral("database_connected"), true},
                               {QStringLiteral("redis_connected"), true},
                               {QStringLiteral("dry_run"), false},
                               {QStringLiteral("model_loaded"), true}};
    QCOMPARE(result.reading.flags, expected);
}

// ------------------------------------------------------------------------------- timestamps

void TestHealthParser::parseTimestamp_data()
{
    QTest::addColumn<QByteArray>("json"); // the value, as JSON text
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("Z") << QByteArray(R"("2024-05-01T12:00:00Z")") << utc(2024, 5, 1, 12, 0);
    QTest::newRow("lower-case z and t") << QByteArray(R"("2024-05-01t12:00:00z")") << utc(2024, 5, 1, 12, 0);
    QTest::newRow("offset with colon") << QByteArray(R"("2024-05-01T14:00:00+02:00")") << utc(2024, 5, 1, 12, 0);
    QTest::newRow("offset without colon") << QByteArray(R"("2024-05-01T14:00:00+0200")") << utc(2024, 5, 1, 12, 0);
    QTest::newRow("negative offset") << QByteArray(R"("2024-04-30T19:00:00-05:00")") << utc(2024, 5, 1, 0, 0);
    QTest::newRow("naive is UTC") << QByteArray(R"("2024-05-01T12:00:00")") << utc(2024, 5, 1, 12, 0);
    QTest::newRow("space separator") << QByteArray(R"("2024-05-01 12:00:00")") << utc(2024, 5, 1, 12, 0);
    QTest::newRow("no seconds") << QByteArray(R"("2024-05-01T12:00Z")") << utc(2024, 5, 1, 12, 0);
    QTest::newRow("1 fraction digit") << QByteArray(R"("2024-05-01T12:00:00.5Z")") << utc(2024, 5, 1, 12, 0, 0, 500);
    QTest::newRow("6 fraction digits") << QByteArray(R"("2024-05-01T12:00:00.123456+00:00")")
                                       << utc(2024, 5, 1, 12, 0, 0, 123);
    QTest::newRow("9 fraction digits truncate") << QByteArray(R"("2024-05-01T12:00:00.999999999Z")")
                                                << utc(2024, 5, 1, 12, 0, 0, 999);
    QTest::newRow("epoch seconds") << QByteArray("1714564800") << utc(2024, 5, 1, 12, 0);
    QTest::newRow("epoch seconds fractional") << QByteArray("1714564800.25") << utc(2024, 5, 1, 12, 0, 0, 250);
    QTest::newRow("epoch milliseconds") << QByteArray("1714564800123") << utc(2024, 5, 1, 12, 0, 0, 123);
    QTest::newRow("epoch zero") << QByteArray("0") << utc(1970, 1, 1, 0, 0);

    QTest::newRow("10 fraction digits") << QByteArray(R"("2024-05-01T12:00:00.1234567890Z")") << QDateTime();
    QTest::newRow("month 13") << QByteArray(R"("2024-13-01T12:00:00Z")") << QDateTime();
    QTest::newRow("Feb 30") << QByteArray(R"("2023-02-30T12:00:00Z")") << QDateTime();
    QTest::newRow("hour 25") << QByteArray(R"("2024-05-01T25:00:00Z")") << QDateTime();
    QTest::newRow("offset 99 hours") << QByteArray(R"("2024-05-01T12:00:00+99:00")") << QDateTime();
    QTest::newRow("date only") << QByteArray(R"("2024-05-01")") << QDateTime();
    QTest::newRow("words") << QByteArray(R"("yesterday")") << QDateTime();
    QTest::newRow("empty string") << QByteArray(R"("")") << QDateTime();
    QTest::newRow("trailing junk") << QByteArray(R"("2024-05-01T12:00:00Zjunk")") << QDateTime();
    QTest::newRow("null") << QByteArray("null") << QDateTime();
    QTest::newRow("bool") << QByteArray("true") << QDateTime();
    QTest::newRow("object") << QByteArray(R"({"t":1})") << QDateTime();
    QTest::newRow("huge number") << QByteArray("1e300") << QDateTime();
    QTest::newRow("huge negative number") << QByteArray("-1e300") << QDateTime();
}

void TestHealthParser::parseTimestamp()
{
    QFETCH(QByteArray, json);
    QFETCH(QDateTime, expected);

    const QJsonDocument wrapper = QJsonDocument::fromJson("[" + json + "]");
    QVERIFY(wrapper.isArray());
    const QDateTime actual = HealthParser::parseTimestamp(wrapper.array().at(0));
    QCOMPARE(actual.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(actual, expected);
        QCOMPARE(actual.timeSpec(), Qt::UTC);
    }
}

// --------------------------------------------------------------------------------- roll-up

void TestHealthParser::rollUp_data()
{
    QTest::addColumn<QString>("components"); // comma-separated status keys
    QTest::addColumn<HealthStatus>("expected");

    QTest::newRow("all healthy") << QStringLiteral("healthy,healthy,healthy") << HealthStatus::Healthy;
    QTest::newRow("healthy and disabled") << QStringLiteral("healthy,disabled") << HealthStatus::Healthy;
    QTest::newRow("any unhealthy") << QStringLiteral("healthy,degraded,unhealthy") << HealthStatus::Unhealthy;
    QTest::newRow("one degraded") << QStringLiteral("healthy,degraded") << HealthStatus::Degraded;
    QTest::newRow("one unknown") << QStringLiteral("healthy,unknown") << HealthStatus::Degraded;
    QTest::newRow("one initialising") << QStringLiteral("initialising,healthy") << HealthStatus::Degraded;
}

void TestHealthParser::rollUp()
{
    QFETCH(QString, components);
    QFETCH(HealthStatus, expected);

    // Through the parser, so that a parser that ignores the roll-up rule fails here.
    QJsonArray list;
    const QStringList keys = components.split(QLatin1Char(','));
    for (const QString &key : keys)
        list.append(QJsonObject{{QStringLiteral("name"), key + QString::number(list.size())},
                                {QStringLiteral("status"), key == QLatin1String("unknown") ? QStringLiteral("??") : key}});
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("components"), list}}).toJson();

    const HealthParseResult result = HealthParser::parse(200, Json, body);
    QVERIFY(result.ok);
    QCOMPARE(result.reading.components.size(), keys.size());
    QCOMPARE(ops::healthStatusKey(result.reading.status), ops::healthStatusKey(expected));

    QList<HealthStatus> statuses;
    for (const QString &key : keys)
        statuses << statusFromKey(key);
    QCOMPARE(ops::healthStatusKey(ops::rollUp(statuses)), ops::healthStatusKey(expected));
}

void TestHealthParser::overallCombination_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<HealthStatus>("expected");

    QTest::newRow("healthy top, unhealthy component")
        << QByteArray(R"({"status":"healthy","components":[{"name":"a","status":"down"}]})") << HealthStatus::Unhealthy;
    QTest::newRow("degraded top, healthy components")
        << QByteArray(R"({"status":"degraded","components":[{"name":"a","status":"ok"}]})") << HealthStatus::Degraded;
    QTest::newRow("initialising top wins")
        << QByteArray(R"({"status":"starting","components":[{"name":"a","status":"down"}]})")
        << HealthStatus::Initialising;
    QTest::newRow("unknown top word, components decide")
        << QByteArray(R"({"status":"purple","components":[{"name":"a","status":"ok"}]})") << HealthStatus::Healthy;
    QTest::newRow("wrong-type top, components decide")
        << QByteArray(R"({"status":false,"checks":{"a":{"status":"warn"}}})") << HealthStatus::Degraded;
}

void TestHealthParser::overallCombination()
{
    QFETCH(QByteArray, body);
    QFETCH(HealthStatus, expected);

    const HealthParseResult result = HealthParser::parse(200, Json, body);
    QVERIFY(result.ok);
    QCOMPARE(ops::healthStatusKey(result.reading.status), ops::healthStatusKey(expected));
}

// ----------------------------------------------------------------------------- pretty body

void TestHealthParser::prettyBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("startsWith");
    QTest::addColumn<bool>("truncated");

    QTest::newRow("json is indented") << QByteArray(R"({"status":"ok"})") << QByteArray("{\n    \"status\": \"ok\"")
                                      << false;
    QTest::newRow("plain text raw") << QByteArray("ok then") << QByteArray("ok then") << false;
    QTest::newRow("malformed raw") << QByteArray(R"({"status":)") << QByteArray(R"({"status":)") << false;
    QTest::newRow("large json truncated") << paddedBody(200 * 1024) << QByteArray("{\n    \"pad\": \"xxx") << true;
    QTest::newRow("large text truncated at a character boundary")
        << QByteArray(40 * 1024, 'a').append(QByteArray("\xC3\xA9").repeated(20 * 1024)) << QByteArray("aaa")
        << true;
}

void TestHealthParser::prettyBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, startsWith);
    QFETCH(bool, truncated);

    const QByteArray pretty = HealthParser::parse(200, Json, body).reading.prettyBody;
    QVERIFY2(pretty.startsWith(startsWith), pretty.left(80).constData());
    const QByteArray marker = QStringLiteral("\n… (truncated)").toUtf8();
    QCOMPARE(pretty.endsWith(marker), truncated);
    QVERIFY(pretty.size() <= 64 * 1024 + marker.size());
    if (truncated) {
        // Still valid UTF-8: decoding and re-encoding gives the same bytes.
        QCOMPARE(QString::fromUtf8(pretty).toUtf8(), pretty);
        QVERIFY(pretty.size() > 60 * 1024);
    }
}

void TestHealthParser::componentLookupIsCaseInsensitive()
{
    const HealthParseResult result = HealthParser::parse(
        200, Json, R"({"components":{"Redis":{"status":"ok"},"postgres":{"status":"down"}}})");
    QVERIFY(result.ok);
    const HealthComponent *redis = result.reading.component(u"REDIS");
    QVERIFY(redis);
    QCOMPARE(redis->name, QStringLiteral("Redis"));
    const HealthComponent *postgres = result.reading.component(u"Postgres");
    QVERIFY(postgres);
    QCOMPARE(ops::healthStatusKey(postgres->status), QStringLiteral("unhealthy"));
    QCOMPARE(result.reading.component(u"broker"), nullptr);
    QCOMPARE(result.reading.component(u"redi"), nullptr);
}

void TestHealthParser::everyTruncationIsRejected()
{
    // A reset mid-body leaves a prefix: every non-empty prefix of a JSON answer must be refused.
    for (qsizetype length = 1; length < ReferenceBody.size(); ++length) {
        const QByteArray prefix = ReferenceBody.left(length);
        if (prefix.trimmed() == ReferenceBody.trimmed())
            continue;
        const HealthParseResult result = HealthParser::parse(200, Json, prefix);
        QVERIFY2(!result.ok, prefix.constData());
        QVERIFY2(result.error.startsWith(QStringLiteral("Malformed JSON")), qPrintable(result.error));
    }
}

QTEST_GUILESS_MAIN(TestHealthParser)
#include "tst_healthparser.moc"
