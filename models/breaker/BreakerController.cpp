#include "breaker/BreakerController.h"

#include "auth/Session.h"
#include "breaker/BreakerHistoryModel.h"
#include "breaker/ReasonText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

namespace ops {

namespace {

const QString kStatePath = QStringLiteral("api/v1/circuit-breaker");
const QString kHistoryPath = QStringLiteral("api/v1/circuit-breaker/history?limit=50");
const QString kKillSwitchPath = QStringLiteral("api/v1/kill-switch/status");
constexpr qint64 kCycleGiveUpMs = 15000; // a poll still unanswered after this is abandoned

QString serverDetail(const ApiResult &result)
{
    const QJsonObject body = result.body.object();
    const QJsonValue detailValue = body.value(QLatin1String("detail"));
    QString detail = detailValue.toString();
    if (detailValue.isArray()) { // FastAPI-style validation errors: [{loc, msg, type}, ...]
        QStringList messages;
        for (const QJsonValue &item : detailValue.toArray()) {
            const QString msg = item.isObject() ? item.toObject().value(QLatin1String("msg")).toString() : item.toString();
            if (!msg.isEmpty())
                messages << msg;
        }
        detail = messages.join(QStringLiteral("; "));
    }
    if (!detail.isEmpty())
        return detail.left(300);
    if (!result.errorCode.isEmpty())
        return result.errorCode.left(80);
    return result.message;
}

} // namespace

BreakerController::BreakerController(Session *session, const Clock &clock, QObject *parent)
    : QObject(parent), m_session(session), m_clock(clock), m_history(new BreakerHistoryModel(this))
{
    m_poll.setInterval(RefreshIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &BreakerController::refreshNow);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &BreakerController::onTick);
    m_problem = tr("Not read yet.");
    if (m_session) {
        connect(m_session, &Session::signedIn, this, &BreakerController::refreshNow);
        connect(m_session, &Session::signedOut, this, [this] {
            m_problem = tr("Not signed in: sign in to see the circuit breaker.");
            m_readFailed = true;
            emit changed();
        });
    }
}

BreakerController::~BreakerController() = default;

void BreakerController::start()
{
    m_poll.start();
    m_tick.start();
    refreshNow();
}

void BreakerController::stop()
{
    m_poll.stop();
    m_tick.stop();
}

bool BreakerController::signedIn() const
{
    return m_session && m_session->state() == Session::State::SignedIn;
}

void BreakerController::refreshNow()
{
    if (!signedIn()) {
        m_problem = tr("Not signed in: sign in to see the circuit breaker.");
        m_readFailed = true;
        emit changed();
        return;
    }
    const QDateTime now = m_clock.nowUtc();
    if (m_inFlight > 0 && m_cycleStartedAt.isValid() && m_cycleStartedAt.msecsTo(now) < kCycleGiveUpMs)
        return; // the previous cycle is still being answered
    const int cycle = ++m_cycle;
    m_cycleStartedAt = now;
    m_inFlight = 3;
    auto done = [this, cycle] {
        if (cycle == m_cycle && --m_inFlight == 0)
            emit changed();
    };
    m_session->call("GET", kStatePath, {}, this, [this, cycle, done](const ApiResult &r) {
        if (cycle != m_cycle)
            return;
        if (r.ok() && r.body.isObject())
            applyBreaker(r.body.object());
        else
            readFailed(r);
        done();
    });
    m_session->call("GET", kHistoryPath, {}, this, [this, cycle, done](const ApiResult &r) {
        if (cycle != m_cycle)
            return;
        QString problem;
        if (r.ok()) {
            const QList<BreakerHistoryEntry> entries = BreakerJson::history(r.body, &problem);
            if (problem.isEmpty())
                m_history->setEntries(entries);
        } else {
            problem = r.message;
        }
        m_historyProblem = problem;
        done();
    });
    m_session->call("GET", kKillSwitchPath, {}, this, [this, cycle, done](const ApiResult &r) {
        if (cycle != m_cycle)
            return;
        if (r.ok() && r.body.isObject()) {
            applyKillSwitch(r.body.object());
        } else {
            m_killSwitch = {};
            m_killSwitchReadAt = {};
        }
        done();
    });
}

