#include "alerts/RetryConfirmDialog.h"

#include "common/Labels.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops {

RetryConfirmDialog::RetryConfirmDialog(const QList<AlertDelivery> &deliveries, QWidget *parent)
    : QDialog(parent)
    , m_deliveries(deliveries)
    , m_headline(labels::wrapped({}, this, QStringLiteral("headline")))
    , m_channels(labels::wrapped({}, this, QStringLiteral("channels")))
    , m_progress(labels::wrapped({}, this, QStringLiteral("progress")))
    , m_confirm(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    const int n = int(deliveries.size());
    setObjectName(QStringLiteral("retryConfirmDialog"));
    setWindowTitle(tr("Retry poisoned deliveries"));
    setAccessibleName(windowTitle());
    setModal(true);
    setMinimumWidth(520);

    m_headline->setText(n == 1 ? tr("Retry 1 poisoned delivery?") : tr("Retry %n poisoned deliveries?", nullptr, n));
    QFont big = m_headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_headline->setFont(big);
    m_headline->setAccessibleName(tr("What will happen"));

    m_channels->setText(tr("Channels: %1").arg(channelSummary(deliveries)));
    m_channels->setAccessibleName(tr("Channels"));

    QStringList lines;
    for (qsizetype i = 0; i < deliveries.size() && i < ListedAtMost; ++i) {
        const AlertDelivery &d = deliveries.at(i);
        lines << tr("#%1 %2 to %3 — %4")
                     .arg(d.id)
                     .arg(AlertDeliveryText::channelTitle(d.channel), AlertDeliveryText::recipient(d.recipient),
                          d.errorMessage.isEmpty() ? tr("no error recorded") : AlertDeliveryText::errorLine(d.errorMessage));
    }
    if (deliveries.size() > ListedAtMost)
        lines << tr("… and %n more", nullptr, int(deliveries.size() - ListedAtMost));
    auto *list = labels::wrapped(lines.join(QLatin1Char('\n')), this, QStringLiteral("deliveryList"));
    list->setAccessibleName(tr("Deliveries to retry"));
    list->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *effect = labels::wrapped(
        tr("Each delivery goes back to pending with its attempts set to 0, and the delivery worker tries it again "
           "within its channel's rate limit. Each retry is one request and is recorded in the audit log under your "
           "name."),
        this, QStringLiteral("effect"));
    effect->setAccessibleName(tr("Effect"));

    m_progress->setAccessibleName(tr("Progress"));
    m_progress->hide();

    m_confirmLabel = n == 1 ? tr("&Retry 1 delivery") : tr("&Retry %n deliveries", nullptr, n);
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_confirm->setAutoDefault(false);
    m_confirm->setDefault(false);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setAutoDefault(false);
    m_cancel->setDefault(false);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_confirm);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_channels);
    layout->addWidget(list);
    layout->addWidget(effect);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    layout->addLayout(buttons);
    setTabOrder(m_cancel, m_confirm);

    connect(m_confirm, &QPushButton::clicked, this, [this] {
        if (m_busy || m_deliveries.isEmpty())
            return;
        setBusy(true); // before anyone can click again
        emit confirmed();
    });
    connect(m_cancel, &QPushButton::clicked, this, &RetryConfirmDialog::reject);
    updateState();
    m_cancel->setFocus(Qt::OtherFocusReason);
}

QString RetryConfirmDialog::channelSummary(const QList<AlertDelivery> &deliveries)
{
    QMap<QString, int> counts;
    for (const AlertDelivery &d : deliveries)
        ++counts[d.channel];
    QStringList parts;
    // The known channels in a fixed order, then anything else.
    for (const QString &c : AlertDeliveryText::channels())
        if (counts.contains(c))
            parts << tr("%1 × %2").arg(counts.take(c)).arg(AlertDeliveryText::channelTitle(c));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << tr("%1 × %2").arg(it.value()).arg(it.key().isEmpty() ? tr("unknown channel") : it.key());
    return parts.join(QStringLiteral(", "));
}

QString RetryConfirmDialog::headlineText() const
{
    return m_headline->text();
}

QString RetryConfirmDialog::channelsText() const
{
    return m_channels->text();
}

void RetryConfirmDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        setProgress(0, int(m_deliveries.size()));
    else
        m_progress->hide();
    updateState();
}

void RetryConfirmDialog::setProgress(int sent, int total)
{
    m_progress->setText(tr("%1 of %2 answered…").arg(sent).arg(total));
    m_progress->show();
    if (m_busy)
        m_confirm->setText(tr("Retrying %1 of %2…").arg(qMin(sent + 1, total)).arg(total));
    m_confirm->setAccessibleName(m_confirm->text().remove(QLatin1Char('&')));
}

void RetryConfirmDialog::updateState()
{
    if (!m_busy)
        m_confirm->setText(m_confirmLabel);
    m_confirm->setAccessibleName(m_confirm->text().remove(QLatin1Char('&')));
    m_confirm->setEnabled(!m_busy && !m_deliveries.isEmpty());
    m_cancel->setEnabled(!m_busy);
}

void RetryConfirmDialog::reject()
{
    // While the requests are on their way the answers must reach the operator: closing is refused.
    if (m_busy)
        return;
    QDialog::reject();
}

} // namespace ops
