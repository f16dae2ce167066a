// AttentionRollup: level order, worst level and the sources responsible, the change signals, and
// the mapping from System Health tiles, the circuit breaker (and kill switch) and SLAs.
#include "breaker/BreakerState.h"
#include "notify/AttentionRollup.h"
#include "sla/SlaMonitor.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ops;

namespace {

AttentionItem item(const QString &key, AttentionLevel level, const QString &summary = QStringLiteral("s"))
{
    return {key, key.toUpper(), level, summary, {}};
}

} // namespace

class TestAttentionRollup final : public QObject
{
    Q_OBJECT

private slots:
    void levelOrder()
    {
        // Ok < Info < Warning < Unknown < Critical: Unknown never looks fine, a known failure is worse.
        const QList<AttentionLevel> order{AttentionLevel::Ok, AttentionLevel::Info, AttentionLevel::Warning,
                                          AttentionLevel::Unknown, AttentionLevel::Critical};
        for (int i = 1; i < order.size(); ++i)
            QVERIFY(attentionRank(order[i - 1]) < attentionRank(order[i]));
        QCOMPARE(worseOf(AttentionLevel::Warning, AttentionLevel::Unknown), AttentionLevel::Unknown);
        QCOMPARE(worseOf(AttentionLevel::Critical, AttentionLevel::Unknown), AttentionLevel::Critical);
        QVERIFY(!isBad(AttentionLevel::Ok));
        QVERIFY(!isBad(AttentionLevel::Info));
        QVERIFY(isBad(AttentionLevel::Warning));
        QVERIFY(isBad(AttentionLevel::Unknown));
        QVERIFY(isBad(AttentionLevel::Critical));
        QCOMPARE(attentionLevelKey(AttentionLevel::Critical), QStringLiteral("critical"));
        QCOMPARE(attentionLevelLabel(AttentionLevel::Unknown), QStringLiteral("Unknown"));
    }

    void emptyIsUnknown()
    {
        AttentionRollup rollup;
        QCOMPARE(rollup.worstLevel(), AttentionLevel::Unknown);
        QVERIFY(rollup.worstSources().isEmpty());
    }

    void worstLevelAndResponsibleSources()
    {
        AttentionRollup rollup;
        QSignalSpy changed(&rollup, &AttentionRollup::changed);
        QSignalSpy worst(&rollup, &AttentionRollup::worstLevelChanged);

        rollup.setSource(item(AttentionRollup::HealthKey, AttentionLevel::Ok));
        QCOMPARE(rollup.worstLevel(), AttentionLevel::Ok);
        QCOMPARE(worst.size(), 1); // Unknown (empty) -> Ok
        rollup.setSource(item(AttentionRollup::BreakerKey, AttentionLevel::Ok));
        rollup.setSource(item(AttentionRollup::SlaKey, AttentionLevel::Warning));
        QCOMPARE(rollup.worstLevel(), AttentionLevel::Warning);
        QCOMPARE(rollup.worstSources(), QStringList{AttentionRollup::SlaKey});

        rollup.setSource(item(AttentionRollup::BreakerKey, AttentionLevel::Unknown));
        QCOMPARE(rollup.worstLevel(), AttentionLevel::Unknown);
        QCOMPARE(rollup.worstSources(), QStringList{AttentionRollup::BreakerKey});

        rollup.setSource(item(AttentionRollup::HealthKey, AttentionLevel::Critical));
        rollup.setSource(item(AttentionRollup::BreakerKey, AttentionLevel::Critical));
        QCOMPARE(rollup.worstLevel(), AttentionLevel::Critical);
        QCOMPARE(rollup.worstSources(), (QStringList{AttentionRollup::HealthKey, AttentionRollup::BreakerKey}));
        QCOMPARE(worst.size(), 4);
        QCOMPARE(worst.constLast().at(0).value<AttentionLevel>(), AttentionLevel::Critical);

        // Worst first in the summary lines.
        const QStringList lines = rollup.summaryLines();
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.constLast().startsWith(QStringLiteral("SLA:")));

