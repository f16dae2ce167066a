#include "shell/FirstPaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace ops {

FirstPaintProbe::FirstPaintProbe(QWidget *target, bool quitAfterwards)
    : QObject(target)
    , m_target(target)
    , m_quit(quitAfterwards)
{
    if (target)
        target->installEventFilter(this);
}

FirstPaintProbe::FirstPaintProbe(QObject *parent, const QByteArray &className, bool quitAfterwards)
    : QObject(parent)
    , m_className(className)
    , m_quit(quitAfterwards)
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

FirstPaintProbe *FirstPaintProbe::installIfRequested(QWidget *target)
{
    if (!target || qEnvironmentVariableIntValue("OPS_EXIT_AFTER_FIRST_PAINT") != 1)
        return nullptr;
    return new FirstPaintProbe(target, true);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (m_fired || event->type() != QEvent::Paint)
        return false;
    const bool hit = m_className.isEmpty() ? watched == m_target
                                           : watched->isWidgetType() && watched->inherits(m_className.constData());
    if (hit) {
        m_fired = true;
        // The paint event is delivered inside the window's repaint pass; the flush to the window
        // follows in the same pass, so the next turn of the event loop is after it.
        QTimer::singleShot(0, this, &FirstPaintProbe::report);
    }
    return false;
}

void FirstPaintProbe::report()
{
    std::fputs(Marker, stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    if (m_target)
        m_target->removeEventFilter(this);
    if (!m_className.isEmpty() && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    if (m_quit)
        QCoreApplication::exit(0);
}

} // namespace ops
