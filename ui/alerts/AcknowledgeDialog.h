#pragma once

#include "alerts/AlertEvent.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ops {

// Acknowledging one open alert event: the event, a note with a live counter of visible characters
// (at least AlertsClient::MinimumNoteLength, counted like the breaker's reasons) and the server's
// answer inline when it refuses (422 note too short, 409 no longer open, 403, …). Focus starts on
// the note; Enter never confirms; everything typed stays after a refusal.
class AcknowledgeDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AcknowledgeDialog(const AlertEvent &event, QWidget *parent = nullptr);

    [[nodiscard]] const AlertEvent &event() const { return m_event; }
    [[nodiscard]] QString note() const; // normalised
    [[nodiscard]] bool canConfirm() const;
    [[nodiscard]] bool isBusy() const { return m_busy; }
    void setBusy(bool busy);
    // The server did not do it: say why inline, keep the note, allow another try.
    void showFailure(const QString &message);

    [[nodiscard]] QPlainTextEdit *noteEdit() const { return m_note; }
    [[nodiscard]] QPushButton *confirmButton() const { return m_confirm; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QString counterText() const;
    [[nodiscard]] QString messageText() const;

signals:
    void confirmed();

public slots:
    void reject() override;

private:
    void updateState();

    AlertEvent m_event;
    QPlainTextEdit *m_note;
    QLabel *m_counter;
    QLabel *m_message;
    QPushButton *m_confirm;
    QPushButton *m_cancel;
    bool m_busy = false;
};

} // namespace ops
