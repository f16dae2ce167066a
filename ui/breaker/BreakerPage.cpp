#include "breaker/BreakerPage.h"

#include "auth/Session.h"
#include "breaker/BreakerHistoryModel.h"
#include "breaker/ConfirmActionDialog.h"
#include "core/TimeText.h"
#include "common/Labels.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ops {

namespace {


QString stateSheet(TradingState state)
{
    switch (state) {
    case TradingState::Enabled:
        return QStringLiteral("background: #1b5e20; color: white; padding: 10px; font-weight: bold;");
    case TradingState::Halted:
        return QStringLiteral("background: #b71c1c; color: white; padding: 10px; font-weight: bold;");
    case TradingState::Unknown:
        break;
    }
    return QStringLiteral("background: #ff8f00; color: black; padding: 10px; font-weight: bold;");
}

QString killSheet(KillSwitchState state)
{
    switch (state) {
    case KillSwitchState::Active:
        return QStringLiteral("background: #1b5e20; color: white; padding: 6px; font-weight: bold;");
    case KillSwitchState::Engaged:
        return QStringLiteral("background: #b71c1c; color: white; padding: 6px; font-weight: bold;");
    case KillSwitchState::Unknown:
        break;
    }
    return QStringLiteral("background: #ff8f00; color: black; padding: 6px; font-weight: bold;");
}

QString orDash(const QString &s)
{
    return s.trimmed().isEmpty() ? QStringLiteral("—") : s;
}

} // namespace

BreakerPage::BreakerPage(BreakerController *controller, Session *session, const ConnectionProfile &profile,
                         QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_session(session)
    , m_profile(profile)
    , m_state(labels::selectable(this, QStringLiteral("breakerState"), tr("Circuit breaker state")))
    , m_detail(labels::selectable(this, QStringLiteral("breakerDetail"), tr("Circuit breaker details")))
    , m_verified(labels::selectable(this, QStringLiteral("breakerVerified"), tr("When the state was last verified")))
    , m_conditions(labels::selectable(this, QStringLiteral("breakerConditions"), tr("Reset conditions")))
    , m_outcome(labels::selectable(this, QStringLiteral("outcome"), tr("Result of the last action")))
    , m_trip(new QPushButton(tr("&Trip breaker — halt trading…"), this))
    , m_reset(new QPushButton(tr("&Reset breaker — enable trading…"), this))
    , m_history(new QTableView(this))
    , m_historyProblem(labels::selectable(this, QStringLiteral("historyProblem"), tr("History problem")))
    , m_killState(labels::selectable(this, QStringLiteral("killSwitchState"), tr("Kill switch state")))
    , m_killDetail(labels::selectable(this, QStringLiteral("killSwitchDetail"), tr("Kill switch details")))
    , m_engage(new QPushButton(tr("&Engage kill switch — flatten…"), this))
    , m_disengage(new QPushButton(tr("&Disengage kill switch…"), this))
{
    setObjectName(QStringLiteral("breakerPage"));
    setAccessibleName(tr("Circuit Breaker"));

    QFont big = m_state->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_state->setFont(big);
    m_state->setAlignment(Qt::AlignCenter);

    m_trip->setObjectName(QStringLiteral("trip"));
    m_trip->setAccessibleName(tr("Trip breaker"));
    m_reset->setObjectName(QStringLiteral("reset"));
    m_reset->setAccessibleName(tr("Reset breaker"));
    m_engage->setObjectName(QStringLiteral("engage"));
    m_engage->setAccessibleName(tr("Engage kill switch"));
    m_disengage->setObjectName(QStringLiteral("disengage"));
    m_disengage->setAccessibleName(tr("Disengage kill switch"));
    for (QPushButton *b : {m_trip, m_reset, m_engage, m_disengage})
        b->setAutoDefault(false);

    m_history->setObjectName(QStringLiteral("breakerHistory"));
    m_history->setAccessibleName(tr("Circuit breaker history"));
    m_history->setModel(controller->historyModel());
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setWordWrap(false);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setSectionResizeMode(BreakerHistoryModel::Reason, QHeaderView::Stretch);
    m_history->horizontalHeader()->setSectionResizeMode(BreakerHistoryModel::ResetReason, QHeaderView::Stretch);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_outcome->hide();
    m_historyProblem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_detail);
    layout->addWidget(m_verified);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_trip);
    actions->addWidget(m_reset);
    actions->addStretch(1);
    layout->addLayout(actions);
    layout->addWidget(m_outcome);
    auto *conditionsBox = new QGroupBox(tr("Reset conditions (from the server)"), this);
    auto *conditionsLayout = new QVBoxLayout(conditionsBox);
    conditionsLayout->addWidget(m_conditions);
    layout->addWidget(conditionsBox);

    auto *killBox = new QGroupBox(tr("Kill switch (flatten all positions)"), this);
    killBox->setObjectName(QStringLiteral("killSwitchPanel"));
    auto *killLayout = new QVBoxLayout(killBox);
    killLayout->addWidget(m_killState);
    killLayout->addWidget(m_killDetail);
    auto *killActions = new QHBoxLayout;
    killActions->addWidget(m_engage);
    killActions->addWidget(m_disengage);
    killActions->addStretch(1);
    killLayout->addLayout(killActions);
    layout->addWidget(killBox);

    auto *historyTitle = new QLabel(tr("&History (last 50 trips, newest first)"), this);
    historyTitle->setBuddy(m_history);
    layout->addWidget(historyTitle);
    layout->addWidget(m_historyProblem);
    layout->addWidget(m_history, 1);

    connect(m_trip, &QPushButton::clicked, this, &BreakerPage::openTripDialog);
    connect(m_reset, &QPushButton::clicked, this, &BreakerPage::openResetDialog);
    connect(m_engage, &QPushButton::clicked, this, &BreakerPage::openEngageDialog);
    connect(m_disengage, &QPushButton::clicked, this, &BreakerPage::openDisengageDialog);
    connect(controller, &BreakerController::changed, this, &BreakerPage::refresh);
    connect(controller, &BreakerController::busyChanged, this, &BreakerPage::refresh);
    if (session) {
        connect(session, &Session::signedIn, this, &BreakerPage::refresh);
        connect(session, &Session::signedOut, this, &BreakerPage::refresh);
    }
    refresh();
}

