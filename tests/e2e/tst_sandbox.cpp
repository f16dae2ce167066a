// The sandbox platform checked on its own: real HTTP on loopback (QNetworkAccessManager and
// QJsonDocument, none of the console's models/ parsing) and a real PostgreSQL (QPSQL), so a
// mapping error in either the sandbox or the console's parsers is caught by the other side.
#include "Sandbox.h"
#include "TestPostgres.h"

#include <QtTest>

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

namespace {

const QString kDatabase = QStringLiteral("ops_e2e_sandbox");
const QString kConnection = QStringLiteral("tst_sandbox_check");
constexpr int kRequestTimeoutMs = 5000;

struct Answer
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText;
    QByteArray contentType;
    QByteArray body;
    qint64 elapsedMs = 0;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QString describe() const
    {
        return QStringLiteral("finished=%1 status=%2 error=%3 (%4) type=%5 body=%6")
            .arg(finished)
            .arg(status)
            .arg(int(error))
            .arg(errorText, QString::fromUtf8(contentType), QString::fromUtf8(body.left(400)));
    }
};

const QStringList kServices = {
    QStringLiteral("orchestrator"),   QStringLiteral("signal_service"),
    QStringLiteral("execution_gateway"), QStringLiteral("market_data_service"),
    QStringLiteral("model_registry"), QStringLiteral("reconciler"),
    QStringLiteral("risk_manager"),
};

// The documented fault names (docs/api/openapi.yaml, Fault enum).
const QStringList kFaultNames = {
    QStringLiteral("none"),      QStringLiteral("down"),         QStringLiteral("hang"),
    QStringLiteral("slow"),      QStringLiteral("degraded"),     QStringLiteral("unhealthy"),
    QStringLiteral("malformed"), QStringLiteral("html"),         QStringLiteral("initialising"),
    QStringLiteral("flapping"),  QStringLiteral("drip"),
};

} // namespace

class TestSandbox final : public QObject
{
    Q_OBJECT

private:
    ops::test::TestPostgres m_pg;
    std::unique_ptr<opssandbox::Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;

    opssandbox::SandboxConfig config(int initialisingSeconds = 0) const
    {
        opssandbox::SandboxConfig c;
        c.controlPort = 0;
        c.firstServicePort = 0;
        c.apiPort = 0; // every listener ephemeral: several instances run side by side
        c.dbHost = m_pg.host;
        c.dbPort = quint16(m_pg.port);
        c.dbUser = m_pg.user;
        c.dbName = kDatabase;
        c.initialisingSeconds = initialisingSeconds;
        return c;
    }

    static QSqlDatabase db() { return QSqlDatabase::database(kConnection); }

    QUrl controlUrl(const QString &path) const
    {
        QUrl u;
        u.setScheme(QStringLiteral("http"));
        u.setHost(QStringLiteral("127.0.0.1"));
        u.setPort(m_sandbox->controlPort());
        u.setPath(path);
        return u;
    }

    static QUrl serviceUrl(const opssandbox::Sandbox &sandbox, const QString &service, const QString &path)
    {
        QUrl u;
        u.setScheme(QStringLiteral("http"));
        u.setHost(QStringLiteral("127.0.0.1"));
        u.setPort(sandbox.servicePort(service));
        u.setPath(path);
        return u;
    }
    QUrl serviceUrl(const QString &service, const QString &path) const
    {
        return serviceUrl(*m_sandbox, service, path);
    }

    // Starts a request; the caller waits on finished itself.
    QNetworkReply *start(const QByteArray &verb, const QUrl &url, const QByteArray &body = {})
    {
        m_nam.clearConnectionCache(); // every request on a fresh connection
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return m_nam.sendCustomRequest(request, verb, body);
    }

    static Answer collect(QNetworkReply *reply, bool finished, qint64 elapsedMs)
    {
        Answer a;
        a.finished = finished;
        a.elapsedMs = elapsedMs;
        if (finished) {
            a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            a.error = reply->error();
            a.errorText = reply->errorString();
            a.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
            a.body = reply->readAll();
        } else {
            reply->abort();
        }
        reply->deleteLater();
        return a;
    }

