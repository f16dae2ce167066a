// The alerts' records and item models: the events JSON read tolerantly (missing, mistyped, junk
// and repeated entries), the delivery JSON and its texts (masked recipients never shown less
// masked, attempts "2/3", one-line errors), the row-by-row merge every model uses (random lists,
// and a persistent index that survives a refresh), and AlertEventsModel, PoisonQueueModel and
// DeliveryHistoryModel under QAbstractItemModelTester. The two delivery models read a throwaway
// database of the `pg` fixture through AlertService (own thread, bound values, keyset pages);
// the sandbox's real schema is exercised by tests/e2e/tst_alerts_e2e.cpp.

#include "TestPostgres.h"
#include "alerts/AlertDelivery.h"
#include "alerts/AlertEvent.h"
#include "alerts/AlertEventsModel.h"
#include "alerts/AlertReader.h"
#include "alerts/DeliveryModels.h"
#include "alerts/RowSync.h"
#include "core/TimeText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest>

#include <algorithm>
#include <optional>

using namespace ops;

namespace {

const QString kDb = QStringLiteral("ops_unit_alertmodels");
const QString kConn = QStringLiteral("tst_alertmodels");

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonDocument doc(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json));
}

struct Item
{
    qint64 key = 0;
    qint64 id = 0;
    int payload = 0;
    friend bool operator==(const Item &, const Item &) = default;
};

bool itemAbove(const Item &a, const Item &b)
{
    return a.key != b.key ? a.key > b.key : a.id > b.id;
}

bool itemSame(const Item &a, const Item &b)
{
    return a.key == b.key && a.id == b.id;
}

} // namespace

class TestAlertModels final : public QObject
{
    Q_OBJECT

    test::TestPostgres m_pg;
    PostgresEndpoint m_endpoint;
    QMutex m_threadsMutex;
    QSet<QThread *> m_queryThreads;

    bool exec(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(QSqlDatabase::database(kConn, false));
        bool ok = values.isEmpty() ? q.exec(statement) : q.prepare(statement);
        if (ok && !values.isEmpty()) {
            for (const QVariant &v : values)
                q.addBindValue(v);
            ok = q.exec();
        }
        if (!ok)
            qWarning() << statement << q.lastError().text();
        return ok;
    }

