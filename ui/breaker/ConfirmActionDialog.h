#pragma once

#include "breaker/BreakerState.h"
#include "core/Clock.h"

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ops {

// What one dangerous action's confirmation asks for.
struct ConfirmActionSpec
{
    QString title;                     // window title, e.g. "Trip circuit breaker"
    QString headline;                  // what is about to happen, in one line
    QString effect;                    // the acknowledgement states the effect in these words
    QString confirmLabel;              // the confirm button names the action
    QString reasonLabel;               // "Reason" or "Notes"
    QStringList categories;            // empty: no category selector
    QString environmentName;           // non-empty (production): must be typed to confirm
    QList<BreakerCondition> conditions; // shown as a checklist; failing ones need an extra tick
    bool showConditions = false;
};

// The confirmation for trip, reset, engage and disengage. The confirm button (labelled with the
// action) stays disabled until the reason has 20 visible characters, the effect is acknowledged,
// failing conditions are accepted and, in production, the environment's name is typed. Focus
// starts on Cancel and Enter never confirms. One click sends one request: the dialog goes busy
// before it emits confirmed(), so double clicks and key repeats fall on a disabled button. On a
// failure everything typed stays; the idempotency key lives as long as the dialog, so sending
// again after an unclear outcome can never act twice.
class ConfirmActionDialog final : public QDialog
{
    Q_OBJECT
public:
    ConfirmActionDialog(const ConfirmActionSpec &spec, const Clock &clock = Clock::system(), QWidget *parent = nullptr);

    [[nodiscard]] QString reason() const;
    [[nodiscard]] QString category() const;
    [[nodiscard]] QString idempotencyKey() const { return m_idempotencyKey; }
    [[nodiscard]] QStringList acceptedFailingConditions() const;
    [[nodiscard]] bool canConfirm() const;
    [[nodiscard]] bool isBusy() const { return m_busy; }

    void setBusy(bool busy);
    // The request did not do what was asked: say why, keep every input, allow another try.
    void showFailure(const QString &message);
    // 429: the confirm button counts down and stays disabled until the window has passed.
    void showRateLimit(int seconds, const QString &message);
    [[nodiscard]] int rateLimitSecondsLeft() const;

    [[nodiscard]] QPushButton *confirmButton() const { return m_confirm; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QPlainTextEdit *reasonEdit() const { return m_reason; }
    [[nodiscard]] QComboBox *categoryBox() const { return m_category; }
    [[nodiscard]] QCheckBox *acknowledgement() const { return m_ack; }
    [[nodiscard]] QCheckBox *conditionsOverride() const { return m_override; }
    [[nodiscard]] QLineEdit *environmentEdit() const { return m_environment; }
    [[nodiscard]] QString counterText() const;
    [[nodiscard]] QString messageText() const;

signals:
    void confirmed();

public slots:
    void reject() override;

private:
    void updateState();
    void onConfirmClicked();

    ConfirmActionSpec m_spec;
    const Clock &m_clock;
    QString m_idempotencyKey;
    QComboBox *m_category = nullptr;
    QPlainTextEdit *m_reason;
    QLabel *m_counter;
    QCheckBox *m_ack;
    QCheckBox *m_override = nullptr;
    QLineEdit *m_environment = nullptr;
    QLabel *m_message;
    QPushButton *m_confirm;
    QPushButton *m_cancel;
    QTimer m_countdown;
    QDateTime m_blockedUntil;
    bool m_busy = false;
};

} // namespace ops
