#pragma once

#include <QByteArray>
#include <QLocale>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace ops {

struct ConnectionProfile;

// The operator's own choices, typed, over QSettings (INI, the same per-user file as the profiles
// unless a file is given). Values are read from QSettings on every call, so another writer of the
// same QSettings object (the tray's "Notifications enabled" toggle) is always seen. Setters write
// at once and emit changed() only when the value really changes.
//
// Keys (stable; the tray uses notifications/enabled too):
//   refresh/interval_seconds   int, absent = the profile's interval
//   appearance/theme           "system" | "light" | "dark"
//   appearance/language        "system" | "en" | "de"
//   notifications/enabled      bool, default true
//   lock/idle_minutes          int, absent = the profile's idle time (0 = never)
//   window/geometry, window/state   QMainWindow::saveGeometry()/saveState()
//   window/last_page           the key of the page shown last
class Preferences final : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)
    enum class Setting { RefreshInterval, Theme, Language, Notifications, IdleLock, LastPage, WindowGeometry };
    Q_ENUM(Setting)

    static inline const QString RefreshIntervalKey = QStringLiteral("refresh/interval_seconds");
    static inline const QString ThemeKey = QStringLiteral("appearance/theme");
    static inline const QString LanguageKey = QStringLiteral("appearance/language");
    static inline const QString NotificationsKey = QStringLiteral("notifications/enabled");
    static inline const QString IdleLockKey = QStringLiteral("lock/idle_minutes");
    static inline const QString GeometryKey = QStringLiteral("window/geometry");
    static inline const QString WindowStateKey = QStringLiteral("window/state");
    static inline const QString LastPageKey = QStringLiteral("window/last_page");

    static constexpr int MaximumRefreshSeconds = 3600;
    static constexpr int MaximumIdleLockMinutes = 24 * 60;

    // The application's standard settings file (the one ProfileStore uses).
    explicit Preferences(QObject *parent = nullptr);
    // A given INI file (tests, --config).
    explicit Preferences(const QString &iniPath, QObject *parent = nullptr);
    ~Preferences() override;

    // The QSettings behind it, for code that keeps its own keys in the same file (TrayIcon).
    [[nodiscard]] QSettings *settings() const { return m_settings.get(); }
    [[nodiscard]] QString fileName() const { return m_settings->fileName(); }

    // Refresh interval override in seconds; 0 = none (use the profile's). Values below
    // ConnectionProfile::MinimumRefreshSeconds are raised to it, above MaximumRefreshSeconds lowered.
    [[nodiscard]] int refreshIntervalOverride() const;
    void setRefreshIntervalOverride(int seconds);
    // What the monitor should use: AUTO_REFRESH_INTERVAL_SECONDS from the environment wins (it is
    // an explicit choice for this run), then the override, then the profile's interval.
    [[nodiscard]] int effectiveRefreshSeconds(const ConnectionProfile &profile) const;

    [[nodiscard]] Theme theme() const;
    void setTheme(Theme theme);
    [[nodiscard]] static QString themeKey(Theme theme);
    [[nodiscard]] static Theme themeFromKey(const QString &key); // unknown = System

    // "system", "en" or "de" (anything else reads as "system").
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);
    [[nodiscard]] static QStringList languages() { return {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de")}; }
    // The locale to load translations for: the system's, or the chosen language's.
    [[nodiscard]] QLocale uiLocale() const;

    [[nodiscard]] bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);

    // Idle lock override in minutes; -1 = none (use the profile's), 0 = never.
    [[nodiscard]] int idleLockOverride() const;
    void setIdleLockOverride(int minutes);
    // What the lock should use. The operator may lock sooner than the profile says, never later:
    // with a profile value > 0, the override only counts when it is shorter (and 0 = "never" is
    // ignored); with a profile value of 0 (never) any override counts.
    [[nodiscard]] int effectiveIdleLockMinutes(int profileMinutes) const;

    [[nodiscard]] QString lastPage() const;
    void setLastPage(const QString &pageKey);

    [[nodiscard]] QByteArray windowGeometry() const;
    [[nodiscard]] QByteArray windowState() const;
    void setWindowGeometry(const QByteArray &geometry, const QByteArray &state);

    // Writes pending changes to disk (QSettings also does so on its own, later).
    void sync();

signals:
    void changed(ops::Preferences::Setting setting);

private:
    bool write(const QString &key, const QVariant &value, Setting setting);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace ops