    QList<qint64> ids(const QString &statement)
    {
        QList<qint64> out;
        QSqlQuery q(QSqlDatabase::database(kConn, false));
        if (!q.exec(statement))
            qWarning() << statement << q.lastError().text();
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

    std::unique_ptr<AlertService> service()
    {
        auto s = std::make_unique<AlertService>(m_endpoint, QString());
        s->setQueryObserver([this](const QString &) {
            QMutexLocker lock(&m_threadsMutex);
            m_queryThreads.insert(QThread::currentThread());
        });
        return s;
    }

    static bool waitLoaded(DeliveryTableModel &m)
    {
        QSignalSpy loaded(&m, &DeliveryTableModel::loaded);
        return loaded.wait(10000);
    }

    // Scrolls to the end like a view (the model tester may ask for pages on its own as well).
    static bool readAll(DeliveryTableModel &m)
    {
        for (int guard = 0; guard < 100; ++guard) {
            if (m.isLoading()) {
                if (!waitLoaded(m))
                    return false;
            } else if (m.canFetchMore({})) {
                m.fetchMore({});
            } else {
                return !m.hasMore() || m.isAtLimit();
            }
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_pg = test::TestPostgres::fromEnvironment(&error);
        QVERIFY2(m_pg.isValid(), qPrintable(error));
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("tst_alertmodels_admin"));
            admin.setHostName(m_pg.host);
            admin.setPort(m_pg.port);
            admin.setUserName(m_pg.user);
            admin.setDatabaseName(QStringLiteral("postgres"));
            QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
            QSqlQuery q(admin);
            QVERIFY2(q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(kDb)), qPrintable(q.lastError().text()));
            QVERIFY2(q.exec(QStringLiteral("CREATE DATABASE %1").arg(kDb)), qPrintable(q.lastError().text()));
            admin.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst_alertmodels_admin"));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), kConn);
        db.setHostName(m_pg.host);
        db.setPort(m_pg.port);
        db.setUserName(m_pg.user);
        db.setDatabaseName(kDb);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        // The table as migration 0006 creates it, with the indexes of 0007.
        QVERIFY(exec(QStringLiteral(
            "CREATE TABLE alert_deliveries (id bigserial PRIMARY KEY, alert_id text NOT NULL, "
            "channel text NOT NULL CHECK (channel IN ('email', 'slack', 'sms')), recipient text NOT NULL, "
            "dedup_key text, status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', "
            "'delivered', 'failed', 'poison')), attempts int NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 3), "
            "last_attempt_at timestamptz, delivered_at timestamptz, poison_at timestamptz, error_message text, "
            "created_at timestamptz NOT NULL DEFAULT now())")));
        QVERIFY(exec(QStringLiteral("CREATE INDEX ON alert_deliveries (status, poison_at DESC, id DESC)")));
        QVERIFY(exec(QStringLiteral("CREATE INDEX ON alert_deliveries (created_at DESC, id DESC)")));
        // 450 poisoned rows on 45 distinct poison times (ten rows share each, microseconds set),
        // 300 delivered, 60 failed sms, 20 pending.
        QVERIFY(exec(QStringLiteral(
            "INSERT INTO alert_deliveries (alert_id, channel, recipient, status, attempts, last_attempt_at, poison_at, "
            "error_message, created_at) SELECT (1000 + i)::text, (ARRAY['email','slack','sms'])[1 + i % 3], "
            "(ARRAY['j***@example.com','#ops-***','+44 *** *** 123'])[1 + i % 3], 'poison', 3, "
            "TIMESTAMPTZ '2026-03-01 10:00:00.123456+00' + (i % 45) * INTERVAL '1 minute', "
            "TIMESTAMPTZ '2026-03-01 10:00:00.123456+00' + (i % 45) * INTERVAL '1 minute', "
            "'SMTP 550 mailbox unavailable' || chr(10) || 'retry later #' || i, "
            "TIMESTAMPTZ '2026-03-01 09:00:00+00' + i * INTERVAL '1 second' FROM generate_series(1, 450) AS i")));
        QVERIFY(exec(QStringLiteral(
            "INSERT INTO alert_deliveries (alert_id, channel, recipient, status, attempts, last_attempt_at, delivered_at, "
            "created_at) SELECT (5000 + i)::text, (ARRAY['email','slack','sms'])[1 + i % 3], 'a***@example.com', "
            "'delivered', 1, TIMESTAMPTZ '2026-03-02 00:00:00+00' + i * INTERVAL '1 second', "
            "TIMESTAMPTZ '2026-03-02 00:00:00+00' + i * INTERVAL '1 second', "
            "TIMESTAMPTZ '2026-03-02 00:00:00+00' + (i / 7) * INTERVAL '1 second' FROM generate_series(1, 300) AS i")));
        QVERIFY(exec(QStringLiteral(
            "INSERT INTO alert_deliveries (alert_id, channel, recipient, status, attempts, error_message, created_at) "
            "SELECT (7000 + i)::text, 'sms', '+1 *** *** 555', 'failed', 1 + i % 2, 'carrier timeout', "
            "TIMESTAMPTZ '2026-03-03 00:00:00+00' + i * INTERVAL '1 second' FROM generate_series(1, 60) AS i")));
        QVERIFY(exec(QStringLiteral(
            "INSERT INTO alert_deliveries (alert_id, channel, recipient, status, created_at) "
            "SELECT (8000 + i)::text, 'email', 'o***@example.com', 'pending', "
            "TIMESTAMPTZ '2026-03-04 00:00:00+00' + i * INTERVAL '1 second' FROM generate_series(1, 20) AS i")));
        m_endpoint.host = m_pg.host;
        m_endpoint.port = m_pg.port;
        m_endpoint.database = kDb;
        m_endpoint.user = m_pg.user;
        m_endpoint.sslMode = QStringLiteral("disable");
    }

