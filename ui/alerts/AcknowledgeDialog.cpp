#include "alerts/AcknowledgeDialog.h"

#include "alerts/AlertsClient.h"
#include "breaker/ReasonText.h"
#include "common/Labels.h"
#include "core/TimeText.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops {

AcknowledgeDialog::AcknowledgeDialog(const AlertEvent &event, QWidget *parent)
    : QDialog(parent)
    , m_event(event)
    , m_note(new QPlainTextEdit(this))
    , m_counter(labels::wrapped({}, this, QStringLiteral("noteCounter")))
    , m_message(labels::wrapped({}, this, QStringLiteral("message")))
    , m_confirm(new QPushButton(tr("&Acknowledge"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("acknowledgeDialog"));
    setWindowTitle(tr("Acknowledge alert event"));
    setAccessibleName(windowTitle());
    setModal(true);
    setMinimumWidth(520);

    auto *headline = labels::wrapped(tr("Acknowledge alert event #%1").arg(event.id), this, QStringLiteral("headline"));
    QFont big = headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    headline->setFont(big);
    headline->setAccessibleName(tr("What will happen"));

    auto *facts = new QFormLayout;
    const auto fact = [this, facts](const QString &label, const QString &value, const QString &name) {
        QLabel *v = labels::selectable(this, name, label);
        v->setText(value.isEmpty() ? QStringLiteral("—") : value);
        facts->addRow(label + QLatin1Char(':'), v);
    };
    fact(tr("Severity"), AlertEventJson::severityTitle(event.severity), QStringLiteral("severity"));
    fact(tr("Rule"), event.rule, QStringLiteral("rule"));
    fact(tr("Fired at"), timetext::local(event.firedAt), QStringLiteral("firedAt"));
    fact(tr("Message"), event.message, QStringLiteral("eventMessage"));

    m_note->setObjectName(QStringLiteral("note"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("At least %1 visible characters: what you found and what is being done.")
                                   .arg(AlertsClient::MinimumNoteLength));
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    auto *noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    m_counter->setAccessibleName(tr("Visible characters in the note"));
    auto *noteBox = new QVBoxLayout;
    noteBox->addWidget(m_note);
    noteBox->addWidget(m_counter);
    facts->addRow(noteLabel, noteBox);

    m_message->setAccessibleName(tr("Result"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_message->hide();

    // Enter never confirms: no default button.
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_confirm->setAccessibleName(tr("Acknowledge"));
    m_confirm->setAutoDefault(false);
    m_confirm->setDefault(false);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_confirm);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline);
    layout->addLayout(facts);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    setTabOrder(m_note, m_cancel);
    setTabOrder(m_cancel, m_confirm);

    connect(m_note, &QPlainTextEdit::textChanged, this, &AcknowledgeDialog::updateState);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        if (!canConfirm())
            return;
        setBusy(true); // before anyone can click again
        m_message->hide();
        emit confirmed();
    });
    connect(m_cancel, &QPushButton::clicked, this, &AcknowledgeDialog::reject);
    updateState();
    m_note->setFocus(Qt::OtherFocusReason);
}

QString AcknowledgeDialog::note() const
{
    return reason::normalised(m_note->toPlainText());
}

bool AcknowledgeDialog::canConfirm() const
{
    return !m_busy && reason::visibleLength(m_note->toPlainText()) >= AlertsClient::MinimumNoteLength;
}

QString AcknowledgeDialog::counterText() const
{
    return m_counter->text();
}

QString AcknowledgeDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void AcknowledgeDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void AcknowledgeDialog::showFailure(const QString &message)
{
    m_busy = false;
    m_message->setText(message);
    m_message->show();
    updateState();
}

void AcknowledgeDialog::updateState()
{
    const int n = reason::visibleLength(m_note->toPlainText());
    const int min = AlertsClient::MinimumNoteLength;
    const bool enough = n >= min;
    m_counter->setText(enough ? tr("%1/%2 ✓").arg(n).arg(min)
                              : tr("%1/%2 — at least %2 visible characters").arg(n).arg(min));
    m_counter->setStyleSheet(enough ? QStringLiteral("color: #1b5e20;") : QStringLiteral("color: #b71c1c;"));
    m_confirm->setText(m_busy ? tr("Sending…") : tr("&Acknowledge"));
    m_confirm->setEnabled(canConfirm());
    m_confirm->setToolTip(enough || m_busy ? QString() : tr("The note needs at least %1 visible characters.").arg(min));
    m_note->setReadOnly(m_busy);
    m_cancel->setEnabled(!m_busy);
}

void AcknowledgeDialog::reject()
{
    if (m_busy)
        return;
    QDialog::reject();
}

} // namespace ops
