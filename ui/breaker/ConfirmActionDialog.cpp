#include "breaker/ConfirmActionDialog.h"

#include "breaker/BreakerController.h"
#include "breaker/ReasonText.h"
#include "common/Labels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops {

namespace {


QString categoryText(const QString &code)
{
    if (code == QLatin1String("MANUAL"))
        return ConfirmActionDialog::tr("Manual intervention (MANUAL)");
    if (code == QLatin1String("DATA_STALE"))
        return ConfirmActionDialog::tr("Market data stale (DATA_STALE)");
    if (code == QLatin1String("BROKER_ERRORS"))
        return ConfirmActionDialog::tr("Broker errors (BROKER_ERRORS)");
    if (code == QLatin1String("OTHER"))
        return ConfirmActionDialog::tr("Other (OTHER)");
    return code;
}

} // namespace

ConfirmActionDialog::ConfirmActionDialog(const ConfirmActionSpec &spec, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_spec(spec)
    , m_clock(clock)
    , m_idempotencyKey(BreakerController::newIdempotencyKey())
    , m_reason(new QPlainTextEdit(this))
    , m_counter(labels::wrapped({}, this, QStringLiteral("reasonCounter")))
    , m_ack(new QCheckBox(this))
    , m_message(labels::wrapped({}, this, QStringLiteral("message")))
    , m_confirm(new QPushButton(spec.confirmLabel, this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("confirmActionDialog"));
    setWindowTitle(spec.title);
    setAccessibleName(spec.title);
    setModal(true);
    setMinimumWidth(520);

    auto *layout = new QVBoxLayout(this);
    auto *headline = labels::wrapped(spec.headline, this, QStringLiteral("headline"));
    QFont big = headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    headline->setFont(big);
    headline->setAccessibleName(tr("What will happen"));
    layout->addWidget(headline);

    if (spec.showConditions) {
        auto *title = labels::wrapped(tr("Conditions reported by the server:"), this, QStringLiteral("conditionsTitle"));
        layout->addWidget(title);
        if (spec.conditions.isEmpty())
            layout->addWidget(labels::wrapped(tr("✗ The server reported no conditions: treat them as not checked."), this,
                                      QStringLiteral("condition")));
        bool anyFailing = spec.conditions.isEmpty();
        for (const BreakerCondition &c : spec.conditions) {
            const QString line = (c.ok ? tr("✓ %1 — %2") : tr("✗ %1 — %2"))
                                     .arg(BreakerJson::conditionTitle(c.name), c.detail.isEmpty() ? tr("no detail") : c.detail);
            auto *label = labels::wrapped(line, this, QStringLiteral("condition"));
            label->setAccessibleName(c.ok ? tr("Condition met: %1").arg(BreakerJson::conditionTitle(c.name))
                                          : tr("Condition FAILING: %1").arg(BreakerJson::conditionTitle(c.name)));
            if (!c.ok)
                label->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
            layout->addWidget(label);
            anyFailing = anyFailing || !c.ok;
        }
        if (anyFailing) {
            m_override = new QCheckBox(tr("I have reviewed the &failing conditions above and still want to go ahead"), this);
            m_override->setObjectName(QStringLiteral("conditionsOverride"));
            m_override->setAccessibleName(tr("Accept failing conditions"));
            layout->addWidget(m_override);
        }
    }

    auto *form = new QFormLayout;
    if (!spec.categories.isEmpty()) {
        m_category = new QComboBox(this);
        m_category->setObjectName(QStringLiteral("category"));
        m_category->setAccessibleName(tr("Reason category"));
        for (const QString &code : spec.categories)
            m_category->addItem(categoryText(code), code);
        auto *label = new QLabel(tr("Cate&gory:"), this);
        label->setBuddy(m_category);
        form->addRow(label, m_category);
    }
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setAccessibleName(spec.reasonLabel);
    m_reason->setTabChangesFocus(true);
    m_reason->setPlaceholderText(tr("At least 20 visible characters: what happened and why this is needed."));
    m_reason->setFixedHeight(m_reason->fontMetrics().lineSpacing() * 4 + 12);
    auto *reasonLabel = new QLabel(tr("&%1:").arg(spec.reasonLabel), this);
    reasonLabel->setBuddy(m_reason);
    auto *reasonBox = new QVBoxLayout;
    reasonBox->addWidget(m_reason);
    m_counter->setAccessibleName(tr("Visible characters in the reason"));
    reasonBox->addWidget(m_counter);
    form->addRow(reasonLabel, reasonBox);
    if (!spec.environmentName.isEmpty()) {
        m_environment = new QLineEdit(this);
        m_environment->setObjectName(QStringLiteral("environmentName"));
        m_environment->setAccessibleName(tr("Type the environment name to confirm"));
        auto *label = new QLabel(tr("Type \"%1\" to &confirm:").arg(spec.environmentName), this);
        label->setBuddy(m_environment);
        label->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
        form->addRow(label, m_environment);
        connect(m_environment, &QLineEdit::textChanged, this, &ConfirmActionDialog::updateState);
    }
    layout->addLayout(form);

    m_ack->setText(tr("I &understand: %1").arg(spec.effect));
    m_ack->setObjectName(QStringLiteral("acknowledgement"));
    m_ack->setAccessibleName(tr("Acknowledge the effect"));
    layout->addWidget(m_ack);

    m_message->setAccessibleName(tr("Result"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_message->hide();
    layout->addWidget(m_message);

    // Enter never confirms: neither button is a default button, and focus starts on Cancel.
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_confirm->setAccessibleName(spec.confirmLabel);
    m_confirm->setAutoDefault(false);
    m_confirm->setDefault(false);
    m_confirm->setStyleSheet(QStringLiteral("QPushButton:enabled { background: #b71c1c; color: white; font-weight: bold; padding: 4px 12px; }"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_confirm);
    layout->addLayout(buttons);

    // Tab follows the screen: conditions, category, reason, environment, acknowledgement, buttons.
    QList<QWidget *> order;
    if (m_override)
        order << m_override;
    if (m_category)
        order << m_category;
    order << m_reason;
    if (m_environment)
        order << m_environment;
    order << m_ack << m_cancel << m_confirm;
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &ConfirmActionDialog::updateState);
    connect(m_ack, &QCheckBox::toggled, this, &ConfirmActionDialog::updateState);
    if (m_override)
        connect(m_override, &QCheckBox::toggled, this, &ConfirmActionDialog::updateState);
    connect(m_confirm, &QPushButton::clicked, this, &ConfirmActionDialog::onConfirmClicked);
    connect(m_cancel, &QPushButton::clicked, this, &ConfirmActionDialog::reject);
    m_countdown.setInterval(250);
    connect(&m_countdown, &QTimer::timeout, this, &ConfirmActionDialog::updateState);

    updateState();
    m_cancel->setFocus(Qt::OtherFocusReason);
}

QString ConfirmActionDialog::reason() const
{
    return reason::normalised(m_reason->toPlainText());
}

QString ConfirmActionDialog::category() const
{
    return m_category ? m_category->currentData().toString() : QString();
}

QStringList ConfirmActionDialog::acceptedFailingConditions() const
{
    QStringList names;
    if (!m_override || !m_override->isChecked())
        return names;
    if (m_spec.conditions.isEmpty())
        return {QStringLiteral("conditions_not_reported")};
    for (const BreakerCondition &c : m_spec.conditions)
        if (!c.ok)
            names << c.name;
    return names;
}

int ConfirmActionDialog::rateLimitSecondsLeft() const
{
    if (!m_blockedUntil.isValid())
        return 0;
    const qint64 ms = m_clock.nowUtc().msecsTo(m_blockedUntil);
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

bool ConfirmActionDialog::canConfirm() const
{
    if (m_busy || rateLimitSecondsLeft() > 0)
        return false;
    if (!reason::isSufficient(m_reason->toPlainText()) || !m_ack->isChecked())
        return false;
    if (m_override && !m_override->isChecked())
        return false;
    if (m_environment && m_environment->text() != m_spec.environmentName)
        return false;
    return true;
}

QString ConfirmActionDialog::counterText() const
{
    return m_counter->text();
}

QString ConfirmActionDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ConfirmActionDialog::updateState()
{
    const int n = reason::visibleLength(m_reason->toPlainText());
    const bool enough = n >= reason::MinimumVisibleLength;
    m_counter->setText(enough ? tr("%1/%2 ✓").arg(n).arg(reason::MinimumVisibleLength)
                              : tr("%1/%2 — at least %2 visible characters").arg(n).arg(reason::MinimumVisibleLength));
    m_counter->setStyleSheet(enough ? QStringLiteral("color: #1b5e20;") : QStringLiteral("color: #b71c1c;"));

    const int left = rateLimitSecondsLeft();
    if (m_busy)
        m_confirm->setText(tr("Sending…"));
    else if (left > 0)
        m_confirm->setText(tr("%1 (available in %2 s)").arg(m_spec.confirmLabel).arg(left));
    else
        m_confirm->setText(m_spec.confirmLabel);
    if (left == 0 && m_countdown.isActive() && !m_busy)
        m_countdown.stop();
    m_confirm->setAccessibleName(m_confirm->text().remove(QLatin1Char('&')));
    // Styled buttons do not grow with their text on their own: never clip the action's name.
    QFont bold = m_confirm->font();
    bold.setBold(true);
    m_confirm->setMinimumWidth(QFontMetrics(bold).horizontalAdvance(m_confirm->text()) + 36);
    m_confirm->setEnabled(canConfirm());

    const bool editable = !m_busy;
    m_reason->setReadOnly(!editable);
    m_ack->setEnabled(editable);
    if (m_category)
        m_category->setEnabled(editable);
    if (m_override)
        m_override->setEnabled(editable);
    if (m_environment)
        m_environment->setReadOnly(!editable);
    m_cancel->setEnabled(editable);
}

void ConfirmActionDialog::onConfirmClicked()
{
    if (!canConfirm())
        return;
    setBusy(true); // before anyone can click again
    m_message->hide();
    emit confirmed();
}

void ConfirmActionDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void ConfirmActionDialog::showFailure(const QString &message)
{
    m_busy = false;
    m_message->setText(message);
    m_message->show();
    updateState();
}

void ConfirmActionDialog::showRateLimit(int seconds, const QString &message)
{
    m_blockedUntil = m_clock.nowUtc().addSecs(std::max(1, seconds));
    m_countdown.start();
    showFailure(message);
}

void ConfirmActionDialog::reject()
{
    // While a request is on its way the answer must reach the operator: closing is refused.
    if (m_busy)
        return;
    QDialog::reject();
}

} // namespace ops
