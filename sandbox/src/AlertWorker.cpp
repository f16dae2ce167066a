#include "AlertWorker.h"

#include "ApiCommon.h"
#include "Metrics.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QTimer>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace opssandbox {

using api::msOf;
using api::sqlError;
using api::toTs;

namespace {

constexpr int kRequestsPerPass = 20;     // synthetic requests per service and pass
constexpr qint64 kWindowMs = 60 * 1000;  // the per-minute limits
constexpr qint64 kResolveAfterMs = 3600 * 1000; // open / acknowledged events resolve after an hour
constexpr int kDefaultSlowMs = 3000;

struct Rule
{
    qint64 id = 0;
    QString name;
    QString metric;
    QString comparison;
    double threshold = 0.0;
    QString severity;
    QStringList channels;
};

QStringList rawRecipients(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return {QStringLiteral("jane.doe@example.com"), QStringLiteral("oncall@example.com"),
                QStringLiteral("risk-desk@example.com")};
    if (channel == QLatin1String("slack"))
        return {QStringLiteral("#ops-alerts"), QStringLiteral("#ops-trading"), QStringLiteral("#ops-oncall")};
    return {QStringLiteral("+44 7700 900123"), QStringLiteral("+44 7700 900456"), QStringLiteral("+1 415 555 0199")};
}

} // namespace

AlertWorker::AlertWorker(QString connectionName, NowMs nowMs, Services services, Metrics &metrics, QObject *parent)
    : QObject(parent),
      m_connectionName(std::move(connectionName)),
      m_nowMs(std::move(nowMs)),
      m_services(std::move(services)),
      m_metrics(metrics),
      m_timer(new QTimer(this)),
      m_random(QRandomGenerator::global()->generate())
{
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &AlertWorker::runPass);
}

AlertWorker::~AlertWorker() = default;

void AlertWorker::setSettings(const AlertSettings &settings)
{
    m_settings = settings;
    m_timer->stop();
    if (settings.workerIntervalMs > 0)
        m_timer->start(settings.workerIntervalMs);
}

int AlertWorker::perMinuteLimit(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return 100;
    if (channel == QLatin1String("slack"))
        return 50;
    if (channel == QLatin1String("sms"))
        return 10;
    return 0;
}

QString AlertWorker::maskRecipient(const QString &channel, const QString &raw)
{
    if (channel == QLatin1String("email")) {
        const qsizetype at = raw.indexOf(QLatin1Char('@'));
        if (at <= 0)
            return QStringLiteral("***");
        return raw.left(1) + QStringLiteral("***") + raw.mid(at);
    }
    if (channel == QLatin1String("slack")) {
        const qsizetype dash = raw.indexOf(QLatin1Char('-'));
        const QString head = dash > 0 && dash <= 8 ? raw.left(dash + 1) : raw.left(2);
        return head + QStringLiteral("***");
    }
    // sms: the country code and the last three digits.
    QString digits;
    for (const QChar c : raw)
        if (c.isDigit())
            digits.append(c);
    const QString country = raw.startsWith(QLatin1Char('+')) ? raw.section(QLatin1Char(' '), 0, 0) : QString();
    return (country.isEmpty() ? QString() : country + QLatin1Char(' ')) + QStringLiteral("*** *** ") + digits.right(3);
}

void AlertWorker::runPass()
{
    feedTraffic();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() && !db.open()) {
        qCWarning(lcSandbox, "alert worker: database unavailable: %s", qPrintable(db.lastError().text().simplified()));
        return;
    }
    if (m_settings.eventProbability > 0 && m_random.generateDouble() < m_settings.eventProbability) {
        GeneratedAlerts fired;
        QString error;
        if (!generate(1, {}, {}, &fired, &error))
            qCWarning(lcSandbox, "alert worker: cannot fire an event: %s", qPrintable(error));
    }
    resolveStale();
    deliver();
}

void AlertWorker::feedTraffic()
{
    if (!m_services)
        return;
    Histogram &h = m_metrics.requests();
    const QList<ServiceLoad> services = m_services();
    for (const ServiceLoad &s : services) {
        h.ensureSeries(s.name);
        for (int i = 0; i < kRequestsPerPass; ++i) {
            const double r = m_random.generateDouble();
            double seconds = 0.0;
            switch (s.fault) {
            case Fault::Down:
            case Fault::Hang:
                continue; // nothing is answered
            case Fault::Slow:
                seconds = (s.delayMs > 0 ? s.delayMs : kDefaultSlowMs) / 1000.0 * (0.97 + 0.06 * r);
                break;
            case Fault::Drip:
                seconds = (s.delayMs > 0 ? s.delayMs : 2000) / 1000.0 * (2.0 + r);
                break;
            case Fault::Degraded:
                seconds = 0.15 + 0.6 * r * r;
                break;
            default:
                // Mostly 8-40 ms, with a thin tail up to ~250 ms.
                seconds = 0.008 + 0.032 * r + (m_random.generateDouble() < 0.03 ? 0.2 * m_random.generateDouble() : 0.0);
                break;
            }
            h.observe(seconds, s.name);
        }
    }
}

