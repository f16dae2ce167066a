// The console's BreakerController against the sandbox over real HTTP, checked in PostgreSQL:
// every trip, reset, engage and disengage leaves its audit row with who, the reason and the
// request id the console sent; a retried request (same Idempotency-Key) never acts twice.

#include "E2eFixture.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "breaker/BreakerController.h"

#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace ops;

namespace {

const QString kDb = QStringLiteral("ops_e2e_breaker");
const QString kConn = QStringLiteral("tst_breaker_e2e");

struct AuditRow
{
    qint64 id = -1;
    QString user;
    QString reason;
    QString requestId;
    QString eventType;
    QString resourceType;
    QString outcome;
};

} // namespace

class TestBreakerE2e final : public QObject
{
    Q_OBJECT

    test::SandboxFixture m_fx;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<BreakerController> m_breaker;

    BreakerController::Outcome run(const std::function<bool(BreakerController::OutcomeCallback)> &action)
    {
        BreakerController::Outcome out;
        bool done = false;
        if (!action([&](const BreakerController::Outcome &o) { out = o; done = true; }))
            return out;
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            out.message = QStringLiteral("no outcome within 15 s");
        return out;
    }

    AuditRow audit(qint64 id)
    {
        AuditRow row;
        QSqlQuery q(m_fx.database(kConn, kDb));
        q.prepare(QStringLiteral("SELECT id, user_id, reason, request_id, event_type, resource_type, outcome "
                                 "FROM audit_log WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), id);
        if (q.exec() && q.next())
            row = {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                   q.value(4).toString(), q.value(5).toString(), q.value(6).toString()};
        return row;
    }

    int count(const QString &action)
    {
        QSqlQuery q(m_fx.database(kConn, kDb));
        q.prepare(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = :a AND outcome = 'success'"));
        q.bindValue(QStringLiteral(":a"), action);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }

private slots:
    void initTestCase()
    {
        const QString error = m_fx.start(kDb, true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_api = std::make_unique<ApiClient>(m_fx.profile);
        m_store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-e2e-breaker"));
        m_session = std::make_unique<Session>(m_api.get(), m_store.get(), m_fx.profile.name);
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("operator"), QStringLiteral("operator-sandbox-pw"), false);
        QVERIFY(signedIn.wait(10000));
        m_breaker = std::make_unique<BreakerController>(m_session.get());
        m_breaker->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(m_breaker->isVerified(), 10000);
        QCOMPARE(m_breaker->snapshot().trading, TradingState::Enabled);
    }

    void cleanupTestCase()
    {
        QSqlDatabase::removeDatabase(kConn);
    }

    void tripIsAuditedWithWhoReasonAndRequestId()
    {
        const QString key = BreakerController::newIdempotencyKey();
        const QString reason = QStringLiteral("  Broker API errors above 5% for ten minutes\u202E  ");
        const auto out = run([&](auto cb) { return m_breaker->trip(key, QStringLiteral("BROKER_ERRORS"), reason, nullptr, cb); });
        QCOMPARE(out.kind, BreakerController::Outcome::Kind::Done);
        QVERIFY(out.auditId > 0);
        QVERIFY(!out.requestId.isEmpty());
        QCOMPARE(m_breaker->snapshot().trading, TradingState::Halted);

        const AuditRow row = audit(out.auditId);
        QCOMPARE(row.user, QStringLiteral("operator"));
        QCOMPARE(row.reason, QStringLiteral("Broker API errors above 5% for ten minutes")); // trimmed, override gone
        QCOMPARE(row.requestId, out.requestId);
        QCOMPARE(row.eventType, QStringLiteral("action"));
        QCOMPARE(row.resourceType, QStringLiteral("circuit_breaker"));
        QCOMPARE(row.outcome, QStringLiteral("success"));

        // The same decision sent again (a retry after a lost answer) does not trip twice.
        const int before = count(QStringLiteral("CIRCUIT_BREAKER_TRIP"));
        const auto again = run([&](auto cb) { return m_breaker->trip(key, QStringLiteral("BROKER_ERRORS"), reason, nullptr, cb); });
        QVERIFY(again.kind == BreakerController::Outcome::Kind::Done || again.kind == BreakerController::Outcome::Kind::Unchanged);
        QCOMPARE(again.auditId, out.auditId);
        QCOMPARE(count(QStringLiteral("CIRCUIT_BREAKER_TRIP")), before);

        // A new decision while tripped is idempotent on the server: nothing recorded.
        const auto fresh = run([&](auto cb) {
            return m_breaker->trip(BreakerController::newIdempotencyKey(), QStringLiteral("MANUAL"),
                                   QStringLiteral("Second operator also wants a halt now"), nullptr, cb);
        });
        QCOMPARE(fresh.kind, BreakerController::Outcome::Kind::Unchanged);
        QCOMPARE(count(QStringLiteral("CIRCUIT_BREAKER_TRIP")), before);
    }

    void resetIsAuditedAndTheSecondOneInAMinuteIsRefused()
    {
        const auto out = run([&](auto cb) {
            return m_breaker->reset(BreakerController::newIdempotencyKey(),
                                    QStringLiteral("Broker confirmed the incident is resolved"), {}, nullptr, cb);
        });
        QCOMPARE(out.kind, BreakerController::Outcome::Kind::Done);
        const AuditRow row = audit(out.auditId);
        QCOMPARE(row.user, QStringLiteral("operator"));
        QCOMPARE(row.reason, QStringLiteral("Broker confirmed the incident is resolved"));
        QCOMPARE(row.requestId, out.requestId);
        QCOMPARE(m_breaker->snapshot().trading, TradingState::Enabled);
        QVERIFY(m_breaker->resetCooldownSeconds() >= 58);

        // Trip again and try to reset within the minute: 429 with the seconds left.
        run([&](auto cb) {
            return m_breaker->trip(BreakerController::newIdempotencyKey(), QStringLiteral("MANUAL"),
                                   QStringLiteral("Tripping again to test the window"), nullptr, cb);
        });
        const auto limited = run([&](auto cb) {
            return m_breaker->reset(BreakerController::newIdempotencyKey(),
                                    QStringLiteral("Trying a second reset inside the minute"), {}, nullptr, cb);
        });
        QCOMPARE(limited.kind, BreakerController::Outcome::Kind::RateLimited);
        QVERIFY2(limited.retryAfterSeconds >= 55 && limited.retryAfterSeconds <= 60, qPrintable(QString::number(limited.retryAfterSeconds)));
        QCOMPARE(count(QStringLiteral("CIRCUIT_BREAKER_RESET")), 1);

        m_fx.sandbox->advanceClock(61);
        const auto later = run([&](auto cb) {
            return m_breaker->reset(BreakerController::newIdempotencyKey(),
                                    QStringLiteral("A minute later the reset is allowed"), {}, nullptr, cb);
        });
        QCOMPARE(later.kind, BreakerController::Outcome::Kind::Done);
        QCOMPARE(count(QStringLiteral("CIRCUIT_BREAKER_RESET")), 2);
    }

    void killSwitchIsAudited()
    {
        const auto engaged = run([&](auto cb) {
            return m_breaker->engageKillSwitch(BreakerController::newIdempotencyKey(),
                                               QStringLiteral("Runaway strategy, flatten everything"), nullptr, cb);
        });
        QCOMPARE(engaged.kind, BreakerController::Outcome::Kind::Done);
        QCOMPARE(m_breaker->killSwitch().state, KillSwitchState::Engaged);
        AuditRow row = audit(engaged.auditId);
        QCOMPARE(row.user, QStringLiteral("operator"));
        QCOMPARE(row.requestId, engaged.requestId);
        QCOMPARE(row.resourceType, QStringLiteral("kill_switch"));

        const auto released = run([&](auto cb) {
            return m_breaker->disengageKillSwitch(BreakerController::newIdempotencyKey(),
                                                  QStringLiteral("Strategy disabled, risk reviewed positions"), nullptr, cb);
        });
        QCOMPARE(released.kind, BreakerController::Outcome::Kind::Done);
        row = audit(released.auditId);
        QCOMPARE(row.reason, QStringLiteral("Strategy disabled, risk reviewed positions"));
        QCOMPARE(m_breaker->killSwitch().state, KillSwitchState::Active);
    }

    void reasonTooShortForTheServerIsRefusedWithItsWords()
    {
        // The dialog would never send this; the server must refuse it anyway.
        const auto out = run([&](auto cb) {
            return m_breaker->trip(BreakerController::newIdempotencyKey(), QStringLiteral("MANUAL"),
                                   QStringLiteral("\u200Bshort\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B"),
                                   nullptr, cb);
        });
        QCOMPARE(out.kind, BreakerController::Outcome::Kind::Refused);
        QVERIFY2(out.message.contains(QStringLiteral("20")), qPrintable(out.message));
    }
};

QTEST_MAIN(TestBreakerE2e)
#include "tst_breaker_e2e.moc"