QString BreakerPage::stateText() const { return m_state->text(); }
QString BreakerPage::detailText() const { return m_detail->text(); }
QString BreakerPage::outcomeText() const { return m_outcome->isHidden() ? QString() : m_outcome->text(); }
QString BreakerPage::killSwitchText() const { return m_killState->text(); }

void BreakerPage::refresh()
{
    if (!m_controller)
        return;
    const BreakerSnapshot s = m_controller->snapshot();
    const QDateTime now = m_controller->clock().nowUtc();
    m_state->setText(BreakerJson::headline(s));
    m_state->setStyleSheet(stateSheet(s.trading));

    QStringList detail;
    if (s.trading == TradingState::Halted) {
        detail << tr("Halted since %1 (%2 ago) by %3.")
                      .arg(timetext::local(s.trippedAt), timetext::duration(s.trippedAt.secsTo(s.serverTime.isValid() ? s.serverTime : now)),
                           orDash(s.trippedBy));
        detail << tr("Reason: %1").arg(orDash(s.tripReason));
    } else if (s.trading == TradingState::Enabled) {
        if (s.resetAt.isValid())
            detail << tr("Enabled since the reset at %1 by %2.").arg(timetext::local(s.resetAt), orDash(s.resetBy));
        else
            detail << tr("Enabled; no reset recorded.");
        if (s.trippedAt.isValid())
            detail << tr("Last trip: %1 by %2: %3").arg(timetext::local(s.trippedAt), orDash(s.trippedBy), orDash(s.tripReason));
    } else {
        detail << tr("Trading must be treated as NOT verified. %1").arg(m_controller->problem());
        const BreakerSnapshot &last = m_controller->lastKnown();
        if (last.trading != TradingState::Unknown && m_controller->lastReadAt().isValid())
            detail << tr("Last known: %1, read %2 ago.")
                          .arg(BreakerJson::headline(last), timetext::duration(m_controller->lastReadAt().secsTo(now)));
    }
    if (s.tripsToday >= 0)
        detail << tr("Trips today: %1").arg(s.tripsToday);
    m_detail->setText(detail.join(QLatin1Char('\n')));

    m_verified->setText(m_controller->isVerified()
                            ? tr("Verified with the server %1 ago · refreshes every 5 s")
                                  .arg(timetext::duration(m_controller->lastReadAt().secsTo(now)))
                            : tr("Not verified · refreshes every 5 s"));

    QStringList lines;
    for (const BreakerCondition &c : s.conditions)
        lines << (c.ok ? tr("✓ %1 — %2") : tr("✗ %1 — %2")).arg(BreakerJson::conditionTitle(c.name), orDash(c.detail));
    m_conditions->setText(lines.isEmpty() ? tr("Not known.") : lines.join(QLatin1Char('\n')));

    const QString historyProblem = m_controller->historyProblem();
    m_historyProblem->setVisible(!historyProblem.isEmpty());
    m_historyProblem->setText(tr("History could not be refreshed: %1").arg(historyProblem));

    const bool busy = m_controller->isBusy() || m_dialog;
    // Halting is the safe direction: allowed when enabled and also when the state is unknown.
    gate(m_trip, !busy && s.trading != TradingState::Halted,
         busy ? tr("Another action is in progress.") : tr("The breaker is already tripped."), QStringLiteral("breaker:trip"));
    const int cooldown = m_controller->resetCooldownSeconds();
    m_reset->setText(cooldown > 0 ? tr("&Reset breaker — enable trading… (available in %1 s)").arg(cooldown)
                                  : tr("&Reset breaker — enable trading…"));
    QString resetWhy;
    if (busy)
        resetWhy = tr("Another action is in progress.");
    else if (s.trading != TradingState::Halted)
        resetWhy = s.trading == TradingState::Unknown ? tr("The state is not verified: reset is only possible from a verified TRIPPED state.")
                                                      : tr("The breaker is not tripped.");
    else if (cooldown > 0)
        resetWhy = tr("Only one reset per minute is allowed (for everyone): available in %1 s.").arg(cooldown);
    gate(m_reset, resetWhy.isEmpty(), resetWhy, QStringLiteral("breaker:reset"));

    const KillSwitchSnapshot k = m_controller->killSwitch();
    m_killState->setText(BreakerJson::killSwitchHeadline(k));
    m_killState->setStyleSheet(killSheet(k.state));
    if (k.state == KillSwitchState::Engaged)
        m_killDetail->setText(tr("Engaged at %1 by %2. Reason: %3").arg(timetext::local(k.engagedAt), orDash(k.engagedBy), orDash(k.reason)));
    else if (k.state == KillSwitchState::Active && k.disengagedAt.isValid())
        m_killDetail->setText(tr("Last disengaged at %1 by %2. Notes: %3").arg(timetext::local(k.disengagedAt), orDash(k.disengagedBy), orDash(k.notes)));
    else if (k.state == KillSwitchState::Active)
        m_killDetail->setText(tr("Never engaged."));
    else
        m_killDetail->setText(tr("The kill switch state could not be read."));
    gate(m_engage, !busy && k.state != KillSwitchState::Engaged,
         busy ? tr("Another action is in progress.") : tr("The kill switch is already engaged."), QStringLiteral("breaker:trip"));
    gate(m_disengage, !busy && k.state == KillSwitchState::Engaged,
         busy ? tr("Another action is in progress.") : tr("The kill switch is not engaged (or not verified)."),
         QStringLiteral("breaker:reset"));
}

