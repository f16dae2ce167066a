// The Alerts page driven like an operator against the sandbox (real HTTP, real PostgreSQL read as
// the read-only role on a worker thread): two poisoned deliveries selected with the mouse, "Retry
// selected…", the confirmation naming the count and the channels, the rows leaving the queue and
// the audit rows; a selection where one retry is refused (partial success said as such); the empty
// state; F5 and the 10 s refresh only while shown; a viewer sees everything with the buttons off and
// the reason in the tooltip; acknowledging needs a 15-character note (14 blocked) and a refusal
// from the server (409 from the sandbox, 422 from a scripted server) shows inside the dialog.

#include "../e2e/E2eFixture.h"
#include "FakeHttpServer.h"
#include "alerts/AcknowledgeDialog.h"
#include "alerts/AlertEventsModel.h"
#include "alerts/AlertReader.h"
#include "alerts/AlertsClient.h"
#include "alerts/AlertsPage.h"
#include "alerts/DeliveryModels.h"
#include "alerts/RetryConfirmDialog.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QUuid>
#include <QtTest>

#include <memory>

using namespace ops;

namespace {

const QString kDb = QStringLiteral("ops_gui_alerts");
const QString kSql = QStringLiteral("tst_alertspage");

struct Console
{
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<CredentialStore> store;
    std::unique_ptr<Session> session;
    std::unique_ptr<AlertsClient> client;
    std::unique_ptr<AlertService> service;
    std::unique_ptr<AlertsPage> page;
};

} // namespace

class TestAlertsPage final : public QObject
{
    Q_OBJECT

    test::SandboxFixture m_fx;
    QNetworkAccessManager m_nam;

    QSqlDatabase db() const { return QSqlDatabase::database(kSql, false); }

