// Alerts end to end: the sandbox (in-process, its migrations 0006/0007, its delivery worker) on a
// real PostgreSQL, and the console's side of it. The poison queue and the history are read as the
// read-only role ops_console_ro through AlertService on its own thread (the GUI thread never
// waits, even on a locked table); the poison retry flow through AlertsClient changes the row in
// PostgreSQL (pending, attempts 0) and writes its ALERT_DELIVERY_RETRY audit row with the user and
// the outcome (success, rejected, denied); a selection retry reports partial success; the
// acknowledgement's 15-character rule is the server's too; a killed backend, a statement timeout
// and a revoked privilege are each reported as such, and the next read recovers.
// The slots run in order and share state.

#include "E2eFixture.h"
#include "alerts/AlertEventsModel.h"
#include "alerts/AlertReader.h"
#include "alerts/AlertsClient.h"
#include "alerts/DeliveryModels.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QMutex>
#include <QtCore/QSet>
#include <QtCore/QThread>
#include <QtCore/QUuid>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest>

#include <memory>
#include <optional>

using namespace ops;

namespace {

const QString kDb = QStringLiteral("ops_e2e_alerts");
const QString kSu = QStringLiteral("tst_alerts_e2e_su");
const QString kRole = QStringLiteral("ops_console_ro");
const QString kActivity = QStringLiteral("FROM pg_stat_activity WHERE datname = ? AND usename = ? "
                                         "AND application_name = 'ops-console'");

struct Signed
{
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<CredentialStore> store;
    std::unique_ptr<Session> session;
    std::unique_ptr<AlertsClient> client;
};

} // namespace

class TestAlertsE2e final : public QObject
{
    Q_OBJECT

    test::SandboxFixture m_fx;
    PostgresEndpoint m_ro;
    QList<qint64> m_poison; // made by initTestCase
    QMutex m_mutex;
    QSet<QThread *> m_threads;

    QSqlDatabase su() const { return QSqlDatabase::database(kSu, false); }

