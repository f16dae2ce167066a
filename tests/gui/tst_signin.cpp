// Offscreen GUI test of signing in, driven like an operator: typing into the fields, clicking
// Sign in or pressing Enter, against a scripted local HTTP server playing the platform's auth API.
// The keychain is absent here (unique service name, no D-Bus), so the credential store reports
// Unavailable: the console must say so plainly and still sign in.

#include "FakeHttpServer.h"
#include "MockClock.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "auth/SignInDialog.h"
#include "health/HealthMonitor.h"
#include "health/HealthPage.h"
#include "shell/EnvironmentBanner.h"
#include "shell/IdleLock.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QUuid>
#include <QVBoxLayout>
#include <QInputDialog>
#include <QtTest>

#include <memory>

using namespace ops;
using ops::test::FakeHttpServer;
using ops::test::MockClock;

namespace {

constexpr int WaitMs = 10000;

const QString LoginPath = QStringLiteral("/api/v1/auth/login");
const QString MePath = QStringLiteral("/api/v1/auth/me");
const QString LogoutPath = QStringLiteral("/api/v1/auth/logout");
const QString ThingsPath = QStringLiteral("/api/v1/things");

const QByteArray LoginOk = R"({"token":"t-123","expires_at":"2026-12-01T00:00:00Z",
    "user":{"username":"op","role":"operator","permissions":["health:view","breaker:trip"]}})";
const QByteArray MeOk = R"({"username":"op","role":"operator","permissions":["health:view","breaker:trip"],
    "expires_at":"2026-12-01T00:00:00Z",
    "user":{"username":"op","role":"operator","permissions":["health:view","breaker:trip"]}})";
const QString Secret = QStringLiteral("s3cret-Pa55");

// One operator's console: server-backed session, a mock clock for the monitor and idle lock.
struct Console
{
    explicit Console(const ConnectionProfile &profile)
        : api(profile)
        , store(QStringLiteral("ops-console-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
        , session(&api, &store, profile.name)
        , monitor(profile, clock)
        , window(profile, &monitor, nullptr, &session, &api)
    {
        store.setTimeoutMs(2000);
        api.setDeadlineMs(5000);
        monitor.setRefreshIntervalSeconds(300);
    }

    MockClock clock;
    ApiClient api;
    CredentialStore store;
    Session session;
    HealthMonitor monitor;
    MainWindow window;
};

template<typename T>
T *byName(QWidget *root, const QString &objectName)
{
    return root ? root->findChild<T *>(objectName) : nullptr;
}

QWidget *byAccessibleName(QWidget *root, const QString &name)
{
    for (QWidget *w : root->findChildren<QWidget *>())
        if (w->accessibleName() == name)
            return w;
    return nullptr;
}

bool anyLineEditHolds(const QString &text)
{
    for (QWidget *top : QApplication::topLevelWidgets())
        for (QLineEdit *e : top->findChildren<QLineEdit *>())
            if (e->text().contains(text))
                return true;
    return false;
}

} // namespace

class TestSignIn final : public QObject
{
    Q_OBJECT

private:
    ConnectionProfile profile(const QString &environment = QStringLiteral("staging")) const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("signin-test");
        p.environment = environment;
        p.restBaseUrl = m_server.url(QStringLiteral("/"));
        p.services = {{QStringLiteral("alpha"), m_server.url(QStringLiteral("/alpha")), {}}};
        p.postgres.enabled = false;
        p.idleLockMinutes = 15;
        return p;
    }

    static bool show(Console &c)
    {
        c.window.show();
        if (!QTest::qWaitForWindowExposed(&c.window))
            return false;
        c.window.activateWindow();
        return QTest::qWaitForWindowActive(&c.window);
    }

    // Waits for the sign-in dialog to be on screen and returns it.
    static SignInDialog *waitForDialog(Console &c)
    {
        if (!QTest::qWaitFor([&] { return c.window.signInDialog() && c.window.signInDialog()->isVisible(); }, WaitMs))
            return nullptr;
        SignInDialog *d = c.window.signInDialog();
        return QTest::qWaitForWindowExposed(d) ? d : nullptr;
    }

