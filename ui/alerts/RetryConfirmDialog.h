#pragma once

#include "alerts/AlertDelivery.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;

namespace ops {

// The confirmation before poisoned deliveries are retried: how many, on which channels, which
// ones (the first few), and what a retry does. No reason is asked for (the audit log records who
// and what). Focus starts on Cancel and Enter never confirms; once confirmed the dialog is busy
// (cannot be closed, shows "Retrying 2 of 5…") until the page says the batch is over.
class RetryConfirmDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr int ListedAtMost = 10;

    explicit RetryConfirmDialog(const QList<AlertDelivery> &deliveries, QWidget *parent = nullptr);

    [[nodiscard]] const QList<AlertDelivery> &deliveries() const { return m_deliveries; }
    // "2 × Email, 1 × SMS".
    [[nodiscard]] static QString channelSummary(const QList<AlertDelivery> &deliveries);

    void setBusy(bool busy);
    void setProgress(int sent, int total);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    [[nodiscard]] QPushButton *confirmButton() const { return m_confirm; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QString headlineText() const;
    [[nodiscard]] QString channelsText() const;

signals:
    void confirmed();

public slots:
    void reject() override;

private:
    void updateState();

    QList<AlertDelivery> m_deliveries;
    QLabel *m_headline;
    QLabel *m_channels;
    QLabel *m_progress;
    QPushButton *m_confirm;
    QPushButton *m_cancel;
    QString m_confirmLabel;
    bool m_busy = false;
};

} // namespace ops
