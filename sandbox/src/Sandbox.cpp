#include "Sandbox.h"

#include "AlertWorker.h"
#include "AlertsApi.h"
#include "AuditApi.h"
#include "AuthApi.h"
#include "BreakerApi.h"
#include "ApiKeysApi.h"
#include "ConfigApi.h"
#include "DbProbe.h"
#include "HandlerServer.h"
#include "Metrics.h"
#include "Migrations.h"

#include <QtCore/QAtomicInteger>
#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtCore/QVariant>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <cmath>
#include <map>
#include <vector>

Q_LOGGING_CATEGORY(lcSandbox, "ops.sandbox")

namespace opssandbox {

namespace {

using Status = QHttpServerResponder::StatusCode;

enum class Shape { Flat, ComponentsList, ComponentsDict, LivenessReadiness, BareHealthz, Checks, NaiveUp };
enum class Condition { Healthy, Degraded, Unhealthy };

struct ServiceDef
{
    const char *name;
    const char *version;
    Shape shape;
    const char *healthPath;
    const char *readinessPath; // nullptr = none
};

// Order = port offset. Mirrors the seed rows of migrations/0001_core.sql.
constexpr ServiceDef kServices[] = {
    {"orchestrator", "2.4.1", Shape::Flat, "/health", nullptr},
    {"signal_service", "1.9.3", Shape::ComponentsList, "/health", nullptr},
    {"execution_gateway", "3.2.0", Shape::ComponentsDict, "/health", nullptr},
    {"market_data_service", "1.12.4", Shape::LivenessReadiness, "/health", "/health/ready"},
    {"model_registry", "0.8.2", Shape::BareHealthz, "/healthz", nullptr},
    {"reconciler", "1.3.7", Shape::Checks, "/health", nullptr},
    {"risk_manager", "2.1.0", Shape::NaiveUp, "/health", "/ready"},
};
constexpr int kServiceCount = int(sizeof(kServices) / sizeof(kServices[0]));

const QString kConnectOptions = QStringLiteral("connect_timeout=5");

constexpr int kDefaultSlowMs = 3000;
constexpr int kDefaultDripMs = 2000;
constexpr int kMaxDelayMs = 10 * 60 * 1000;

QAtomicInteger<quint64> g_instanceCounter;

struct Reply
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
};

Reply jsonReply(int status, const QJsonObject &object)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Reply jsonReply(int status, const QJsonArray &array)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return r;
}

Reply textReply(int status, const QByteArray &text)
{
    Reply r;
    r.status = status;
    r.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    r.body = text;
    return r;
}

Reply errorReply(int status, const QString &message)
{
    return jsonReply(status, QJsonObject{{QStringLiteral("error"), message}});
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return QByteArrayLiteral("OK");
    case 400: return QByteArrayLiteral("Bad Request");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 502: return QByteArrayLiteral("Bad Gateway");
    case 503: return QByteArrayLiteral("Service Unavailable");
    default: return QByteArrayLiteral("Unknown");
    }
}

// --- time formats -------------------------------------------------------------------------
const QString kIsoNoZone = QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz");

QString isoZ(const QDateTime &t)
{
    return t.toUTC().toString(kIsoNoZone) + QLatin1Char('Z');
}
QString isoUtcOffset(const QDateTime &t) // "+00:00" spelled out
{
    return t.toUTC().toString(kIsoNoZone) + QStringLiteral("+00:00");
}
QString isoPlusTwo(const QDateTime &t) // the same instant shown at UTC+02:00
{
    return t.toUTC().addSecs(2 * 3600).toString(kIsoNoZone) + QStringLiteral("+02:00");
}
QString isoNaive(const QDateTime &t) // no zone; the values are UTC
{
    return t.toUTC().toString(kIsoNoZone);
}

// --- jitter ---------------------------------------------------------------------------------
double jitter(double base, double spread)
{
    const double v = base + QRandomGenerator::global()->generateDouble() * spread;
    return std::round(v * 100.0) / 100.0;
}
int randomInt(int low, int high) // inclusive
{
    return int(QRandomGenerator::global()->bounded(low, high + 1));
}
QDateTime secondsAgo(double lowS, double highS)
{
    const double s = lowS + QRandomGenerator::global()->generateDouble() * (highS - lowS);
    return QDateTime::currentDateTimeUtc().addMSecs(-qint64(s * 1000.0));
}

QString rollup(const QStringList &statuses)
{
    bool allHealthy = true;
    for (const QString &s : statuses) {
        if (s == QLatin1String("unhealthy"))
            return QStringLiteral("unhealthy");
        if (s != QLatin1String("healthy") && s != QLatin1String("ok"))
            allHealthy = false;
    }
    return allHealthy ? QStringLiteral("healthy") : QStringLiteral("degraded");
}

bool validDatabaseName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
    return re.match(name).hasMatch();
}

} // namespace

// --- fault names ------------------------------------------------------------------------------

QString faultName(Fault fault)
{
    switch (fault) {
    case Fault::None: return QStringLiteral("none");
    case Fault::Down: return QStringLiteral("down");
    case Fault::Hang: return QStringLiteral("hang");
    case Fault::Slow: return QStringLiteral("slow");
    case Fault::Degraded: return QStringLiteral("degraded");
    case Fault::Unhealthy: return QStringLiteral("unhealthy");
    case Fault::Malformed: return QStringLiteral("malformed");
    case Fault::Html: return QStringLiteral("html");
    case Fault::Initialising: return QStringLiteral("initialising");
    case Fault::Flapping: return QStringLiteral("flapping");
    case Fault::Drip: return QStringLiteral("drip");
    }
    return QStringLiteral("none");
}

QStringList faultNames()
{
    QStringList names;
    for (Fault f : {Fault::None, Fault::Down, Fault::Hang, Fault::Slow, Fault::Degraded,
                    Fault::Unhealthy, Fault::Malformed, Fault::Html, Fault::Initialising,
                    Fault::Flapping, Fault::Drip})
        names.append(faultName(f));
    return names;
}

std::optional<Fault> faultFromName(QStringView name)
{
    const QString trimmed = name.trimmed().toString().toLower();
    for (Fault f : {Fault::None, Fault::Down, Fault::Hang, Fault::Slow, Fault::Degraded,
                    Fault::Unhealthy, Fault::Malformed, Fault::Html, Fault::Initialising,
                    Fault::Flapping, Fault::Drip}) {
        if (faultName(f) == trimmed)
            return f;
    }
    return std::nullopt;
}

// --- private state ------------------------------------------------------------------------------

struct ServiceState
{
    ServiceDef def;
    QString name;
    quint16 port = 0;
    Fault fault = Fault::None;
    int delayMs = 0;
    quint64 flapCounter = 0;
    HandlerServer *server = nullptr;
};

struct Pending
{
    enum class Kind { Hang, Slow, Drip };
    Kind kind = Kind::Hang;
    int service = -1;
    QString path;
    std::unique_ptr<QHttpServerResponder> responder;
    QPointer<QTcpSocket> socket;
    QTimer *timer = nullptr;
    QByteArray drip;
    qsizetype dripPos = 0;
};

struct Sandbox::Private
{
    explicit Private(Sandbox *owner) : q(owner) {}

    Sandbox *q;
    SandboxConfig config;
    bool started = false;
    QString connectionName;
    std::vector<ServiceState> services;
    HandlerServer *control = nullptr;
    quint16 controlPort = 0;
    HandlerServer *api = nullptr;
    quint16 apiPort = 0;
    bool apiTls = false;
    std::unique_ptr<AuthApi> auth;
    std::unique_ptr<BreakerApi> breaker;
    std::unique_ptr<ApiKeysApi> apiKeys;
    std::unique_ptr<ConfigApi> configApi;
    std::unique_ptr<AuditApi> auditApi;
    std::unique_ptr<AlertsApi> alertsApi;
    std::unique_ptr<Metrics> metrics = std::make_unique<Metrics>();
    std::unique_ptr<AlertWorker> alertWorker;
    AlertSettings alertSettings;  // in memory only
    qint64 lastBreakerReadMs = 0; // real time of the last successful breaker state read (cb_staleness)
    BreakerFaults breakerFaults; // in memory only
    qint64 clockOffsetMs = 0; // see Sandbox::advanceClock()
    QElapsedTimer uptime;

    bool dbOk = false;
    double dbLatencyMs = 0.0;
    QString dbError;

    QThread *probeThread = nullptr;
    DbProbe *probe = nullptr;

    std::map<quint64, std::unique_ptr<Pending>> pending;
    quint64 nextPendingId = 1;

    int indexOf(const QString &name) const
    {
        for (int i = 0; i < int(services.size()); ++i)
            if (services[size_t(i)].name == name)
                return i;
        return -1;
    }

    QString urlHost() const
    {
        const QHostAddress &a = config.bindAddress;
        if (a == QHostAddress::Any || a == QHostAddress::AnyIPv4 || a.isNull())
            return QStringLiteral("127.0.0.1");
        if (a == QHostAddress::AnyIPv6)
            return QStringLiteral("::1");
        return a.toString();
    }