void BreakerController::applyBreaker(const QJsonObject &object)
{
    QString problem;
    BreakerSnapshot s = BreakerJson::breaker(object, &problem);
    if (s.trading == TradingState::Unknown) {
        m_readFailed = true;
        m_problem = problem;
        emit changed();
        return;
    }
    m_breaker = s;
    m_breakerReadAt = m_clock.nowUtc();
    m_readFailed = false;
    m_problem.clear();
    // The server's window, measured on the server's clock, counted down on ours (skew-free).
    if (s.resetAvailableAt.isValid() && s.serverTime.isValid() && s.resetAvailableAt > s.serverTime)
        m_cooldownUntil = m_breakerReadAt.addMSecs(s.serverTime.msecsTo(s.resetAvailableAt));
    else if (s.serverTime.isValid())
        m_cooldownUntil = {};
    m_lastVerified = isVerified();
    m_lastCooldown = resetCooldownSeconds();
    emit changed();
}

void BreakerController::applyKillSwitch(const QJsonObject &object)
{
    QString problem;
    m_killSwitch = BreakerJson::killSwitch(object, &problem);
    m_killSwitchReadAt = m_killSwitch.state == KillSwitchState::Unknown ? QDateTime() : m_clock.nowUtc();
    emit changed();
}

void BreakerController::readFailed(const ApiResult &result)
{
    m_readFailed = true;
    if (result.httpStatus == 503)
        m_problem = tr("The platform says the breaker state is unavailable (%1).").arg(serverDetail(result));
    else if (result.ok())
        m_problem = tr("The answer was not a breaker state.");
    else
        m_problem = result.message;
    m_lastVerified = false;
    emit changed();
}

void BreakerController::onTick()
{
    // Ages grow between polls: a read older than 10 s stops counting, and the cooldown counts down.
    const bool verified = isVerified();
    const int cooldown = resetCooldownSeconds();
    if (verified != m_lastVerified || cooldown != m_lastCooldown) {
        m_lastVerified = verified;
        m_lastCooldown = cooldown;
        emit changed();
    }
    if (m_inFlight > 0 && m_cycleStartedAt.isValid() && m_cycleStartedAt.msecsTo(m_clock.nowUtc()) >= kCycleGiveUpMs)
        refreshNow();
}

bool BreakerController::isVerified() const
{
    if (m_readFailed || !m_breakerReadAt.isValid() || m_breaker.trading == TradingState::Unknown)
        return false;
    return m_breakerReadAt.secsTo(m_clock.nowUtc()) <= StaleAfterSeconds;
}

BreakerSnapshot BreakerController::snapshot() const
{
    if (isVerified())
        return m_breaker;
    BreakerSnapshot unknown;
    unknown.rawState = m_breaker.rawState;
    return unknown;
}

KillSwitchSnapshot BreakerController::killSwitch() const
{
    if (m_killSwitchReadAt.isValid() && m_killSwitchReadAt.secsTo(m_clock.nowUtc()) <= StaleAfterSeconds)
        return m_killSwitch;
    return {};
}

QString BreakerController::problem() const
{
    if (isVerified())
        return {};
    if (!m_problem.isEmpty())
        return m_problem;
    if (m_breakerReadAt.isValid())
        return tr("No answer for %n s.", nullptr, int(m_breakerReadAt.secsTo(m_clock.nowUtc())));
    return tr("Not read yet.");
}

