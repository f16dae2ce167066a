#include "shell/IdleLock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace ops {

IdleLock::IdleLock(int minutes, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_minutes(qMax(0, minutes))
    , m_lastInput(clock.nowUtc())
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &IdleLock::check);
    m_timer->start();
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

IdleLock::~IdleLock()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleLock::setMinutes(int minutes)
{
    m_minutes = qMax(0, minutes);
    noteActivity();
}

void IdleLock::noteActivity()
{
    m_lastInput = m_clock.nowUtc();
}

void IdleLock::check()
{
    if (m_locked || m_minutes <= 0)
        return;
    const QDateTime now = m_clock.nowUtc();
    if (now < m_lastInput) { // the clock went back: count from now
        m_lastInput = now;
        return;
    }
    if (m_lastInput.secsTo(now) >= qint64(m_minutes) * 60)
        lockNow();
}

void IdleLock::lockNow()
{
    if (m_locked)
        return;
    m_locked = true;
    emit locked();
}

void IdleLock::unlock()
{
    noteActivity();
    if (!m_locked)
        return;
    m_locked = false;
    emit unlocked();
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        m_lastInput = m_clock.nowUtc();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ops