    QUrl url(int i, const char *path) const
    {
        if (i < 0 || !path)
            return {};
        QUrl u;
        u.setScheme(QStringLiteral("http"));
        u.setHost(urlHost());
        u.setPort(services[size_t(i)].port);
        u.setPath(QString::fromLatin1(path));
        return u;
    }

    // closeFaults: close fault_events left open by an earlier run (false for --generate-audit, which
    // may run next to a live sandbox on the same database).
    bool openDatabase(QString *error, bool closeFaults = true);
    bool setConsoleReadOnlyPassword(QSqlDatabase &db, QString *error);
    void startProbe();
    void stopProbe();
    bool listenService(int i, QString *error);
    bool listenApi(QString *error);
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addMSecs(clockOffsetMs); }
    void stopService(int i);
    void stopAll();
    void recordFault(const QString &service, Fault fault, int delayMs);

    void handleService(int i, const QHttpServerRequest &request, QTcpSocket *socket,
                       QHttpServerResponder &&responder);
    void handleControl(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    bool handleAlertsControl(const QString &path, const QHttpServerRequest &request, QHttpServerResponder &responder);
    void handleMetrics(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    QByteArray renderMetrics();
    double cbStaleness();
    AlertSettings defaultAlertSettings() const
    {
        AlertSettings settings;
        settings.workerIntervalMs = std::max(0, config.alertIntervalMs);
        return settings;
    }
    Reply normalReply(int i, const QString &path, Condition condition);
    static void respond(QHttpServerResponder &responder, const Reply &reply);

    quint64 hold(Pending::Kind kind, int i, const QString &path, QTcpSocket *socket,
                 QHttpServerResponder &&responder);
    void dropPending(quint64 id, bool abortSocket);
    void dropPendingFor(int i, bool includeSlow);

    QJsonObject serviceEntry(int i) const;
    QJsonArray serviceEntries() const;

    // shapes
    Reply flat(const ServiceState &s, Condition c);
    Reply componentsList(const ServiceState &s, Condition c);
    Reply componentsDict(const ServiceState &s, Condition c);
    Reply liveness(const ServiceState &s, Condition c);
    Reply readiness(const ServiceState &s, Condition c);
    Reply bareHealthz(Condition c);
    Reply checks(const ServiceState &s, Condition c);
    Reply naiveUp(const ServiceState &s, Condition c);
    Reply riskReady(Condition c);
    bool initialising() const
    {
        return config.initialisingSeconds > 0 && uptime.isValid()
               && uptime.elapsed() < qint64(config.initialisingSeconds) * 1000;
    }
};

// --- database ------------------------------------------------------------------------------------

// ALTER ROLE takes no parameters: the password travels as a bound value into a transaction-local
// setting and is quoted by the server (format %L) inside the DO block.
bool Sandbox::Private::setConsoleReadOnlyPassword(QSqlDatabase &db, QString *error)
{
    auto fail = [&](const QString &m) {
        db.rollback();
        if (error)
            *error = QStringLiteral("cannot set the password of %1: %2").arg(QLatin1String(Sandbox::kConsoleReadOnlyRole), m);
        return false;
    };
    if (!db.transaction())
        return fail(db.lastError().text().simplified());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT set_config('ops_sandbox.console_ro_password', :pw, true)"));
    q.bindValue(QStringLiteral(":pw"), config.consoleReadOnlyPassword);
    if (!q.exec())
        return fail(api::sqlError(q));
    if (!q.exec(QStringLiteral("DO $pw$ BEGIN EXECUTE format('ALTER ROLE ops_console_ro PASSWORD %L', "
                               "current_setting('ops_sandbox.console_ro_password')); END $pw$")))
        return fail(api::sqlError(q));
    if (!db.commit())
        return fail(db.lastError().text().simplified());
    qCInfo(lcSandbox, "set the password of %s", Sandbox::kConsoleReadOnlyRole);
    return true;
}

bool Sandbox::Private::openDatabase(QString *error, bool closeFaults)
{
    auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return false;
    };
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not available"));
    if (!validDatabaseName(config.dbName))
        return fail(QStringLiteral("invalid database name '%1': use letters, digits and _ only")
                        .arg(config.dbName));

    auto configure = [this](QSqlDatabase &db, const QString &dbName) {
        db.setHostName(config.dbHost);
        db.setPort(config.dbPort);
        db.setDatabaseName(dbName);
        db.setUserName(config.dbUser);
        if (!config.dbPassword.isEmpty())
            db.setPassword(config.dbPassword);
        db.setConnectOptions(kConnectOptions);
    };

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    configure(db, config.dbName);
    if (!db.open()) {
        const QSqlError first = db.lastError();
        // Create it if missing: connect to the maintenance database "postgres".
        const QString adminName = connectionName + QStringLiteral("-admin");
        QString adminError;
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), adminName);
            configure(admin, QStringLiteral("postgres"));
            if (!admin.open()) {
                adminError = QStringLiteral("cannot connect to PostgreSQL at %1:%2 as %3: %4")
                                 .arg(config.dbHost)
                                 .arg(config.dbPort)
                                 .arg(config.dbUser, admin.lastError().text().simplified());
            } else {
                bool missing = false;
                {
                    QSqlQuery exists(admin);
                    exists.prepare(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = :name"));
                    exists.bindValue(QStringLiteral(":name"), config.dbName);
                    if (!exists.exec())
                        adminError = exists.lastError().text().simplified();
                    else
                        missing = !exists.next();
                }
                if (adminError.isEmpty() && missing) {
                    // An identifier cannot be bound; the name was validated above as [A-Za-z0-9_].
                    QSqlQuery create(admin);
                    if (!create.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(config.dbName))
                        && create.lastError().nativeErrorCode() != QLatin1String("42P04")) {
                        adminError = QStringLiteral("cannot create database %1: %2")
                                         .arg(config.dbName, create.lastError().text().simplified());
                    } else {
                        qCInfo(lcSandbox, "created database %s", qPrintable(config.dbName));
                    }
                } else if (adminError.isEmpty()) {
                    // It exists, so the first failure was about something else.
                    adminError = QStringLiteral("cannot open database %1: %2")
                                     .arg(config.dbName, first.text().simplified());
                }
                admin.close();
            }
        }
        QSqlDatabase::removeDatabase(adminName);
        if (!adminError.isEmpty())
            return fail(adminError);
        if (!db.open())
            return fail(QStringLiteral("cannot open database %1: %2")
                            .arg(config.dbName, db.lastError().text().simplified()));
    }

    QString migrationError;
    const QList<Migration> migrations = embeddedMigrations(&migrationError);
    if (migrations.isEmpty())
        return fail(migrationError);
    QList<int> applied;
    if (!applyMigrations(db, migrations, &applied, &migrationError))
        return fail(migrationError);
    if (applied.isEmpty()) {
        qCInfo(lcSandbox, "schema up to date (%lld migrations)", qlonglong(migrations.size()));
    } else {
        for (int v : applied)
            qCInfo(lcSandbox, "applied migration %04d", v);
    }

    if (!config.consoleReadOnlyPassword.isEmpty() && !setConsoleReadOnlyPassword(db, error))
        return false;

    // From here on the sandbox writes as the application role, which does not own audit_log and may
    // only INSERT and SELECT it. The role is a startup option of the connection rather than a
    // SET ROLE on this session, so every reconnect (db.open() after a lost connection) gets it too.
    db.close();
    db.setConnectOptions(kConnectOptions + QStringLiteral(";options='-c role=%1'").arg(QLatin1String(Sandbox::kAppRole)));
    if (!db.open())
        return fail(QStringLiteral("cannot reconnect to database %1 as role %2: %3")
                        .arg(config.dbName, QLatin1String(Sandbox::kAppRole), db.lastError().text().simplified()));
    {
        QSqlQuery role(db);
        if (!role.exec(QStringLiteral("SELECT current_user")) || !role.next()
            || role.value(0).toString() != QLatin1String(Sandbox::kAppRole))
            return fail(QStringLiteral("the database connection does not run as %1 (current_user %2)")
                            .arg(QLatin1String(Sandbox::kAppRole), role.value(0).toString()));
    }

    // A new run starts with every service healthy: close faults left open by an earlier run.
    QSqlQuery close(db);
    if (closeFaults && !close.exec(QStringLiteral(
            "UPDATE fault_events SET cleared_at = now() WHERE cleared_at IS NULL")))
        return fail(QStringLiteral("cannot update fault_events: %1")
                        .arg(close.lastError().text().simplified()));

    QElapsedTimer clock;
    clock.start();
    QSqlQuery ping(db);
    dbOk = ping.exec(QStringLiteral("SELECT 1")) && ping.next();
    dbLatencyMs = double(clock.nsecsElapsed()) / 1e6;
    dbError = dbOk ? QString() : ping.lastError().text().simplified();
    return true;
}

