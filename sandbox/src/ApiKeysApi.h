#pragma once

#include "ApiCommon.h"

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

class QSqlDatabase;

namespace opssandbox {

class AuthApi;

// API keys of the REST API: the admin routes (/api/v1/admin/api-keys: list, create, rotate with a
// 24 h grace for the old key, revoke) and the sample route they protect (GET /api/v1/positions,
// which takes an API key or a bearer token). Keys are `<prefix>.<secret>`; only a salted SHA-256 of
// the secret is stored and compared in constant time. Every change writes its audit_log row in the
// same transaction. All times come from the caller's nowMs (the sandbox's shiftable clock).
// Uses the Sandbox's database connection (by name) on its thread. Internal.
class ApiKeysApi
{
public:
    explicit ApiKeysApi(QString connectionName);

    // Registers /api/v1/admin/api-keys (bearer only) and /api/v1/positions (API key or bearer).
    void attachTo(AuthApi &auth);

    ApiReply handleAdmin(const ApiCaller &caller);
    ApiReply handlePositions(const ApiCaller &caller);
    // The key authenticator of /api/v1/positions: 401 invalid_api_key for an unknown, malformed,
    // revoked, expired or grace-over key (one answer for all), else fills in the caller.
    std::optional<ApiReply> authenticateKey(const QByteArray &key, ApiCaller &caller);

    static QStringList scopeNames(); // read_positions, read_orders, write_orders, read_strategies
    // The status of a key at nowMs: revoked, expired, expiring (rotation grace) or active.
    static QString status(bool revoked, const QVariant &expiresMs, const QVariant &graceMs, qint64 nowMs);

    static constexpr char kPrefixStem[] = "tp_test_";
    static constexpr int kPrefixRandomChars = 8;
    static constexpr int kSecretBytes = 32;
    static constexpr int kSaltBytes = 16;
    static constexpr qint64 kGraceMs = 24LL * 3600 * 1000;
    static constexpr qint64 kLastUsedIntervalMs = 60 * 1000;
    static constexpr int kNameMin = 3;
    static constexpr int kNameMax = 50;

private:
    struct Request;

    ApiReply list(Request &r);
    ApiReply create(Request &r);
    ApiReply rotate(Request &r);
    ApiReply revoke(Request &r);

    bool readKey(QSqlDatabase &db, qint64 id, qint64 nowMs, QJsonObject *out, bool lock = false,
                 QString *statusOut = nullptr);

    QString m_connectionName;
};

} // namespace opssandbox
