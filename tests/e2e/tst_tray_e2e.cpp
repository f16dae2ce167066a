// The tray and its notifications end to end: the sandbox in-process over real HTTP, a real
// PostgreSQL, the console's HealthMonitor/HealthModel and BreakerController feeding an
// AttentionRollup, a NotificationPolicy and the TrayIcon (offscreen: the state is kept, the
// notifications are counted through the sink). A service going down, polls that change nothing,
// the recovery, and a breaker tripped by someone else through the REST API.

#include "E2eFixture.h"
#include "MockClock.h"
#include "SandboxHttp.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "breaker/BreakerController.h"
#include "health/HealthModel.h"
#include "health/HealthMonitor.h"
#include "notify/AttentionRollup.h"
#include "notify/NotificationPolicy.h"
#include "shell/TrayIcon.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>

using namespace ops;
using opssandbox::Fault;

namespace {

const QString kDb = QStringLiteral("ops_e2e_tray");

struct Note
{
    QString title;
    QString body;
    AttentionLevel level;
};

} // namespace

class TestTrayE2e final : public QObject
{
    Q_OBJECT

    test::SandboxFixture m_fx;
    QTemporaryDir m_dir;
    test::MockClock m_clock{QDateTime::currentDateTimeUtc()};
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<BreakerController> m_breaker;
    std::unique_ptr<HealthMonitor> m_monitor;
    std::unique_ptr<HealthModel> m_model;
    std::unique_ptr<AttentionRollup> m_rollup;
    std::unique_ptr<NotificationPolicy> m_policy;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TrayIcon> m_tray;
    QList<Note> m_notes;

    bool refreshHealth(int advanceSeconds)
    {
        m_clock.advanceSeconds(advanceSeconds);
        QSignalSpy finished(m_monitor.get(), &HealthMonitor::refreshFinished);
        m_monitor->refreshNow();
        return finished.wait(15000);
    }

    QString describe() const
    {
        QStringList notes;
        for (const Note &n : m_notes)
            notes << QStringLiteral("[%1 | %2 | %3]").arg(n.title, n.body, attentionLevelKey(n.level));
        return m_tray->toolTip() + QStringLiteral("\nnotes: ") + notes.join(QStringLiteral(", "));
    }