void Sandbox::Private::startProbe()
{
    DbParams params{config.dbHost, config.dbPort, config.dbName, config.dbUser, config.dbPassword};
    probeThread = new QThread;
    probeThread->setObjectName(QStringLiteral("ops-sandbox-db-probe"));
    probe = new DbProbe(params, 2000);
    probe->moveToThread(probeThread);
    QObject::connect(probeThread, &QThread::started, probe, &DbProbe::begin);
    QObject::connect(probe, &DbProbe::checked, q,
                     [this](bool ok, double latencyMs, const QString &error) {
                         if (ok != dbOk)
                             qCInfo(lcSandbox, "database check: %s%s%s",
                                    ok ? "ok" : "FAILED", ok ? "" : ": ", qPrintable(error));
                         dbOk = ok;
                         dbLatencyMs = latencyMs;
                         dbError = error;
                     });
    probeThread->start();
}

void Sandbox::Private::stopProbe()
{
    if (!probeThread)
        return;
    QMetaObject::invokeMethod(probe, &DbProbe::finish, Qt::BlockingQueuedConnection);
    probeThread->quit();
    probeThread->wait();
    delete probe;
    probe = nullptr;
    delete probeThread;
    probeThread = nullptr;
}

void Sandbox::Private::recordFault(const QString &service, Fault fault, int delayMs)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.isValid())
        return;
    if (!db.isOpen() && !db.open()) {
        qCWarning(lcSandbox, "fault journal unavailable: %s",
                  qPrintable(db.lastError().text().simplified()));
        return;
    }
    auto warn = [&db](const QSqlQuery &q) {
        QString e = q.lastError().text().simplified();
        if (e.isEmpty())
            e = QStringLiteral("connection lost");
        qCWarning(lcSandbox, "fault journal write failed: %s", qPrintable(e));
        db.close(); // reconnect explicitly next time
    };
    QSqlQuery clear(db);
    clear.prepare(QStringLiteral(
        "UPDATE fault_events SET cleared_at = now() WHERE service = :service AND cleared_at IS NULL"));
    clear.bindValue(QStringLiteral(":service"), service);
    if (!clear.exec()) {
        warn(clear);
        return;
    }
    if (fault == Fault::None)
        return;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO fault_events (service, fault, delay_ms) VALUES (:service, :fault, :delay)"));
    insert.bindValue(QStringLiteral(":service"), service);
    insert.bindValue(QStringLiteral(":fault"), faultName(fault));
    insert.bindValue(QStringLiteral(":delay"), delayMs);
    if (!insert.exec())
        warn(insert);
}

// --- listeners -------------------------------------------------------------------------------------

bool Sandbox::Private::listenService(int i, QString *error)
{
    ServiceState &s = services[size_t(i)];
    auto *server = new HandlerServer(
        [this, i](const QHttpServerRequest &request, QTcpSocket *socket,
                  QHttpServerResponder &&responder) {
            handleService(i, request, socket, std::move(responder));
        },
        q);
    const quint16 wanted = s.port;
    const quint16 got = server->listen(config.bindAddress, wanted);
    if (got == 0) {
        delete server;
        if (error)
            *error = QStringLiteral("%1: cannot listen on %2:%3 (address in use or not permitted)")
                         .arg(s.name, config.bindAddress.toString())
                         .arg(wanted);
        return false;
    }
    s.port = got;
    s.server = server;
    return true;
}

void Sandbox::Private::stopService(int i)
{
    ServiceState &s = services[size_t(i)];
    dropPendingFor(i, true);
    if (s.server) {
        s.server->shutdown();
        s.server->deleteLater();
        s.server = nullptr;
    }
}

void Sandbox::Private::stopAll()
{
    while (!pending.empty())
        dropPending(pending.begin()->first, true);
    for (ServiceState &s : services) {
        if (s.server) {
            s.server->shutdown();
            delete s.server;
            s.server = nullptr;
        }
    }
    if (control) {
        control->shutdown();
        delete control;
        control = nullptr;
    }
    if (api) {
        api->shutdown();
        delete api;
        api = nullptr;
    }
    apiPort = 0;
    apiTls = false;
    alertWorker.reset();
    alertsApi.reset();
    metrics->detachConnection();
    auth.reset();
    breaker.reset();
    apiKeys.reset();
    configApi.reset();
    auditApi.reset();
    stopProbe();
    if (QSqlDatabase::contains(connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
    }
    started = false;
}

bool Sandbox::Private::listenApi(QString *error)
{
    auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return false;
    };
    const bool wantTls = !config.tlsCertificatePath.isEmpty() || !config.tlsKeyPath.isEmpty();
    if (wantTls && (config.tlsCertificatePath.isEmpty() || config.tlsKeyPath.isEmpty()))
        return fail(QStringLiteral("TLS needs both a certificate and a key file (got only the %1)")
                        .arg(config.tlsCertificatePath.isEmpty() ? QStringLiteral("key")
                                                                 : QStringLiteral("certificate")));
    QSslCertificate certificate;
    QSslKey key;
    if (wantTls) {
        if (!QSslSocket::supportsSsl())
            return fail(QStringLiteral("TLS requested but no TLS backend is available"));
        QFile certFile(config.tlsCertificatePath);
        if (!certFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read TLS certificate '%1': %2")
                            .arg(config.tlsCertificatePath, certFile.errorString()));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        if (chain.isEmpty() || chain.constFirst().isNull())
            return fail(QStringLiteral("TLS certificate '%1' holds no PEM certificate")
                            .arg(config.tlsCertificatePath));
        certificate = chain.constFirst();
        QFile keyFile(config.tlsKeyPath);
        if (!keyFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read TLS key '%1': %2")
                            .arg(config.tlsKeyPath, keyFile.errorString()));
        const QByteArray keyPem = keyFile.readAll();
        for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
            key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
            if (!key.isNull())
                break;
        }
        if (key.isNull())
            return fail(QStringLiteral("TLS key '%1' holds no unencrypted PEM private key")
                            .arg(config.tlsKeyPath));
    }
    api = new HandlerServer(
        [this](const QHttpServerRequest &request, QTcpSocket *, QHttpServerResponder &&responder) {
            // /metrics (Prometheus) is outside /api/v1 and needs no sign-in.
            if (request.url().path() == QLatin1String("/metrics"))
                handleMetrics(request, std::move(responder));
            else
                auth->handle(request, std::move(responder));
        },
        q);
    if (wantTls)
        api->sslSetup(certificate, key); // must precede listen(): it picks the server class
    apiPort = api->listen(config.bindAddress, config.apiPort);
    if (apiPort == 0)
        return fail(QStringLiteral("cannot listen on %1:%2 for the REST API "
                                   "(address in use or not permitted)")
                        .arg(config.bindAddress.toString())
                        .arg(config.apiPort));
    apiTls = wantTls;
    return true;
}

// --- held responders -------------------------------------------------------------------------------

quint64 Sandbox::Private::hold(Pending::Kind kind, int i, const QString &path, QTcpSocket *socket,
                               QHttpServerResponder &&responder)
{
    const quint64 id = nextPendingId++;
    auto p = std::make_unique<Pending>();
    p->kind = kind;
    p->service = i;
    p->path = path;
    p->responder = std::make_unique<QHttpServerResponder>(std::move(responder));
    p->socket = socket;
    if (socket)
        QObject::connect(socket, &QAbstractSocket::disconnected, q,
                         [this, id] { dropPending(id, false); });
    pending.emplace(id, std::move(p));
    return id;
}

void Sandbox::Private::dropPending(quint64 id, bool abortSocket)
{
    auto it = pending.find(id);
    if (it == pending.end())
        return;
    std::unique_ptr<Pending> p = std::move(it->second);
    pending.erase(it); // erase first: abort() below re-enters via disconnected()
    if (p->timer) {
        p->timer->stop();
        p->timer->deleteLater();
    }
    if (abortSocket && p->socket)
        p->socket->abort();
}

void Sandbox::Private::dropPendingFor(int i, bool includeSlow)
{
    std::vector<quint64> ids;
    for (const auto &[id, p] : pending)
        if (p->service == i && (includeSlow || p->kind != Pending::Kind::Slow))
            ids.push_back(id);
    for (quint64 id : ids)
        dropPending(id, true);
}

void Sandbox::Private::respond(QHttpServerResponder &responder, const Reply &reply)
{
    responder.write(reply.body, reply.contentType, static_cast<Status>(reply.status));
}

// --- service requests ------------------------------------------------------------------------------

