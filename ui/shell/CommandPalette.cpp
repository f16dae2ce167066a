#include "shell/CommandPalette.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ops {
namespace {

constexpr int CommandRole = Qt::UserRole + 1;

} // namespace

CommandPalette::CommandPalette(QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    setAccessibleName(tr("Command palette"));
    setAccessibleDescription(tr("Type to find a page or an action, Enter runs it, Escape closes"));
    resize(620, 420);

    m_filter->setObjectName(QStringLiteral("paletteFilter"));
    m_filter->setPlaceholderText(tr("Type a page or an action…"));
    m_filter->setAccessibleName(tr("Find a page or an action"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);

    m_list->setObjectName(QStringLiteral("paletteList"));
    m_list->setAccessibleName(tr("Matching pages and actions"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Command"), tr("Shortcut"), tr("Menu")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setFocusPolicy(Qt::ClickFocus); // the keyboard stays in the filter; Up/Down move here
    m_list->header()->setAccessibleName(tr("Columns"));
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { run(item); });
    // Moving onto an unavailable command says why at once.
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const QString reason = item ? item->data(0, UnavailableRole).toString() : QString();
        m_message->setText(reason.isEmpty() ? QString() : tr("“%1” is not available: %2").arg(item->text(0), reason));
        m_message->setVisible(!reason.isEmpty());
    });

    m_message->setObjectName(QStringLiteral("paletteMessage"));
    m_message->setAccessibleName(tr("Palette message"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
}

void CommandPalette::setCommands(const QList<Command> &commands)
{
    m_commands = commands;
    refilter();
}

int CommandPalette::matchScore(const QString &query, const QString &text)
{
    const QString q = query.simplified().toCaseFolded();
    if (q.isEmpty())
        return 1;
    const QString t = text.toCaseFolded();
    const qsizetype at = t.indexOf(q);
    if (at == 0)
        return 3000;
    if (at > 0) {
        // A match at the start of a word ("break" in "Go to Circuit Breaker") beats one inside a word.
        for (qsizetype from = at; from >= 0; from = t.indexOf(q, from + 1)) {
            if (!t.at(from - 1).isLetterOrNumber())
                return 2000 - int(from);
        }
        return 1000 - int(at);
    }
    // The letters in order: fewer gaps is better.
    int gaps = 0;
    qsizetype pos = 0;
    qsizetype previous = -1;
    for (const QChar c : q) {
        if (c.isSpace())
            continue;
        pos = t.indexOf(c, pos);
        if (pos < 0)
            return -1;
        if (previous >= 0 && pos != previous + 1)
            ++gaps;
        previous = pos;
        ++pos;
    }
    return std::max(1, 500 - gaps * 20);
}

void CommandPalette::refilter()
{
    m_message->hide();
    m_list->setCurrentItem(nullptr);
    struct Hit
    {
        int score;
        int index;
    };
    QList<Hit> hits;
    const QString query = m_filter->text();
    for (int i = 0; i < m_commands.size(); ++i) {
        const Command &c = m_commands.at(i);
        if (!c.action)
            continue;
        int score = matchScore(query, c.label);
        if (score < 0) // "file quit", "view refresh": the menu's name counts too, a little less
            score = matchScore(query, c.group + QLatin1Char(' ') + c.label) / 2 - 1;
        if (score >= 0)
            hits.append({score, i});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.score > b.score; });

    m_list->clear();
    QTreeWidgetItem *first = nullptr;
    QTreeWidgetItem *firstEnabled = nullptr;
    for (const Hit &hit : std::as_const(hits)) {
        const Command &c = m_commands.at(hit.index);
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, c.label);
        item->setText(1, c.action->shortcut().toString(QKeySequence::NativeText));
        item->setText(2, c.group);
        item->setData(0, CommandRole, hit.index);
        const QString reason = c.unavailableReason();
        if (!reason.isEmpty()) {
            // Greyed out, but still selectable, so that the keyboard can reach it and learn why.
            item->setData(0, UnavailableRole, reason);
            const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
            for (int column = 0; column < 3; ++column)
                item->setForeground(column, grey);
            QFont italic = item->font(0);
            italic.setItalic(true);
            item->setFont(0, italic);
            item->setToolTip(0, tr("Unavailable: %1").arg(reason));
            item->setData(0, Qt::AccessibleDescriptionRole, tr("Unavailable: %1").arg(reason));
        } else if (!c.action->toolTip().isEmpty()) {
            item->setToolTip(0, c.action->toolTip());
        }
        if (!first)
            first = item;
        if (!firstEnabled && reason.isEmpty())
            firstEnabled = item;
    }
    QTreeWidgetItem *current = firstEnabled ? firstEnabled : first;
    if (current) {
        m_list->setCurrentItem(current);
        m_list->scrollToItem(current);
    }
}

QStringList CommandPalette::shownLabels() const
{
    QStringList out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        out << m_list->topLevelItem(i)->text(0);
    return out;
}

QString CommandPalette::currentLabel() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->text(0) : QString();
}

QString CommandPalette::message() const { return m_message->isHidden() ? QString() : m_message->text(); }

void CommandPalette::moveCurrent(int delta)
{
    const int count = m_list->topLevelItemCount();
    if (count == 0)
        return;
    int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    row = row < 0 ? 0 : std::clamp(row + delta, 0, count - 1);
    m_list->setCurrentItem(m_list->topLevelItem(row));
    m_list->scrollToItem(m_list->currentItem());
}

void CommandPalette::runCurrent() { run(m_list->currentItem()); }

void CommandPalette::run(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const int index = item->data(0, CommandRole).toInt();
    if (index < 0 || index >= m_commands.size())
        return;
    const Command c = m_commands.at(index);
    if (!c.action)
        return;
    if (const QString reason = c.unavailableReason(); !reason.isEmpty()) {
        m_message->setText(tr("“%1” is not available: %2").arg(c.label, reason));
        m_message->show();
        return;
    }
    accept();
    // After the palette has closed, so that what the action opens gets the focus.
    QPointer<QAction> action = c.action;
    QMetaObject::invokeMethod(
        this,
        [this, action] {
            if (action && action->isEnabled()) {
                action->trigger();
                emit commandRun(action);
            }
        },
        Qt::QueuedConnection);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down: moveCurrent(1); return true;
        case Qt::Key_Up: moveCurrent(-1); return true;
        case Qt::Key_PageDown: moveCurrent(8); return true;
        case Qt::Key_PageUp: moveCurrent(-8); return true;
        default: break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void CommandPalette::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_filter->setFocus(Qt::PopupFocusReason);
}

} // namespace ops
