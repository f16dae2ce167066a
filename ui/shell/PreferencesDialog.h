#pragma once

#include "core/Preferences.h"
#include "profiles/ConnectionProfile.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace ops {

// Edit → Preferences (Ctrl+,): refresh interval, theme, language, notifications and idle lock.
// OK applies and closes, Apply applies and stays, Cancel forgets. The refresh interval and the
// idle lock show the profile's values they replace; the idle lock can only be made shorter than
// the profile's. A language change takes effect after a restart (the dialog says so).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(Preferences *preferences, const ConnectionProfile &profile, QWidget *parent = nullptr);

    [[nodiscard]] QCheckBox *refreshOverrideBox() const { return m_refreshOverride; }
    [[nodiscard]] QSpinBox *refreshSecondsBox() const { return m_refreshSeconds; }
    [[nodiscard]] QComboBox *themeBox() const { return m_theme; }
    [[nodiscard]] QComboBox *languageBox() const { return m_language; }
    [[nodiscard]] QCheckBox *notificationsBox() const { return m_notifications; }
    [[nodiscard]] QCheckBox *idleOverrideBox() const { return m_idleOverride; }
    [[nodiscard]] QSpinBox *idleMinutesBox() const { return m_idleMinutes; }
    [[nodiscard]] QDialogButtonBox *buttons() const { return m_buttons; }
    [[nodiscard]] bool restartNoteShown() const;
    // The language the console is running in ("system", "en", "de"); the restart note shows while
    // the chosen one differs. Default: the stored choice when the dialog opened.
    void setRunningLanguage(const QString &language);

    // Reads the preferences into the form / writes the form to the preferences.
    void load();
    void apply();

private:
    void updateState();
    [[nodiscard]] bool isDirty() const;

    QPointer<Preferences> m_preferences;
    ConnectionProfile m_profile;
    QString m_runningLanguage;
    QCheckBox *m_refreshOverride;
    QSpinBox *m_refreshSeconds;
    QComboBox *m_theme;
    QComboBox *m_language;
    QLabel *m_restartNote;
    QCheckBox *m_notifications;
    QCheckBox *m_idleOverride;
    QSpinBox *m_idleMinutes;
    QDialogButtonBox *m_buttons;
};

} // namespace ops