void Sandbox::Private::handleService(int i, const QHttpServerRequest &request, QTcpSocket *socket,
                                     QHttpServerResponder &&responder)
{
    ServiceState &s = services[size_t(i)];
    const QString path = request.url().path();

    if (request.method() != QHttpServerRequest::Method::Get) {
        responder.write(QByteArrayLiteral("{\"detail\":\"Method Not Allowed\"}"),
                        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                         {QByteArrayLiteral("Allow"), QByteArrayLiteral("GET")}},
                        Status::MethodNotAllowed);
        return;
    }

    switch (s.fault) {
    case Fault::Down:
        // The listener is closed; a request can only come from a connection that raced it.
        if (socket)
            socket->abort();
        return;
    case Fault::Hang:
        hold(Pending::Kind::Hang, i, path, socket, std::move(responder));
        return;
    case Fault::Slow: {
        const quint64 id = hold(Pending::Kind::Slow, i, path, socket, std::move(responder));
        auto *timer = new QTimer(q);
        timer->setSingleShot(true);
        pending[id]->timer = timer;
        QObject::connect(timer, &QTimer::timeout, q, [this, id] {
            auto it = pending.find(id);
            if (it == pending.end())
                return;
            Pending &p = *it->second;
            if (p.socket)
                respond(*p.responder, normalReply(p.service, p.path, Condition::Healthy));
            dropPending(id, false);
        });
        timer->start(s.delayMs > 0 ? s.delayMs : kDefaultSlowMs);
        return;
    }
    case Fault::Drip: {
        const Reply reply = normalReply(i, path, Condition::Healthy);
        if (!socket) {
            respond(responder, reply);
            return;
        }
        QByteArray head = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(reply.status) + ' '
                          + reasonPhrase(reply.status) + "\r\n";
        head += "Content-Type: " + reply.contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
        head += "Connection: keep-alive\r\n\r\n";
        socket->write(head);
        const quint64 id = hold(Pending::Kind::Drip, i, path, socket, std::move(responder));
        Pending &p = *pending[id];
        p.drip = reply.body;
        p.timer = new QTimer(q);
        QObject::connect(p.timer, &QTimer::timeout, q, [this, id] {
            auto it = pending.find(id);
            if (it == pending.end())
                return;
            Pending &pp = *it->second;
            if (!pp.socket || pp.dripPos >= pp.drip.size()) {
                dropPending(id, false);
                return;
            }
            pp.socket->write(pp.drip.constData() + pp.dripPos, 1);
            ++pp.dripPos;
            if (pp.dripPos >= pp.drip.size())
                dropPending(id, false);
        });
        p.timer->start(s.delayMs > 0 ? s.delayMs : kDefaultDripMs);
        return;
    }
    case Fault::Malformed: {
        Reply r;
        r.body = QByteArrayLiteral("{\"status\": \"healthy\", \"service\": \"") + s.def.name
                 + QByteArrayLiteral("\", \"version\": ");
        respond(responder, r);
        return;
    }
    case Fault::Html: {
        Reply r;
        r.status = 502;
        r.contentType = QByteArrayLiteral("text/html");
        r.body = QByteArrayLiteral(
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n"
            "</body>\r\n</html>\r\n");
        respond(responder, r);
        return;
    }
    case Fault::Initialising:
        respond(responder,
                jsonReply(503, QJsonObject{{QStringLiteral("detail"),
                                            QStringLiteral("Service initialising: loading reference data")}}));
        return;
    case Fault::Degraded:
        respond(responder, normalReply(i, path, Condition::Degraded));
        return;
    case Fault::Unhealthy:
        respond(responder, normalReply(i, path, Condition::Unhealthy));
        return;
    case Fault::Flapping: {
        const bool up = (s.flapCounter++ % 2) == 0;
        respond(responder, normalReply(i, path, up ? Condition::Healthy : Condition::Unhealthy));
        return;
    }
    case Fault::None:
        break;
    }
    respond(responder, normalReply(i, path, Condition::Healthy));
}

Reply Sandbox::Private::normalReply(int i, const QString &path, Condition c)
{
    const ServiceState &s = services[size_t(i)];
    const bool isHealth = path == QLatin1String(s.def.healthPath);
    const bool isReady = s.def.readinessPath && path == QLatin1String(s.def.readinessPath);
    if (!isHealth && !isReady)
        return jsonReply(404, QJsonObject{{QStringLiteral("detail"), QStringLiteral("Not Found")}});

    switch (s.def.shape) {
    case Shape::Flat: return flat(s, c);
    case Shape::ComponentsList: return componentsList(s, c);
    case Shape::ComponentsDict: return componentsDict(s, c);
    case Shape::LivenessReadiness:
        if (c == Condition::Healthy && initialising()) {
            if (isHealth)
                return jsonReply(503, QJsonObject{{QStringLiteral("detail"),
                                                   QStringLiteral("Service initialising: warming instrument cache")}});
            return readiness(s, Condition::Unhealthy);
        }
        return isHealth ? liveness(s, c) : readiness(s, c);
    case Shape::BareHealthz: return bareHealthz(c);
    case Shape::Checks: return checks(s, c);
    case Shape::NaiveUp: return isHealth ? naiveUp(s, c) : riskReady(c);
    }
    return jsonReply(500, QJsonObject{{QStringLiteral("detail"), QStringLiteral("internal error")}});
}

// --- shapes ----------------------------------------------------------------------------------------

Reply Sandbox::Private::flat(const ServiceState &s, Condition c)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject details{
        {QStringLiteral("active_strategies"), 3},
        {QStringLiteral("queued_runs"), randomInt(0, 2)},
        {QStringLiteral("scheduler"), QStringLiteral("running")},
        {QStringLiteral("loop_interval_s"), 5},
        {QStringLiteral("uptime_seconds"), qint64(uptime.elapsed() / 1000)},
    };
    bool redis = true;
    QString status = QStringLiteral("healthy");
    if (c == Condition::Degraded) {
        status = QStringLiteral("degraded");
        details.insert(QStringLiteral("scheduler"), QStringLiteral("lagging"));
        details.insert(QStringLiteral("warning"),
                       QStringLiteral("orchestration loop %1 s behind schedule").arg(jitter(4.0, 1.5)));
    } else if (c == Condition::Unhealthy) {
        status = QStringLiteral("unhealthy");
        redis = false;
        details.insert(QStringLiteral("scheduler"), QStringLiteral("stopped"));
        details.insert(QStringLiteral("error"), QStringLiteral("redis: connection refused"));
    }
    return jsonReply(c == Condition::Unhealthy ? 503 : 200, QJsonObject{
        {QStringLiteral("status"), status},
        {QStringLiteral("service"), s.name},
        {QStringLiteral("version"), QString::fromLatin1(s.def.version)},
        {QStringLiteral("timestamp"), isoZ(now)},
        {QStringLiteral("details"), details},
        {QStringLiteral("database_connected"), dbOk},
        {QStringLiteral("redis_connected"), redis},
        {QStringLiteral("last_orchestration_at"), isoZ(secondsAgo(1.0, 6.0))},
    });
}

Reply Sandbox::Private::componentsList(const ServiceState &s, Condition c)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject modelCache{
        {QStringLiteral("name"), QStringLiteral("model_cache")},
        {QStringLiteral("status"), QStringLiteral("healthy")},
        {QStringLiteral("latency_ms"), jitter(0.8, 0.6)},
        {QStringLiteral("message"), QStringLiteral("3 models loaded")},
        {QStringLiteral("details"), QJsonObject{{QStringLiteral("models_loaded"), 3},
                                                {QStringLiteral("cache_hit_ratio"), jitter(0.95, 0.04)}}},
    };
    QJsonObject featureStore{
        {QStringLiteral("name"), QStringLiteral("feature_store")},
        {QStringLiteral("status"), QStringLiteral("healthy")},
        {QStringLiteral("latency_ms"), jitter(4.0, 3.0)},
        {QStringLiteral("message"), QStringLiteral("features fresh")},
        {QStringLiteral("details"), QJsonObject{{QStringLiteral("lag_seconds"), jitter(0.5, 1.5)},
                                                {QStringLiteral("feature_sets"), 12}}},
    };
    QJsonObject marketFeed{
        {QStringLiteral("name"), QStringLiteral("market_feed")},
        {QStringLiteral("status"), QStringLiteral("healthy")},
        {QStringLiteral("latency_ms"), jitter(1.5, 1.0)},
        {QStringLiteral("message"), QStringLiteral("subscribed")},
        {QStringLiteral("details"), QJsonObject{{QStringLiteral("symbols"), 48}}},
    };
    if (c == Condition::Degraded) {
        featureStore.insert(QStringLiteral("status"), QStringLiteral("degraded"));
        featureStore.insert(QStringLiteral("latency_ms"), jitter(420.0, 80.0));
        featureStore.insert(QStringLiteral("message"),
                            QStringLiteral("feature lag 42 s above the 30 s threshold"));
    } else if (c == Condition::Unhealthy) {
        modelCache.insert(QStringLiteral("status"), QStringLiteral("unhealthy"));
        modelCache.insert(QStringLiteral("message"),
                          QStringLiteral("model cache unavailable: registry answered 503"));
        modelCache.insert(QStringLiteral("details"), QJsonObject{{QStringLiteral("models_loaded"), 0}});
    }
    const QJsonArray components{modelCache, featureStore, marketFeed};
    QStringList statuses;
    for (const auto &v : components)
        statuses << v.toObject().value(QStringLiteral("status")).toString();
    const QString status = rollup(statuses);
    return jsonReply(status == QLatin1String("unhealthy") ? 503 : 200, QJsonObject{
        {QStringLiteral("status"), status},
        {QStringLiteral("service"), s.name},
        {QStringLiteral("version"), QString::fromLatin1(s.def.version)},
        {QStringLiteral("timestamp"), isoUtcOffset(now)},
        {QStringLiteral("components"), components},
        {QStringLiteral("last_signal_at"), isoUtcOffset(secondsAgo(2.0, 9.0))},
    });
}