bool AlertWorker::generate(int count, const QString &channel, const QString &rule, GeneratedAlerts *out,
                           QString *error)
{
    auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return false;
    };
    if (count < 1)
        return fail(QStringLiteral("count must be at least 1"));
    if (!channel.isEmpty() && !Metrics::channels().contains(channel))
        return fail(QStringLiteral("unknown channel '%1'; channels: email, slack, sms").arg(channel));
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() && !db.open())
        return fail(QStringLiteral("database unavailable: %1").arg(db.lastError().text().simplified()));

    QList<Rule> rules;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id, name, metric, comparison, threshold, severity, "
                                 "array_to_string(channels, ',') FROM alert_rules "
                                 "WHERE enabled AND (CAST(:name AS text) IS NULL OR name = :name2) ORDER BY id"));
        q.bindValue(QStringLiteral(":name"), rule.isEmpty() ? api::nullText() : QVariant(rule));
        q.bindValue(QStringLiteral(":name2"), rule.isEmpty() ? api::nullText() : QVariant(rule));
        if (!q.exec())
            return fail(sqlError(q));
        while (q.next())
            rules.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                          q.value(4).toDouble(), q.value(5).toString(),
                          q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)});
    }
    if (rules.isEmpty())
        return fail(rule.isEmpty() ? QStringLiteral("no enabled alert rule")
                                   : QStringLiteral("no enabled alert rule named '%1'").arg(rule));

    const qint64 now = m_nowMs();
    if (!db.transaction())
        return fail(db.lastError().text().simplified());
    auto rollback = [&](const QSqlQuery &q) {
        const QString text = sqlError(q);
        db.rollback();
        return fail(text);
    };
    qint64 queued = 0;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE status IN ('pending', 'in_progress', 'failed')"))
            || !q.next())
            return rollback(q);
        queued = q.value(0).toLongLong();
    }
    GeneratedAlerts made;
    for (int i = 0; i < count; ++i) {
        const Rule &r = rules[int(m_random.bounded(rules.size()))];
        const double factor = r.comparison == QLatin1String("<") ? 0.5 + 0.4 * m_random.generateDouble()
                                                                 : 1.1 + m_random.generateDouble();
        const double value = std::round(r.threshold * factor * 1000.0) / 1000.0;
        const QString message = QStringLiteral("%1: %2 = %3 (%4 %5)")
                                    .arg(r.name, r.metric, QString::number(value), r.comparison,
                                         QString::number(r.threshold));
        QSqlQuery event(db);
        event.prepare(QStringLiteral("INSERT INTO alert_events (rule_id, severity, message, status, fired_at) "
                                     "VALUES (:rule, :severity, :message, 'open', %1) RETURNING id")
                          .arg(toTs(":t")));
        event.bindValue(QStringLiteral(":rule"), r.id);
        event.bindValue(QStringLiteral(":severity"), r.severity);
        event.bindValue(QStringLiteral(":message"), message);
        event.bindValue(QStringLiteral(":t"), now);
        if (!event.exec() || !event.next())
            return rollback(event);
        const qint64 eventId = event.value(0).toLongLong();
        made.eventIds.append(eventId);
        const QStringList channels = channel.isEmpty() ? r.channels : QStringList{channel};
        for (const QString &c : channels) {
            if (queued >= kMaxQueue) {
                qCWarning(lcSandbox, "alert queue full (%d): no delivery for event %lld on %s", kMaxQueue, eventId,
                          qPrintable(c));
                continue;
            }
            const QStringList raw = rawRecipients(c);
            QSqlQuery delivery(db);
            delivery.prepare(QStringLiteral("INSERT INTO alert_deliveries (alert_id, channel, recipient, dedup_key, "
                                            "status, attempts, created_at) VALUES (:alert, :channel, :recipient, "
                                            ":dedup, 'pending', 0, %1) RETURNING id")
                                 .arg(toTs(":t")));
            delivery.bindValue(QStringLiteral(":alert"), QString::number(eventId));
            delivery.bindValue(QStringLiteral(":channel"), c);
            delivery.bindValue(QStringLiteral(":recipient"), maskRecipient(c, raw[int(m_random.bounded(raw.size()))]));
            delivery.bindValue(QStringLiteral(":dedup"), QStringLiteral("rule-%1:event-%2:%3").arg(r.id).arg(eventId).arg(c));
            delivery.bindValue(QStringLiteral(":t"), now);
            if (!delivery.exec() || !delivery.next())
                return rollback(delivery);
            made.deliveryIds.append(delivery.value(0).toLongLong());
            ++queued;
        }
    }
    if (!db.commit()) {
        const QString text = db.lastError().text().simplified();
        db.rollback();
        return fail(text);
    }
    if (out)
        *out = made;
    return true;
}

