#include "config/ConfigConflictDialog.h"

#include "config/ConfigDiffModel.h"
#include "core/TimeText.h"
#include "common/Labels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ops {

namespace {


QTableView *diffView(QWidget *parent, ConfigDiffModel *model, const QString &objectName, const QString &accessibleName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->setVisible(model->rowCount() > 0);
    if (model->rowCount() > 0)
        view->setCurrentIndex(model->index(0, 0));
    return view;
}

} // namespace

ConfigConflictDialog::ConfigConflictDialog(const QString &documentTitle, const ConfigDocument &base,
                                           const QJsonObject &mine, const ConfigDocument &current, QWidget *parent)
    : QDialog(parent)
    , m_meanwhile(new ConfigDiffModel(this))
    , m_mine(new ConfigDiffModel(this))
    , m_headline(labels::wrapped({}, this, QStringLiteral("headline")))
    , m_reapply(new QPushButton(tr("&Re-apply my changes on top"), this))
    , m_discard(new QPushButton(tr("&Discard my changes"), this))
    , m_close(new QPushButton(tr("Decide &later"), this))
{
    setObjectName(QStringLiteral("configConflictDialog"));
    setWindowTitle(tr("Changed meanwhile — %1").arg(documentTitle));
    setAccessibleName(windowTitle());
    setModal(true);
    setMinimumWidth(620);

    m_meanwhile->setHeaderLabels(tr("Version %1 (yours)").arg(base.version), tr("Version %1 (server now)").arg(current.version));
    m_meanwhile->setChanges(ConfigSchema::diff(base.key, base.value, current.value));
    m_mine->setHeaderLabels(tr("Version %1").arg(base.version), tr("Your value"));
    m_mine->setChanges(ConfigSchema::diff(base.key, base.value, mine));

    const QStringList theirs = ConfigSchema::changedFields(base.value, current.value);
    for (const ConfigChange &c : m_mine->changes())
        if (theirs.contains(c.field))
            m_both << c.label;

    const QString who = current.updatedBy.isEmpty() ? tr("someone else") : current.updatedBy;
    const QString when = current.updatedAt.isValid() ? timetext::local(current.updatedAt) : tr("an unknown time");
    m_headline->setText(tr("%1 saved %2 at %3 while you were editing: the server now has version %4, your changes "
                           "were made to version %5. Nothing of yours was saved.")
                            .arg(who, documentTitle, when)
                            .arg(current.version)
                            .arg(base.version));
    m_headline->setAccessibleName(tr("What happened"));
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);

    auto *meanwhileTitle = new QLabel(m_meanwhile->rowCount() > 0
                                          ? tr("&Changed on the server meanwhile (version %1 → %2):").arg(base.version).arg(current.version)
                                          : tr("No field changed on the server meanwhile (only the version, %1 → %2).")
                                                .arg(base.version)
                                                .arg(current.version),
                                      this);
    meanwhileTitle->setObjectName(QStringLiteral("meanwhileTitle"));
    meanwhileTitle->setWordWrap(true);
    m_meanwhileView = diffView(this, m_meanwhile, QStringLiteral("changedMeanwhile"),
                               tr("Changed on the server meanwhile: field, your version, server now"));
    meanwhileTitle->setBuddy(m_meanwhileView);
    layout->addWidget(meanwhileTitle);
    layout->addWidget(m_meanwhileView, 1);

    auto *mineTitle = new QLabel(tr("&Your changes:"), this);
    m_mineView = diffView(this, m_mine, QStringLiteral("myChanges"), tr("Your changes: field, old value, your value"));
    mineTitle->setBuddy(m_mineView);
    layout->addWidget(mineTitle);
    layout->addWidget(m_mineView, 1);

    auto *both = labels::wrapped(m_both.isEmpty()
                             ? tr("No field was changed both by you and on the server.")
                             : tr("Changed both by you and on the server: %1. Re-applying puts your value over the "
                                  "server's.")
                                   .arg(m_both.join(QStringLiteral(", "))),
                         this, QStringLiteral("changedByBoth"));
    both->setAccessibleName(tr("Fields changed by both"));
    if (!m_both.isEmpty())
        both->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    layout->addWidget(both);

    m_reapply->setObjectName(QStringLiteral("reapply"));
    m_reapply->setAccessibleName(tr("Re-apply my changes on top of the server's version"));
    m_discard->setObjectName(QStringLiteral("discard"));
    m_discard->setAccessibleName(tr("Discard my changes and show the server's version"));
    m_close->setObjectName(QStringLiteral("later"));
    m_close->setAccessibleName(tr("Decide later"));
    for (QPushButton *b : {m_reapply, m_discard, m_close}) {
        b->setAutoDefault(false);
        b->setDefault(false);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_close);
    buttons->addStretch(1);
    buttons->addWidget(m_discard);
    buttons->addWidget(m_reapply);
    layout->addLayout(buttons);
    setTabOrder(m_meanwhileView, m_mineView);
    setTabOrder(m_mineView, m_reapply);
    setTabOrder(m_reapply, m_discard);
    setTabOrder(m_discard, m_close);

    connect(m_reapply, &QPushButton::clicked, this, [this] { done(Reapply); });
    connect(m_discard, &QPushButton::clicked, this, [this] { done(Discard); });
    connect(m_close, &QPushButton::clicked, this, [this] { done(Undecided); });
    (m_meanwhile->rowCount() > 0 ? static_cast<QWidget *>(m_meanwhileView) : m_reapply)->setFocus(Qt::OtherFocusReason);
}

QList<ConfigChange> ConfigConflictDialog::changedMeanwhile() const
{
    return m_meanwhile->changes();
}

QList<ConfigChange> ConfigConflictDialog::myChanges() const
{
    return m_mine->changes();
}

QString ConfigConflictDialog::headlineText() const
{
    return m_headline->text();
}

} // namespace ops