Reply Sandbox::Private::componentsDict(const ServiceState &s, Condition c)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject redis{
        {QStringLiteral("status"), QStringLiteral("healthy")},
        {QStringLiteral("latency_ms"), jitter(0.3, 0.5)},
        {QStringLiteral("details"), QJsonObject{
             {QStringLiteral("version"), QStringLiteral("7.0.15")},
             {QStringLiteral("used_memory_human"), QStringLiteral("%1M").arg(jitter(1.7, 0.3))},
             {QStringLiteral("connected_clients"), randomInt(6, 12)}}},
    };
    QJsonObject postgres{
        {QStringLiteral("status"), dbOk ? QStringLiteral("healthy") : QStringLiteral("unhealthy")},
        {QStringLiteral("latency_ms"), std::round(dbLatencyMs * 100.0) / 100.0},
    };
    if (!dbOk)
        postgres.insert(QStringLiteral("error"), dbError.isEmpty() ? QStringLiteral("unreachable") : dbError);
    QJsonObject broker{
        {QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("latency_ms"), jitter(18.0, 12.0)},
        {QStringLiteral("details"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("paper")},
                                                {QStringLiteral("open_orders"), randomInt(0, 4)}}},
    };
    if (c == Condition::Degraded) {
        redis.insert(QStringLiteral("status"), QStringLiteral("degraded"));
        redis.insert(QStringLiteral("latency_ms"), jitter(850.0, 150.0));
        redis.insert(QStringLiteral("message"), QStringLiteral("PING slower than 500 ms"));
    } else if (c == Condition::Unhealthy) {
        broker.insert(QStringLiteral("status"), QStringLiteral("unhealthy"));
        broker.insert(QStringLiteral("error"), QStringLiteral("broker API: connection refused"));
    }
    const QString status = rollup({redis.value(QStringLiteral("status")).toString(),
                                   postgres.value(QStringLiteral("status")).toString(),
                                   broker.value(QStringLiteral("status")).toString()});
    return jsonReply(status == QLatin1String("unhealthy") ? 503 : 200, QJsonObject{
        {QStringLiteral("status"), status},
        {QStringLiteral("service"), s.name},
        {QStringLiteral("version"), QString::fromLatin1(s.def.version)},
        {QStringLiteral("timestamp"), isoZ(now)},
        {QStringLiteral("components"), QJsonObject{{QStringLiteral("redis"), redis},
                                                   {QStringLiteral("postgres"), postgres},
                                                   {QStringLiteral("broker"), broker}}},
        {QStringLiteral("dry_run"), true},
        {QStringLiteral("database_connected"), dbOk},
        {QStringLiteral("redis_connected"), true},
        {QStringLiteral("last_order_at"), isoZ(secondsAgo(3.0, 15.0))},
    });
}

Reply Sandbox::Private::liveness(const ServiceState &s, Condition c)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString status = QStringLiteral("ok");
    if (c == Condition::Degraded)
        status = QStringLiteral("degraded");
    else if (c == Condition::Unhealthy)
        status = QStringLiteral("unhealthy");
    return jsonReply(c == Condition::Unhealthy ? 503 : 200, QJsonObject{
        {QStringLiteral("status"), status},
        {QStringLiteral("service"), s.name},
        {QStringLiteral("version"), QString::fromLatin1(s.def.version)},
        {QStringLiteral("timestamp"), isoZ(now)},
        {QStringLiteral("last_message_at"), isoZ(secondsAgo(0.1, 1.5))},
        {QStringLiteral("details"), QJsonObject{
             {QStringLiteral("subscriptions"), 48},
             {QStringLiteral("messages_per_second"), jitter(850.0, 300.0)}}},
    });
}

Reply Sandbox::Private::readiness(const ServiceState &, Condition c)
{
    if (c == Condition::Unhealthy) {
        const QString why = initialising()
                                ? QStringLiteral("instrument cache still warming")
                                : QStringLiteral("feed handler disconnected: upstream closed the session");
        return jsonReply(503, QJsonObject{{QStringLiteral("detail"), QJsonObject{
            {QStringLiteral("status"), QStringLiteral("not_ready")},
            {QStringLiteral("checks"), QJsonObject{
                 {QStringLiteral("feed"), QJsonObject{{QStringLiteral("status"), QStringLiteral("fail")},
                                                      {QStringLiteral("error"), why}}},
                 {QStringLiteral("cache"), QJsonObject{{QStringLiteral("status"),
                                                        initialising() ? QStringLiteral("fail") : QStringLiteral("pass")}}}}}}}});
    }
    QJsonObject cache{{QStringLiteral("status"), QStringLiteral("pass")}};
    QString status = QStringLiteral("ready");
    if (c == Condition::Degraded) {
        status = QStringLiteral("degraded");
        cache = QJsonObject{{QStringLiteral("status"), QStringLiteral("warn")},
                            {QStringLiteral("error"), QStringLiteral("cache hit ratio 0.41 below 0.80")}};
    }
    return jsonReply(200, QJsonObject{
        {QStringLiteral("status"), status},
        {QStringLiteral("checks"), QJsonObject{
             {QStringLiteral("feed"), QJsonObject{{QStringLiteral("status"), QStringLiteral("pass")}}},
             {QStringLiteral("cache"), cache}}}});
}

Reply Sandbox::Private::bareHealthz(Condition c)
{
    switch (c) {
    case Condition::Healthy: return textReply(200, QByteArrayLiteral("ok"));
    case Condition::Degraded: return textReply(200, QByteArrayLiteral("degraded"));
    case Condition::Unhealthy: return textReply(503, QByteArrayLiteral("unavailable"));
    }
    return textReply(200, QByteArrayLiteral("ok"));
}

Reply Sandbox::Private::checks(const ServiceState &s, Condition c)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject ledger{{QStringLiteral("status"), QStringLiteral("pass")},
                       {QStringLiteral("rows"), 184000 + randomInt(0, 900)},
                       {QStringLiteral("latency_ms"), jitter(3.0, 4.0)}};
    QJsonObject positions{{QStringLiteral("status"), QStringLiteral("pass")},
                          {QStringLiteral("positions"), 12},
                          {QStringLiteral("mismatches"), 0}};
    QString status = QStringLiteral("pass");
    if (c == Condition::Degraded) {
        status = QStringLiteral("warn");
        positions = QJsonObject{{QStringLiteral("status"), QStringLiteral("warn")},
                                {QStringLiteral("positions"), 12},
                                {QStringLiteral("mismatches"), 2},
                                {QStringLiteral("error"), QStringLiteral("2 positions differ from the broker")}};
    } else if (c == Condition::Unhealthy) {
        status = QStringLiteral("fail");
        ledger = QJsonObject{{QStringLiteral("status"), QStringLiteral("fail")},
                             {QStringLiteral("error"), QStringLiteral("ledger query timed out after 2000 ms")}};
    }
    return jsonReply(c == Condition::Unhealthy ? 503 : 200, QJsonObject{
        {QStringLiteral("status"), status},
        {QStringLiteral("service"), s.name},
        {QStringLiteral("version"), QString::fromLatin1(s.def.version)},
        {QStringLiteral("checks"), QJsonObject{
             {QStringLiteral("ledger"), ledger},
             {QStringLiteral("broker_positions"), positions},
             {QStringLiteral("archiver"), QJsonObject{{QStringLiteral("status"), QStringLiteral("disabled")}}}}},
        {QStringLiteral("timestamp"), isoPlusTwo(now)},
        {QStringLiteral("last_reconciliation_at"), isoPlusTwo(secondsAgo(5.0, 25.0))},
    });
}

Reply Sandbox::Private::naiveUp(const ServiceState &s, Condition c)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString status = QStringLiteral("up");
    QJsonObject details{{QStringLiteral("limits_loaded"), true},
                        {QStringLiteral("open_positions"), randomInt(8, 14)},
                        {QStringLiteral("drawdown_pct"), jitter(0.4, 0.6)}};
    if (c == Condition::Degraded) {
        status = QStringLiteral("degraded");
        details.insert(QStringLiteral("warning"), QStringLiteral("drawdown approaching limit"));
        details.insert(QStringLiteral("drawdown_pct"), jitter(3.6, 0.3));
    } else if (c == Condition::Unhealthy) {
        status = QStringLiteral("down");
        details.insert(QStringLiteral("limits_loaded"), false);
        details.insert(QStringLiteral("error"), QStringLiteral("risk limits could not be loaded"));
    }
    return jsonReply(c == Condition::Unhealthy ? 503 : 200, QJsonObject{
        {QStringLiteral("status"), status},
        {QStringLiteral("service"), s.name},
        {QStringLiteral("version"), QString::fromLatin1(s.def.version)},
        {QStringLiteral("timestamp"), isoNaive(now)},
        {QStringLiteral("last_risk_check_at"), isoNaive(secondsAgo(0.5, 4.0))},
        {QStringLiteral("details"), details},
    });
}

