#include "shell/Command.h"

#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>

namespace ops {
namespace {

void collect(const QMenu *menu, const QString &group, QList<Command> &out)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (QMenu *sub = action->menu()) {
            collect(sub, group, out);
            continue;
        }
        if (!action->isVisible())
            continue;
        out.append({action, Command::plainText(action->text()), group});
    }
}

} // namespace

QString Command::plainText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&')) {
                out += QLatin1Char('&');
                ++i;
            }
            continue;
        }
        out += text.at(i);
    }
    out = out.trimmed();
    if (out.endsWith(QChar(0x2026)))
        out.chop(1);
    else if (out.endsWith(QLatin1String("...")))
        out.chop(3);
    return out.trimmed();
}

QString Command::unavailableReason() const
{
    if (!action || action->isEnabled())
        return {};
    const QString tip = action->toolTip();
    // QAction's default tooltip is its text: that explains nothing.
    if (tip.isEmpty() || plainText(tip) == plainText(action->text()))
        return QCoreApplication::translate("ops::Command", "Not available now");
    return tip;
}

QList<Command> menuCommands(const QMenuBar *menuBar)
{
    QList<Command> out;
    if (!menuBar)
        return out;
    for (QAction *top : menuBar->actions()) {
        if (QMenu *menu = top->menu())
            collect(menu, Command::plainText(top->text()), out);
    }
    return out;
}

} // namespace ops
