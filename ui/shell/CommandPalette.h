#pragma once

#include "shell/Command.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace ops {

// Ctrl+K: type a few letters of any page or action, Up/Down to choose, Enter to run it, Esc to
// close. Matches whole words first, then any substring, then the letters in order ("gtbr" finds
// "Go to Circuit Breaker"). Actions that cannot be used now are listed greyed out with the reason;
// Enter on one says why instead of running it.
class CommandPalette final : public QDialog
{
    Q_OBJECT

public:
    // On a listed command that cannot run now: why (its text).
    static constexpr int UnavailableRole = Qt::UserRole + 2;

    explicit CommandPalette(QWidget *parent = nullptr);

    // Replaces the list (called each time the palette opens, so it is never out of date).
    void setCommands(const QList<Command> &commands);

    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    // Labels of the listed commands, best match first.
    [[nodiscard]] QStringList shownLabels() const;
    [[nodiscard]] QString currentLabel() const;
    [[nodiscard]] QString message() const;

    // How well `query` matches `text`: < 0 not at all, larger is better.
    [[nodiscard]] static int matchScore(const QString &query, const QString &text);

    // Runs the selected command (after the palette has closed) or says why it cannot.
    void runCurrent();

signals:
    void commandRun(QAction *action);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void refilter();
    void moveCurrent(int delta);
    void run(QTreeWidgetItem *item);

    QLineEdit *m_filter;
    QTreeWidget *m_list;
    QLabel *m_message;
    QList<Command> m_commands;
};

} // namespace ops