Reply Sandbox::Private::riskReady(Condition c)
{
    if (c == Condition::Unhealthy)
        return jsonReply(503, QJsonObject{{QStringLiteral("status"), QStringLiteral("not_ready")},
                                          {QStringLiteral("reason"), QStringLiteral("risk limits not loaded")}});
    return jsonReply(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ready")}});
}

// --- control ---------------------------------------------------------------------------------------

QJsonObject Sandbox::Private::serviceEntry(int i) const
{
    const ServiceState &s = services[size_t(i)];
    const QUrl ready = url(i, s.def.readinessPath);
    return QJsonObject{
        {QStringLiteral("name"), s.name},
        {QStringLiteral("port"), int(s.port)},
        {QStringLiteral("health_url"), url(i, s.def.healthPath).toString()},
        {QStringLiteral("readiness_url"), ready.isEmpty() ? QJsonValue() : QJsonValue(ready.toString())},
        {QStringLiteral("fault"), faultName(s.fault)},
        {QStringLiteral("delay_ms"), s.delayMs},
    };
}

QJsonArray Sandbox::Private::serviceEntries() const
{
    QJsonArray list;
    for (int i = 0; i < int(services.size()); ++i)
        list.append(serviceEntry(i));
    return list;
}

void Sandbox::Private::handleControl(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    using M = QHttpServerRequest::Method;
    if (!request.remoteAddress().isLoopback()) {
        respond(responder, errorReply(403, QStringLiteral("the control API only accepts loopback clients")));
        return;
    }
    QString path = request.url().path();
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const M method = request.method();
    auto methodNotAllowed = [&] {
        respond(responder, errorReply(405, QStringLiteral("method not allowed on %1").arg(path)));
    };

    if (path == QLatin1String("/healthz")) {
        if (method != M::Get)
            return methodNotAllowed();
        respond(responder, jsonReply(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}));
        return;
    }
    if (path == QLatin1String("/control/services")) {
        if (method != M::Get)
            return methodNotAllowed();
        respond(responder, jsonReply(200, serviceEntries()));
        return;
    }
    if (path == QLatin1String("/control/faults")) {
        if (method != M::Delete)
            return methodNotAllowed();
        q->clearFaults();
        q->clearBreakerFaults();
        q->resetAlertSettings();
        respond(responder, jsonReply(200, serviceEntries()));
        return;
    }
    if (path == QLatin1String("/control/breaker")) {
        if (method == M::Post) {
            const QJsonDocument doc = QJsonDocument::fromJson(request.body());
            BreakerFaults next = breakerFaults;
            QString error = QStringLiteral("body must be a JSON object like {\"unreadable\": true}");
            if (!doc.isObject() || !BreakerApi::applyFaultsJson(doc.object(), &next, &error)) {
                respond(responder, errorReply(400, error));
                return;
            }
            q->setBreakerFaults(next);
        } else if (method == M::Delete) {
            q->clearBreakerFaults();
        } else if (method != M::Get) {
            return methodNotAllowed();
        }
        respond(responder, jsonReply(200, BreakerApi::faultsToJson(breakerFaults)));
        return;
    }
    if (path == QLatin1String("/control/clock")) {
        auto clockState = [this] {
            return QJsonObject{{QStringLiteral("offset_seconds"), double(clockOffsetMs / 1000)},
                               {QStringLiteral("now"), isoZ(now())}};
        };
        if (method == M::Get) {
            respond(responder, jsonReply(200, clockState()));
            return;
        }
        if (method != M::Post)
            return methodNotAllowed();
        const QJsonDocument doc = QJsonDocument::fromJson(request.body());
        const QJsonValue v = doc.object().value(QStringLiteral("advance_seconds"));
        const double seconds = v.toDouble(-1e18);
        constexpr double kMaxAdvance = 10.0 * 366 * 86400;
        if (!doc.isObject() || !v.isDouble() || seconds != std::floor(seconds)
            || std::fabs(seconds) > kMaxAdvance) {
            respond(responder, errorReply(400, QStringLiteral("body must be a JSON object like "
                                                              "{\"advance_seconds\": 301} (an integer)")));
            return;
        }
        q->advanceClock(int(seconds));
        respond(responder, jsonReply(200, clockState()));
        return;
    }
    if (path == QLatin1String("/control/alerts") || path.startsWith(QLatin1String("/control/alerts/"))) {
        if (!handleAlertsControl(path, request, responder))
            respond(responder, errorReply(404, QStringLiteral("no such endpoint: %1").arg(path)));
        return;
    }
    const QLatin1String prefix("/control/faults/");
    if (path.startsWith(prefix)) {
        const QString name = path.mid(prefix.size());
        const int i = indexOf(name);
        if (i < 0) {
            respond(responder, errorReply(404, QStringLiteral("unknown service '%1'; services: %2")
                                                   .arg(name, q->serviceNames().join(QStringLiteral(", ")))));
            return;
        }
        if (method == M::Delete) {
            q->clearFaults(name);
            respond(responder, jsonReply(200, serviceEntry(i)));
            return;
        }
        if (method != M::Post)
            return methodNotAllowed();
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            respond(responder, errorReply(400, QStringLiteral("body must be a JSON object like "
                                                              "{\"fault\":\"hang\",\"delay_ms\":1500}")));
            return;
        }
        const QJsonObject body = doc.object();
        const QJsonValue faultValue = body.value(QStringLiteral("fault"));
        const std::optional<Fault> fault =
            faultValue.isString() ? faultFromName(faultValue.toString()) : std::nullopt;
        if (!fault) {
            respond(responder, errorReply(400, QStringLiteral("unknown fault '%1'; valid faults: %2")
                                                   .arg(faultValue.toVariant().toString(),
                                                        faultNames().join(QStringLiteral(", ")))));
            return;
        }
        int delayMs = 0;
        const QJsonValue delayValue = body.value(QStringLiteral("delay_ms"));
        if (!delayValue.isUndefined() && !delayValue.isNull()) {
            const double d = delayValue.toDouble(-1.0);
            if (!delayValue.isDouble() || d < 0 || d > kMaxDelayMs || d != std::floor(d)) {
                respond(responder, errorReply(400, QStringLiteral("delay_ms must be an integer between 0 and %1")
                                                       .arg(kMaxDelayMs)));
                return;
            }
            delayMs = int(d);
        }
        QString error;
        if (!q->setFault(name, *fault, delayMs, &error)) {
            respond(responder, errorReply(500, error));
            return;
        }
        respond(responder, jsonReply(200, serviceEntry(i)));
        return;
    }
    respond(responder, errorReply(404, QStringLiteral("no such endpoint: %1").arg(path)));
}

// --- Sandbox -----------------------------------------------------------------------------------------

Sandbox::Sandbox(QObject *parent) : QObject(parent), d(std::make_unique<Private>(this))
{
    d->connectionName = QStringLiteral("opssandbox-%1").arg(++g_instanceCounter);
    for (const ServiceDef &def : kServices) {
        ServiceState s;
        s.def = def;
        s.name = QString::fromLatin1(def.name);
        d->services.push_back(s);
    }
}

Sandbox::~Sandbox()
{
    d->stopAll();
}

