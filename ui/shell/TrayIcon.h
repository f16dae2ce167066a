#pragma once

#include "notify/AttentionRollup.h"

#include <QIcon>
#include <QObject>
#include <QPixmap>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QMenu;
class QSettings;
class QSystemTrayIcon;
class QWidget;

namespace ops {

class NotificationPolicy;

// The console in the system tray: an icon for the worst state of an AttentionRollup (a coloured
// disc in the System Health colours with a glyph per level, so it is never colour alone), a
// tooltip with every source's summary, a menu (Show Ops Console, Notifications enabled, Quit), and
// the desktop notifications a NotificationPolicy decides on. The "Notifications enabled" choice is
// kept in QSettings ("notifications/enabled", default on).
//
// Without a system tray (offscreen, some desktops) nothing is shown, but the state, tooltip, icon,
// menu and notification sink work the same, so tests and a tray that appears later see it all.
class TrayIcon final : public QObject
{
    Q_OBJECT

public:
    static inline const QString EnabledKey = QStringLiteral("notifications/enabled");

    // (title, body, level): where a notification goes. Default: QSystemTrayIcon::showMessage.
    using NotificationSink = std::function<void(const QString &, const QString &, AttentionLevel)>;

    // `settings` (not owned; nullptr: the application's default QSettings) keeps the toggle.
    explicit TrayIcon(AttentionRollup *rollup, QSettings *settings = nullptr, QObject *parent = nullptr);
    ~TrayIcon() override;

    // The window that Show Ops Console and a click on the icon bring to the front.
    void setMainWindow(QWidget *window);
    // Sends `policy`'s notifications through the sink and keeps its enabled state in step with
    // the menu and the setting.
    void setNotificationPolicy(NotificationPolicy *policy);
    void setNotificationSink(NotificationSink sink);

    [[nodiscard]] bool isTrayAvailable() const { return m_tray != nullptr; }
    [[nodiscard]] AttentionLevel level() const { return m_level; }
    [[nodiscard]] QString toolTip() const { return m_toolTip; }
    [[nodiscard]] QIcon icon() const { return m_icon; }
    [[nodiscard]] QMenu *menu() const { return m_menu.get(); }
    [[nodiscard]] QAction *showAction() const { return m_showAction; }
    [[nodiscard]] QAction *notificationsAction() const { return m_notificationsAction; }
    [[nodiscard]] QAction *quitAction() const { return m_quitAction; }

    [[nodiscard]] bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);

    // Passes a notification to the sink, unless notifications are switched off.
    void showNotification(const QString &title, const QString &body, AttentionLevel level);
    // Shows, restores and raises the main window.
    void showMainWindow();

    // The tray picture for `level` at `size` pixels: a disc in the level's colour with a white
    // glyph (✓ OK, i Info, ! Warning, ? Unknown, ✕ Critical).
    [[nodiscard]] static QPixmap paint(AttentionLevel level, int size);
    [[nodiscard]] static QColor colourOf(AttentionLevel level);

signals:
    void quitRequested();
    void notificationsEnabledChanged(bool enabled);

private:
    void refresh();

    QPointer<AttentionRollup> m_rollup;
    QSettings *m_settings;
    std::unique_ptr<QSettings> m_ownSettings;
    std::unique_ptr<QMenu> m_menu;
    QAction *m_showAction = nullptr;
    QAction *m_notificationsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QPointer<QWidget> m_window;
    QPointer<NotificationPolicy> m_policy;
    NotificationSink m_sink;
    AttentionLevel m_level = AttentionLevel::Unknown;
    QString m_toolTip;
    QIcon m_icon;
};

} // namespace ops
