#pragma once

#include "ApiCommon.h"

#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

class QSqlDatabase;

namespace opssandbox {

class AuthApi;

// Typed system configuration of the REST API (/api/v1/config): three JSON documents in
// system_config (trading_hours, position_limits, system_defaults), read with an ETag (the quoted
// version) and replaced with If-Match under a row lock; every field is validated (type, range,
// market_open < market_close, no unknown or missing fields) and every save writes its CONFIG_UPDATE
// audit row with the old and new values in the same transaction. Permission config:edit (admin).
// Uses the Sandbox's database connection (by name) on its thread; times from the caller's nowMs.
// Internal.
class ConfigApi
{
public:
    explicit ConfigApi(QString connectionName);

    void attachTo(AuthApi &auth);
    ApiReply handle(const ApiCaller &caller);

    static QStringList documentKeys(); // trading_hours, position_limits, system_defaults
    // Field -> message for every failing field of a document (empty when valid); key must be one
    // of documentKeys().
    static QJsonObject validate(const QString &key, const QJsonObject &value);

private:
    struct Request;

    ApiReply list(Request &r);
    ApiReply get(Request &r);
    ApiReply put(Request &r);
    bool readDocument(QSqlDatabase &db, const QString &key, QJsonObject *out, bool lock = false);

    QString m_connectionName;
};

} // namespace opssandbox