void BreakerPage::gate(QPushButton *button, bool stateAllows, const QString &stateWhy, const QString &permission)
{
    const bool permitted = m_session && m_session->hasPermission(permission);
    button->setEnabled(stateAllows && permitted);
    if (!permitted) {
        const QString role = m_session && !m_session->role().isEmpty() ? m_session->role() : tr("not signed in");
        button->setToolTip(tr("Your role (%1) does not have the permission %2.").arg(role, permission));
    } else {
        button->setToolTip(stateAllows ? QString() : stateWhy);
    }
}

void BreakerPage::openTripDialog() { openDialog(Action::Trip); }
void BreakerPage::openResetDialog() { openDialog(Action::Reset); }
void BreakerPage::openEngageDialog() { openDialog(Action::Engage); }
void BreakerPage::openDisengageDialog() { openDialog(Action::Disengage); }

void BreakerPage::openDialog(Action action)
{
    if (m_dialog || !m_controller)
        return;
    // The button may reflect a state that stopped being verified a moment ago: check again.
    const BreakerSnapshot now = m_controller->snapshot();
    QString refusal;
    if (action == Action::Reset && (now.trading != TradingState::Halted || m_controller->resetCooldownSeconds() > 0))
        refusal = tr("Reset is only possible from a verified TRIPPED state outside the one-minute window.");
    else if (action == Action::Disengage && m_controller->killSwitch().state != KillSwitchState::Engaged)
        refusal = tr("Disengage is only possible while the kill switch is verified as ENGAGED.");
    if (!refusal.isEmpty()) {
        BreakerController::Outcome o;
        o.kind = BreakerController::Outcome::Kind::Refused;
        o.message = refusal;
        showOutcome(o);
        return;
    }
    const QString env = m_profile.environment.isEmpty() ? m_profile.name : m_profile.environment;
    ConfirmActionSpec spec;
    spec.environmentName = m_profile.isProduction() ? env : QString();
    spec.reasonLabel = tr("Reason");
    switch (action) {
    case Action::Trip:
        spec.title = tr("Trip circuit breaker — %1").arg(env);
        spec.headline = tr("Halt trading on %1: the breaker goes to TRIPPED.").arg(env);
        spec.effect = tr("All new trading orders will be blocked immediately (risk-reducing orders only).");
        spec.confirmLabel = tr("Trip breaker — halt trading");
        spec.categories = {QStringLiteral("MANUAL"), QStringLiteral("DATA_STALE"), QStringLiteral("BROKER_ERRORS"),
                           QStringLiteral("OTHER")};
        break;
    case Action::Reset:
        spec.title = tr("Reset circuit breaker — %1").arg(env);
        spec.headline = tr("Enable trading on %1 again: the breaker goes to OPEN.").arg(env);
        spec.effect = tr("New trading orders will be accepted again immediately.");
        spec.confirmLabel = tr("Reset breaker — enable trading");
        spec.showConditions = true;
        spec.conditions = m_controller->snapshot().conditions;
        break;
    case Action::Engage:
        spec.title = tr("Engage kill switch — %1").arg(env);
        spec.headline = tr("Flatten on %1: the kill switch goes to ENGAGED.").arg(env);
        spec.effect = tr("All open positions will be flattened and trading stops.");
        spec.confirmLabel = tr("Engage kill switch — flatten");
        break;
    case Action::Disengage:
        spec.title = tr("Disengage kill switch — %1").arg(env);
        spec.headline = tr("Release the kill switch on %1: it goes to ACTIVE.").arg(env);
        spec.effect = tr("Trading may resume; positions are not restored.");
        spec.confirmLabel = tr("Disengage kill switch");
        spec.reasonLabel = tr("Notes");
        break;
    }
    auto *dialog = new ConfirmActionDialog(spec, m_controller->clock(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &ConfirmActionDialog::confirmed, this, [this, action] { submit(action); });
    // Closed means done, whenever the dialog object itself goes away.
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (m_dialog == dialog)
            m_dialog = nullptr;
        refresh();
    });
    dialog->open();
    refresh();
}

