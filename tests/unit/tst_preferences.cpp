// Preferences: typed values over an INI file, defaults, limits, change signals, what another
// writer of the same file sees (the tray's notifications/enabled), and the effective refresh
// interval and idle lock against a profile.

#include "core/Preferences.h"
#include "profiles/ConnectionProfile.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ops;

class TestPreferences final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshFile() { return m_dir.filePath(QStringLiteral("prefs-%1.ini").arg(++m_n)); }

    static ConnectionProfile profile(int refresh, int idle)
    {
        ConnectionProfile p;
        p.name = QStringLiteral("prefs-test");
        p.refreshIntervalSeconds = refresh;
        p.idleLockMinutes = idle;
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qunsetenv("AUTO_REFRESH_INTERVAL_SECONDS");
    }

    void defaults()
    {
        Preferences p(freshFile());
        QCOMPARE(p.refreshIntervalOverride(), 0);
        QCOMPARE(p.theme(), Preferences::Theme::System);
        QCOMPARE(p.language(), QStringLiteral("system"));
        QCOMPARE(p.uiLocale(), QLocale::system());
        QVERIFY(p.notificationsEnabled());
        QCOMPARE(p.idleLockOverride(), -1);
        QVERIFY(p.lastPage().isEmpty());
        QVERIFY(p.windowGeometry().isEmpty());
        QVERIFY(p.windowState().isEmpty());
    }

    void valuesSurviveANewInstance()
    {
        const QString file = freshFile();
        {
            Preferences p(file);
            p.setRefreshIntervalOverride(30);
            p.setTheme(Preferences::Theme::Dark);
            p.setLanguage(QStringLiteral("de"));
            p.setNotificationsEnabled(false);
            p.setIdleLockOverride(5);
            p.setLastPage(QStringLiteral("breakerPage"));
            p.setWindowGeometry(QByteArray("geometry\x01\x02", 10), QByteArray("state"));
            p.sync();
        }
        Preferences again(file);
        QCOMPARE(again.refreshIntervalOverride(), 30);
        QCOMPARE(again.theme(), Preferences::Theme::Dark);
        QCOMPARE(again.language(), QStringLiteral("de"));
        QCOMPARE(again.uiLocale().language(), QLocale::German);
        QVERIFY(!again.notificationsEnabled());
        QCOMPARE(again.idleLockOverride(), 5);
        QCOMPARE(again.lastPage(), QStringLiteral("breakerPage"));
        QCOMPARE(again.windowGeometry(), QByteArray("geometry\x01\x02", 10));
        QCOMPARE(again.windowState(), QByteArray("state"));

        // The file uses the documented keys.
        QSettings raw(file, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("refresh/interval_seconds")).toInt(), 30);
        QCOMPARE(raw.value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(raw.value(QStringLiteral("appearance/language")).toString(), QStringLiteral("de"));
        QCOMPARE(raw.value(QStringLiteral("notifications/enabled")).toBool(), false);
        QCOMPARE(raw.value(QStringLiteral("lock/idle_minutes")).toInt(), 5);
        QCOMPARE(raw.value(QStringLiteral("window/last_page")).toString(), QStringLiteral("breakerPage"));
    }

    void changedOnlyOnRealChanges()
    {
        const QString file = freshFile();
        Preferences p(file);
        QSignalSpy spy(&p, &Preferences::changed);
        p.setTheme(Preferences::Theme::Light);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Preferences::Setting>(), Preferences::Setting::Theme);
        p.setTheme(Preferences::Theme::Light);
        QCOMPARE(spy.count(), 1);
        p.setRefreshIntervalOverride(15);
        p.setRefreshIntervalOverride(15);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).value<Preferences::Setting>(), Preferences::Setting::RefreshInterval);
        p.setRefreshIntervalOverride(0); // back to the profile's
        QCOMPARE(spy.count(), 3);
        p.setRefreshIntervalOverride(-4); // still none
        QCOMPARE(spy.count(), 3);
        p.setIdleLockOverride(-1); // never set: nothing to remove
        QCOMPARE(spy.count(), 3);
        p.setNotificationsEnabled(true); // default true, but now stored
        p.setNotificationsEnabled(true);
        QCOMPARE(spy.count(), 4);
        QCOMPARE(spy.at(3).at(0).value<Preferences::Setting>(), Preferences::Setting::Notifications);
        p.setWindowGeometry("g", "s");
        p.setWindowGeometry("g", "s");
        QCOMPARE(spy.count(), 5);
        p.sync();

        // Values read back from the file (as strings) compare equal to the same values set again.
        Preferences reread(file);
        QSignalSpy spy2(&reread, &Preferences::changed);
        reread.setTheme(Preferences::Theme::Light);
        reread.setNotificationsEnabled(true);
        reread.setWindowGeometry("g", "s");
        QCOMPARE(spy2.count(), 0);
        reread.setLanguage(QStringLiteral("en"));
        QCOMPARE(spy2.count(), 1);
    }

    void limitsAndUnknownValues()
    {
        const QString file = freshFile();
        Preferences p(file);
        p.setRefreshIntervalOverride(1);
        QCOMPARE(p.refreshIntervalOverride(), ConnectionProfile::MinimumRefreshSeconds);
        p.setRefreshIntervalOverride(1000000);
        QCOMPARE(p.refreshIntervalOverride(), Preferences::MaximumRefreshSeconds);
        p.setIdleLockOverride(100000);
        QCOMPARE(p.idleLockOverride(), Preferences::MaximumIdleLockMinutes);
        p.setLanguage(QStringLiteral("tlh"));
        QCOMPARE(p.language(), QStringLiteral("system"));
        p.sync();

        // A hand-edited file: nonsense reads as the default; a too-small interval is raised.
        {
            QSettings raw(file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("appearance/theme"), QStringLiteral("solarized"));
            raw.setValue(QStringLiteral("appearance/language"), QStringLiteral("fr"));
            raw.setValue(QStringLiteral("refresh/interval_seconds"), QStringLiteral("abc"));
            raw.setValue(QStringLiteral("lock/idle_minutes"), QStringLiteral("-7"));
        }
        Preferences edited(file);
        QCOMPARE(edited.theme(), Preferences::Theme::System);
        QCOMPARE(edited.language(), QStringLiteral("system"));
        QCOMPARE(edited.refreshIntervalOverride(), 0);
        QCOMPARE(edited.idleLockOverride(), -1);
        {
            QSettings raw(file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("refresh/interval_seconds"), 1);
        }
        Preferences small(file);
        QCOMPARE(small.refreshIntervalOverride(), ConnectionProfile::MinimumRefreshSeconds);
    }

    void themeKeys()
    {
        for (const auto theme : {Preferences::Theme::System, Preferences::Theme::Light, Preferences::Theme::Dark})
            QCOMPARE(Preferences::themeFromKey(Preferences::themeKey(theme)), theme);
        QCOMPARE(Preferences::themeKey(Preferences::Theme::Dark), QStringLiteral("dark"));
    }

    // The tray keeps "Notifications enabled" in the same key of the same QSettings object.
    void notificationsShareTheTraysKey()
    {
        Preferences p(freshFile());
        QSettings *shared = p.settings();
        shared->setValue(QStringLiteral("notifications/enabled"), false);
        QVERIFY(!p.notificationsEnabled());
        QSignalSpy spy(&p, &Preferences::changed);
        p.setNotificationsEnabled(true);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(shared->value(QStringLiteral("notifications/enabled")).toBool(), true);
        QCOMPARE(Preferences::NotificationsKey, QStringLiteral("notifications/enabled"));
    }

    void effectiveRefreshSeconds()
    {
        Preferences p(freshFile());
        const ConnectionProfile tenSeconds = profile(10, 15);
        QCOMPARE(p.effectiveRefreshSeconds(tenSeconds), 10);
        p.setRefreshIntervalOverride(30);
        QCOMPARE(p.effectiveRefreshSeconds(tenSeconds), 30);
        p.setRefreshIntervalOverride(1);
        QCOMPARE(p.effectiveRefreshSeconds(tenSeconds), 2);
        // The environment variable is an explicit choice for this run: it wins.
        qputenv("AUTO_REFRESH_INTERVAL_SECONDS", "7");
        QCOMPARE(p.effectiveRefreshSeconds(tenSeconds), 7);
        qunsetenv("AUTO_REFRESH_INTERVAL_SECONDS");
        p.setRefreshIntervalOverride(0);
        QCOMPARE(p.effectiveRefreshSeconds(profile(1, 15)), ConnectionProfile::MinimumRefreshSeconds);
    }

    void effectiveIdleLockNeverLaterThanTheProfile()
    {
        Preferences p(freshFile());
        QCOMPARE(p.effectiveIdleLockMinutes(15), 15); // no override
        p.setIdleLockOverride(5);
        QCOMPARE(p.effectiveIdleLockMinutes(15), 5);  // sooner: yes
        p.setIdleLockOverride(30);
        QCOMPARE(p.effectiveIdleLockMinutes(15), 15); // later: no
        p.setIdleLockOverride(0);
        QCOMPARE(p.effectiveIdleLockMinutes(15), 15); // "never": no
        // A profile that never locks: the operator may still choose to lock.
        p.setIdleLockOverride(10);
        QCOMPARE(p.effectiveIdleLockMinutes(0), 10);
        p.setIdleLockOverride(-1);
        QCOMPARE(p.effectiveIdleLockMinutes(0), 0);
    }
};

QTEST_GUILESS_MAIN(TestPreferences)
#include "tst_preferences.moc"
