// Offscreen GUI test of the System Health page inside a real MainWindow, driven the way an
// operator would: mouse clicks, double clicks, F5, Space, Tab, Enter and Escape, against a
// scripted local HTTP server and a clock that only moves when the test says so.
// With a Prometheus client, a service's chart shows P50/P95/P99 from a second scripted server
// standing in for Prometheus.

#include "FakeHttpServer.h"
#include "MockClock.h"
#include "health/HealthMonitor.h"
#include "health/HealthPage.h"
#include "health/LatencyChart.h"
#include "health/LatencyPercentiles.h"
#include "health/ServiceDetailDialog.h"
#include "health/ServiceTile.h"
#include "metrics/PrometheusClient.h"
#include "shell/EnvironmentBanner.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QToolButton>
#include <QUrlQuery>
#include <QtTest>

#include <cmath>
#include <limits>
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

// A Prometheus range-query answer with one series (values in seconds; NaN sent as "NaN").
QByteArray promMatrix(const QList<double> &values)
{
    QJsonArray points;
    for (int i = 0; i < values.size(); ++i)
        points.append(QJsonArray{double(1774744200 + 30 * i),
                                 std::isnan(values[i]) ? QStringLiteral("NaN") : QString::number(values[i], 'g', 17)});
    const QJsonObject series{{QStringLiteral("metric"), QJsonObject{}}, {QStringLiteral("values"), points}};
    const QJsonObject data{{QStringLiteral("resultType"), QStringLiteral("matrix")},
                           {QStringLiteral("result"), QJsonArray{series}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                                     {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

// Waits until the percentiles' round in flight has all its answers.
bool settle(const LatencyPercentiles *p)
{
    QDeadlineTimer deadline(NetworkWaitMs);
    while (p->isQuerying() && !deadline.hasExpired())
        QTest::qWait(10);
    return !p->isQuerying();
}

QString overlayStyle(const LatencyChart *chart)
{
    auto *label = chart->findChild<QLabel *>(QStringLiteral("latencyOverlay"));
    return label ? label->styleSheet() : QString();
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

    // FakeHttpServer answers by exact path, query included, and a range query carries the
    // window's start and end. The mock clock keeps them the same until the test moves it, so the
    // paths of a first round (404: "query failed") are the paths of the next one: the test
    // scripts answers for them. Returns the paths for Q = 0.5, 0.95, 0.99, or {} when absent.
    QStringList promPaths(const QString &service) const
    {
        QStringList paths(LatencyPercentiles::SeriesCount);
        for (const FakeHttpServer::Request &r : m_prom.requests()) {
            const QString promql = QUrlQuery(QUrl(r.path).query()).queryItemValue(QStringLiteral("query"),
                                                                                  QUrl::FullyDecoded);
            for (int i = 0; i < LatencyPercentiles::SeriesCount; ++i)
                if (promql == LatencyPercentiles::promql(service, LatencyPercentiles::Quantiles[std::size_t(i)]))
                    paths[i] = r.path;
        }
        for (const QString &p : std::as_const(paths))
            if (p.isEmpty())
                return {};
        return paths;
    }

    FakeHttpServer m_server;
    FakeHttpServer m_prom;
    QNetworkAccessManager m_network;

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        QVERIFY(m_prom.listen());
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
        QCOMPARE(page->chart()->mode(), LatencyChart::Mode::PollHistory);
        QVERIFY(page->percentiles() == nullptr);
    }

    void percentilesFromPrometheusWithALegend()
    {
        Console c(profile());
        HealthPage *page = c.page();
        LatencyChart *chart = page->chart();
        QVERIFY(showAndStart(c));
        QCOMPARE(chart->mode(), LatencyChart::Mode::PollHistory);

        PrometheusClient prom(&m_network);
        prom.setBaseUrl(m_prom.url(QStringLiteral("/prom/")));
        m_prom.clearRequests();
        page->setPrometheus(&prom);
        LatencyPercentiles *p = page->percentiles();
        QVERIFY(p);
        QCOMPARE(p->service(), QStringLiteral("alpha")); // the selected tile
        QCOMPARE(chart->mode(), LatencyChart::Mode::Percentiles);
        QCOMPARE(chart->overlay(), LatencyChart::Overlay::Loading);
        QVERIFY(settle(p));
        const QStringList alpha = promPaths(QStringLiteral("alpha"));
        QCOMPARE(alpha.size(), 3);
        m_prom.setJson(alpha[0], promMatrix({0.010, 0.012, 0.011}));
        m_prom.setJson(alpha[1], promMatrix({0.050, 0.060, 0.055}));
        m_prom.setJson(alpha[2], promMatrix({0.200, 0.250, 0.240}));

        // F5 refreshes the tiles and asks Prometheus again.
        QSignalSpy finished(&c.monitor, &HealthMonitor::refreshFinished);
        QTest::keyClick(&c.window, Qt::Key_F5);
        QVERIFY(finished.wait(NetworkWaitMs));
        QVERIFY(settle(p));
        QCOMPARE(m_prom.requests().size(), 6);
        QCOMPARE(p->state(), LatencyPercentiles::State::Ok);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(chart->percentilePointCount(i), 3);
        QCOMPARE(chart->percentilePoints(0).at(1).y(), 12.0); // seconds shown as ms
        QCOMPARE(chart->percentilePoints(1).at(1).y(), 60.0);
        QCOMPARE(chart->percentilePoints(2).at(1).y(), 250.0);
        QCOMPARE(chart->legendLabels(),
                 QStringList({QStringLiteral("P50"), QStringLiteral("P95"), QStringLiteral("P99")}));
        QVERIFY2(chart->titleText().contains(QStringLiteral("from Prometheus")), qPrintable(chart->titleText()));
        QVERIFY2(chart->titleText().contains(QStringLiteral("alpha")), qPrintable(chart->titleText()));
        QVERIFY(!chart->isOverlayShown());
        QVERIFY(!chart->isGreyed());
        QCOMPARE(chart->pointCount(), 0); // the poll line is not drawn in this mode
        QVERIFY(!chart->accessibleName().isEmpty());
        QVERIFY2(chart->accessibleDescription().contains(QStringLiteral("from Prometheus")),
                 qPrintable(chart->accessibleDescription()));

        // Redis is not a profile service: its tile keeps the console's own poll history.
        QTest::mouseClick(page->tile(QStringLiteral("redis")), Qt::LeftButton);
        QCOMPARE(chart->mode(), LatencyChart::Mode::PollHistory);
        QCOMPARE(chart->legendLabels(),
                 QStringList({QStringLiteral("Response time (ms)"), QStringLiteral("Failed poll")}));
        QVERIFY(!chart->titleText().contains(QStringLiteral("Prometheus")));
        QVERIFY(!chart->isOverlayShown());

        // Back on alpha: asked again at once.
        QTest::mouseClick(page->tile(QStringLiteral("alpha")), Qt::LeftButton);
        QCOMPARE(chart->mode(), LatencyChart::Mode::Percentiles);
        QVERIFY(settle(p));
        QCOMPARE(m_prom.requests().size(), 9);
        QCOMPARE(chart->percentilePointCount(2), 3);
        QCOMPARE(chart->legendLabels().size(), 3);

        // Without Prometheus again, the poll history is back.
        page->setPrometheus(nullptr);
        QVERIFY(page->percentiles() == nullptr);
        QCOMPARE(chart->mode(), LatencyChart::Mode::PollHistory);
        QCOMPARE(chart->pointCount(), 2);
        QVERIFY(!chart->isOverlayShown());
    }

    void noDataAndQueryFailedLookDifferent()
    {
        Console c(profile());
        HealthPage *page = c.page();
        LatencyChart *chart = page->chart();
        QVERIFY(showAndStart(c));
        PrometheusClient prom(&m_network);
        prom.setBaseUrl(m_prom.url(QStringLiteral("/prom/")));
        m_prom.clearRequests();
        page->setPrometheus(&prom);
        LatencyPercentiles *p = page->percentiles();
        QVERIFY(p && settle(p));
        const QStringList alpha = promPaths(QStringLiteral("alpha"));
        QTest::mouseClick(page->tile(QStringLiteral("gateway")), Qt::LeftButton);
        QCOMPARE(p->service(), QStringLiteral("gateway"));
        QVERIFY(settle(p));
        const QStringList gateway = promPaths(QStringLiteral("gateway"));
        QCOMPARE(alpha.size(), 3);
        QCOMPARE(gateway.size(), 3);

        // A failure with nothing earlier to show (the unscripted paths answer 404).
        QCOMPARE(p->state(), LatencyPercentiles::State::Failed);
        QCOMPARE(chart->overlay(), LatencyChart::Overlay::Failed);
        QVERIFY2(chart->overlayText().contains(QStringLiteral("Query failed: ")), qPrintable(chart->overlayText()));
        QVERIFY2(chart->overlayText().contains(QStringLiteral("No earlier answer")), qPrintable(chart->overlayText()));
        QVERIFY(!chart->isGreyed());

        // No data: Prometheus answered, nothing to draw.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        for (const QString &path : gateway)
            m_prom.setJson(path, promMatrix({nan, nan}));
        for (const QString &path : alpha)
            m_prom.setJson(path, promMatrix({0.02, 0.03, 0.025}));
        QVERIFY(clickRefreshAndWait(c));
        QVERIFY(settle(p));
        QCOMPARE(p->state(), LatencyPercentiles::State::NoData);
        QCOMPARE(chart->overlay(), LatencyChart::Overlay::NoData);
        QVERIFY(chart->isOverlayShown());
        const QString noData = chart->overlayText();
        const QString noDataStyle = overlayStyle(chart);
        QVERIFY2(noData.startsWith(QStringLiteral("No data")), qPrintable(noData));
        QVERIFY2(noData.contains(QStringLiteral("gateway")), qPrintable(noData));
        QVERIFY2(!noData.contains(QStringLiteral("failed"), Qt::CaseInsensitive), qPrintable(noData));
        QVERIFY(!chart->isGreyed());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(chart->percentilePointCount(i), 0);
        QVERIFY2(chart->accessibleDescription().contains(QStringLiteral("No data")),
                 qPrintable(chart->accessibleDescription()));

        // Query failed after good data: the reason, the last lines greyed, and their age.
        QTest::mouseClick(page->tile(QStringLiteral("alpha")), Qt::LeftButton);
        QVERIFY(settle(p));
        QCOMPARE(p->state(), LatencyPercentiles::State::Ok);
        QVERIFY(!chart->isOverlayShown());
        const QDateTime good = p->lastSuccessUtc();
        m_prom.setResponse(alpha[1], badGateway());
        QVERIFY(clickRefreshAndWait(c));
        QVERIFY(settle(p));
        QCOMPARE(p->state(), LatencyPercentiles::State::Failed);
        QCOMPARE(chart->overlay(), LatencyChart::Overlay::Failed);
        const QString failed = chart->overlayText();
        QVERIFY2(failed.contains(QStringLiteral("Query failed: ")), qPrintable(failed));
        QVERIFY2(failed.contains(QStringLiteral("502")), qPrintable(failed));
        QVERIFY2(failed.contains(hhmmss(good)), qPrintable(failed));
        QVERIFY2(!failed.contains(QStringLiteral("No data")), qPrintable(failed));
        QVERIFY(chart->isGreyed());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(chart->percentilePointCount(i), 3); // the last answer is still drawn
        QVERIFY(failed != noData);
        QVERIFY(!overlayStyle(chart).isEmpty());
        QVERIFY2(overlayStyle(chart) != noDataStyle, qPrintable(overlayStyle(chart)));
        QVERIFY2(chart->accessibleDescription().contains(QStringLiteral("Query failed")),
                 qPrintable(chart->accessibleDescription()));
        auto *overlay = chart->findChild<QLabel *>(QStringLiteral("latencyOverlay"));
        QVERIFY(overlay && !overlay->accessibleName().isEmpty());

        // The age keeps counting while nothing new arrives.
        c.clock.advanceSeconds(12);
        QTRY_VERIFY2(chart->overlayText().contains(QStringLiteral("12 s ago")), qPrintable(chart->overlayText()));
        QVERIFY(chart->isGreyed());
        page->setPrometheus(nullptr);
    }

    void withoutPrometheusUrlThePollHistoryStays()
    {
        Console c(profile());
        HealthPage *page = c.page();
        LatencyChart *chart = page->chart();
        QVERIFY(showAndStart(c));
        PrometheusClient unconfigured(&m_network); // the profile names no Prometheus URL
        m_prom.clearRequests();
        page->setPrometheus(&unconfigured);
        QCOMPARE(chart->mode(), LatencyChart::Mode::PollHistory);
        QCOMPARE(chart->pointCount(), 1);
        QCOMPARE(chart->failureCount(), 0);
        QCOMPARE(chart->legendLabels(),
                 QStringList({QStringLiteral("Response time (ms)"), QStringLiteral("Failed poll")}));
        QVERIFY2(!chart->titleText().contains(QStringLiteral("Prometheus")), qPrintable(chart->titleText()));
        QVERIFY2(chart->titleText().contains(QStringLiteral("alpha")), qPrintable(chart->titleText()));
        QVERIFY(!chart->isOverlayShown());

        c.clock.advanceSeconds(1);
        QVERIFY(clickRefreshAndWait(c));
        QCOMPARE(chart->pointCount(), 2);
        QTest::mouseClick(page->tile(QStringLiteral("gateway")), Qt::LeftButton);
        QCOMPARE(chart->mode(), LatencyChart::Mode::PollHistory);
        QCOMPARE(chart->pointCount(), 2);
        QTest::qWait(100);
        QCOMPARE(m_prom.requests().size(), 0); // nothing was asked of any Prometheus
        page->setPrometheus(nullptr);
    }
};

QTEST_MAIN(TestHealthPage)
#include "tst_healthpage.moc"
