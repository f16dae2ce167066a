#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace ops::test {

// A real Prometheus (the Debian binary, /usr/bin/prometheus; OPS_PROMETHEUS_BIN overrides) for
// the end-to-end tests: a generated config in a temporary directory with one scrape job
// ("sandbox") for `target`'s /metrics, its TSDB in the same directory, listening on
// 127.0.0.1:<free port>. start() waits for /-/ready (the event loop keeps running). A test that
// needs it fails (never skips) when the binary is missing. The destructor kills it.
class TestPrometheus final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultReadyTimeoutMs = 15000;

    explicit TestPrometheus(QObject *parent = nullptr);
    ~TestPrometheus() override;

    // `target` is "host:port" (e.g. sandbox->apiBaseUrl() host and port). Returns false with a
    // reason (and Prometheus' log) in *error when it did not become ready in time.
    bool start(const QString &target, int scrapeIntervalSeconds = 1, QString *error = nullptr,
               const QString &metricsPath = QStringLiteral("/metrics"), int readyTimeoutMs = DefaultReadyTimeoutMs);

    // Waits (event loop running) until Prometheus has scraped the target successfully:
    // up{job="sandbox"} == 1. False on timeout.
    bool waitForTargetUp(int timeoutMs = 15000, QString *error = nullptr);

    // Stops it gracefully (SIGTERM, then SIGKILL after 5 s): the "Prometheus stopped" case.
    void stop();
    // SIGKILL at once: the "Prometheus crashed" case.
    void kill();
    // SIGSTOP / SIGCONT: the "Prometheus hangs" case (connections are accepted by the kernel and
    // never answered).
    void suspend();
    void resume();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QUrl baseUrl() const; // http://127.0.0.1:PORT/ ; empty before start()
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString configPath() const;
    [[nodiscard]] QByteArray log() const; // what the process wrote so far (stdout + stderr)

    // The YAML written by start(); public for the unit test of the format.
    [[nodiscard]] static QByteArray configYaml(const QString &target, int scrapeIntervalSeconds,
                                               const QString &metricsPath);
    // A TCP port on 127.0.0.1 that was free a moment ago.
    [[nodiscard]] static quint16 freePort();
    [[nodiscard]] static QString binary();

private:
    // One GET on the local instance, event loop running; -1 when no HTTP answer arrived.
    int httpGet(const QString &pathAndQuery, QByteArray *body, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_log;
};

} // namespace ops::test