    test::Answer breakerCall(const QString &path, const QString &reason)
    {
        const QByteArray token = test::signInToken(m_nam, m_fx.sandbox->apiBaseUrl(), QStringLiteral("operator"));
        test::Headers headers = test::apiHeaders(token);
        headers.append({QByteArrayLiteral("Idempotency-Key"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
        return test::send(m_nam, m_fx.sandbox->apiBaseUrl().resolved(QUrl(path)), "POST",
                          test::body(QJsonObject{{QStringLiteral("reason"), reason}, {QStringLiteral("acknowledged"), true}}),
                          headers);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = m_fx.start(kDb, true); // fresh: the breaker starts OPEN
        QVERIFY2(error.isEmpty(), qPrintable(error));

        m_api = std::make_unique<ApiClient>(m_fx.profile);
        m_store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-e2e-tray"));
        m_session = std::make_unique<Session>(m_api.get(), m_store.get(), m_fx.profile.name);
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("viewer"), QStringLiteral("viewer-sandbox-pw"), false);
        QVERIFY(signedIn.wait(10000));

        // As the console composes them (app/main.cpp): the breaker polled on its own timer, the
        // health monitor refreshed by the test on a mock clock, one roll-up, one policy, the tray.
        m_breaker = std::make_unique<BreakerController>(m_session.get());
        m_monitor = std::make_unique<HealthMonitor>(m_fx.profile, m_clock);
        m_monitor->setFetchTimeoutMs(2000);
        m_model = std::make_unique<HealthModel>(m_monitor.get());
        m_rollup = std::make_unique<AttentionRollup>();
        m_rollup->watchHealth(m_model.get(), m_monitor.get());
        m_rollup->watchBreaker(m_breaker.get());
        m_policy = std::make_unique<NotificationPolicy>(m_clock);
        m_policy->watch(m_rollup.get());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("ops-console.ini")), QSettings::IniFormat);
        m_tray = std::make_unique<TrayIcon>(m_rollup.get(), m_settings.get());
        m_tray->setNotificationPolicy(m_policy.get());
        m_tray->setNotificationSink([this](const QString &title, const QString &body, AttentionLevel level) {
            m_notes.append({title, body, level});
        });

        // Start-up: nothing verified yet, and that is not news.
        QCOMPARE(m_tray->level(), AttentionLevel::Unknown);
        m_breaker->start();
        QVERIFY(refreshHealth(0));
        QTRY_VERIFY_WITH_TIMEOUT(m_breaker->isVerified(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->level(), AttentionLevel::Ok, 5000);
        QVERIFY2(m_notes.isEmpty(), qPrintable(describe()));
        QVERIFY2(m_tray->toolTip().contains(QStringLiteral("TRADING ENABLED (OPEN)")), qPrintable(describe()));
        QVERIFY2(m_tray->toolTip().contains(QStringLiteral("All 9 services healthy")), qPrintable(describe()));
    }

    void cleanupTestCase()
    {
        if (m_breaker)
            m_breaker->stop();
        if (m_fx.sandbox)
            m_fx.sandbox->clearFaults();
    }

    void serviceDownIsCriticalWithOneNotification()
    {
        QString error;
        QVERIFY2(m_fx.sandbox->setFault(QStringLiteral("orchestrator"), Fault::Down, 0, &error), qPrintable(error));
        // The next refresh comes 30 s after the last good answer: the tile is unreachable.
        QVERIFY(refreshHealth(30));
        QCOMPARE(m_tray->level(), AttentionLevel::Critical);
        QCOMPARE(m_rollup->worstSources(), QStringList{AttentionRollup::HealthKey});
        QVERIFY2(m_tray->toolTip().contains(QStringLiteral("Unreachable: orchestrator")), qPrintable(describe()));
        QVERIFY2(m_notes.size() == 1, qPrintable(describe()));
        QCOMPARE(m_notes[0].title, QStringLiteral("System health: Critical"));
        QVERIFY2(m_notes[0].body.contains(QStringLiteral("orchestrator")), qPrintable(describe()));
        QCOMPARE(m_notes[0].level, AttentionLevel::Critical);
    }

    void furtherPollsAddNone()
    {
        for (int i = 0; i < 3; ++i)
            QVERIFY(refreshHealth(10));
        QTest::qWait(5500); // and at least one breaker poll in real time
        QCOMPARE(m_tray->level(), AttentionLevel::Critical);
        QVERIFY2(m_notes.size() == 1, qPrintable(describe()));

        // A second failure while already Critical changes the details, not the level: no pop-up.
        QString error;
        QVERIFY2(m_fx.sandbox->setFault(QStringLiteral("risk_manager"), Fault::Unhealthy, 0, &error), qPrintable(error));
        QVERIFY(refreshHealth(10));
        QVERIFY2(m_tray->toolTip().contains(QStringLiteral("risk_manager")), qPrintable(describe()));
        QVERIFY(refreshHealth(10));
        QCOMPARE(m_tray->level(), AttentionLevel::Critical);
        QVERIFY2(m_notes.size() == 1, qPrintable(describe()));
    }

    void clearingTheFaultNotifiesTheRecoveryOnce()
    {
        m_fx.sandbox->clearFaults();
        QVERIFY(refreshHealth(10));
        QCOMPARE(m_tray->level(), AttentionLevel::Ok);
        QVERIFY2(m_notes.size() == 2, qPrintable(describe()));
        QCOMPARE(m_notes[1].title, QStringLiteral("All services healthy"));
        QCOMPARE(m_notes[1].level, AttentionLevel::Ok);
        QVERIFY(refreshHealth(10));
        QVERIFY(refreshHealth(10));
        QVERIFY2(m_notes.size() == 2, qPrintable(describe()));
    }

    void breakerTrippedThroughTheApiIsCriticalAndNamed()
    {
        // Someone else trips the breaker; the console finds out on its next poll.
        const QString reason = QStringLiteral("Broker API errors above 5% for ten minutes");
        const test::Answer a = breakerCall(QStringLiteral("api/v1/circuit-breaker/trip"), reason);
        QVERIFY2(a.status == 200, qPrintable(QString::fromUtf8(a.body)));
        m_breaker->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->level(), AttentionLevel::Critical, 10000);
        QCOMPARE(m_rollup->worstSources(), QStringList{AttentionRollup::BreakerKey});
        QCOMPARE(m_tray->toolTip().section(QLatin1Char('\n'), 0, 0), QStringLiteral("Ops Console: Critical (Circuit breaker)"));
        QVERIFY2(m_tray->toolTip().contains(QStringLiteral("TRADING HALTED (TRIPPED)")), qPrintable(describe()));
        QVERIFY2(m_notes.size() == 3, qPrintable(describe()));
        QCOMPARE(m_notes[2].title, QStringLiteral("Circuit breaker: Critical"));
        QVERIFY2(m_notes[2].body.contains(reason), qPrintable(describe()));
        QVERIFY2(m_notes[2].body.contains(QStringLiteral("(by operator)")), qPrintable(describe()));

        // Polls while it stays tripped say nothing more; a health poll neither.
        QTest::qWait(5500);
        QVERIFY(refreshHealth(10));
        QVERIFY2(m_notes.size() == 3, qPrintable(describe()));
    }

    void breakerResetNotifiesTradingEnabledAgain()
    {
        m_clock.advanceSeconds(60); // past the notification window of the three above
        const test::Answer a = breakerCall(QStringLiteral("api/v1/circuit-breaker/reset"),
                                           QStringLiteral("Broker confirmed the incident is resolved"));
        QVERIFY2(a.status == 200, qPrintable(QString::fromUtf8(a.body)));
        m_breaker->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->level(), AttentionLevel::Ok, 10000);
        QVERIFY2(m_notes.size() == 4, qPrintable(describe()));
        QCOMPARE(m_notes[3].title, QStringLiteral("Trading enabled again"));
        QVERIFY2(m_notes[3].body.contains(QStringLiteral("TRADING ENABLED (OPEN)")), qPrintable(describe()));
    }

    void switchedOffFromTheMenuStaysQuiet()
    {
        m_tray->notificationsAction()->trigger();
        QVERIFY(!m_policy->isEnabled());
        QString error;
        QVERIFY2(m_fx.sandbox->setFault(QStringLiteral("risk_manager"), Fault::Unhealthy, 0, &error), qPrintable(error));
        QVERIFY(refreshHealth(10));
        QCOMPARE(m_tray->level(), AttentionLevel::Critical); // the icon still tells
        m_fx.sandbox->clearFaults();
        QVERIFY(refreshHealth(10));
        QCOMPARE(m_tray->level(), AttentionLevel::Ok);
        QVERIFY2(m_notes.size() == 4, qPrintable(describe()));
        QCOMPARE(m_settings->value(TrayIcon::EnabledKey).toBool(), false);
    }
};

QTEST_MAIN(TestTrayE2e)
#include "tst_tray_e2e.moc"