        rollup.removeSource(AttentionRollup::HealthKey);
        rollup.removeSource(AttentionRollup::BreakerKey);
        QCOMPARE(rollup.worstLevel(), AttentionLevel::Warning);
        QVERIFY(changed.size() >= 8);
    }

    void signalsOnlyOnChange()
    {
        AttentionRollup rollup;
        rollup.setSource(item(AttentionRollup::HealthKey, AttentionLevel::Ok, QStringLiteral("All 9 services healthy")));
        QSignalSpy changed(&rollup, &AttentionRollup::changed);
        QSignalSpy worst(&rollup, &AttentionRollup::worstLevelChanged);
        // The same state again (the next poll): nothing.
        rollup.setSource(item(AttentionRollup::HealthKey, AttentionLevel::Ok, QStringLiteral("All 9 services healthy")));
        QCOMPARE(changed.size(), 0);
        // A new summary at the same level: changed, but not the worst level.
        rollup.setSource(item(AttentionRollup::HealthKey, AttentionLevel::Ok, QStringLiteral("All 8 services healthy")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(worst.size(), 0);
        rollup.setSource(item(AttentionRollup::HealthKey, AttentionLevel::Warning, QStringLiteral("Degraded: x")));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(worst.size(), 1);
        rollup.removeSource(QStringLiteral("absent"));
        QCOMPARE(changed.size(), 2);
    }

    void healthMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("level");
        QTest::newRow("healthy") << int(HealthStatus::Healthy) << int(AttentionLevel::Ok);
        QTest::newRow("disabled") << int(HealthStatus::Disabled) << int(AttentionLevel::Ok);
        QTest::newRow("initialising") << int(HealthStatus::Initialising) << int(AttentionLevel::Info);
        QTest::newRow("degraded") << int(HealthStatus::Degraded) << int(AttentionLevel::Warning);
        QTest::newRow("stale") << int(HealthStatus::Stale) << int(AttentionLevel::Warning);
        QTest::newRow("unknown") << int(HealthStatus::Unknown) << int(AttentionLevel::Unknown);
        QTest::newRow("unhealthy") << int(HealthStatus::Unhealthy) << int(AttentionLevel::Critical);
        QTest::newRow("unreachable") << int(HealthStatus::Unreachable) << int(AttentionLevel::Critical);
    }
    void healthMapping()
    {
        QFETCH(int, status);
        QFETCH(int, level);
        QCOMPARE(int(AttentionRollup::levelOf(HealthStatus(status))), level);
        // One such tile among healthy ones decides the source's level.
        const AttentionItem h = AttentionRollup::fromHealth({{QStringLiteral("orchestrator"), HealthStatus::Healthy},
                                                             {QStringLiteral("risk_manager"), HealthStatus(status)},
                                                             {QStringLiteral("postgres"), HealthStatus::Healthy}});
        QCOMPARE(int(h.level), level);
        QCOMPARE(h.key, AttentionRollup::HealthKey);
        if (level != int(AttentionLevel::Ok))
            QVERIFY2(h.summary.contains(QStringLiteral("risk_manager")), qPrintable(h.summary));
    }

    void healthSummary()
    {
        const AttentionItem ok = AttentionRollup::fromHealth(
            {{QStringLiteral("a"), HealthStatus::Healthy}, {QStringLiteral("b"), HealthStatus::Healthy}});
        QCOMPARE(ok.level, AttentionLevel::Ok);
        QCOMPARE(ok.summary, QStringLiteral("All 2 services healthy"));
        QCOMPARE(ok.recoveryTitle, QStringLiteral("All services healthy"));

        const AttentionItem bad = AttentionRollup::fromHealth({{QStringLiteral("a"), HealthStatus::Degraded},
                                                               {QStringLiteral("b"), HealthStatus::Unreachable},
                                                               {QStringLiteral("c"), HealthStatus::Unhealthy},
                                                               {QStringLiteral("d"), HealthStatus::Healthy}});
        QCOMPARE(bad.level, AttentionLevel::Critical);
        // The most severe first; healthy tiles are not listed.
        QCOMPARE(bad.summary, QStringLiteral("Unreachable: b; Unhealthy: c; Degraded: a"));

        QList<std::pair<QString, HealthStatus>> many;
        for (const char *name : {"s1", "s2", "s3", "s4", "s5"})
            many.append({QString::fromLatin1(name), HealthStatus::Stale});
        QCOMPARE(AttentionRollup::fromHealth(many).summary, QStringLiteral("Stale: s1, s2, s3 and 2 more"));

        QCOMPARE(AttentionRollup::fromHealth(QList<std::pair<QString, HealthStatus>>{}).level, AttentionLevel::Unknown);
    }

    void breakerMapping()
    {
        BreakerSnapshot open;
        open.trading = TradingState::Enabled;
        open.rawState = QStringLiteral("OPEN");
        AttentionItem b = AttentionRollup::fromBreaker(open);
        QCOMPARE(b.key, AttentionRollup::BreakerKey);
        QCOMPARE(b.level, AttentionLevel::Ok);
        QCOMPARE(b.summary, QStringLiteral("TRADING ENABLED (OPEN)"));
        QCOMPARE(b.recoveryTitle, QStringLiteral("Trading enabled again"));

        BreakerSnapshot tripped;
        tripped.trading = TradingState::Halted;
        tripped.rawState = QStringLiteral("TRIPPED");
        tripped.tripReason = QStringLiteral("Broker API errors\nabove 5%");
        tripped.trippedBy = QStringLiteral("operator");
        b = AttentionRollup::fromBreaker(tripped);
        QCOMPARE(b.level, AttentionLevel::Critical);
        QCOMPARE(b.summary, QStringLiteral("TRADING HALTED (TRIPPED) — Broker API errors above 5% (by operator)"));

        BreakerSnapshot unknown; // a failed or stale read
        unknown.rawState = QStringLiteral("OPEN");
        b = AttentionRollup::fromBreaker(unknown, QStringLiteral("Connection refused"));
        QCOMPARE(b.level, AttentionLevel::Unknown);
        QVERIFY(attentionRank(b.level) > attentionRank(AttentionLevel::Warning));
        QCOMPARE(b.summary, QStringLiteral("UNKNOWN — state could not be verified: Connection refused"));

        // An engaged kill switch stops trading as well.
        KillSwitchSnapshot engaged;
        engaged.state = KillSwitchState::Engaged;
        b = AttentionRollup::fromBreaker(open, {}, &engaged);
        QCOMPARE(b.level, AttentionLevel::Critical);
        QVERIFY2(b.summary.contains(QStringLiteral("ENGAGED")), qPrintable(b.summary));
        KillSwitchSnapshot unread; // an unread kill switch changes nothing
        QCOMPARE(AttentionRollup::fromBreaker(open, {}, &unread).level, AttentionLevel::Ok);
    }

    void slaMapping()
    {
        AttentionItem s = AttentionRollup::fromSla({});
        QCOMPARE(s.key, AttentionRollup::SlaKey);
        QCOMPARE(s.level, AttentionLevel::Ok);
        s = AttentionRollup::fromSla({{QStringLiteral("latency p99"), AttentionLevel::Ok},
                                      {QStringLiteral("fill rate"), AttentionLevel::Warning},
                                      {QStringLiteral("uptime"), AttentionLevel::Critical}});
        QCOMPARE(s.level, AttentionLevel::Critical);
        QCOMPARE(s.summary, QStringLiteral("Critical: uptime; Warning: fill rate"));
        s = AttentionRollup::fromSla({{QStringLiteral("latency p99"), AttentionLevel::Ok}});
        QCOMPARE(s.summary, QStringLiteral("All SLAs met (1)"));
    }

    void slaStatusLevels_data()
    {
        QTest::addColumn<ops::SlaStatus>("status");
        QTest::addColumn<AttentionLevel>("level");
        QTest::newRow("met") << ops::SlaStatus::Met << AttentionLevel::Ok;
        QTest::newRow("no data") << ops::SlaStatus::NoData << AttentionLevel::Info;
        QTest::newRow("breached") << ops::SlaStatus::Breached << AttentionLevel::Warning;
        QTest::newRow("query failed") << ops::SlaStatus::QueryFailed << AttentionLevel::Unknown;
        QTest::newRow("page") << ops::SlaStatus::Page << AttentionLevel::Critical;
    }

    void slaStatusLevels()
    {
        QFETCH(ops::SlaStatus, status);
        QFETCH(AttentionLevel, level);
        QCOMPARE(AttentionRollup::slaLevel(status), level);
    }

    // A profile without Prometheus has no SLA source at all (not an Unknown one that would turn
    // the tray grey for ever).
    void unconfiguredSlaMonitorAddsNoSource()
    {
        ops::PrometheusClient client(nullptr);
        ops::SlaMonitor monitor(&client);
        AttentionRollup rollup;
        rollup.setSource(AttentionRollup::fromSla({{QStringLiteral("old"), AttentionLevel::Critical}}));
        QCOMPARE(rollup.worstLevel(), AttentionLevel::Critical);
        rollup.watchSla(&monitor);
        QCOMPARE(rollup.worstLevel(), AttentionLevel::Unknown); // no sources left at all
        QVERIFY(!rollup.source(AttentionRollup::SlaKey).has_value());
    }
};

QTEST_GUILESS_MAIN(TestAttentionRollup)
#include "tst_attentionrollup.moc"
