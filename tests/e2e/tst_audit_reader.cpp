// The console's audit-log reading side against a real PostgreSQL: the sandbox (in-process, its
// migrations incl. 0006_audit_chain) owns the schema, chain trigger and roles; this test inserts rows
// as the superuser and reads them back as the read-only role ops_console_ro through AuditService,
// AuditLogModel and ChainVerifier: every filter incl. hostile text, keyset pages over 5,000 rows
// with many equal timestamps (forward and backward), the bounded model window under
// QAbstractItemModelTester, statement timeout, a terminated backend, a revoked privilege, the
// picker values, and chain verification that names an edited and a deleted row.
// The slots run in order and share state; the tampering ones come last.

#include "E2eFixture.h"
#include "audit/AuditFilter.h"
#include "audit/AuditLogModel.h"
#include "audit/AuditReader.h"
#include "audit/ChainVerifier.h"
#include "core/TimeText.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QTimer>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QMutex>
#include <QtCore/QSet>
#include <QtCore/QThread>
#include <QtCore/QTimeZone>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest>

#include <memory>
#include <optional>

using namespace ops;

namespace {

const QString kDb = QStringLiteral("ops_e2e_audit_reader");
const QString kSu = QStringLiteral("tst_audit_reader_su");
const QString kNasty = QStringLiteral("50%_off' \\ -- ;");
const QString kRole = QStringLiteral("ops_console_ro");

// The hand-made rows: one minute apart from kBase.
const QDateTime kBase(QDate(2025, 3, 1), QTime(0, 0), QTimeZone::utc());
// 5,000 bulk rows: 100 distinct timestamps (50 rows each, ids interleaved), with microseconds.
const QDateTime kBulkBase(QDate(2025, 4, 1), QTime(0, 0), QTimeZone::utc());
// 600 rows with distinct actions (the picker's cap).
const QDateTime kManyBase(QDate(2025, 5, 1), QTime(0, 0), QTimeZone::utc());

struct Row
{
    const char *tag;
    const char *user; // nullptr = NULL
    const char *action;
    const char *eventType;
    const char *resourceType;
    const char *resourceId;
    const char *outcome;
    QString reason; // null = NULL
    const char *details;
};

const QList<Row> &rows()
{
    static const QList<Row> r = {
        {"n01", "alice", "LOGIN", "auth", "session", "s1", "success", {}, R"({"method": "password"})"},
        {"n02", "alice", "BREAKER_TRIP", "action", "circuit_breaker", "global", "success", kNasty, R"({"note": "x"})"},
        {"n03", "bob", "BREAKER_RESET", "action", "circuit_breaker", "global", "denied",
         QStringLiteral("50 percent off, not a wildcard"), "{}"},
        {"n04", "bob", "CONFIG_UPDATE", "admin", "config", "position_limits", "success", QStringLiteral("raise limits"),
         R"({"before": {"max_open_orders": 10}, "after": {"max_open_orders": 20}})"},
        {"n05", "carol", "API_KEY_CREATE", "admin", "api_key", "7", "success", QStringLiteral("new key for reporting"),
         R"({"api_key": "tp_live_SECRETVALUE", "token": "tok-123", "nested": {"password": "hunter2"}, "name": "reporting"})"},
        {"n06", "carol", "LOGIN", "auth", "session", "s2", "failure", QStringLiteral("wrong Password"), R"({"attempt": 3})"},
        {"n07", "o'brien", "CONFIG_UPDATE", "admin", "config", "trading_hours", "success",
         QStringLiteral("path C:\\temp\\x and 100% sure"), R"({"path": "C:\\temp"})"},
        {"n08", "alice", "ALERT_ACK", "action", "alert", "a-1", "success", QStringLiteral("under_score reason"), "{}"},
        {"n09", nullptr, "LOGIN", "auth", "session", "s3", "success", {}, "{}"},
    };
    return r;
}

QVariant textOrNull(const char *s)
{
    return s ? QVariant(QString::fromUtf8(s)) : QVariant(QMetaType(QMetaType::QString));
}

// Collects every answer of a service by request id.
class Answers : public QObject
{
public:
    explicit Answers(AuditService *service)
    {
        connect(service, &AuditService::pageReady, this, [this](quint64 id, const AuditPage &p) { pages.insert(id, p); notify(); });
        connect(service, &AuditService::distinctValuesReady, this,
                [this](quint64 id, const AuditDistinctValues &v) { distinct.insert(id, v); notify(); });
        connect(service, &AuditService::verificationFinished, this,
                [this](quint64 id, const ChainVerifier::Result &r) { verdicts.insert(id, r); notify(); });
        connect(service, &AuditService::verificationProgress, this,
                [this](quint64 id, qint64 checked, qint64 total) { progress[id].append({checked, total}); });
        connect(service, &AuditService::pingReady, this, [this](quint64 id, int) { pings.insert(id); notify(); });
        connect(service, &AuditService::failed, this, [this](quint64 id, const AuditError &e) { errors.insert(id, e); notify(); });
    }
    void notify()
    {
        if (onAnswer)
            onAnswer();
    }
    std::function<void()> onAnswer;
    [[nodiscard]] bool answered(quint64 id) const
    {
        return pages.contains(id) || distinct.contains(id) || verdicts.contains(id) || pings.contains(id)
               || errors.contains(id);
    }
    QHash<quint64, AuditPage> pages;
    QHash<quint64, AuditDistinctValues> distinct;
    QHash<quint64, ChainVerifier::Result> verdicts;
    QHash<quint64, QList<std::pair<qint64, qint64>>> progress;
    QSet<quint64> pings;
    QHash<quint64, AuditError> errors;
};

// Where the queries ran (filled on the reader threads).
struct ThreadLog
{
    QMutex mutex;
    QList<QThread *> threads;
    QStringList sql;
};

} // namespace