int BreakerController::resetCooldownSeconds() const
{
    if (!m_cooldownUntil.isValid())
        return 0;
    const qint64 ms = m_clock.nowUtc().msecsTo(m_cooldownUntil);
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

QString BreakerController::newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void BreakerController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

bool BreakerController::trip(const QString &idempotencyKey, const QString &category, const QString &reason,
                             QObject *context, OutcomeCallback callback)
{
    QJsonObject details{{QStringLiteral("category"), category}, {QStringLiteral("source"), QStringLiteral("ops-console")}};
    QJsonObject body{{QStringLiteral("reason"), reason::normalised(reason)},
                     {QStringLiteral("acknowledged"), true},
                     {QStringLiteral("details"), details}};
    return send(Action::Trip, QStringLiteral("api/v1/circuit-breaker/trip"), body, idempotencyKey, context,
                std::move(callback));
}

bool BreakerController::reset(const QString &idempotencyKey, const QString &reason,
                              const QStringList &acceptedFailingConditions, QObject *context, OutcomeCallback callback)
{
    QJsonObject body{{QStringLiteral("reason"), reason::normalised(reason)}, {QStringLiteral("acknowledged"), true}};
    if (!acceptedFailingConditions.isEmpty())
        body.insert(QStringLiteral("failing_conditions_accepted"), QJsonArray::fromStringList(acceptedFailingConditions));
    return send(Action::Reset, QStringLiteral("api/v1/circuit-breaker/reset"), body, idempotencyKey, context,
                std::move(callback));
}

bool BreakerController::engageKillSwitch(const QString &idempotencyKey, const QString &reason, QObject *context,
                                         OutcomeCallback callback)
{
    QJsonObject body{{QStringLiteral("reason"), reason::normalised(reason)},
                     {QStringLiteral("acknowledged"), true},
                     {QStringLiteral("details"), QJsonObject{{QStringLiteral("source"), QStringLiteral("ops-console")}}}};
    if (m_session && !m_session->userName().isEmpty())
        body.insert(QStringLiteral("operator"), m_session->userName());
    return send(Action::Engage, QStringLiteral("api/v1/kill-switch/engage"), body, idempotencyKey, context,
                std::move(callback));
}

bool BreakerController::disengageKillSwitch(const QString &idempotencyKey, const QString &notes, QObject *context,
                                            OutcomeCallback callback)
{
    QJsonObject body{{QStringLiteral("notes"), reason::normalised(notes)}};
    if (m_session && !m_session->userName().isEmpty())
        body.insert(QStringLiteral("operator"), m_session->userName());
    return send(Action::Disengage, QStringLiteral("api/v1/kill-switch/disengage"), body, idempotencyKey, context,
                std::move(callback));
}

bool BreakerController::send(Action action, const QString &path, const QJsonObject &body, const QString &idempotencyKey,
                             QObject *context, OutcomeCallback callback)
{
    if (m_busy || !m_session)
        return false;
    setBusy(true);
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    m_session->call(
        "POST", path, QJsonDocument(body), this,
        [this, action, guard, hadContext, callback = std::move(callback)](const ApiResult &r) {
            finishAction(action, r, guard, hadContext, callback);
        },
        {{QByteArrayLiteral("Idempotency-Key"), idempotencyKey.toLatin1()}});
    return true;
}

void BreakerController::finishAction(Action action, const ApiResult &result, const QPointer<QObject> &context,
                                     bool hadContext, const OutcomeCallback &callback)
{
    Outcome out;
    out.result = result;
    out.requestId = result.requestId;
    auto deliver = [this, action, context, hadContext, callback](const Outcome &o) {
        setBusy(false);
        emit actionFinished(action, o);
        if (callback && (!hadContext || context))
            callback(o);
    };

    if (result.kind == ApiResult::Kind::Timeout) {
        // Neither success nor failure: ask the server what is true now, then say it.
        const int cycleBefore = m_cycle;
        m_inFlight = 0;
        refreshNow();
        m_session->call("GET", action == Action::Engage || action == Action::Disengage ? kKillSwitchPath : kStatePath,
                        {}, this, [this, out, action, deliver, cycleBefore](const ApiResult &r) mutable {
                            Q_UNUSED(cycleBefore)
                            out.kind = Outcome::Kind::Unverified;
                            QString now;
                            if (r.ok() && r.body.isObject()) {
                                if (action == Action::Engage || action == Action::Disengage) {
                                    applyKillSwitch(r.body.object());
                                    now = BreakerJson::killSwitchHeadline(m_killSwitch);
                                } else {
                                    applyBreaker(r.body.object());
                                    now = BreakerJson::headline(snapshot());
                                }
                                out.message = tr("The server did not answer in time, so the console cannot tell "
                                                 "whether your request took effect. The server now reports: %1. "
                                                 "Check the history before trying again.")
                                                  .arg(now);
                            } else {
                                out.message = tr("The server did not answer in time, and the state could not be "
                                                 "read again either: it is UNKNOWN. Do not assume either outcome.");
                            }
                            deliver(out);
                        });
        return;
    }

    switch (result.kind) {
    case ApiResult::Kind::Ok: {
        const QJsonObject body = result.body.object();
        // A success that does not say "changed" was accepted: only an explicit false means "nothing to do".
        const bool changed = body.value(QLatin1String("changed")).toBool(true);
        const QJsonValue audit = body.value(QLatin1String("audit_id"));
        out.auditId = audit.isDouble() ? qint64(audit.toDouble()) : -1;
        if (body.value(QLatin1String("breaker")).isObject())
            applyBreaker(body.value(QLatin1String("breaker")).toObject());
        if (body.value(QLatin1String("kill_switch")).isObject())
            applyKillSwitch(body.value(QLatin1String("kill_switch")).toObject());
        out.kind = changed ? Outcome::Kind::Done : Outcome::Kind::Unchanged;
        const QString record = out.auditId >= 0 ? tr("Audit record #%1.").arg(out.auditId) : QString();
        switch (action) {
        case Action::Trip:
            out.message = changed ? tr("Trading halted: the breaker is TRIPPED. %1").arg(record)
                                  : tr("The breaker was already tripped; nothing was changed.");
            break;
        case Action::Reset:
            out.message = changed ? tr("Trading enabled again: the breaker is OPEN. %1").arg(record)
                                  : tr("The breaker was not tripped; nothing was changed.");
            if (changed)
                m_cooldownUntil = m_clock.nowUtc().addSecs(ResetWindowSeconds);
            break;
        case Action::Engage:
            out.message = changed ? tr("Kill switch ENGAGED: open positions are being flattened. %1").arg(record)
                                  : tr("The kill switch was already engaged; nothing was changed.");
            break;
        case Action::Disengage:
            out.message = changed ? tr("Kill switch disengaged: trading may resume. %1").arg(record)
                                  : tr("The kill switch was not engaged; nothing was changed.");
            break;
        }
        out.message = out.message.trimmed();
        break;
    }
    case ApiResult::Kind::Forbidden:
        out.kind = Outcome::Kind::Refused;
        out.message = tr("The server refused: your role does not have the permission \"%1\".")
                          .arg(result.permission.isEmpty() ? serverDetail(result) : result.permission);
        break;
    case ApiResult::Kind::ClientError:
        out.kind = Outcome::Kind::Refused;
        out.message = tr("The server refused: %1").arg(serverDetail(result));
        break;
    case ApiResult::Kind::RateLimited: {
        out.kind = Outcome::Kind::RateLimited;
        int seconds = result.retryAfterSeconds.value_or(-1);
        if (seconds < 0) {
            const QJsonValue v = result.body.object().value(QLatin1String("retry_after"));
            seconds = v.isDouble() ? int(v.toDouble()) : ResetWindowSeconds;
        }
        seconds = std::clamp(seconds, 1, 3600);
        out.retryAfterSeconds = seconds;
        m_cooldownUntil = m_clock.nowUtc().addSecs(seconds);
        out.message = action == Action::Reset
                          ? tr("Rate limit: only one reset per minute is allowed (for everyone). Try again in %n s.",
                               nullptr, seconds)
                          : tr("The server is limiting requests. Try again in %n s.", nullptr, seconds);
        break;
    }
    default:
        out.kind = Outcome::Kind::Failed;
        out.message = tr("The request failed: %1 Nothing is known to have changed; the state is being read again.")
                          .arg(result.message);
        break;
    }
    deliver(out);
    m_inFlight = 0;
    refreshNow();
}

} // namespace ops
