#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QStringView>
#include <QtCore/QUrl>
#include <QtNetwork/QHostAddress>

#include <functional>
#include <memory>
#include <optional>

namespace opssandbox {

struct SandboxConfig
{
    QHostAddress bindAddress = QHostAddress::LocalHost; // services bind here
    quint16 controlPort = 18000;      // 0 = ephemeral; the control listener ALWAYS binds 127.0.0.1
    quint16 firstServicePort = 18001; // service i listens on firstServicePort + i; 0 = all ephemeral
    QString dbHost = QStringLiteral("127.0.0.1");
    quint16 dbPort = 5432;
    QString dbName = QStringLiteral("ops_sandbox");
    QString dbUser = QStringLiteral("postgres");
    QString dbPassword;               // usually empty; libpq also reads PGPASSWORD
    int initialisingSeconds = 0;      // market_data_service answers 503 "initialising" this long

    // REST API (/api/v1: sign-in, roles). Binds bindAddress like the services; 0 = ephemeral.
    quint16 apiPort = 18080;
    // Both set: the API listener (only it) serves HTTPS with these PEM files.
    QString tlsCertificatePath;
    QString tlsKeyPath;
    bool seedUsers = true;            // create viewer/operator/admin when the users table is empty
    // Set as the password of the console's read-only role ops_console_ro (cluster-wide) after the
    // migrations; empty = leave the role's password as it is (none unless set by an earlier run).
    QString consoleReadOnlyPassword;
    // The alert delivery worker's default interval in ms (0 = stopped); see AlertSettings.
    int alertIntervalMs = 2000;
};

enum class Fault {
    None,
    Down,
    Hang,
    Slow,
    Degraded,
    Unhealthy,
    Malformed,
    Html,
    Initialising,
    Flapping,
    Drip
};

// In-memory faults of the circuit breaker and kill switch (also POST /control/breaker).
struct BreakerFaults
{
    bool unreadable = false; // the state cannot be read: 503 state_unavailable (fail closed)
    bool resetFails = false; // a reset fails inside its transaction: rolled back, 500 reset_failed
    // Reset conditions reported as failing: drawdown, position_limits, broker_errors, redis, postgres.
    QStringList failingConditions;

    bool operator==(const BreakerFaults &) const = default;
};

// Settings of the alert delivery worker and the metrics (also GET/POST /control/alerts; reset to the
// defaults by DELETE /control/faults). docs/alerts-and-sla.md.
struct AlertSettings
{
    QStringList failingChannels;  // email | slack | sms: every attempt on these fails
    int workerIntervalMs = 2000;  // the worker timer; 0 = stopped (SandboxConfig::alertIntervalMs)
    std::optional<double> deliveryLatencySeconds; // override of the observed delivery latency
    std::optional<double> cbStalenessSeconds;     // override of the cb_staleness_seconds gauge
    // Beyond the contract's fields, for deterministic tests (0 = never):
    double eventProbability = 0.1; // chance per worker pass that an enabled rule fires
    double smsFailureRate = 0.05;  // chance that an sms attempt fails on its own

    bool operator==(const AlertSettings &) const = default;
};

// Ids created by Sandbox::generateAlerts().
struct GeneratedAlerts
{
    QList<qint64> eventIds;
    QList<qint64> deliveryIds;
};

// Lower-case wire names: none, down, hang, slow, degraded, unhealthy, malformed, html,
// initialising, flapping, drip.
QString faultName(Fault fault);
std::optional<Fault> faultFromName(QStringView name);
QStringList faultNames();

class Sandbox : public QObject
{
    Q_OBJECT
public:
    explicit Sandbox(QObject *parent = nullptr);
    ~Sandbox() override;

    // Creates the database if missing, applies migrations, starts the service listeners and the
    // control listener. On failure everything started so far is stopped again.
    bool start(const SandboxConfig &config, QString *error);

    quint16 controlPort() const;
    quint16 apiPort() const;
    QUrl apiBaseUrl() const; // e.g. http://127.0.0.1:18080/ (https with TLS); empty when stopped

    // The sandbox's notion of "now" (UTC) for token expiry, lockouts and the audit log: the real
    // time shifted by the sum of advanceClock() calls (also POST /control/clock).
    QDateTime now() const;
    void advanceClock(int seconds);
    qint64 clockOffsetSeconds() const;
    QStringList serviceNames() const; // the seven, in port-offset order
    quint16 servicePort(const QString &service) const;
    QUrl healthUrl(const QString &service) const;    // e.g. http://127.0.0.1:18003/health
    QUrl readinessUrl(const QString &service) const; // empty QUrl when the service has none

    // delayMs: the answer delay for "slow" (default 3000) and the byte interval for "drip"
    // (default 2000); ignored otherwise. Fault::None clears.
    bool setFault(const QString &service, Fault fault, int delayMs = 0, QString *error = nullptr);
    void clearFaults(const QString &service = {}); // empty = all
    Fault fault(const QString &service) const;
    int faultDelayMs(const QString &service) const;

    // Circuit breaker / kill switch faults; kept in memory, cleared by start() and by
    // DELETE /control/faults as well.
    void setBreakerFaults(const BreakerFaults &faults);
    void clearBreakerFaults();
    BreakerFaults breakerFaults() const;

    // The alert delivery worker (docs/alerts-and-sla.md). setAlertSettings() restarts the worker
    // timer with the new interval; resetAlertSettings() restores the defaults (interval from the
    // SandboxConfig).
    void setAlertSettings(const AlertSettings &settings);
    AlertSettings alertSettings() const;
    void resetAlertSettings();
    // Fires `count` events at once (from `rule` by name, else random enabled rules) with one pending
    // delivery per channel of the rule, or only on `channel` when given. False with *error when the
    // sandbox is not running, the rule or channel is unknown, or the database fails.
    bool generateAlerts(int count, const QString &channel, const QString &rule, GeneratedAlerts *out,
                        QString *error);
    // Runs `passes` worker passes now, synchronously (also while the timer is stopped).
    void processAlertPasses(int passes);
    // The /metrics document as served (reads the poison queue size from the database).
    QByteArray metricsText();

    // Synthetic audit_log rows for benchmarks: `count` realistic rows over the 90 days before now(),
    // inserted set-based in batches of 50,000 through the chain trigger (as ops_sandbox_app, like
    // every write of the sandbox). progress(done, total) after each batch. Needs a started sandbox.
    using Progress = std::function<void(qint64 done, qint64 total)>;
    bool generateAuditRows(qint64 count, QString *error, const Progress &progress = {});
    // The same without starting anything: connects (creating the database if missing), migrates,
    // inserts, disconnects (ops-sandbox --generate-audit N).
    static bool generateAuditRows(const SandboxConfig &config, qint64 count, QString *error,
                                  const Progress &progress = {});

    // The roles of the audit log (created by migration 0006; cluster-wide).
    static constexpr char kAppRole[] = "ops_sandbox_app";       // what the sandbox writes as
    static constexpr char kConsoleReadOnlyRole[] = "ops_console_ro";
    static constexpr char kAuditOwnerRole[] = "ops_audit_owner";

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace opssandbox
