// The shell's desktop conventions, offscreen at a device pixel ratio of 2 (a 3840x2160 screen at
// QT_SCALE_FACTOR=2), driven from the keyboard: F1 lists every action with its shortcut, Ctrl+K
// finds and runs pages and actions (and says why a disabled one cannot run), Ctrl+, changes the
// theme, refresh interval, idle lock, language and notifications, a second window restores the
// first one's geometry and last page, every control has an accessible name, and Help → Create
// support bundle writes a ZIP with the health snapshot.

#include "MockClock.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "common/StatusStyle.h"
#include "core/Preferences.h"
#include "health/HealthMonitor.h"
#include "health/HealthPage.h"
#include "health/ServiceTile.h"
#include "shell/CommandPalette.h"
#include "shell/IdleLock.h"
#include "shell/MainWindow.h"
#include "shell/PreferencesDialog.h"
#include "shell/ShortcutSheet.h"
#include "shell/Theme.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>

using namespace ops;
using ops::test::MockClock;

namespace {

QWidget *dummyPage(const QString &objectName, const QString &text)
{
    auto *page = new QWidget;
    page->setObjectName(objectName);
    page->setAccessibleName(text);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(text, page));
    auto *button = new QPushButton(QStringLiteral("&Something on ") + text, page);
    button->setAccessibleName(QStringLiteral("Something on ") + text);
    layout->addWidget(button);
    layout->addStretch();
    return page;
}

// One operator's window with a session (never signed in), two services that are never fetched,
// and two pages besides System Health.
struct Console
{
    explicit Console(const ConnectionProfile &profile, bool withApiKeys = true)
        : api(profile)
        , store(QStringLiteral("ops-console-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
        , session(&api, &store, profile.name)
        , monitor(profile, clock)
        , window(profile, &monitor, nullptr, &session, &api)
    {
        store.setTimeoutMs(2000);
        monitor.setRefreshIntervalSeconds(300);
        breaker = dummyPage(QStringLiteral("breakerPage"), QStringLiteral("Circuit Breaker"));
        trip = new QAction(QStringLiteral("&Trip breaker…"), breaker);
        trip->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
        breaker->addAction(trip);
        window.addPage(breaker, QStringLiteral("Circuit Breaker"), QKeySequence(Qt::CTRL | Qt::Key_2));
        window.setActionPermission(trip, QStringLiteral("breaker:trip"));
        if (withApiKeys)
            addApiKeys();
    }

    void addApiKeys()
    {
        apiKeys = dummyPage(QStringLiteral("apiKeysPage"), QStringLiteral("API Keys"));
        window.addPage(apiKeys, QStringLiteral("API Keys"), QKeySequence()); // gets the next free Ctrl+n
    }

    bool showAndActivate()
    {
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        window.activateWindow();
        return QTest::qWaitForWindowActive(&window);
    }

    MockClock clock;
    ApiClient api;
    CredentialStore store;
    Session session;
    HealthMonitor monitor;
    MainWindow window;
    QWidget *breaker = nullptr;
    QWidget *apiKeys = nullptr;
    QAction *trip = nullptr;
};

// Controls an assistive technology lands on: anything that takes focus or can be pressed.
bool isControl(const QWidget *w)
{
    if (w->objectName().startsWith(QLatin1String("qt_")))
        return false; // a Qt-internal part of a control (spin box editor, scroll area viewport)
    if (qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) || qobject_cast<const QComboBox *>(w)
        || qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QAbstractItemView *>(w))
        return true;
    return w->focusPolicy() != Qt::NoFocus;
}

QStringList controlsWithoutAccessibleName(QWidget *root)
{
    QStringList missing;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible() || !isControl(w))
            continue;
        // Parts that belong to a named control (the editor of a spin box or a combo box, a line edit's
        // clear button).
        if (qobject_cast<QAbstractSpinBox *>(w->parentWidget()) || qobject_cast<QComboBox *>(w->parentWidget())
            || qobject_cast<QLineEdit *>(w->parentWidget()))
            continue;
        // The viewport of a named scroll area (a chart, a list): the area is the control.
        if (auto *area = qobject_cast<QAbstractScrollArea *>(w->parentWidget()); area && area->viewport() == w)
            continue;
        if (w->accessibleName().trimmed().isEmpty())
            missing << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('/') + w->objectName() + QLatin1Char('/')
                           + (qobject_cast<QAbstractButton *>(w) ? qobject_cast<QAbstractButton *>(w)->text() : QString())
                           + QStringLiteral(" in ")
                           + (w->parentWidget() ? QString::fromLatin1(w->parentWidget()->metaObject()->className()) + QLatin1Char('/')
                                                      + w->parentWidget()->objectName()
                                                : QString());
    }
    return missing;
}

