#pragma once

#include "auth/Session.h"
#include "auth/SignInDialog.h"
#include "core/SupportBundle.h"
#include "profiles/ConnectionProfile.h"
#include "shell/Command.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QPushButton;
class QStackedWidget;

namespace ops {

class ApiClient;
class CommandPalette;
class EnvironmentBanner;
class HealthMonitor;
class HealthPage;
class IdleLock;
class Preferences;
class PreferencesDialog;
class Session;
class ShortcutSheet;
class SignInDialog;

// The console's window: the environment banner on top, page navigation on the left, the
// current page in the middle, and a status bar with the environment and refresh state.
// With a Session it also shows who is signed in, asks for sign-in when the platform wants it
// (without disturbing whatever the operator was doing), gates actions by permission, and locks
// itself after the profile's idle time.
//
// Desktop conventions: File → Preferences… (Ctrl+,), a Go menu with every page (Ctrl+1…), Help →
// Keyboard shortcuts (F1), Command palette (Ctrl+K), Create support bundle… (Ctrl+Shift+B) and
// About (Ctrl+F1); every action has a shortcut. With setPreferences() the window restores its
// geometry and last page, saves them on close, and follows changes of the refresh interval, idle
// lock and theme at once.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // `session` may be nullptr (no sign-in at all: screenshots, health-only tests). `api` is
    // optional and only used to show full TLS details in the sign-in dialog.
    MainWindow(const ConnectionProfile &profile, HealthMonitor *monitor, QWidget *parent = nullptr,
               Session *session = nullptr, ApiClient *api = nullptr);
    ~MainWindow() override;

    [[nodiscard]] HealthPage *healthPage() const { return m_healthPage; }
    [[nodiscard]] EnvironmentBanner *environmentBanner() const { return m_banner; }
    [[nodiscard]] QString statusText() const;

    [[nodiscard]] Session *session() const { return m_session; }
    // "user (role) · environment", or "Not signed in · environment".
    [[nodiscard]] QString sessionText() const;
    // The keychain notice in the status bar; empty when there is none.
    [[nodiscard]] QString keychainNotice() const;

    // The action is enabled only while the signed-in user has `permission`; otherwise it is
    // disabled and its tooltip says what is missing. Re-evaluated on sign-in and sign-out.
    void setActionPermission(QAction *action, const QString &permission);

    // Opens the sign-in dialog (modal to this window, one at a time) unless one is open already.
    void requestSignIn(const QString &reason = {});
    [[nodiscard]] SignInDialog *signInDialog() const { return m_signInDialog; }

    [[nodiscard]] IdleLock *idleLock() const { return m_idleLock; }
    [[nodiscard]] bool isLocked() const;
    [[nodiscard]] QWidget *lockPanel() const { return m_lockPanel; }
    void lockNow();

    // Composition: another page in the navigation (with its Ctrl+number shortcut), and a widget
    // that stays visible at the left of the permanent status area (e.g. the breaker state).
    // An empty shortcut gets the next free Ctrl+1…Ctrl+9.
    void addPage(QWidget *page, const QString &title, const QKeySequence &shortcut);
    void addStatusWidget(QWidget *widget);
    void showPage(QWidget *page);
    [[nodiscard]] QWidget *currentPage() const;
    // A page's stable key for "last page": its objectName, else its class name (with the page's
    // position when two pages share a class).
    [[nodiscard]] QString pageKey(QWidget *page) const;

    // Not owned. Restores geometry and last page now (and a last page added later), applies the
    // refresh and idle-lock overrides, follows later changes, and saves the window on close.
    void setPreferences(Preferences *preferences);
    // The ones set, or (for the dialog only) the standard settings file's, created on first use.
    [[nodiscard]] Preferences *preferences();

