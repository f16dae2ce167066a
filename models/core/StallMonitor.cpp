#include "core/StallMonitor.h"

#include <QCoreApplication>
#include <QEvent>
#include <QMetaEnum>
#include <QMetaObject>

#include <spdlog/spdlog.h>

#include <algorithm>

#include <pthread.h>
#include <time.h>

namespace ops {

StallMonitor::StallMonitor(int thresholdMs, QObject *parent)
    : QObject(parent)
    , m_thresholdMs(std::max(1, thresholdMs))
    , m_beacon(new QObject(this))
{
    m_beacon->setObjectName(QStringLiteral("StallMonitorHeartbeat"));
    m_hasCpuClock = pthread_getcpuclockid(pthread_self(), &m_watchedCpuClock) == 0;
    setTraceEvents(true);
}

StallMonitor::~StallMonitor()
{
    stop();
}

int StallMonitor::thresholdFromSettings(const QString &optionValue)
{
    bool ok = false;
    int ms = optionValue.trimmed().toInt(&ok);
    if (ok && ms > 0)
        return ms;
    ms = qEnvironmentVariableIntValue("OPS_LOG_STALLS_MS", &ok);
    return ok && ms > 0 ? ms : 0;
}

std::unique_ptr<StallMonitor> StallMonitor::fromSettings(const QString &optionValue, QObject *parent)
{
    const int ms = thresholdFromSettings(optionValue);
    if (ms <= 0)
        return nullptr;
    auto monitor = std::make_unique<StallMonitor>(ms, parent);
    monitor->setLogging(true);
    monitor->start();
    spdlog::info("stall monitor: logging GUI-thread stalls of {} ms or more", ms);
    return monitor;
}

void StallMonitor::setTraceEvents(bool on)
{
    if (on == m_tracing || !QCoreApplication::instance())
        return;
    m_tracing = on;
    if (on)
        QCoreApplication::instance()->installEventFilter(this);
    else
        QCoreApplication::instance()->removeEventFilter(this);
}

bool StallMonitor::eventFilter(QObject *watched, QEvent *event)
{
    // Two relaxed stores per event: cheap enough to leave on while the monitor runs.
    m_currentEventType.store(int(event->type()), std::memory_order_relaxed);
    m_currentReceiverClass.store(watched ? watched->metaObject()->className() : nullptr,
                                 std::memory_order_relaxed);
    return false;
}

QString StallMonitor::describeCurrentEvent() const
{
    if (!m_tracing)
        return {};
    const int type = m_currentEventType.load(std::memory_order_relaxed);
    const char *receiver = m_currentReceiverClass.load(std::memory_order_relaxed);
    if (type == 0)
        return {};
    const char *key = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
    const QString typeName = key ? QString::fromLatin1(key) : QString::number(type);
    return receiver ? QStringLiteral("%1 to %2").arg(typeName, QString::fromLatin1(receiver)) : typeName;
}

double StallMonitor::watchedCpuMs() const
{
    timespec ts{};
    if (!m_hasCpuClock || clock_gettime(m_watchedCpuClock, &ts) != 0)
        return -1;
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

void StallMonitor::start()
{
    if (m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = false;
    }
    m_thread = std::thread([this] { run(); });
}

void StallMonitor::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void StallMonitor::answer(quint64 sequence)
{
    // Runs in the watched thread: note the time and wake the watchdog, nothing more.
    const double cpu = watchedCpuMs();
    {
        std::lock_guard lock(m_mutex);
        m_answered = sequence;
        m_answeredAt = SteadyClock::now();
        m_answeredCpuMs = cpu;
    }
    m_wake.notify_all();
}

void StallMonitor::run()
{
    using namespace std::chrono;
    const auto threshold = milliseconds(m_thresholdMs);
    const auto poll = milliseconds(std::clamp(m_heartbeatMs, 1, 10));
    quint64 sequence = 0;
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        const quint64 mine = ++sequence;
        const auto postedAt = SteadyClock::now();
        const QDateTime postedUtc = QDateTime::currentDateTimeUtc();
        const double cpuAtPost = watchedCpuMs();
        lock.unlock();
        QMetaObject::invokeMethod(m_beacon, [this, mine] { answer(mine); }, Qt::QueuedConnection);
        lock.lock();

        QString during;
        bool noted = false;
        while (!m_stop && m_answered != mine) {
            m_wake.wait_for(lock, poll);
            if (!noted && m_answered != mine && SteadyClock::now() - postedAt >= threshold) {
                during = describeCurrentEvent(); // the loop is stuck right now: what is it doing?
                noted = true;
            }
        }
        if (m_stop)
            break;
        const double delayMs = duration<double, std::milli>(m_answeredAt - postedAt).count();
        const double cpuNow = m_answeredCpuMs;
        const double cpuMs = cpuAtPost >= 0 && cpuNow >= 0 ? cpuNow - cpuAtPost : -1;
        ++m_heartbeats;
        if (delayMs > m_maxDelayMs) {
            m_maxDelayMs = delayMs;
            m_cpuOfMaxDelayMs = cpuMs;
        }
        if (delayMs >= double(m_thresholdMs)) {
            Stall stall{postedUtc, delayMs, during, cpuMs};
            m_stalls.append(stall);
            ++m_stallTotal;
            if (m_stalls.size() > MaxKeptStalls)
                m_stalls.removeFirst();
            lock.unlock();
            if (m_logging) {
                spdlog::warn("GUI thread stalled for {:.0f} ms ({:.0f} ms of it on the CPU) from {} "
                             "(last event started: {})",
                             delayMs, cpuMs, stall.startedUtc.toString(Qt::ISODateWithMs).toStdString(),
                             during.isEmpty() ? std::string("unknown") : during.toStdString());
            }
            emit stallDetected(delayMs, during);
            lock.lock();
        }
        m_wake.wait_for(lock, milliseconds(m_heartbeatMs), [this] { return m_stop; });
    }
}

QList<StallMonitor::Stall> StallMonitor::stalls() const
{
    std::lock_guard lock(m_mutex);
    return m_stalls;
}

int StallMonitor::stallCount() const
{
    std::lock_guard lock(m_mutex);
    return m_stallTotal;
}

double StallMonitor::maxDelayMs() const
{
    std::lock_guard lock(m_mutex);
    return m_maxDelayMs;
}

double StallMonitor::cpuMsOfMaxDelay() const
{
    std::lock_guard lock(m_mutex);
    return m_cpuOfMaxDelayMs;
}

qint64 StallMonitor::heartbeats() const
{
    std::lock_guard lock(m_mutex);
    return m_heartbeats;
}

void StallMonitor::reset()
{
    std::lock_guard lock(m_mutex);
    m_stalls.clear();
    m_stallTotal = 0;
    m_maxDelayMs = 0;
    m_cpuOfMaxDelayMs = -1;
    m_heartbeats = 0;
}

} // namespace ops