class TstAuditReader : public QObject
{
    Q_OBJECT

    test::SandboxFixture m_fx;
    PostgresEndpoint m_ro;
    QHash<QString, qint64> m_ids; // tag -> id
    QList<qint64> m_bulkOrder;    // bulk ids, ("timestamp" DESC, id DESC)
    ThreadLog m_log;
    int m_servicesMade = 0;

    QSqlDatabase su() const { return QSqlDatabase::database(kSu, false); }

    bool sql(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(su());
        if (values.isEmpty()) { // DDL and LOCK cannot be PREPAREd
            if (!q.exec(statement)) {
                qWarning() << "exec:" << statement << q.lastError().text();
                return false;
            }
            return true;
        }
        if (!q.prepare(statement)) {
            qWarning() << "prepare:" << statement << q.lastError().text();
            return false;
        }
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec()) {
            qWarning() << "exec:" << statement << q.lastError().text();
            return false;
        }
        return true;
    }

    qint64 scalar(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(su());
        if (!q.prepare(statement)) {
            qWarning() << statement << q.lastError().text();
            return -1;
        }
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next()) {
            qWarning() << statement << q.lastError().text();
            return -1;
        }
        return q.value(0).toLongLong();
    }

    std::unique_ptr<AuditService> service(AuditService::Options options = {})
    {
        auto s = std::make_unique<AuditService>(m_ro, QString(), options);
        s->setQueryObserver([log = &m_log](const QString &statement) {
            QMutexLocker lock(&log->mutex);
            log->threads.append(QThread::currentThread());
            log->sql.append(statement);
        });
        ++m_servicesMade;
        return s;
    }

    static bool wait(Answers &answers, quint64 id, int ms = 10000)
    {
        if (answers.answered(id))
            return true;
        QEventLoop loop;
        answers.onAnswer = [&] {
            if (answers.answered(id))
                loop.quit();
        };
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
        answers.onAnswer = nullptr;
        return answers.answered(id);
    }

    // One page; fails the test (returns nullopt) on an error.
    std::optional<AuditPage> page(AuditService &s, Answers &a, const AuditPageRequest &request)
    {
        const quint64 id = s.fetchPage(request);
        if (!wait(a, id)) {
            qWarning("no answer for page request %llu", id);
            return std::nullopt;
        }
        if (a.errors.contains(id)) {
            qWarning() << "page failed:" << a.errors.value(id).message << a.errors.value(id).sqlState
                       << a.errors.value(id).serverMessage;
            return std::nullopt;
        }
        return a.pages.take(id);
    }

    QList<qint64> idsOf(const QList<AuditRecord> &records) const
    {
        QList<qint64> out;
        for (const AuditRecord &r : records)
            out.append(r.id);
        return out;
    }

    QList<qint64> tagged(const QStringList &tags) const
    {
        // Hand-made rows are inserted in tag order and the page is newest first.
        QList<qint64> out;
        for (const QString &t : tags)
            out.prepend(m_ids.value(t));
        return out;
    }

    AuditFilter handMade() const
    {
        AuditFilter f;
        f.fromUtc = kBase;
        f.toUtc = kBase.addSecs(3600);
        return f;
    }

    AuditFilter bulk() const
    {
        AuditFilter f;
        f.resourceType = QStringLiteral("bulk");
        return f;
    }

    // As the superuser, behind the application's back (docs/audit-log.md).
    bool tamper(const QString &statement, const QVariantList &values)
    {
        const bool off = sql(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER"));
        const bool ok = off && sql(statement, values);
        const bool on = sql(QStringLiteral("ALTER TABLE audit_log ENABLE TRIGGER USER"));
        return ok && on;
    }

    std::optional<ChainVerifier::Result> verify(AuditService &s, Answers &a, const AuditFilter &f)
    {
        const quint64 id = s.verifyChain(f);
        if (!wait(a, id, 15000))
            return std::nullopt;
        if (a.errors.contains(id)) {
            qWarning() << "verification failed:" << a.errors.value(id).message;
            return std::nullopt;
        }
        return a.verdicts.value(id);
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start(kDb, true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSqlDatabase db = m_fx.database(kSu, kDb);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        const QString hasChain = QStringLiteral(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name = 'row_hash'");
        QVERIFY2(scalar(hasChain) == 1,
                 "the sandbox's migrations did not give audit_log its chain (0006_audit_chain)");
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ? AND rolcanlogin"), {kRole}), 1);

        // The hand-made rows, one statement each (the trigger assigns ids in this order).
        for (int i = 0; i < rows().size(); ++i) {
            const Row &r = rows().at(i);
            QSqlQuery q(su());
            QVERIFY(q.prepare(QStringLiteral(
                "INSERT INTO audit_log (\"timestamp\", user_id, action, details, reason, ip_address, session_id, "
                "event_type, resource_type, resource_id, outcome, amr_method, request_id) VALUES "
                "(TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond', ?, ?, CAST(? AS jsonb), ?, "
                "'10.0.0.1', 'sess', ?, ?, ?, ?, 'pwd', ?) RETURNING id")));
            q.addBindValue(kBase.addSecs(60 * i).toMSecsSinceEpoch() * 1000);
            q.addBindValue(textOrNull(r.user));
            q.addBindValue(QString::fromUtf8(r.action));
            q.addBindValue(QString::fromUtf8(r.details));
            q.addBindValue(r.reason.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(r.reason));
            q.addBindValue(QString::fromUtf8(r.eventType));
            q.addBindValue(QString::fromUtf8(r.resourceType));
            q.addBindValue(QString::fromUtf8(r.resourceId));
            q.addBindValue(QString::fromUtf8(r.outcome));
            q.addBindValue(QString::fromUtf8(r.tag));
            QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
            m_ids.insert(QString::fromUtf8(r.tag), q.value(0).toLongLong());
        }
        // The bulk rows: 100 timestamps x 50 rows, ids interleaved across timestamps.
        QVERIFY(sql(QStringLiteral(
                        "INSERT INTO audit_log (\"timestamp\", user_id, action, details, event_type, resource_type, "
                        "resource_id, outcome, reason) "
                        "SELECT TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond' "
                        "       + ((i * 37) % 100) * INTERVAL '1 second', "
                        "       'bulk-user', 'BULK', jsonb_build_object('n', i), 'action', 'bulk', i::text, 'success', "
                        "       'bulk row ' || i FROM generate_series(1, 5000) AS i"),
                    {kBulkBase.toMSecsSinceEpoch() * 1000 + 123456}));
        QVERIFY(sql(QStringLiteral(
                        "INSERT INTO audit_log (\"timestamp\", user_id, action, event_type, resource_type, outcome) "
                        "SELECT TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond', "
                        "       'many', 'A' || lpad(i::text, 4, '0'), 'admin', 'many', 'success' "
                        "FROM generate_series(1, 600) AS i"),
                    {kManyBase.toMSecsSinceEpoch() * 1000}));
        QSqlQuery q(su());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT id FROM audit_log WHERE resource_type = 'bulk' ORDER BY \"timestamp\" DESC, id DESC")));
        while (q.next())
            m_bulkOrder.append(q.value(0).toLongLong());
        QCOMPARE(m_bulkOrder.size(), 5000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT \"timestamp\") FROM audit_log WHERE resource_type = 'bulk'")),
                 100);

        m_ro = m_fx.profile.postgres;
        m_ro.user = kRole;
    }

    void readsAsTheReadOnlyRole()
    {
        auto s = service();
        Answers a(s.get());
        const quint64 id = s->ping();
        QVERIFY(wait(a, id));
        QVERIFY2(a.pings.contains(id), qPrintable(a.errors.value(id).message));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND usename = ? "
                                       "AND application_name = 'ops-console'"),
                        {kDb, kRole}),
                 1);
        const std::optional<AuditPage> p = page(*s, a, {handMade(), {}, AuditPageDirection::Older, 50});
        QVERIFY(p);
        QCOMPARE(p->rows.size(), rows().size());
    }

    void rowsAreCompleteAndMasked()
    {
        auto s = service();
        Answers a(s.get());
        const std::optional<AuditPage> p = page(*s, a, {handMade(), {}, AuditPageDirection::Older, 50});
        QVERIFY(p);
        QCOMPARE(p->rows.size(), 9);
        QVERIFY(!p->hasMore);
        QCOMPARE(idsOf(p->rows), tagged({QStringLiteral("n01"), QStringLiteral("n02"), QStringLiteral("n03"),
                                         QStringLiteral("n04"), QStringLiteral("n05"), QStringLiteral("n06"),
                                         QStringLiteral("n07"), QStringLiteral("n08"), QStringLiteral("n09")}));
        // Newest first: n09 at kBase + 8 min, exact to the microsecond, in UTC.
        const AuditRecord &n09 = p->rows.at(0);
        QCOMPARE(n09.timestampUs, kBase.addSecs(8 * 60).toMSecsSinceEpoch() * 1000);
        QCOMPARE(n09.timestamp(), kBase.addSecs(8 * 60));
        QVERIFY(n09.userId.isEmpty());
        QCOMPARE(n09.requestId, QStringLiteral("n09"));

        const AuditRecord n05 = p->rows.at(4);
        QCOMPARE(n05.requestId, QStringLiteral("n05"));
        QCOMPARE(n05.userId, QStringLiteral("carol"));
        QCOMPARE(n05.action, QStringLiteral("API_KEY_CREATE"));
        QCOMPARE(n05.eventType, QStringLiteral("admin"));
        QCOMPARE(n05.resourceType, QStringLiteral("api_key"));
        QCOMPARE(n05.resourceId, QStringLiteral("7"));
        QCOMPARE(n05.outcome, QStringLiteral("success"));
        QCOMPARE(n05.reason, QStringLiteral("new key for reporting"));
        QCOMPARE(n05.ipAddress, QStringLiteral("10.0.0.1"));
        QCOMPARE(n05.sessionId, QStringLiteral("sess"));
        QCOMPARE(n05.amrMethod, QStringLiteral("pwd"));
        QCOMPARE(n05.prevHash.size(), 64);
        QCOMPARE(n05.rowHash.size(), 64);
        QCOMPARE(n05.prevHash, p->rows.at(5).rowHash); // n04's
        // Masked before leaving the reader; other values kept.
        QCOMPARE(n05.details().value(QStringLiteral("api_key")).toString(), QStringLiteral("***"));
        QCOMPARE(n05.details().value(QStringLiteral("token")).toString(), QStringLiteral("***"));
        QCOMPARE(n05.details().value(QStringLiteral("nested")).toObject().value(QStringLiteral("password")).toString(),
                 QStringLiteral("***"));
        QCOMPARE(n05.details().value(QStringLiteral("name")).toString(), QStringLiteral("reporting"));
        for (const AuditRecord &r : p->rows) {
            const QByteArray json = QJsonDocument(r.details()).toJson();
            QVERIFY(!json.contains("SECRETVALUE"));
            QVERIFY(!json.contains("tok-123"));
            QVERIFY(!json.contains("hunter2"));
        }
        QCOMPARE(p->rows.at(1).reason, QStringLiteral("under_score reason"));
        QCOMPARE(p->rows.at(7).reason, kNasty);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("expected");
        const auto t = [](std::initializer_list<const char *> tags) {
            QStringList out;
            for (const char *tag : tags)
                out << QString::fromLatin1(tag);
            return out;
        };
        QTest::newRow("none") << "" << "" << t({"n01", "n02", "n03", "n04", "n05", "n06", "n07", "n08", "n09"});
        QTest::newRow("user alice") << "user" << "alice" << t({"n01", "n02", "n08"});
        QTest::newRow("user quote") << "user" << "o'brien" << t({"n07"});
        QTest::newRow("user wildcard is literal") << "user" << "%" << t({});
        QTest::newRow("action") << "action" << "CONFIG_UPDATE" << t({"n04", "n07"});
        QTest::newRow("event auth") << "eventType" << "auth" << t({"n01", "n06", "n09"});
        QTest::newRow("event admin") << "eventType" << "admin" << t({"n04", "n05", "n07"});
        QTest::newRow("event unknown") << "eventType" << "ADMIN" << t({});
        QTest::newRow("event injection") << "eventType" << "auth' OR '1'='1" << t({});
        QTest::newRow("outcome") << "outcome" << "denied" << t({"n03"});
        QTest::newRow("resource type") << "resourceType" << "circuit_breaker" << t({"n02", "n03"});
        QTest::newRow("resource id") << "resourceId" << "global" << t({"n02", "n03"});
        QTest::newRow("text nasty exact") << "text" << kNasty << t({"n02"});
        QTest::newRow("text 50%_off") << "text" << "50%_off" << t({"n02"});
        QTest::newRow("text percent") << "text" << "%" << t({"n02", "n07"});
        QTest::newRow("text underscore") << "text" << "_" << t({"n02", "n04", "n05", "n08"});
        QTest::newRow("text backslash") << "text" << "\\" << t({"n02", "n07"});
        QTest::newRow("text quote") << "text" << "'" << t({"n02"});
        QTest::newRow("text comment") << "text" << "--" << t({"n02"});
        QTest::newRow("text semicolon") << "text" << ";" << t({"n02"});
        QTest::newRow("text with NUL") << "text" << QStringLiteral("50%") + QChar(0) + QStringLiteral("_off")
                                       << t({"n02"});
        QTest::newRow("text case-insensitive") << "text" << "PASSWORD" << t({"n01", "n05", "n06"});
        QTest::newRow("text in details") << "text" << "max_open" << t({"n04"});
        QTest::newRow("text injection") << "text" << "' OR '1'='1" << t({});
        QTest::newRow("date range") << "range" << "" << t({"n03", "n04", "n05"});
        QTest::newRow("combined") << "combined" << "" << t({"n04"});
    }

    void filters()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QStringList, expected);
        AuditFilter f = handMade();
        if (field == QLatin1String("user"))
            f.user = value;
        else if (field == QLatin1String("action"))
            f.action = value;
        else if (field == QLatin1String("eventType"))
            f.eventType = value;
        else if (field == QLatin1String("outcome"))
            f.outcome = value;
        else if (field == QLatin1String("resourceType"))
            f.resourceType = value;
        else if (field == QLatin1String("resourceId"))
            f.resourceId = value;
        else if (field == QLatin1String("text"))
            f.text = value;
        else if (field == QLatin1String("range")) {
            f.fromUtc = kBase.addSecs(2 * 60); // inclusive
            f.toUtc = kBase.addSecs(5 * 60);   // exclusive
        } else if (field == QLatin1String("combined")) {
            f.eventType = QStringLiteral("admin");
            f.user = QStringLiteral("bob");
        }
        auto s = service();
        Answers a(s.get());
        const std::optional<AuditPage> p = page(*s, a, {f, {}, AuditPageDirection::Older, 100});
        QVERIFY(p);
        QCOMPARE(idsOf(p->rows), tagged(expected));
        QVERIFY(!p->hasMore);
        const bool problematic = value.contains(QChar(0)) || (field == QLatin1String("eventType")
                                                              && !AuditFilter::eventTypes().contains(value));
        QCOMPARE(!p->filterProblem.isEmpty(), problematic);
    }

    void percentAloneDoesNotMatchEverything()
    {
        auto s = service();
        Answers a(s.get());
        AuditFilter f; // no date range: the whole table (5,600 rows and more)
        f.text = QStringLiteral("%");
        const std::optional<AuditPage> p = page(*s, a, {f, {}, AuditPageDirection::Older, 1000});
        QVERIFY(p);
        QCOMPARE(idsOf(p->rows), tagged({QStringLiteral("n02"), QStringLiteral("n07")}));
        QVERIFY(!p->hasMore);
        f.text = kNasty;
        const std::optional<AuditPage> exact = page(*s, a, {f, {}, AuditPageDirection::Older, 1000});
        QVERIFY(exact);
        QCOMPARE(idsOf(exact->rows), tagged({QStringLiteral("n02")}));
    }

    void keysetForwardAndBackward_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("200") << 200;   // borders between runs of equal timestamps (50 rows each)
        QTest::newRow("173") << 173; // borders fall inside runs of equal timestamps
        QTest::newRow("1000") << 1000; // the largest page the reader serves
    }

    void keysetForwardAndBackward()
    {
        QFETCH(int, limit);
        auto s = service();
        Answers a(s.get());
        QList<qint64> forward;
        AuditCursor cursor;
        int pages = 0;
        for (;;) {
            const std::optional<AuditPage> p = page(*s, a, {bulk(), cursor, AuditPageDirection::Older, limit});
            QVERIFY(p);
            ++pages;
            QVERIFY(p->rows.size() <= limit);
            forward += idsOf(p->rows);
            if (!p->hasMore)
                break;
            QCOMPARE(p->rows.size(), limit);
            cursor = {p->rows.constLast().timestampUs, p->rows.constLast().id};
            QVERIFY(pages < 200);
        }
        QCOMPARE(pages, (5000 + limit - 1) / limit);
        QCOMPARE(forward.size(), 5000);
        QCOMPARE(forward, m_bulkOrder); // every id exactly once, in order
        QCOMPARE(QSet<qint64>(forward.begin(), forward.end()).size(), 5000);

        // Backwards from the oldest row: pages just newer than the cursor, each newest first.
        QList<qint64> backward;
        const qint64 oldest = m_bulkOrder.constLast();
        // The oldest row's timestamp: kBulkBase + 0 s (i*37 % 100 == 0 for i = 100, 200, ...) + 123456 us.
        cursor = {kBulkBase.toMSecsSinceEpoch() * 1000 + 123456, oldest};
        pages = 0;
        for (;;) {
            const std::optional<AuditPage> p = page(*s, a, {bulk(), cursor, AuditPageDirection::Newer, limit});
            QVERIFY(p);
            ++pages;
            QCOMPARE(p->direction, AuditPageDirection::Newer);
            backward = idsOf(p->rows) + backward;
            if (!p->hasMore)
                break;
            QCOMPARE(p->rows.size(), limit);
            cursor = {p->rows.constFirst().timestampUs, p->rows.constFirst().id};
            QVERIFY(pages < 200);
        }
        QCOMPARE(backward.size(), 4999);
        QCOMPARE(backward, m_bulkOrder.mid(0, 4999));
    }

    void modelWindowUnderTester()
    {
        auto s = service();
        AuditLogModel model(s.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &AuditLogModel::pageLoaded);
        QSignalSpy loading(&model, &AuditLogModel::loadingChanged);
        QCOMPARE(model.columnCount(), 7);
        QCOMPARE(model.headerData(AuditLogModel::TimeColumn, Qt::Horizontal).toString(), QStringLiteral("Time"));
        QCOMPARE(model.headerData(AuditLogModel::ReasonColumn, Qt::Horizontal).toString(), QStringLiteral("Reason"));
        QVERIFY(!model.canFetchMore({}));

        model.setFilter(bulk());
        QVERIFY(model.isLoading());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(loading.size(), 2);
        QCOMPARE(model.record(0).id, m_bulkOrder.at(0));
        QCOMPARE(model.data(model.index(0, 0), AuditLogModel::IdRole).toLongLong(),
                 m_bulkOrder.at(0));
        QCOMPARE(model.data(model.index(0, AuditLogModel::TimeColumn)).toString(),
                 timetext::local(model.record(0).timestamp()));
        QCOMPARE(model.data(model.index(0, AuditLogModel::UserColumn)).toString(), QStringLiteral("bulk-user"));
        QCOMPARE(model.data(model.index(0, AuditLogModel::ActionColumn)).toString(), QStringLiteral("BULK"));
        QCOMPARE(model.data(model.index(0, AuditLogModel::EventTypeColumn)).toString(), QStringLiteral("action"));
        QCOMPARE(model.data(model.index(0, AuditLogModel::OutcomeColumn)).toString(), QStringLiteral("success"));
        QCOMPARE(model.data(model.index(0, AuditLogModel::ResourceColumn)).toString(),
                 QStringLiteral("bulk ") + model.record(0).resourceId);
        QCOMPARE(model.data(model.index(0, AuditLogModel::ReasonColumn)).toString(),
                 QStringLiteral("bulk row ") + model.record(0).resourceId);
        QCOMPARE(model.record(-1).id, 0);
        QCOMPARE(model.record(200).id, 0);
        QVERIFY(!model.canFetchPrevious());

        const auto windowIsSlice = [&]() -> int {
            const int first = int(m_bulkOrder.indexOf(model.record(0).id));
            if (first < 0)
                return -1;
            for (int r = 0; r < model.rowCount(); ++r) {
                if (model.record(r).id != m_bulkOrder.value(first + r))
                    return -1;
            }
            return first;
        };

        // Down to the end: at most 2,000 rows, evicted from the top.
        int evictedTotal = 0;
        while (model.canFetchMore({})) {
            const qsizetype before = loaded.size();
            model.fetchMore({});
            model.fetchMore({}); // ignored while loading: one request at a time
            QVERIFY(loaded.wait(10000));
            QCOMPARE(loaded.size(), before + 1);
            evictedTotal += loaded.constLast().at(2).toInt();
            QVERIFY(model.rowCount() <= AuditLogModel::DefaultMaxRows);
            QVERIFY(windowIsSlice() >= 0);
            QVERIFY(loaded.size() < 100);
        }
        QVERIFY(model.atEnd());
        QCOMPARE(model.rowCount(), 2000);
        QCOMPARE(evictedTotal, 3000);
        QCOMPARE(windowIsSlice(), 3000);
        QCOMPARE(model.record(1999).id, m_bulkOrder.constLast());
        QVERIFY(model.canFetchPrevious());
        QVERIFY(model.errorText().isEmpty());

        // Back up to the top: pages prepended, rows evicted from the bottom.
        while (model.canFetchPrevious()) {
            const qsizetype before = loaded.size();
            model.fetchPrevious();
            QVERIFY(loaded.wait(10000));
            QCOMPARE(loaded.size(), before + 1);
            QCOMPARE(loaded.constLast().at(0).value<AuditPageDirection>(), AuditPageDirection::Newer);
            QVERIFY(model.rowCount() <= AuditLogModel::DefaultMaxRows);
            QVERIFY(windowIsSlice() >= 0);
            QVERIFY(loaded.size() < 100);
        }
        QCOMPARE(windowIsSlice(), 0);
        QCOMPARE(model.rowCount(), 2000);
        QCOMPARE(model.rowOfId(m_bulkOrder.at(0)), 0);
        QCOMPARE(model.rowOfId(m_bulkOrder.constLast()), -1);
        QVERIFY(!model.atEnd());
        QVERIFY(model.canFetchMore({}));

        // And down again (the border rows neither duplicated nor skipped).
        const qsizetype before = loaded.size();
        model.fetchMore({});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.size(), before + 1);
        QCOMPARE(windowIsSlice(), 200);

        // A new filter resets.
        AuditFilter nothing = bulk();
        nothing.eventType = QStringLiteral("no-such-type");
        model.setFilter(nothing);
        QCOMPARE(model.rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.atEnd());
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.filterProblem().isEmpty());
    }

    void pickerValues()
    {
        auto s = service();
        Answers a(s.get());
        quint64 id = s->fetchDistinctValues(handMade());
        QVERIFY(wait(a, id));
        QVERIFY2(a.distinct.contains(id), qPrintable(a.errors.value(id).message));
        AuditDistinctValues v = a.distinct.value(id);
        QCOMPARE(v.actions, (QStringList{QStringLiteral("ALERT_ACK"), QStringLiteral("API_KEY_CREATE"),
                                         QStringLiteral("BREAKER_RESET"), QStringLiteral("BREAKER_TRIP"),
                                         QStringLiteral("CONFIG_UPDATE"), QStringLiteral("LOGIN")}));
        QCOMPARE(v.users, (QStringList{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
                                       QStringLiteral("o'brien")}));
        QCOMPARE(v.outcomes, (QStringList{QStringLiteral("denied"), QStringLiteral("failure"), QStringLiteral("success")}));
        QCOMPARE(v.resourceTypes, (QStringList{QStringLiteral("alert"), QStringLiteral("api_key"),
                                               QStringLiteral("circuit_breaker"), QStringLiteral("config"),
                                               QStringLiteral("session")}));
        QVERIFY(!v.truncated);

        // 600 distinct actions on one day: capped at 500.
        AuditFilter many;
        many.fromUtc = kManyBase;
        many.toUtc = kManyBase.addDays(1);
        id = s->fetchDistinctValues(many);
        QVERIFY(wait(a, id));
        QVERIFY2(a.distinct.contains(id), qPrintable(a.errors.value(id).message));
        v = a.distinct.value(id);
        QCOMPARE(v.actions.size(), 500);
        QCOMPARE(v.actions.constFirst(), QStringLiteral("A0001"));
        QCOMPARE(v.actions.constLast(), QStringLiteral("A0500"));
        QVERIFY(v.truncated);
        QCOMPARE(v.users, QStringList{QStringLiteral("many")});
    }

    void statementTimeoutIsAnErrorNotAHang()
    {
        AuditService::Options options;
        options.statementTimeoutMs = 300;
        auto s = service(options);
        Answers a(s.get());
        QVERIFY(page(*s, a, {handMade(), {}, AuditPageDirection::Older, 10})); // connected, quick
        // Hold a lock that blocks every reader until the statement timeout stops it.
        QSqlDatabase db = su();
        QVERIFY(db.transaction());
        if (!sql(QStringLiteral("LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE"))) {
            db.rollback();
            QFAIL("could not lock audit_log");
        }
        QElapsedTimer timer;
        timer.start();
        const quint64 id = s->fetchPage({handMade(), {}, AuditPageDirection::Older, 10});
        const bool answered = wait(a, id, 8000);
        const qint64 elapsed = timer.elapsed();
        db.rollback();
        QVERIFY(answered);
        QVERIFY2(a.errors.contains(id), "the query should have been stopped");
        const AuditError e = a.errors.value(id);
        QCOMPARE(e.kind, AuditError::Kind::Timeout);
        QCOMPARE(e.sqlState, QStringLiteral("57014"));
        QVERIFY2(e.message.contains(QLatin1String("took longer than 0.3 s")), qPrintable(e.message));
        QVERIFY2(elapsed >= 250 && elapsed < 4000, qPrintable(QString::number(elapsed)));
        // The connection is still good.
        const std::optional<AuditPage> p = page(*s, a, {handMade(), {}, AuditPageDirection::Older, 10});
        QVERIFY(p);
        QCOMPARE(p->rows.size(), 9);
    }

    void terminatedBackendIsReportedThenReconnected()
    {
        auto s = service();
        Answers a(s.get());
        QVERIFY(page(*s, a, {handMade(), {}, AuditPageDirection::Older, 10}));
        const QString activity = QStringLiteral("FROM pg_stat_activity WHERE datname = ? AND usename = ? "
                                                "AND application_name = 'ops-console'");
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) ") + activity, {kDb, kRole}), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) ") + activity,
                        {kDb, kRole}),
                 1);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT count(*) ") + activity, {kDb, kRole}), 0, 5000);

        quint64 id = s->fetchPage({handMade(), {}, AuditPageDirection::Older, 10});
        QVERIFY(wait(a, id));
        QVERIFY2(a.errors.contains(id), "a dead connection must not look like an empty result");
        QCOMPARE(a.errors.value(id).kind, AuditError::Kind::ConnectionLost);
        QVERIFY2(a.errors.value(id).message.startsWith(QLatin1String("The database connection was lost")),
                 qPrintable(a.errors.value(id).message));

        // The next request connects again, explicitly.
        const std::optional<AuditPage> p = page(*s, a, {handMade(), {}, AuditPageDirection::Older, 10});
        QVERIFY(p);
        QCOMPARE(p->rows.size(), 9);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) ") + activity, {kDb, kRole}), 1);

        // The model shows the loss and recovers with retry().
        AuditLogModel model(s.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy errors(&model, &AuditLogModel::errorChanged);
        model.setFilter(handMade());
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
        QCOMPARE(model.rowCount(), 9);
        scalar(QStringLiteral("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) ") + activity, {kDb, kRole});
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT count(*) ") + activity, {kDb, kRole}), 0, 5000);
        model.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
        QCOMPARE(model.error().kind, AuditError::Kind::ConnectionLost);
        QCOMPARE(errors.size(), 1);
        QVERIFY(!model.canFetchMore({}));
        model.retry();
        QVERIFY(model.errorText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
        QCOMPARE(model.rowCount(), 9);
        QVERIFY(model.errorText().isEmpty());
        QCOMPARE(errors.size(), 2);
    }

    void permissionDeniedIsClear()
    {
        auto s = service();
        Answers a(s.get());
        QVERIFY(sql(QStringLiteral("REVOKE SELECT ON audit_log FROM ops_console_ro")));
        const quint64 id = s->fetchPage({handMade(), {}, AuditPageDirection::Older, 10});
        const bool answered = wait(a, id);
        QVERIFY(sql(QStringLiteral("GRANT SELECT ON audit_log TO ops_console_ro")));
        QVERIFY(answered);
        QVERIFY(a.errors.contains(id));
        const AuditError e = a.errors.value(id);
        QCOMPARE(e.kind, AuditError::Kind::PermissionDenied);
        QCOMPARE(e.sqlState, QStringLiteral("42501"));
        QVERIFY2(e.message.contains(kRole), qPrintable(e.message));
        QVERIFY2(e.message.contains(QLatin1String("permission denied")), qPrintable(e.message));
        QVERIFY(page(*s, a, {handMade(), {}, AuditPageDirection::Older, 10}));
    }

    void cancelAnswersOnce()
    {
        auto s = service();
        Answers a(s.get());
        const quint64 id = s->fetchPage({handMade(), {}, AuditPageDirection::Older, 10});
        QVERIFY(s->isPending(id));
        s->cancel(id);
        QVERIFY(!s->isPending(id));
        QVERIFY(wait(a, id));
        QTest::qWait(200); // a late result must not follow
        QCOMPARE(a.errors.value(id).kind, AuditError::Kind::Cancelled);
        QVERIFY(!a.pages.contains(id));
    }

    void chainIntact()
    {
        AuditService::Options options;
        options.verifyBatchSize = 1000;
        auto s = service(options);
        Answers a(s.get());
        const qint64 total = scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
        QVERIFY(total >= 5609);
        const quint64 id = s->verifyChain(AuditFilter{});
        QVERIFY(wait(a, id, 15000));
        QVERIFY2(a.verdicts.contains(id), qPrintable(a.errors.value(id).message));
        const ChainVerifier::Result r = a.verdicts.value(id);
        QVERIFY(r.isIntact());
        QCOMPARE(r.rowsChecked, total);
        QCOMPARE(r.brokenRowId, 0);
        QCOMPARE(r.message, QStringLiteral("The audit log is intact: %1 row(s) checked.").arg(total));
        const auto progress = a.progress.value(id);
        QVERIFY(progress.size() >= 6);
        QCOMPARE(progress.constLast().first, total);
        QCOMPARE(progress.constLast().second, total);

        // The hand-made range: its first link comes from the row before it (or the chain start).
        const std::optional<ChainVerifier::Result> range = verify(*s, a, handMade());
        QVERIFY(range);
        QVERIFY(range->isIntact());
        QCOMPARE(range->firstId, m_ids.value(QStringLiteral("n01")));
        QCOMPARE(range->lastId, m_ids.value(QStringLiteral("n09")));
        QCOMPARE(range->rowsChecked, 9);

        // An empty range is intact with nothing checked.
        AuditFilter empty;
        empty.fromUtc = QDateTime(QDate(2001, 1, 1), QTime(0, 0), QTimeZone::utc());
        empty.toUtc = empty.fromUtc.addDays(1);
        const std::optional<ChainVerifier::Result> none = verify(*s, a, empty);
        QVERIFY(none);
        QVERIFY(none->isIntact());
        QCOMPARE(none->rowsChecked, 0);

        // The hash is computed here (SHA-256 over UTF-8), not trusted from the database.
        QCOMPARE(ChainVerifier::rowHash(ChainVerifier::zeroHash(), QStringLiteral("[1, \"x\"]")),
                 QStringLiteral("42c8b50c94c12389c3f1151511fbe80b744f9f0bd2dcd1e172e23d50668f65a8"));
        QCOMPARE(ChainVerifier::rowHash(ChainVerifier::zeroHash(), QStringLiteral("[\"\u00fc\u20ac\"]")),
                 QStringLiteral("0ab4a3bc887abb08712ca6d48f76e8bca4b78e7dfb0e640e7a63761b4ab74cfe"));
        // And agrees with the database's own computation for a stored row.
        QSqlQuery q(su());
        QVERIFY(q.exec(QStringLiteral("SELECT prev_hash, audit_canonical(a), row_hash FROM audit_log a "
                                      "WHERE request_id = 'n05'")));
        QVERIFY(q.next());
        QCOMPARE(ChainVerifier::rowHash(q.value(0).toString(), q.value(1).toString()), q.value(2).toString());
    }

    void verificationCanBeCancelled()
    {
        AuditService::Options options;
        options.verifyBatchSize = 10; // hundreds of batches: still running when the first progress arrives
        auto s = service(options);
        Answers a(s.get());
        quint64 id = 0;
        int progressSeen = 0;
        connect(s.get(), &AuditService::verificationProgress, this, [&](quint64 request, qint64, qint64) {
            if (request == id && ++progressSeen == 1)
                s->cancel(id);
        });
        id = s->verifyChain(AuditFilter{});
        QVERIFY(wait(a, id));
        QCOMPARE(progressSeen, 1); // nothing forwarded after the cancel
        QTest::qWait(300);
        QCOMPARE(a.errors.value(id).kind, AuditError::Kind::Cancelled);
        QVERIFY(!a.verdicts.contains(id));
    }

    void chainFindsAnEditedRow()
    {
        auto s = service();
        Answers a(s.get());
        const qint64 victim = m_bulkOrder.at(2500);
        QSqlQuery q(su());
        QVERIFY(q.prepare(QStringLiteral("SELECT reason FROM audit_log WHERE id = ?")));
        q.addBindValue(victim);
        QVERIFY(q.exec() && q.next());
        const QString original = q.value(0).toString();
        q.finish();

        QVERIFY(tamper(QStringLiteral("UPDATE audit_log SET reason = 'nothing to see' WHERE id = ?"), {victim}));
        std::optional<ChainVerifier::Result> r = verify(*s, a, AuditFilter{});
        QVERIFY(r);
        QCOMPARE(r->status, ChainVerifier::Result::Status::RowChanged);
        QCOMPARE(r->brokenRowId, victim);
        QCOMPARE(r->message, QStringLiteral("Row %1 was changed after it was written.").arg(victim));
        QVERIFY(r->rowsChecked > 0 && r->rowsChecked < 5609);
        // A range that does not contain it is still intact.
        r = verify(*s, a, handMade());
        QVERIFY(r);
        QVERIFY(r->isIntact());

        // Put it back: intact again (it was that edit, nothing else).
        QVERIFY(tamper(QStringLiteral("UPDATE audit_log SET reason = ? WHERE id = ?"), {original, victim}));
        r = verify(*s, a, AuditFilter{});
        QVERIFY(r);
        QVERIFY2(r->isIntact(), qPrintable(r->message));

        // Even a timestamp moved by one microsecond is found.
        const qint64 other = m_ids.value(QStringLiteral("n04"));
        QVERIFY(tamper(QStringLiteral("UPDATE audit_log SET \"timestamp\" = \"timestamp\" + INTERVAL '1 microsecond' "
                                    "WHERE id = ?"),
               {other}));
        r = verify(*s, a, handMade());
        QVERIFY(r);
        QCOMPARE(r->status, ChainVerifier::Result::Status::RowChanged);
        QCOMPARE(r->brokenRowId, other);
        QCOMPARE(r->rowsChecked, 3); // n01..n03 were fine
        QVERIFY(tamper(QStringLiteral("UPDATE audit_log SET \"timestamp\" = \"timestamp\" - INTERVAL '1 microsecond' "
                                    "WHERE id = ?"),
               {other}));
        r = verify(*s, a, handMade());
        QVERIFY(r);
        QVERIFY2(r->isIntact(), qPrintable(r->message));
    }

    void chainFindsADeletedRow()
    {
        auto s = service();
        Answers a(s.get());
        // A row in the middle: the link into the next row is broken.
        const qint64 victim = m_ids.value(QStringLiteral("n05"));
        QVERIFY(tamper(QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {victim}));
        std::optional<ChainVerifier::Result> r = verify(*s, a, handMade());
        QVERIFY(r);
        QCOMPARE(r->status, ChainVerifier::Result::Status::RowsMissing);
        QCOMPARE(r->brokenRowId, m_ids.value(QStringLiteral("n06")));
        QCOMPARE(r->message,
                 QStringLiteral("Rows are missing before row %1 (link broken).").arg(m_ids.value(QStringLiteral("n06"))));
        QCOMPARE(r->rowsChecked, 4); // n01..n04

        // The last row of a range: found through the link out of it.
        const qint64 last = m_ids.value(QStringLiteral("n09"));
        QVERIFY(tamper(QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {last}));
        AuditFilter tail = handMade();
        tail.fromUtc = kBase.addSecs(6 * 60); // n07, n08 (n09 gone)
        r = verify(*s, a, tail);
        QVERIFY(r);
        QCOMPARE(r->status, ChainVerifier::Result::Status::RowsMissing);
        QCOMPARE(r->firstId, m_ids.value(QStringLiteral("n07")));
        QCOMPARE(r->lastId, m_ids.value(QStringLiteral("n08")));
        QCOMPARE(r->brokenRowId, last + 1); // the first bulk row, which chained onto n09
        QCOMPARE(r->rowsChecked, 2);

        // The first row of a range: found through the link into it.
        AuditFilter head = handMade();
        head.fromUtc = kBase.addSecs(5 * 60); // n06 onwards; n05 (before it) is gone
        r = verify(*s, a, head);
        QVERIFY(r);
        QCOMPARE(r->status, ChainVerifier::Result::Status::RowsMissing);
        QCOMPARE(r->brokenRowId, m_ids.value(QStringLiteral("n06")));
        QCOMPARE(r->rowsChecked, 0);
    }

    void guiThreadNeverQueries()
    {
        QMutexLocker lock(&m_log.mutex);
        QVERIFY(m_servicesMade >= 10);
        QVERIFY2(m_log.threads.size() > 100, qPrintable(QString::number(m_log.threads.size())));
        for (QThread *t : std::as_const(m_log.threads))
            QVERIFY(t != QCoreApplication::instance()->thread());
        // Every page query was the keyset form of the contract.
        int keyset = 0;
        for (const QString &statement : std::as_const(m_log.sql)) {
            QVERIFY2(!statement.contains(QLatin1String("OFFSET"), Qt::CaseInsensitive), qPrintable(statement));
            if (statement.contains(QLatin1String("(\"timestamp\", id) < (TIMESTAMPTZ 'epoch' + CAST(? AS bigint)")))
                ++keyset;
        }
        QVERIFY(keyset > 50);
    }

    void cleanupTestCase()
    {
        QSqlDatabase::removeDatabase(kSu);
    }
};

QTEST_MAIN(TstAuditReader)
#include "tst_audit_reader.moc"
