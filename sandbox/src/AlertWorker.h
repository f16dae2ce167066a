#pragma once

#include "Sandbox.h" // AlertSettings, Fault, GeneratedAlerts

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QString>

#include <deque>
#include <functional>
#include <map>

class QSqlDatabase;
class QTimer;

namespace opssandbox {

class Metrics;

// The alert delivery worker of the sandbox (docs/alerts-and-sla.md, "Delivery worker"): a timer on
// the Sandbox's thread that, on each pass, feeds the synthetic request traffic of the services into
// the metrics, now and then fires an event from an enabled rule, and attempts pending / failed
// deliveries within each channel's per-minute limit (3 failed attempts = poison). Uses the
// Sandbox's database connection (by name); times come from the sandbox's shiftable clock. Internal.
class AlertWorker final : public QObject
{
    Q_OBJECT
public:
    struct ServiceLoad
    {
        QString name;
        Fault fault = Fault::None;
        int delayMs = 0;
    };
    using NowMs = std::function<qint64()>;
    using Services = std::function<QList<ServiceLoad>()>;

    AlertWorker(QString connectionName, NowMs nowMs, Services services, Metrics &metrics,
                QObject *parent = nullptr);
    ~AlertWorker() override;

    void setSettings(const AlertSettings &settings); // restarts the timer with the interval
    AlertSettings settings() const { return m_settings; }
    void seed(quint32 value) { m_random.seed(value); }

    void runPass();
    bool generate(int count, const QString &channel, const QString &rule, GeneratedAlerts *out, QString *error);

    static int perMinuteLimit(const QString &channel); // email 100, slack 50, sms 10
    static constexpr int kMaxAttempts = 3;
    static constexpr int kMaxQueue = 10000;
    // The masked recipient stored for a channel's raw address (j***@example.com, #ops-***, +44 *** *** 123).
    static QString maskRecipient(const QString &channel, const QString &raw);

private:
    void feedTraffic();
    void deliver();
    void resolveStale();

    QString m_connectionName;
    NowMs m_nowMs;
    Services m_services;
    Metrics &m_metrics;
    AlertSettings m_settings;
    QTimer *m_timer = nullptr;
    QRandomGenerator m_random;
    std::map<QString, std::deque<qint64>> m_attemptTimes; // per channel, for the per-minute limit
};

} // namespace opssandbox