    qint64 scalar(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(db());
        q.prepare(statement);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next()) {
            qWarning() << statement << q.lastError().text();
            return -1;
        }
        return q.value(0).toLongLong();
    }

    QString text(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(db());
        q.prepare(statement);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }

    // `count` new poisoned deliveries on `channel`: fired, then three failed worker passes.
    QList<qint64> makePoison(int count, const QString &channel)
    {
        opssandbox::AlertSettings settings = m_fx.sandbox->alertSettings();
        settings.failingChannels = QStringList{channel};
        m_fx.sandbox->setAlertSettings(settings);
        opssandbox::GeneratedAlerts generated;
        QString error;
        if (!m_fx.sandbox->generateAlerts(count, channel, {}, &generated, &error)) {
            qWarning() << "generate:" << error;
            return {};
        }
        m_fx.sandbox->processAlertPasses(3);
        settings.failingChannels.clear();
        m_fx.sandbox->setAlertSettings(settings);
        for (qint64 id : generated.deliveryIds)
            if (text(QStringLiteral("SELECT status FROM alert_deliveries WHERE id = ?"), {id}) != QLatin1String("poison"))
                return {};
        return generated.deliveryIds;
    }

    std::unique_ptr<Console> open(const QString &role)
    {
        auto c = std::make_unique<Console>();
        c->api = std::make_unique<ApiClient>(m_fx.profile);
        c->store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-gui-alerts"));
        c->session = std::make_unique<Session>(c->api.get(), c->store.get(), m_fx.profile.name);
        QSignalSpy signedIn(c->session.get(), &Session::signedIn);
        c->session->signIn(role, role + QStringLiteral("-sandbox-pw"), false);
        if (!signedIn.wait(10000))
            return nullptr;
        c->client = std::make_unique<AlertsClient>(c->session.get());
        PostgresEndpoint ro = m_fx.profile.postgres;
        ro.user = QStringLiteral("ops_console_ro");
        c->service = std::make_unique<AlertService>(ro, QString());
        c->page = std::make_unique<AlertsPage>(c->client.get(), c->session.get());
        c->page->setService(c->service.get());
        c->page->resize(1100, 700);
        c->page->show();
        if (!QTest::qWaitForWindowActive(c->page.get()))
            return nullptr;
        if (!QTest::qWaitFor([&] { return c->page->poisonModel()->hasLoaded() && !c->page->poisonModel()->isLoading(); },
                             10000))
            return nullptr;
        return c;
    }

    static int rowOf(QTableView *view, qint64 id)
    {
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (view->model()->index(r, 0).data(DeliveryTableModel::DeliveryIdRole).toLongLong() == id)
                return r;
        return -1;
    }

    static void clickRow(QTableView *view, int row, Qt::KeyboardModifiers modifiers = {})
    {
        view->scrollTo(view->model()->index(row, 0));
        const QRect rect = view->visualRect(view->model()->index(row, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, rect.center());
    }

    static QList<qint64> shownIds(const AlertsPage &page)
    {
        QList<qint64> ids;
        for (const AlertDelivery &d : page.poisonModel()->deliveries())
            ids << d.id;
        return ids;
    }

    static RetryConfirmDialog *waitForRetryDialog(AlertsPage *page)
    {
        if (!QTest::qWaitFor([&] { return page->activeRetryDialog() && page->activeRetryDialog()->isVisible(); }, 5000))
            return nullptr;
        return QTest::qWaitForWindowActive(page->activeRetryDialog()) ? page->activeRetryDialog() : nullptr;
    }

    static AcknowledgeDialog *waitForAckDialog(AlertsPage *page)
    {
        if (!QTest::qWaitFor([&] { return page->activeAcknowledgeDialog() && page->activeAcknowledgeDialog()->isVisible(); },
                             5000))
            return nullptr;
        return QTest::qWaitForWindowActive(page->activeAcknowledgeDialog()) ? page->activeAcknowledgeDialog() : nullptr;
    }

    // Selects the open event `eventId` in the events tab (after the list has it).
    static bool selectEvent(AlertsPage *page, qint64 eventId)
    {
        page->tabs()->setCurrentIndex(2);
        if (!QTest::qWaitFor([&] { return page->eventsView()->model()->rowCount() > 0; }, 10000))
            return false;
        page->refresh();
        auto *model = static_cast<AlertEventsModel *>(page->eventsView()->model());
        if (!QTest::qWaitFor([&] { return model->eventById(eventId) != nullptr; }, 10000))
            return false;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->eventAt(r)->id == eventId) {
                clickRow(page->eventsView(), r);
                return true;
            }
        return false;
    }

    int auditRows(const QString &action, const QString &user, const QString &outcome)
    {
        return int(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND user_id = ? AND outcome = ?"),
                          {action, user, outcome}));
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start(kDb, true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        opssandbox::AlertSettings settings = m_fx.sandbox->alertSettings();
        settings.workerIntervalMs = 0; // passes only when the test runs them
        settings.eventProbability = 0;
        settings.smsFailureRate = 0;
        m_fx.sandbox->setAlertSettings(settings);
        QSqlDatabase d = m_fx.database(kSql, kDb);
        QVERIFY2(d.isOpen(), qPrintable(d.lastError().text()));
    }

    void cleanupTestCase()
    {
        db().close();
        QSqlDatabase::removeDatabase(kSql);
    }

    void operatorRetriesTwoSelectedDeliveries()
    {
        const QList<qint64> poisoned = makePoison(3, QStringLiteral("email"));
        QCOMPARE(poisoned.size(), 3);
        auto c = open(QStringLiteral("operator"));
        QVERIFY(c);
        AlertsPage *page = c->page.get();
        QCOMPARE(page->tabs()->currentIndex(), 0);
        const qint64 queue = scalar(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE status = 'poison'"));
        QCOMPARE(page->poisonModel()->rowCount(), int(queue));
        QVERIFY2(page->poisonStatusText().startsWith(QStringLiteral("%1 poisoned deliver").arg(queue)),
                 qPrintable(page->poisonStatusText()));
        QCOMPARE(page->poisonEmptyText(), QString());
        // The recipient is what the platform stored (masked), the attempts are 3/3.
        const int first = rowOf(page->poisonView(), poisoned[0]);
        QVERIFY(first >= 0);
        QCOMPARE(page->poisonModel()->index(first, PoisonQueueModel::Recipient).data().toString(),
                 text(QStringLiteral("SELECT recipient FROM alert_deliveries WHERE id = ?"), {poisoned[0]}));
        QVERIFY(page->poisonModel()->index(first, PoisonQueueModel::Recipient).data().toString().contains(QLatin1Char('*')));
        QCOMPARE(page->poisonModel()->index(first, PoisonQueueModel::Attempts).data().toString(), QStringLiteral("3/3"));

        // Nothing selected: the button says why it is off.
        QVERIFY(!page->retryButton()->isEnabled());
        QCOMPARE(page->retryButton()->toolTip(), QStringLiteral("Select one or more poisoned deliveries first."));
        clickRow(page->poisonView(), rowOf(page->poisonView(), poisoned[0]));
        clickRow(page->poisonView(), rowOf(page->poisonView(), poisoned[1]), Qt::ControlModifier);
        QCOMPARE(page->poisonView()->selectionModel()->selectedRows().size(), 2);
        QVERIFY(page->retryButton()->isEnabled());

        const int auditBefore = auditRows(QStringLiteral("ALERT_DELIVERY_RETRY"), QStringLiteral("operator"),
                                          QStringLiteral("success"));
        QTest::mouseClick(page->retryButton(), Qt::LeftButton);
        RetryConfirmDialog *d = waitForRetryDialog(page);
        QVERIFY(d);
        QCOMPARE(d->headlineText(), QStringLiteral("Retry 2 poisoned deliveries?"));
        QCOMPARE(d->channelsText(), QStringLiteral("Channels: 2 × Email"));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(d->cancelButton()));
        QVERIFY(!d->confirmButton()->isDefault() && !d->confirmButton()->autoDefault());
        QVERIFY(!page->retryButton()->isEnabled()); // one confirmation at a time
        // Enter does not confirm.
        QTest::keyClick(d, Qt::Key_Return);
        QTest::qWait(200);
        QCOMPARE(text(QStringLiteral("SELECT status FROM alert_deliveries WHERE id = ?"), {poisoned[0]}), QStringLiteral("poison"));

        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->activeRetryDialog(), 10000);
        QCOMPARE(page->retryResultText(), QStringLiteral("2 retried."));
        for (qint64 id : {poisoned[0], poisoned[1]}) {
            QCOMPARE(text(QStringLiteral("SELECT status FROM alert_deliveries WHERE id = ?"), {id}), QStringLiteral("pending"));
            QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM alert_deliveries WHERE id = ?"), {id}), qint64(0));
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'ALERT_DELIVERY_RETRY' AND "
                                           "resource_id = ? AND user_id = 'operator' AND outcome = 'success'"),
                            {QString::number(id)}),
                     qint64(1));
        }
        QCOMPARE(text(QStringLiteral("SELECT status FROM alert_deliveries WHERE id = ?"), {poisoned[2]}), QStringLiteral("poison"));
        QCOMPARE(auditRows(QStringLiteral("ALERT_DELIVERY_RETRY"), QStringLiteral("operator"), QStringLiteral("success")),
                 auditBefore + 2);
        // The rows leave the queue; the third stays.
        QTRY_VERIFY_WITH_TIMEOUT(!shownIds(*page).contains(poisoned[0]) && !shownIds(*page).contains(poisoned[1]), 10000);
        QVERIFY(shownIds(*page).contains(poisoned[2]));
        QTRY_VERIFY(page->poisonStatusText().startsWith(QStringLiteral("%1 poisoned deliver").arg(queue - 2)));
    }

    void partialSuccessIsReportedAndEmptyStateShown()
    {
        auto c = open(QStringLiteral("operator"));
        QVERIFY(c);
        AlertsPage *page = c->page.get();
        QList<qint64> ids = shownIds(*page);
        QVERIFY(!ids.isEmpty());
        const QList<qint64> more = makePoison(1, QStringLiteral("slack"));
        QCOMPARE(more.size(), 1);
        QTest::keyClick(page, Qt::Key_F5); // F5 reads again
        QTRY_VERIFY_WITH_TIMEOUT(shownIds(*page).contains(more[0]), 10000);
        ids = shownIds(*page);

        page->poisonView()->setFocus();
        page->poisonView()->selectAll();
        QCOMPARE(page->poisonView()->selectionModel()->selectedRows().size(), ids.size());
        QTest::keyClick(page->retryButton(), Qt::Key_R, Qt::AltModifier); // the mnemonic
        RetryConfirmDialog *d = waitForRetryDialog(page);
        QVERIFY(d);
        QVERIFY2(d->channelsText().contains(QStringLiteral("1 × Slack")), qPrintable(d->channelsText()));
        // Meanwhile someone else retries one of them.
        QVERIFY(QSqlQuery(db()).exec(QStringLiteral("UPDATE alert_deliveries SET status = 'pending', attempts = 0, "
                                                      "poison_at = NULL WHERE id = %1").arg(more[0])));
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->activeRetryDialog(), 10000);
        const QString summary = page->retryResultText();
        QVERIFY2(summary.startsWith(QStringLiteral("%1 retried, 1 failed: #%2 (Slack): Delivery #%2 cannot be retried now")
                                        .arg(ids.size() - 1)
                                        .arg(more[0])),
                 qPrintable(summary));
        QCOMPARE(auditRows(QStringLiteral("ALERT_DELIVERY_RETRY"), QStringLiteral("operator"), QStringLiteral("rejected")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(page->poisonModel()->rowCount(), 0, 10000);
        QTRY_COMPARE(page->poisonEmptyText(), QStringLiteral("No poisoned deliveries — all alerts are being delivered"));
        QVERIFY(page->poisonStatusText().startsWith(QStringLiteral("0 poisoned deliveries")));
    }

    void refreshesEveryTenSecondsOnlyWhileShown()
    {
        auto c = open(QStringLiteral("viewer"));
        QVERIFY(c);
        QVERIFY(c->page->isAutoRefreshing());
        c->page->hide();
        QVERIFY(!c->page->isAutoRefreshing());
        c->page->show();
        QVERIFY(c->page->isAutoRefreshing());
        QCOMPARE(AlertsPage::RefreshIntervalMs, 10000);
    }

    void historyFiltersByStatus()
    {
        auto c = open(QStringLiteral("viewer"));
        QVERIFY(c);
        AlertsPage *page = c->page.get();
        page->tabs()->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(page->historyModel()->hasLoaded(), 10000);
        QCOMPARE(page->historyModel()->rowCount(), int(scalar(QStringLiteral("SELECT count(*) FROM alert_deliveries"))));
        page->statusFilter()->setCurrentIndex(page->statusFilter()->findData(QStringLiteral("pending")));
        QTRY_VERIFY_WITH_TIMEOUT(page->historyModel()->hasLoaded() && !page->historyModel()->isLoading(), 10000);
        const qint64 pending = scalar(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE status = 'pending'"));
        QVERIFY(pending >= 1); // later worker passes deliver some of the retried ones
        QCOMPARE(page->historyModel()->rowCount(), int(pending));
        for (const AlertDelivery &d : page->historyModel()->deliveries())
            QCOMPARE(d.status, QStringLiteral("pending"));
        QCOMPARE(page->historyStatusText(), QStringLiteral("%1 deliveries, newest first.").arg(pending));
    }

    void viewerSeesEverythingButCannotAct()
    {
        QCOMPARE(makePoison(1, QStringLiteral("email")).size(), 1);
        auto c = open(QStringLiteral("viewer"));
        QVERIFY(c);
        AlertsPage *page = c->page.get();
        QVERIFY(page->poisonModel()->rowCount() >= 1);
        clickRow(page->poisonView(), 0);
        QCOMPARE(page->poisonView()->selectionModel()->selectedRows().size(), 1);
        QVERIFY(!page->retryButton()->isEnabled());
        QCOMPARE(page->retryButton()->toolTip(), QStringLiteral("Your role (viewer) does not have the permission alerts:retry."));
        page->openRetryDialog(); // even when asked directly
        QVERIFY(!page->activeRetryDialog());

        QTRY_VERIFY_WITH_TIMEOUT(page->eventsView()->model()->rowCount() > 0, 10000);
        page->tabs()->setCurrentIndex(2);
        clickRow(page->eventsView(), 0);
        QVERIFY(!page->acknowledgeButton()->isEnabled());
        QCOMPARE(page->acknowledgeButton()->toolTip(),
                 QStringLiteral("Your role (viewer) does not have the permission alerts:acknowledge."));
        page->openAcknowledgeDialog();
        QVERIFY(!page->activeAcknowledgeDialog());
    }

    void acknowledgeNeedsFifteenVisibleCharacters()
    {
        auto c = open(QStringLiteral("operator"));
        QVERIFY(c);
        AlertsPage *page = c->page.get();
        const qint64 eventId = scalar(QStringLiteral("SELECT max(id) FROM alert_events WHERE status = 'open'"));
        QVERIFY(eventId > 0);
        QVERIFY(selectEvent(page, eventId));
        QVERIFY(page->acknowledgeButton()->isEnabled());
        QTest::mouseClick(page->acknowledgeButton(), Qt::LeftButton);
        AcknowledgeDialog *d = waitForAckDialog(page);
        QVERIFY(d);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(d->noteEdit()));
        QVERIFY(!d->confirmButton()->isEnabled());
        QTest::keyClicks(d->noteEdit(), QStringLiteral("Broker   ok, now 12")); // 14 visible: spaces do not count
        QCOMPARE(d->counterText(), QStringLiteral("14/15 — at least 15 visible characters"));
        QVERIFY(!d->confirmButton()->isEnabled());
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton); // blocked
        QTest::qWait(200);
        QCOMPARE(text(QStringLiteral("SELECT status FROM alert_events WHERE id = ?"), {eventId}), QStringLiteral("open"));
        QTest::keyClicks(d->noteEdit(), QStringLiteral("!"));
        QCOMPARE(d->counterText(), QStringLiteral("15/15 ✓"));
        QVERIFY(d->confirmButton()->isEnabled());
        QTest::keyClick(d, Qt::Key_Return); // Enter never confirms
        QTest::qWait(200);
        QCOMPARE(text(QStringLiteral("SELECT status FROM alert_events WHERE id = ?"), {eventId}), QStringLiteral("open"));
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->activeAcknowledgeDialog(), 10000);
        QVERIFY2(page->eventsResultText().startsWith(QStringLiteral("Alert event #%1 acknowledged. Audit record #").arg(eventId)),
                 qPrintable(page->eventsResultText()));
        QCOMPARE(text(QStringLiteral("SELECT status FROM alert_events WHERE id = ?"), {eventId}), QStringLiteral("acknowledged"));
        QCOMPARE(text(QStringLiteral("SELECT acknowledged_by FROM alert_events WHERE id = ?"), {eventId}), QStringLiteral("operator"));
        QCOMPARE(auditRows(QStringLiteral("ALERT_ACKNOWLEDGE"), QStringLiteral("operator"), QStringLiteral("success")), 1);
        // It leaves the open events.
        auto *model = static_cast<AlertEventsModel *>(page->eventsView()->model());
        QTRY_VERIFY_WITH_TIMEOUT(!model->eventById(eventId), 10000);
    }

    void acknowledgeConflictShowsInTheDialog()
    {
        auto c = open(QStringLiteral("operator"));
        QVERIFY(c);
        AlertsPage *page = c->page.get();
        const qint64 eventId = scalar(QStringLiteral("SELECT max(id) FROM alert_events WHERE status = 'open'"));
        QVERIFY(eventId > 0);
        QVERIFY(selectEvent(page, eventId));
        QTest::mouseClick(page->acknowledgeButton(), Qt::LeftButton);
        AcknowledgeDialog *d = waitForAckDialog(page);
        QVERIFY(d);
        const QString note = QStringLiteral("Looked at it, resolving upstream");
        QTest::keyClicks(d->noteEdit(), note);
        // Someone else acknowledges it first.
        QVERIFY(QSqlQuery(db()).exec(QStringLiteral("UPDATE alert_events SET status = 'acknowledged', acknowledged_by = "
                                                      "'admin' WHERE id = %1").arg(eventId)));
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!d->messageText().isEmpty(), 10000);
        QVERIFY2(d->messageText().startsWith(QStringLiteral("Alert event #%1 is no longer open").arg(eventId)),
                 qPrintable(d->messageText()));
        QVERIFY(page->activeAcknowledgeDialog());
        QCOMPARE(d->noteEdit()->toPlainText(), note); // what was typed stays
        QVERIFY(d->confirmButton()->isEnabled());
        QVERIFY(d->cancelButton()->isEnabled());
        QTest::mouseClick(d->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!page->activeAcknowledgeDialog());
    }

    void serverRefusalOfTheNoteShowsInline()
    {
        // A platform that counts differently (422 note_too_short): the answer shows in the dialog.
        test::FakeHttpServer server;
        QVERIFY(server.listen());
        const QJsonObject user{{QStringLiteral("username"), QStringLiteral("operator")},
                               {QStringLiteral("role"), QStringLiteral("operator")},
                               {QStringLiteral("permissions"), QJsonArray{QStringLiteral("alerts:view"),
                                                                          QStringLiteral("alerts:acknowledge")}}};
        server.setJson(QStringLiteral("/api/v1/auth/login"),
                       QJsonDocument(QJsonObject{{QStringLiteral("token"), QStringLiteral("t")}, {QStringLiteral("user"), user}})
                           .toJson(QJsonDocument::Compact));
        const QJsonObject event{{QStringLiteral("id"), 5},
                                {QStringLiteral("rule"), QStringLiteral("Drawdown")},
                                {QStringLiteral("severity"), QStringLiteral("critical")},
                                {QStringLiteral("message"), QStringLiteral("Drawdown 6%")},
                                {QStringLiteral("status"), QStringLiteral("open")},
                                {QStringLiteral("fired_at"), QStringLiteral("2026-03-29T08:00:00Z")}};
        server.setJson(QStringLiteral("/api/v1/alerts/events?status=open&limit=100"),
                       QJsonDocument(QJsonObject{{QStringLiteral("events"), QJsonArray{event}}}).toJson(QJsonDocument::Compact));
        server.setMethodJson("POST", QStringLiteral("/api/v1/alerts/events/5/acknowledge"),
                             QByteArrayLiteral("{\"error\":\"note_too_short\",\"detail\":\"Note must have at least 15 visible characters\",\"visible_length\":9}"),
                             422);
        ConnectionProfile p;
        p.name = QStringLiteral("gui");
        p.restBaseUrl = server.url(QStringLiteral("/"));
        ApiClient api(p);
        CredentialStore store(QStringLiteral("ops-console-gui-alerts-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        Session session(&api, &store, p.name);
        QSignalSpy signedIn(&session, &Session::signedIn);
        session.signIn(QStringLiteral("operator"), QStringLiteral("pw"), false);
        QVERIFY(signedIn.wait(10000));
        AlertsClient client(&session);
        AlertsPage page(&client, &session);
        page.resize(900, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QVERIFY(page.poisonStatusText().contains(QLatin1String("not connected")));
        QVERIFY(selectEvent(&page, 5));
        QTest::mouseClick(page.acknowledgeButton(), Qt::LeftButton);
        AcknowledgeDialog *d = waitForAckDialog(&page);
        QVERIFY(d);
        QTest::keyClicks(d->noteEdit(), QStringLiteral("Checked with the desk, fine"));
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(d->messageText(),
                                  QStringLiteral("The server did not accept the note: Note must have at least 15 visible characters"),
                                  10000);
        QCOMPARE(d->noteEdit()->toPlainText(), QStringLiteral("Checked with the desk, fine"));
        QTest::mouseClick(d->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!page.activeAcknowledgeDialog());
    }
};

QTEST_MAIN(TestAlertsPage)
#include "tst_alertspage.moc"