bool Sandbox::start(const SandboxConfig &config, QString *error)
{
    if (d->started) {
        if (error)
            *error = QStringLiteral("the sandbox is already running");
        return false;
    }
    if (config.firstServicePort != 0 && int(config.firstServicePort) + kServiceCount - 1 > 65535) {
        if (error)
            *error = QStringLiteral("first service port %1 leaves no room for %2 services")
                         .arg(config.firstServicePort)
                         .arg(kServiceCount);
        return false;
    }
    d->config = config;
    d->clockOffsetMs = 0;
    d->uptime.start();
    if (!d->openDatabase(error)) {
        d->stopAll();
        return false;
    }
    d->auth = std::make_unique<AuthApi>(d->connectionName, [this] { return d->now(); });
    d->breakerFaults = {};
    d->breaker = std::make_unique<BreakerApi>(d->connectionName, [this] { return d->breakerFaults; });
    d->breaker->attachTo(*d->auth);
    d->apiKeys = std::make_unique<ApiKeysApi>(d->connectionName);
    d->apiKeys->attachTo(*d->auth);
    d->configApi = std::make_unique<ConfigApi>(d->connectionName);
    d->configApi->attachTo(*d->auth);
    d->auditApi = std::make_unique<AuditApi>(d->connectionName);
    d->auditApi->attachTo(*d->auth);
    d->alertsApi = std::make_unique<AlertsApi>(d->connectionName);
    d->alertsApi->attachTo(*d->auth);
    d->metrics->attachConnection(d->connectionName);
    if (config.seedUsers && !d->auth->seedUsers(error)) {
        d->stopAll();
        return false;
    }
    for (int i = 0; i < kServiceCount; ++i) {
        ServiceState &s = d->services[size_t(i)];
        s.fault = Fault::None;
        s.delayMs = 0;
        s.port = config.firstServicePort == 0 ? 0 : quint16(config.firstServicePort + i);
        if (!d->listenService(i, error)) {
            d->stopAll();
            return false;
        }
    }
    d->control = new HandlerServer(
        [this](const QHttpServerRequest &request, QTcpSocket *, QHttpServerResponder &&responder) {
            d->handleControl(request, std::move(responder));
        },
        this);
    d->controlPort = d->control->listen(QHostAddress::LocalHost, config.controlPort);
    if (d->controlPort == 0) {
        if (error)
            *error = QStringLiteral("cannot listen on 127.0.0.1:%1 for the control API "
                                    "(address in use or not permitted)")
                         .arg(config.controlPort);
        d->stopAll();
        return false;
    }
    if (!d->listenApi(error)) {
        d->stopAll();
        return false;
    }
    d->startProbe();
    d->lastBreakerReadMs = QDateTime::currentMSecsSinceEpoch();
    d->alertWorker = std::make_unique<AlertWorker>(
        d->connectionName, [this] { return d->now().toMSecsSinceEpoch(); },
        [this] {
            QList<AlertWorker::ServiceLoad> loads;
            for (const ServiceState &s : d->services)
                loads.append({s.name, s.fault, s.delayMs});
            return loads;
        },
        *d->metrics);
    for (const ServiceState &s : d->services)
        d->metrics->requests().ensureSeries(s.name);
    d->alertSettings = d->defaultAlertSettings();
    d->alertWorker->setSettings(d->alertSettings);
    d->started = true;
    d->uptime.restart();
    return true;
}

quint16 Sandbox::controlPort() const
{
    return d->controlPort;
}

quint16 Sandbox::apiPort() const
{
    return d->apiPort;
}

QUrl Sandbox::apiBaseUrl() const
{
    if (d->apiPort == 0)
        return {};
    QUrl u;
    u.setScheme(d->apiTls ? QStringLiteral("https") : QStringLiteral("http"));
    u.setHost(d->urlHost());
    u.setPort(d->apiPort);
    u.setPath(QStringLiteral("/"));
    return u;
}

QDateTime Sandbox::now() const
{
    return d->now();
}

void Sandbox::advanceClock(int seconds)
{
    d->clockOffsetMs += qint64(seconds) * 1000;
    qCInfo(lcSandbox, "clock advanced by %d s (offset now %lld s)", seconds,
           qlonglong(d->clockOffsetMs / 1000));
}

qint64 Sandbox::clockOffsetSeconds() const
{
    return d->clockOffsetMs / 1000;
}

QStringList Sandbox::serviceNames() const
{
    QStringList names;
    for (const ServiceState &s : d->services)
        names << s.name;
    return names;
}

quint16 Sandbox::servicePort(const QString &service) const
{
    const int i = d->indexOf(service);
    return i < 0 ? 0 : d->services[size_t(i)].port;
}

QUrl Sandbox::healthUrl(const QString &service) const
{
    const int i = d->indexOf(service);
    return i < 0 ? QUrl() : d->url(i, d->services[size_t(i)].def.healthPath);
}

QUrl Sandbox::readinessUrl(const QString &service) const
{
    const int i = d->indexOf(service);
    return i < 0 ? QUrl() : d->url(i, d->services[size_t(i)].def.readinessPath);
}

bool Sandbox::setFault(const QString &service, Fault fault, int delayMs, QString *error)
{
    const int i = d->indexOf(service);
    if (i < 0) {
        if (error)
            *error = QStringLiteral("unknown service '%1'").arg(service);
        return false;
    }
    if (!d->started) {
        if (error)
            *error = QStringLiteral("the sandbox is not running");
        return false;
    }
    if (delayMs < 0 || delayMs > kMaxDelayMs) {
        if (error)
            *error = QStringLiteral("delay_ms must be between 0 and %1").arg(kMaxDelayMs);
        return false;
    }
    ServiceState &s = d->services[size_t(i)];
    const Fault old = s.fault;

    // Whatever the old fault held open (hung or dripping connections) is closed now.
    d->dropPendingFor(i, false);
    if (fault == Fault::Down) {
        if (old != Fault::Down)
            d->stopService(i);
    } else if (old == Fault::Down) {
        if (!d->listenService(i, error))
            return false; // still down
    }

    int effectiveDelay = 0;
    if (fault == Fault::Slow)
        effectiveDelay = delayMs > 0 ? delayMs : kDefaultSlowMs;
    else if (fault == Fault::Drip)
        effectiveDelay = delayMs > 0 ? delayMs : kDefaultDripMs;
    s.fault = fault;
    s.delayMs = effectiveDelay;
    s.flapCounter = 0;
    d->recordFault(s.name, fault, effectiveDelay);
    qCInfo(lcSandbox, "%s: fault %s%s", qPrintable(s.name), qPrintable(faultName(fault)),
           effectiveDelay ? qPrintable(QStringLiteral(" (%1 ms)").arg(effectiveDelay)) : "");
    return true;
}

void Sandbox::clearFaults(const QString &service)
{
    for (int i = 0; i < int(d->services.size()); ++i) {
        const ServiceState &s = d->services[size_t(i)];
        if (!service.isEmpty() && s.name != service)
            continue;
        if (s.fault == Fault::None)
            continue;
        QString error;
        if (!setFault(s.name, Fault::None, 0, &error))
            qCWarning(lcSandbox, "cannot clear fault: %s", qPrintable(error));
    }
}

void Sandbox::setBreakerFaults(const BreakerFaults &faults)
{
    d->breakerFaults = faults;
    qCInfo(lcSandbox, "breaker faults: %s",
           QJsonDocument(BreakerApi::faultsToJson(faults)).toJson(QJsonDocument::Compact).constData());
}

void Sandbox::clearBreakerFaults()
{
    if (d->breakerFaults != BreakerFaults{})
        setBreakerFaults({});
}

BreakerFaults Sandbox::breakerFaults() const
{
    return d->breakerFaults;
}

Fault Sandbox::fault(const QString &service) const
{
    const int i = d->indexOf(service);
    return i < 0 ? Fault::None : d->services[size_t(i)].fault;
}

int Sandbox::faultDelayMs(const QString &service) const
{
    const int i = d->indexOf(service);
    return i < 0 ? 0 : d->services[size_t(i)].delayMs;
}

} // namespace opssandbox