    // Every command for the palette and the shortcut sheet: the menus' actions ("Go to <page>"
    // for pages) and the pages' own actions.
    [[nodiscard]] QList<Command> commands() const;
    CommandPalette *openCommandPalette();
    ShortcutSheet *showShortcuts();
    PreferencesDialog *openPreferences();
    [[nodiscard]] CommandPalette *commandPalette() const;
    [[nodiscard]] ShortcutSheet *shortcutSheet() const;
    [[nodiscard]] PreferencesDialog *preferencesDialog() const;

    // Where the logs are (default: SupportBundle::defaultLogDirectory()).
    void setLogDirectory(const QString &directory) { m_logDirectory = directory; }
    // Writes the support bundle to `path` off the GUI thread; supportBundleFinished() tells the result.
    void createSupportBundle(const QString &path);
    [[nodiscard]] bool isCreatingSupportBundle() const { return m_bundleRunning; }

    [[nodiscard]] QAction *preferencesAction() const { return m_preferencesAction; }
    [[nodiscard]] QAction *shortcutsAction() const { return m_shortcutsAction; }
    [[nodiscard]] QAction *commandPaletteAction() const { return m_paletteAction; }
    [[nodiscard]] QAction *supportBundleAction() const { return m_bundleAction; }
    [[nodiscard]] QAction *aboutAction() const { return m_aboutAction; }
    [[nodiscard]] QAction *signInAction() const { return m_signInAction; }
    [[nodiscard]] QAction *signOutAction() const { return m_signOutAction; }
    [[nodiscard]] QAction *lockAction() const { return m_lockAction; }

signals:
    void locked();
    void unlocked();
    // The operator entered the profile's PostgreSQL password (to be kept in the keychain only).
    void postgresPasswordEntered(const QString &password);
    void supportBundleFinished(const ops::SupportBundle::Result &result);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void askPostgresPassword();
    void askSupportBundlePath();
    void onPreferenceChanged(int setting);
    void restoreLastPage();
    void saveWindow();
    void refreshTiles();
    void setDesktopActionsEnabled(bool enabled);

    struct GatedAction
    {
        QPointer<QAction> action;
        QString permission;
        QString originalToolTip;
    };

    void updateStatus();
    void updateSession();
    void updatePermissions();
    void updateTitle();
    void showLock(bool lockedNow);
    void signOut();
    void openSignIn(const QString &reason, bool prefillUser);
    [[nodiscard]] QString environmentName() const;
    QWidget *buildLockPanel();

    ConnectionProfile m_profile;
    HealthMonitor *m_monitor;
    QPointer<Session> m_session;
    QPointer<ApiClient> m_api;
    EnvironmentBanner *m_banner;
    QListWidget *m_nav;
    QStackedWidget *m_pages;
    HealthPage *m_healthPage;
    QLabel *m_statusRefresh;
    QLabel *m_statusSession = nullptr;
    QLabel *m_statusKeychain = nullptr;
    QStackedWidget *m_central = nullptr;
    QWidget *m_content = nullptr;
    QWidget *m_lockPanel = nullptr;
    QLabel *m_lockText = nullptr;
    QPushButton *m_unlockButton = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    IdleLock *m_idleLock = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_lockAction = nullptr;
    QAction *m_postgresPasswordAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_paletteAction = nullptr;
    QAction *m_bundleAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QList<QAction *> m_pageActions; // by page index
    QList<QWidget *> m_pageWidgets;
    QPointer<Preferences> m_preferences;
    Preferences *m_ownPreferences = nullptr;
    QPointer<CommandPalette> m_palette;
    QPointer<ShortcutSheet> m_shortcutSheet;
    QPointer<PreferencesDialog> m_preferencesDialog;
    QString m_pendingLastPage;  // restored when a page with this key is added
    QString m_runningLanguage;
    QString m_logDirectory;
    bool m_bundleRunning = false;
    QPointer<SignInDialog> m_signInDialog;
    QList<GatedAction> m_gated;
    int m_lastState = 0;
    bool m_lockRequested = false;
    bool m_keychainProblem = false;
};

} // namespace ops