void BreakerPage::submit(Action action)
{
    ConfirmActionDialog *dialog = m_dialog;
    if (!dialog || !m_controller)
        return;
    auto onOutcome = [this, dialog = QPointer<ConfirmActionDialog>(dialog)](const BreakerController::Outcome &o) {
        showOutcome(o);
        if (!dialog)
            return;
        switch (o.kind) {
        case BreakerController::Outcome::Kind::Done:
        case BreakerController::Outcome::Kind::Unchanged:
            dialog->setBusy(false);
            dialog->accept();
            break;
        case BreakerController::Outcome::Kind::RateLimited:
            dialog->showRateLimit(o.retryAfterSeconds, o.message);
            break;
        default:
            dialog->showFailure(o.message);
            break;
        }
    };
    bool sent = false;
    const QString key = dialog->idempotencyKey();
    switch (action) {
    case Action::Trip:
        sent = m_controller->trip(key, dialog->category(), dialog->reason(), this, onOutcome);
        break;
    case Action::Reset:
        sent = m_controller->reset(key, dialog->reason(), dialog->acceptedFailingConditions(), this, onOutcome);
        break;
    case Action::Engage:
        sent = m_controller->engageKillSwitch(key, dialog->reason(), this, onOutcome);
        break;
    case Action::Disengage:
        sent = m_controller->disengageKillSwitch(key, dialog->reason(), this, onOutcome);
        break;
    }
    if (!sent)
        dialog->showFailure(tr("Another action is still being sent; wait for its result."));
}

void BreakerPage::showOutcome(const BreakerController::Outcome &outcome)
{
    m_outcome->setText(outcome.message);
    const bool good = outcome.kind == BreakerController::Outcome::Kind::Done
                      || outcome.kind == BreakerController::Outcome::Kind::Unchanged;
    m_outcome->setStyleSheet(good ? QStringLiteral("color: #1b5e20; font-weight: bold;")
                                  : QStringLiteral("color: #b71c1c; font-weight: bold;"));
    m_outcome->show();
    refresh();
}

BreakerStatusLabel::BreakerStatusLabel(BreakerController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("breakerStatus"));
    setAccessibleName(tr("Circuit breaker state"));
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    connect(controller, &BreakerController::changed, this, &BreakerStatusLabel::refresh);
    refresh();
}

QString BreakerStatusLabel::text() const
{
    return m_label->text();
}

void BreakerStatusLabel::refresh()
{
    if (!m_controller)
        return;
    const BreakerSnapshot s = m_controller->snapshot();
    const QString text = s.trading == TradingState::Unknown ? tr("Breaker: UNKNOWN") : tr("Breaker: %1").arg(BreakerJson::headline(s));
    m_label->setText(text);
    m_label->setAccessibleName(text);
    QString sheet = stateSheet(s.trading);
    sheet.replace(QStringLiteral("padding: 10px"), QStringLiteral("padding: 1px 6px"));
    m_label->setStyleSheet(sheet);
}

} // namespace ops
