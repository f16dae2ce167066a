// The tray icon offscreen (no system tray): it still follows the roll-up's worst level, paints a
// distinct disc and glyph per level in the System Health colours, lists every source in its
// tooltip, and its "Notifications enabled" item persists in QSettings and stops notifications.
#include "MockClock.h"
#include "common/StatusStyle.h"
#include "notify/AttentionRollup.h"
#include "notify/NotificationPolicy.h"
#include "shell/TrayIcon.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace ops;

namespace {

struct Note
{
    QString title;
    QString body;
    AttentionLevel level;
};

AttentionItem health(AttentionLevel level, const QString &summary)
{
    return {AttentionRollup::HealthKey, QStringLiteral("System health"), level, summary, QStringLiteral("All services healthy")};
}

AttentionItem breaker(AttentionLevel level, const QString &summary)
{
    return {AttentionRollup::BreakerKey, QStringLiteral("Circuit breaker"), level, summary, QStringLiteral("Trading enabled again")};
}

// Close enough to `expected` (icon scaling and anti-aliasing may blend a few per cent), and far
// from every other level's colour.
bool isColour(const QColor &actual, const QColor &expected)
{
    return std::abs(actual.red() - expected.red()) <= 10 && std::abs(actual.green() - expected.green()) <= 10
        && std::abs(actual.blue() - expected.blue()) <= 10 && actual.alpha() == 255;
}

QColor discColour(const QIcon &icon)
{
    // A point inside the disc, clear of the glyph and the rim.
    const QImage image = icon.pixmap(QSize(32, 32)).toImage();
    return image.pixelColor(4, 16);
}

} // namespace

