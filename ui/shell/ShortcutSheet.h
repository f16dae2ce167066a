#pragma once

#include "shell/Command.h"

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace ops {

// F1: every command with its keyboard shortcut, by menu, generated from the actions themselves
// (so it cannot go stale), with a filter box.
class ShortcutSheet final : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutSheet(QWidget *parent = nullptr);

    void setCommands(const QList<Command> &commands);

    [[nodiscard]] QTreeWidget *table() const { return m_table; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    // "Label\tShortcut" for every row shown.
    [[nodiscard]] QStringList rows() const;

private:
    void refilter();

    QLineEdit *m_filter;
    QTreeWidget *m_table;
};

} // namespace ops
