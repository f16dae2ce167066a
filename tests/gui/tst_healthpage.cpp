// Offscreen GUI test of the System Health page inside a real MainWindow, driven the way an
// operator would: mouse clicks, double clicks, F5, Space, Tab, Enter and Escape, against a
// scripted local HTTP server and a clock that only moves when the test says so.

#include "FakeHttpServer.h"
#include "MockClock.h"
#include "health/HealthMonitor.h"
#include "health/HealthPage.h"
#include "health/LatencyChart.h"
#include "health/ServiceDetailDialog.h"
#include "health/ServiceTile.h"
#include "shell/EnvironmentBanner.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace ops;
using ops::test::FakeHttpServer;
using ops::test::MockClock;

namespace {

constexpr int NetworkWaitMs = 10000;

const QByteArray AlphaHealthy = R"({"status":"healthy","version":"1.4.0","timestamp":"2026-03-29T00:29:58Z",
                                    "last_signal_at":"2026-03-29T00:29:50Z"})";
const QByteArray GatewayDegraded = R"({"status":"degraded","version":"2.0.0","components":{
                                       "redis":{"status":"ok","latency_ms":1.5,"details":{"version":"7.0.15"}},
                                       "broker":{"status":"warn","message":"slow fills"}}})";

FakeHttpServer::Response badGateway()
{
    return {502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", 0,
            FakeHttpServer::Mode::Normal, {}};
}

// Everything one test needs: a mock clock, a monitor on it and the operator's window.
struct Console
{
    Console(const ConnectionProfile &profile)
        : monitor(profile, clock)
        , window(profile, &monitor)
    {
        // Automatic refreshes would race with the test's own; the test refreshes explicitly.
        monitor.setRefreshIntervalSeconds(300);
    }

    HealthPage *page() const { return window.healthPage(); }

    MockClock clock;
    HealthMonitor monitor;
    MainWindow window;
};

QList<ServiceDetailDialog *> visibleDialogs(const HealthPage *page)
{
    QList<ServiceDetailDialog *> result;
    for (ServiceDetailDialog *d : page->findChildren<ServiceDetailDialog *>())
        if (d->isVisible())
            result << d;
    return result;
}

QToolButton *buttonFor(const HealthPage *page, const QAction *action)
{
    for (QToolButton *b : page->findChildren<QToolButton *>())
        if (b->defaultAction() == action)
            return b;
    return nullptr;
}

QString hhmmss(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
}

} // namespace

