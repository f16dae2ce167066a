#include "shell/ShortcutSheet.h"

#include "shell/CommandPalette.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ops {

ShortcutSheet::ShortcutSheet(QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_table(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutSheet"));
    setWindowTitle(tr("Keyboard shortcuts"));
    setAccessibleName(tr("Keyboard shortcuts"));
    resize(640, 560);

    auto *filterLabel = new QLabel(tr("&Find:"), this);
    filterLabel->setBuddy(m_filter);
    m_filter->setObjectName(QStringLiteral("shortcutFilter"));
    m_filter->setAccessibleName(tr("Find a shortcut"));
    m_filter->setPlaceholderText(tr("Action or key"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutSheet::refilter);

    m_table->setObjectName(QStringLiteral("shortcutTable"));
    m_table->setAccessibleName(tr("Shortcuts"));
    m_table->header()->setAccessibleName(tr("Columns"));
    m_table->setColumnCount(3);
    m_table->setHeaderLabels({tr("Action"), tr("Shortcut"), tr("Menu")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    auto *note = new QLabel(tr("Everywhere: Tab and Shift+Tab move between controls, Enter opens or confirms, "
                               "Escape closes a dialog. Ctrl+K finds any page or action by name."),
                            this);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *find = new QHBoxLayout;
    find->addWidget(filterLabel);
    find->addWidget(m_filter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(find);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    m_filter->setFocus();
}

void ShortcutSheet::setCommands(const QList<Command> &commands)
{
    m_table->clear();
    for (const Command &c : commands) {
        if (!c.action)
            continue;
        QStringList keys;
        for (const QKeySequence &k : c.action->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(0, c.label);
        item->setText(1, keys.isEmpty() ? tr("—") : keys.join(QStringLiteral(", ")));
        item->setText(2, c.group);
        item->setData(1, Qt::AccessibleTextRole, keys.isEmpty() ? tr("no shortcut") : keys.join(QStringLiteral(", ")));
    }
    refilter();
}

void ShortcutSheet::refilter()
{
    const QString query = m_filter->text();
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_table->topLevelItem(i);
        const bool match = CommandPalette::matchScore(query, item->text(0)) >= 0
                           || item->text(1).contains(query.trimmed(), Qt::CaseInsensitive)
                           || item->text(2).contains(query.trimmed(), Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

QStringList ShortcutSheet::rows() const
{
    QStringList out;
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_table->topLevelItem(i);
        if (!item->isHidden())
            out << item->text(0) + QLatin1Char('\t') + item->text(1);
    }
    return out;
}

} // namespace ops
