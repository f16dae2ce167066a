#include "config/ConfigPreviewDialog.h"

#include "config/ConfigDiffModel.h"
#include "common/Labels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ops {

ConfigPreviewDialog::ConfigPreviewDialog(const QString &documentTitle, int baseVersion,
                                         const QList<ConfigChange> &changes, const QString &headline, QWidget *parent)
    : QDialog(parent)
    , m_model(new ConfigDiffModel(this))
    , m_summary(labels::wrapped({}, this, QStringLiteral("summary")))
    , m_view(new QTableView(this))
    , m_message(labels::wrapped({}, this, QStringLiteral("message")))
    , m_apply(new QPushButton(tr("&Apply changes"), this))
    , m_cancel(new QPushButton(tr("&Back to editing"), this))
{
    setObjectName(QStringLiteral("configPreviewDialog"));
    setWindowTitle(tr("Preview changes — %1").arg(documentTitle));
    setAccessibleName(windowTitle());
    setModal(true);
    setMinimumWidth(560);

    m_model->setHeaderLabels(tr("Version %1").arg(baseVersion), tr("After applying"));
    m_model->setChanges(changes);

    auto *layout = new QVBoxLayout(this);
    if (!headline.isEmpty()) {
        auto *head = labels::wrapped(headline, this, QStringLiteral("headline"));
        head->setAccessibleName(tr("Note"));
        layout->addWidget(head);
    }
    m_summary->setAccessibleName(tr("Summary of the changes"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    if (changes.isEmpty())
        m_summary->setText(tr("No changes: the form matches version %1 of %2. There is nothing to apply.")
                               .arg(baseVersion)
                               .arg(documentTitle));
    else
        m_summary->setText(tr("Applying changes these fields of %1 (from version %2):").arg(documentTitle).arg(baseVersion));
    layout->addWidget(m_summary);

    m_view->setObjectName(QStringLiteral("diff"));
    m_view->setAccessibleName(tr("Changes: field, old value, new value"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->setVisible(!changes.isEmpty());
    if (!changes.isEmpty())
        m_view->setCurrentIndex(m_model->index(0, 0));
    layout->addWidget(m_view, 1);

    m_message->setAccessibleName(tr("Result"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_message->hide();
    layout->addWidget(m_message);

    // Enter never applies: neither button is a default button.
    m_apply->setObjectName(QStringLiteral("apply"));
    m_apply->setAccessibleName(tr("Apply changes"));
    m_apply->setAutoDefault(false);
    m_apply->setDefault(false);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Back to editing"));
    m_cancel->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_apply);
    layout->addLayout(buttons);
    setTabOrder(m_view, m_cancel);
    setTabOrder(m_cancel, m_apply);

    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (m_busy || m_model->rowCount() == 0)
            return;
        setBusy(true); // before anyone can click again
        m_message->hide();
        emit applyRequested();
    });
    connect(m_cancel, &QPushButton::clicked, this, &ConfigPreviewDialog::reject);
    updateState();
    if (changes.isEmpty())
        m_cancel->setFocus(Qt::OtherFocusReason);
    else
        m_view->setFocus(Qt::OtherFocusReason);
}

QList<ConfigChange> ConfigPreviewDialog::changes() const
{
    return m_model->changes();
}

QString ConfigPreviewDialog::summaryText() const
{
    return m_summary->text();
}

QString ConfigPreviewDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ConfigPreviewDialog::updateState()
{
    m_apply->setText(m_busy ? tr("Applying…") : tr("&Apply changes"));
    m_apply->setEnabled(!m_busy && m_model->rowCount() > 0);
    m_cancel->setEnabled(!m_busy);
}

void ConfigPreviewDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void ConfigPreviewDialog::showFailure(const QString &message)
{
    m_busy = false;
    m_message->setText(message);
    m_message->show();
    updateState();
}

void ConfigPreviewDialog::reject()
{
    // While the save is on its way its answer must reach the operator.
    if (m_busy)
        return;
    QDialog::reject();
}

} // namespace ops
