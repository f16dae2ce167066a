// The Circuit Breaker page driven like an operator against the sandbox (real HTTP, real
// PostgreSQL): trip and reset only through the dialogs, the reset countdown and a 429 from the
// server, a viewer's disabled controls and the server's refusal, one request per double click,
// UNKNOWN when the state cannot be read, and the kill switch.

#include "../e2e/E2eFixture.h"
#include "MockClock.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "breaker/BreakerController.h"
#include "breaker/BreakerHistoryModel.h"
#include "breaker/BreakerPage.h"
#include "breaker/ConfirmActionDialog.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace ops;

namespace {

const QString kDb = QStringLiteral("ops_gui_breaker");
const QString kReason = QStringLiteral("Market data feed stale for 3 minutes on venue X");

std::atomic<int> g_tripRequests{0};
std::atomic<int> g_resetRequests{0};
QtMessageHandler g_previousHandler = nullptr;

// The sandbox logs every API request it answers ("api POST /api/v1/... -> 200"): counting those
// lines counts the requests that really reached the server.
void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QLatin1String("api POST /api/v1/circuit-breaker/trip ")))
        ++g_tripRequests;
    if (message.startsWith(QLatin1String("api POST /api/v1/circuit-breaker/reset ")))
        ++g_resetRequests;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

struct Console
{
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<CredentialStore> store;
    std::unique_ptr<Session> session;
    std::unique_ptr<BreakerController> controller;
    std::unique_ptr<BreakerPage> page;
};

} // namespace

class TestBreakerPage final : public QObject
{
    Q_OBJECT

    test::SandboxFixture m_fx;
    test::MockClock m_clock;
    QNetworkAccessManager m_nam;

    std::unique_ptr<Console> open(const QString &role)
    {
        auto c = std::make_unique<Console>();
        c->api = std::make_unique<ApiClient>(m_fx.profile);
        c->store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-gui-breaker"));
        c->session = std::make_unique<Session>(c->api.get(), c->store.get(), m_fx.profile.name);
        QSignalSpy signedIn(c->session.get(), &Session::signedIn);
        c->session->signIn(role, role + QStringLiteral("-sandbox-pw"), false);
        if (!signedIn.wait(10000))
            return nullptr;
        c->controller = std::make_unique<BreakerController>(c->session.get(), m_clock);
        c->page = std::make_unique<BreakerPage>(c->controller.get(), c->session.get(), m_fx.profile);
        c->page->resize(1000, 800);
        c->page->show();
        c->controller->start();
        if (!QTest::qWaitFor([&] { return c->controller->isVerified(); }, 10000))
            return nullptr;
        return c;
    }

