#include "BenchCommon.h"
#include "BenchCommands.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <vector>

#include <ctime>
#include <unistd.h>

namespace opsbench {

qint64 procStatusKb(qint64 pid, const char *field)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double mb(qint64 kb) { return double(kb) / 1024.0; }

double median(QList<double> values) { return percentile(std::move(values), 0.5); }

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double pos = p * double(values.size() - 1);
    const auto lo = qsizetype(std::floor(pos));
    const auto hi = qsizetype(std::ceil(pos));
    return values[lo] + (values[hi] - values[lo]) * (pos - double(lo));
}

double maxOf(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() >= timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

double otherProcessCpuMs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray all = f.readAll();
    const QList<QByteArray> fields = all.mid(all.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, utime 14 and stime 15 (1-based over the whole line).
    if (fields.size() < 13)
        return -1;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

// --- the service farm -------------------------------------------------------------------------

struct ServiceFarm::Impl
{
    FarmOptions options;
    std::vector<std::unique_ptr<QTcpServer>> servers;
    QElapsedTimer clock;

    void handle(int service, QTcpSocket *socket);
    void respond(int service, QTcpSocket *socket, Behaviour b);
    int latencyMs(int service) const;
    Behaviour behaviour(int service) const;
};

ServiceFarm::ServiceFarm(const FarmOptions &options)
    : d(std::make_unique<Impl>())
{
    d->options = options;
    d->clock.start();
}

ServiceFarm::~ServiceFarm() = default;

bool ServiceFarm::listen()
{
    for (int i = 0; i < d->options.services; ++i) {
        auto server = std::make_unique<QTcpServer>();
        server->setMaxPendingConnections(64);
        if (!server->listen(QHostAddress::LocalHost, 0))
            return false;
        QTcpServer *raw = server.get();
        Impl *impl = d.get();
        QObject::connect(raw, &QTcpServer::newConnection, raw, [impl, raw, i] {
            while (QTcpSocket *socket = raw->nextPendingConnection())
                impl->handle(i, socket);
        });
        d->servers.push_back(std::move(server));
    }
    return true;
}

QList<quint16> ServiceFarm::ports() const
{
    QList<quint16> ports;
    for (const auto &s : d->servers)
        ports.append(s->serverPort());
    return ports;
}

int ServiceFarm::latencyMs(int service) const { return d->latencyMs(service); }

Behaviour ServiceFarm::behaviour(int service) const { return d->behaviour(service); }

int ServiceFarm::Impl::latencyMs(int service) const
{
    const FarmOptions &o = options;
    if (o.flapping)
        return 5 + (service * 7) % 45;
    if (o.services <= 1)
        return o.slowestMs;
    return o.minMs + int(qint64(o.slowestMs - o.minMs) * service / (o.services - 1));
}

Behaviour ServiceFarm::Impl::behaviour(int service) const
{
    if (!options.flapping)
        return Behaviour::Healthy;
    const qint64 period = 2000 + 1000 * (service % 5);
    const qint64 phase = clock.elapsed() / period;
    return Behaviour(int((service + phase) % 7));
}

void ServiceFarm::Impl::handle(int service, QTcpSocket *socket)
{
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    struct Request
    {
        QByteArray data;
        bool complete = false;
    };
    auto buffer = std::make_shared<Request>();
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, service, socket, buffer] {
        if (buffer->complete)
            return; // answered (or answering) already: one request per connection
        buffer->data.append(socket->readAll());
        if (!buffer->data.contains("\r\n\r\n"))
            return;
        buffer->complete = true;
        buffer->data.clear();
        const Behaviour b = behaviour(service);
        int delay = latencyMs(service);
        if (b == Behaviour::Slow)
            delay = 1500;
        else if (b == Behaviour::Hang)
            delay = 7000;
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delay, socket, [this, service, guard, b] {
            if (guard)
                respond(service, guard, b);
        });
    });
}

