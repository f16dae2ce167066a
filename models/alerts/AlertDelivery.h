#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <limits>

namespace ops {

// One row of the platform's alert_deliveries (docs/alerts-and-sla.md): one attempt to tell one
// recipient on one channel about one alert event. `recipient` is stored masked by the platform
// ("j***@example.com", "#ops-***", "+44 *** *** 123") and is never shown less masked than that.
struct AlertDelivery
{
    static constexpr int MaxAttempts = 3;
    // orderUs of a row whose order column is NULL (PostgreSQL puts those first in DESC order).
    static constexpr qint64 NullOrderUs = std::numeric_limits<qint64>::max();

    qint64 id = 0;
    QString alertId; // the event id in decimal
    QString channel; // email | slack | sms
    QString recipient;
    QString status;  // pending | in_progress | delivered | failed | poison
    int attempts = 0;
    QDateTime lastAttemptAt; // UTC; invalid when never attempted
    QDateTime deliveredAt;
    QDateTime poisonAt;
    QString errorMessage;
    QDateTime createdAt;
    // The row's place in the list it was read for, in microseconds since the epoch (poison queue:
    // poison_at, history: created_at; PostgreSQL keeps microseconds, QDateTime only milliseconds;
    // NullOrderUs when NULL). Set by AlertReader; the keyset cursor of the next page.
    qint64 orderUs = 0;

    [[nodiscard]] bool isPoisoned() const { return status == QLatin1String("poison"); }
    [[nodiscard]] bool isRetryable() const
    {
        return status == QLatin1String("poison") || status == QLatin1String("failed");
    }
    friend bool operator==(const AlertDelivery &, const AlertDelivery &) = default;
};

// Words for deliveries, and the delivery object of the REST answers (retry, GET deliveries).
class AlertDeliveryText
{
    Q_DECLARE_TR_FUNCTIONS(ops::AlertDeliveryText)
public:
    // "Email", "Slack", "SMS"; anything else as sent.
    [[nodiscard]] static QString channelTitle(const QString &channel);
    // "Pending", "In progress", "Delivered", "Failed", "Poisoned"; anything else as sent.
    [[nodiscard]] static QString statusTitle(const QString &status);
    // "2/3".
    [[nodiscard]] static QString attemptsText(int attempts);
    // The recipient as stored, defensively masked again when it does not look masked (no '*'):
    // the console never shows more of an address than the platform stored.
    [[nodiscard]] static QString recipient(const QString &stored);
    // The error on one line for a table cell (control characters removed, at most 300 characters).
    [[nodiscard]] static QString errorLine(const QString &error);

    // The delivery object of a REST answer; missing or mistyped fields stay empty (id 0).
    [[nodiscard]] static AlertDelivery fromJson(const QJsonObject &object);

    [[nodiscard]] static QStringList channels() { return {QStringLiteral("email"), QStringLiteral("slack"), QStringLiteral("sms")}; }
    [[nodiscard]] static QStringList statuses()
    {
        return {QStringLiteral("pending"), QStringLiteral("in_progress"), QStringLiteral("delivered"),
                QStringLiteral("failed"), QStringLiteral("poison")};
    }
};

} // namespace ops

Q_DECLARE_METATYPE(ops::AlertDelivery)