    qint64 scalar(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(su());
        q.prepare(statement);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next()) {
            qWarning() << statement << q.lastError().text();
            return -1;
        }
        return q.value(0).toLongLong();
    }

    QVariant value(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(su());
        q.prepare(statement);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0) : QVariant(QStringLiteral("<none>"));
    }

    bool exec(const QString &statement)
    {
        QSqlQuery q(su());
        if (!q.exec(statement)) {
            qWarning() << statement << q.lastError().text();
            return false;
        }
        return true;
    }

    QList<qint64> makePoison(int count, const QString &channel)
    {
        opssandbox::AlertSettings settings = m_fx.sandbox->alertSettings();
        settings.failingChannels = QStringList{channel};
        m_fx.sandbox->setAlertSettings(settings);
        opssandbox::GeneratedAlerts generated;
        QString error;
        if (!m_fx.sandbox->generateAlerts(count, channel, {}, &generated, &error)) {
            qWarning() << error;
            return {};
        }
        m_fx.sandbox->processAlertPasses(3);
        settings.failingChannels.clear();
        m_fx.sandbox->setAlertSettings(settings);
        return generated.deliveryIds;
    }

    std::unique_ptr<Signed> signIn(const QString &role)
    {
        auto s = std::make_unique<Signed>();
        s->api = std::make_unique<ApiClient>(m_fx.profile);
        s->store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-e2e-alerts-")
                                                     + QUuid::createUuid().toString(QUuid::WithoutBraces));
        s->session = std::make_unique<Session>(s->api.get(), s->store.get(), m_fx.profile.name);
        QSignalSpy signedIn(s->session.get(), &Session::signedIn);
        s->session->signIn(role, role + QStringLiteral("-sandbox-pw"), false);
        if (!signedIn.wait(10000))
            return nullptr;
        s->client = std::make_unique<AlertsClient>(s->session.get());
        return s;
    }

    static std::optional<AlertsClient::Result> retry(AlertsClient &client, qint64 id)
    {
        std::optional<AlertsClient::Result> out;
        client.retry(id, nullptr, [&](const AlertsClient::Result &r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return std::nullopt;
        return out;
    }

    static std::optional<AlertsClient::Result> acknowledge(AlertsClient &client, qint64 id, const QString &note)
    {
        std::optional<AlertsClient::Result> out;
        client.acknowledge(id, note, nullptr, [&](const AlertsClient::Result &r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return std::nullopt;
        return out;
    }

    std::unique_ptr<AlertService> service(const AlertService::Options &options = {})
    {
        auto s = std::make_unique<AlertService>(m_ro, QString(), options);
        s->setQueryObserver([this](const QString &) {
            QMutexLocker lock(&m_mutex);
            m_threads.insert(QThread::currentThread());
        });
        return s;
    }

    static bool load(DeliveryTableModel &model)
    {
        QSignalSpy loaded(&model, &DeliveryTableModel::loaded);
        model.refresh();
        return loaded.wait(10000);
    }

    QList<qint64> sqlIds(const QString &statement)
    {
        QList<qint64> out;
        QSqlQuery q(su());
        q.exec(statement);
        while (q.next())
            out << q.value(0).toLongLong();
        return out;
    }

    static QList<qint64> modelIds(const DeliveryTableModel &m)
    {
        QList<qint64> out;
        for (const AlertDelivery &d : m.deliveries())
            out << d.id;
        return out;
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start(kDb, true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        opssandbox::AlertSettings settings = m_fx.sandbox->alertSettings();
        settings.workerIntervalMs = 0;
        settings.eventProbability = 0;
        settings.smsFailureRate = 0;
        m_fx.sandbox->setAlertSettings(settings);
        QSqlDatabase db = m_fx.database(kSu, kDb);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        m_poison = makePoison(4, QStringLiteral("email")) + makePoison(2, QStringLiteral("slack"));
        QCOMPARE(m_poison.size(), 6);
        for (qint64 id : std::as_const(m_poison))
            QCOMPARE(value(QStringLiteral("SELECT status FROM alert_deliveries WHERE id = ?"), {id}).toString(),
                     QStringLiteral("poison"));
        m_ro = m_fx.profile.postgres;
        m_ro.user = kRole;
    }

    void cleanupTestCase()
    {
        su().close();
        QSqlDatabase::removeDatabase(kSu);
    }

    void poisonQueueIsReadAsTheReadOnlyRoleOffTheGuiThread()
    {
        auto s = service();
        PoisonQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setService(s.get());
        QVERIFY(load(model));
        QCOMPARE(model.errorText(), QString());
        QCOMPARE(modelIds(model), sqlIds(QStringLiteral("SELECT id FROM alert_deliveries WHERE status = 'poison' "
                                                        "ORDER BY poison_at DESC, id DESC")));
        QCOMPARE(model.total(), qint64(6));
        const AlertDelivery *d = model.deliveryAt(0);
        QVERIFY(d);
        QCOMPARE(d->attempts, 3);
        QVERIFY(d->poisonAt.isValid());
        QVERIFY(!d->errorMessage.isEmpty());
        QVERIFY2(d->recipient.contains(QLatin1Char('*')), qPrintable(d->recipient));
        QCOMPARE(model.index(0, PoisonQueueModel::Recipient).data().toString(), d->recipient);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) ") + kActivity, {kDb, kRole}), qint64(1));
        {
            QMutexLocker lock(&m_mutex);
            QVERIFY(!m_threads.isEmpty());
            QVERIFY(!m_threads.contains(QThread::currentThread()));
        }

        DeliveryHistoryModel history;
        QAbstractItemModelTester historyTester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        history.setService(s.get());
        QVERIFY(load(history));
        QCOMPARE(modelIds(history), sqlIds(QStringLiteral("SELECT id FROM alert_deliveries ORDER BY created_at DESC, id DESC")));
        history.setFilter(QStringLiteral("slack"), QStringLiteral("poison"));
        QSignalSpy loaded(&history, &DeliveryTableModel::loaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(history.rowCount(), 2);
    }

    void theGuiThreadNeverWaitsForTheDatabase()
    {
        AlertService::Options options;
        options.statementTimeoutMs = 400;
        auto s = service(options);
        PoisonQueueModel model;
        model.setService(s.get());
        QVERIFY(load(model)); // connected
        QVERIFY(su().transaction());
        if (!exec(QStringLiteral("LOCK TABLE alert_deliveries IN ACCESS EXCLUSIVE MODE"))) {
            su().rollback();
            QFAIL("could not lock alert_deliveries");
        }
        QElapsedTimer timer;
        timer.start();
        QSignalSpy loaded(&model, &DeliveryTableModel::loaded);
        model.refresh();
        const qint64 returnedAfter = timer.elapsed();
        const bool answered = loaded.wait(8000);
        su().rollback();
        QVERIFY2(returnedAfter < 50, qPrintable(QString::number(returnedAfter)));
        QVERIFY(answered);
        QCOMPARE(model.error().kind, AuditError::Kind::Timeout);
        QVERIFY2(model.errorText().startsWith(QLatin1String("Reading the alert deliveries took too long")),
                 qPrintable(model.errorText()));
        QCOMPARE(model.rowCount(), 6); // the last good rows stay
        QVERIFY(load(model));
        QCOMPARE(model.errorText(), QString());
    }

    void killedBackendIsReportedThenReconnected()
    {
        auto s = service();
        PoisonQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setService(s.get());
        QVERIFY(load(model));
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT count(*) ") + kActivity, {kDb, kRole}), qint64(1), 5000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) ") + kActivity, {kDb, kRole}),
                 qint64(1));
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT count(*) ") + kActivity, {kDb, kRole}), qint64(0), 5000);
        QSignalSpy errors(&model, &DeliveryTableModel::errorChanged);
        QVERIFY(load(model));
        QCOMPARE(model.error().kind, AuditError::Kind::ConnectionLost);
        QVERIFY2(model.errorText().startsWith(QLatin1String("The database connection was lost")), qPrintable(model.errorText()));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(model.rowCount(), 6); // a dead connection is not an empty queue
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(load(model)); // the next read connects again
        QCOMPARE(model.errorText(), QString());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) ") + kActivity, {kDb, kRole}), qint64(1));
    }

    void revokedPrivilegeIsClear()
    {
        auto s = service();
        PoisonQueueModel model;
        model.setService(s.get());
        QVERIFY(exec(QStringLiteral("REVOKE SELECT ON alert_deliveries FROM ops_console_ro")));
        const bool loaded = load(model);
        QVERIFY(exec(QStringLiteral("GRANT SELECT ON alert_deliveries TO ops_console_ro")));
        QVERIFY(loaded);
        QCOMPARE(model.error().kind, AuditError::Kind::PermissionDenied);
        QVERIFY2(model.errorText().contains(kRole) && model.errorText().contains(QLatin1String("alert deliveries")),
                 qPrintable(model.errorText()));
        QVERIFY(load(model));
        QCOMPARE(model.rowCount(), 6);
    }

    void poisonRetryUpdatesPostgresAndWritesItsAuditRow()
    {
        auto op = signIn(QStringLiteral("operator"));
        QVERIFY(op);
        const qint64 id = m_poison.at(0);
        const QString previousError = value(QStringLiteral("SELECT error_message FROM alert_deliveries WHERE id = ?"), {id}).toString();
        QVERIFY(!previousError.isEmpty());
        const std::optional<AlertsClient::Result> r = retry(*op->client, id);
        QVERIFY(r);
        QCOMPARE(r->kind, AlertsClient::Result::Kind::Done);
        QVERIFY(r->auditId > 0);
        QCOMPARE(r->delivery.id, id);
        QCOMPARE(r->delivery.status, QStringLiteral("pending"));

        // PostgreSQL: back to pending, attempts 0, no poison time, no error.
        QCOMPARE(value(QStringLiteral("SELECT status FROM alert_deliveries WHERE id = ?"), {id}).toString(), QStringLiteral("pending"));
        QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM alert_deliveries WHERE id = ?"), {id}), qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE id = ? AND poison_at IS NULL"), {id}), qint64(1));
        // The audit row: who, what, the outcome, and what the delivery was.
        QSqlQuery q(su());
        q.prepare(QStringLiteral("SELECT user_id, action, outcome, resource_type, resource_id, CAST(details AS text) "
                                 "FROM audit_log WHERE id = ?"));
        q.addBindValue(r->auditId);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("operator"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("ALERT_DELIVERY_RETRY"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("success"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("alert_delivery"));
        QCOMPARE(q.value(4).toString(), QString::number(id));
        const QJsonObject details = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("previous_status")).toString(), QStringLiteral("poison"));
        QCOMPARE(details.value(QStringLiteral("previous_attempts")).toInt(), 3);
        QCOMPARE(details.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
        QCOMPARE(details.value(QStringLiteral("error_message")).toString(), previousError);

        // The read-only reader no longer lists it.
        auto s = service();
        PoisonQueueModel model;
        model.setService(s.get());
        QVERIFY(load(model));
        QVERIFY(!modelIds(model).contains(id));
        QCOMPARE(model.total(), qint64(5));

        // Again: not retryable (409), and recorded as rejected.
        const std::optional<AlertsClient::Result> again = retry(*op->client, id);
        QVERIFY(again);
        QCOMPARE(again->kind, AlertsClient::Result::Kind::Conflict);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'ALERT_DELIVERY_RETRY' AND "
                                       "resource_id = ? AND user_id = 'operator' AND outcome = 'rejected'"),
                        {QString::number(id)}),
                 qint64(1));

        // A viewer is refused (403), recorded as denied, and nothing changes.
        auto viewer = signIn(QStringLiteral("viewer"));
        QVERIFY(viewer);
        const qint64 other = m_poison.at(1);
        const std::optional<AlertsClient::Result> denied = retry(*viewer->client, other);
        QVERIFY(denied);
        QCOMPARE(denied->kind, AlertsClient::Result::Kind::Refused);
        QCOMPARE(value(QStringLiteral("SELECT status FROM alert_deliveries WHERE id = ?"), {other}).toString(), QStringLiteral("poison"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'ALERT_DELIVERY_RETRY' AND "
                                       "resource_id = ? AND user_id = 'viewer' AND outcome = 'denied'"),
                        {QString::number(other)}),
                 qint64(1));
    }

    void selectionRetryReportsPartialSuccess()
    {
        auto op = signIn(QStringLiteral("operator"));
        QVERIFY(op);
        const qint64 poisoned = m_poison.at(1);
        const qint64 pending = m_poison.at(0); // retried above
        const qint64 missing = 999999;
        AlertDelivery a, b, c;
        a.id = poisoned;
        a.channel = QStringLiteral("email");
        b.id = pending;
        b.channel = QStringLiteral("email");
        c.id = missing;
        c.channel = QStringLiteral("sms");
        std::optional<AlertsClient::BatchResult> result;
        QVERIFY(op->client->retryMany({a, b, c}, nullptr, {}, [&](const AlertsClient::BatchResult &r) { result = r; }));
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 15000));
        QCOMPARE(result->retried(), 1);
        QCOMPARE(result->failed(), 2);
        QCOMPARE(result->outcomes.at(1).result.kind, AlertsClient::Result::Kind::Conflict);
        QCOMPARE(result->outcomes.at(2).result.kind, AlertsClient::Result::Kind::NotFound);
        QVERIFY2(result->summary().startsWith(QLatin1String("1 retried, 2 failed: ")), qPrintable(result->summary()));
        QCOMPARE(value(QStringLiteral("SELECT status FROM alert_deliveries WHERE id = ?"), {poisoned}).toString(),
                 QStringLiteral("pending"));
    }

    void acknowledgeFollowsTheServersRule()
    {
        auto op = signIn(QStringLiteral("operator"));
        QVERIFY(op);
        const qint64 eventId = scalar(QStringLiteral("SELECT min(id) FROM alert_events WHERE status = 'open'"));
        QVERIFY(eventId > 0);
        // 14 visible characters: the server refuses too (the client sends it; the dialog would not).
        const std::optional<AlertsClient::Result> shortNote = acknowledge(*op->client, eventId, QStringLiteral("Broker ok, now 12"));
        QVERIFY(shortNote);
        QCOMPARE(shortNote->kind, AlertsClient::Result::Kind::Invalid);
        QCOMPARE(shortNote->errorCode, QStringLiteral("note_too_short"));
        QCOMPARE(value(QStringLiteral("SELECT status FROM alert_events WHERE id = ?"), {eventId}).toString(), QStringLiteral("open"));
        const std::optional<AlertsClient::Result> ok = acknowledge(*op->client, eventId, QStringLiteral("Broker ok, now 12!"));
        QVERIFY(ok);
        QCOMPARE(ok->kind, AlertsClient::Result::Kind::Done);
        QCOMPARE(ok->event.status, QStringLiteral("acknowledged"));
        QCOMPARE(value(QStringLiteral("SELECT ack_note FROM alert_events WHERE id = ?"), {eventId}).toString(),
                 QStringLiteral("Broker ok, now 12!"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE id = ? AND action = 'ALERT_ACKNOWLEDGE' AND "
                                       "user_id = 'operator' AND outcome = 'success'"),
                        {ok->auditId}),
                 qint64(1));
        // The events list no longer has it among the open ones.
        QSignalSpy refreshed(op->client.get(), &AlertsClient::eventsRefreshed);
        op->client->listEvents();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(op->client->eventsProblem(), QString());
        QVERIFY(op->client->eventsModel()->rowCount() > 0);
        QVERIFY(!op->client->eventsModel()->eventById(eventId));
    }
};

QTEST_MAIN(TestAlertsE2e)
#include "tst_alerts_e2e.moc"