class TestTrayIcon final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ini;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ini = m_dir.filePath(QStringLiteral("ops-console.ini"));
    }

    void iconLevelFollowsTheRollup()
    {
        QSettings settings(m_ini, QSettings::IniFormat);
        AttentionRollup rollup;
        TrayIcon tray(&rollup, &settings);
        QVERIFY2(!tray.isTrayAvailable(), "offscreen has no system tray; the state is kept all the same");
        QCOMPARE(tray.level(), AttentionLevel::Unknown); // nothing known yet
        QVERIFY(!tray.icon().isNull());

        rollup.setSource(health(AttentionLevel::Ok, QStringLiteral("All 9 services healthy")));
        rollup.setSource(breaker(AttentionLevel::Ok, QStringLiteral("TRADING ENABLED (OPEN)")));
        QCOMPARE(tray.level(), AttentionLevel::Ok);
        QVERIFY2(isColour(discColour(tray.icon()), StatusStyle::of(HealthStatus::Healthy).colour), qPrintable(discColour(tray.icon()).name()));

        rollup.setSource(health(AttentionLevel::Warning, QStringLiteral("Degraded: reconciler")));
        QCOMPARE(tray.level(), AttentionLevel::Warning);
        QVERIFY2(isColour(discColour(tray.icon()), StatusStyle::of(HealthStatus::Degraded).colour), qPrintable(discColour(tray.icon()).name()));

        rollup.setSource(breaker(AttentionLevel::Unknown, QStringLiteral("UNKNOWN — state could not be verified")));
        QCOMPARE(tray.level(), AttentionLevel::Unknown); // above Warning: never looks fine

        rollup.setSource(breaker(AttentionLevel::Critical, QStringLiteral("TRADING HALTED (TRIPPED)")));
        QCOMPARE(tray.level(), AttentionLevel::Critical);
        QVERIFY2(isColour(discColour(tray.icon()), StatusStyle::of(HealthStatus::Unhealthy).colour), qPrintable(discColour(tray.icon()).name()));

        rollup.setSource(breaker(AttentionLevel::Ok, QStringLiteral("TRADING ENABLED (OPEN)")));
        rollup.setSource(health(AttentionLevel::Ok, QStringLiteral("All 9 services healthy")));
        QCOMPARE(tray.level(), AttentionLevel::Ok);
    }

    void notColourAlone()
    {
        // Each level's glyph differs: compare the glyph's strokes with the colour taken away.
        const QList<AttentionLevel> levels{AttentionLevel::Ok, AttentionLevel::Info, AttentionLevel::Warning,
                                           AttentionLevel::Unknown, AttentionLevel::Critical};
        QList<QImage> masks;
        for (const AttentionLevel level : levels) {
            const QImage image = TrayIcon::paint(level, 32).toImage();
            const QColor fill = TrayIcon::colourOf(level);
            QImage mask(image.size(), QImage::Format_Mono);
            int strokes = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    const bool glyph = c.alpha() == 255 && std::abs(c.lightness() - fill.lightness()) > 60
                                    && QLineF(x + 0.5, y + 0.5, 16, 16).length() < 13; // inside, off the rim
                    mask.setPixel(x, y, glyph ? 1 : 0);
                    strokes += glyph ? 1 : 0;
                }
            }
            QVERIFY2(strokes > 20, qPrintable(attentionLevelKey(level)));
            masks << mask;
        }
        for (int i = 0; i < masks.size(); ++i)
            for (int j = i + 1; j < masks.size(); ++j)
                QVERIFY2(masks[i] != masks[j], qPrintable(QStringLiteral("levels %1 and %2 look alike")
                                                               .arg(attentionLevelKey(levels[i]), attentionLevelKey(levels[j]))));
        // And the colours are the System Health ones.
        QCOMPARE(TrayIcon::colourOf(AttentionLevel::Info), StatusStyle::of(HealthStatus::Initialising).colour);
        QCOMPARE(TrayIcon::colourOf(AttentionLevel::Unknown), StatusStyle::of(HealthStatus::Unknown).colour);
    }

    void toolTipListsEverySource()
    {
        QSettings settings(m_ini, QSettings::IniFormat);
        AttentionRollup rollup;
        TrayIcon tray(&rollup, &settings);
        rollup.setSource(health(AttentionLevel::Warning, QStringLiteral("Stale: orchestrator")));
        rollup.setSource(breaker(AttentionLevel::Critical, QStringLiteral("TRADING HALTED (TRIPPED) — drawdown (by operator)")));
        rollup.setSource({AttentionRollup::SlaKey, QStringLiteral("SLA"), AttentionLevel::Ok, QStringLiteral("All SLAs met (2)"), {}});
        const QStringList lines = tray.toolTip().split(QLatin1Char('\n'));
        QCOMPARE(lines, (QStringList{QStringLiteral("Ops Console: Critical (Circuit breaker)"),
                                     QStringLiteral("Circuit breaker: TRADING HALTED (TRIPPED) — drawdown (by operator)"),
                                     QStringLiteral("System health: Stale: orchestrator"),
                                     QStringLiteral("SLA: All SLAs met (2)")}));
        rollup.setSource(breaker(AttentionLevel::Ok, QStringLiteral("TRADING ENABLED (OPEN)")));
        QCOMPARE(tray.toolTip().section(QLatin1Char('\n'), 0, 0), QStringLiteral("Ops Console: Warning (System health)"));
        rollup.setSource(health(AttentionLevel::Ok, QStringLiteral("All 9 services healthy")));
        QCOMPARE(tray.toolTip().section(QLatin1Char('\n'), 0, 0), QStringLiteral("Ops Console: OK"));
    }

    void menuTogglepersistsAndStopsNotifications()
    {
        QFile::remove(m_ini);
        test::MockClock clock;
        AttentionRollup rollup;
        rollup.setSource(health(AttentionLevel::Ok, QStringLiteral("All 9 services healthy")));
        NotificationPolicy policy(clock);
        policy.watch(&rollup);
        QList<Note> notes;
        {
            QSettings settings(m_ini, QSettings::IniFormat);
            TrayIcon tray(&rollup, &settings);
            tray.setNotificationPolicy(&policy);
            tray.setNotificationSink([&](const QString &title, const QString &body, AttentionLevel level) {
                notes.append({title, body, level});
            });
            QMenu *menu = tray.menu();
            QVERIFY(menu);
            QVERIFY(!menu->accessibleName().isEmpty());
            QCOMPARE(menu->actions().size(), 4); // show, notifications, separator, quit
            QCOMPARE(tray.showAction()->text(), QStringLiteral("&Show Ops Console"));
            QCOMPARE(tray.quitAction()->text(), QStringLiteral("&Quit"));
            QAction *toggle = tray.notificationsAction();
            QCOMPARE(toggle->text(), QStringLiteral("&Notifications enabled"));
            QVERIFY(toggle->isCheckable());
            QVERIFY(toggle->isChecked()); // on by default
            QVERIFY(policy.isEnabled());

            // On: one transition, one notification.
            clock.advanceSeconds(10);
            rollup.setSource(health(AttentionLevel::Critical, QStringLiteral("Unreachable: orchestrator")));
            QCOMPARE(notes.size(), 1);
            QCOMPARE(notes[0].title, QStringLiteral("System health: Critical"));
            QCOMPARE(notes[0].body, QStringLiteral("Unreachable: orchestrator"));

            // Off through the menu: saved, the policy is off, transitions say nothing.
            QSignalSpy changed(&tray, &TrayIcon::notificationsEnabledChanged);
            toggle->trigger();
            QVERIFY(!toggle->isChecked());
            QCOMPARE(changed.size(), 1);
            QVERIFY(!policy.isEnabled());
            QCOMPARE(settings.value(TrayIcon::EnabledKey).toBool(), false);
            clock.advanceSeconds(10);
            rollup.setSource(health(AttentionLevel::Ok, QStringLiteral("All 9 services healthy")));
            clock.advanceSeconds(10);
            rollup.setSource(health(AttentionLevel::Critical, QStringLiteral("Unhealthy: risk_manager")));
            tray.showNotification(QStringLiteral("direct"), QStringLiteral("call"), AttentionLevel::Critical);
            QCOMPARE(notes.size(), 1);
        }
        {
            // A new start reads the choice back.
            QSettings settings(m_ini, QSettings::IniFormat);
            QCOMPARE(settings.value(TrayIcon::EnabledKey).toBool(), false);
            policy.setEnabled(true);
            TrayIcon tray(&rollup, &settings);
            QVERIFY(!tray.notificationsAction()->isChecked());
            tray.setNotificationPolicy(&policy);
            QVERIFY(!policy.isEnabled());
            tray.setNotificationSink([&](const QString &title, const QString &body, AttentionLevel level) {
                notes.append({title, body, level});
            });
            clock.advanceSeconds(10);
            rollup.setSource(health(AttentionLevel::Ok, QStringLiteral("All 9 services healthy")));
            QCOMPARE(notes.size(), 1);

            // Back on: the next transition notifies again.
            tray.notificationsAction()->trigger();
            QVERIFY(policy.isEnabled());
            QCOMPARE(settings.value(TrayIcon::EnabledKey).toBool(), true);
            clock.advanceSeconds(10);
            rollup.setSource(health(AttentionLevel::Warning, QStringLiteral("Degraded: reconciler")));
            QCOMPARE(notes.size(), 2);
            QCOMPARE(notes[1].title, QStringLiteral("System health: Warning"));
            QCOMPARE(notes[1].level, AttentionLevel::Warning);
        }
    }

    void showAndQuit()
    {
        QSettings settings(m_ini, QSettings::IniFormat);
        AttentionRollup rollup;
        TrayIcon tray(&rollup, &settings);
        QWidget window;
        tray.setMainWindow(&window);
        QVERIFY(!window.isVisible());
        tray.showAction()->trigger();
        QVERIFY(window.isVisible());
        window.showMinimized();
        tray.showMainWindow();
        QVERIFY(!window.isMinimized());

        QSignalSpy quit(&tray, &TrayIcon::quitRequested);
        tray.quitAction()->trigger();
        QCOMPARE(quit.size(), 1);
    }
};

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