    void cleanupTestCase()
    {
        QSqlDatabase::database(kConn, false).close();
        QSqlDatabase::removeDatabase(kConn);
    }

    // ------------------------------------------------------------------ JSON

    void eventsListIsReadTolerantly()
    {
        QString problem = QStringLiteral("x");
        const QList<AlertEvent> events = AlertEventJson::list(
            doc("{\"events\": ["
                "{\"id\": 7, \"rule\": \"Drawdown\", \"severity\": \"CRITICAL\", \"message\": \"dd 6%\", \"status\": \"open\","
                " \"fired_at\": \"2026-03-29T08:00:00Z\", \"acknowledged_at\": null, \"acknowledged_by\": null, \"note\": null},"
                "{\"id\": \"8\", \"rule\": {\"name\": \"Broker errors\"}, \"severity\": 3, \"message\": [1],"
                " \"status\": \"Acknowledged\", \"fired_at\": \"yesterday\", \"acknowledged_by\": \"operator\", \"ack_note\": \"checked broker\"},"
                "{\"id\": 9, \"rule_id\": 4},"
                "{\"id\": 7, \"rule\": \"duplicate\"},"
                "{\"id\": 0}, {\"id\": -3}, {\"id\": 2.5}, {\"rule\": \"no id\"}, 42, \"text\", null, [],"
                "{\"id\": 10, \"rule\": null, \"fired_at\": 1774771200}"
                "]}"),
            &problem);
        QCOMPARE(problem, QString());
        QCOMPARE(events.size(), 4);
        QCOMPARE(events.at(0).id, qint64(7));
        QCOMPARE(events.at(0).rule, QStringLiteral("Drawdown"));
        QCOMPARE(events.at(0).severity, QStringLiteral("critical"));
        QCOMPARE(events.at(0).firedAt, QDateTime(QDate(2026, 3, 29), QTime(8, 0), QTimeZone::utc()));
        QVERIFY(!events.at(0).acknowledgedAt.isValid());
        QVERIFY(events.at(0).isOpen());
        QCOMPARE(events.at(1).id, qint64(8));
        QCOMPARE(events.at(1).rule, QStringLiteral("Broker errors"));
        QCOMPARE(events.at(1).severity, QString()); // a number is not a severity
        QCOMPARE(events.at(1).message, QString());
        QCOMPARE(events.at(1).status, QStringLiteral("acknowledged"));
        QVERIFY(!events.at(1).firedAt.isValid());
        QCOMPARE(events.at(1).note, QStringLiteral("checked broker"));
        QVERIFY(!events.at(1).isOpen());
        QCOMPARE(events.at(2).rule, QStringLiteral("Rule #4"));
        QCOMPARE(events.at(3).id, qint64(10));
        QCOMPARE(events.at(3).rule, QString());
        QVERIFY(events.at(3).firedAt.isValid());

        for (const char *bad : {"{}", "{\"events\": {}}", "{\"events\": null}", "[]", "not json", "{\"items\": []}"}) {
            problem.clear();
            QVERIFY(AlertEventJson::list(doc(bad), &problem).isEmpty());
            QCOMPARE(problem, QStringLiteral("The answer has no list of events."));
        }
        QVERIFY(AlertEventJson::list(doc("{\"events\": []}"), &problem).isEmpty());
        QCOMPARE(problem, QString());
    }

    void eventTitles()
    {
        QCOMPARE(AlertEventJson::severityTitle(QStringLiteral("warning")), QStringLiteral("Warning"));
        QCOMPARE(AlertEventJson::severityTitle(QStringLiteral("fatal")), QStringLiteral("fatal"));
        QCOMPARE(AlertEventJson::severityTitle(QString()), QStringLiteral("Unknown"));
        QCOMPARE(AlertEventJson::statusTitle(QStringLiteral("resolved")), QStringLiteral("Resolved"));
    }