// The most common colour of a rendered widget: its background.
QColor dominantColour(QWidget *w)
{
    const QImage image = w->grab().toImage();
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    return QColor::fromRgb(best);
}

void closeMessageBoxes()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
            box->close();
}

} // namespace

class TestShell final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshIni() { return m_dir.filePath(QStringLiteral("prefs-%1.ini").arg(++m_files)); }

    static ConnectionProfile profile()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("shell-test");
        p.environment = QStringLiteral("staging");
        p.restBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        p.services = {{QStringLiteral("alpha"), QUrl(QStringLiteral("http://127.0.0.1:9/alpha")), {}},
                      {QStringLiteral("gateway"), QUrl(QStringLiteral("http://127.0.0.1:9/gateway")), {}}};
        p.postgres.enabled = false;
        p.idleLockMinutes = 15;
        return p;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cleanup()
    {
        Theme::apply(Preferences::Theme::System);
        closeMessageBoxes();
    }

    void rendersAtTwiceTheDevicePixels()
    {
        Console c(profile());
        QVERIFY(c.showAndActivate());
        QCOMPARE(c.window.devicePixelRatioF(), 2.0);
        // Status icons are drawn for the screen's pixels, not scaled up from 1x.
        ServiceTile *tile = c.window.healthPage()->tile(0);
        QVERIFY(tile);
        QPixmap icon;
        for (QLabel *label : tile->findChildren<QLabel *>())
            if (!label->pixmap().isNull())
                icon = label->pixmap();
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.devicePixelRatio(), 2.0);
        QCOMPARE(icon.width(), 56);
        QCOMPARE(c.window.grab().devicePixelRatio(), 2.0);
    }

    void f1ListsEveryActionWithItsShortcut()
    {
        Console c(profile());
        QVERIFY(c.showAndActivate());
        QTest::keyClick(&c.window, Qt::Key_F1);
        QTRY_VERIFY(c.window.shortcutSheet() && c.window.shortcutSheet()->isVisible());
        ShortcutSheet *sheet = c.window.shortcutSheet();
        const QStringList rows = sheet->rows();
        for (const QString &expected :
             {QStringLiteral("Command palette\tCtrl+K"), QStringLiteral("Keyboard shortcuts\tF1"),
              QStringLiteral("Preferences\tCtrl+,"), QStringLiteral("Create support bundle\tCtrl+Shift+B"),
              QStringLiteral("Go to System Health\tCtrl+1"), QStringLiteral("Go to Circuit Breaker\tCtrl+2"),
              QStringLiteral("Go to API Keys\tCtrl+3"), QStringLiteral("Refresh now\tF5"), QStringLiteral("Lock now\tCtrl+L"),
              QStringLiteral("Sign in\tCtrl+Shift+I"), QStringLiteral("Quit\tCtrl+Q"), QStringLiteral("Trip breaker\tCtrl+T")})
            QVERIFY2(rows.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + rows.join(QLatin1Char('\n'))));
        // Every action has a shortcut, and no two share one.
        QStringList keys;
        for (const QString &row : rows) {
            const QString key = row.section(QLatin1Char('\t'), 1);
            QVERIFY2(key != QStringLiteral("—") && !key.isEmpty(), qPrintable(row));
            QVERIFY2(!keys.contains(key), qPrintable(QStringLiteral("shortcut used twice: ") + key));
            keys << key;
        }
        // The sheet filters as you type.
        QTest::keyClicks(sheet->filterEdit(), QStringLiteral("palette"));
        QCOMPARE(sheet->rows(), QStringList{QStringLiteral("Command palette\tCtrl+K")});
        QTest::keyClick(sheet, Qt::Key_Escape);
        QTRY_VERIFY(!sheet->isVisible());

        // Generated from the actions: a page added later is in the next sheet.
        c.window.addPage(dummyPage(QStringLiteral("auditPage"), QStringLiteral("Audit Log")), QStringLiteral("Audit Log"),
                         QKeySequence());
        c.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&c.window));
        QTest::keyClick(&c.window, Qt::Key_F1);
        QTRY_VERIFY(sheet->isVisible());
        QVERIFY(sheet->rows().contains(QStringLiteral("Go to Audit Log\tCtrl+4")));
    }

    void ctrlKRunsAPageByName()
    {
        Console c(profile());
        QVERIFY(c.showAndActivate());
        QCOMPARE(c.window.currentPage(), static_cast<QWidget *>(c.window.healthPage()));
        QTest::keyClick(&c.window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(c.window.commandPalette() && c.window.commandPalette()->isVisible());
        CommandPalette *palette = c.window.commandPalette();
        QTRY_VERIFY(palette->filterEdit()->hasFocus());
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("break"));
        QCOMPARE(palette->currentLabel(), QStringLiteral("Go to Circuit Breaker"));
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QTRY_VERIFY(!palette->isVisible());
        QTRY_COMPARE(c.window.currentPage(), c.breaker);

        // Escape closes without running anything.
        c.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&c.window));
        QTest::keyClick(&c.window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(palette->isVisible());
        QVERIFY(palette->filterEdit()->text().isEmpty()); // a fresh start every time
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("api"));
        QCOMPARE(palette->currentLabel(), QStringLiteral("Go to API Keys"));
        QTest::keyClick(palette->filterEdit(), Qt::Key_Escape);
        QTRY_VERIFY(!palette->isVisible());
        QCOMPARE(c.window.currentPage(), c.breaker);
    }

    void paletteMatchesAndMoves()
    {
        Console c(profile());
        QVERIFY(c.showAndActivate());
        CommandPalette *palette = c.window.openCommandPalette();
        QVERIFY(palette);
        QTRY_VERIFY(palette->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(palette));
        QTRY_VERIFY(palette->filterEdit()->hasFocus());
        // Letters in order.
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("gtapk"));
        QCOMPARE(palette->currentLabel(), QStringLiteral("Go to API Keys"));
        // The menu's name counts too.
        palette->filterEdit()->clear();
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("file quit"));
        QVERIFY(palette->shownLabels().contains(QStringLiteral("Quit")));
        // Up and Down move through the list without leaving the filter.
        palette->filterEdit()->clear();
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("go to"));
        const QStringList labels = palette->shownLabels();
        QCOMPARE(labels.mid(0, 3), (QStringList{QStringLiteral("Go to System Health"), QStringLiteral("Go to Circuit Breaker"),
                                                QStringLiteral("Go to API Keys")}));
        QCOMPARE(palette->currentLabel(), labels.at(0));
        QTest::keyClick(palette->filterEdit(), Qt::Key_Down);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Down);
        QCOMPARE(palette->currentLabel(), QStringLiteral("Go to API Keys"));
        QTest::keyClick(palette->filterEdit(), Qt::Key_Up);
        QCOMPARE(palette->currentLabel(), QStringLiteral("Go to Circuit Breaker"));
        QVERIFY(palette->filterEdit()->hasFocus());
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QTRY_COMPARE(c.window.currentPage(), c.breaker);
        // Nothing matches: nothing listed, Enter does nothing.
        c.window.openCommandPalette();
        QTRY_VERIFY(palette->isVisible());
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("zzqx"));
        QVERIFY(palette->shownLabels().isEmpty());
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QVERIFY(palette->isVisible());
        palette->reject();
    }

    void paletteSaysWhyAnActionIsUnavailable()
    {
        Console c(profile());
        QVERIFY(c.showAndActivate());
        QSignalSpy triggered(c.trip, &QAction::triggered);
        QVERIFY(!c.trip->isEnabled()); // not signed in
        CommandPalette *palette = c.window.openCommandPalette();
        QTRY_VERIFY(palette->isVisible());
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("trip"));
        QCOMPARE(palette->currentLabel(), QStringLiteral("Trip breaker"));
        QTreeWidgetItem *item = palette->list()->currentItem();
        QVERIFY(item->data(0, CommandPalette::UnavailableRole).toString().contains(QStringLiteral("breaker:trip")));
        QCOMPARE(item->foreground(0).color(), palette->palette().color(QPalette::Disabled, QPalette::Text)); // greyed out
        QVERIFY2(item->toolTip(0).contains(QStringLiteral("breaker:trip")), qPrintable(item->toolTip(0)));
        // Said at once, and again on Enter, which runs nothing.
        QVERIFY2(palette->message().contains(QStringLiteral("breaker:trip")), qPrintable(palette->message()));
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QVERIFY(palette->isVisible());
        QVERIFY2(palette->message().contains(QStringLiteral("not available")), qPrintable(palette->message()));
        QVERIFY2(palette->message().contains(QStringLiteral("breaker:trip")), qPrintable(palette->message()));
        QTest::qWait(50);
        QCOMPARE(triggered.count(), 0);
        // "Sign out" while signed out: disabled without a tooltip of its own.
        palette->filterEdit()->clear();
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("sign out"));
        QCOMPARE(palette->currentLabel(), QStringLiteral("Sign out"));
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QVERIFY(palette->message().contains(QStringLiteral("Not available now")));
        palette->reject();
    }

    void preferencesDialogChangesThemeAndMore()
    {
        Console c(profile());
        Preferences prefs(freshIni());
        c.window.setPreferences(&prefs);
        QVERIFY(c.showAndActivate());
        ServiceTile *tile = c.window.healthPage()->tile(0);
        QVERIFY(dominantColour(tile).lightnessF() > 0.8); // a light tile

        QTest::keyClick(&c.window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(c.window.preferencesDialog() && c.window.preferencesDialog()->isVisible());
        PreferencesDialog *dialog = c.window.preferencesDialog();
        QPushButton *apply = dialog->buttons()->button(QDialogButtonBox::Apply);
        QVERIFY(!apply->isEnabled()); // nothing changed yet

        // Theme: dark, applied at once with Apply.
        dialog->themeBox()->setFocus();
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findText(QStringLiteral("Dark")));
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(Theme::isDark(QApplication::palette()));
        QCOMPARE(prefs.theme(), Preferences::Theme::Dark);
        QCOMPARE(Theme::current(), Preferences::Theme::Dark);
        QVERIFY(!apply->isEnabled());
        QVERIFY(dialog->isVisible()); // Apply stays
        // The tiles follow at once, with a readable status word.
        const QColor tileBackground = dominantColour(tile);
        QVERIFY2(tileBackground.lightnessF() < 0.3, qPrintable(tileBackground.name()));
        const QLabel *status = tile->findChild<QLabel *>(QStringLiteral("status"));
        QVERIFY(status);
        const QColor statusColour = status->palette().color(status->foregroundRole());
        QVERIFY2(Theme::contrast(statusColour, tileBackground) >= 4.5, qPrintable(statusColour.name() + tileBackground.name()));

        // Refresh interval, idle lock, notifications; language only after a restart.
        dialog->refreshOverrideBox()->setChecked(true);
        dialog->refreshSecondsBox()->setValue(30);
        dialog->idleOverrideBox()->setChecked(true);
        QCOMPARE(dialog->idleMinutesBox()->maximum(), 15); // never longer than the profile's
        dialog->idleMinutesBox()->setValue(5);
        dialog->notificationsBox()->setChecked(false);
        QVERIFY(!dialog->restartNoteShown());
        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("de")));
        QVERIFY(dialog->restartNoteShown());
        QTest::keyClick(dialog, Qt::Key_Return); // OK is the default button
        QTRY_VERIFY(!c.window.preferencesDialog());
        QCOMPARE(c.monitor.refreshIntervalSeconds(), 30);
        QCOMPARE(c.window.idleLock()->minutes(), 5);
        QVERIFY(!prefs.notificationsEnabled());
        QCOMPARE(QSettings(prefs.fileName(), QSettings::IniFormat).value(QStringLiteral("notifications/enabled")).toBool(), false);
        QCOMPARE(prefs.language(), QStringLiteral("de"));

        // Cancel forgets.
        PreferencesDialog *again = c.window.openPreferences();
        QTRY_VERIFY(again->isVisible());
        QVERIFY(again->restartNoteShown()); // still running in the old language
        QCOMPARE(again->refreshSecondsBox()->value(), 30);
        again->themeBox()->setCurrentIndex(again->themeBox()->findText(QStringLiteral("Light")));
        QTest::keyClick(again, Qt::Key_Escape);
        QTRY_VERIFY(!c.window.preferencesDialog());
        QCOMPARE(prefs.theme(), Preferences::Theme::Dark);
        QVERIFY(Theme::isDark(QApplication::palette()));

        // Back to the profile's interval.
        again = c.window.openPreferences();
        QTRY_VERIFY(again->isVisible());
        again->refreshOverrideBox()->setChecked(false);
        again->themeBox()->setCurrentIndex(again->themeBox()->findText(QStringLiteral("Light")));
        QTest::mouseClick(again->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!c.window.preferencesDialog());
        QCOMPARE(c.monitor.refreshIntervalSeconds(), profile().effectiveRefreshSeconds());
        QVERIFY(!Theme::isDark(QApplication::palette()));
        QVERIFY(dominantColour(tile).lightnessF() > 0.8);
    }

    void geometryAndLastPageRestored()
    {
        const QString ini = freshIni();
        const QRect placed(70, 90, 1100, 700);
        {
            Console first(profile());
            Preferences prefs(ini);
            first.window.setPreferences(&prefs);
            QVERIFY(first.showAndActivate());
            QVERIFY(first.window.size() != placed.size()); // the test would prove nothing otherwise
            first.window.setGeometry(placed);
            QTRY_COMPARE(first.window.geometry(), placed);
            QTest::keyClick(&first.window, Qt::Key_3, Qt::ControlModifier);
            QTRY_COMPARE(first.window.currentPage(), first.apiKeys);
            first.window.close();
        }
        {
            Console second(profile());
            QCOMPARE(second.window.currentPage(), static_cast<QWidget *>(second.window.healthPage()));
            Preferences prefs(ini);
            second.window.setPreferences(&prefs);
            QCOMPARE(second.window.currentPage(), second.apiKeys);
            QVERIFY(second.showAndActivate());
            QTRY_COMPARE(second.window.geometry(), placed);
        }
        {
            // setPreferences() before the last page exists: it is shown once it is added.
            Console third(profile(), false);
            Preferences prefs(ini);
            third.window.setPreferences(&prefs);
            QCOMPARE(third.window.currentPage(), static_cast<QWidget *>(third.window.healthPage()));
            third.addApiKeys();
            QCOMPARE(third.window.currentPage(), third.apiKeys);
        }
        // A window without preferences neither restores nor saves.
        {
            Console plain(profile());
            QCOMPARE(plain.window.currentPage(), static_cast<QWidget *>(plain.window.healthPage()));
            plain.window.showPage(plain.breaker);
            plain.window.close();
        }
        QCOMPARE(Preferences(ini).lastPage(), QStringLiteral("apiKeysPage"));
    }

    void everyControlHasAnAccessibleName()
    {
        Console c(profile());
        QVERIFY(c.showAndActivate());
        QStringList missing = controlsWithoutAccessibleName(&c.window);
        CommandPalette *palette = c.window.openCommandPalette();
        QTRY_VERIFY(palette->isVisible());
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("x")); // the clear button appears
        missing += controlsWithoutAccessibleName(palette);
        palette->reject();
        ShortcutSheet *sheet = c.window.showShortcuts();
        QTRY_VERIFY(sheet->isVisible());
        missing += controlsWithoutAccessibleName(sheet);
        sheet->reject();
        PreferencesDialog *dialog = c.window.openPreferences();
        QTRY_VERIFY(dialog->isVisible());
        dialog->refreshOverrideBox()->setChecked(true);
        missing += controlsWithoutAccessibleName(dialog);
        dialog->reject();
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
        // Mnemonics: every menu and every menu entry can be reached with Alt and a letter.
        for (QAction *top : c.window.menuBar()->actions()) {
            QVERIFY2(top->text().contains(QLatin1Char('&')), qPrintable(top->text()));
            for (QAction *a : top->menu()->actions())
                QVERIFY2(a->isSeparator() || a->text().contains(QLatin1Char('&')) || top->text() == QStringLiteral("&Go"),
                         qPrintable(a->text()));
        }
    }

    void lockedWindowOffersNoPaletteOrPreferences()
    {
        Console c(profile());
        Preferences prefs(freshIni());
        c.window.setPreferences(&prefs);
        QVERIFY(c.showAndActivate());
        PreferencesDialog *dialog = c.window.openPreferences();
        QTRY_VERIFY(dialog->isVisible());
        c.window.lockNow();
        QVERIFY(c.window.isLocked());
        QTRY_VERIFY(!c.window.preferencesDialog()); // closed by the lock
        QVERIFY(!c.window.openCommandPalette());
        QVERIFY(!c.window.openPreferences());
        QVERIFY(!c.window.commandPaletteAction()->isEnabled());
        QVERIFY(!c.window.supportBundleAction()->isEnabled());
    }

    void supportBundleFromTheHelpMenu()
    {
        Console c(profile());
        Preferences prefs(freshIni());
        prefs.setTheme(Preferences::Theme::Light);
        prefs.sync();
        c.window.setPreferences(&prefs);
        const QString logs = m_dir.filePath(QStringLiteral("logs"));
        QDir().mkpath(logs);
        {
            QFile log(logs + QStringLiteral("/ops-console.log"));
            QVERIFY(log.open(QIODevice::WriteOnly));
            log.write("2026-03-29T00:00:00.000Z info [1] Authorization: Bearer gui-planted-token-123456\n");
        }
        c.window.setLogDirectory(logs);
        QSignalSpy refreshed(&c.monitor, &HealthMonitor::refreshFinished);
        c.monitor.refreshNow(); // nothing listens on port 9: a quick round of failures
        QVERIFY(refreshed.wait(15000));
        QVERIFY(c.showAndActivate());

        QSignalSpy finished(&c.window, &MainWindow::supportBundleFinished);
        const QString path = m_dir.filePath(QStringLiteral("bundle.zip"));
        c.window.createSupportBundle(path);
        QVERIFY(c.window.isCreatingSupportBundle());
        QVERIFY(!c.window.supportBundleAction()->isEnabled());
        QVERIFY(finished.wait(20000));
        const auto result = finished.at(0).at(0).value<SupportBundle::Result>();
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(c.window.supportBundleAction()->isEnabled());
        QVERIFY(result.entries.contains(QStringLiteral("health.json")));
        QVERIFY(result.entries.contains(QStringLiteral("logs/ops-console.log")));
        const QByteArray zip = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(zip.startsWith("PK\x03\x04"));
        QVERIFY(!zip.contains("gui-planted-token-123456"));
        QVERIFY(zip.contains("\"profile\": \"shell-test\"")); // the health snapshot
        QVERIFY(zip.contains("appearance/theme = light"));    // the settings
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = c.window.findChild<QMessageBox *>(QStringLiteral("supportBundleResult"))));
        QVERIFY(box->text().contains(QStringLiteral("bundle.zip")));
        box->close();

        // Help → Create support bundle… asks where, with a dated name.
        c.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&c.window));
        QTest::keyClick(&c.window, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        QWidget *dialog = nullptr;
        QTRY_VERIFY((dialog = c.window.findChild<QWidget *>(QStringLiteral("supportBundleDialog"))) && dialog->isVisible());
        dialog->close();
    }
};

int main(int argc, char **argv)
{
    // A large screen at twice the device pixels: the window is drawn as on a high-DPI monitor.
    QTemporaryDir screenDir;
    QFile screen(screenDir.filePath(QStringLiteral("screen.json")));
    if (!screenDir.isValid() || !screen.open(QIODevice::WriteOnly))
        return 2;
    screen.write("{\"screens\":[{\"name\":\"hidpi\",\"x\":0,\"y\":0,\"width\":3840,\"height\":2160,"
                 "\"logicalDpi\":96,\"logicalBaseDpi\":96}]}");
    screen.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + screen.fileName().toLocal8Bit());
    qputenv("QT_SCALE_FACTOR", "2");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestShell test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_shell.moc"
