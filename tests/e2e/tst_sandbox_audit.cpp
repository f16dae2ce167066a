// The sandbox's tamper-evident audit log (issue 6, docs/audit-log.md) against a real PostgreSQL:
// rows written by the REST API are chained (prev_hash / row_hash recomputed here in C++ from
// audit_canonical's text), UPDATE and DELETE are refused even for the superuser until the user
// triggers are disabled, TRUNCATE is refused for the application role, which does not own the
// table, the console's read-only role reads audit_log and alert_deliveries and nothing else,
// concurrent writers never fork the chain, POST /api/v1/audit/exports (admin only, validated,
// audited) and the benchmark generator. No models/ classes: this checks the platform itself. The
// slots run in order and share state.

#include "Sandbox.h"
#include "SandboxHttp.h"
#include "TestPostgres.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QNetworkAccessManager>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

using ops::test::Answer;
using ops::test::apiHeaders;
using ops::test::body;
using ops::test::dropDatabase;
using ops::test::openDatabase;
using ops::test::sandboxConfig;
using ops::test::signInToken;
using ops::test::TestPostgres;

namespace {

const QString kDb = QStringLiteral("ops_e2e_sandbox_audit");
const QString kSqlConn = QStringLiteral("tst_sandbox_audit");
const QString kZeros = QString(64, QLatin1Char('0'));
const QString kRoPassword = QStringLiteral("ro-pw-tst_sandbox_audit");

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

struct ChainRow
{
    qint64 id = 0;
    QString prevHash;
    QString rowHash;
    QString canonical;
};

} // namespace

class TstSandboxAudit : public QObject
{
    Q_OBJECT

    TestPostgres m_pg;
    std::unique_ptr<opssandbox::Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    QByteArray m_viewer;
    QByteArray m_operator;
    QByteArray m_admin;

    Answer call(const QByteArray &verb, const QString &path, const QByteArray &token, const QByteArray &payload = {},
                const QByteArray &requestId = {})
    {
        return ops::test::send(m_nam, m_sandbox->apiBaseUrl().resolved(QUrl(path)), verb, payload,
                               apiHeaders(token, requestId));
    }

    QByteArray tokenFor(const QString &user, const QByteArray &requestId = {})
    {
        return signInToken(m_nam, m_sandbox->apiBaseUrl(), user, requestId);
    }

    Answer exportReport(const QByteArray &token, const QJsonObject &report, const QByteArray &requestId = {})
    {
        return call("POST", QStringLiteral("api/v1/audit/exports"), token, body(report), requestId);
    }

    static QSqlDatabase openConnection(const QString &name, const TestPostgres &pg, const QString &user = {})
    {
        return openDatabase(name, pg, kDb, user);
    }

    QSqlQuery sql(const QString &text, const QVariantList &values = {}) { return ops::test::sql(kSqlConn, text, values); }

    qint64 scalar(const QString &text, const QVariantList &values = {}) { return ops::test::scalar(kSqlConn, text, values); }

    QString text(const QString &query, const QVariantList &values = {})
    {
        QSqlQuery q = sql(query, values);
        return q.next() ? q.value(0).toString() : QStringLiteral("<no row>");
    }

    // The server's primary message for a statement that must fail, or "<succeeded>". QPSQL's
    // databaseText() is "ERROR:  <message>\n<HINT/CONTEXT lines>(<SQLSTATE>)".
    static QString failure(QSqlDatabase db, const QString &statement)
    {
        QSqlQuery q(db);
        if (q.exec(statement))
            return QStringLiteral("<succeeded>");
        static const QRegularExpression sqlState(QStringLiteral("\\([0-9A-Z]{5}\\)$"));
        QString message = q.lastError().databaseText().section(QLatin1Char('\n'), 0, 0).trimmed();
        if (message.startsWith(QLatin1String("ERROR:")))
            message = message.mid(6).trimmed();
        return message.remove(sqlState).trimmed();
    }

    QList<ChainRow> chainRows(qint64 fromId = 0)
    {
        QList<ChainRow> rows;
        QSqlQuery q = sql(QStringLiteral("SELECT id, prev_hash, row_hash, audit_canonical(a) FROM audit_log a "
                                         "WHERE id >= ? ORDER BY id"),
                          {fromId});
        while (q.next())
            rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
        return rows;
    }