    void deliveryJsonAndTexts()
    {
        const AlertDelivery d = AlertDeliveryText::fromJson(
            obj("{\"id\": 12, \"alert_id\": 40, \"channel\": \"sms\", \"recipient\": \"+44 *** *** 123\", \"status\": \"pending\","
                " \"attempts\": 0, \"last_attempt_at\": \"2026-03-29T08:00:00.250Z\", \"delivered_at\": null, \"poison_at\": null,"
                " \"error_message\": null, \"created_at\": \"2026-03-29T07:59:00Z\"}"));
        QCOMPARE(d.id, qint64(12));
        QCOMPARE(d.alertId, QStringLiteral("40")); // a number is accepted as the decimal id
        QCOMPARE(d.channel, QStringLiteral("sms"));
        QCOMPARE(d.attempts, 0);
        QCOMPARE(d.lastAttemptAt, QDateTime(QDate(2026, 3, 29), QTime(8, 0, 0, 250), QTimeZone::utc()));
        QVERIFY(!d.poisonAt.isValid());
        QVERIFY(!d.isRetryable());
        const AlertDelivery junk = AlertDeliveryText::fromJson(obj("{\"id\": \"x\", \"attempts\": \"3\", \"channel\": 5}"));
        QCOMPARE(junk.id, qint64(0));
        QCOMPARE(junk.attempts, 0);
        QCOMPARE(junk.channel, QString());

        QCOMPARE(AlertDeliveryText::attemptsText(2), QStringLiteral("2/3"));
        QCOMPARE(AlertDeliveryText::channelTitle(QStringLiteral("sms")), QStringLiteral("SMS"));
        QCOMPARE(AlertDeliveryText::channelTitle(QStringLiteral("pager")), QStringLiteral("pager"));
        QCOMPARE(AlertDeliveryText::statusTitle(QStringLiteral("poison")), QStringLiteral("Poisoned"));
        QCOMPARE(AlertDeliveryText::errorLine(QStringLiteral("line one\nline\ttwo\r\n")), QStringLiteral("line one line two"));
        QCOMPARE(AlertDeliveryText::errorLine(QString(400, QLatin1Char('x'))).size(), 300);
    }

