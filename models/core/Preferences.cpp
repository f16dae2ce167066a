#include "core/Preferences.h"

#include "profiles/ConnectionProfile.h"

#include <QLocale>

#include <algorithm>

namespace ops {

Preferences::Preferences(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("OpsConsole"),
                                             QStringLiteral("ops-console")))
{
}

Preferences::Preferences(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

Preferences::~Preferences() = default;

bool Preferences::write(const QString &key, const QVariant &value, Setting setting)
{
    const QVariant before = m_settings->value(key);
    if (!value.isValid()) {
        if (!m_settings->contains(key))
            return false;
        m_settings->remove(key);
    } else {
        // INI files give strings back: compare as text.
        if (m_settings->contains(key) && before.toString() == value.toString())
            return false;
        m_settings->setValue(key, value);
    }
    emit changed(setting);
    return true;
}

int Preferences::refreshIntervalOverride() const
{
    bool ok = false;
    const int seconds = m_settings->value(RefreshIntervalKey).toInt(&ok);
    if (!ok || seconds <= 0)
        return 0;
    return std::clamp(seconds, int(ConnectionProfile::MinimumRefreshSeconds), MaximumRefreshSeconds);
}

void Preferences::setRefreshIntervalOverride(int seconds)
{
    if (seconds <= 0) {
        write(RefreshIntervalKey, QVariant(), Setting::RefreshInterval);
        return;
    }
    write(RefreshIntervalKey, std::clamp(seconds, int(ConnectionProfile::MinimumRefreshSeconds), MaximumRefreshSeconds),
          Setting::RefreshInterval);
}

int Preferences::effectiveRefreshSeconds(const ConnectionProfile &profile) const
{
    bool fromEnv = false;
    const int env = qEnvironmentVariableIntValue("AUTO_REFRESH_INTERVAL_SECONDS", &fromEnv);
    if (fromEnv && env > 0)
        return profile.effectiveRefreshSeconds();
    if (const int override = refreshIntervalOverride(); override > 0)
        return override;
    return profile.effectiveRefreshSeconds();
}

QString Preferences::themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

Preferences::Theme Preferences::themeFromKey(const QString &key)
{
    if (key == QLatin1String("light"))
        return Theme::Light;
    if (key == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

Preferences::Theme Preferences::theme() const { return themeFromKey(m_settings->value(ThemeKey).toString()); }

void Preferences::setTheme(Theme theme) { write(ThemeKey, themeKey(theme), Setting::Theme); }

QString Preferences::language() const
{
    const QString value = m_settings->value(LanguageKey).toString();
    return languages().contains(value) ? value : QStringLiteral("system");
}

void Preferences::setLanguage(const QString &language)
{
    write(LanguageKey, languages().contains(language) ? language : QStringLiteral("system"), Setting::Language);
}

QLocale Preferences::uiLocale() const
{
    const QString lang = language();
    return lang == QLatin1String("system") ? QLocale::system() : QLocale(lang);
}

bool Preferences::notificationsEnabled() const { return m_settings->value(NotificationsKey, true).toBool(); }

void Preferences::setNotificationsEnabled(bool enabled)
{
    // The tray writes this key too: compare with the effective value, not with "is it stored".
    if (notificationsEnabled() == enabled && m_settings->contains(NotificationsKey))
        return;
    write(NotificationsKey, enabled, Setting::Notifications);
}

int Preferences::idleLockOverride() const
{
    bool ok = false;
    const int minutes = m_settings->value(IdleLockKey).toInt(&ok);
    if (!ok || minutes < 0)
        return -1;
    return std::min(minutes, MaximumIdleLockMinutes);
}

void Preferences::setIdleLockOverride(int minutes)
{
    if (minutes < 0) {
        write(IdleLockKey, QVariant(), Setting::IdleLock);
        return;
    }
    write(IdleLockKey, std::min(minutes, MaximumIdleLockMinutes), Setting::IdleLock);
}

int Preferences::effectiveIdleLockMinutes(int profileMinutes) const
{
    const int override = idleLockOverride();
    if (override < 0)
        return profileMinutes;
    if (profileMinutes <= 0)
        return override;
    if (override == 0)
        return profileMinutes;
    return std::min(override, profileMinutes);
}

QString Preferences::lastPage() const { return m_settings->value(LastPageKey).toString(); }

void Preferences::setLastPage(const QString &pageKey) { write(LastPageKey, pageKey, Setting::LastPage); }

QByteArray Preferences::windowGeometry() const { return m_settings->value(GeometryKey).toByteArray(); }

QByteArray Preferences::windowState() const { return m_settings->value(WindowStateKey).toByteArray(); }

void Preferences::setWindowGeometry(const QByteArray &geometry, const QByteArray &state)
{
    const bool same = windowGeometry() == geometry && windowState() == state;
    if (same)
        return;
    m_settings->setValue(GeometryKey, geometry);
    m_settings->setValue(WindowStateKey, state);
    emit changed(Setting::WindowGeometry);
}

void Preferences::sync() { m_settings->sync(); }

} // namespace ops