    // Recomputes the whole chain in C++: empty when intact, else the first broken link.
    QString verifyChain()
    {
        const QList<ChainRow> rows = chainRows();
        if (rows.isEmpty())
            return QStringLiteral("no rows");
        QString previous = kZeros;
        for (const ChainRow &r : rows) {
            if (r.prevHash != previous)
                return QStringLiteral("row %1: prev_hash %2 is not the previous row_hash %3").arg(r.id).arg(r.prevHash, previous);
            const QString expected = sha256Hex(r.prevHash + QLatin1Char('|') + r.canonical);
            if (r.rowHash != expected)
                return QStringLiteral("row %1: row_hash %2, recomputed %3").arg(r.id).arg(r.rowHash, expected);
            previous = r.rowHash;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_pg = TestPostgres::fromEnvironment(&error);
        QVERIFY2(m_pg.isValid(), qPrintable(error));
        QVERIFY2(dropDatabase(m_pg, kDb, QStringLiteral("tst_sandbox_audit_admin"), &error), qPrintable(error));

        opssandbox::SandboxConfig config = sandboxConfig(m_pg, kDb);
        config.consoleReadOnlyPassword = kRoPassword;
        m_sandbox = std::make_unique<opssandbox::Sandbox>();
        QVERIFY2(m_sandbox->start(config, &error), qPrintable(error));

        QSqlDatabase db = openConnection(kSqlConn, m_pg);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")), 0);
    }

    void cleanupTestCase()
    {
        for (const QString &name : {kSqlConn, QStringLiteral("tst_sandbox_audit_ro"), QStringLiteral("tst_sandbox_audit_app")}) {
            if (QSqlDatabase::contains(name)) {
                QSqlDatabase::database(name, false).close();
                QSqlDatabase::removeDatabase(name);
            }
        }
        m_sandbox.reset();
    }

    void schemaRolesAndPrivileges()
    {
        QCOMPARE(text(QStringLiteral("SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_log'")),
                 QStringLiteral("ops_audit_owner"));
        QCOMPARE(text(QStringLiteral("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'audit_log_id_seq'::regclass")),
                 QStringLiteral("ops_audit_owner"));
        // Roles: the owner and the application role cannot log in; the console's read-only role can.
        QSqlQuery roles = sql(QStringLiteral("SELECT rolname, rolcanlogin, rolsuper, rolcreaterole, rolbypassrls, "
                                             "left(rolpassword, 14) FROM pg_authid "
                                             "WHERE rolname IN ('ops_audit_owner', 'ops_console_ro', 'ops_sandbox_app') ORDER BY rolname"));
        QStringList seen;
        while (roles.next()) {
            const QString name = roles.value(0).toString();
            seen << name;
            QCOMPARE(roles.value(1).toBool(), name == QLatin1String("ops_console_ro"));
            QCOMPARE(roles.value(2).toBool(), false);
            QCOMPARE(roles.value(3).toBool(), false);
            QCOMPARE(roles.value(4).toBool(), false);
            if (name == QLatin1String("ops_console_ro")) // set from SandboxConfig::consoleReadOnlyPassword
                QCOMPARE(roles.value(5).toString(), QStringLiteral("SCRAM-SHA-256$"));
        }
        QCOMPARE(seen, (QStringList{QStringLiteral("ops_audit_owner"), QStringLiteral("ops_console_ro"),
                                    QStringLiteral("ops_sandbox_app")}));
        // The application role is not the owner, nor a member of it, and may only INSERT and SELECT.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                                       "JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = 'ops_audit_owner' "
                                       "AND u.rolname = 'ops_sandbox_app'")),
                 0);
        QSqlQuery privileges = sql(QStringLiteral(
            "SELECT has_table_privilege('ops_sandbox_app', 'audit_log', 'SELECT'), "
            "has_table_privilege('ops_sandbox_app', 'audit_log', 'INSERT'), "
            "has_table_privilege('ops_sandbox_app', 'audit_log', 'UPDATE'), "
            "has_table_privilege('ops_sandbox_app', 'audit_log', 'DELETE'), "
            "has_table_privilege('ops_sandbox_app', 'audit_log', 'TRUNCATE'), "
            "has_table_privilege('ops_console_ro', 'audit_log', 'SELECT'), "
            "has_table_privilege('ops_console_ro', 'audit_log', 'INSERT'), "
            "has_table_privilege('ops_console_ro', 'alert_deliveries', 'SELECT'), "
            "has_table_privilege('ops_console_ro', 'users', 'SELECT'), "
            "has_table_privilege('ops_console_ro', 'api_keys', 'SELECT'), "
            "has_table_privilege('ops_sandbox_app', 'users', 'UPDATE'), "
            "has_table_privilege('ops_sandbox_app', 'schema_migrations', 'INSERT')"));
        QVERIFY(privileges.next());
        const QList<bool> expected{true, true, false, false, false, true, false, true, false, false, true, false};
        for (int i = 0; i < expected.size(); ++i)
            QVERIFY2(privileges.value(i).toBool() == expected.at(i), qPrintable(QStringLiteral("privilege column %1").arg(i)));

        // Indexes of the contract, the column default dropped (the trigger assigns ids).
        QSqlQuery indexes = sql(QStringLiteral("SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_log' ORDER BY indexname"));
        QStringList defs;
        while (indexes.next())
            defs << indexes.value(0).toString().section(QStringLiteral(" USING btree "), 1);
        QCOMPARE(defs, (QStringList{QStringLiteral("(action, \"timestamp\" DESC, id DESC)"), QStringLiteral("(id)"),
                                    QStringLiteral("(\"timestamp\" DESC, id DESC)"),
                                    QStringLiteral("(user_id, \"timestamp\" DESC, id DESC)")}));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_name = 'audit_log' "
                                       "AND column_name IN ('prev_hash', 'row_hash') AND is_nullable = 'NO' AND data_type = 'text'")),
                 2);
        QCOMPARE(text(QStringLiteral("SELECT coalesce(column_default, '<none>') FROM information_schema.columns "
                                     "WHERE table_name = 'audit_log' AND column_name = 'id'")),
                 QStringLiteral("<none>"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_name = 'alert_deliveries'")), 12);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM schema_migrations WHERE version = 6 AND name = 'audit_chain'")), 1);
    }

    void apiRowsAreChained()
    {
        m_admin = tokenFor(QStringLiteral("admin"), "login-admin-req");
        m_operator = tokenFor(QStringLiteral("operator"));
        m_viewer = tokenFor(QStringLiteral("viewer"));
        QVERIFY(!m_admin.isEmpty() && !m_operator.isEmpty() && !m_viewer.isEmpty());
        const Answer trip = call("POST", QStringLiteral("api/v1/circuit-breaker/trip"), m_operator,
                                 body(QJsonObject{{QStringLiteral("reason"), QStringLiteral("Chain test: drawdown limit breached")},
                                                  {QStringLiteral("acknowledged"), true}}),
                                 "trip-req");
        QVERIFY2(trip.status == 200, trip.body.constData());
        const qint64 tripId = trip.json.value(QStringLiteral("audit_id")).toInteger();
        QCOMPARE(tripId, 4); // LOGIN ×3, then the trip: ids from 1 without gaps

        const QList<ChainRow> rows = chainRows();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.first().prevHash, kZeros);
        static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
        for (int i = 0; i < rows.size(); ++i) {
            const ChainRow &r = rows.at(i);
            QCOMPARE(r.id, qint64(i + 1));
            QVERIFY(hex64.match(r.rowHash).hasMatch());
            if (i > 0)
                QCOMPARE(r.prevHash, rows.at(i - 1).rowHash);
            QCOMPARE(r.rowHash, sha256Hex(r.prevHash + QLatin1Char('|') + r.canonical));
        }
        QCOMPARE(verifyChain(), QString());

        // The canonical form of the admin's LOGIN row, field by field.
        const QJsonArray login = QJsonDocument::fromJson(rows.at(0).canonical.toUtf8()).array();
        QCOMPARE(login.size(), 14);
        QCOMPARE(login.at(0).toInteger(), 1);
        QCOMPARE(login.at(1).toString(),
                 text(QStringLiteral("SELECT to_char(\"timestamp\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
                                     "FROM audit_log WHERE id = 1")));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"))
                     .match(login.at(1).toString()).hasMatch(),
                 qPrintable(login.at(1).toString()));
        QCOMPARE(login.at(2).toString(), QStringLiteral("admin"));
        QCOMPARE(login.at(3).toString(), QStringLiteral("LOGIN"));
        QCOMPARE(login.at(4).toObject(), (QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}}));
        QVERIFY(login.at(5).isNull()); // reason
        QCOMPARE(login.at(6).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(!login.at(7).toString().isEmpty()); // session id
        QCOMPARE(login.at(8).toString(), QStringLiteral("auth"));
        QCOMPARE(login.at(9).toString(), QStringLiteral("user"));
        QCOMPARE(login.at(10).toString(), QStringLiteral("admin"));
        QCOMPARE(login.at(11).toString(), QStringLiteral("success"));
        QCOMPARE(login.at(12).toString(), QStringLiteral("pwd"));
        QCOMPARE(login.at(13).toString(), QStringLiteral("login-admin-req"));
        // ...and of the trip: action row with its reason and request id.
        const QJsonArray tripRow = QJsonDocument::fromJson(rows.at(3).canonical.toUtf8()).array();
        QCOMPARE(tripRow.at(2).toString(), QStringLiteral("operator"));
        QCOMPARE(tripRow.at(3).toString(), QStringLiteral("CIRCUIT_BREAKER_TRIP"));
        QCOMPARE(tripRow.at(5).toString(), QStringLiteral("Chain test: drawdown limit breached"));
        QCOMPARE(tripRow.at(8).toString(), QStringLiteral("action"));
        QCOMPARE(tripRow.at(13).toString(), QStringLiteral("trip-req"));
    }

    void updateAndDeleteAreRefused()
    {
        QSqlDatabase db = QSqlDatabase::database(kSqlConn);
        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
        const QString reason = text(QStringLiteral("SELECT reason FROM audit_log WHERE id = 4"));
        // The superuser too.
        QCOMPARE(failure(db, QStringLiteral("UPDATE audit_log SET reason = 'edited' WHERE id = 4")),
                 QStringLiteral("audit_log is append-only"));
        QCOMPARE(failure(db, QStringLiteral("DELETE FROM audit_log WHERE id = 2")), QStringLiteral("audit_log is append-only"));
        QCOMPARE(failure(db, QStringLiteral("UPDATE audit_log SET row_hash = prev_hash")), QStringLiteral("audit_log is append-only"));
        QCOMPARE(text(QStringLiteral("SELECT reason FROM audit_log WHERE id = 4")), reason);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")), before);

        // With the user triggers disabled the superuser can tamper, and the chain shows it: an edited
        // row no longer matches its hash, a deleted row leaves a link to a row that is not there.
        // All inside a transaction that is rolled back.
        QVERIFY(db.transaction());
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER")), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("SAVEPOINT untouched")));
        QVERIFY2(q.exec(QStringLiteral("UPDATE audit_log SET reason = 'edited behind the application''s back' WHERE id = 4")),
                 qPrintable(q.lastError().text()));
        QCOMPARE(q.numRowsAffected(), 1);
        const QString edited = verifyChain();
        QVERIFY2(edited.startsWith(QStringLiteral("row 4: row_hash ")), qPrintable(edited));
        QVERIFY(q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT untouched")));
        QCOMPARE(verifyChain(), QString()); // intact again
        QVERIFY2(q.exec(QStringLiteral("DELETE FROM audit_log WHERE id = 2")), qPrintable(q.lastError().text()));
        const QString deleted = verifyChain();
        QVERIFY2(deleted.startsWith(QStringLiteral("row 3: prev_hash ")), qPrintable(deleted));
        QVERIFY(db.rollback());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")), before);
        QCOMPARE(verifyChain(), QString());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass "
                                       "AND NOT tgisinternal AND tgenabled = 'O'")),
                 2);
    }

    void applicationRoleCannotTruncateOrChange()
    {
        QSqlDatabase app = openConnection(QStringLiteral("tst_sandbox_audit_app"), m_pg);
        QVERIFY2(app.isOpen(), qPrintable(app.lastError().text()));
        QSqlQuery q(app);
        QVERIFY(q.exec(QStringLiteral("SET ROLE ops_sandbox_app")));
        QCOMPARE(failure(app, QStringLiteral("TRUNCATE audit_log")), QStringLiteral("permission denied for table audit_log"));
        QCOMPARE(failure(app, QStringLiteral("UPDATE audit_log SET reason = 'x' WHERE id = 1")),
                 QStringLiteral("permission denied for table audit_log"));
        QCOMPARE(failure(app, QStringLiteral("DELETE FROM audit_log")), QStringLiteral("permission denied for table audit_log"));
        QCOMPARE(failure(app, QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER")),
                 QStringLiteral("must be owner of table audit_log"));
        QCOMPARE(failure(app, QStringLiteral("DROP TABLE audit_log")), QStringLiteral("must be owner of table audit_log"));
        // An id, prev_hash and row_hash offered by the writer are replaced by the trigger.
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO audit_log (id, action, event_type, outcome, prev_hash, row_hash) "
                                       "VALUES (999, 'FORGED', 'action', 'success', 'x', 'y') RETURNING id, prev_hash")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 5);
        QCOMPARE(q.value(1).toString(), text(QStringLiteral("SELECT row_hash FROM audit_log WHERE id = 4")));
        q.finish();
        // Only READ COMMITTED may write: a snapshot older than the chain lock could fork the chain.
        QVERIFY(app.transaction());
        QVERIFY(q.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")));
        QVERIFY(failure(app, QStringLiteral("INSERT INTO audit_log (action, event_type, outcome) VALUES ('X', 'action', 'success')"))
                    .startsWith(QStringLiteral("audit_log rows must be written at READ COMMITTED")));
        QVERIFY(app.rollback());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'X'")), 0);
        QCOMPARE(verifyChain(), QString());
    }

    void consoleReadOnlyRole()
    {
        // The throwaway cluster uses trust authentication, so no password is needed to log in here.
        QSqlDatabase ro = openConnection(QStringLiteral("tst_sandbox_audit_ro"), m_pg, QStringLiteral("ops_console_ro"));
        QVERIFY2(ro.isOpen(), qPrintable(ro.lastError().text()));
        QSqlQuery q(ro);
        QVERIFY2(q.exec(QStringLiteral("SELECT count(*), max(id) FROM audit_log")), qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), scalar(QStringLiteral("SELECT count(*) FROM audit_log")));
        QVERIFY2(q.exec(QStringLiteral("SELECT audit_canonical(a), row_hash FROM audit_log a WHERE id = 1")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(1).toString(), sha256Hex(kZeros + QLatin1Char('|') + q.value(0).toString()));
        QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM alert_deliveries")), qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 0);
        q.finish();

        QCOMPARE(failure(ro, QStringLiteral("INSERT INTO audit_log (action, event_type, outcome) VALUES ('RO', 'action', 'success')")),
                 QStringLiteral("permission denied for table audit_log"));
        QCOMPARE(failure(ro, QStringLiteral("INSERT INTO alert_deliveries (alert_id, channel, recipient) VALUES ('a', 'sms', 'x')")),
                 QStringLiteral("permission denied for table alert_deliveries"));
        QCOMPARE(failure(ro, QStringLiteral("UPDATE audit_log SET reason = NULL")), QStringLiteral("permission denied for table audit_log"));
        QCOMPARE(failure(ro, QStringLiteral("SELECT * FROM users")), QStringLiteral("permission denied for table users"));
        QCOMPARE(failure(ro, QStringLiteral("SELECT * FROM api_keys")), QStringLiteral("permission denied for table api_keys"));
        QCOMPARE(failure(ro, QStringLiteral("SELECT * FROM api_tokens")), QStringLiteral("permission denied for table api_tokens"));
        QCOMPARE(failure(ro, QStringLiteral("SET ROLE ops_sandbox_app")), QStringLiteral("permission denied to set role \"ops_sandbox_app\""));
        ro.close();
    }

    void concurrentWritersNeverFork()
    {
        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
        constexpr int kPerWriter = 150;
        std::atomic<int> failures{0};
        std::atomic<int> ready{0};
        QStringList errors;
        std::mutex errorsMutex;
        auto writer = [&](int n) {
            const QString name = QStringLiteral("tst_sandbox_audit_writer%1").arg(n);
            {
                QSqlDatabase db = openConnection(name, m_pg);
                {
                QSqlQuery q(db);
                const bool usable = db.isOpen() && q.exec(QStringLiteral("SET ROLE ops_sandbox_app"));
                ++ready; // start together, so the writers interleave
                while (ready < 2)
                    std::this_thread::yield();
                if (!usable) {
                    ++failures;
                } else {
                    for (int i = 0; i < kPerWriter; ++i) {
                        // Mostly single rows; every 10th statement writes 5 rows at once.
                        const bool multi = i % 10 == 0;
                        q.prepare(QStringLiteral("INSERT INTO audit_log (user_id, action, event_type, outcome, details) "
                                                 "SELECT :user, 'CONCURRENT', 'action', 'success', "
                                                 "jsonb_build_object('writer', CAST(:writer AS int), 'i', CAST(:i AS int), 'k', k) "
                                                 "FROM generate_series(1, CAST(:rows AS int)) AS k"));
                        q.bindValue(QStringLiteral(":user"), QStringLiteral("writer%1").arg(n));
                        q.bindValue(QStringLiteral(":writer"), n);
                        q.bindValue(QStringLiteral(":i"), i);
                        q.bindValue(QStringLiteral(":rows"), multi ? 5 : 1);
                        if (!q.exec()) {
                            ++failures;
                            const std::lock_guard lock(errorsMutex);
                            errors << q.lastError().text();
                        }
                    }
                }
                } // the query is gone before its connection closes
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        };
        std::thread a(writer, 1);
        std::thread b(writer, 2);
        a.join();
        b.join();
        QVERIFY2(failures == 0, qPrintable(errors.join(QStringLiteral("; "))));
        constexpr int kRowsPerWriter = kPerWriter - kPerWriter / 10 + (kPerWriter / 10) * 5;
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'CONCURRENT'")), 2 * kRowsPerWriter);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")), before + 2 * kRowsPerWriter);
        // The two writers interleaved, and still: one chain, every prev_hash exactly once.
        QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM (SELECT user_id <> lag(user_id) OVER (ORDER BY id) AS switched "
                                      "FROM audit_log WHERE action = 'CONCURRENT') s WHERE switched")) >= 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) - count(DISTINCT prev_hash) FROM audit_log")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log a WHERE a.id > (SELECT min(id) FROM audit_log) "
                                       "AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.row_hash = a.prev_hash)")),
                 0);
        QCOMPARE(verifyChain(), QString());

        // A transaction holding the chain lock makes the next writer wait, and that writer then
        // links to the row it waited for (its id was drawn after the lock, not before).
        QSqlDatabase db = QSqlDatabase::database(kSqlConn);
        QVERIFY(db.transaction());
        QSqlQuery first(db);
        QVERIFY2(first.exec(QStringLiteral("INSERT INTO audit_log (action, event_type, outcome) VALUES ('HOLDER', 'action', 'success') "
                                           "RETURNING id, row_hash")),
                 qPrintable(first.lastError().text()));
        QVERIFY(first.next());
        const qint64 holderId = first.value(0).toLongLong();
        const QString holderHash = first.value(1).toString();
        first.finish();
        std::atomic<bool> waiterDone{false};
        qint64 waiterId = 0;
        QString waiterPrev;
        std::thread waiter([&] {
            {
                QSqlDatabase w = openConnection(QStringLiteral("tst_sandbox_audit_waiter"), m_pg);
                QSqlQuery q(w);
                if (q.exec(QStringLiteral("INSERT INTO audit_log (action, event_type, outcome) VALUES ('WAITER', 'action', 'success') "
                                          "RETURNING id, prev_hash"))
                    && q.next()) {
                    waiterId = q.value(0).toLongLong();
                    waiterPrev = q.value(1).toString();
                }
                q.finish();
                w.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("tst_sandbox_audit_waiter"));
            waiterDone = true;
        });
        // The waiter blocks on the chain's advisory lock (seen in pg_locks) until the holder commits.
        bool waiting = false;
        for (int i = 0; i < 200 && !waiting && !waiterDone; ++i) {
            waiting = scalar(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                                            "AND CAST(classid AS bigint) = (8030044989095765108 >> 32) "
                                            "AND CAST(objid AS bigint) = (8030044989095765108 & 4294967295)")) == 1;
            if (!waiting)
                QTest::qWait(50);
        }
        const bool finishedEarly = waiterDone;
        QVERIFY(db.commit());
        waiter.join();
        QVERIFY(waiting);
        QVERIFY(!finishedEarly);
        QCOMPARE(waiterId, holderId + 1);
        QCOMPARE(waiterPrev, holderHash);
        QCOMPARE(verifyChain(), QString());
    }

    void exportsAreAudited()
    {
        const qint64 successBefore = scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'AUDIT_EXPORT'"));
        QCOMPARE(successBefore, 0);
        const QString sha = sha256Hex(QStringLiteral("the exported file"));
        const QJsonObject filters{{QStringLiteral("from"), QStringLiteral("2026-01-01T00:00:00Z")},
                                  {QStringLiteral("action"), QStringLiteral("LOGIN")},
                                  {QStringLiteral("text"), QStringLiteral("o'brien %_ -- ;")}};
        const Answer ok = exportReport(m_admin,
                                       QJsonObject{{QStringLiteral("filters"), filters},
                                                   {QStringLiteral("rows"), 10000},
                                                   {QStringLiteral("sha256"), sha},
                                                   {QStringLiteral("file_name"), QStringLiteral("audit-2026.csv")}},
                                       "export-req-1");
        QVERIFY2(ok.status == 201, ok.body.constData());
        QCOMPARE(ok.json.size(), 1);
        const qint64 auditId = ok.json.value(QStringLiteral("audit_id")).toInteger();
        QCOMPARE(auditId, scalar(QStringLiteral("SELECT max(id) FROM audit_log")));
        QSqlQuery row = sql(QStringLiteral("SELECT user_id, action, event_type, resource_type, resource_id, outcome, reason, "
                                           "request_id, CAST(details AS text), prev_hash = (SELECT row_hash FROM audit_log "
                                           "WHERE id = a.id - 1) FROM audit_log a WHERE id = ?"),
                            {auditId});
        QVERIFY(row.next());
        QCOMPARE(row.value(0).toString(), QStringLiteral("admin"));
        QCOMPARE(row.value(1).toString(), QStringLiteral("AUDIT_EXPORT"));
        QCOMPARE(row.value(2).toString(), QStringLiteral("admin"));
        QCOMPARE(row.value(3).toString(), QStringLiteral("audit_log"));
        QVERIFY(row.value(4).isNull());
        QCOMPARE(row.value(5).toString(), QStringLiteral("success"));
        QVERIFY(row.value(6).isNull());
        QCOMPARE(row.value(7).toString(), QStringLiteral("export-req-1"));
        QCOMPARE(QJsonDocument::fromJson(row.value(8).toString().toUtf8()).object(),
                 (QJsonObject{{QStringLiteral("filters"), filters},
                              {QStringLiteral("rows"), 10000},
                              {QStringLiteral("sha256"), sha},
                              {QStringLiteral("file_name"), QStringLiteral("audit-2026.csv")}}));
        QVERIFY(row.value(9).toBool());

        // Upper-case hex is accepted and stored in lower case; no file name and no filters: null, {}.
        const Answer upper = exportReport(m_admin, QJsonObject{{QStringLiteral("rows"), 0},
                                                               {QStringLiteral("sha256"), sha.toUpper()}});
        QVERIFY2(upper.status == 201, upper.body.constData());
        QCOMPARE(text(QStringLiteral("SELECT CAST(details AS text) FROM audit_log WHERE id = ?"),
                      {upper.json.value(QStringLiteral("audit_id")).toInteger()}),
                 QStringLiteral("{\"rows\": 0, \"sha256\": \"%1\", \"filters\": {}, \"file_name\": null}").arg(sha));

        // Viewers and operators are refused, and the refusal is audited as 'denied'.
        for (const QByteArray &token : {m_viewer, m_operator}) {
            const Answer denied = exportReport(token, QJsonObject{{QStringLiteral("rows"), 1}, {QStringLiteral("sha256"), sha}});
            QCOMPARE(denied.status, 403);
            QCOMPARE(denied.json.value(QStringLiteral("error")).toString(), QStringLiteral("permission_denied"));
            QCOMPARE(denied.json.value(QStringLiteral("permission")).toString(), QStringLiteral("audit:view"));
        }
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'AUDIT_EXPORT' AND outcome = 'denied' "
                                       "AND user_id IN ('viewer', 'operator') AND details->>'permission' = 'audit:view'")),
                 2);

        // Validation: 422 with the failing fields, nothing written.
        const qint64 rowsBefore = scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
        struct Bad
        {
            QJsonObject report;
            QStringList fields;
        };
        const QList<Bad> bad{
            {QJsonObject{{QStringLiteral("rows"), 5}, {QStringLiteral("sha256"), sha.left(63)}}, {QStringLiteral("sha256")}},
            {QJsonObject{{QStringLiteral("rows"), 5}, {QStringLiteral("sha256"), sha.left(63) + QLatin1Char('g')}}, {QStringLiteral("sha256")}},
            {QJsonObject{{QStringLiteral("rows"), 5}}, {QStringLiteral("sha256")}},
            {QJsonObject{{QStringLiteral("rows"), 5}, {QStringLiteral("sha256"), 12345}}, {QStringLiteral("sha256")}},
            {QJsonObject{{QStringLiteral("rows"), -1}, {QStringLiteral("sha256"), sha}}, {QStringLiteral("rows")}},
            {QJsonObject{{QStringLiteral("rows"), 1.5}, {QStringLiteral("sha256"), sha}}, {QStringLiteral("rows")}},
            {QJsonObject{{QStringLiteral("rows"), QStringLiteral("10")}, {QStringLiteral("sha256"), sha}}, {QStringLiteral("rows")}},
            {QJsonObject{{QStringLiteral("sha256"), sha}}, {QStringLiteral("rows")}},
            {QJsonObject{{QStringLiteral("rows"), 5}, {QStringLiteral("sha256"), sha}, {QStringLiteral("filters"), QStringLiteral("LOGIN")}},
             {QStringLiteral("filters")}},
            {QJsonObject{{QStringLiteral("rows"), 5}, {QStringLiteral("sha256"), sha},
                         {QStringLiteral("file_name"), QStringLiteral("a\u202Evsc.exe")}},
             {QStringLiteral("file_name")}},
            {QJsonObject{{QStringLiteral("rows"), -3}, {QStringLiteral("sha256"), QStringLiteral("nope")}},
             {QStringLiteral("rows"), QStringLiteral("sha256")}},
        };
        for (const Bad &b : bad) {
            const Answer a = exportReport(m_admin, b.report);
            QVERIFY2(a.status == 422, a.body.constData());
            QCOMPARE(a.json.value(QStringLiteral("error")).toString(), QStringLiteral("validation_failed"));
            QCOMPARE(a.json.value(QStringLiteral("fields")).toObject().keys(), b.fields);
        }
        const Answer notJson = call("POST", QStringLiteral("api/v1/audit/exports"), m_admin, "{\"rows\": 1,");
        QCOMPARE(notJson.status, 400);
        QCOMPARE(notJson.json.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_body"));
        QCOMPARE(call("GET", QStringLiteral("api/v1/audit/exports"), m_admin).status, 405);
        QCOMPARE(call("POST", QStringLiteral("api/v1/audit/other"), m_admin, "{}").status, 404);
        QCOMPARE(call("POST", QStringLiteral("api/v1/audit/exports"), {}, "{}").status, 401);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")), rowsBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'AUDIT_EXPORT' AND outcome = 'success'")), 2);
        QCOMPARE(verifyChain(), QString());
    }

    void generatorChainsRealisticRows()
    {
        const qint64 lastId = scalar(QStringLiteral("SELECT max(id) FROM audit_log"));
        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
        QList<std::pair<qint64, qint64>> progress;
        QString error;
        QVERIFY2(m_sandbox->generateAuditRows(5000, &error, [&progress](qint64 done, qint64 total) {
            progress.append({done, total});
        }),
                 qPrintable(error));
        QCOMPARE(progress.size(), 1);
        QCOMPARE(progress.first().first, 5000);
        QCOMPARE(progress.first().second, 5000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")), before + 5000);
        QCOMPARE(scalar(QStringLiteral("SELECT min(id) FROM audit_log WHERE id > ?"), {lastId}), lastId + 1);
        QCOMPARE(scalar(QStringLiteral("SELECT max(id) FROM audit_log")), lastId + 5000);
        QCOMPARE(verifyChain(), QString());

        const QString generated = QStringLiteral(" FROM audit_log WHERE id > %1").arg(lastId);
        // Realistic mix: the product's actions, all event types, several outcomes and users.
        QSqlQuery actions = sql(QStringLiteral("SELECT DISTINCT action") + generated + QStringLiteral(" ORDER BY 1"));
        QStringList seen;
        while (actions.next())
            seen << actions.value(0).toString();
        for (const char *action : {"LOGIN", "LOGOUT", "LOGIN_FAILED", "CIRCUIT_BREAKER_TRIP", "CIRCUIT_BREAKER_RESET",
                                   "API_KEY_CREATE", "API_KEY_REVOKE", "CONFIG_UPDATE", "AUDIT_EXPORT"})
            QVERIFY2(seen.contains(QLatin1String(action)), action);
        QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT event_type)") + generated), 3);
        QVERIFY(scalar(QStringLiteral("SELECT count(DISTINCT outcome)") + generated) >= 4);
        QVERIFY(scalar(QStringLiteral("SELECT count(DISTINCT user_id)") + generated) >= 10);
        const qint64 logins = scalar(QStringLiteral("SELECT count(*)") + generated + QStringLiteral(" AND action = 'LOGIN'"));
        QVERIFY2(logins > 1000 && logins < 2000, qPrintable(QString::number(logins)));
        // Details: objects of a few keys, some nested.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*)") + generated + QStringLiteral(" AND jsonb_typeof(details) <> 'object'")), 0);
        QVERIFY(scalar(QStringLiteral("SELECT count(*)") + generated
                       + QStringLiteral(" AND EXISTS (SELECT 1 FROM jsonb_each(details) e WHERE jsonb_typeof(e.value) = 'object')"))
                > 100);
        QCOMPARE(scalar(QStringLiteral("SELECT max((SELECT count(*) FROM jsonb_object_keys(details)))") + generated), 4);
        // Reasons where the product takes one (breaker, kill switch, revocation) and only there.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*)") + generated
                        + QStringLiteral(" AND (reason IS NOT NULL) <> (action LIKE 'CIRCUIT_BREAKER_%' OR action LIKE 'KILL_SWITCH_%' "
                                         "OR action = 'API_KEY_REVOKE')")),
                 0);
        // 90 days in id order, with identical timestamps.
        QSqlQuery span = sql(QStringLiteral("SELECT extract(epoch FROM now() - min(\"timestamp\")) / 86400, "
                                            "extract(epoch FROM now() - max(\"timestamp\")) / 86400, "
                                            "count(*) - count(DISTINCT \"timestamp\")")
                             + generated);
        QVERIFY(span.next());
        QVERIFY2(span.value(0).toDouble() > 89.9 && span.value(0).toDouble() < 90.1, qPrintable(span.value(0).toString()));
        QVERIFY2(span.value(1).toDouble() >= 0 && span.value(1).toDouble() < 0.1, qPrintable(span.value(1).toString()));
        QVERIFY2(span.value(2).toLongLong() > 500, qPrintable(span.value(2).toString()));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM (SELECT \"timestamp\" < lag(\"timestamp\") OVER (ORDER BY id) AS back")
                        + generated + QStringLiteral(") s WHERE back")),
                 0);

        // The stand-alone form (ops-sandbox --generate-audit) connects, migrates and appends too.
        opssandbox::SandboxConfig config;
        config.dbHost = m_pg.host;
        config.dbPort = quint16(m_pg.port);
        config.dbUser = m_pg.user;
        config.dbName = kDb;
        QVERIFY2(opssandbox::Sandbox::generateAuditRows(config, 120, &error), qPrintable(error));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")), before + 5120);
        QCOMPARE(verifyChain(), QString());
        QVERIFY(!opssandbox::Sandbox::generateAuditRows(config, -1, &error));
        QVERIFY(error.contains(QStringLiteral("negative")));
    }

    // The sandbox's own connection writes as ops_sandbox_app: without that role's INSERT privilege
    // (in this database only) a sign-in leaves no audit row; with it back, it does.
    void sandboxWritesAsApplicationRole()
    {
        const QString loginRows = QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'LOGIN' AND request_id = ?");
        QCOMPARE(failure(QSqlDatabase::database(kSqlConn), QStringLiteral("REVOKE INSERT ON audit_log FROM ops_sandbox_app")),
                 QStringLiteral("<succeeded>"));
        QVERIFY(!tokenFor(QStringLiteral("viewer"), "role-check-revoked").isEmpty()); // the sign-in itself still works
        QCOMPARE(scalar(loginRows, {QStringLiteral("role-check-revoked")}), 0);
        QCOMPARE(failure(QSqlDatabase::database(kSqlConn), QStringLiteral("GRANT INSERT ON audit_log TO ops_sandbox_app")),
                 QStringLiteral("<succeeded>"));
        QVERIFY(!tokenFor(QStringLiteral("viewer"), "role-check-granted").isEmpty());
        QCOMPARE(scalar(loginRows, {QStringLiteral("role-check-granted")}), 1);

        // ...and everything else it does still works under that role, e.g. a breaker reset.
        const Answer reset = call("POST", QStringLiteral("api/v1/circuit-breaker/reset"), m_operator,
                                  body(QJsonObject{{QStringLiteral("reason"), QStringLiteral("Chain test over: resuming trading now")},
                                                   {QStringLiteral("acknowledged"), true}}));
        QVERIFY2(reset.status == 200, reset.body.constData());
        QCOMPARE(reset.json.value(QStringLiteral("audit_id")).toInteger(), scalar(QStringLiteral("SELECT max(id) FROM audit_log")));
        QCOMPARE(verifyChain(), QString());
    }
};

QTEST_GUILESS_MAIN(TstSandboxAudit)
#include "tst_sandbox_audit.moc"
