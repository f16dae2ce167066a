#include "shell/PreferencesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ops {
namespace {

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    label->setFont(f);
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(Preferences *preferences, const ConnectionProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_profile(profile)
    , m_refreshOverride(new QCheckBox(tr("Use my own &refresh interval"), this))
    , m_refreshSeconds(new QSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_restartNote(nullptr)
    , m_notifications(new QCheckBox(tr("Show desktop &notifications"), this))
    , m_idleOverride(new QCheckBox(tr("Lock &sooner than the profile says"), this))
    , m_idleMinutes(new QSpinBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    setAccessibleName(tr("Preferences"));

    // Refresh interval
    m_refreshOverride->setObjectName(QStringLiteral("refreshOverride"));
    m_refreshOverride->setAccessibleName(tr("Use my own refresh interval"));
    m_refreshSeconds->setObjectName(QStringLiteral("refreshSeconds"));
    m_refreshSeconds->setRange(ConnectionProfile::MinimumRefreshSeconds, Preferences::MaximumRefreshSeconds);
    m_refreshSeconds->setSuffix(tr(" s"));
    m_refreshSeconds->setAccessibleName(tr("Refresh interval in seconds"));
    auto *refreshLabel = new QLabel(tr("Refresh &every:"), this);
    refreshLabel->setBuddy(m_refreshSeconds);
    const int profileSeconds = profile.effectiveRefreshSeconds();
    auto *refreshNote = noteLabel(tr("The profile “%1” refreshes every %2 s; at least %3 s.")
                                      .arg(profile.name)
                                      .arg(profileSeconds)
                                      .arg(ConnectionProfile::MinimumRefreshSeconds),
                                  this);
    if (qEnvironmentVariableIsSet("AUTO_REFRESH_INTERVAL_SECONDS"))
        refreshNote->setText(refreshNote->text() + QLatin1Char(' ')
                             + tr("AUTO_REFRESH_INTERVAL_SECONDS is set and wins for this run."));

    // Theme
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("System"), QVariant::fromValue(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), QVariant::fromValue(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), QVariant::fromValue(Preferences::Theme::Dark));
    m_theme->setAccessibleName(tr("Theme"));
    auto *themeLabel = new QLabel(tr("&Theme:"), this);
    themeLabel->setBuddy(m_theme);

    // Language
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System default"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setAccessibleName(tr("Language"));
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    m_restartNote = noteLabel(tr("The new language takes effect after a restart."), this);
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restartNote->setAccessibleName(tr("Language note"));

    // Notifications
    m_notifications->setObjectName(QStringLiteral("notifications"));
    m_notifications->setAccessibleName(tr("Show desktop notifications"));
    m_notifications->setToolTip(tr("Desktop notifications when a service or the circuit breaker changes state"));

    // Idle lock
    m_idleOverride->setObjectName(QStringLiteral("idleOverride"));
    m_idleOverride->setAccessibleName(tr("Lock sooner than the profile says"));
    m_idleMinutes->setObjectName(QStringLiteral("idleMinutes"));
    m_idleMinutes->setAccessibleName(tr("Idle minutes before the console locks"));
    m_idleMinutes->setSuffix(tr(" min"));
    QString idleText;
    if (profile.idleLockMinutes > 0) {
        m_idleMinutes->setRange(1, profile.idleLockMinutes);
        idleText = tr("The profile “%1” locks after %2 min without input; you can choose a shorter time, not a longer one.")
                       .arg(profile.name)
                       .arg(profile.idleLockMinutes);
    } else {
        m_idleMinutes->setRange(0, Preferences::MaximumIdleLockMinutes);
        m_idleMinutes->setSpecialValueText(tr("Never"));
        m_idleOverride->setText(tr("Lock after a time without &input"));
        m_idleOverride->setAccessibleName(tr("Lock after a time without input"));
        idleText = tr("The profile “%1” never locks by itself.").arg(profile.name);
    }
    auto *idleLabel = new QLabel(tr("Lock &after:"), this);
    idleLabel->setBuddy(m_idleMinutes);

    auto *form = new QFormLayout;
    form->addRow(m_refreshOverride);
    form->addRow(refreshLabel, m_refreshSeconds);
    form->addRow(refreshNote);
    form->addRow(themeLabel, m_theme);
    form->addRow(languageLabel, m_language);
    form->addRow(m_restartNote);
    form->addRow(m_notifications);
    form->addRow(m_idleOverride);
    form->addRow(idleLabel, m_idleMinutes);
    form->addRow(noteLabel(idleText, this));

    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("OK"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Apply)->setAccessibleName(tr("Apply"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("apply"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &PreferencesDialog::apply);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(m_buttons);

    for (QCheckBox *box : {m_refreshOverride, m_notifications, m_idleOverride})
        connect(box, &QCheckBox::toggled, this, &PreferencesDialog::updateState);
    for (QSpinBox *box : {m_refreshSeconds, m_idleMinutes})
        connect(box, &QSpinBox::valueChanged, this, &PreferencesDialog::updateState);
    for (QComboBox *box : {m_theme, m_language})
        connect(box, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateState);

    load();
}

void PreferencesDialog::load()
{
    if (!m_preferences)
        return;
    const int refresh = m_preferences->refreshIntervalOverride();
    m_refreshOverride->setChecked(refresh > 0);
    m_refreshSeconds->setValue(refresh > 0 ? refresh : m_profile.effectiveRefreshSeconds());
    m_theme->setCurrentIndex(m_theme->findData(QVariant::fromValue(m_preferences->theme())));
    if (m_runningLanguage.isEmpty())
        m_runningLanguage = m_preferences->language();
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_preferences->language())));
    m_notifications->setChecked(m_preferences->notificationsEnabled());
    const int idle = m_preferences->idleLockOverride();
    const int effective = m_preferences->effectiveIdleLockMinutes(m_profile.idleLockMinutes);
    m_idleOverride->setChecked(idle >= 0 && effective != m_profile.idleLockMinutes);
    m_idleMinutes->setValue(effective);
    updateState();
}

void PreferencesDialog::apply()
{
    if (!m_preferences)
        return;
    m_preferences->setRefreshIntervalOverride(m_refreshOverride->isChecked() ? m_refreshSeconds->value() : 0);
    m_preferences->setTheme(m_theme->currentData().value<Preferences::Theme>());
    m_preferences->setLanguage(m_language->currentData().toString());
    m_preferences->setNotificationsEnabled(m_notifications->isChecked());
    m_preferences->setIdleLockOverride(m_idleOverride->isChecked() ? m_idleMinutes->value() : -1);
    m_preferences->sync();
    updateState();
}

bool PreferencesDialog::isDirty() const
{
    if (!m_preferences)
        return false;
    const int refresh = m_refreshOverride->isChecked() ? m_refreshSeconds->value() : 0;
    const int idle = m_idleOverride->isChecked() ? m_idleMinutes->value() : -1;
    const int storedIdle = m_preferences->idleLockOverride();
    const bool idleSame = idle == storedIdle
                          || (idle < 0 && m_preferences->effectiveIdleLockMinutes(m_profile.idleLockMinutes) == m_profile.idleLockMinutes);
    return refresh != m_preferences->refreshIntervalOverride()
           || m_theme->currentData().value<Preferences::Theme>() != m_preferences->theme()
           || m_language->currentData().toString() != m_preferences->language()
           || m_notifications->isChecked() != m_preferences->notificationsEnabled() || !idleSame;
}

void PreferencesDialog::updateState()
{
    m_refreshSeconds->setEnabled(m_refreshOverride->isChecked());
    m_idleMinutes->setEnabled(m_idleOverride->isChecked());
    m_restartNote->setVisible(m_language->currentData().toString() != m_runningLanguage);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(isDirty());
}

void PreferencesDialog::setRunningLanguage(const QString &language)
{
    m_runningLanguage = language;
    updateState();
}

bool PreferencesDialog::restartNoteShown() const { return !m_restartNote->isHidden(); }

} // namespace ops
