// The SLA panel offscreen against FakeHttpServer as Prometheus on a MockClock: a breach reads in
// words and colour (StatusStyle) with the value and the objective; "No data" and "Query failed"
// differ in words, colour, detail line and chart overlay; a failure keeps the last value with its
// age, greyed in the chart; the ages tick; "Prometheus not configured" is its own state; Refresh
// now is reachable by Alt+R and F5; every control has an accessible name.
#include "FakeHttpServer.h"
#include "MockClock.h"
#include "common/StatusStyle.h"
#include "metrics/PrometheusClient.h"
#include "sla/SlaChart.h"
#include "sla/SlaMonitor.h"
#include "sla/SlaPanel.h"

#include <QApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace ops;
using ops::test::FakeHttpServer;
using ops::test::MockClock;

namespace {

enum Row { Staleness, Delivery, Audit, Poison };

QString instantPath(const QString &promql)
{
    return QStringLiteral("/api/v1/query?query=") + QString::fromLatin1(QUrl::toPercentEncoding(promql));
}

QString rangePath(const QString &promql, const QDateTime &now)
{
    const auto secs = [](const QDateTime &t) { return QString::number(double(t.toMSecsSinceEpoch()) / 1000.0, 'f', 3); };
    return QStringLiteral("/api/v1/query_range?query=") + QString::fromLatin1(QUrl::toPercentEncoding(promql))
        + QStringLiteral("&start=") + secs(now.addSecs(-3600)) + QStringLiteral("&end=") + secs(now)
        + QStringLiteral("&step=30");
}

QByteArray vectorJson(const QByteArray &value)
{
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1774744200,\""
        + value + "\"]}]}}";
}

QByteArray matrixJson(const QDateTime &now, const QList<QByteArray> &values)
{
    QByteArray points;
    qint64 t = now.toSecsSinceEpoch() - 30 * values.size();
    for (const QByteArray &v : values) {
        if (!points.isEmpty())
            points += ',';
        points += "[" + QByteArray::number(t) + ",\"" + v + "\"]";
        t += 30;
    }
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[" + points
        + "]}]}}";
}

const QByteArray EmptyVector = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
const QByteArray EmptyMatrix = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";

} // namespace

class TestSlaPanel final : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<PrometheusClient> m_client;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<SlaMonitor> m_monitor;
    std::unique_ptr<SlaPanel> m_panel;

    const SlaTarget &target(int row) const { return SlaTarget::all().at(row); }
    void answer(int row, const QByteArray &json, int status = 200)
    {
        m_server->setJson(instantPath(target(row).promql), json, status);
    }
    void answerRange(int row, const QByteArray &json)
    {
        m_server->setJson(rangePath(target(row).promql, m_clock->nowUtc()), json);
    }
    bool refresh()
    {
        QSignalSpy done(m_monitor.get(), &SlaMonitor::refreshFinished);
        m_panel->refreshNow();
        return done.wait(10000);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<PrometheusClient>(m_network.get());
        m_client->setBaseUrl(m_server->url(QStringLiteral("/")));
        m_client->setTimeoutMs(2000);
        m_clock = std::make_unique<MockClock>();
        m_monitor = std::make_unique<SlaMonitor>(m_client.get(), *m_clock);
        m_panel = std::make_unique<SlaPanel>(m_monitor.get());
        m_panel->resize(1100, 800);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }
    void cleanup()
    {
        m_panel.reset();
        m_monitor.reset();
        m_client.reset();
        m_network.reset();
        m_server.reset();
    }

    void fourCardsBeforeTheFirstAnswer()
    {
        QCOMPARE(m_panel->cardCount(), 4);
        QCOMPARE(m_panel->titleText(Staleness), QStringLiteral("Breaker staleness"));
        QCOMPARE(m_panel->titleText(Poison), QStringLiteral("Poison queue"));
        QCOMPARE(m_panel->targetText(Staleness), QStringLiteral("target ≤ 5 s (page > 10 s)"));
        QCOMPARE(m_panel->targetText(Delivery), QStringLiteral("target < 60 s"));
        QCOMPARE(m_panel->statusText(Staleness), QStringLiteral("Checking…"));
        QVERIFY(!m_panel->isNotConfiguredShown());
    }