    void recipientsAreNeverShownLessMasked_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("shown");
        // As stored by the platform: exactly that.
        QTest::newRow("email") << QStringLiteral("j***@example.com") << QStringLiteral("j***@example.com");
        QTest::newRow("slack") << QStringLiteral("#ops-***") << QStringLiteral("#ops-***");
        QTest::newRow("phone") << QStringLiteral("+44 *** *** 123") << QStringLiteral("+44 *** *** 123");
        // Not masked (a platform bug): masked here rather than shown.
        QTest::newRow("raw email") << QStringLiteral("john.smith@example.com") << QStringLiteral("j***@example.com");
        QTest::newRow("raw slack") << QStringLiteral("#ops-alerts-prod") << QStringLiteral("#ops-***");
        QTest::newRow("raw phone") << QStringLiteral("+44 7700 900123") << QStringLiteral("+44 *** *** 123");
        QTest::newRow("raw other") << QStringLiteral("webhook-secret-name") << QStringLiteral("w***");
        QTest::newRow("control chars") << QStringLiteral("j***@ex\nample.com") << QStringLiteral("j***@ex ample.com");
        QTest::newRow("empty") << QString() << QString();
    }

    void recipientsAreNeverShownLessMasked()
    {
        QFETCH(QString, stored);
        QFETCH(QString, shown);
        QCOMPARE(AlertDeliveryText::recipient(stored), shown);
    }

    // ------------------------------------------------------------------ merge

    void rowSyncReachesTheNewListWithRowOperations()
    {
        QRandomGenerator rng(20260329);
        for (int round = 0; round < 400; ++round) {
            auto randomList = [&rng] {
                QList<Item> list;
                const int n = int(rng.bounded(12));
                for (int i = 0; i < n; ++i)
                    list.append({qint64(rng.bounded(6)), qint64(rng.bounded(10)), int(rng.bounded(3))});
                return rowsync::ordered(list, itemAbove, itemSame);
            };
            QList<Item> current = randomList();
            const QList<Item> next = rng.bounded(4) == 0 ? current : randomList();
            const QList<Item> before = current;
            auto in = [](const QList<Item> &list, const Item &item) {
                return std::any_of(list.begin(), list.end(), [&](const Item &x) { return itemSame(x, item); });
            };
            int operations = 0;
            rowsync::apply(
                current, next, itemAbove, itemSame,
                [&](qsizetype row, const QList<Item> &items) {
                    QVERIFY(row >= 0 && row <= current.size() && !items.isEmpty());
                    for (qsizetype k = 0; k < items.size(); ++k) {
                        QVERIFY2(!in(before, items.at(k)), "a row that stayed was inserted again");
                        current.insert(row + k, items.at(k));
                    }
                    ++operations;
                },
                [&](qsizetype first, qsizetype last) {
                    QVERIFY(first >= 0 && last >= first && last < current.size());
                    for (qsizetype k = first; k <= last; ++k)
                        QVERIFY2(!in(next, current.at(k)), "a row that stayed was removed");
                    current.remove(first, last - first + 1);
                    ++operations;
                },
                [&](qsizetype row, const Item &item) {
                    QVERIFY(itemSame(current.at(row), item));
                    QVERIFY(!(current.at(row) == item));
                    current[row] = item;
                    ++operations;
                });
            QCOMPARE(current, next);
            if (before == next)
                QCOMPARE(operations, 0);
        }
    }

    // ------------------------------------------------------------------ events model

    void eventsModelMergesAndKeepsSelection()
    {
        AlertEventsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto event = [](qint64 id, int minute, const char *status) {
            AlertEvent e;
            e.id = id;
            e.rule = QStringLiteral("Rule %1").arg(id);
            e.severity = QStringLiteral("warning");
            e.message = QStringLiteral("line one\nline two");
            e.status = QString::fromLatin1(status);
            e.firedAt = QDateTime(QDate(2026, 3, 29), QTime(8, minute), QTimeZone::utc());
            return e;
        };
        // Given in any order: shown newest fired first.
        model.setEvents({event(1, 1, "open"), event(3, 3, "open"), event(2, 2, "open")});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.eventAt(0)->id, qint64(3));
        QCOMPARE(model.eventAt(2)->id, qint64(1));
        QCOMPARE(model.index(0, AlertEventsModel::Message).data().toString(), QStringLiteral("line one line two"));
        QCOMPARE(model.index(0, AlertEventsModel::Message).data(Qt::ToolTipRole).toString(), QStringLiteral("line one\nline two"));
        QCOMPARE(model.index(0, AlertEventsModel::Severity).data().toString(), QStringLiteral("Warning"));
        QCOMPARE(model.index(0, AlertEventsModel::FiredAt).data().toString(), timetext::local(event(3, 3, "open").firedAt));
        QCOMPARE(model.index(0, 0).data(AlertEventsModel::EventIdRole).toLongLong(), qint64(3));

        const QPersistentModelIndex two(model.index(1, 0));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // A newer event arrives, #1 goes, #2 changes: #2's row moves but stays the same row.
        AlertEvent acked = event(2, 2, "acknowledged");
        acked.acknowledgedBy = QStringLiteral("operator");
        model.setEvents({event(4, 4, "open"), event(3, 3, "open"), acked});
        QCOMPARE(reset.size(), 0);
        QVERIFY(two.isValid());
        QCOMPARE(two.row(), 2);
        QCOMPARE(two.data(AlertEventsModel::EventIdRole).toLongLong(), qint64(2));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(2, AlertEventsModel::Status).data().toString(), QStringLiteral("Acknowledged"));
        QVERIFY(model.index(2, AlertEventsModel::Acknowledged).data().toString().contains(QLatin1String("operator")));
        QCOMPARE(model.eventById(1), nullptr);
        QCOMPARE(model.eventById(4)->rule, QStringLiteral("Rule 4"));

        model.setEvents({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!two.isValid());
    }

    // ------------------------------------------------------------------ delivery models (PostgreSQL)

    void poisonQueueReadsKeysetPagesOffTheGuiThread()
    {
        auto s = service();
        PoisonQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setService(s.get());
        QVERIFY(!model.isLoading());
        model.refresh();
        QVERIFY(model.isLoading());
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.errorText(), QString());
        QCOMPARE(model.rowCount(), DeliveryTableModel::PageSize);
        QCOMPARE(model.total(), qint64(450));
        QVERIFY(model.canFetchMore({}));

        // The view asks for more as it scrolls.
        QVERIFY(readAll(model));
        QCOMPARE(model.rowCount(), 450);
        QVERIFY(!model.hasMore());
        const QList<qint64> expected = ids(QStringLiteral(
            "SELECT id FROM alert_deliveries WHERE status = 'poison' ORDER BY poison_at DESC, id DESC"));
        QCOMPARE(modelIds(model), expected);

        const AlertDelivery *top = model.deliveryAt(0);
        QVERIFY(top);
        QCOMPARE(top->poisonAt.time().msec(), 123);
        QCOMPARE(top->orderUs % 1000000, qint64(123456)); // microseconds kept for the cursor
        QCOMPARE(model.index(0, PoisonQueueModel::Attempts).data().toString(), QStringLiteral("3/3"));
        QCOMPARE(model.index(0, PoisonQueueModel::PoisonedAt).data().toString(), timetext::local(top->poisonAt));
        QCOMPARE(model.index(0, PoisonQueueModel::Channel).data().toString(), AlertDeliveryText::channelTitle(top->channel));
        QVERIFY(model.index(0, PoisonQueueModel::Recipient).data().toString().contains(QLatin1Char('*')));
        const QString error = model.index(0, PoisonQueueModel::Error).data().toString();
        QVERIFY2(error.startsWith(QLatin1String("SMTP 550 mailbox unavailable retry later #")), qPrintable(error));
        QVERIFY(model.index(0, PoisonQueueModel::Error).data(Qt::ToolTipRole).toString().contains(QLatin1Char('\n')));
        QCOMPARE(model.headerData(PoisonQueueModel::PoisonedAt, Qt::Horizontal).toString(), QStringLiteral("Poisoned at"));

        // Every query ran on the reader's thread, never here.
        {
            QMutexLocker lock(&m_threadsMutex);
            QVERIFY(!m_queryThreads.isEmpty());
            QVERIFY(!m_queryThreads.contains(QThread::currentThread()));
        }

        // Two rows leave the queue, one arrives: a refresh merges, the selection's row survives.
        const qint64 keep = expected.at(5);
        const QPersistentModelIndex kept(model.index(5, 0));
        QVERIFY(exec(QStringLiteral("UPDATE alert_deliveries SET status = 'pending', attempts = 0, poison_at = NULL "
                                    "WHERE id IN (?, ?)"),
                     {expected.at(0), expected.at(1)}));
        QVERIFY(exec(QStringLiteral("INSERT INTO alert_deliveries (alert_id, channel, recipient, status, attempts, poison_at, "
                                    "error_message) VALUES ('9999', 'slack', '#ops-***', 'poison', 3, "
                                    "TIMESTAMPTZ '2026-03-05 00:00:00+00', 'channel_not_found')")));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.refresh();
        QVERIFY(waitLoaded(model));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.total(), qint64(449));
        QCOMPARE(model.rowCount(), 449);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data(DeliveryTableModel::DeliveryIdRole).toLongLong(), keep);
        QCOMPARE(model.deliveryAt(0)->errorMessage, QStringLiteral("channel_not_found"));
        QCOMPARE(modelIds(model), ids(QStringLiteral("SELECT id FROM alert_deliveries WHERE status = 'poison' "
                                                     "ORDER BY poison_at DESC, id DESC")));
    }

    void readerPagesNeitherSkipNorRepeat()
    {
        // Small pages straight from the service: 450 poisoned rows on 45 times, ten per time.
        auto s = service();
        QList<qint64> seen;
        AlertDeliveryQuery query;
        query.kind = AlertDeliveryQuery::Kind::Poison;
        query.limit = 7;
        for (int guard = 0; guard < 200; ++guard) {
            std::optional<AlertDeliveryPage> page;
            QString failure;
            QMetaObject::Connection ok = connect(s.get(), &AlertService::pageReady, this,
                                                 [&](quint64, const AlertDeliveryPage &p) { page = p; });
            QMetaObject::Connection bad = connect(s.get(), &AlertService::failed, this,
                                                  [&](quint64, const AuditError &e) { failure = e.message; });
            s->fetch(query);
            QVERIFY(QTest::qWaitFor([&] { return page.has_value() || !failure.isEmpty(); }, 10000));
            disconnect(ok);
            disconnect(bad);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            QVERIFY(page->rows.size() <= 7);
            for (const AlertDelivery &d : std::as_const(page->rows))
                seen << d.id;
            if (!page->hasMore)
                break;
            query.afterOrderUs = page->rows.constLast().orderUs;
            query.afterId = page->rows.constLast().id;
        }
        QCOMPARE(seen, ids(QStringLiteral("SELECT id FROM alert_deliveries WHERE status = 'poison' "
                                          "ORDER BY poison_at DESC, id DESC")));
    }

    void historyFiltersWithBoundValues()
    {
        auto s = service();
        DeliveryHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setService(s.get());
        model.refresh();
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), DeliveryTableModel::PageSize);
        QCOMPARE(modelIds(model), ids(QStringLiteral("SELECT id FROM alert_deliveries ORDER BY created_at DESC, id DESC "
                                                     "LIMIT 200")));
        QCOMPARE(model.total(), qint64(-1)); // the history is not counted

        model.setFilter(QStringLiteral("sms"), QStringLiteral("failed"));
        QCOMPARE(model.rowCount(), 0); // the old rows go at once
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 60);
        for (const AlertDelivery &d : model.deliveries())
            QVERIFY(d.channel == QLatin1String("sms") && d.status == QLatin1String("failed"));
        QCOMPARE(model.index(0, DeliveryHistoryModel::Status).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.index(0, DeliveryHistoryModel::Error).data().toString(), QStringLiteral("carrier timeout"));

        // Delivered rows share created_at seconds: keyset pages neither skip nor repeat a row.
        model.setFilter({}, QStringLiteral("delivered"));
        QVERIFY(waitLoaded(model));
        QVERIFY(readAll(model));
        QCOMPARE(modelIds(model), ids(QStringLiteral("SELECT id FROM alert_deliveries WHERE status = 'delivered' "
                                                     "ORDER BY created_at DESC, id DESC")));
        QCOMPARE(model.index(0, DeliveryHistoryModel::Finished).data().toString(),
                 timetext::local(model.deliveryAt(0)->deliveredAt));

        // Hostile text is a value, never SQL.
        model.setFilter(QStringLiteral("sms' OR '1'='1"), QStringLiteral("x'; DROP TABLE alert_deliveries; --"));
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.errorText(), QString());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(ids(QStringLiteral("SELECT count(*) FROM alert_deliveries")).value(0), qint64(831));
    }

    void withoutServiceNothingIsRead()
    {
        PoisonQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setService(nullptr);
        QVERIFY(model.errorText().startsWith(QLatin1String("The alerts database is not connected")));
        QSignalSpy loaded(&model, &DeliveryTableModel::loaded);
        model.refresh();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }

    void unreachableDatabaseIsReported()
    {
        PostgresEndpoint nowhere = m_endpoint;
        nowhere.port = 1; // nothing listens there
        AlertService s(nowhere, QString());
        PoisonQueueModel model;
        model.setService(&s);
        model.refresh();
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.error().kind, AuditError::Kind::ConnectFailed);
        QVERIFY2(model.errorText().startsWith(QLatin1String("Could not connect to the alerts database")),
                 qPrintable(model.errorText()));
        QVERIFY(!model.hasLoaded());
    }
};

QTEST_GUILESS_MAIN(TestAlertModels)
#include "tst_alertmodels.moc"