    bool control(const QByteArray &verb, const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/control/breaker").arg(m_fx.sandbox->controlPort())));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        const bool ok = finished.wait(5000) && reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    }

    int auditRows(const QString &action, const QString &user)
    {
        QSqlDatabase db = m_fx.database(QStringLiteral("tst_breakerpage"), kDb);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = :a AND user_id = :u AND outcome = 'success'"));
        q.bindValue(QStringLiteral(":a"), action);
        q.bindValue(QStringLiteral(":u"), user);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toInt();
    }

    // Moves both the sandbox's clock and the console's past the global reset window.
    void passResetWindow()
    {
        m_fx.sandbox->advanceClock(61);
        m_clock.advanceSeconds(61);
    }

    static ConfirmActionDialog *waitForDialog(BreakerPage *page)
    {
        if (!QTest::qWaitFor([&] { return page->activeDialog() && page->activeDialog()->isVisible(); }, 5000))
            return nullptr;
        return page->activeDialog();
    }

    // Types the reason and ticks the acknowledgement like an operator.
    static void fill(ConfirmActionDialog *d, const QString &reason)
    {
        d->reasonEdit()->setFocus();
        QTest::keyClicks(d->reasonEdit(), reason);
        QTest::mouseClick(d->acknowledgement(), Qt::LeftButton, {}, QPoint(8, d->acknowledgement()->height() / 2));
        if (d->conditionsOverride())
            QTest::mouseClick(d->conditionsOverride(), Qt::LeftButton, {}, QPoint(8, d->conditionsOverride()->height() / 2));
    }

    // Brings the breaker to OPEN, outside any reset window, whatever earlier tests left behind.
    void ensureOpen(Console &c)
    {
        passResetWindow();
        if (c.controller->lastKnown().trading == TradingState::Halted) {
            bool done = false;
            c.controller->reset(BreakerController::newIdempotencyKey(), kReason, {QStringLiteral("all")}, nullptr,
                                [&](const BreakerController::Outcome &) { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
            passResetWindow();
        }
        c.controller->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(c.controller->isVerified(), 10000);
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start(kDb, true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        g_previousHandler = qInstallMessageHandler(countingHandler);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        QSqlDatabase::removeDatabase(QStringLiteral("tst_breakerpage"));
    }

    void init()
    {
        QVERIFY(control("DELETE"));
    }

    void operatorTripsAndResetsOnlyThroughTheDialogs()
    {
        auto c = open(QStringLiteral("operator"));
        QVERIFY(c);
        ensureOpen(*c);
        QTRY_COMPARE(c->page->stateText(), QStringLiteral("TRADING ENABLED (OPEN)"));
        QVERIFY(c->page->tripButton()->isEnabled());
        QVERIFY(!c->page->resetButton()->isEnabled());
        const int tripsBefore = auditRows(QStringLiteral("CIRCUIT_BREAKER_TRIP"), QStringLiteral("operator"));
        const int requestsBefore = g_tripRequests;

        QTest::mouseClick(c->page->tripButton(), Qt::LeftButton);
        ConfirmActionDialog *d = waitForDialog(c->page.get());
        QVERIFY(d);
        QVERIFY(!d->confirmButton()->isEnabled());
        d->reasonEdit()->setFocus();
        QTest::keyClicks(d->reasonEdit(), QStringLiteral("Feed stale on X 19")); // 15 visible
        QTest::mouseClick(d->acknowledgement(), Qt::LeftButton, {}, QPoint(8, d->acknowledgement()->height() / 2));
        QVERIFY(!d->confirmButton()->isEnabled());
        QTest::keyClicks(d->reasonEdit(), QStringLiteral(" min, halting"));
        QTRY_VERIFY(d->confirmButton()->isEnabled());

        // A double click is one request.
        // (the window overload: it sends press, release, press, release like a real double click)
        QTest::mouseDClick(d->windowHandle(), Qt::LeftButton, {}, d->confirmButton()->mapTo(d, d->confirmButton()->rect().center()));
        QTRY_VERIFY_WITH_TIMEOUT(!c->page->activeDialog(), 10000);
        QTRY_COMPARE(c->page->stateText(), QStringLiteral("TRADING HALTED (TRIPPED)"));
        QCOMPARE(g_tripRequests - requestsBefore, 1);
        QVERIFY2(c->page->outcomeText().contains(QRegularExpression(QStringLiteral("Audit record #\\d+"))),
                 qPrintable(c->page->outcomeText()));
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_TRIP"), QStringLiteral("operator")), tripsBefore + 1);
        QVERIFY(c->page->detailText().contains(QStringLiteral("operator")));
        QVERIFY(c->page->detailText().contains(QStringLiteral("Feed stale on X 19 min, halting")));
        QTRY_VERIFY(c->controller->historyModel()->rowCount() >= 1);
        QTRY_COMPARE(c->controller->historyModel()->index(0, BreakerHistoryModel::Reason).data().toString(),
                     QStringLiteral("Feed stale on X 19 min, halting"));
        QVERIFY(!c->page->tripButton()->isEnabled());

        // Reset: the conditions are listed; all pass in the sandbox, so no extra confirmation.
        QTRY_VERIFY(c->page->resetButton()->isEnabled());
        QTest::mouseClick(c->page->resetButton(), Qt::LeftButton);
        d = waitForDialog(c->page.get());
        QVERIFY(d);
        const auto conditions = d->findChildren<QLabel *>(QStringLiteral("condition"));
        QCOMPARE(conditions.size(), 5);
        for (QLabel *l : conditions)
            QVERIFY2(l->text().startsWith(QStringLiteral("✓")), qPrintable(l->text()));
        QVERIFY(!d->conditionsOverride());
        fill(d, kReason);
        QTRY_VERIFY(d->confirmButton()->isEnabled());
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!c->page->activeDialog(), 10000);
        QTRY_COMPARE(c->page->stateText(), QStringLiteral("TRADING ENABLED (OPEN)"));
        QVERIFY(c->page->outcomeText().contains(QStringLiteral("Audit record #")));
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_RESET"), QStringLiteral("operator")), 1);
        // The history is read again after the action: it arrives a moment after the new state.
        QTRY_COMPARE(c->controller->historyModel()->index(0, BreakerHistoryModel::ResetReason).data().toString(), kReason);
    }

    void secondResetWithinAMinuteCountsDownAndA429IsShown()
    {
        auto me = open(QStringLiteral("operator"));
        auto other = open(QStringLiteral("admin"));
        QVERIFY(me && other);
        ensureOpen(*me);
        // Trip, then open the reset dialog while the window is free.
        bool tripped = false;
        me->controller->trip(BreakerController::newIdempotencyKey(), QStringLiteral("MANUAL"), kReason, nullptr,
                             [&](const BreakerController::Outcome &o) { tripped = o.kind == BreakerController::Outcome::Kind::Done; });
        QTRY_VERIFY_WITH_TIMEOUT(tripped, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(me->page->resetButton()->isEnabled(), 10000);
        QTest::mouseClick(me->page->resetButton(), Qt::LeftButton);
        ConfirmActionDialog *d = waitForDialog(me->page.get());
        QVERIFY(d);
        fill(d, kReason);

        // Meanwhile someone else resets and trips again: our reset is now inside the window.
        bool otherDone = false;
        other->controller->reset(BreakerController::newIdempotencyKey(), QStringLiteral("Resetting from the other desk now"), {},
                                 nullptr, [&](const BreakerController::Outcome &o) { otherDone = o.kind == BreakerController::Outcome::Kind::Done; });
        QTRY_VERIFY_WITH_TIMEOUT(otherDone, 10000);
        otherDone = false;
        other->controller->trip(BreakerController::newIdempotencyKey(), QStringLiteral("OTHER"), kReason, nullptr,
                                [&](const BreakerController::Outcome &o) { otherDone = o.kind == BreakerController::Outcome::Kind::Done; });
        QTRY_VERIFY_WITH_TIMEOUT(otherDone, 10000);

        const int resetsBefore = g_resetRequests;
        QTRY_VERIFY(d->confirmButton()->isEnabled());
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!d->messageText().isEmpty(), 10000);
        QCOMPARE(g_resetRequests - resetsBefore, 1);
        QVERIFY2(d->messageText().contains(QStringLiteral("one reset per minute")), qPrintable(d->messageText()));
        QVERIFY(d->rateLimitSecondsLeft() >= 55 && d->rateLimitSecondsLeft() <= 60);
        QVERIFY(!d->confirmButton()->isEnabled());
        QVERIFY(d->confirmButton()->text().contains(QStringLiteral("available in")));
        QCOMPARE(d->reasonEdit()->toPlainText(), kReason); // the typed reason is kept
        // The page's Reset button counts down too.
        QVERIFY(me->page->resetButton()->text().contains(QStringLiteral("available in")));

        passResetWindow();
        QTRY_VERIFY(d->confirmButton()->isEnabled());
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!me->page->activeDialog(), 10000);
        QTRY_COMPARE(me->page->stateText(), QStringLiteral("TRADING ENABLED (OPEN)"));
    }

    void viewerSeesDisabledControlsAndTheServerRefusesToo()
    {
        auto c = open(QStringLiteral("viewer"));
        QVERIFY(c);
        for (QPushButton *b : {c->page->tripButton(), c->page->resetButton(), c->page->engageButton(), c->page->disengageButton()}) {
            QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
            QVERIFY2(b->toolTip().contains(QStringLiteral("viewer")), qPrintable(b->toolTip()));
        }
        QVERIFY(c->page->tripButton()->toolTip().contains(QStringLiteral("breaker:trip")));
        const TradingState before = c->controller->snapshot().trading;

        // Past the UI, the server refuses as well.
        BreakerController::Outcome outcome;
        bool done = false;
        QVERIFY(c->controller->trip(BreakerController::newIdempotencyKey(), QStringLiteral("MANUAL"), kReason, nullptr,
                                    [&](const BreakerController::Outcome &o) { outcome = o; done = true; }));
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(outcome.kind, BreakerController::Outcome::Kind::Refused);
        QVERIFY2(outcome.message.contains(QStringLiteral("breaker:trip")), qPrintable(outcome.message));
        QCOMPARE(c->controller->snapshot().trading, before);
        QCOMPARE(auditRows(QStringLiteral("CIRCUIT_BREAKER_TRIP"), QStringLiteral("viewer")), 0);
    }

    void unreadableStateShowsUnknownAndNeverEnabled()
    {
        auto c = open(QStringLiteral("operator"));
        QVERIFY(c);
        ensureOpen(*c);
        QTRY_COMPARE(c->page->stateText(), QStringLiteral("TRADING ENABLED (OPEN)"));
        BreakerStatusLabel status(c->controller.get());
        QCOMPARE(status.text(), QStringLiteral("Breaker: TRADING ENABLED (OPEN)"));

        QVERIFY(control("POST", QJsonObject{{QStringLiteral("unreadable"), true}}));
        c->controller->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(c->page->stateText(), QStringLiteral("UNKNOWN — state could not be verified"), 10000);
        QCOMPARE(status.text(), QStringLiteral("Breaker: UNKNOWN"));
        QVERIFY(!c->page->resetButton()->isEnabled());
        QVERIFY(c->page->tripButton()->isEnabled()); // halting stays possible: it is the safe direction
        // Even if the Reset button were still enabled from an older state, no dialog opens.
        c->page->openResetDialog();
        QVERIFY(!c->page->activeDialog());
        QVERIFY2(c->page->outcomeText().contains(QStringLiteral("verified TRIPPED")), qPrintable(c->page->outcomeText()));
        QVERIFY2(c->page->detailText().contains(QStringLiteral("Last known: TRADING ENABLED (OPEN)")),
                 qPrintable(c->page->detailText()));

        QVERIFY(control("DELETE"));
        c->controller->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(c->page->stateText(), QStringLiteral("TRADING ENABLED (OPEN)"), 10000);
    }

    void failingConditionNeedsTheExtraConfirmation()
    {
        auto c = open(QStringLiteral("operator"));
        QVERIFY(c);
        ensureOpen(*c);
        bool tripped = false;
        c->controller->trip(BreakerController::newIdempotencyKey(), QStringLiteral("MANUAL"), kReason, nullptr,
                            [&](const BreakerController::Outcome &) { tripped = true; });
        QTRY_VERIFY_WITH_TIMEOUT(tripped, 10000);
        passResetWindow();
        QVERIFY(control("POST", QJsonObject{{QStringLiteral("conditions"), QJsonObject{{QStringLiteral("broker_errors"), false}}}}));
        c->controller->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(c->controller->isVerified() && c->page->resetButton()->isEnabled()
                                     && c->controller->snapshot().failingConditions().size() == 1, 10000);
        QTest::mouseClick(c->page->resetButton(), Qt::LeftButton);
        ConfirmActionDialog *d = waitForDialog(c->page.get());
        QVERIFY(d);
        QVERIFY(d->conditionsOverride());
        d->reasonEdit()->setFocus();
        QTest::keyClicks(d->reasonEdit(), kReason);
        QTest::mouseClick(d->acknowledgement(), Qt::LeftButton, {}, QPoint(8, d->acknowledgement()->height() / 2));
        QVERIFY(!d->confirmButton()->isEnabled());
        QTest::mouseClick(d->conditionsOverride(), Qt::LeftButton, {}, QPoint(8, d->conditionsOverride()->height() / 2));
        QVERIFY(d->confirmButton()->isEnabled());
        QCOMPARE(d->acceptedFailingConditions(), QStringList{QStringLiteral("broker_errors")});
        d->reject();
        QTRY_VERIFY(!c->page->activeDialog());
    }

    void killSwitchEngagesAndDisengagesThroughTheDialogs()
    {
        auto c = open(QStringLiteral("operator"));
        QVERIFY(c);
        QTRY_VERIFY(c->page->killSwitchText().contains(QStringLiteral("(ACTIVE)")));
        QVERIFY(c->page->engageButton()->isEnabled());
        QVERIFY(!c->page->disengageButton()->isEnabled());

        QTest::mouseClick(c->page->engageButton(), Qt::LeftButton);
        ConfirmActionDialog *d = waitForDialog(c->page.get());
        QVERIFY(d);
        QVERIFY(d->acknowledgement()->text().contains(QStringLiteral("All open positions will be flattened")));
        fill(d, kReason);
        QTRY_VERIFY(d->confirmButton()->isEnabled());
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!c->page->activeDialog(), 10000);
        QTRY_VERIFY(c->page->killSwitchText().contains(QStringLiteral("(ENGAGED)")));
        QVERIFY(c->page->outcomeText().contains(QStringLiteral("Audit record #")));
        QCOMPARE(auditRows(QStringLiteral("KILL_SWITCH_ENGAGE"), QStringLiteral("operator")), 1);

        QTRY_VERIFY(c->page->disengageButton()->isEnabled());
        QTest::mouseClick(c->page->disengageButton(), Qt::LeftButton);
        d = waitForDialog(c->page.get());
        QVERIFY(d);
        fill(d, QStringLiteral("Feed recovered and positions reviewed by risk"));
        QTRY_VERIFY(d->confirmButton()->isEnabled());
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!c->page->activeDialog(), 10000);
        QTRY_VERIFY(c->page->killSwitchText().contains(QStringLiteral("(ACTIVE)")));
        QCOMPARE(auditRows(QStringLiteral("KILL_SWITCH_DISENGAGE"), QStringLiteral("operator")), 1);
    }

    void productionAsksForTheEnvironmentName()
    {
        auto c = open(QStringLiteral("operator"));
        QVERIFY(c);
        ConnectionProfile production = m_fx.profile;
        production.environment = QStringLiteral("production");
        QVERIFY(production.isProduction());
        BreakerPage page(c->controller.get(), c->session.get(), production);
        page.show();
        ensureOpen(*c);
        QTRY_VERIFY(page.tripButton()->isEnabled());
        QTest::mouseClick(page.tripButton(), Qt::LeftButton);
        ConfirmActionDialog *d = waitForDialog(&page);
        QVERIFY(d);
        QVERIFY(d->environmentEdit());
        fill(d, kReason);
        QVERIFY(!d->confirmButton()->isEnabled());
        QTest::keyClicks(d->environmentEdit(), QStringLiteral("production"));
        QVERIFY(d->confirmButton()->isEnabled());
        d->reject();
    }
};

QTEST_MAIN(TestBreakerPage)
#include "tst_breakerpage.moc"
