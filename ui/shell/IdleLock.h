#pragma once

#include "core/Clock.h"

#include <QDateTime>
#include <QObject>

class QTimer;

namespace ops {

// Locks the console after a period without user input. Installs itself as an event filter on
// the application and records the time of the last key, mouse or wheel input; check() (run
// every second by a timer, and callable directly by tests) emits locked() once the idle time
// reaches `minutes`. 0 minutes means never. The owner shows and removes the lock screen;
// unlock() starts a new idle period.
class IdleLock final : public QObject
{
    Q_OBJECT

public:
    explicit IdleLock(int minutes, const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~IdleLock() override;

    [[nodiscard]] int minutes() const { return m_minutes; }
    void setMinutes(int minutes);
    [[nodiscard]] bool isLocked() const { return m_locked; }
    [[nodiscard]] QDateTime lastActivity() const { return m_lastInput; }

    // Locks now if the idle period has passed.
    void check();
    // Locks at once (e.g. "Lock now").
    void lockNow();
    // Ends the lock (after re-authentication) and starts a new idle period.
    void unlock();
    // Records user activity now.
    void noteActivity();

signals:
    void locked();
    void unlocked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const Clock &m_clock;
    int m_minutes;
    bool m_locked = false;
    QDateTime m_lastInput;
    QTimer *m_timer;
};

} // namespace ops
