#pragma once
// Shared pieces of ops-bench-app (docs/PERFORMANCE.md, scripts/bench-app.sh).

#include "profiles/ConnectionProfile.h"

#include <QElapsedTimer>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

class QTcpServer;

namespace opsbench {

// VmRSS, VmHWM, … of a process from /proc/PID/status in kB (pid 0: this process); -1 when unknown.
qint64 procStatusKb(qint64 pid, const char *field);
double mb(qint64 kb);

double median(QList<double> values);
double percentile(QList<double> values, double p);
double maxOf(const QList<double> &values);

// Runs the event loop until `done` is true or `timeoutMs` passes; returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs);
// Runs the event loop for `ms`.
void spin(int ms);

QTextStream &out();

// CPU time of the calling thread / of this process / of another process (utime + stime), in ms.
double threadCpuMs();
double processCpuMs();
double otherProcessCpuMs(qint64 pid);
// The machine's 1-minute load average.
double loadAverage();

// What a simulated service does with a health request.
enum class Behaviour { Healthy, Degraded, Unhealthy, Malformed, Reset, Slow, Hang };

// The many-services HTTP server ("serve" subcommand): one listener per service on 127.0.0.1, each
// answering any GET with a health body after that service's latency (Connection: close). Steady:
// service i answers healthy after minMs + (slowestMs - minMs) * i / (n - 1). Flapping: service i
// changes behaviour every 2 + i % 5 s through healthy, degraded, unhealthy (503), malformed JSON,
// connection reset, slow (1.5 s) and hang (7 s, beyond the console's 5 s deadline).
struct FarmOptions
{
    int services = 200;
    int minMs = 20;
    int slowestMs = 300;
    bool flapping = false;
};

class ServiceFarm final
{
public:
    explicit ServiceFarm(const FarmOptions &options);
    ~ServiceFarm();
    bool listen();
    [[nodiscard]] QList<quint16> ports() const;
    [[nodiscard]] int latencyMs(int service) const;
    [[nodiscard]] Behaviour behaviour(int service) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};



// Starts `<this program> serve …` as a child process and reads its ports.
class FarmProcess final
{
public:
    bool start(const FarmOptions &options);
    ~FarmProcess();
    [[nodiscard]] QList<ops::ServiceEndpoint> endpoints() const { return m_endpoints; }
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QList<ops::ServiceEndpoint> m_endpoints;
};

// A console profile over the given services; PostgreSQL off unless pgHost is set.
ops::ConnectionProfile benchProfile(const QList<ops::ServiceEndpoint> &services, const QString &pgHost = {},
                                    int pgPort = 5432, const QString &pgDb = {}, const QString &pgUser = {});

// "--name value" lookup with a default.
QString option(const QStringList &args, const QString &name, const QString &fallback = {});
int intOption(const QStringList &args, const QString &name, int fallback);
bool flag(const QStringList &args, const QString &name);

} // namespace opsbench
