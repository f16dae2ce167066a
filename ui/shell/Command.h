#pragma once

#include <QAction>
#include <QList>
#include <QPointer>
#include <QString>

class QMenuBar;
class QWidget;

namespace ops {

// One thing the operator can do from the keyboard: an action, the words shown for it ("Go to
// Circuit Breaker", "Sign out") and where it lives ("File", "Go", a page's name). The command
// palette and the shortcut sheet are generated from the same list, so they cannot go stale.
struct Command
{
    QPointer<QAction> action;
    QString label;
    QString group;

    // The label without mnemonic ampersands and trailing "…" / "...".
    [[nodiscard]] static QString plainText(const QString &text);
    // Why the action cannot be used now (its tooltip, which MainWindow::setActionPermission sets).
    [[nodiscard]] QString unavailableReason() const;
};

// Every action of the menu bar's menus (recursively; separators and submenu entries left out),
// labelled with the action's text and grouped by the top-level menu's title.
[[nodiscard]] QList<Command> menuCommands(const QMenuBar *menuBar);

} // namespace ops
