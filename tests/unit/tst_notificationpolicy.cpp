// NotificationPolicy on a MockClock: one notification per transition and none on repeated polls,
// escalations and recoveries, the first state after start-up, the rate limit with coalescing, and
// switching notifications off.
#include "MockClock.h"
#include "notify/AttentionRollup.h"
#include "notify/NotificationPolicy.h"

#include <QtTest>

using namespace ops;
using ops::test::MockClock;

namespace {

struct Sent
{
    QString title;
    QString body;
    AttentionLevel level;
};

AttentionItem health(AttentionLevel level, const QString &summary = {})
{
    return {AttentionRollup::HealthKey, QStringLiteral("System health"), level,
            summary.isEmpty() ? attentionLevelKey(level) : summary, QStringLiteral("All services healthy")};
}

AttentionItem breaker(AttentionLevel level, const QString &summary = {})
{
    return {AttentionRollup::BreakerKey, QStringLiteral("Circuit breaker"), level,
            summary.isEmpty() ? attentionLevelKey(level) : summary, QStringLiteral("Trading enabled again")};
}

// A policy on a mock clock that records what it sends.
struct Harness
{
    MockClock clock;
    NotificationPolicy policy{clock};
    QList<Sent> sent;

    Harness()
    {
        QObject::connect(&policy, &NotificationPolicy::notify, &policy,
                         [this](const QString &title, const QString &body, AttentionLevel level) {
                             sent.append({title, body, level});
                         });
    }
    void poll(const QList<AttentionItem> &sources, int advanceSeconds = 10)
    {
        clock.advanceSeconds(advanceSeconds);
        policy.observe(sources);
        policy.tick();
    }
};

} // namespace

class TestNotificationPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void firstStateThatIsFineIsSilent()
    {
        Harness h;
        h.poll({health(AttentionLevel::Ok), breaker(AttentionLevel::Ok)}, 0);
        h.poll({health(AttentionLevel::Info), breaker(AttentionLevel::Ok)});
        QCOMPARE(h.sent.size(), 0);
    }

    void firstStateThatIsAlreadyBadNotifies()
    {
        Harness h;
        h.poll({health(AttentionLevel::Critical, QStringLiteral("Unreachable: orchestrator")), breaker(AttentionLevel::Ok)}, 0);
        QCOMPARE(h.sent.size(), 1);
        QCOMPARE(h.sent[0].title, QStringLiteral("System health: Critical"));
        QCOMPARE(h.sent[0].body, QStringLiteral("Unreachable: orchestrator"));
        QCOMPARE(h.sent[0].level, AttentionLevel::Critical);
    }

    void oneNotificationPerTransition()
    {
        Harness h;
        h.poll({health(AttentionLevel::Ok), breaker(AttentionLevel::Ok)}, 0);
        QCOMPARE(h.sent.size(), 0);

        h.poll({health(AttentionLevel::Ok), breaker(AttentionLevel::Critical, QStringLiteral("TRADING HALTED (TRIPPED)"))});
        QCOMPARE(h.sent.size(), 1);
        QCOMPARE(h.sent[0].title, QStringLiteral("Circuit breaker: Critical"));
        QCOMPARE(h.sent[0].body, QStringLiteral("TRADING HALTED (TRIPPED)"));

        // The same state on every following poll, and a new summary at the same level: nothing.
        for (int i = 0; i < 10; ++i)
            h.poll({health(AttentionLevel::Ok), breaker(AttentionLevel::Critical, QStringLiteral("TRADING HALTED (TRIPPED)"))});
        h.poll({health(AttentionLevel::Ok), breaker(AttentionLevel::Critical, QStringLiteral("TRADING HALTED — other reason"))});
        QCOMPARE(h.sent.size(), 1);

        // The recovery, once.
        for (int i = 0; i < 5; ++i)
            h.poll({health(AttentionLevel::Ok), breaker(AttentionLevel::Ok, QStringLiteral("TRADING ENABLED (OPEN)"))});
        QCOMPARE(h.sent.size(), 2);
        QCOMPARE(h.sent[1].title, QStringLiteral("Trading enabled again"));
        QCOMPARE(h.sent[1].body, QStringLiteral("TRADING ENABLED (OPEN)"));
        QCOMPARE(h.sent[1].level, AttentionLevel::Ok);
    }

    void escalationsAndRecoveries()
    {
        Harness h;
        h.policy.setMaxPerWindow(100);
        h.poll({health(AttentionLevel::Ok)}, 0);
        h.poll({health(AttentionLevel::Warning)});     // escalation
        h.poll({health(AttentionLevel::Critical)});    // escalation
        h.poll({health(AttentionLevel::Warning)});     // better, still bad: the icon says it
        h.poll({health(AttentionLevel::Unknown)});     // worse again
        h.poll({health(AttentionLevel::Info)});        // recovery (initialising is not a problem)
        h.poll({health(AttentionLevel::Ok)});          // Info -> Ok: nothing
        h.poll({health(AttentionLevel::Critical)});    // escalation
        h.poll({health(AttentionLevel::Ok)});          // recovery
        QStringList titles;
        for (const Sent &s : std::as_const(h.sent))
            titles << s.title;
        QCOMPARE(titles, (QStringList{QStringLiteral("System health: Warning"), QStringLiteral("System health: Critical"),
                                      QStringLiteral("System health: Unknown"), QStringLiteral("All services healthy"),
                                      QStringLiteral("System health: Critical"), QStringLiteral("All services healthy")}));
    }

    void recoveryWithoutItsOwnLine()
    {
        Harness h;
        AttentionItem sla{AttentionRollup::SlaKey, QStringLiteral("SLA"), AttentionLevel::Warning, QStringLiteral("at risk"), {}};
        h.poll({sla}, 0);
        sla.level = AttentionLevel::Ok;
        sla.summary = QStringLiteral("met");
        h.poll({sla});
        QCOMPARE(h.sent.size(), 2);
        QCOMPARE(h.sent[1].title, QStringLiteral("SLA: back to normal"));
    }

    void unknownAtStartUpWaitsForTheFirstAnswer()
    {
        Harness h;
        // Not read yet: Unknown is not news for the first seconds...
        h.poll({health(AttentionLevel::Unknown), breaker(AttentionLevel::Unknown)}, 0);
        h.poll({health(AttentionLevel::Ok), breaker(AttentionLevel::Unknown)}, 2);
        h.poll({health(AttentionLevel::Ok), breaker(AttentionLevel::Ok)}, 2);
        QCOMPARE(h.sent.size(), 0);

        // ...but an Unknown that lasts beyond the grace period is reported, once.
        Harness late;
        late.poll({breaker(AttentionLevel::Unknown, QStringLiteral("Connection refused"))}, 0);
        late.clock.advanceSeconds(NotificationPolicy::DefaultStartupGraceSeconds - 1);
        late.policy.tick();
        QCOMPARE(late.sent.size(), 0);
        late.clock.advanceSeconds(1);
        late.policy.tick(); // the grace period ends between polls
        QCOMPARE(late.sent.size(), 1);
        QCOMPARE(late.sent[0].title, QStringLiteral("Circuit breaker: Unknown"));
        QCOMPARE(late.sent[0].body, QStringLiteral("Connection refused"));
        for (int i = 0; i < 5; ++i)
            late.poll({breaker(AttentionLevel::Unknown, QStringLiteral("Connection refused"))});
        QCOMPARE(late.sent.size(), 1);

        // A first answer that is bad is reported at once.
        Harness bad;
        bad.poll({breaker(AttentionLevel::Unknown)}, 0);
        bad.poll({breaker(AttentionLevel::Critical)}, 1);
        QCOMPARE(bad.sent.size(), 1);
        QCOMPARE(bad.sent[0].level, AttentionLevel::Critical);
    }

    void rateLimitCoalescesTheRest()
    {
        Harness h;
        QCOMPARE(h.policy.maxPerWindow(), 3);
        h.poll({health(AttentionLevel::Ok), breaker(AttentionLevel::Ok)}, 0);
        // Seven transitions within a minute: three go out, four wait.
        const QList<QList<AttentionItem>> states{
            {health(AttentionLevel::Warning), breaker(AttentionLevel::Ok)},       // 1
            {health(AttentionLevel::Ok), breaker(AttentionLevel::Ok)},            // 2 recovery
            {health(AttentionLevel::Warning), breaker(AttentionLevel::Ok)},       // 3
            {health(AttentionLevel::Ok), breaker(AttentionLevel::Ok)},            // 4 recovery (held)
            {health(AttentionLevel::Ok), breaker(AttentionLevel::Critical)},      // 5 (held)
            {health(AttentionLevel::Warning), breaker(AttentionLevel::Critical)}, // 6 (held)
            {health(AttentionLevel::Ok), breaker(AttentionLevel::Critical)},      // 7 (held)
        };
        for (const auto &state : states)
            h.poll(state, 5);
        QCOMPARE(h.sent.size(), 3);
        QCOMPARE(h.policy.pendingCount(), 4);

        // Repeated polls inside the window add nothing, and nothing leaves early.
        for (int i = 0; i < 4; ++i)
            h.poll(states.constLast(), 5);
        QCOMPARE(h.sent.size(), 3);

        // The window opens again a minute after the first one (t = 5 s + 60 s): the rest as one notification.
        h.clock.advanceSeconds(9); // t = 64 s
        h.policy.tick();
        QCOMPARE(h.sent.size(), 3);
        h.clock.advanceSeconds(1); // t = 65 s
        h.policy.tick();
        QCOMPARE(h.sent.size(), 4);
        QCOMPARE(h.sent[3].title, QStringLiteral("… and 4 more changes"));
        QCOMPARE(h.sent[3].level, AttentionLevel::Critical); // the worst of what was held
        QVERIFY2(h.sent[3].body.contains(QStringLiteral("Circuit breaker: Critical")), qPrintable(h.sent[3].body));
        QCOMPARE(h.policy.pendingCount(), 0);
        h.policy.tick();
        QCOMPARE(h.sent.size(), 4);

        // The window slides: at t = 66 s the ones sent at 10 s, 15 s and 65 s are still in it.
        h.poll({health(AttentionLevel::Ok), breaker(AttentionLevel::Ok)}, 1);
        QCOMPARE(h.sent.size(), 4);
        QCOMPARE(h.policy.pendingCount(), 1);
        // From t = 75 s there is room again, and a single held change goes out as itself.
        h.clock.advanceSeconds(9);
        h.policy.tick();
        QCOMPARE(h.sent.size(), 5);
        QCOMPARE(h.sent[4].title, QStringLiteral("Trading enabled again"));
    }

    void singleHeldChangeIsSentAsItself()
    {
        Harness h;
        h.policy.setMaxPerWindow(1);
        h.poll({health(AttentionLevel::Ok)}, 0);
        h.poll({health(AttentionLevel::Critical)}, 1);
        h.poll({health(AttentionLevel::Ok)}, 1);
        QCOMPARE(h.sent.size(), 1);
        h.clock.advanceSeconds(60);
        h.policy.tick();
        QCOMPARE(h.sent.size(), 2);
        QCOMPARE(h.sent[1].title, QStringLiteral("All services healthy"));
    }

    void switchedOff()
    {
        Harness h;
        QSignalSpy enabled(&h.policy, &NotificationPolicy::enabledChanged);
        h.policy.setMaxPerWindow(1);
        h.poll({health(AttentionLevel::Ok)}, 0);
        h.poll({health(AttentionLevel::Critical)}, 1);
        h.poll({health(AttentionLevel::Ok)}, 1); // held by the limit
        QCOMPARE(h.policy.pendingCount(), 1);

        h.policy.setEnabled(false);
        QCOMPARE(enabled.size(), 1);
        QCOMPARE(h.policy.pendingCount(), 0); // dropped, not replayed later
        h.clock.advanceSeconds(120);
        h.poll({health(AttentionLevel::Critical)});
        h.poll({health(AttentionLevel::Ok)});
        h.poll({health(AttentionLevel::Warning)});
        QCOMPARE(h.sent.size(), 1);

        // Back on: the current state is known (Warning), so nothing old is replayed...
        h.policy.setEnabled(true);
        h.poll({health(AttentionLevel::Warning)}, 61);
        QCOMPARE(h.sent.size(), 1);
        // ...and the next transition notifies.
        h.poll({health(AttentionLevel::Critical)});
        QCOMPARE(h.sent.size(), 2);
        QCOMPARE(h.sent[1].title, QStringLiteral("System health: Critical"));
    }

    void restartMakesTheNextStateAFirstState()
    {
        Harness h;
        AttentionRollup rollup;
        rollup.setSource(health(AttentionLevel::Ok));
        h.policy.watch(&rollup);
        rollup.setSource(health(AttentionLevel::Critical));
        QCOMPARE(h.sent.size(), 1);
        rollup.setSource(health(AttentionLevel::Critical, QStringLiteral("more detail"))); // same level
        QCOMPARE(h.sent.size(), 1);

        // Signed in again: a state that is already bad is reported as the first state...
        h.clock.advanceSeconds(120);
        h.policy.restart();
        QCOMPARE(h.sent.size(), 2);
        // ...one that is fine is not.
        rollup.setSource(health(AttentionLevel::Ok));
        QCOMPARE(h.sent.size(), 3); // the recovery
        h.clock.advanceSeconds(120);
        h.policy.restart();
        QCOMPARE(h.sent.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "tst_notificationpolicy.moc"