void ServiceFarm::Impl::respond(int service, QTcpSocket *socket, Behaviour b)
{
    if (b == Behaviour::Reset || b == Behaviour::Hang) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    QByteArray status = "healthy";
    int code = 200;
    if (b == Behaviour::Degraded)
        status = "degraded";
    else if (b == Behaviour::Unhealthy) {
        status = "unhealthy";
        code = 503;
    }
    QByteArray body;
    if (b == Behaviour::Malformed) {
        body = "{\"status\": \"healthy\", \"service\": ";
    } else {
        QJsonObject o{
            {QStringLiteral("status"), QString::fromLatin1(status)},
            {QStringLiteral("service"), QStringLiteral("svc-%1").arg(service, 3, 10, QLatin1Char('0'))},
            {QStringLiteral("version"), QStringLiteral("1.%1.0").arg(service % 10)},
            {QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("details"), QJsonObject{{QStringLiteral("uptime_seconds"), clock.elapsed() / 1000},
                                                    {QStringLiteral("queued_runs"), service % 3}}},
            {QStringLiteral("database_connected"), true},
            {QStringLiteral("redis_connected"), b != Behaviour::Unhealthy},
        };
        body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(code) + (code == 200 ? " OK" : " Service Unavailable")
                      + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                      + "\r\nConnection: close\r\n\r\n";
    socket->write(head + body);
    socket->disconnectFromHost();
}

int runServe(const QStringList &args)
{
    FarmOptions o;
    o.services = intOption(args, QStringLiteral("--services"), o.services);
    o.minMs = intOption(args, QStringLiteral("--min-ms"), o.minMs);
    o.slowestMs = intOption(args, QStringLiteral("--slowest-ms"), o.slowestMs);
    o.flapping = flag(args, QStringLiteral("--flapping"));
    ServiceFarm farm(o);
    if (!farm.listen()) {
        QTextStream(stderr) << "serve: cannot listen\n";
        return 1;
    }
    const QList<quint16> ports = farm.ports();
    QTextStream s(stdout);
    for (qsizetype i = 0; i < ports.size(); ++i)
        s << "service " << i << ' ' << ports[i] << ' ' << farm.latencyMs(int(i)) << '\n';
    s << "ready" << Qt::endl;
    // Ends with its parent: stdin closes when the benchmark exits.
    QTimer parentCheck;
    QObject::connect(&parentCheck, &QTimer::timeout, [] {
        if (getppid() == 1)
            QCoreApplication::quit();
    });
    parentCheck.start(1000);
    return QCoreApplication::exec();
}

bool FarmProcess::start(const FarmOptions &o)
{
    QStringList args{QStringLiteral("serve"), QStringLiteral("--services"), QString::number(o.services),
                     QStringLiteral("--min-ms"), QString::number(o.minMs), QStringLiteral("--slowest-ms"),
                     QString::number(o.slowestMs)};
    if (o.flapping)
        args << QStringLiteral("--flapping");
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QCoreApplication::applicationFilePath(), args);
    if (!m_process.waitForStarted(10000))
        return false;
    QByteArray all;
    QElapsedTimer t;
    t.start();
    while (!all.contains("ready\n") && t.elapsed() < 60000) {
        m_process.waitForReadyRead(1000);
        all += m_process.readAllStandardOutput();
    }
    for (const QByteArray &line : all.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() >= 3 && f[0] == "service") {
            ops::ServiceEndpoint e;
            e.name = QStringLiteral("svc-%1").arg(f[1].toInt(), 3, 10, QLatin1Char('0'));
            e.healthUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(QString::fromLatin1(f[2])));
            m_endpoints.append(e);
        }
    }
    return m_endpoints.size() == o.services;
}

FarmProcess::~FarmProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

ops::ConnectionProfile benchProfile(const QList<ops::ServiceEndpoint> &services, const QString &pgHost, int pgPort,
                                    const QString &pgDb, const QString &pgUser)
{
    ops::ConnectionProfile p;
    p.name = QStringLiteral("bench");
    p.environment = QStringLiteral("bench");
    p.restBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/api/v1"));
    p.services = services;
    p.idleLockMinutes = 0;
    p.postgres.enabled = !pgHost.isEmpty();
    p.postgres.host = pgHost;
    p.postgres.port = pgPort;
    p.postgres.database = pgDb;
    p.postgres.user = pgUser;
    p.postgres.sslMode = QStringLiteral("disable");
    return p;
}

QString option(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

int intOption(const QStringList &args, const QString &name, int fallback)
{
    bool ok = false;
    const int v = option(args, name).toInt(&ok);
    return ok ? v : fallback;
}

bool flag(const QStringList &args, const QString &name) { return args.contains(name); }

} // namespace opsbench
