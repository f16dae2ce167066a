#include "shell/MainWindow.h"

#include "auth/Session.h"
#include "auth/SignInDialog.h"
#include "core/Preferences.h"
#include "health/HealthMonitor.h"
#include "health/HealthPage.h"
#include "health/HealthReport.h"
#include "health/ServiceTile.h"
#include "shell/CommandPalette.h"
#include "shell/EnvironmentBanner.h"
#include "shell/IdleLock.h"
#include "shell/PreferencesDialog.h"
#include "shell/ShortcutSheet.h"
#include "shell/Theme.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QVBoxLayout>

namespace ops {

MainWindow::MainWindow(const ConnectionProfile &profile, HealthMonitor *monitor, QWidget *parent, Session *session,
                       ApiClient *api)
    : QMainWindow(parent)
    , m_profile(profile)
    , m_monitor(monitor)
    , m_session(session)
    , m_api(api)
    , m_banner(new EnvironmentBanner(profile, this))
    , m_nav(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_healthPage(new HealthPage(monitor, this))
    , m_statusRefresh(new QLabel(this))
{
    const QString env = environmentName();
    updateTitle();
    resize(1280, 820);

    m_nav->setAccessibleName(tr("Pages"));
    m_nav->setFocusPolicy(Qt::StrongFocus);
    connect(m_nav, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        m_pendingLastPage.clear(); // the operator (or the restore) has chosen
        if (m_preferences && row >= 0)
            m_preferences->setLastPage(pageKey(m_pages->widget(row)));
    });
    m_goMenu = new QMenu(tr("&Go"), this);
    addPage(m_healthPage, tr("System Health"), QKeySequence(Qt::CTRL | Qt::Key_1));
    m_nav->setCurrentRow(0);

    m_nav->setFixedWidth(190);
    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(m_nav);
    body->addWidget(m_pages, 1);

    m_content = new QWidget(this);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    m_central = new QStackedWidget(this);
    m_central->addWidget(m_content);
    setCentralWidget(m_central);

    menuBar()->setAccessibleName(tr("Menu bar"));
    statusBar()->setAccessibleName(tr("Status bar"));
    QMenu *file = menuBar()->addMenu(tr("&File"));
    if (m_session) {
        m_signInAction = file->addAction(tr("Sign &in…"), this, [this] { openSignIn({}, true); });
        m_signInAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
        m_signOutAction = file->addAction(tr("Sign &out"), this, &MainWindow::signOut);
        m_signOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
        m_lockAction = file->addAction(tr("&Lock now"), this, &MainWindow::lockNow);
        m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
        m_lockAction->setShortcutContext(Qt::WindowShortcut);
        m_lockAction->setToolTip(tr("Cover the window until you sign in again (Ctrl+L)"));
        addAction(m_lockAction);
        m_postgresPasswordAction = file->addAction(tr("PostgreSQL pass&word…"), this, &MainWindow::askPostgresPassword);
        m_postgresPasswordAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        m_postgresPasswordAction->setToolTip(
            tr("Enter the PostgreSQL password for this profile; it is kept in the system keychain only"));
        file->addSeparator();
    }
    m_preferencesAction = file->addAction(tr("&Preferences…"), this, &MainWindow::openPreferences);
    m_preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setToolTip(tr("Refresh interval, theme, language, notifications and idle lock"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_healthPage->refreshAction());
    m_viewMenu->addAction(m_healthPage->pauseAction());
    menuBar()->addMenu(m_goMenu);
    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_shortcutsAction = m_helpMenu->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    m_shortcutsAction->setShortcut(QKeySequence(Qt::Key_F1));
    m_shortcutsAction->setToolTip(tr("Every action and its keyboard shortcut"));
    m_paletteAction = m_helpMenu->addAction(tr("&Command palette…"), this, &MainWindow::openCommandPalette);
    m_paletteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_paletteAction->setToolTip(tr("Find any page or action by typing its name"));
    m_helpMenu->addSeparator();
    m_bundleAction = m_helpMenu->addAction(tr("Create &support bundle…"), this, &MainWindow::askSupportBundlePath);
    m_bundleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_bundleAction->setToolTip(tr("A ZIP file with the logs (secrets removed), settings, versions and the last health "
                                  "snapshot, to attach to a support ticket"));
    m_helpMenu->addSeparator();
    m_aboutAction = m_helpMenu->addAction(tr("&About Ops Console"), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Ops Console"),
                                    tr("Ops Console %1\nA desktop console for operators of trading and risk platforms.")
                                        .arg(QCoreApplication::applicationVersion()),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("aboutBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    m_aboutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F1));
    // A theme applied while the window is open: the tiles pick their colours again.
    connect(Theme::instance(), &Theme::applied, this, &MainWindow::refreshTiles);

    m_statusRefresh->setAccessibleName(tr("Refresh state"));
    if (m_session) {
        m_statusSession = new QLabel(this);
        m_statusSession->setObjectName(QStringLiteral("sessionStatus"));
        m_statusSession->setAccessibleName(tr("Signed-in user"));
        m_statusSession->setTextFormat(Qt::PlainText);
        m_statusKeychain = new QLabel(this);
        m_statusKeychain->setObjectName(QStringLiteral("keychainNotice"));
        m_statusKeychain->setAccessibleName(tr("Keychain notice"));
        m_statusKeychain->setTextFormat(Qt::PlainText);
        m_statusKeychain->setStyleSheet(QStringLiteral("color: #8a5a00;"));
        m_statusKeychain->hide();
        statusBar()->addPermanentWidget(m_statusKeychain);
        statusBar()->addPermanentWidget(m_statusSession);
    } else {
        auto *envLabel = new QLabel(tr("Environment: %1").arg(env), this);
        envLabel->setAccessibleName(tr("Environment"));
        statusBar()->addWidget(envLabel);
    }
    statusBar()->addPermanentWidget(m_statusRefresh);
    connect(monitor, &HealthMonitor::refreshFinished, this, &MainWindow::updateStatus);
    connect(monitor, &HealthMonitor::pausedChanged, this, &MainWindow::updateStatus);
    updateStatus();

    if (m_session) {
        m_lockPanel = buildLockPanel();
        m_central->addWidget(m_lockPanel);
        m_idleLock = new IdleLock(profile.idleLockMinutes, monitor->clock(), this);
        connect(m_idleLock, &IdleLock::locked, this, [this] { showLock(true); });
        connect(m_idleLock, &IdleLock::unlocked, this, [this] { showLock(false); });

        m_lastState = int(m_session->state());
        connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
            const auto previous = Session::State(m_lastState);
            m_lastState = int(state);
            updateSession();
            // A restore that found no usable token ends signed out: ask the operator.
            if (previous == Session::State::Restoring && state == Session::State::SignedOut)
                openSignIn({}, true);
        });
        connect(m_session, &Session::signedIn, this, &MainWindow::updateSession);
        connect(m_session, &Session::signedOut, this, &MainWindow::updateSession);
        connect(m_session, &Session::signInRequired, this, [this](const QString &reason) { requestSignIn(reason); });
        connect(m_session, &Session::keychainProblem, this, [this](const QString &message) {
            m_keychainProblem = true;
            m_statusKeychain->setText(tr("Keychain unavailable: sign-in kept in memory for this session only"));
            m_statusKeychain->setToolTip(message);
            m_statusKeychain->setAccessibleDescription(message);
            m_statusKeychain->show();
        });
        updateSession();
    }
}

MainWindow::~MainWindow() = default;

QString MainWindow::environmentName() const
{
    return m_profile.environment.isEmpty() ? m_profile.name : m_profile.environment;
}

void MainWindow::addPage(QWidget *page, const QString &title, const QKeySequence &shortcut)
{
    QKeySequence key = shortcut;
    if (key.isEmpty()) {
        QList<QKeySequence> used;
        for (const QAction *a : std::as_const(m_pageActions))
            used << a->shortcut();
        for (int n = 1; n <= 9 && key.isEmpty(); ++n) {
            const QKeySequence candidate(Qt::CTRL | Qt::Key(Qt::Key_0 + n));
            if (!used.contains(candidate))
                key = candidate;
        }
    }
    const int index = m_pages->addWidget(page);
    m_pageWidgets.append(page);
    auto *item = new QListWidgetItem(title, m_nav);
    item->setToolTip(key.isEmpty() ? title : tr("%1 (%2)").arg(title, key.toString(QKeySequence::NativeText)));
    auto *go = new QAction(title, this);
    go->setShortcut(key);
    go->setToolTip(tr("Show %1").arg(title));
    connect(go, &QAction::triggered, this, [this, index] { m_nav->setCurrentRow(index); });
    addAction(go);
    m_goMenu->addAction(go);
    m_pageActions.append(go);
    if (!m_pendingLastPage.isEmpty() && pageKey(page) == m_pendingLastPage)
        restoreLastPage();
}

QWidget *MainWindow::currentPage() const { return m_pages->currentWidget(); }

QString MainWindow::pageKey(QWidget *page) const
{
    if (!page)
        return {};
    if (!page->objectName().isEmpty())
        return page->objectName();
    const QString cls = QString::fromLatin1(page->metaObject()->className());
    int same = 0;
    for (QWidget *p : m_pageWidgets) {
        if (p == page)
            break;
        if (p->objectName().isEmpty() && QString::fromLatin1(p->metaObject()->className()) == cls)
            ++same;
    }
    return same == 0 ? cls : cls + QLatin1Char('#') + QString::number(same + 1);
}

void MainWindow::restoreLastPage()
{
    const QString wanted = m_pendingLastPage;
    if (wanted.isEmpty())
        return;
    for (int i = 0; i < m_pageWidgets.size(); ++i) {
        if (pageKey(m_pageWidgets.at(i)) == wanted) {
            m_nav->setCurrentRow(i);
            m_pendingLastPage.clear();
            return;
        }
    }
}

void MainWindow::setPreferences(Preferences *preferences)
{
    if (m_preferences)
        disconnect(m_preferences, nullptr, this, nullptr);
    m_preferences = preferences;
    if (!preferences)
        return;
    m_runningLanguage = preferences->language();
    connect(preferences, &Preferences::changed, this, [this](Preferences::Setting s) { onPreferenceChanged(int(s)); });
    if (const QByteArray geometry = preferences->windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = preferences->windowState(); !state.isEmpty())
        restoreState(state);
    m_pendingLastPage = preferences->lastPage();
    restoreLastPage();
    m_monitor->setRefreshIntervalSeconds(preferences->effectiveRefreshSeconds(m_profile));
    if (m_idleLock)
        m_idleLock->setMinutes(preferences->effectiveIdleLockMinutes(m_profile.idleLockMinutes));
}

Preferences *MainWindow::preferences()
{
    if (m_preferences)
        return m_preferences;
    if (!m_ownPreferences) {
        m_ownPreferences = new Preferences(this);
        connect(m_ownPreferences, &Preferences::changed, this, [this](Preferences::Setting s) { onPreferenceChanged(int(s)); });
    }
    return m_ownPreferences;
}

void MainWindow::onPreferenceChanged(int setting)
{
    Preferences *prefs = m_preferences ? m_preferences.data() : m_ownPreferences;
    if (!prefs)
        return;
    switch (Preferences::Setting(setting)) {
    case Preferences::Setting::RefreshInterval:
        m_monitor->setRefreshIntervalSeconds(prefs->effectiveRefreshSeconds(m_profile));
        break;
    case Preferences::Setting::IdleLock:
        if (m_idleLock)
            m_idleLock->setMinutes(prefs->effectiveIdleLockMinutes(m_profile.idleLockMinutes));
        break;
    case Preferences::Setting::Theme:
        Theme::apply(prefs->theme()); // applied() refreshes the tiles
        break;
    case Preferences::Setting::Language:
    case Preferences::Setting::Notifications:
    case Preferences::Setting::LastPage:
    case Preferences::Setting::WindowGeometry:
        break;
    }
}

void MainWindow::refreshTiles()
{
    for (int i = 0; i < m_healthPage->tileCount(); ++i)
        m_healthPage->tile(i)->refresh();
}

void MainWindow::saveWindow()
{
    if (!m_preferences)
        return;
    m_preferences->setWindowGeometry(saveGeometry(), saveState());
    m_preferences->setLastPage(pageKey(currentPage()));
    m_preferences->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindow();
    QMainWindow::closeEvent(event);
}

QList<Command> MainWindow::commands() const
{
    QList<Command> out = menuCommands(menuBar());
    QList<const QAction *> seen;
    for (Command &c : out) {
        seen << c.action.data();
        const int page = m_pageActions.indexOf(c.action.data());
        if (page >= 0)
            c.label = tr("Go to %1").arg(Command::plainText(c.action->text()));
    }
    for (int i = 0; i < m_pageWidgets.size(); ++i) {
        const QString title = m_nav->item(i) ? m_nav->item(i)->text() : QString();
        for (QAction *a : m_pageWidgets.at(i)->actions()) {
            if (seen.contains(a) || a->isSeparator() || !a->isVisible() || a->text().isEmpty())
                continue;
            seen << a;
            out.append({a, Command::plainText(a->text()), title});
        }
    }
    for (QAction *a : actions()) {
        if (seen.contains(a) || a->isSeparator() || !a->isVisible() || a->text().isEmpty())
            continue;
        seen << a;
        out.append({a, Command::plainText(a->text()), tr("Window")});
    }
    return out;
}

CommandPalette *MainWindow::commandPalette() const { return m_palette; }
ShortcutSheet *MainWindow::shortcutSheet() const { return m_shortcutSheet; }
PreferencesDialog *MainWindow::preferencesDialog() const { return m_preferencesDialog; }

CommandPalette *MainWindow::openCommandPalette()
{
    if (isLocked())
        return nullptr;
    if (!m_palette)
        m_palette = new CommandPalette(this);
    m_palette->filterEdit()->clear();
    m_palette->setCommands(commands());
    const QPoint top = mapToGlobal(QPoint((width() - m_palette->width()) / 2, std::min(120, height() / 6)));
    m_palette->move(top);
    m_palette->open();
    m_palette->raise();
    m_palette->activateWindow();
    return m_palette;
}

ShortcutSheet *MainWindow::showShortcuts()
{
    if (!m_shortcutSheet)
        m_shortcutSheet = new ShortcutSheet(this);
    m_shortcutSheet->filterEdit()->clear();
    m_shortcutSheet->setCommands(commands());
    m_shortcutSheet->show();
    m_shortcutSheet->raise();
    m_shortcutSheet->activateWindow();
    m_shortcutSheet->filterEdit()->setFocus(Qt::OtherFocusReason);
    return m_shortcutSheet;
}

PreferencesDialog *MainWindow::openPreferences()
{
    if (isLocked())
        return nullptr;
    if (m_preferencesDialog) {
        m_preferencesDialog->raise();
        m_preferencesDialog->activateWindow();
        return m_preferencesDialog;
    }
    Preferences *prefs = preferences();
    auto *dialog = new PreferencesDialog(prefs, m_profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setRunningLanguage(m_runningLanguage.isEmpty() ? prefs->language() : m_runningLanguage);
    m_preferencesDialog = dialog;
    dialog->open();
    return dialog;
}

void MainWindow::askSupportBundlePath()
{
    if (m_bundleRunning || isLocked())
        return;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    auto *dialog = new QFileDialog(this, tr("Save support bundle"));
    dialog->setObjectName(QStringLiteral("supportBundleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(tr("ZIP archives (*.zip)"));
    dialog->setDefaultSuffix(QStringLiteral("zip"));
    dialog->setDirectory(dir);
    dialog->selectFile(SupportBundle::defaultFileName(m_monitor->clock().nowUtc()));
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::createSupportBundle);
    dialog->open();
}

void MainWindow::createSupportBundle(const QString &path)
{
    if (m_bundleRunning || path.isEmpty())
        return;
    SupportBundle::Options options;
    options.outputPath = path;
    options.logDirectory = m_logDirectory.isEmpty() ? SupportBundle::defaultLogDirectory() : m_logDirectory;
    options.settingsFile = preferences()->fileName();
    if (m_monitor->lastRefreshFinished().isValid())
        options.healthJson = HealthReport::json(*m_monitor);
    options.versions = SupportBundle::collectVersions();
    options.versions.insert(QStringLiteral("profile"), m_profile.name);
    options.versions.insert(QStringLiteral("environment"), environmentName());
    options.createdAt = m_monitor->clock().nowUtc();
    preferences()->sync();

    m_bundleRunning = true;
    m_bundleAction->setEnabled(false);
    statusBar()->showMessage(tr("Creating the support bundle…"));
    SupportBundle::writeAsync(options, this, [this](const SupportBundle::Result &result) {
        m_bundleRunning = false;
        m_bundleAction->setEnabled(!isLocked());
        const QString where = QDir::toNativeSeparators(result.path);
        QMessageBox *box = nullptr;
        if (result.ok) {
            statusBar()->showMessage(tr("Support bundle saved: %1").arg(where), 15000);
            box = new QMessageBox(QMessageBox::Information, tr("Support bundle"),
                                  tr("The support bundle was saved as\n%1\n\n%n value(s) that looked like secrets were "
                                     "removed. Please look through it before you send it on.",
                                     nullptr, result.redactions)
                                      .arg(where),
                                  QMessageBox::Ok, this);
        } else {
            statusBar()->showMessage(tr("Support bundle not saved"), 15000);
            box = new QMessageBox(QMessageBox::Warning, tr("Support bundle"),
                                  tr("The support bundle could not be saved.\n%1").arg(result.error), QMessageBox::Ok, this);
        }
        box->setObjectName(QStringLiteral("supportBundleResult"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        emit supportBundleFinished(result);
    });
}

void MainWindow::setDesktopActionsEnabled(bool enabled)
{
    m_goMenu->menuAction()->setEnabled(enabled);
    for (QAction *a : std::as_const(m_pageActions))
        a->setEnabled(enabled);
    m_paletteAction->setEnabled(enabled);
    m_preferencesAction->setEnabled(enabled);
    m_bundleAction->setEnabled(enabled && !m_bundleRunning);
    if (!enabled) {
        if (m_palette)
            m_palette->reject();
        if (m_preferencesDialog)
            m_preferencesDialog->reject();
    }
}

void MainWindow::addStatusWidget(QWidget *widget)
{
    statusBar()->insertPermanentWidget(0, widget);
}

void MainWindow::showPage(QWidget *page)
{
    const int index = m_pages->indexOf(page);
    if (index >= 0)
        m_nav->setCurrentRow(index);
}

QString MainWindow::statusText() const { return m_statusRefresh->text(); }

QString MainWindow::sessionText() const { return m_statusSession ? m_statusSession->text() : QString(); }

QString MainWindow::keychainNotice() const
{
    return m_statusKeychain && !m_statusKeychain->isHidden() ? m_statusKeychain->text() : QString();
}

void MainWindow::updateStatus()
{
    const QDateTime last = m_monitor->lastFullySuccessfulRefresh();
    QString text = last.isValid()
                       ? tr("Last full refresh %1").arg(QLocale().toString(last.toLocalTime().time(), QStringLiteral("HH:mm:ss")))
                       : tr("No full refresh yet");
    if (m_monitor->isPaused())
        text = tr("PAUSED — %1").arg(text);
    m_statusRefresh->setText(text);
}

void MainWindow::updateTitle()
{
    const QString base = m_profile.isProduction() ? tr("Ops Console — PRODUCTION (%1)").arg(m_profile.name)
                                                  : tr("Ops Console — %1").arg(environmentName());
    const bool signedIn = m_session && m_session->state() == Session::State::SignedIn && !m_session->userName().isEmpty();
    setWindowTitle(signedIn ? tr("%1 — %2").arg(base, m_session->userName()) : base);
}

void MainWindow::updateSession()
{
    if (!m_session)
        return;
    const bool signedIn = m_session->state() == Session::State::SignedIn;
    if (signedIn) {
        const QString role = m_session->role().isEmpty() ? tr("no role") : m_session->role();
        m_statusSession->setText(tr("%1 (%2) · %3").arg(m_session->userName(), role, environmentName()));
    } else if (m_session->state() == Session::State::SigningIn && !m_session->userName().isEmpty()) {
        m_statusSession->setText(tr("Signing in as %1… · %2").arg(m_session->userName(), environmentName()));
    } else if (m_session->state() == Session::State::Restoring) {
        m_statusSession->setText(tr("Restoring sign-in… · %1").arg(environmentName()));
    } else {
        m_statusSession->setText(tr("Not signed in · %1").arg(environmentName()));
    }
    m_signInAction->setEnabled(!signedIn);
    m_signOutAction->setEnabled(signedIn);
    updateTitle();
    updatePermissions();
}

void MainWindow::setActionPermission(QAction *action, const QString &permission)
{
    if (!action)
        return;
    auto it = std::find_if(m_gated.begin(), m_gated.end(), [action](const GatedAction &g) { return g.action == action; });
    if (it == m_gated.end())
        m_gated.append({action, permission, action->toolTip()});
    else
        it->permission = permission;
    updatePermissions();
}

void MainWindow::updatePermissions()
{
    m_gated.removeIf([](const GatedAction &g) { return g.action.isNull(); });
    const bool signedIn = m_session && m_session->state() == Session::State::SignedIn;
    for (const GatedAction &g : std::as_const(m_gated)) {
        if (signedIn && m_session->hasPermission(g.permission)) {
            g.action->setEnabled(true);
            g.action->setToolTip(g.originalToolTip);
        } else {
            g.action->setEnabled(false);
            if (signedIn) {
                const QString role = m_session->role().isEmpty() ? tr("none") : m_session->role();
                g.action->setToolTip(tr("Requires the permission “%1” (your role: %2)").arg(g.permission, role));
            } else {
                g.action->setToolTip(tr("Requires the permission “%1” (not signed in)").arg(g.permission));
            }
        }
    }
}

void MainWindow::requestSignIn(const QString &reason)
{
    openSignIn(reason, true);
}

void MainWindow::openSignIn(const QString &reason, bool prefillUser)
{
    if (!m_session)
        return;
    if (m_signInDialog) {
        if (!reason.isEmpty())
            m_signInDialog->setReason(reason);
        m_signInDialog->raise();
        m_signInDialog->activateWindow();
        return;
    }
    auto *dialog = new SignInDialog(m_profile, m_session, m_api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setReason(reason);
    dialog->setUserName(prefillUser ? m_session->userName() : QString());
    if (m_keychainProblem)
        dialog->setNotice(tr("The system keychain is not available (%1). Your sign-in is kept in memory for this "
                             "session only; you will be asked again next time.")
                              .arg(m_statusKeychain->toolTip()));
    connect(dialog, &QDialog::accepted, this, [this] {
        if (m_idleLock && m_idleLock->isLocked())
            m_idleLock->unlock(); // re-authenticated
    });
    m_signInDialog = dialog;
    // open(), not exec(): no nested event loop, and nothing else in the window is touched.
    dialog->open();
}

void MainWindow::signOut()
{
    if (!m_session)
        return;
    m_session->signOut();
    updateSession();
    openSignIn(tr("You signed out. Sign in to continue."), false);
}

bool MainWindow::isLocked() const { return m_idleLock && m_idleLock->isLocked(); }

void MainWindow::lockNow()
{
    if (!m_idleLock || m_idleLock->isLocked())
        return;
    m_lockRequested = true;
    m_idleLock->lockNow();
}

QWidget *MainWindow::buildLockPanel()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("lockPanel"));
    panel->setAccessibleName(tr("Console locked"));
    panel->setAutoFillBackground(true);
    QPalette pal = panel->palette();
    pal.setColor(QPalette::Window, QColor(0x26, 0x32, 0x38));
    pal.setColor(QPalette::WindowText, Qt::white);
    panel->setPalette(pal);

    auto *title = new QLabel(tr("Ops Console is locked"), panel);
    QFont f = title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.6);
    title->setFont(f);
    title->setAlignment(Qt::AlignCenter);
    auto *env = new QLabel(m_profile.isProduction() ? tr("PRODUCTION — %1").arg(m_profile.name)
                                                     : tr("Environment: %1").arg(environmentName()),
                           panel);
    env->setAlignment(Qt::AlignCenter);
    m_lockText = new QLabel(panel);
    m_lockText->setObjectName(QStringLiteral("lockText"));
    m_lockText->setAccessibleName(tr("Why the console is locked"));
    m_lockText->setAlignment(Qt::AlignCenter);
    m_lockText->setWordWrap(true);
    m_unlockButton = new QPushButton(tr("&Unlock…"), panel);
    m_unlockButton->setObjectName(QStringLiteral("unlock"));
    m_unlockButton->setAccessibleName(tr("Unlock"));
    m_unlockButton->setToolTip(tr("Sign in again to show the console"));
    m_unlockButton->setDefault(true);
    connect(m_unlockButton, &QPushButton::clicked, this,
            [this] { openSignIn(tr("Sign in again to unlock the console."), true); });

    auto *layout = new QVBoxLayout(panel);
    layout->addStretch();
    layout->addWidget(title);
    layout->addWidget(env);
    layout->addWidget(m_lockText);
    layout->addSpacing(12);
    layout->addWidget(m_unlockButton, 0, Qt::AlignCenter);
    layout->addStretch();
    return panel;
}

void MainWindow::showLock(bool lockedNow)
{
    if (!m_lockPanel)
        return;
    if (lockedNow) {
        m_lockText->setText(m_lockRequested
                                ? tr("Locked on request")
                                : m_idleLock->minutes() == 1
                                      ? tr("Locked after 1 minute without activity")
                                      : tr("Locked after %1 minutes without activity").arg(m_idleLock->minutes()));
        m_lockRequested = false;
        m_central->setCurrentWidget(m_lockPanel);
        m_viewMenu->menuAction()->setEnabled(false);
        m_lockAction->setEnabled(false);
        setDesktopActionsEnabled(false);
        m_unlockButton->setFocus(Qt::OtherFocusReason);
        emit locked();
    } else {
        m_central->setCurrentWidget(m_content);
        m_viewMenu->menuAction()->setEnabled(true);
        m_lockAction->setEnabled(true);
        setDesktopActionsEnabled(true);
        emit unlocked();
    }
}

void MainWindow::askPostgresPassword()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("postgresPasswordDialog"));
    dialog->setWindowTitle(tr("PostgreSQL password"));
    dialog->setLabelText(tr("Password of the PostgreSQL user \u201c%1\u201d on %2:%3.\nIt is stored in the system keychain, "
                            "never in a file.")
                             .arg(m_profile.postgres.user, m_profile.postgres.host)
                             .arg(m_profile.postgres.port));
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setAccessibleName(tr("PostgreSQL password"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &password) {
        if (!password.isEmpty())
            emit postgresPasswordEntered(password);
    });
    dialog->open();
}

} // namespace ops
