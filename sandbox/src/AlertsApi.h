#pragma once

#include "ApiCommon.h"

#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <optional>

class QSqlDatabase;
class QSqlQuery;

namespace opssandbox {

class AuthApi;

// Alerts of the REST API (/api/v1/alerts; docs/alerts-and-sla.md, "REST"): the events with their
// acknowledgement and the deliveries with their retry. State changes are audited in the same
// transaction (ALERT_ACKNOWLEDGE, ALERT_DELIVERY_RETRY), and so are denied (403) and rejected (409,
// 422) attempts. Uses the Sandbox's database connection (by name) on its thread; times come from
// the caller's nowMs. Internal.
class AlertsApi
{
public:
    explicit AlertsApi(QString connectionName);

    void attachTo(AuthApi &auth);
    ApiReply handle(const ApiCaller &caller);

    static constexpr int kMinNoteVisible = 15;
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 500;

private:
    ApiReply listEvents(const ApiCaller &caller, QSqlDatabase &db);
    ApiReply listDeliveries(const ApiCaller &caller, QSqlDatabase &db);
    ApiReply acknowledge(const ApiCaller &caller, QSqlDatabase &db, qint64 id);
    ApiReply retry(const ApiCaller &caller, QSqlDatabase &db, qint64 id);

    static std::optional<ApiReply> readLimit(const ApiCaller &caller, int *limit);
    static bool readEvent(QSqlDatabase &db, qint64 id, QJsonObject *out, bool forUpdate = false);
    static bool readDelivery(QSqlDatabase &db, qint64 id, QJsonObject *out, bool forUpdate = false);

    QString m_connectionName;
};

} // namespace opssandbox
