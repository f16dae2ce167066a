#pragma once

#include "breaker/BreakerController.h"
#include "breaker/ConfirmActionDialog.h"
#include "profiles/ConnectionProfile.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace ops {

class Session;

// The Circuit Breaker page: the state in words and colour (never "enabled" unless verified in the
// last 10 s), since when / by whom / why / trips today, the reset conditions, the history (last
// 50, newest first), Trip and Reset with their confirmation dialogs and the reset countdown, and
// the kill switch panel with Engage and Disengage under the same rules.
class BreakerPage final : public QWidget
{
    Q_OBJECT
public:
    BreakerPage(BreakerController *controller, Session *session, const ConnectionProfile &profile,
                QWidget *parent = nullptr);

    [[nodiscard]] QString stateText() const;
    [[nodiscard]] QString detailText() const;
    [[nodiscard]] QString outcomeText() const;
    [[nodiscard]] QString killSwitchText() const;
    [[nodiscard]] QPushButton *tripButton() const { return m_trip; }
    [[nodiscard]] QPushButton *resetButton() const { return m_reset; }
    [[nodiscard]] QPushButton *engageButton() const { return m_engage; }
    [[nodiscard]] QPushButton *disengageButton() const { return m_disengage; }
    [[nodiscard]] QTableView *historyView() const { return m_history; }
    // The confirmation dialog that is open now, if any.
    [[nodiscard]] ConfirmActionDialog *activeDialog() const { return m_dialog; }

    void openTripDialog();
    void openResetDialog();
    void openEngageDialog();
    void openDisengageDialog();

private:
    using Action = BreakerController::Action;
    void refresh();
    void openDialog(Action action);
    void submit(Action action);
    void showOutcome(const BreakerController::Outcome &outcome);
    // Enabled when the state allows it and the signed-in user has the permission; the tooltip
    // says which of the two is missing.
    void gate(QPushButton *button, bool stateAllows, const QString &stateWhy, const QString &permission);

    QPointer<BreakerController> m_controller;
    QPointer<Session> m_session;
    ConnectionProfile m_profile;
    QLabel *m_state;
    QLabel *m_detail;
    QLabel *m_verified;
    QLabel *m_conditions;
    QLabel *m_outcome;
    QPushButton *m_trip;
    QPushButton *m_reset;
    QTableView *m_history;
    QLabel *m_historyProblem;
    QLabel *m_killState;
    QLabel *m_killDetail;
    QPushButton *m_engage;
    QPushButton *m_disengage;
    QPointer<ConfirmActionDialog> m_dialog;
};

// The breaker's state for the status bar: always on screen, same words and colours.
class BreakerStatusLabel final : public QWidget
{
    Q_OBJECT
public:
    explicit BreakerStatusLabel(BreakerController *controller, QWidget *parent = nullptr);
    [[nodiscard]] QString text() const;

private:
    void refresh();
    QPointer<BreakerController> m_controller;
    QLabel *m_label;
};

} // namespace ops
