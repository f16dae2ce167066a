#pragma once

#include "core/Clock.h"
#include "notify/AttentionRollup.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace ops {

// Decides which changes of an AttentionRollup become desktop notifications:
//  - only a change of a source's level counts; the same state polled again, or a new summary at
//    the same level, says nothing;
//  - an escalation (to a worse level that needs attention) always qualifies; a recovery (from
//    Warning/Unknown/Critical back to OK or Info) notifies once with the source's recovery line
//    ("Trading enabled again", "All services healthy"); an improvement that is still bad
//    (Critical -> Warning) does not notify;
//  - the first state of a source after start-up or restart() (sign-in, profile switch) is the
//    baseline and notifies only when it is already bad. A first state of Unknown waits up to
//    startupGraceSeconds for the first real answer before it counts ("not read yet" is not news);
//  - at most maxPerWindow notifications per windowSeconds overall; the rest are coalesced into
//    one "… and N more changes" once the window allows again;
//  - switchable off: while disabled nothing is emitted and nothing is queued, but the states are
//    still followed, so switching back on never replays old changes.
// Time comes from an injectable Clock; a one-second timer calls tick() (tests call it directly).
class NotificationPolicy final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultMaxPerWindow = 3;
    static constexpr int DefaultWindowSeconds = 60;
    static constexpr int DefaultStartupGraceSeconds = 30;

    explicit NotificationPolicy(const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~NotificationPolicy() override;

    // Follows `rollup` from now on (its current state is the first state).
    void watch(AttentionRollup *rollup);

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);

    [[nodiscard]] int maxPerWindow() const { return m_maxPerWindow; }
    void setMaxPerWindow(int count);
    [[nodiscard]] int windowSeconds() const { return m_windowSeconds; }
    void setWindowSeconds(int seconds);
    [[nodiscard]] int startupGraceSeconds() const { return m_graceSeconds; }
    void setStartupGraceSeconds(int seconds);

    // Changes waiting for the window to allow one more notification.
    [[nodiscard]] int pendingCount() const { return int(m_pending.size()); }

    // Feeds the sources' current state (what watch() does on every change of the roll-up).
    void observe(const QList<AttentionItem> &sources);
    // Forgets every baseline and anything queued: the next state is a first state again.
    void restart();
    // Sends the coalesced notification once the window allows, and lets first states of Unknown
    // count once their grace period is over.
    void tick();

signals:
    void notify(const QString &title, const QString &body, ops::AttentionLevel level);
    void enabledChanged(bool enabled);

private:
    struct Tracked
    {
        AttentionLevel level = AttentionLevel::Unknown;
        bool baseline = false;  // false: still waiting for the first real state
        QDateTime firstSeen;    // clock time of the first observation (for the grace period)
    };
    struct Change
    {
        QString title;
        QString body;
        AttentionLevel level = AttentionLevel::Unknown;
    };

    void consider(const AttentionItem &item);
    void offer(const Change &change);
    void pruneWindow(const QDateTime &now);
    [[nodiscard]] Change escalation(const AttentionItem &item) const;
    [[nodiscard]] Change recovery(const AttentionItem &item) const;

    const Clock &m_clock;
    QPointer<AttentionRollup> m_rollup;
    QTimer m_timer;
    bool m_enabled = true;
    int m_maxPerWindow = DefaultMaxPerWindow;
    int m_windowSeconds = DefaultWindowSeconds;
    int m_graceSeconds = DefaultStartupGraceSeconds;
    QHash<QString, Tracked> m_tracked;
    QList<AttentionItem> m_lastSources;
    QList<QDateTime> m_sent; // clock times of the notifications inside the window
    QList<Change> m_pending; // over the limit, waiting to be coalesced
};

} // namespace ops