class TestHealthPage final : public QObject
{
    Q_OBJECT

private:
    ConnectionProfile profile(const QString &environment = QStringLiteral("staging")) const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("gui-test");
        p.environment = environment;
        p.services = {{QStringLiteral("alpha"), m_server.url(QStringLiteral("/alpha")), {}},
                      {QStringLiteral("gateway"), m_server.url(QStringLiteral("/gateway")), {}}};
        p.redisSource = QStringLiteral("gateway");
        p.postgres.enabled = false;
        return p;
    }

    // Shows the window, makes it active (window shortcuts need that) and waits for the first
    // refresh that start() triggers.
    static bool showAndStart(Console &c)
    {
        c.window.show();
        if (!QTest::qWaitForWindowExposed(&c.window))
            return false;
        c.window.activateWindow();
        if (!QTest::qWaitForWindowActive(&c.window))
            return false;
        QSignalSpy finished(&c.monitor, &HealthMonitor::refreshFinished);
        c.monitor.start();
        return finished.wait(NetworkWaitMs);
    }

    // An operator's click on "Refresh now", then the end of that round.
    static bool clickRefreshAndWait(Console &c)
    {
        QToolButton *button = buttonFor(c.page(), c.page()->refreshAction());
        if (!button)
            return false;
        QSignalSpy finished(&c.monitor, &HealthMonitor::refreshFinished);
        QTest::mouseClick(button, Qt::LeftButton);
        return finished.wait(NetworkWaitMs);
    }

    FakeHttpServer m_server;

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
    }

    void init()
    {
        m_server.setJson(QStringLiteral("/alpha"), AlphaHealthy);
        m_server.setJson(QStringLiteral("/gateway"), GatewayDegraded);
    }

    void cleanup()
    {
        // A failing test must not leave dialogs behind for the next one.
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<ServiceDetailDialog *>(w))
                delete w;
    }

    void tilesShowWhatTheServicesAnswered()
    {
        Console c(profile());
        HealthPage *page = c.page();
        QCOMPARE(page->tileCount(), 3); // alpha, gateway, redis; postgres disabled
        QVERIFY(page->tile(QStringLiteral("postgres")) == nullptr);
        ServiceTile *alpha = page->tile(QStringLiteral("alpha"));
        ServiceTile *gateway = page->tile(QStringLiteral("gateway"));
        ServiceTile *redis = page->tile(QStringLiteral("redis"));
        QVERIFY(alpha && gateway && redis);
        QCOMPARE(alpha->statusText(), QStringLiteral("UNKNOWN")); // nothing asked yet
        QVERIFY(alpha->detailText().contains(QStringLiteral("version —")));

        QVERIFY(showAndStart(c));

        QCOMPARE(alpha->statusText(), QStringLiteral("HEALTHY"));
        QVERIFY2(alpha->detailText().contains(QStringLiteral("v1.4.0")), qPrintable(alpha->detailText()));
        QVERIFY2(alpha->detailText().contains(QStringLiteral(" ms")), qPrintable(alpha->detailText()));
        QVERIFY2(!alpha->detailText().contains(QStringLiteral("— ms")), qPrintable(alpha->detailText()));

        QCOMPARE(gateway->statusText(), QStringLiteral("DEGRADED"));
        QVERIFY2(gateway->detailText().contains(QStringLiteral("v2.0.0")), qPrintable(gateway->detailText()));

        // Redis is not polled: it is what the gateway's components say about it.
        QCOMPARE(redis->statusText(), QStringLiteral("HEALTHY"));
        QVERIFY2(redis->detailText().contains(QStringLiteral("v7.0.15")), qPrintable(redis->detailText()));
        QVERIFY2(redis->detailText().contains(QStringLiteral("2 ms")), qPrintable(redis->detailText()));
        QVERIFY2(redis->summaryText().contains(QStringLiteral("gateway")), qPrintable(redis->summaryText()));

        QVERIFY(!page->isBannerShown()); // everything fresh: nothing to warn about
        QVERIFY(c.window.statusText().contains(hhmmss(c.monitor.lastFullySuccessfulRefresh())));
    }

    void failedAnswerTurnsStaleThenUnreachable()
    {
        Console c(profile());
        HealthPage *page = c.page();
        QVERIFY(showAndStart(c));
        const QDateTime lastFull = c.monitor.lastFullySuccessfulRefresh();
        QVERIFY(lastFull.isValid());
        ServiceTile *alpha = page->tile(QStringLiteral("alpha"));
        QCOMPARE(alpha->statusText(), QStringLiteral("HEALTHY"));

        m_server.setResponse(QStringLiteral("/alpha"), badGateway());
        c.clock.advanceSeconds(5);
        QVERIFY(clickRefreshAndWait(c));

        QCOMPARE(alpha->statusText(), QStringLiteral("STALE"));
        QVERIFY2(alpha->summaryText().contains(QStringLiteral("last good data")), qPrintable(alpha->summaryText()));
        QVERIFY2(alpha->summaryText().contains(QStringLiteral("5 s")), qPrintable(alpha->summaryText()));
        QVERIFY2(alpha->summaryText().contains(QStringLiteral("502")), qPrintable(alpha->summaryText()));
        QVERIFY2(alpha->detailText().contains(QStringLiteral("v1.4.0")), qPrintable(alpha->detailText())); // kept
        QCOMPARE(page->tile(QStringLiteral("gateway"))->statusText(), QStringLiteral("DEGRADED"));

        QVERIFY(page->isBannerShown());
        const QString banner = page->bannerText();
        QVERIFY2(banner.contains(QStringLiteral("stale")), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("1 tile")), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("last fully successful refresh")), qPrintable(banner));
        QVERIFY2(banner.contains(hhmmss(lastFull)), qPrintable(banner));
        QCOMPARE(c.monitor.lastFullySuccessfulRefresh(), lastFull); // the failed round did not count

        // The age in the banner should be the 5 s the monitor's clock has moved.
        QVERIFY2(banner.contains(QStringLiteral("(5 s ago)")), qPrintable(banner));

        // No fresh answer for 30 s and more: the tile gives up on the old data. The monitor's
        // one-second tick re-evaluates without another poll.
        c.clock.advanceSeconds(30);
        QTRY_COMPARE(alpha->statusText(), QStringLiteral("UNREACHABLE"));
        QVERIFY2(alpha->summaryText().contains(QStringLiteral("35 s")), qPrintable(alpha->summaryText()));
        QVERIFY2(alpha->accessibleName().contains(QStringLiteral("Unreachable")), qPrintable(alpha->accessibleName()));
        QVERIFY(page->isBannerShown());
        QVERIFY2(page->bannerText().contains(QStringLiteral("unreachable")), qPrintable(page->bannerText()));

        // Recovery clears both the tile and the banner.
        init();
        QVERIFY(clickRefreshAndWait(c));
        QCOMPARE(alpha->statusText(), QStringLiteral("HEALTHY"));
        QVERIFY(!page->isBannerShown());
    }

    void accessibleNames()
    {
        Console c(profile());
        HealthPage *page = c.page();
        QVERIFY(showAndStart(c));

        QSet<QString> names;
        for (int row = 0; row < page->tileCount(); ++row) {
            ServiceTile *t = page->tile(row);
            const QString name = c.monitor.entryName(row);
            QVERIFY2(t->accessibleName().contains(name), qPrintable(t->accessibleName()));
            QVERIFY(!t->statusText().isEmpty());
            QVERIFY2(t->accessibleName().contains(t->statusText(), Qt::CaseInsensitive),
                     qPrintable(t->accessibleName() + QStringLiteral(" / ") + t->statusText()));
            QVERIFY(!t->accessibleDescription().isEmpty());
            names << t->accessibleName();
        }
        QCOMPARE(names.size(), page->tileCount()); // tiles are told apart by name
        QVERIFY(page->tile(QStringLiteral("gateway"))->accessibleName().contains(QStringLiteral("Degraded")));

        QToolButton *refresh = buttonFor(page, page->refreshAction());
        QToolButton *pause = buttonFor(page, page->pauseAction());
        QVERIFY(refresh && pause);
        QVERIFY(refresh != pause);
        QVERIFY(!refresh->accessibleName().isEmpty());
        QVERIFY(!pause->accessibleName().isEmpty());
        QVERIFY(refresh->isVisible() && pause->isVisible());

        auto *countdown = page->findChild<QLabel *>(QStringLiteral("countdown"));
        auto *banner = page->findChild<QLabel *>(QStringLiteral("banner"));
        QVERIFY(countdown && banner);
        QVERIFY(!countdown->accessibleName().isEmpty());
        QVERIFY(!banner->accessibleName().isEmpty());
        QCOMPARE(countdown->text(), page->countdownText());
        QVERIFY2(countdown->text().contains(QStringLiteral("Next refresh")), qPrintable(countdown->text()));

        EnvironmentBanner *env = c.window.environmentBanner();
        QVERIFY(env);
        QVERIFY(!env->accessibleName().isEmpty());
        QVERIFY2(env->text().contains(QStringLiteral("staging")), qPrintable(env->text()));
        QVERIFY(!env->isProduction());
        QVERIFY(!env->text().contains(QStringLiteral("PRODUCTION")));
        QVERIFY(c.window.windowTitle().contains(QStringLiteral("staging")));
        QVERIFY(!c.window.windowTitle().contains(QStringLiteral("PRODUCTION")));
    }

    void productionIsSpelledOut()
    {
        Console c(profile(QStringLiteral("production")));
        c.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c.window));
        EnvironmentBanner *env = c.window.environmentBanner();
        QVERIFY(env->isProduction());
        QVERIFY2(env->text().contains(QStringLiteral("PRODUCTION")), qPrintable(env->text()));
        QVERIFY2(env->text().contains(QStringLiteral("gui-test")), qPrintable(env->text()));
        QVERIFY2(c.window.windowTitle().contains(QStringLiteral("PRODUCTION")), qPrintable(c.window.windowTitle()));
        QVERIFY(env->isVisible());
    }

    void f5RefreshesNow()
    {
        Console c(profile());
        QVERIFY(showAndStart(c));
        const int alphaBefore = m_server.requestCount(QStringLiteral("/alpha"));
        const int gatewayBefore = m_server.requestCount(QStringLiteral("/gateway"));
        QVERIFY(!c.monitor.isRefreshing());

        QSignalSpy finished(&c.monitor, &HealthMonitor::refreshFinished);
        QTest::keyClick(&c.window, Qt::Key_F5);
        QVERIFY(finished.wait(NetworkWaitMs));
        QCOMPARE(m_server.requestCount(QStringLiteral("/alpha")), alphaBefore + 1);
        QCOMPARE(m_server.requestCount(QStringLiteral("/gateway")), gatewayBefore + 1);

        // Also while a tile has the keyboard focus.
        ServiceTile *tile = c.page()->tile(0);
        tile->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(tile->hasFocus());
        QTest::keyClick(tile, Qt::Key_F5);
        QVERIFY(finished.wait(NetworkWaitMs));
        QCOMPARE(m_server.requestCount(QStringLiteral("/alpha")), alphaBefore + 2);
    }

    void spacePausesAndResumes()
    {
        Console c(profile());
        HealthPage *page = c.page();
        QVERIFY(showAndStart(c));
        QVERIFY(!page->pauseAction()->isChecked());
        QVERIFY(!page->countdownText().contains(QStringLiteral("PAUSED")));
        QVERIFY(!page->isBannerShown());

        // Space must work while a tile (the usual focus on this page) has the focus.
        ServiceTile *tile = page->tile(QStringLiteral("gateway"));
        tile->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(tile->hasFocus());

        QSignalSpy paused(&c.monitor, &HealthMonitor::pausedChanged);
        QTest::keyClick(tile, Qt::Key_Space);
        QCOMPARE(paused.count(), 1);
        QVERIFY(c.monitor.isPaused());
        QVERIFY(page->pauseAction()->isChecked());
        QVERIFY2(page->countdownText().contains(QStringLiteral("PAUSED")), qPrintable(page->countdownText()));
        QVERIFY(page->isBannerShown());
        QVERIFY2(page->bannerText().contains(QStringLiteral("PAUSED")), qPrintable(page->bannerText()));
        QVERIFY2(c.window.statusText().contains(QStringLiteral("PAUSED")), qPrintable(c.window.statusText()));
        QVERIFY(tile->hasFocus()); // the key did not move focus away

        const int before = m_server.requestCount(QStringLiteral("/alpha"));
        QSignalSpy finished(&c.monitor, &HealthMonitor::refreshFinished);
        QTest::keyClick(tile, Qt::Key_Space);
        QCOMPARE(paused.count(), 2);
        QVERIFY(!c.monitor.isPaused());
        QVERIFY(!page->pauseAction()->isChecked());
        QVERIFY(finished.wait(NetworkWaitMs)); // resuming refreshes at once
        QCOMPARE(m_server.requestCount(QStringLiteral("/alpha")), before + 1);
        QVERIFY(!page->countdownText().contains(QStringLiteral("PAUSED")));
        QVERIFY(!page->isBannerShown());
        QVERIFY(!c.window.statusText().contains(QStringLiteral("PAUSED")));
    }

    void keyboardPathToDetails()
    {
        Console c(profile());
        HealthPage *page = c.page();
        QVERIFY(showAndStart(c));
        QVERIFY(visibleDialogs(page).isEmpty());

        page->tile(0)->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(page->tile(0)->hasFocus());
        QCOMPARE(page->selectedRow(), 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page->tile(1)));
        QCOMPARE(page->selectedRow(), 1); // focus selects

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(visibleDialogs(page).size(), 1);
        QPointer<ServiceDetailDialog> dialog = visibleDialogs(page).constFirst();
        QVERIFY(QApplication::topLevelWidgets().contains(dialog.data()));
        QVERIFY2(dialog->windowTitle().contains(QStringLiteral("gateway")), qPrintable(dialog->windowTitle()));
        QVERIFY2(dialog->rawText().contains(QStringLiteral("slow fills")), qPrintable(dialog->rawText()));
        QVERIFY(dialog->rawText().contains(QStringLiteral("\"broker\"")));
        QVERIFY(dialog->historyRowCount() >= 1); // Unknown -> Degraded
        QCOMPARE(dialog->componentRowCount(), 2);

        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QWidget *target = QApplication::focusWidget();
        if (!target || target->window() != dialog)
            target = dialog;
        QTest::keyClick(target, Qt::Key_Escape);
        QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
        QTRY_VERIFY(dialog.isNull()); // deleted on close
        QVERIFY(visibleDialogs(page).isEmpty());
    }

    void doubleClickOpensDetails()
    {
        Console c(profile());
        HealthPage *page = c.page();
        QVERIFY(showAndStart(c));
        QVERIFY(visibleDialogs(page).isEmpty());

        ServiceTile *alpha = page->tile(QStringLiteral("alpha"));
        QTest::mouseDClick(alpha, Qt::LeftButton);
        QTRY_COMPARE(visibleDialogs(page).size(), 1);
        QPointer<ServiceDetailDialog> dialog = visibleDialogs(page).constFirst();
        QVERIFY2(dialog->windowTitle().contains(QStringLiteral("alpha")), qPrintable(dialog->windowTitle()));
        QVERIFY2(dialog->rawText().contains(QStringLiteral("last_signal_at")), qPrintable(dialog->rawText()));
        QVERIFY(dialog->rawText().contains(QStringLiteral("1.4.0")));
        QVERIFY(dialog->historyRowCount() >= 1);

        // The dialog follows the monitor live: a failed poll adds a history row.
        const int rows = dialog->historyRowCount();
        m_server.setResponse(QStringLiteral("/alpha"), badGateway());
        QSignalSpy finished(&c.monitor, &HealthMonitor::refreshFinished);
        c.monitor.refreshNow();
        QVERIFY(finished.wait(NetworkWaitMs));
        QCOMPARE(dialog->historyRowCount(), rows + 1); // Healthy -> Stale

        dialog->close();
        QTRY_VERIFY(dialog.isNull());

        // Redis is reachable the same way, showing what the gateway said.
        QTest::mouseDClick(page->tile(QStringLiteral("redis")), Qt::LeftButton);
        QTRY_COMPARE(visibleDialogs(page).size(), 1);
        ServiceDetailDialog *redis = visibleDialogs(page).constFirst();
        QVERIFY2(redis->windowTitle().contains(QStringLiteral("redis")), qPrintable(redis->windowTitle()));
        QVERIFY2(redis->rawText().contains(QStringLiteral("7.0.15")), qPrintable(redis->rawText()));
    }

    void clickingATileShowsItsLatency()
    {
        Console c(profile());
        HealthPage *page = c.page();
        QVERIFY(showAndStart(c)); // poll 1: both answer
        int alphaOk = 1;
        int alphaFailed = 0;
        int gatewayOk = 1;

        c.clock.advanceSeconds(1);
        QVERIFY(clickRefreshAndWait(c)); // poll 2: both answer
        ++alphaOk;
        ++gatewayOk;

        m_server.setResponse(QStringLiteral("/alpha"), badGateway());
        c.clock.advanceSeconds(1);
        QVERIFY(clickRefreshAndWait(c)); // poll 3: alpha fails
        ++alphaFailed;
        ++gatewayOk;

        QCOMPARE(page->selectedRow(), 0);
        QCOMPARE(page->chart()->pointCount(), alphaOk);
        QCOMPARE(page->chart()->failureCount(), alphaFailed);

        ServiceTile *gateway = page->tile(QStringLiteral("gateway"));
        QTest::mouseClick(gateway, Qt::LeftButton);
        QCOMPARE(page->selectedRow(), 1);
        QVERIFY(gateway->isSelected());
        QVERIFY(!page->tile(0)->isSelected());
        QCOMPARE(page->chart()->pointCount(), gatewayOk);
        QCOMPARE(page->chart()->failureCount(), 0);
        QVERIFY2(page->chart()->accessibleDescription().contains(QStringLiteral("gateway")),
                 qPrintable(page->chart()->accessibleDescription()));

        // The selected chart keeps up with new polls.
        c.clock.advanceSeconds(1);
        QVERIFY(clickRefreshAndWait(c)); // poll 4
        ++gatewayOk;
        QCOMPARE(page->chart()->pointCount(), gatewayOk);

        QTest::mouseClick(page->tile(QStringLiteral("alpha")), Qt::LeftButton);
        ++alphaFailed; // alpha failed poll 4 too
        QCOMPARE(page->selectedRow(), 0);
        QCOMPARE(page->chart()->pointCount(), alphaOk);
        QCOMPARE(page->chart()->failureCount(), alphaFailed);
    }
};

QTEST_MAIN(TestHealthPage)
#include "tst_healthpage.moc"