void AlertWorker::resolveStale()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("UPDATE alert_events SET status = 'resolved', resolved_at = %1 "
                             "WHERE status IN ('open', 'acknowledged') AND fired_at < %2")
                  .arg(toTs(":now"), toTs(":before")));
    const qint64 now = m_nowMs();
    q.bindValue(QStringLiteral(":now"), now);
    q.bindValue(QStringLiteral(":before"), now - kResolveAfterMs);
    if (!q.exec())
        qCWarning(lcSandbox, "alert worker: cannot resolve old events: %s", qPrintable(sqlError(q)));
}

void AlertWorker::deliver()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const qint64 now = m_nowMs();
    for (const QString &channel : Metrics::channels()) {
        std::deque<qint64> &times = m_attemptTimes[channel];
        while (!times.empty() && (times.front() <= now - kWindowMs || times.front() > now))
            times.pop_front();
        const int budget = perMinuteLimit(channel) - int(times.size());
        if (budget <= 0)
            continue;
        if (!db.transaction()) {
            qCWarning(lcSandbox, "alert worker: %s", qPrintable(db.lastError().text().simplified()));
            return;
        }
        struct Due
        {
            qint64 id;
            int attempts;
            qint64 createdMs;
        };
        QList<Due> due;
        {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT id, attempts, %1 FROM alert_deliveries WHERE channel = :channel "
                                     "AND status IN ('pending', 'failed') ORDER BY created_at, id LIMIT :n "
                                     "FOR UPDATE SKIP LOCKED")
                          .arg(msOf("created_at")));
            q.bindValue(QStringLiteral(":channel"), channel);
            q.bindValue(QStringLiteral(":n"), budget);
            if (!q.exec()) {
                qCWarning(lcSandbox, "alert worker: %s", qPrintable(sqlError(q)));
                db.rollback();
                return;
            }
            while (q.next())
                due.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toLongLong()});
        }
        QList<double> latencies;
        bool ok = true;
        for (const Due &d : due) {
            times.push_back(now);
            const bool listed = m_settings.failingChannels.contains(channel);
            const bool randomFailure = !listed && channel == QLatin1String("sms") && m_settings.smsFailureRate > 0
                                       && m_random.generateDouble() < m_settings.smsFailureRate;
            QSqlQuery u(db);
            if (listed || randomFailure) {
                const int attempts = std::min(d.attempts + 1, kMaxAttempts);
                const bool poison = attempts >= kMaxAttempts;
                const QString message = listed ? QStringLiteral("%1 provider unavailable (simulated outage)").arg(channel)
                                               : QStringLiteral("sms gateway timeout after 10 s (simulated)");
                u.prepare(QStringLiteral("UPDATE alert_deliveries SET status = :status, attempts = :attempts, "
                                         "last_attempt_at = %1, poison_at = CASE WHEN :poison THEN %2 END, "
                                         "error_message = :message WHERE id = :id")
                              .arg(toTs(":t"), toTs(":t2")));
                u.bindValue(QStringLiteral(":status"), poison ? QStringLiteral("poison") : QStringLiteral("failed"));
                u.bindValue(QStringLiteral(":attempts"), attempts);
                u.bindValue(QStringLiteral(":t"), now);
                u.bindValue(QStringLiteral(":poison"), poison);
                u.bindValue(QStringLiteral(":t2"), now);
                u.bindValue(QStringLiteral(":message"), message);
                u.bindValue(QStringLiteral(":id"), d.id);
                if (poison)
                    qCInfo(lcSandbox, "alert delivery %lld (%s) is poison after %d attempts", d.id,
                           qPrintable(channel), attempts);
            } else {
                // The provider's simulated send time.
                const double r = m_random.generateDouble();
                const qint64 sendMs = channel == QLatin1String("email")   ? qint64(500 + 2500 * r)
                                      : channel == QLatin1String("slack") ? qint64(200 + 800 * r)
                                                                          : qint64(1000 + 7000 * r);
                const qint64 deliveredMs = now + sendMs;
                u.prepare(QStringLiteral("UPDATE alert_deliveries SET status = 'delivered', attempts = :attempts, "
                                         "last_attempt_at = %1, delivered_at = %2, error_message = NULL WHERE id = :id")
                              .arg(toTs(":t"), toTs(":d")));
                u.bindValue(QStringLiteral(":attempts"), std::min(d.attempts + 1, kMaxAttempts));
                u.bindValue(QStringLiteral(":t"), now);
                u.bindValue(QStringLiteral(":d"), deliveredMs);
                u.bindValue(QStringLiteral(":id"), d.id);
                latencies.append(m_settings.deliveryLatencySeconds ? *m_settings.deliveryLatencySeconds
                                                                   : std::max(0.0, (deliveredMs - d.createdMs) / 1000.0));
            }
            if (!u.exec()) {
                qCWarning(lcSandbox, "alert worker: delivery %lld: %s", d.id, qPrintable(sqlError(u)));
                ok = false;
                break;
            }
        }
        if (!ok || !db.commit()) {
            db.rollback();
            return;
        }
        for (const double seconds : latencies)
            m_metrics.deliveryLatency().observe(seconds, channel);
    }
}

} // namespace opssandbox