namespace opssandbox {

bool Sandbox::generateAuditRows(qint64 count, QString *error, const Progress &progress)
{
    if (!d->started) {
        if (error)
            *error = QStringLiteral("the sandbox is not running");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(d->connectionName, false);
    return opssandbox::generateAuditRows(db, count, d->now().toMSecsSinceEpoch(), error, progress);
}

bool Sandbox::generateAuditRows(const SandboxConfig &config, qint64 count, QString *error, const Progress &progress)
{
    Sandbox sandbox;
    sandbox.d->config = config;
    bool ok = sandbox.d->openDatabase(error, false);
    if (ok) {
        QSqlDatabase db = QSqlDatabase::database(sandbox.d->connectionName, false);
        ok = opssandbox::generateAuditRows(db, count, QDateTime::currentMSecsSinceEpoch(), error, progress);
    } // the handle is gone before stopAll() removes the connection
    sandbox.d->stopAll();
    return ok;
}

} // namespace opssandbox

// --- alerts: worker settings, control API, /metrics ---------------------------------------------------

namespace opssandbox {

namespace {

constexpr int kMaxAlertIntervalMs = 3600 * 1000;
constexpr int kMaxGenerate = 1000;
constexpr int kMaxPasses = 1000;

QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonObject alertSettingsJson(const AlertSettings &s)
{
    return QJsonObject{
        {QStringLiteral("failing_channels"), QJsonArray::fromStringList(s.failingChannels)},
        {QStringLiteral("worker_interval_ms"), s.workerIntervalMs},
        {QStringLiteral("delivery_latency_seconds"), optionalNumber(s.deliveryLatencySeconds)},
        {QStringLiteral("cb_staleness_seconds"), optionalNumber(s.cbStalenessSeconds)},
        {QStringLiteral("event_probability"), s.eventProbability},
        {QStringLiteral("sms_failure_rate"), s.smsFailureRate},
    };
}

// Applies the fields present in body; false with *error on a wrong type or value.
bool applyAlertSettingsJson(const QJsonObject &body, AlertSettings *s, QString *error)
{
    AlertSettings next = *s;
    if (body.contains(QStringLiteral("failing_channels"))) {
        const QJsonValue v = body.value(QStringLiteral("failing_channels"));
        if (!v.isArray()) {
            *error = QStringLiteral("failing_channels must be an array of email, slack, sms");
            return false;
        }
        next.failingChannels.clear();
        for (const QJsonValue &c : v.toArray()) {
            if (!c.isString() || !Metrics::channels().contains(c.toString())) {
                *error = QStringLiteral("failing_channels must be an array of email, slack, sms");
                return false;
            }
            if (!next.failingChannels.contains(c.toString()))
                next.failingChannels.append(c.toString());
        }
    }
    if (body.contains(QStringLiteral("worker_interval_ms"))) {
        const QJsonValue v = body.value(QStringLiteral("worker_interval_ms"));
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > kMaxAlertIntervalMs || d != std::floor(d)) {
            *error = QStringLiteral("worker_interval_ms must be an integer between 0 (stopped) and %1").arg(kMaxAlertIntervalMs);
            return false;
        }
        next.workerIntervalMs = int(d);
    }
    auto optionalSeconds = [&](const char *field, std::optional<double> *out) {
        const QString key = QLatin1String(field);
        if (!body.contains(key))
            return true;
        const QJsonValue v = body.value(key);
        if (v.isNull()) {
            out->reset();
            return true;
        }
        if (!v.isDouble() || v.toDouble() < 0 || !std::isfinite(v.toDouble())) {
            *error = QStringLiteral("%1 must be a number >= 0 or null").arg(key);
            return false;
        }
        *out = v.toDouble();
        return true;
    };
    auto probability = [&](const char *field, double *out) {
        const QString key = QLatin1String(field);
        if (!body.contains(key))
            return true;
        const QJsonValue v = body.value(key);
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1) {
            *error = QStringLiteral("%1 must be a number between 0 and 1").arg(key);
            return false;
        }
        *out = v.toDouble();
        return true;
    };
    if (!optionalSeconds("delivery_latency_seconds", &next.deliveryLatencySeconds)
        || !optionalSeconds("cb_staleness_seconds", &next.cbStalenessSeconds)
        || !probability("event_probability", &next.eventProbability)
        || !probability("sms_failure_rate", &next.smsFailureRate))
        return false;
    *s = next;
    return true;
}

// An optional positive integer field (default when absent); false when present but not one in [1, max].
bool positiveInt(const QJsonObject &body, const char *field, int max, int *out)
{
    const QJsonValue v = body.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull())
        return true;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 1 || d > max || d != std::floor(d))
        return false;
    *out = int(d);
    return true;
}

} // namespace

bool Sandbox::Private::handleAlertsControl(const QString &path, const QHttpServerRequest &request,
                                           QHttpServerResponder &responder)
{
    using M = QHttpServerRequest::Method;
    const M method = request.method();
    auto methodNotAllowed = [&] {
        respond(responder, errorReply(405, QStringLiteral("method not allowed on %1").arg(path)));
        return true;
    };
    QJsonParseError parseError;
    const QByteArray raw = request.body();
    const QJsonDocument doc = QJsonDocument::fromJson(raw.isEmpty() ? QByteArrayLiteral("{}") : raw, &parseError);
    const bool objectBody = parseError.error == QJsonParseError::NoError && doc.isObject();

    if (path == QLatin1String("/control/alerts")) {
        if (method == M::Post) {
            AlertSettings next = alertSettings;
            QString error = QStringLiteral("body must be a JSON object like {\"failing_channels\": [\"sms\"]}");
            if (!objectBody || !applyAlertSettingsJson(doc.object(), &next, &error)) {
                respond(responder, errorReply(400, error));
                return true;
            }
            q->setAlertSettings(next);
        } else if (method != M::Get) {
            return methodNotAllowed();
        }
        respond(responder, jsonReply(200, alertSettingsJson(alertSettings)));
        return true;
    }
    if (path == QLatin1String("/control/alerts/generate")) {
        if (method != M::Post)
            return methodNotAllowed();
        const QJsonObject body = doc.object();
        int count = 1;
        const QJsonValue channel = body.value(QStringLiteral("channel"));
        const QJsonValue rule = body.value(QStringLiteral("rule"));
        if (!objectBody || !positiveInt(body, "count", kMaxGenerate, &count)
            || !(channel.isUndefined() || channel.isNull() || channel.isString())
            || !(rule.isUndefined() || rule.isNull() || rule.isString())) {
            respond(responder, errorReply(400, QStringLiteral("body must be a JSON object like {\"count\": 3, "
                                                              "\"channel\": \"sms\", \"rule\": \"Drawdown\"} "
                                                              "(count 1-%1; channel and rule optional)")
                                                   .arg(kMaxGenerate)));
            return true;
        }
        GeneratedAlerts made;
        QString error;
        if (!q->generateAlerts(count, channel.toString(), rule.toString(), &made, &error)) {
            respond(responder, errorReply(400, error));
            return true;
        }
        QJsonArray events;
        for (const qint64 id : std::as_const(made.eventIds))
            events.append(id);
        QJsonArray deliveries;
        for (const qint64 id : std::as_const(made.deliveryIds))
            deliveries.append(id);
        respond(responder, jsonReply(200, QJsonObject{{QStringLiteral("event_ids"), events},
                                                      {QStringLiteral("delivery_ids"), deliveries}}));
        return true;
    }
    if (path == QLatin1String("/control/alerts/process")) {
        if (method != M::Post)
            return methodNotAllowed();
        int passes = 1;
        if (!objectBody || !positiveInt(doc.object(), "passes", kMaxPasses, &passes)) {
            respond(responder, errorReply(400, QStringLiteral("body must be a JSON object like {\"passes\": 3} "
                                                              "(1-%1)")
                                                   .arg(kMaxPasses)));
            return true;
        }
        q->processAlertPasses(passes);
        respond(responder, jsonReply(200, QJsonObject{{QStringLiteral("passes"), passes}}));
        return true;
    }
    return false;
}

double Sandbox::Private::cbStaleness()
{
    if (alertSettings.cbStalenessSeconds)
        return *alertSettings.cbStalenessSeconds;
    // The platform re-reads the breaker state continuously; the gauge is the age of the last good read
    // plus a small propagation lag. An unreadable state (breaker fault, database down) makes it grow.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    bool read = false;
    if (!breakerFaults.unreadable) {
        QSqlQuery query(QSqlDatabase::database(connectionName, false));
        read = query.exec(QStringLiteral("SELECT state FROM circuit_breaker_state WHERE id = 1")) && query.next();
    }
    const double lag = 0.2 + 1.5 * QRandomGenerator::global()->generateDouble();
    if (read)
        lastBreakerReadMs = nowMs;
    const double age = std::max<qint64>(0, nowMs - lastBreakerReadMs) / 1000.0;
    return std::round((age + lag) * 1000.0) / 1000.0;
}

QByteArray Sandbox::Private::renderMetrics()
{
    metrics->cbStaleness().set(cbStaleness());
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    QSqlQuery query(db);
    if ((db.isOpen() || db.open())
        && query.exec(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE status = 'poison'")) && query.next()) {
        metrics->poisonQueue().set(double(query.value(0).toLongLong()));
    } else {
        qCWarning(lcSandbox, "metrics: cannot read the poison queue size: %s", qPrintable(api::sqlError(query)));
        metrics->poisonQueue().unset(); // no sample rather than a stale one
    }
    return metrics->render();
}

void Sandbox::Private::handleMetrics(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (request.method() != QHttpServerRequest::Method::Get) {
        responder.write(QByteArrayLiteral("{\"error\":\"method_not_allowed\"}"),
                        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                         {QByteArrayLiteral("Allow"), QByteArrayLiteral("GET")}},
                        Status::MethodNotAllowed);
        return;
    }
    responder.write(renderMetrics(), QByteArray(Metrics::kContentType), Status::Ok);
}

void Sandbox::setAlertSettings(const AlertSettings &settings)
{
    d->alertSettings = settings;
    if (d->alertWorker)
        d->alertWorker->setSettings(settings);
    qCInfo(lcSandbox, "alert settings: %s",
           QJsonDocument(alertSettingsJson(settings)).toJson(QJsonDocument::Compact).constData());
}

AlertSettings Sandbox::alertSettings() const
{
    return d->alertSettings;
}

void Sandbox::resetAlertSettings()
{
    if (d->alertSettings != d->defaultAlertSettings())
        setAlertSettings(d->defaultAlertSettings());
}

bool Sandbox::generateAlerts(int count, const QString &channel, const QString &rule, GeneratedAlerts *out,
                             QString *error)
{
    if (!d->started || !d->alertWorker) {
        if (error)
            *error = QStringLiteral("the sandbox is not running");
        return false;
    }
    return d->alertWorker->generate(count, channel, rule, out, error);
}

void Sandbox::processAlertPasses(int passes)
{
    if (!d->alertWorker)
        return;
    for (int i = 0; i < passes; ++i)
        d->alertWorker->runPass();
}

QByteArray Sandbox::metricsText()
{
    return d->renderMetrics();
}

} // namespace opssandbox