    // Types like an operator: user name (replacing what is there), password, then Enter or a click.
    static void typeAndSubmit(SignInDialog *d, const QString &user, const QString &password, bool click)
    {
        auto *userEdit = qobject_cast<QLineEdit *>(byAccessibleName(d, QStringLiteral("User name")));
        auto *passwordEdit = qobject_cast<QLineEdit *>(byAccessibleName(d, QStringLiteral("Password")));
        QVERIFY(userEdit && passwordEdit);
        if (!user.isNull()) {
            userEdit->setFocus(Qt::TabFocusReason);
            userEdit->selectAll();
            QTest::keyClick(userEdit, Qt::Key_Backspace);
            QTest::keyClicks(userEdit, user);
        }
        passwordEdit->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(passwordEdit, password);
        QCOMPARE(passwordEdit->echoMode(), QLineEdit::Password);
        if (click)
            QTest::mouseClick(d->signInButton(), Qt::LeftButton);
        else
            QTest::keyClick(passwordEdit, Qt::Key_Return);
    }

    // Signs in through the dialog and waits for the window to show the user.
    static bool signInThroughDialog(Console &c)
    {
        c.window.requestSignIn();
        SignInDialog *d = waitForDialog(c);
        if (!d)
            return false;
        QSignalSpy signedIn(&c.session, &Session::signedIn);
        typeAndSubmit(d, QStringLiteral("op"), Secret, false);
        return (signedIn.count() > 0 || signedIn.wait(WaitMs))
               && QTest::qWaitFor([&] { return c.window.signInDialog() == nullptr; }, WaitMs);
    }

