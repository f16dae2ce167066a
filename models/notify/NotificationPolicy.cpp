#include "notify/NotificationPolicy.h"

#include <algorithm>

namespace ops {

namespace {

constexpr int MaxCoalescedLines = 5;

} // namespace

NotificationPolicy::NotificationPolicy(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &NotificationPolicy::tick);
    m_timer.start();
}

NotificationPolicy::~NotificationPolicy() = default;

void NotificationPolicy::watch(AttentionRollup *rollup)
{
    if (m_rollup)
        disconnect(m_rollup, nullptr, this, nullptr);
    m_rollup = rollup;
    if (!rollup)
        return;
    connect(rollup, &AttentionRollup::changed, this, [this] {
        if (m_rollup)
            observe(m_rollup->sources());
    });
    observe(rollup->sources());
}

void NotificationPolicy::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    if (!enabled)
        m_pending.clear(); // nothing queued while off, nothing replayed when back on
    emit enabledChanged(enabled);
}

void NotificationPolicy::setMaxPerWindow(int count)
{
    m_maxPerWindow = std::max(1, count);
}

void NotificationPolicy::setWindowSeconds(int seconds)
{
    m_windowSeconds = std::max(1, seconds);
}

void NotificationPolicy::setStartupGraceSeconds(int seconds)
{
    m_graceSeconds = std::max(0, seconds);
}

void NotificationPolicy::observe(const QList<AttentionItem> &sources)
{
    m_lastSources = sources;
    // A source that went away starts from a first state when it comes back.
    for (auto it = m_tracked.begin(); it != m_tracked.end();) {
        const bool present = std::any_of(sources.cbegin(), sources.cend(),
                                         [&](const AttentionItem &item) { return item.key == it.key(); });
        it = present ? std::next(it) : m_tracked.erase(it);
    }
    for (const AttentionItem &item : sources)
        consider(item);
}

void NotificationPolicy::restart()
{
    m_tracked.clear();
    m_pending.clear();
    if (m_rollup)
        observe(m_rollup->sources());
    else
        m_lastSources.clear();
}

void NotificationPolicy::tick()
{
    // First states of Unknown whose grace period is over now count as the baseline.
    const QList<AttentionItem> sources = m_lastSources;
    for (const AttentionItem &item : sources) {
        const auto it = m_tracked.constFind(item.key);
        if (it != m_tracked.cend() && !it->baseline)
            consider(item);
    }
    offer({});
}

void NotificationPolicy::consider(const AttentionItem &item)
{
    const QDateTime now = m_clock.nowUtc();
    auto it = m_tracked.find(item.key);
    if (it == m_tracked.end()) {
        Tracked t;
        t.level = item.level;
        t.firstSeen = now;
        t.baseline = !(item.level == AttentionLevel::Unknown && m_graceSeconds > 0);
        m_tracked.insert(item.key, t);
        if (t.baseline && isBad(item.level))
            offer(escalation(item)); // already bad at start-up
        return;
    }
    Tracked &t = *it;
    if (!t.baseline) {
        if (item.level == AttentionLevel::Unknown && t.firstSeen.secsTo(now) < m_graceSeconds)
            return; // still waiting for the first real answer
        t.baseline = true;
        t.level = item.level;
        if (isBad(item.level))
            offer(escalation(item));
        return;
    }
    if (item.level == t.level)
        return; // the same state again: nothing new
    const AttentionLevel before = t.level;
    t.level = item.level;
    if (isBad(item.level) && attentionRank(item.level) > attentionRank(before))
        offer(escalation(item));
    else if (isBad(before) && !isBad(item.level))
        offer(recovery(item));
    // Better but still bad (Critical -> Warning), or OK <-> Info: the icon says it, no pop-up.
}

NotificationPolicy::Change NotificationPolicy::escalation(const AttentionItem &item) const
{
    return {tr("%1: %2", "source title: level").arg(item.title, attentionLevelLabel(item.level)), item.summary,
            item.level};
}

NotificationPolicy::Change NotificationPolicy::recovery(const AttentionItem &item) const
{
    const QString title =
        item.recoveryTitle.isEmpty() ? tr("%1: back to normal", "source title").arg(item.title) : item.recoveryTitle;
    return {title, item.summary, item.level};
}

void NotificationPolicy::pruneWindow(const QDateTime &now)
{
    const qint64 windowMs = qint64(m_windowSeconds) * 1000;
    m_sent.removeIf([&](const QDateTime &sentAt) { return sentAt.msecsTo(now) >= windowMs; });
}

// Queues `change` (when it has a title) and sends what the window allows: a single waiting change
// as itself, several as one coalesced notification.
void NotificationPolicy::offer(const Change &change)
{
    if (!m_enabled) {
        m_pending.clear();
        return;
    }
    if (!change.title.isEmpty())
        m_pending.append(change);
    if (m_pending.isEmpty())
        return;
    const QDateTime now = m_clock.nowUtc();
    pruneWindow(now);
    if (m_sent.size() >= m_maxPerWindow)
        return;
    Change out;
    if (m_pending.size() == 1) {
        out = m_pending.constFirst();
    } else {
        const int count = int(m_pending.size());
        out.title = tr("… and %n more changes", "notifications held back by the rate limit (always 2 or more)", count);
        out.level = AttentionLevel::Ok;
        QStringList lines;
        for (const Change &c : std::as_const(m_pending)) {
            out.level = worseOf(out.level, c.level);
            if (lines.size() < MaxCoalescedLines)
                lines << c.title;
        }
        if (count > MaxCoalescedLines)
            lines << QStringLiteral("…");
        out.body = lines.join(QLatin1Char('\n'));
    }
    m_pending.clear();
    m_sent.append(now);
    emit notify(out.title, out.body, out.level);
}

} // namespace ops
