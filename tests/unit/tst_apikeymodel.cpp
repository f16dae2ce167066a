// ApiKey, ApiKeyJson and ApiKeyModel: the status of a key against a clock that only moves when
// told to (Active, Expiring with the grace time counting down, Expired by expiry or by the end of
// the grace period, Revoked above everything), the client-side rules of the create form, parsing
// of the server's list (junk entries dropped), and the table model under a QAbstractItemModelTester
// in Fatal mode: headers, display and sort values, a proxy that sorts and filters, and
// updateStatuses() touching only the Status column.
#include "MockClock.h"
#include "apikeys/ApiKey.h"
#include "apikeys/ApiKeyModel.h"
#include "core/TimeText.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTimeZone>
#include <QtTest>

using namespace ops;
using ops::test::MockClock;

namespace {

// The mock clock starts at 2026-03-29 00:30:00 UTC.
QDateTime utc(int day, int h, int m, int s = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(h, m, s), QTimeZone::utc());
}

ApiKey key(qint64 id, const QString &name, const QString &prefix, const QDateTime &createdAt)
{
    ApiKey k;
    k.id = id;
    k.name = name;
    k.prefix = prefix;
    k.scopes = {QStringLiteral("read_positions")};
    k.createdAt = createdAt;
    k.createdBy = QStringLiteral("admin");
    return k;
}

// Four keys, one per status, at 00:30 on the 29th:
//  1 "reconciliation-batch" active, created 28th 09:00, used 29th 00:10, expires 1 April
//  2 "Alpha feed"           expiring (rotated, grace until 29th 12:30), created 27th 12:00
//  3 "zulu-legacy"          expired by its expiry (28th 23:00), created 20th 08:00
//  4 "monitoring"           revoked, created 29th 00:05 (newest)
QList<ApiKey> fourKeys()
{
    ApiKey a = key(1, QStringLiteral("reconciliation-batch"), QStringLiteral("tp_test_aaaa1111"), utc(28, 9, 0));
    a.scopes = {QStringLiteral("read_positions"), QStringLiteral("read_orders")};
    a.lastUsedAt = utc(29, 0, 10);
    a.expiresAt = QDateTime(QDate(2026, 4, 1), QTime(0, 0), QTimeZone::utc());
    ApiKey b = key(2, QStringLiteral("Alpha feed"), QStringLiteral("tp_test_bbbb2222"), utc(27, 12, 0));
    b.graceExpiresAt = utc(29, 12, 30);
    b.createdBy = QStringLiteral("carol");
    ApiKey c = key(3, QStringLiteral("zulu-legacy"), QStringLiteral("tp_test_cccc3333"), utc(20, 8, 0));
    c.scopes = {QStringLiteral("write_orders")};
    c.expiresAt = utc(28, 23, 0);
    ApiKey d = key(4, QStringLiteral("monitoring"), QStringLiteral("tp_test_dddd4444"), utc(29, 0, 5));
    d.scopes = {QStringLiteral("read_strategies")};
    d.revokedAt = utc(29, 0, 20);
    d.revokedBy = QStringLiteral("admin");
    d.revokeReason = QStringLiteral("Leaked in a CI log of the batch job");
    return {a, b, c, d};
}

QList<qint64> idsInOrder(const QAbstractItemModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(ApiKeyModel::KeyIdRole).toLongLong();
    return ids;
}

QJsonObject fullKeyJson()
{
    return QJsonObject{
        {QStringLiteral("id"), 17},
        {QStringLiteral("name"), QStringLiteral("reconciliation-batch")},
        {QStringLiteral("prefix"), QStringLiteral("tp_test_k3y0pref")},
        {QStringLiteral("scopes"), QJsonArray{QStringLiteral("read_positions"), 5, QJsonValue(), QStringLiteral("write_orders")}},
        {QStringLiteral("created_at"), QStringLiteral("2026-03-28T09:00:00Z")},
        {QStringLiteral("created_by"), QStringLiteral("admin")},
        {QStringLiteral("expires_at"), QStringLiteral("2026-06-30T12:00:00.250Z")},
        {QStringLiteral("last_used_at"), QStringLiteral("2026-03-29T00:10:00Z")},
        {QStringLiteral("revoked_at"), QJsonValue()},
        {QStringLiteral("revoked_by"), QJsonValue()},
        {QStringLiteral("revoke_reason"), QJsonValue()},
        {QStringLiteral("rotated_from"), 9},
        {QStringLiteral("grace_expires_at"), QJsonValue()},
        {QStringLiteral("status"), QStringLiteral("active")},
    };
}

} // namespace