    FakeHttpServer m_server;

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
    }

    void init()
    {
        m_server.setJson(QStringLiteral("/alpha"), R"({"status":"healthy"})");
        m_server.setJson(LoginPath, LoginOk);
        m_server.setJson(MePath, MeOk);
        m_server.setJson(LogoutPath, "{}");
        m_server.setJson(ThingsPath, R"({"items":[]})");
    }

    void cleanup()
    {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<QDialog *>(w))
                delete w;
    }

    void successfulSignInShowsUserAndForgetsPassword()
    {
        Console c(profile());
        QVERIFY(show(c));
        QCOMPARE(c.session.state(), Session::State::SignedOut);
        QVERIFY2(c.window.sessionText().contains(QStringLiteral("Not signed in")), qPrintable(c.window.sessionText()));

        // No keychain here: restoring finds nothing usable and asks the operator.
        c.session.restore();
        SignInDialog *d = waitForDialog(c);
        QVERIFY(d);
        QVERIFY(d->isModal());
        QVERIFY(QApplication::topLevelWidgets().contains(d));

        auto *remember = qobject_cast<QCheckBox *>(byAccessibleName(d, QStringLiteral("Remember me on this computer")));
        QVERIFY(remember);
        QVERIFY2(remember->accessibleDescription().contains(QStringLiteral("keychain")),
                 qPrintable(remember->accessibleDescription()));
        QTest::mouseClick(remember, Qt::LeftButton, {}, QPoint(8, remember->height() / 2));
        QVERIFY(remember->isChecked());

        QSignalSpy signedIn(&c.session, &Session::signedIn);
        typeAndSubmit(d, QStringLiteral("op"), Secret, true);
        QVERIFY(signedIn.count() > 0 || signedIn.wait(WaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(c.window.signInDialog() == nullptr, WaitMs);
        QCOMPARE(m_server.requestCount(LoginPath), 1);

        QVERIFY2(c.window.sessionText().contains(QStringLiteral("op (operator)")), qPrintable(c.window.sessionText()));
        QVERIFY2(c.window.sessionText().contains(QStringLiteral("staging")), qPrintable(c.window.sessionText()));
        QVERIFY2(c.window.windowTitle().endsWith(QStringLiteral(" — op")), qPrintable(c.window.windowTitle()));
        QVERIFY(c.window.windowTitle().contains(QStringLiteral("staging")));
        QVERIFY(!anyLineEditHolds(Secret));

        // "Remember me" with no keychain: said plainly, and the sign-in still stands.
        QTRY_VERIFY_WITH_TIMEOUT(!c.window.keychainNotice().isEmpty(), WaitMs);
        QVERIFY2(c.window.keychainNotice().contains(QStringLiteral("memory for this session only")),
                 qPrintable(c.window.keychainNotice()));
        QCOMPARE(c.session.state(), Session::State::SignedIn);
    }

    void wrongPasswordKeepsUserName()
    {
        m_server.setJson(LoginPath, R"({"error":"invalid_credentials"})", 401);
        Console c(profile());
        QVERIFY(show(c));
        c.window.requestSignIn();
        SignInDialog *d = waitForDialog(c);
        QVERIFY(d);

        QSignalSpy failed(&c.session, &Session::signInFailed);
        typeAndSubmit(d, QStringLiteral("op"), Secret, false);
        QVERIFY(failed.count() > 0 || failed.wait(WaitMs));
        QTRY_COMPARE(d->messageText(), QStringLiteral("Wrong user name or password."));
        QVERIFY(d->isVisible());
        QCOMPARE(d->userName(), QStringLiteral("op"));
        auto *passwordEdit = byName<QLineEdit>(d, QStringLiteral("password"));
        QVERIFY(passwordEdit->text().isEmpty());
        QVERIFY(passwordEdit->isEnabled());
        QVERIFY(!anyLineEditHolds(Secret));
        QVERIFY(d->signInButton()->isEnabled());
        QCOMPARE(c.session.state(), Session::State::SignedOut);
        QVERIFY(c.window.sessionText().contains(QStringLiteral("Not signed in")));
    }

    void rateLimitCountsDown()
    {
        FakeHttpServer::Response limited;
        limited.status = 429;
        limited.body = R"({"error":"rate_limited"})";
        limited.extraHeaders = {"Retry-After: 3"};
        m_server.setResponse(LoginPath, limited);
        Console c(profile());
        QVERIFY(show(c));
        c.window.requestSignIn();
        SignInDialog *d = waitForDialog(c);
        QVERIFY(d);

        QSignalSpy failed(&c.session, &Session::signInFailed);
        typeAndSubmit(d, QStringLiteral("op"), Secret, true);
        QVERIFY(failed.count() > 0 || failed.wait(WaitMs));
        QTRY_VERIFY(d->messageText().startsWith(QStringLiteral("Too many failed attempts. Try again in ")));
        QVERIFY2(d->messageText().contains(QRegularExpression(QStringLiteral("in [1-3] s\\."))), qPrintable(d->messageText()));
        QVERIFY(!d->signInButton()->isEnabled());
        QVERIFY(d->retrySecondsLeft() > 0);
        const QString first = d->messageText();
        QTRY_VERIFY_WITH_TIMEOUT(d->messageText() != first, 2500); // it counts down live
        QVERIFY(!d->signInButton()->isEnabled());

        QTRY_VERIFY_WITH_TIMEOUT(d->signInButton()->isEnabled(), 5000);
        QCOMPARE(d->retrySecondsLeft(), 0);
        QVERIFY(!d->messageText().contains(QStringLiteral("Try again in")));
        QVERIFY(!anyLineEditHolds(Secret));

        // And then it works.
        m_server.setJson(LoginPath, LoginOk);
        QSignalSpy signedIn(&c.session, &Session::signedIn);
        typeAndSubmit(d, {}, Secret, false);
        QVERIFY(signedIn.count() > 0 || signedIn.wait(WaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(c.window.signInDialog() == nullptr, WaitMs);
    }

    void unauthenticatedMidActionKeepsWork()
    {
        Console c(profile());
        QVERIFY(show(c));
        QVERIFY(signInThroughDialog(c));
        QVERIFY(c.window.sessionText().contains(QStringLiteral("op (operator)")));

        // The operator is half-way through typing a reason in a dialog of the window.
        auto *reasonDialog = new QDialog(&c.window);
        reasonDialog->setWindowTitle(QStringLiteral("Reason"));
        auto *reason = new QLineEdit(reasonDialog);
        reason->setAccessibleName(QStringLiteral("Reason"));
        (new QVBoxLayout(reasonDialog))->addWidget(reason);
        QPointer<QDialog> guard(reasonDialog);
        reasonDialog->open();
        QVERIFY(QTest::qWaitForWindowExposed(reasonDialog));
        reason->setFocus(Qt::OtherFocusReason);
        const QString halfTyped = QStringLiteral("Broker API errors since 09:4");
        QTest::keyClicks(reason, halfTyped);
        QCOMPARE(reason->text(), halfTyped);

        // Meanwhile a request finds the token no longer valid.
        m_server.setJson(ThingsPath, R"({"error":"token_expired"})", 401);
        QList<ApiResult> results;
        QSignalSpy required(&c.session, &Session::signInRequired);
        c.session.call("GET", QStringLiteral("api/v1/things"), {}, &c.window,
                       [&results](const ApiResult &r) { results << r; });
        QVERIFY(required.count() > 0 || required.wait(WaitMs));
        SignInDialog *d = waitForDialog(c);
        QVERIFY(d);
        QCOMPARE(m_server.requestCount(ThingsPath), 1);
        QVERIFY(results.isEmpty()); // held, not failed
        QVERIFY(guard && guard->isVisible());
        QCOMPARE(reason->text(), halfTyped);

        // Only one sign-in dialog, however often the platform asks.
        c.window.requestSignIn();
        emit c.session.signInRequired(QStringLiteral("again"));
        QCOMPARE(c.window.signInDialog(), d);
        int dialogs = 0;
        for (QWidget *w : QApplication::topLevelWidgets())
            dialogs += qobject_cast<SignInDialog *>(w) && w->isVisible() ? 1 : 0;
        QCOMPARE(dialogs, 1);

        m_server.setJson(ThingsPath, R"({"items":[1]})");
        QCOMPARE(d->userName(), QStringLiteral("op")); // prefilled
        typeAndSubmit(d, {}, Secret, false);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, WaitMs);
        QCOMPARE(results.constFirst().kind, ApiResult::Kind::Ok);
        QTRY_VERIFY_WITH_TIMEOUT(c.window.signInDialog() == nullptr, WaitMs);
        QTest::qWait(200); // nothing else arrives
        QCOMPARE(results.size(), 1);
        QCOMPARE(m_server.requestCount(ThingsPath), 2); // re-sent exactly once

        QVERIFY(guard && guard->isVisible());
        QCOMPARE(reason->text(), halfTyped);
        QVERIFY(!anyLineEditHolds(Secret));
        delete reasonDialog;
    }

    void actionsFollowPermissions()
    {
        Console c(profile());
        QVERIFY(show(c));
        QAction trip(QStringLiteral("Trip"));
        trip.setToolTip(QStringLiteral("Trip the breaker"));
        QAction audit(QStringLiteral("Audit"));
        c.window.setActionPermission(&trip, QStringLiteral("breaker:trip"));
        c.window.setActionPermission(&audit, QStringLiteral("audit:view"));
        QVERIFY(!trip.isEnabled()); // signed out: nothing is allowed
        QVERIFY(!audit.isEnabled());

        QVERIFY(signInThroughDialog(c));
        QVERIFY(trip.isEnabled());
        QCOMPARE(trip.toolTip(), QStringLiteral("Trip the breaker"));
        QVERIFY(!audit.isEnabled());
        QVERIFY2(audit.toolTip().contains(QStringLiteral("“audit:view”")), qPrintable(audit.toolTip()));
        QVERIFY2(audit.toolTip().contains(QStringLiteral("your role: operator")), qPrintable(audit.toolTip()));

        // Re-assigning the permission re-evaluates at once.
        c.window.setActionPermission(&trip, QStringLiteral("audit:view"));
        QVERIFY(!trip.isEnabled());
        QVERIFY(trip.toolTip().contains(QStringLiteral("audit:view")));

        // Sign out: the user leaves the status bar, the actions are disabled, sign-in is asked.
        c.window.setActionPermission(&trip, QStringLiteral("breaker:trip"));
        QVERIFY(trip.isEnabled());
        QVERIFY(c.window.signOutAction()->isEnabled());
        c.window.signOutAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!c.window.sessionText().contains(QStringLiteral("op")), WaitMs);
        QVERIFY2(c.window.sessionText().contains(QStringLiteral("Not signed in")), qPrintable(c.window.sessionText()));
        QVERIFY(!c.window.windowTitle().endsWith(QStringLiteral(" — op")));
        QTRY_VERIFY(!trip.isEnabled());
        QVERIFY(waitForDialog(c));
    }

    void idleLockCoversAndUnlocks()
    {
        Console c(profile());
        QVERIFY(show(c));
        QVERIFY(signInThroughDialog(c));
        IdleLock *lock = c.window.idleLock();
        QVERIFY(lock);
        QCOMPARE(lock->minutes(), 15);
        QWidget *panel = c.window.lockPanel();
        QVERIFY(panel && !panel->isVisible());
        QVERIFY(c.window.healthPage()->isVisible());

        lock->noteActivity();
        c.clock.advanceSeconds(14 * 60 + 59);
        lock->check();
        QVERIFY(!c.window.isLocked());

        QSignalSpy locked(&c.window, &MainWindow::locked);
        c.clock.advanceSeconds(2);
        lock->check();
        QCOMPARE(locked.count(), 1);
        QVERIFY(c.window.isLocked());
        QVERIFY(panel->isVisible());
        QVERIFY(panel->autoFillBackground());
        QVERIFY(!c.window.healthPage()->isVisible());
        QVERIFY(!c.window.environmentBanner()->isVisible() || !c.window.healthPage()->isVisible());
        auto *text = byName<QLabel>(panel, QStringLiteral("lockText"));
        QVERIFY(text);
        QVERIFY2(text->text().contains(QStringLiteral("Locked after 15 minutes without activity")), qPrintable(text->text()));
        lock->check();
        QCOMPARE(locked.count(), 1); // once

        auto *unlock = qobject_cast<QPushButton *>(byAccessibleName(panel, QStringLiteral("Unlock")));
        QVERIFY(unlock && unlock->isVisible());
        QTest::mouseClick(unlock, Qt::LeftButton);
        SignInDialog *d = waitForDialog(c);
        QVERIFY(d);
        QCOMPARE(d->userName(), QStringLiteral("op"));

        // Cancelling keeps the lock.
        QTest::mouseClick(byName<QPushButton>(d, QStringLiteral("cancel")), Qt::LeftButton);
        QTRY_VERIFY(c.window.signInDialog() == nullptr);
        QVERIFY(c.window.isLocked());
        QVERIFY(panel->isVisible());

        QTest::keyClick(unlock, Qt::Key_Space); // keyboard path
        d = waitForDialog(c);
        QVERIFY(d);
        const int logins = m_server.requestCount(LoginPath);
        typeAndSubmit(d, {}, Secret, false);
        QTRY_VERIFY_WITH_TIMEOUT(!c.window.isLocked(), WaitMs);
        QCOMPARE(m_server.requestCount(LoginPath), logins + 1);
        QVERIFY(!panel->isVisible());
        QVERIFY(c.window.healthPage()->isVisible());

        // Ctrl+L locks at once.
        c.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&c.window));
        QTest::keyClick(&c.window, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(c.window.isLocked());
        QVERIFY(panel->isVisible());
    }

    void postgresPasswordIsAskedMaskedAndHandedOn()
    {
        Console c(profile());
        c.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c.window));
        QAction *action = nullptr;
        for (QAction *a : c.window.findChildren<QAction *>())
            if (a->text().contains(QStringLiteral("PostgreSQL")))
                action = a;
        QVERIFY(action);
        QSignalSpy entered(&c.window, &MainWindow::postgresPasswordEntered);
        action->trigger();
        auto *dialog = c.window.findChild<QInputDialog *>(QStringLiteral("postgresPasswordDialog"));
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *edit = dialog->findChild<QLineEdit *>();
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(edit, Secret);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(entered.count(), 1);
        QCOMPARE(entered.at(0).at(0).toString(), Secret);
    }

    void accessibleNamesAndKeyboard()
    {
        Console c(profile(QStringLiteral("production")));
        QVERIFY(show(c));
        c.window.requestSignIn();
        SignInDialog *d = waitForDialog(c);
        QVERIFY(d);

        for (QWidget *w : d->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractButton *>(w);
            if (control)
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
        for (const QString &name : {QStringLiteral("User name"), QStringLiteral("Password"),
                                    QStringLiteral("Remember me on this computer"), QStringLiteral("Sign in"),
                                    QStringLiteral("Cancel")})
            QVERIFY2(byAccessibleName(d, name), qPrintable(name));

        auto *env = byName<QLabel>(d, QStringLiteral("environment"));
        QVERIFY(env);
        QVERIFY2(env->text().contains(QStringLiteral("PRODUCTION")), qPrintable(env->text()));
        auto *server = byName<QLabel>(d, QStringLiteral("server"));
        QVERIFY(server);
        QVERIFY2(server->text().contains(QString::number(m_server.port())), qPrintable(server->text()));
        QVERIFY(d->signInButton()->isDefault());

        // Tab order: user name → password → remember → Sign in → Cancel.
        auto *userEdit = byName<QLineEdit>(d, QStringLiteral("userName"));
        QVERIFY(QTest::qWaitForWindowActive(d));
        userEdit->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(userEdit->hasFocus());
        const QStringList expected = {QStringLiteral("password"), QStringLiteral("remember"), QStringLiteral("signIn"),
                                      QStringLiteral("cancel")};
        for (const QString &next : expected) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTRY_COMPARE(QApplication::focusWidget()->objectName(), next);
        }

        // Escape cancels.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(c.window.signInDialog() == nullptr);
        QCOMPARE(c.session.state(), Session::State::SignedOut);

        // Window: lock and sign-out reachable from the File menu, with a shortcut for locking.
        QCOMPARE(c.window.lockAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        QVERIFY(!c.window.signOutAction()->isEnabled());
        QVERIFY(c.window.signInAction()->isEnabled());
        QVERIFY(c.window.lockPanel() && !c.window.lockPanel()->accessibleName().isEmpty());
    }
};

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
