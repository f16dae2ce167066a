#pragma once

#include "api/ApiClient.h"
#include "breaker/BreakerState.h"
#include "core/Clock.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace ops {

class BreakerHistoryModel;
class Session;

// The circuit breaker and the kill switch as the console knows them: polled every 5 s while
// someone is signed in, failing closed (Unknown) whenever the last read failed or is older than
// 10 s, and the four dangerous actions (trip, reset, engage, disengage), each sent exactly once
// per call with the caller's Idempotency-Key. A request that times out is neither success nor
// failure: the state is read again and the outcome says what the server now reports.
class BreakerController final : public QObject
{
    Q_OBJECT
public:
    static constexpr int RefreshIntervalMs = 5000;
    static constexpr int StaleAfterSeconds = 10;
    static constexpr int ResetWindowSeconds = 60;

    enum class Action { Trip, Reset, Engage, Disengage };
    Q_ENUM(Action)

    struct Outcome
    {
        enum class Kind {
            Done,        // the server made the change; auditId says where it is recorded
            Unchanged,   // already in the requested state (idempotent): nothing was recorded
            Refused,     // 403 / 409 / 422: `message` has the server's words
            RateLimited, // 429: retryAfterSeconds
            Unverified,  // timed out: the state was read again, `message` says what it is now
            Failed,      // network, TLS, 5xx, malformed: nothing known to have changed
        };
        Kind kind = Kind::Failed;
        QString message;        // one translated line for the operator
        qint64 auditId = -1;
        int retryAfterSeconds = -1;
        QString requestId;
        ApiResult result;
    };
    using OutcomeCallback = std::function<void(const Outcome &)>;

    BreakerController(Session *session, const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~BreakerController() override;

    void start();
    void stop();
    void refreshNow();

    // The state to show: Unknown unless the last read succeeded less than 10 s ago.
    [[nodiscard]] BreakerSnapshot snapshot() const;
    [[nodiscard]] KillSwitchSnapshot killSwitch() const;
    // The last state that was read successfully, and when (clock time); for "last known" lines.
    [[nodiscard]] const BreakerSnapshot &lastKnown() const { return m_breaker; }
    [[nodiscard]] QDateTime lastReadAt() const { return m_breakerReadAt; }
    [[nodiscard]] bool isVerified() const;
    // Why the state is Unknown (empty when verified).
    [[nodiscard]] QString problem() const;
    [[nodiscard]] BreakerHistoryModel *historyModel() const { return m_history; }
    [[nodiscard]] QString historyProblem() const { return m_historyProblem; }

    // Seconds until the global reset window allows the next reset (0 = allowed now).
    [[nodiscard]] int resetCooldownSeconds() const;
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }

    // A fresh key for one operator decision; re-sending with the same key never acts twice.
    [[nodiscard]] static QString newIdempotencyKey();

    // Each returns false (and calls nothing) while another action is in flight.
    bool trip(const QString &idempotencyKey, const QString &category, const QString &reason, QObject *context,
              OutcomeCallback callback);
    bool reset(const QString &idempotencyKey, const QString &reason, const QStringList &acceptedFailingConditions,
               QObject *context, OutcomeCallback callback);
    bool engageKillSwitch(const QString &idempotencyKey, const QString &reason, QObject *context,
                          OutcomeCallback callback);
    bool disengageKillSwitch(const QString &idempotencyKey, const QString &notes, QObject *context,
                             OutcomeCallback callback);

signals:
    void changed();       // snapshot, kill switch, verification or cooldown changed
    void busyChanged(bool busy);
    // After every finished action, for the status bar and the log.
    void actionFinished(ops::BreakerController::Action action, const ops::BreakerController::Outcome &outcome);

private:
    bool send(Action action, const QString &path, const QJsonObject &body, const QString &idempotencyKey,
              QObject *context, OutcomeCallback callback);
    void finishAction(Action action, const ApiResult &result, const QPointer<QObject> &context, bool hadContext,
                      const OutcomeCallback &callback);
    void applyBreaker(const QJsonObject &object);
    void applyKillSwitch(const QJsonObject &object);
    void readFailed(const ApiResult &result);
    void onTick();
    void setBusy(bool busy);
    [[nodiscard]] bool signedIn() const;

    QPointer<Session> m_session;
    const Clock &m_clock;
    QTimer m_poll;
    QTimer m_tick;
    BreakerHistoryModel *m_history;

    BreakerSnapshot m_breaker;
    QDateTime m_breakerReadAt; // clock time of the last good read
    QString m_problem;
    KillSwitchSnapshot m_killSwitch;
    QDateTime m_killSwitchReadAt;
    QString m_historyProblem;
    QDateTime m_cooldownUntil; // clock time
    int m_inFlight = 0;
    int m_cycle = 0;
    QDateTime m_cycleStartedAt;
    bool m_readFailed = true;
    bool m_busy = false;
    bool m_lastVerified = false;
    int m_lastCooldown = 0;
};

} // namespace ops