    void breachInWordsAndColour()
    {
        answer(Staleness, vectorJson("12"));
        answerRange(Staleness, matrixJson(m_clock->nowUtc(), {"1", "2", "12"}));
        answer(Audit, vectorJson("1.5"));
        answer(Poison, vectorJson("0"));
        QVERIFY(refresh());

        QCOMPARE(m_panel->statusText(Staleness), QStringLiteral("Page"));
        QCOMPARE(m_panel->statusColour(Staleness), StatusStyle::of(HealthStatus::Unhealthy).colour);
        QCOMPARE(m_panel->valueText(Staleness), QStringLiteral("12.0 s"));
        QCOMPARE(m_panel->detailText(Staleness), QStringLiteral("updated 0 s ago"));
        QVERIFY(m_panel->card(Staleness)->accessibleDescription().contains(QStringLiteral("Page")));

        QCOMPARE(m_panel->statusText(Audit), QStringLiteral("Breached"));
        QCOMPARE(m_panel->statusColour(Audit), StatusStyle::of(HealthStatus::Degraded).colour);
        QCOMPARE(m_panel->valueText(Audit), QStringLiteral("1.5 s"));

        QCOMPARE(m_panel->statusText(Poison), QStringLiteral("Met"));
        QCOMPARE(m_panel->statusColour(Poison), StatusStyle::of(HealthStatus::Healthy).colour);
        QVERIFY(m_panel->statusColour(Poison) != m_panel->statusColour(Staleness));

        // The chart: the hour's points and the objective as a dashed line at 5 s.
        SlaChart *chart = m_panel->chart(Staleness);
        QCOMPARE(chart->pointCount(), 3);
        QCOMPARE(chart->points().last().y(), 12.0);
        QCOMPARE(chart->thresholdPoints().size(), 2);
        QCOMPARE(chart->thresholdPoints().first().y(), 5.0);
        QCOMPARE(chart->thresholdPenStyle(), Qt::DashLine);
        QVERIFY(!chart->isOverlayShown());
        QVERIFY(!chart->isGreyed());

        // The ages tick on their own.
        m_clock->advanceSeconds(12);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->detailText(Staleness), QStringLiteral("updated 12 s ago"), 3000);
    }

    void failedAndNoDataDiffer()
    {
        answer(Delivery, EmptyVector);
        answerRange(Delivery, EmptyMatrix);
        answer(Audit, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"unknown function\"}", 400);
        QVERIFY(refresh());

        QCOMPARE(m_panel->statusText(Delivery), QStringLiteral("No data"));
        QCOMPARE(m_panel->detailText(Delivery), QStringLiteral("No data in the last 5 minutes"));
        QCOMPARE(m_panel->valueText(Delivery), QStringLiteral("—"));
        QCOMPARE(m_panel->statusText(Audit), QStringLiteral("Query failed"));
        QVERIFY2(m_panel->detailText(Audit).startsWith(QStringLiteral("query failed: ")), qPrintable(m_panel->detailText(Audit)));
        QVERIFY(m_panel->detailText(Audit).contains(QStringLiteral("unknown function")));
        QVERIFY(m_panel->statusColour(Delivery) != m_panel->statusColour(Audit));
        QCOMPARE(m_panel->statusColour(Delivery), StatusStyle::of(HealthStatus::Stale).colour);
        QCOMPARE(m_panel->statusColour(Audit), StatusStyle::of(HealthStatus::Unreachable).colour);

        // The charts, too: a neutral "No data" and an alarming "Query failed".
        QCOMPARE(m_panel->chart(Delivery)->overlay(), SlaChart::Overlay::NoData);
        QCOMPARE(m_panel->chart(Delivery)->overlayText(), QStringLiteral("No data in the last hour"));
        QCOMPARE(m_panel->chart(Audit)->overlay(), SlaChart::Overlay::Failed); // its range answers 404 text
        QVERIFY(m_panel->chart(Audit)->overlayText().startsWith(QStringLiteral("⚠ Query failed: ")));
    }

    void failureKeepsTheLastValueWithItsAge()
    {
        answer(Staleness, vectorJson("3"));
        answerRange(Staleness, matrixJson(m_clock->nowUtc(), {"2", "3"}));
        QVERIFY(refresh());
        QCOMPARE(m_panel->statusText(Staleness), QStringLiteral("Met"));

        m_clock->advanceSeconds(40);
        m_server->stopListening(); // Prometheus gone
        QVERIFY(refresh());
        QCOMPARE(m_panel->statusText(Staleness), QStringLiteral("Query failed"));
        QCOMPARE(m_panel->valueText(Staleness), QStringLiteral("3.0 s"));
        const QString detail = m_panel->detailText(Staleness);
        QVERIFY2(detail.startsWith(QStringLiteral("query failed: ")), qPrintable(detail));
        QVERIFY2(detail.endsWith(QStringLiteral("(last value 40 s old)")), qPrintable(detail));
        SlaChart *chart = m_panel->chart(Staleness);
        QCOMPARE(chart->pointCount(), 2);
        QVERIFY(chart->isGreyed());
        QCOMPARE(chart->overlay(), SlaChart::Overlay::Failed);
        QVERIFY2(chart->overlayText().contains(QStringLiteral("(40 s ago)")), qPrintable(chart->overlayText()));
    }

    void notConfigured()
    {
        m_monitor->setPrometheusUrl(QUrl());
        QVERIFY(m_panel->isNotConfiguredShown());
        QVERIFY(m_panel->notConfiguredText().contains(QStringLiteral("Prometheus not configured for this profile")));
        QVERIFY(!m_panel->refreshButton()->isEnabled());
        m_panel->refreshNow();
        QTest::qWait(100);
        QCOMPARE(m_server->requests().size(), 0);
        QCOMPARE(m_panel->statusText(Staleness), QStringLiteral("Not configured"));

        // Configured again: the cards come back.
        m_monitor->setPrometheusUrl(m_server->url(QStringLiteral("/")));
        QVERIFY(!m_panel->isNotConfiguredShown());
        QVERIFY(m_panel->refreshButton()->isEnabled());
    }

    void keyboardAndAccessibleNames()
    {
        QApplication::setActiveWindow(m_panel.get());
        QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
        answer(Poison, vectorJson("0"));
        const QString path = instantPath(target(Poison).promql);

        QTest::keyClick(m_panel.get(), Qt::Key_R, Qt::AltModifier);
        QTRY_COMPARE(m_server->requestCount(path), 1);
        m_panel->refreshButton()->setFocus();
        QTest::keyClick(m_panel->refreshButton(), Qt::Key_F5);
        QTRY_COMPARE(m_server->requestCount(path), 2);
        QTest::keyClick(m_panel->refreshButton(), Qt::Key_Space);
        QTRY_COMPARE(m_server->requestCount(path), 3);
        QVERIFY(m_panel->refreshButton()->focusPolicy() & Qt::TabFocus);

        // Tab steps from the button through the four cards.
        QWidget *focus = m_panel->refreshButton();
        for (int row = 0; row < 4; ++row) {
            focus = focus->nextInFocusChain();
            while (focus && !(focus->focusPolicy() & Qt::TabFocus))
                focus = focus->nextInFocusChain();
            QCOMPARE(focus, m_panel->card(row));
        }

        const QList<QWidget *> widgets = m_panel->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool control = (w->focusPolicy() & Qt::TabFocus) || qobject_cast<QLabel *>(w)
                || qobject_cast<QAbstractButton *>(w) || qobject_cast<SlaChart *>(w);
            if (!control || w->parentWidget() == nullptr)
                continue;
            if (qobject_cast<QLabel *>(w) && w->parentWidget()->inherits("QGraphicsView")
                && w->objectName() != QStringLiteral("slaChartOverlay"))
                continue;
            QVERIFY2(!w->accessibleName().isEmpty(),
                     qPrintable(QStringLiteral("%1 %2 in %3 %4")
                                    .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                         QString::fromLatin1(w->parentWidget()->metaObject()->className()),
                                         w->parentWidget()->objectName())));
        }
    }
};

QTEST_MAIN(TestSlaPanel)
#include "tst_slapanel.moc"