class TestApiKeyModel final : public QObject
{
    Q_OBJECT

private slots:
    // ------------------------------------------------------------------ status

    void activeKeyWithoutExpiryOrGrace()
    {
        MockClock clock;
        ApiKey k = key(1, QStringLiteral("batch"), QStringLiteral("tp_test_aaaa1111"), utc(28, 9, 0));
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Active);
        QCOMPARE(ApiKeyJson::statusText(k, clock.nowUtc()), QStringLiteral("Active"));
        clock.advanceSeconds(10LL * 365 * 86400); // never expires by itself
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Active);
    }

    void expiringCountsDownAndTurnsExpiredWhenTheGraceEnds()
    {
        MockClock clock;
        ApiKey k = key(2, QStringLiteral("batch"), QStringLiteral("tp_test_bbbb2222"), utc(28, 9, 0));
        k.graceExpiresAt = clock.nowUtc().addSecs(ApiKeyJson::RotationGraceSeconds);
        QCOMPARE(ApiKeyJson::RotationGraceSeconds, qint64(86400));

        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Expiring);
        QCOMPARE(ApiKeyJson::statusText(k, clock.nowUtc()), QStringLiteral("Expiring — 1 d 0 h left"));
        clock.advanceSeconds(1);
        QCOMPARE(ApiKeyJson::statusText(k, clock.nowUtc()), QStringLiteral("Expiring — 23 h 59 min left"));
        clock.advanceSeconds(3600 + 10 * 60 - 1); // 22 h 50 min left
        QCOMPARE(ApiKeyJson::statusText(k, clock.nowUtc()), QStringLiteral("Expiring — 22 h 50 min left"));
        clock.set(k.graceExpiresAt.addSecs(-185));
        QCOMPARE(ApiKeyJson::statusText(k, clock.nowUtc()), QStringLiteral("Expiring — 3 min 5 s left"));
        clock.set(k.graceExpiresAt.addSecs(-1));
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Expiring);
        QCOMPARE(ApiKeyJson::statusText(k, clock.nowUtc()), QStringLiteral("Expiring — 1 s left"));

        // The grace period's end is the end: from that moment on the key is expired.
        clock.set(k.graceExpiresAt);
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Expired);
        QCOMPARE(ApiKeyJson::statusText(k, clock.nowUtc()), QStringLiteral("Expired"));
        clock.advanceSeconds(3600);
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Expired);
    }

    void expiredByItsExpiry()
    {
        MockClock clock;
        ApiKey k = key(3, QStringLiteral("batch"), QStringLiteral("tp_test_cccc3333"), utc(28, 9, 0));
        k.expiresAt = clock.nowUtc().addSecs(10);
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Active);
        clock.advanceSeconds(9);
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Active);
        clock.advanceSeconds(1);
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Expired);
        QCOMPARE(ApiKeyJson::statusText(k, clock.nowUtc()), QStringLiteral("Expired"));
    }

    void expiryBeforeTheGraceEndWins()
    {
        // Rotated, but the key's own expiry comes first: it stops then, not at the grace end.
        MockClock clock;
        ApiKey k = key(3, QStringLiteral("batch"), QStringLiteral("tp_test_cccc3333"), utc(28, 9, 0));
        k.graceExpiresAt = clock.nowUtc().addSecs(ApiKeyJson::RotationGraceSeconds);
        k.expiresAt = clock.nowUtc().addSecs(3600);
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Expiring);
        clock.advanceSeconds(3600);
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Expired);
    }

    void revokedWinsOverEverything()
    {
        MockClock clock;
        ApiKey k = key(4, QStringLiteral("batch"), QStringLiteral("tp_test_dddd4444"), utc(28, 9, 0));
        k.revokedAt = clock.nowUtc().addSecs(-60);
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Revoked);
        k.graceExpiresAt = clock.nowUtc().addSecs(600); // still in grace
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Revoked);
        k.expiresAt = clock.nowUtc().addSecs(-3600); // and expired too
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Revoked);
        clock.advanceSeconds(7200); // grace over as well
        QCOMPARE(k.status(clock.nowUtc()), ApiKeyStatus::Revoked);
        QCOMPARE(ApiKeyJson::statusText(k, clock.nowUtc()), QStringLiteral("Revoked"));
    }

    void statusWords()
    {
        QCOMPARE(ApiKeyJson::statusWord(ApiKeyStatus::Active), QStringLiteral("Active"));
        QCOMPARE(ApiKeyJson::statusWord(ApiKeyStatus::Expiring), QStringLiteral("Expiring"));
        QCOMPARE(ApiKeyJson::statusWord(ApiKeyStatus::Expired), QStringLiteral("Expired"));
        QCOMPARE(ApiKeyJson::statusWord(ApiKeyStatus::Revoked), QStringLiteral("Revoked"));
    }

    // ------------------------------------------------------------------ client-side rules

    void nameLength_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("2") << QStringLiteral("ab") << false;
        QTest::newRow("3") << QStringLiteral("abc") << true;
        QTest::newRow("50") << QString(50, QLatin1Char('n')) << true;
        QTest::newRow("51") << QString(51, QLatin1Char('n')) << false;
        QTest::newRow("2 inside spaces") << QStringLiteral("   ab   ") << false;
        QTest::newRow("3 inside spaces") << QStringLiteral("  abc  ") << true;
        QTest::newRow("50 inside spaces") << QStringLiteral("  ") + QString(50, QLatin1Char('n')) + QStringLiteral("\t ")
                                           << true;
        QTest::newRow("51 inside spaces") << QStringLiteral(" ") + QString(51, QLatin1Char('n')) + QStringLiteral(" ")
                                           << false;
        QTest::newRow("only spaces") << QStringLiteral("          ") << false;
        QTest::newRow("inner spaces count") << QStringLiteral("a b") << true;
    }

    void nameLength()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        const QString problem = ApiKeyJson::nameProblem(name);
        if (ok)
            QCOMPARE(problem, QString());
        else
            QCOMPARE(problem, QStringLiteral("Name must be 3–50 characters."));
    }

    // The sandbox counts code points (ApiKeysApi::create); the console must count the same
    // characters, or Create is offered for names the server refuses and refused for names it takes.
    void nameLengthCountsCharactersLikeTheServer_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        const QString key = QStringLiteral("\U0001F511"); // 🔑, one character, two UTF-16 units
        QTest::newRow("2 emoji") << key.repeated(2) << false;
        QTest::newRow("3 emoji") << key.repeated(3) << true;
        QTest::newRow("50 emoji") << key.repeated(50) << true;
        QTest::newRow("26 emoji") << key.repeated(26) << true;
        QTest::newRow("51 emoji") << key.repeated(51) << false;
    }

    void nameLengthCountsCharactersLikeTheServer()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QCOMPARE(ApiKeyJson::nameProblem(name).isEmpty(), ok);
    }

    void scopes()
    {
        QCOMPARE(ApiKeyJson::allScopes(), (QStringList{QStringLiteral("read_positions"), QStringLiteral("read_orders"),
                                                       QStringLiteral("write_orders"), QStringLiteral("read_strategies")}));
        QCOMPARE(ApiKeyJson::scopesProblem({}), QStringLiteral("Choose at least one scope."));
        QCOMPARE(ApiKeyJson::scopesProblem({QStringLiteral("read_positions")}), QString());
        QCOMPARE(ApiKeyJson::scopesProblem(ApiKeyJson::allScopes()), QString());
        QCOMPARE(ApiKeyJson::scopesProblem({QStringLiteral("read_positions"), QStringLiteral("admin_all")}),
                 QStringLiteral("Unknown scope: admin_all"));
        QCOMPARE(ApiKeyJson::scopesProblem({QStringLiteral("READ_POSITIONS")}), QStringLiteral("Unknown scope: READ_POSITIONS"));
        QCOMPARE(ApiKeyJson::scopeTitle(QStringLiteral("write_orders")), QStringLiteral("Place and cancel orders (write_orders)"));
        QCOMPARE(ApiKeyJson::scopeTitle(QStringLiteral("odd")), QStringLiteral("odd"));
    }

    void expiry()
    {
        MockClock clock;
        const QDateTime now = clock.nowUtc();
        const QString past = QStringLiteral("Expiry must be in the future.");
        QCOMPARE(ApiKeyJson::expiryProblem(QDateTime(), now), QString()); // never
        QCOMPARE(ApiKeyJson::expiryProblem(now.addDays(-30), now), past);
        QCOMPARE(ApiKeyJson::expiryProblem(now.addSecs(-1), now), past);
        QCOMPARE(ApiKeyJson::expiryProblem(now, now), past);
        QCOMPARE(ApiKeyJson::expiryProblem(now.addSecs(1), now), QString());
        QCOMPARE(ApiKeyJson::expiryProblem(now.addDays(90), now), QString());
        // The same moment written in another zone is the same moment.
        const QDateTime berlinPast = now.addSecs(-60).toTimeZone(QTimeZone("Europe/Berlin"));
        QCOMPARE(ApiKeyJson::expiryProblem(berlinPast, now), past);
        QCOMPARE(ApiKeyJson::expiryProblem(now.addSecs(60).toOffsetFromUtc(-5 * 3600), now), QString());
    }

    // ------------------------------------------------------------------ parsing

    void parsesEveryField()
    {
        const ApiKey k = ApiKeyJson::key(fullKeyJson());
        QCOMPARE(k.id, qint64(17));
        QCOMPARE(k.name, QStringLiteral("reconciliation-batch"));
        QCOMPARE(k.prefix, QStringLiteral("tp_test_k3y0pref"));
        QCOMPARE(k.scopes, (QStringList{QStringLiteral("read_positions"), QStringLiteral("write_orders")}));
        QCOMPARE(k.createdAt, utc(28, 9, 0));
        QCOMPARE(k.createdBy, QStringLiteral("admin"));
        QCOMPARE(k.expiresAt, QDateTime(QDate(2026, 6, 30), QTime(12, 0, 0, 250), QTimeZone::utc()));
        QCOMPARE(k.lastUsedAt, utc(29, 0, 10));
        QVERIFY(!k.revokedAt.isValid());
        QCOMPARE(k.revokedBy, QString());
        QCOMPARE(k.revokeReason, QString());
        QCOMPARE(k.rotatedFrom, qint64(9));
        QVERIFY(!k.graceExpiresAt.isValid());
        QCOMPARE(k.status(MockClock().nowUtc()), ApiKeyStatus::Active);

        QJsonObject revoked = fullKeyJson();
        revoked.insert(QStringLiteral("revoked_at"), QStringLiteral("2026-03-29T00:20:00+01:00"));
        revoked.insert(QStringLiteral("revoked_by"), QStringLiteral("carol"));
        revoked.insert(QStringLiteral("revoke_reason"), QStringLiteral("Leaked in a CI log of the batch job"));
        revoked.insert(QStringLiteral("rotated_from"), QJsonValue());
        revoked.insert(QStringLiteral("grace_expires_at"), QStringLiteral("2026-03-30T00:30:00Z"));
        const ApiKey r = ApiKeyJson::key(revoked);
        QCOMPARE(r.revokedAt, QDateTime(QDate(2026, 3, 28), QTime(23, 20), QTimeZone::utc()));
        QCOMPARE(r.revokedBy, QStringLiteral("carol"));
        QCOMPARE(r.revokeReason, QStringLiteral("Leaked in a CI log of the batch job"));
        QCOMPARE(r.rotatedFrom, qint64(0));
        QCOMPARE(r.graceExpiresAt, utc(30, 0, 30));
        QCOMPARE(r.status(MockClock().nowUtc()), ApiKeyStatus::Revoked);
    }

    void wrongTypesBecomeEmpty()
    {
        const QJsonObject o{{QStringLiteral("id"), 5},
                            {QStringLiteral("name"), 42},
                            {QStringLiteral("prefix"), QStringLiteral("tp_test_eeee5555")},
                            {QStringLiteral("scopes"), QStringLiteral("read_positions")},
                            {QStringLiteral("created_at"), QStringLiteral("yesterday")},
                            {QStringLiteral("expires_at"), true},
                            {QStringLiteral("created_by"), QJsonArray{QStringLiteral("admin")}}};
        const ApiKey k = ApiKeyJson::key(o);
        QCOMPARE(k.id, qint64(5));
        QCOMPARE(k.name, QString());
        QCOMPARE(k.scopes, QStringList());
        QVERIFY(!k.createdAt.isValid());
        QVERIFY(!k.expiresAt.isValid());
        QCOMPARE(k.createdBy, QString());
    }

    void listDropsJunkEntries()
    {
        QJsonObject second = fullKeyJson();
        second.insert(QStringLiteral("id"), 18);
        second.insert(QStringLiteral("prefix"), QStringLiteral("tp_test_second18"));
        const QJsonArray keys{
            fullKeyJson(),
            42,
            QStringLiteral("tp_test_notanobj"),
            QJsonValue(),
            QJsonObject{},
            QJsonObject{{QStringLiteral("id"), 0}, {QStringLiteral("prefix"), QStringLiteral("tp_test_zeroid00")}},
            QJsonObject{{QStringLiteral("id"), -3}, {QStringLiteral("prefix"), QStringLiteral("tp_test_negative")}},
            QJsonObject{{QStringLiteral("id"), QStringLiteral("7")}, {QStringLiteral("prefix"), QStringLiteral("tp_test_stringid")}},
            QJsonObject{{QStringLiteral("id"), 19}},
            QJsonObject{{QStringLiteral("id"), 20}, {QStringLiteral("prefix"), QStringLiteral("")}},
            QJsonArray{fullKeyJson()},
            second,
        };
        QString problem = QStringLiteral("untouched");
        const QList<ApiKey> list = ApiKeyJson::list(QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}), &problem);
        QCOMPARE(problem, QStringLiteral("untouched")); // no problem: left alone
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).id, qint64(17));
        QCOMPARE(list.at(1).id, qint64(18));
        QCOMPARE(list.at(1).prefix, QStringLiteral("tp_test_second18"));
    }

    void listWithoutKeysIsAProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no keys") << QByteArray(R"({"items":[]})");
        QTest::newRow("keys is an object") << QByteArray(R"({"keys":{"id":1}})");
        QTest::newRow("keys is null") << QByteArray(R"({"keys":null})");
        QTest::newRow("top-level array") << QByteArray(R"([{"id":1,"prefix":"tp_test_aaaa1111"}])");
        QTest::newRow("not JSON") << QByteArray("<html>login</html>");
    }

    void listWithoutKeysIsAProblem()
    {
        QFETCH(QByteArray, json);
        QString problem;
        const QList<ApiKey> list = ApiKeyJson::list(QJsonDocument::fromJson(json), &problem);
        QCOMPARE(list.size(), 0);
        QCOMPARE(problem, QStringLiteral("The answer has no list of keys."));
        // An empty list is a list.
        problem.clear();
        QCOMPARE(ApiKeyJson::list(QJsonDocument::fromJson(R"({"keys":[]})"), &problem).size(), 0);
        QCOMPARE(problem, QString());
    }

    // ------------------------------------------------------------------ model

    void emptyModel()
    {
        MockClock clock;
        ApiKeyModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 8);
        QCOMPARE(model.keyById(1), nullptr);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.updateStatuses();
        QCOMPARE(changed.count(), 0);
    }

    void columnsAndHeaders()
    {
        MockClock clock;
        ApiKeyModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setKeys(fourKeys());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ApiKeyModel::ColumnCount));
        QCOMPARE(model.columnCount(), 8);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QCOMPARE(model.columnCount(model.index(0, 0)), 0);
        QStringList headers;
        for (int c = 0; c < model.columnCount(); ++c)
            headers << model.headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers, (QStringList{QStringLiteral("Name"), QStringLiteral("Prefix"), QStringLiteral("Scopes"),
                                       QStringLiteral("Created"), QStringLiteral("Created by"), QStringLiteral("Last used"),
                                       QStringLiteral("Expires"), QStringLiteral("Status")}));
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
        QVERIFY(!model.headerData(8, Qt::Horizontal).isValid());
        QVERIFY(!model.headerData(0, Qt::Horizontal, Qt::DecorationRole).isValid());
    }

    void displayValues()
    {
        MockClock clock;
        ApiKeyModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setKeys(fourKeys());
        const QList<ApiKey> keys = fourKeys();
        auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };

        QCOMPARE(text(0, ApiKeyModel::Name), QStringLiteral("reconciliation-batch"));
        QCOMPARE(text(0, ApiKeyModel::Prefix), QStringLiteral("tp_test_aaaa1111"));
        QCOMPARE(text(0, ApiKeyModel::Scopes), QStringLiteral("read_positions, read_orders"));
        QCOMPARE(text(0, ApiKeyModel::Created), timetext::local(utc(28, 9, 0)));
        QVERIFY(text(0, ApiKeyModel::Created).startsWith(utc(28, 9, 0).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        QCOMPARE(text(0, ApiKeyModel::CreatedBy), QStringLiteral("admin"));
        QCOMPARE(text(0, ApiKeyModel::LastUsed), timetext::local(utc(29, 0, 10)));
        QCOMPARE(text(0, ApiKeyModel::Expires), timetext::local(keys.at(0).expiresAt));
        QCOMPARE(text(0, ApiKeyModel::Status), QStringLiteral("Active"));

        QCOMPARE(text(1, ApiKeyModel::CreatedBy), QStringLiteral("carol"));
        QCOMPARE(text(1, ApiKeyModel::LastUsed), QStringLiteral("Never"));
        QCOMPARE(text(1, ApiKeyModel::Expires), QStringLiteral("Never"));
        QCOMPARE(text(1, ApiKeyModel::Status), QStringLiteral("Expiring — 12 h 0 min left"));
        QCOMPARE(model.index(1, ApiKeyModel::Status).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Replaced by a rotation; worked until %1").arg(timetext::local(utc(29, 12, 30))));
        QCOMPARE(text(2, ApiKeyModel::Status), QStringLiteral("Expired"));
        QCOMPARE(text(3, ApiKeyModel::Status), QStringLiteral("Revoked"));
        QCOMPARE(model.index(3, ApiKeyModel::Status).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Revoked at %1 by admin: Leaked in a CI log of the batch job").arg(timetext::local(utc(29, 0, 20))));
        QCOMPARE(model.index(3, ApiKeyModel::Name).data(Qt::AccessibleTextRole).toString(), QStringLiteral("monitoring"));
        QVERIFY(!model.index(0, ApiKeyModel::Name).data(Qt::DecorationRole).isValid());

        QCOMPARE(model.index(2, 0).data(ApiKeyModel::KeyIdRole).toLongLong(), qint64(3));
        QCOMPARE(model.index(0, ApiKeyModel::Name).data(ApiKeyModel::StatusRole).toInt(), int(ApiKeyStatus::Active));
        QCOMPARE(model.index(1, ApiKeyModel::Name).data(ApiKeyModel::StatusRole).toInt(), int(ApiKeyStatus::Expiring));
        QCOMPARE(model.index(2, ApiKeyModel::Name).data(ApiKeyModel::StatusRole).toInt(), int(ApiKeyStatus::Expired));
        QCOMPARE(model.index(3, ApiKeyModel::Name).data(ApiKeyModel::StatusRole).toInt(), int(ApiKeyStatus::Revoked));

        QVERIFY(model.keyById(3) != nullptr);
        QCOMPARE(model.keyById(3)->name, QStringLiteral("zulu-legacy"));
        QCOMPARE(model.keyById(99), nullptr);
    }

    void sortRoleValues()
    {
        MockClock clock;
        ApiKeyModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setKeys(fourKeys());
        auto sortValue = [&](int row, int column) { return model.index(row, column).data(ApiKeyModel::SortRole); };

        // Times as QDateTime (UTC), not as text.
        for (int column : {int(ApiKeyModel::Created), int(ApiKeyModel::LastUsed), int(ApiKeyModel::Expires)})
            QCOMPARE(sortValue(0, column).metaType(), QMetaType::fromType<QDateTime>());
        QCOMPARE(sortValue(0, ApiKeyModel::Created).toDateTime(), utc(28, 9, 0));
        QCOMPARE(sortValue(2, ApiKeyModel::Created).toDateTime(), utc(20, 8, 0));
        QCOMPARE(sortValue(0, ApiKeyModel::LastUsed).toDateTime(), utc(29, 0, 10));
        QCOMPARE(sortValue(2, ApiKeyModel::Expires).toDateTime(), utc(28, 23, 0));
        QVERIFY(!sortValue(1, ApiKeyModel::Expires).toDateTime().isValid()); // never
        QVERIFY(!sortValue(1, ApiKeyModel::LastUsed).toDateTime().isValid()); // never used

        // Status in severity order: Active < Expiring < Expired < Revoked.
        QCOMPARE(sortValue(0, ApiKeyModel::Status).toInt(), 0);
        QCOMPARE(sortValue(1, ApiKeyModel::Status).toInt(), 1);
        QCOMPARE(sortValue(2, ApiKeyModel::Status).toInt(), 2);
        QCOMPARE(sortValue(3, ApiKeyModel::Status).toInt(), 3);

        // Text columns sort by their text.
        QCOMPARE(sortValue(1, ApiKeyModel::Name).toString(), QStringLiteral("Alpha feed"));
        QCOMPARE(sortValue(3, ApiKeyModel::Prefix).toString(), QStringLiteral("tp_test_dddd4444"));

        // The status sort value follows the clock: the expiring key turns expired.
        clock.set(utc(29, 12, 30));
        QCOMPARE(sortValue(1, ApiKeyModel::Status).toInt(), 2);
    }

    void proxySortsByCreatedAndStatus()
    {
        MockClock clock;
        ApiKeyModel model(clock);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ApiKeyModel::SortRole);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setKeys(fourKeys());

        proxy.sort(ApiKeyModel::Created, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(proxy), (QList<qint64>{3, 2, 1, 4}));
        proxy.sort(ApiKeyModel::Created, Qt::DescendingOrder);
        QCOMPARE(idsInOrder(proxy), (QList<qint64>{4, 1, 2, 3}));

        // Severity, not the alphabet ("Expired" < "Expiring — …" alphabetically).
        proxy.sort(ApiKeyModel::Status, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(proxy), (QList<qint64>{1, 2, 3, 4}));
        proxy.sort(ApiKeyModel::Status, Qt::DescendingOrder);
        QCOMPARE(idsInOrder(proxy), (QList<qint64>{4, 3, 2, 1}));

        proxy.sort(ApiKeyModel::Name, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(proxy), (QList<qint64>{2, 4, 1, 3}));

        // "Never" expires sorts first (the model says so), then by time.
        proxy.sort(ApiKeyModel::Expires, Qt::AscendingOrder);
        const QList<qint64> byExpiry = idsInOrder(proxy);
        QCOMPARE(byExpiry.mid(2), (QList<qint64>{3, 1}));
        QVERIFY(byExpiry.mid(0, 2).contains(2) && byExpiry.mid(0, 2).contains(4));
    }

    void proxyFiltersByText_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QList<qint64>>("ids");
        QTest::newRow("nothing") << QString() << QList<qint64>{1, 2, 3, 4};
        QTest::newRow("name, any case") << QStringLiteral("RECON") << QList<qint64>{1};
        QTest::newRow("prefix") << QStringLiteral("cccc33") << QList<qint64>{3};
        QTest::newRow("scope") << QStringLiteral("read_strategies") << QList<qint64>{4};
        QTest::newRow("created by") << QStringLiteral("carol") << QList<qint64>{2};
        QTest::newRow("status word") << QStringLiteral("revoked") << QList<qint64>{4};
        QTest::newRow("expiring") << QStringLiteral("expiring") << QList<qint64>{2};
        QTest::newRow("no match") << QStringLiteral("no-such-key") << QList<qint64>{};
    }

    void proxyFiltersByText()
    {
        QFETCH(QString, filter);
        QFETCH(QList<qint64>, ids);
        MockClock clock;
        ApiKeyModel model(clock);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ApiKeyModel::SortRole);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterKeyColumn(-1);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setKeys(fourKeys());
        proxy.sort(ApiKeyModel::Status, Qt::AscendingOrder);
        proxy.setFilterFixedString(filter);
        QCOMPARE(idsInOrder(proxy), ids);
    }

    void updateStatusesTouchesOnlyTheStatusColumn()
    {
        MockClock clock;
        ApiKeyModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setKeys(fourKeys());
        QCOMPARE(model.index(1, ApiKeyModel::Status).data().toString(), QStringLiteral("Expiring — 12 h 0 min left"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        clock.advanceSeconds(2 * 3600 + 30);
        model.updateStatuses();
        QCOMPARE(changed.count(), 1);
        const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
        const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 0);
        QCOMPARE(topLeft.column(), int(ApiKeyModel::Status));
        QCOMPARE(bottomRight.row(), 3);
        QCOMPARE(bottomRight.column(), int(ApiKeyModel::Status));
        QCOMPARE(reset.count() + layout.count() + inserted.count() + removed.count(), qsizetype(0));
        QCOMPARE(model.index(1, ApiKeyModel::Status).data().toString(), QStringLiteral("Expiring — 9 h 59 min left"));

        clock.set(utc(29, 12, 30));
        model.updateStatuses();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.index(1, ApiKeyModel::Status).data().toString(), QStringLiteral("Expired"));
    }
};

QTEST_GUILESS_MAIN(TestApiKeyModel)
#include "tst_apikeymodel.moc"
