#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include <ctime>

namespace ops {

// Finds GUI-thread stalls. A watchdog thread posts a heartbeat to the thread that created the
// monitor (the GUI thread) every ~10 ms and measures how long the event loop took to run it; a
// heartbeat that waited at least the threshold is a stall. Each stall is kept (stalls()), logged
// through spdlog at warn level when logging is on, and signalled (stallDetected, queued to the
// monitor's thread). While a stall is still going on, the watchdog notes the last event the loop
// had started to deliver (type and receiver class, from a cheap application event filter), which
// usually names the culprit: "Timer to QTimer", "MetaCall to ops::HealthPage", "Paint to …".
//
// A debug option of the console (environment OPS_LOG_STALLS_MS=50 or `--log-stalls 50`) and the
// app benchmarks (scripts/bench-app.sh) use it; maxDelayMs() is the longest heartbeat wait seen,
// stall or not.
class StallMonitor final : public QObject
{
    Q_OBJECT

public:
    struct Stall
    {
        QDateTime startedUtc; // when the heartbeat was posted (the loop was busy from then at the latest)
        double ms = 0;        // how long the heartbeat waited
        QString during;       // the last event the loop started before the stall was noticed, or empty
        double cpuMs = -1;    // CPU time the watched thread used meanwhile (-1: unknown); much less than
                              // `ms` means it was waiting (for a CPU on a busy machine, a lock, I/O)
    };

    static constexpr int DefaultHeartbeatMs = 10;
    static constexpr int MaxKeptStalls = 1000;

    // Watches the calling thread (must have an event loop). Not started yet.
    explicit StallMonitor(int thresholdMs, QObject *parent = nullptr);
    ~StallMonitor() override;

    // The threshold from `--log-stalls MS` (optionValue, may be empty) or else from the environment
    // variable OPS_LOG_STALLS_MS; 0 when neither is a positive number.
    [[nodiscard]] static int thresholdFromSettings(const QString &optionValue = {});
    // A started, logging monitor when thresholdFromSettings(optionValue) > 0, else nullptr.
    [[nodiscard]] static std::unique_ptr<StallMonitor> fromSettings(const QString &optionValue = {},
                                                                    QObject *parent = nullptr);

    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_thread.joinable(); }

    [[nodiscard]] int thresholdMs() const { return m_thresholdMs; }
    void setHeartbeatMs(int ms) { m_heartbeatMs = std::max(1, ms); }
    // Log each stall through spdlog (warn). Off by default; fromSettings() turns it on.
    void setLogging(bool on) { m_logging = on; }
    // Record the last event the loop started (an event filter on the application). On by default.
    void setTraceEvents(bool on);

    // Thread-safe.
    // The last MaxKeptStalls stalls, oldest first.
    [[nodiscard]] QList<Stall> stalls() const;
    // All stalls since the start or the last reset().
    [[nodiscard]] int stallCount() const;
    [[nodiscard]] double maxDelayMs() const;
    // The watched thread's CPU time during the longest heartbeat wait (-1: unknown).
    [[nodiscard]] double cpuMsOfMaxDelay() const;
    [[nodiscard]] qint64 heartbeats() const;
    // Forgets the stalls and the maximum (e.g. between benchmark phases).
    void reset();

signals:
    void stallDetected(double ms, const QString &during);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using SteadyClock = std::chrono::steady_clock;

    void run();
    void answer(quint64 sequence);
    QString describeCurrentEvent() const;
    double watchedCpuMs() const; // CPU time of the watched thread so far, -1 when unknown

    const int m_thresholdMs;
    int m_heartbeatMs = DefaultHeartbeatMs;
    bool m_logging = false;
    bool m_tracing = false;
    QObject *m_beacon; // lives in the watched thread; heartbeats are delivered to it

    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    quint64 m_answered = 0;              // guarded by m_mutex
    SteadyClock::time_point m_answeredAt; // guarded by m_mutex
    double m_answeredCpuMs = -1;         // guarded by m_mutex
    QList<Stall> m_stalls;               // guarded by m_mutex
    double m_maxDelayMs = 0;             // guarded by m_mutex
    double m_cpuOfMaxDelayMs = -1;       // guarded by m_mutex
    clockid_t m_watchedCpuClock{};
    bool m_hasCpuClock = false;
    qint64 m_heartbeats = 0;             // guarded by m_mutex
    int m_stallTotal = 0;                // guarded by m_mutex (m_stalls keeps the last MaxKeptStalls)

    std::atomic<int> m_currentEventType{0};
    std::atomic<const char *> m_currentReceiverClass{nullptr};
};

} // namespace ops
