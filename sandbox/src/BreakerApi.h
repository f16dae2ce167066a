#pragma once

#include "ApiCommon.h"
#include "Sandbox.h" // BreakerFaults

#include <QtCore/QJsonArray>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>
#include <optional>

class QSqlDatabase;

namespace opssandbox {

class AuthApi;

// The circuit breaker (/api/v1/circuit-breaker) and the kill switch (/api/v1/kill-switch) of the
// REST API: state and history in PostgreSQL, trip and reset with the server's order of checks and
// the global reset rate limit, Idempotency-Key replays, and audit rows written in the same
// transaction as each change. Uses the Sandbox's database connection (by name) on its thread;
// every time comes from the caller's nowMs (the sandbox's shiftable clock). Internal.
class BreakerApi
{
public:
    using FaultSource = std::function<BreakerFaults()>;

    BreakerApi(QString connectionName, FaultSource faults);

    // Registers this API with auth for its two path prefixes.
    void attachTo(AuthApi &auth);
    ApiReply handle(const ApiCaller &caller);

    // The reason rule (trip and reset reasons, kill switch reason and notes), shared with the other
    // modules: see api::normaliseReason in ApiCommon.h.
    using Reason = api::Reason;
    static Reason normaliseReason(const QString &raw) { return api::normaliseReason(raw); }

    static QStringList conditionNames(); // drawdown, position_limits, broker_errors, redis, postgres
    static QJsonObject faultsToJson(const BreakerFaults &faults);
    // Applies the fields present in body ({"unreadable", "reset_fails", "conditions": {name: ok}})
    // to *faults; false with *error when a field has the wrong type or names no condition.
    static bool applyFaultsJson(const QJsonObject &body, BreakerFaults *faults, QString *error);

    static constexpr int kMinReasonVisible = api::kMinReasonVisible;
    static constexpr qint64 kResetWindowMs = 60 * 1000;
    static constexpr qint64 kIdempotencyTtlMs = 24LL * 3600 * 1000;
    static constexpr int kDefaultHistoryLimit = 50;
    static constexpr int kMaxHistoryLimit = 200;

private:
    struct Route;
    struct Request;

    ApiReply getState(Request &r);
    ApiReply getHistory(Request &r);
    ApiReply getKillSwitch(Request &r);
    ApiReply trip(Request &r);
    ApiReply reset(Request &r);
    ApiReply engage(Request &r);
    ApiReply disengage(Request &r);

    // Steps shared by the POST routes, in the order the contract gives; each returns the answer
    // that ends the request, or nothing to go on.
    std::optional<ApiReply> requireObjectBody(Request &r);
    std::optional<ApiReply> requireText(Request &r, const char *field, const char *error, const char *detail);
    std::optional<ApiReply> requireAcknowledged(Request &r);
    std::optional<ApiReply> requireOperator(Request &r);
    std::optional<ApiReply> replayIdempotent(Request &r);
    bool storeIdempotent(Request &r, const ApiReply &reply);

    bool readBreaker(Request &r, QJsonObject *out);
    bool readKillSwitch(Request &r, QJsonObject *out);
    QJsonArray conditions(bool postgresOk, double postgresMs) const;
    bool audit(Request &r, const QString &outcome, const QVariant &resourceId, const QJsonObject &details,
               qint64 *auditId = nullptr);
    ApiReply unavailable(const Request &r) const;

    QString m_connectionName;
    FaultSource m_faults;
};

} // namespace opssandbox
