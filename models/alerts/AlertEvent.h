#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace ops {

// One alert event as GET /api/v1/alerts/events lists it (docs/alerts-and-sla.md).
struct AlertEvent
{
    qint64 id = 0;
    QString rule;     // the rule's name
    QString severity; // info | warning | critical (anything else shown as sent)
    QString message;
    QString status;   // open | acknowledged | resolved
    QDateTime firedAt;          // UTC
    QDateTime acknowledgedAt;   // invalid unless acknowledged
    QString acknowledgedBy;
    QString note;

    [[nodiscard]] bool isOpen() const { return status == QLatin1String("open"); }
    friend bool operator==(const AlertEvent &, const AlertEvent &) = default;
};

// The events part of the REST contract, read tolerantly: a field that is missing or of the wrong
// type is left empty rather than failing the whole answer; an entry without a usable id (or a
// repeated id) is left out, since nothing could be done with it.
class AlertEventJson
{
    Q_DECLARE_TR_FUNCTIONS(ops::AlertEventJson)
public:
    [[nodiscard]] static AlertEvent event(const QJsonObject &object);
    // {"events": [...]}; `problem` says why there is no list (the answer is not the expected shape).
    [[nodiscard]] static QList<AlertEvent> list(const QJsonDocument &document, QString *problem = nullptr);

    [[nodiscard]] static QString severityTitle(const QString &severity);
    [[nodiscard]] static QString statusTitle(const QString &status);
};

} // namespace ops

Q_DECLARE_METATYPE(ops::AlertEvent)