    Answer request(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                   int timeoutMs = kRequestTimeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        QNetworkReply *reply = start(verb, url, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        const bool done = reply->isFinished() || finished.wait(timeoutMs);
        return collect(reply, done, clock.elapsed());
    }
    Answer get(const QUrl &url, int timeoutMs = kRequestTimeoutMs)
    {
        return request(QByteArrayLiteral("GET"), url, {}, timeoutMs);
    }

    Answer postFault(const QString &service, const QString &fault, int delayMs = -1)
    {
        QJsonObject body{{QStringLiteral("fault"), fault}};
        if (delayMs >= 0)
            body.insert(QStringLiteral("delay_ms"), delayMs);
        return request(QByteArrayLiteral("POST"), controlUrl(QStringLiteral("/control/faults/") + service),
                       QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    Answer deleteFault(const QString &service)
    {
        return request(QByteArrayLiteral("DELETE"), controlUrl(QStringLiteral("/control/faults/") + service));
    }

    static int scalarInt(const QString &sql, bool *ok)
    {
        QSqlQuery q(db());
        *ok = q.exec(sql) && q.next();
        if (!*ok)
            qWarning("query failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return *ok ? q.value(0).toInt() : -1;
    }

    struct FaultRow
    {
        bool found = false;
        qint64 id = 0;
        QString fault;
        int delayMs = -1;
        bool cleared = false;
    };
    static FaultRow latestFaultRow(const QString &service)
    {
        FaultRow row;
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT id, fault, delay_ms, cleared_at FROM fault_events "
                                 "WHERE service = :s ORDER BY id DESC LIMIT 1"));
        q.bindValue(QStringLiteral(":s"), service);
        if (!q.exec()) {
            qWarning("fault_events query failed: %s", qPrintable(q.lastError().text()));
            return row;
        }
        if (!q.next())
            return row;
        row.found = true;
        row.id = q.value(0).toLongLong();
        row.fault = q.value(1).toString();
        row.delayMs = q.value(2).toInt();
        row.cleared = !q.value(3).isNull();
        return row;
    }

    // Injects over HTTP and checks the journal got exactly one new open row for it.
    bool inject(const QString &service, const QString &fault, int delayMs = -1)
    {
        bool ok = false;
        const int before = scalarInt(QStringLiteral("SELECT count(*) FROM fault_events"), &ok);
        if (!ok)
            return false;
        const Answer a = postFault(service, fault, delayMs);
        if (a.status != 200) {
            qWarning("injecting %s into %s: %s", qPrintable(fault), qPrintable(service), qPrintable(a.describe()));
            return false;
        }
        const QJsonObject entry = a.object();
        if (entry.value(QStringLiteral("name")).toString() != service
            || entry.value(QStringLiteral("fault")).toString() != fault) {
            qWarning("control answered %s", a.body.constData());
            return false;
        }
        const int after = scalarInt(QStringLiteral("SELECT count(*) FROM fault_events"), &ok);
        const FaultRow row = latestFaultRow(service);
        if (!ok || after != before + 1 || !row.found || row.fault != fault || row.cleared) {
            qWarning("fault journal: before=%d after=%d row found=%d fault=%s cleared=%d", before, after,
                     row.found, qPrintable(row.fault), row.cleared);
            return false;
        }
        if (delayMs > 0 && row.delayMs != delayMs) {
            qWarning("fault journal delay_ms %d, expected %d", row.delayMs, delayMs);
            return false;
        }
        return true;
    }

    bool clear(const QString &service)
    {
        const Answer a = deleteFault(service);
        if (a.status != 200 || a.object().value(QStringLiteral("fault")).toString() != QLatin1String("none")) {
            qWarning("clearing %s: %s", qPrintable(service), qPrintable(a.describe()));
            return false;
        }
        const FaultRow row = latestFaultRow(service);
        if (row.found && !row.cleared) {
            qWarning("fault_events row %lld of %s not cleared", row.id, qPrintable(service));
            return false;
        }
        return true;
    }

    static bool nearNow(const QString &text, bool naiveIsUtc = false)
    {
        QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!t.isValid())
            return false;
        if (naiveIsUtc)
            t = QDateTime(t.date(), t.time(), Qt::UTC);
        return qAbs(t.secsTo(QDateTime::currentDateTimeUtc())) <= 60;
    }

    static QStringList migrationFiles()
    {
        const QString source = qEnvironmentVariable("OPS_SOURCE_DIR");
        if (source.isEmpty())
            return {};
        return QDir(source + QStringLiteral("/sandbox/migrations"))
            .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    }

private slots:
    void initTestCase()
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
        QString error;
        m_pg = ops::test::TestPostgres::fromEnvironment(&error);
        QVERIFY2(m_pg.isValid(), qPrintable(error));

        // Start from an empty database so the migration checks see a first run.
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), kConnection + QStringLiteral("-admin"));
            admin.setHostName(m_pg.host);
            admin.setPort(m_pg.port);
            admin.setUserName(m_pg.user);
            admin.setDatabaseName(QStringLiteral("postgres"));
            QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
            QSqlQuery drop(admin);
            QVERIFY2(drop.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(kDatabase)),
                     qPrintable(drop.lastError().text()));
            admin.close();
        }
        QSqlDatabase::removeDatabase(kConnection + QStringLiteral("-admin"));

        m_sandbox = std::make_unique<opssandbox::Sandbox>();
        QVERIFY2(m_sandbox->start(config(), &error), qPrintable(error));
        QVERIFY(m_sandbox->controlPort() > 0);

        QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), kConnection);
        check.setHostName(m_pg.host);
        check.setPort(m_pg.port);
        check.setUserName(m_pg.user);
        check.setDatabaseName(kDatabase);
        QVERIFY2(check.open(), qPrintable(check.lastError().text()));
    }

    void cleanup()
    {
        if (m_sandbox)
            m_sandbox->clearFaults();
    }

    void cleanupTestCase()
    {
        m_sandbox.reset();
        if (QSqlDatabase::contains(kConnection)) {
            db().close();
            QSqlDatabase::removeDatabase(kConnection);
        }
    }

    // --- 1. documented health shapes ---------------------------------------------------------

    void orchestratorIsFlat()
    {
        const Answer a = get(serviceUrl(QStringLiteral("orchestrator"), QStringLiteral("/health")));
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        QVERIFY2(a.contentType.startsWith("application/json"), a.contentType.constData());
        const QJsonObject o = a.object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(o.value(QStringLiteral("service")).toString(), QStringLiteral("orchestrator"));
        QVERIFY(!o.value(QStringLiteral("version")).toString().isEmpty());
        QVERIFY(!o.contains(QStringLiteral("components")));
        const QString ts = o.value(QStringLiteral("timestamp")).toString();
        QVERIFY2(nearNow(ts), qPrintable(ts));
        const QString last = o.value(QStringLiteral("last_orchestration_at")).toString();
        QVERIFY2(nearNow(last), qPrintable(last));
        QVERIFY(o.value(QStringLiteral("database_connected")).isBool());
        QCOMPARE(o.value(QStringLiteral("database_connected")).toBool(), true);
    }

    void signalServiceComponentsList()
    {
        const Answer a = get(serviceUrl(QStringLiteral("signal_service"), QStringLiteral("/health")));
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        const QJsonObject o = a.object();
        QCOMPARE(o.value(QStringLiteral("service")).toString(), QStringLiteral("signal_service"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        const QJsonValue components = o.value(QStringLiteral("components"));
        QVERIFY2(components.isArray(), a.body.constData());
        const QJsonArray list = components.toArray();
        QVERIFY(!list.isEmpty());
        for (const QJsonValue &v : list) {
            QVERIFY(v.isObject());
            QVERIFY(!v.toObject().value(QStringLiteral("name")).toString().isEmpty());
            QVERIFY(!v.toObject().value(QStringLiteral("status")).toString().isEmpty());
        }
        const QString ts = o.value(QStringLiteral("timestamp")).toString();
        QVERIFY2(nearNow(ts), qPrintable(ts));
    }

    void executionGatewayComponentsDict()
    {
        const Answer a = get(serviceUrl(QStringLiteral("execution_gateway"), QStringLiteral("/health")));
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        const QJsonObject o = a.object();
        QCOMPARE(o.value(QStringLiteral("service")).toString(), QStringLiteral("execution_gateway"));
        const QJsonValue components = o.value(QStringLiteral("components"));
        QVERIFY2(components.isObject(), a.body.constData());
        const QJsonObject dict = components.toObject();
        QVERIFY(dict.value(QStringLiteral("redis")).isObject());
        QVERIFY(dict.value(QStringLiteral("postgres")).isObject());
        const QJsonObject postgres = dict.value(QStringLiteral("postgres")).toObject();
        QVERIFY2(postgres.value(QStringLiteral("latency_ms")).isDouble(), a.body.constData());
        QVERIFY(postgres.value(QStringLiteral("latency_ms")).toDouble() >= 0.0);
        QCOMPARE(postgres.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(o.value(QStringLiteral("database_connected")).toBool(false), true);
        const QString ts = o.value(QStringLiteral("timestamp")).toString();
        QVERIFY2(nearNow(ts), qPrintable(ts));
    }

    void marketDataLivenessAndReadiness()
    {
        const Answer live = get(serviceUrl(QStringLiteral("market_data_service"), QStringLiteral("/health")));
        QVERIFY2(live.status == 200, qPrintable(live.describe()));
        const QJsonObject o = live.object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(o.value(QStringLiteral("service")).toString(), QStringLiteral("market_data_service"));
        const QString ts = o.value(QStringLiteral("timestamp")).toString();
        QVERIFY2(nearNow(ts), qPrintable(ts));
        QCOMPARE(m_sandbox->readinessUrl(QStringLiteral("market_data_service")).path(), QStringLiteral("/health/ready"));

        const Answer ready = get(serviceUrl(QStringLiteral("market_data_service"), QStringLiteral("/health/ready")));
        QVERIFY2(ready.status == 200, qPrintable(ready.describe()));
        const QJsonObject r = ready.object();
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("ready"));
        QVERIFY(r.value(QStringLiteral("checks")).isObject());
    }

    void modelRegistryBareHealthz()
    {
        const Answer a = get(serviceUrl(QStringLiteral("model_registry"), QStringLiteral("/healthz")));
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        QVERIFY2(a.contentType.startsWith("text/plain"), a.contentType.constData());
        QCOMPARE(a.body.trimmed(), QByteArrayLiteral("ok"));
        QCOMPARE(m_sandbox->healthUrl(QStringLiteral("model_registry")).path(), QStringLiteral("/healthz"));
    }

    void reconcilerChecks()
    {
        const Answer a = get(serviceUrl(QStringLiteral("reconciler"), QStringLiteral("/health")));
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        const QJsonObject o = a.object();
        QCOMPARE(o.value(QStringLiteral("service")).toString(), QStringLiteral("reconciler"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
        const QJsonObject checks = o.value(QStringLiteral("checks")).toObject();
        QVERIFY2(!checks.isEmpty(), a.body.constData());
        QCOMPARE(checks.value(QStringLiteral("archiver")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("disabled"));
        const QString ts = o.value(QStringLiteral("timestamp")).toString();
        QVERIFY2(nearNow(ts), qPrintable(ts));
    }

    void riskManagerNaiveUp()
    {
        const Answer a = get(serviceUrl(QStringLiteral("risk_manager"), QStringLiteral("/health")));
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        const QJsonObject o = a.object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("up"));
        QCOMPARE(o.value(QStringLiteral("service")).toString(), QStringLiteral("risk_manager"));
        const QString ts = o.value(QStringLiteral("timestamp")).toString();
        static const QRegularExpression naive(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?$"));
        QVERIFY2(naive.match(ts).hasMatch(), qPrintable(ts)); // no Z, no offset
        QVERIFY2(nearNow(ts, true), qPrintable(ts));

        const Answer ready = get(serviceUrl(QStringLiteral("risk_manager"), QStringLiteral("/ready")));
        QVERIFY2(ready.status == 200, qPrintable(ready.describe()));
        QCOMPARE(ready.object().value(QStringLiteral("status")).toString(), QStringLiteral("ready"));
    }

    // --- 2. migrations --------------------------------------------------------------------------

    void migrationsMatchTheSourceTree()
    {
        const QStringList files = migrationFiles();
        QVERIFY2(!files.isEmpty(), "no sandbox/migrations/*.sql under OPS_SOURCE_DIR");
        QSet<int> expected;
        for (const QString &f : files)
            expected.insert(f.left(4).toInt());
        QCOMPARE(expected.size(), files.size());

        QSqlQuery q(db());
        QVERIFY2(q.exec(QStringLiteral("SELECT version FROM schema_migrations")), qPrintable(q.lastError().text()));
        QSet<int> recorded;
        int rows = 0;
        while (q.next()) {
            recorded.insert(q.value(0).toInt());
            ++rows;
        }
        QCOMPARE(rows, int(files.size()));
        QCOMPARE(recorded, expected);

        bool ok = false;
        QCOMPARE(scalarInt(QStringLiteral("SELECT count(*) FROM sandbox_services"), &ok), 7);
        QVERIFY(ok);
    }

    void secondStartAppliesNothing()
    {
        auto snapshot = [] {
            QStringList rows;
            QSqlQuery q(db());
            if (!q.exec(QStringLiteral("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")))
                return QStringList{q.lastError().text()};
            while (q.next())
                rows << QStringLiteral("%1|%2|%3").arg(q.value(0).toString(), q.value(1).toString(),
                                                       q.value(2).toDateTime().toString(Qt::ISODateWithMs));
            return rows;
        };
        const QStringList before = snapshot();
        QCOMPARE(before.size(), int(migrationFiles().size()));

        {
            opssandbox::Sandbox second;
            QString error;
            QVERIFY2(second.start(config(), &error), qPrintable(error));
            QVERIFY(second.servicePort(QStringLiteral("orchestrator")) != m_sandbox->servicePort(QStringLiteral("orchestrator")));
        }
        const QStringList after = snapshot();
        QCOMPARE(after, before);
    }

    // --- 3. control API ---------------------------------------------------------------------------

    void controlListsServices()
    {
        const Answer a = get(controlUrl(QStringLiteral("/control/services")));
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        const QJsonDocument doc = QJsonDocument::fromJson(a.body);
        QVERIFY(doc.isArray());
        const QJsonArray list = doc.array();
        QCOMPARE(list.size(), 7);
        QSet<QString> names;
        QSet<int> ports;
        for (const QJsonValue &v : list) {
            const QJsonObject e = v.toObject();
            const QString name = e.value(QStringLiteral("name")).toString();
            names.insert(name);
            const int port = e.value(QStringLiteral("port")).toInt();
            QVERIFY2(port > 0, qPrintable(name));
            ports.insert(port);
            QCOMPARE(port, int(m_sandbox->servicePort(name)));
            QCOMPARE(QUrl(e.value(QStringLiteral("health_url")).toString()).port(), port);
            QCOMPARE(e.value(QStringLiteral("fault")).toString(), QStringLiteral("none"));
        }
        QCOMPARE(names, QSet<QString>(kServices.begin(), kServices.end()));
        QCOMPARE(ports.size(), 7);
    }

    void unhealthyFaultEveryService_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("path");
        QTest::newRow("orchestrator") << QStringLiteral("orchestrator") << QStringLiteral("/health");
        QTest::newRow("signal_service") << QStringLiteral("signal_service") << QStringLiteral("/health");
        QTest::newRow("execution_gateway") << QStringLiteral("execution_gateway") << QStringLiteral("/health");
        QTest::newRow("market_data_service") << QStringLiteral("market_data_service") << QStringLiteral("/health");
        QTest::newRow("model_registry") << QStringLiteral("model_registry") << QStringLiteral("/healthz");
        QTest::newRow("reconciler") << QStringLiteral("reconciler") << QStringLiteral("/health");
        QTest::newRow("risk_manager") << QStringLiteral("risk_manager") << QStringLiteral("/health");
    }

    void unhealthyFaultEveryService()
    {
        QFETCH(QString, service);
        QFETCH(QString, path);
        static const QStringList unhealthyWords = {QStringLiteral("unhealthy"), QStringLiteral("unavailable"),
                                                   QStringLiteral("down"), QStringLiteral("fail"),
                                                   QStringLiteral("not_ready")};
        QVERIFY(inject(service, QStringLiteral("unhealthy")));
        const Answer a = get(serviceUrl(service, path));
        QVERIFY2(a.status == 503, qPrintable(a.describe()));
        const QString word = service == QLatin1String("model_registry")
                                 ? QString::fromUtf8(a.body.trimmed())
                                 : a.object().value(QStringLiteral("status")).toString();
        QVERIFY2(unhealthyWords.contains(word), qPrintable(a.describe()));

        QVERIFY(clear(service));
        const Answer back = get(serviceUrl(service, path));
        QVERIFY2(back.status == 200, qPrintable(back.describe()));
    }

    void controlRejectsUnknowns()
    {
        const Answer unknownService = postFault(QStringLiteral("no_such_service"), QStringLiteral("down"));
        QVERIFY2(unknownService.status == 404, qPrintable(unknownService.describe()));

        const Answer unknownFault = postFault(QStringLiteral("orchestrator"), QStringLiteral("explode"));
        QVERIFY2(unknownFault.status == 400, qPrintable(unknownFault.describe()));
        const QString message = unknownFault.object().value(QStringLiteral("error")).toString();
        QVERIFY2(message.contains(QStringLiteral("explode")), qPrintable(message));
        for (const QString &name : kFaultNames)
            QVERIFY2(message.contains(name), qPrintable(name + QStringLiteral(" missing from: ") + message));

        // Nothing was journalled or changed for the rejected requests.
        bool ok = false;
        QCOMPARE(scalarInt(QStringLiteral("SELECT count(*) FROM fault_events WHERE cleared_at IS NULL"), &ok), 0);
        QVERIFY(ok);
        const Answer health = get(serviceUrl(QStringLiteral("orchestrator"), QStringLiteral("/health")));
        QVERIFY2(health.status == 200, qPrintable(health.describe()));
    }

    // --- 4. faults over HTTP --------------------------------------------------------------------

    void downRefusesThenReturnsOnSamePort()
    {
        const QString svc = QStringLiteral("signal_service");
        const quint16 port = m_sandbox->servicePort(svc);
        QVERIFY(inject(svc, QStringLiteral("down")));
        const Answer down = get(serviceUrl(svc, QStringLiteral("/health")));
        QVERIFY2(down.finished && down.error == QNetworkReply::ConnectionRefusedError, qPrintable(down.describe()));

        QVERIFY(clear(svc));
        QCOMPARE(m_sandbox->servicePort(svc), port);
        QUrl url = serviceUrl(svc, QStringLiteral("/health"));
        url.setPort(port);
        const Answer back = get(url);
        QVERIFY2(back.status == 200, qPrintable(back.describe()));
        QCOMPARE(back.object().value(QStringLiteral("service")).toString(), svc);
    }

    void hangNeverAnswersUntilCleared()
    {
        const QString svc = QStringLiteral("orchestrator");
        QVERIFY(inject(svc, QStringLiteral("hang")));
        QPointer<QNetworkReply> reply = start(QByteArrayLiteral("GET"), serviceUrl(svc, QStringLiteral("/health")));
        {
            QSignalSpy finished(reply.data(), &QNetworkReply::finished);
            QVERIFY(!finished.wait(1500));
            QCOMPARE(finished.count(), 0);
            QVERIFY(!reply->isFinished());
            reply->abort();
        }
        reply->deleteLater();

        QVERIFY(clear(svc));
        const Answer back = get(serviceUrl(svc, QStringLiteral("/health")));
        QVERIFY2(back.status == 200, qPrintable(back.describe()));
    }

    void malformedIsNotJson()
    {
        const QString svc = QStringLiteral("execution_gateway");
        QVERIFY(inject(svc, QStringLiteral("malformed")));
        const Answer a = get(serviceUrl(svc, QStringLiteral("/health")));
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        QVERIFY(!a.body.isEmpty());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(a.body, &error);
        QVERIFY2(error.error != QJsonParseError::NoError, a.body.constData());
        QVERIFY(doc.isNull());
    }

    void htmlIsBadGateway()
    {
        const QString svc = QStringLiteral("reconciler");
        QVERIFY(inject(svc, QStringLiteral("html")));
        const Answer a = get(serviceUrl(svc, QStringLiteral("/health")));
        QVERIFY2(a.status == 502, qPrintable(a.describe()));
        QVERIFY2(a.contentType.startsWith("text/html"), a.contentType.constData());
        QVERIFY(a.body.contains("<html"));
    }

    void initialisingFault()
    {
        const QString svc = QStringLiteral("risk_manager");
        QVERIFY(inject(svc, QStringLiteral("initialising")));
        const Answer a = get(serviceUrl(svc, QStringLiteral("/health")));
        QVERIFY2(a.status == 503, qPrintable(a.describe()));
        const QString detail = a.object().value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(QStringLiteral("initialising"), Qt::CaseInsensitive), qPrintable(a.describe()));
    }

    void flappingAlternates()
    {
        const QString svc = QStringLiteral("orchestrator");
        QVERIFY(inject(svc, QStringLiteral("flapping")));
        QList<int> statuses;
        for (int n = 0; n < 4; ++n) {
            const Answer a = get(serviceUrl(svc, QStringLiteral("/health")));
            QVERIFY2(a.finished, qPrintable(a.describe()));
            statuses << a.status;
        }
        for (int n = 0; n < statuses.size(); ++n)
            QVERIFY2(statuses[n] == 200 || statuses[n] == 503, qPrintable(QString::number(statuses[n])));
        for (int n = 1; n < statuses.size(); ++n)
            QVERIFY2(statuses[n] != statuses[n - 1], qPrintable(QStringLiteral("no alternation at %1").arg(n)));
    }

    void slowDelaysTheAnswer()
    {
        const QString svc = QStringLiteral("market_data_service");
        QVERIFY(inject(svc, QStringLiteral("slow"), 600));
        const Answer a = get(serviceUrl(svc, QStringLiteral("/health")));
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        QVERIFY2(a.elapsedMs >= 550, qPrintable(QString::number(a.elapsedMs)));
        QVERIFY2(a.elapsedMs < kRequestTimeoutMs, qPrintable(QString::number(a.elapsedMs)));

        QVERIFY(clear(svc));
        const Answer fast = get(serviceUrl(svc, QStringLiteral("/health")));
        QVERIFY2(fast.status == 200, qPrintable(fast.describe()));
        QVERIFY2(fast.elapsedMs < 550, qPrintable(QString::number(fast.elapsedMs)));
    }

    void clearAllOverHttp()
    {
        QVERIFY(inject(QStringLiteral("orchestrator"), QStringLiteral("degraded")));
        QVERIFY(inject(QStringLiteral("reconciler"), QStringLiteral("unhealthy")));
        const Answer a = request(QByteArrayLiteral("DELETE"), controlUrl(QStringLiteral("/control/faults")));
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        for (const QJsonValue &v : QJsonDocument::fromJson(a.body).array())
            QCOMPARE(v.toObject().value(QStringLiteral("fault")).toString(), QStringLiteral("none"));
        bool ok = false;
        QCOMPARE(scalarInt(QStringLiteral("SELECT count(*) FROM fault_events WHERE cleared_at IS NULL"), &ok), 0);
        QVERIFY(ok);
    }

    // --- 5. initialisingSeconds -----------------------------------------------------------------

    void initialisingSecondsThenHealthy()
    {
        opssandbox::Sandbox second;
        QString error;
        QVERIFY2(second.start(config(2), &error), qPrintable(error));
        QElapsedTimer clock;
        clock.start();
        const QUrl url = serviceUrl(second, QStringLiteral("market_data_service"), QStringLiteral("/health"));
        QVERIFY(url.port() != int(m_sandbox->servicePort(QStringLiteral("market_data_service"))));

        const Answer first = get(url);
        QVERIFY2(first.status == 503, qPrintable(first.describe()));
        QVERIFY2(first.object().value(QStringLiteral("detail")).toString().contains(QStringLiteral("initialising"),
                                                                                      Qt::CaseInsensitive),
                 qPrintable(first.describe()));
        // The other services are not affected.
        const Answer other = get(serviceUrl(second, QStringLiteral("orchestrator"), QStringLiteral("/health")));
        QVERIFY2(other.status == 200, qPrintable(other.describe()));

        int status = 0;
        QTRY_VERIFY_WITH_TIMEOUT((status = get(url).status) == 200, 5000);
        QVERIFY2(clock.elapsed() >= 1500, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
