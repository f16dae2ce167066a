// Admin → Configuration against the sandbox over real HTTP, checked in PostgreSQL: each document
// edited on the page like an operator (typing, preview, apply), a conflict between two consoles
// resolved with "Re-apply my changes on top", the CONFIG_UPDATE audit rows with the old and new
// values (and the request id the console sent), the server's own 422 when the client's validation
// is bypassed, and a non-admin refused by the server too.

#include "E2eFixture.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "config/ConfigClient.h"
#include "config/ConfigConflictDialog.h"
#include "config/ConfigForm.h"
#include "config/ConfigPage.h"
#include "config/ConfigPreviewDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTimeEdit>
#include <QtTest>

#include <memory>

using namespace ops;

namespace {

const QString kDb = QStringLiteral("ops_e2e_config");
const QString kConn = QStringLiteral("tst_config_e2e");
const QString TH = QStringLiteral("trading_hours");
const QString PL = QStringLiteral("position_limits");
const QString SD = QStringLiteral("system_defaults");

struct Console
{
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<CredentialStore> store;
    std::unique_ptr<Session> session;
    std::unique_ptr<ConfigClient> client;
    std::unique_ptr<ConfigPage> page;
};

struct AuditRow
{
    qint64 id = -1;
    QString user;
    QString action;
    QString resourceId;
    QString outcome;
    QString requestId;
    QJsonObject details;
};

QStringList texts(const QList<ConfigChange> &changes)
{
    QStringList out;
    for (const ConfigChange &c : changes)
        out << c.text();
    return out;
}

} // namespace

class TestConfigE2e final : public QObject
{
    Q_OBJECT

    test::SandboxFixture m_fx;

    std::unique_ptr<Console> open(const QString &role, bool withPage = true)
    {
        auto c = std::make_unique<Console>();
        c->api = std::make_unique<ApiClient>(m_fx.profile);
        c->store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-e2e-config"));
        c->session = std::make_unique<Session>(c->api.get(), c->store.get(), m_fx.profile.name);
        QSignalSpy signedIn(c->session.get(), &Session::signedIn);
        c->session->signIn(role, role + QStringLiteral("-sandbox-pw"), false);
        if (!signedIn.wait(10000))
            return nullptr;
        c->client = std::make_unique<ConfigClient>(c->session.get());
        if (!withPage)
            return c;
        c->page = std::make_unique<ConfigPage>(c->client.get(), c->session.get());
        c->page->resize(900, 700);
        c->page->show();
        if (!QTest::qWaitForWindowExposed(c->page.get()))
            return nullptr;
        if (role == QLatin1String("admin")
            && !QTest::qWaitFor([&] {
                   return c->page->form(TH)->hasDocument() && c->page->form(PL)->hasDocument()
                          && c->page->form(SD)->hasDocument();
               }, 10000))
            return nullptr;
        return c;
    }

    template <typename T> static T *editor(Console &c, const QString &key, const QString &field)
    {
        return qobject_cast<T *>(c.page->form(key)->editor(field));
    }

    static void retype(QAbstractSpinBox *spin, const QString &text)
    {
        spin->setFocus(Qt::TabFocusReason);
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, text);
    }

    static void typeTime(Console &c, QTimeEdit *edit, const QString &hhmm)
    {
        c.page->documentBox()->setFocus(Qt::OtherFocusReason);
        edit->setFocus(Qt::TabFocusReason); // selects the hours
        QTest::keyClicks(edit, hhmm);
    }

    static void toggle(QCheckBox *box)
    {
        box->setFocus(Qt::TabFocusReason);
        QTest::keyClick(box, Qt::Key_Space);
    }

    static ConfigPreviewDialog *preview(Console &c)
    {
        QTest::mouseClick(c.page->previewButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return c.page->previewDialog() && c.page->previewDialog()->isVisible(); }, 5000))
            return nullptr;
        return c.page->previewDialog();
    }

    // Applies the open preview; returns the audit id from "Saved version N (audit record #M).".
    static qint64 apply(Console &c, int expectedVersion)
    {
        ConfigPreviewDialog *d = c.page->previewDialog();
        if (!d)
            return -1;
        QTest::mouseClick(d->applyButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return !c.page->previewDialog(); }, 15000))
            return -1;
        static const QRegularExpression saved(QStringLiteral("^Saved version (\\d+) \\(audit record #(\\d+)\\)\\.$"));
        const QRegularExpressionMatch m = saved.match(c.page->outcomeText());
        if (!m.hasMatch()) {
            qWarning("outcome: %s", qPrintable(c.page->outcomeText()));
            return -1;
        }
        if (m.captured(1).toInt() != expectedVersion) {
            qWarning("saved version %s, expected %d", qPrintable(m.captured(1)), expectedVersion);
            return -1;
        }
        return m.captured(2).toLongLong();
    }

    AuditRow audit(qint64 id)
    {
        AuditRow row;
        QSqlQuery q(m_fx.database(kConn, kDb));
        q.prepare(QStringLiteral("SELECT id, user_id, action, resource_id, outcome, request_id, CAST(details AS text) "
                                 "FROM audit_log WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), id);
        if (q.exec() && q.next())
            row = {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                   q.value(4).toString(), q.value(5).toString(),
                   QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object()};
        return row;
    }

    int auditCount(const QString &key, const QString &outcome)
    {
        QSqlQuery q(m_fx.database(kConn, kDb));
        q.prepare(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'CONFIG_UPDATE' AND resource_id = :k "
                                 "AND outcome = :o"));
        q.bindValue(QStringLiteral(":k"), key);
        q.bindValue(QStringLiteral(":o"), outcome);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }

    std::pair<int, QJsonObject> stored(const QString &key)
    {
        QSqlQuery q(m_fx.database(kConn, kDb));
        q.prepare(QStringLiteral("SELECT version, CAST(config_value AS text) FROM system_config WHERE config_key = :k"));
        q.bindValue(QStringLiteral(":k"), key);
        if (!q.exec() || !q.next())
            return {-1, {}};
        return {q.value(0).toInt(), QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()};
    }

    ConfigClient::SaveOutcome save(ConfigClient &client, const ConfigDocument &base, const QJsonObject &value)
    {
        ConfigClient::SaveOutcome out;
        out.message = QStringLiteral("not started");
        bool done = false;
        if (!client.save(base, value, nullptr, [&](const ConfigClient::SaveOutcome &o) { out = o; done = true; }))
            return out;
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            out.message = QStringLiteral("no outcome within 15 s");
        return out;
    }

    ConfigClient::LoadOutcome load(ConfigClient &client, const QString &key)
    {
        ConfigClient::LoadOutcome out;
        bool done = false;
        client.load(key, nullptr, [&](const ConfigClient::LoadOutcome &o) { out = o; done = true; });
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            out.message = QStringLiteral("no answer within 15 s");
        return out;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        const QString error = m_fx.start(kDb, true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        QSqlDatabase::removeDatabase(kConn);
    }

    void documentsComeWithTheirEtag()
    {
        auto c = open(QStringLiteral("admin"), false);
        QVERIFY(c);
        for (const QString &key : {TH, PL, SD}) {
            const auto out = load(*c->client, key);
            QVERIFY2(out.ok, qPrintable(out.message));
            QCOMPARE(out.document.version, stored(key).first);
            QCOMPARE(out.document.etag, '"' + QByteArray::number(out.document.version) + '"');
            QCOMPARE(out.document.value, stored(key).second);
            QVERIFY2(ConfigSchema::validate(key, out.document.value).isEmpty(), qPrintable(key));
        }
    }

    void editEachDocumentWithPreviewAndApply()
    {
        auto c = open(QStringLiteral("admin"));
        QVERIFY(c);

        // Trading hours: close later, after-hours on.
        c->page->selectDocument(TH);
        const QJsonObject hoursBefore = stored(TH).second;
        const int hoursVersion = stored(TH).first;
        typeTime(*c, editor<QTimeEdit>(*c, TH, QStringLiteral("market_close")), QStringLiteral("17:30"));
        toggle(editor<QCheckBox>(*c, TH, QStringLiteral("after_hours_enabled")));
        ConfigPreviewDialog *d = preview(*c);
        QVERIFY(d);
        QCOMPARE(texts(d->changes()),
                 (QStringList{QStringLiteral("Market close: 16:00 → 17:30"),
                              QStringLiteral("After-hours trading enabled: No → Yes")}));
        qint64 auditId = apply(*c, hoursVersion + 1);
        QVERIFY(auditId > 0);
        AuditRow row = audit(auditId);
        QCOMPARE(row.action, QStringLiteral("CONFIG_UPDATE"));
        QCOMPARE(row.user, QStringLiteral("admin"));
        QCOMPARE(row.resourceId, TH);
        QCOMPARE(row.outcome, QStringLiteral("success"));
        QVERIFY(!row.requestId.isEmpty());
        QCOMPARE(row.details.value(QStringLiteral("old")).toObject(), hoursBefore);
        QJsonObject hoursAfter = hoursBefore;
        hoursAfter.insert(QStringLiteral("market_close"), QStringLiteral("17:30"));
        hoursAfter.insert(QStringLiteral("after_hours_enabled"), true);
        QCOMPARE(row.details.value(QStringLiteral("new")).toObject(), hoursAfter);
        QCOMPARE(stored(TH), std::make_pair(hoursVersion + 1, hoursAfter));
        QTRY_VERIFY_WITH_TIMEOUT(c->page->versionText().startsWith(QStringLiteral("Version %1 · last saved by admin").arg(hoursVersion + 1)),
                                 10000);

        // Position limits: two numbers.
        c->page->selectDocument(PL);
        const QJsonObject limitsBefore = stored(PL).second;
        const int limitsVersion = stored(PL).first;
        retype(editor<QSpinBox>(*c, PL, QStringLiteral("max_open_orders")), QStringLiteral("150"));
        retype(editor<QSpinBox>(*c, PL, QStringLiteral("max_notional_total")), QStringLiteral("2500000"));
        d = preview(*c);
        QVERIFY(d);
        QCOMPARE(texts(d->changes()),
                 (QStringList{QStringLiteral("Maximum total notional: %1 → 2500000")
                                  .arg(limitsBefore.value(QStringLiteral("max_notional_total")).toInteger()),
                              QStringLiteral("Maximum open orders: %1 → 150")
                                  .arg(limitsBefore.value(QStringLiteral("max_open_orders")).toInteger())}));
        auditId = apply(*c, limitsVersion + 1);
        QVERIFY(auditId > 0);
        row = audit(auditId);
        QCOMPARE(row.resourceId, PL);
        QCOMPARE(row.details.value(QStringLiteral("old")).toObject(), limitsBefore);
        QCOMPARE(row.details.value(QStringLiteral("new")).toObject().value(QStringLiteral("max_open_orders")).toInt(), 150);
        QCOMPARE(row.details.value(QStringLiteral("new")).toObject().value(QStringLiteral("max_notional_total")).toDouble(), 2500000.0);
        QCOMPARE(stored(PL).first, limitsVersion + 1);
        QCOMPARE(stored(PL).second.value(QStringLiteral("max_open_orders")).toInt(), 150);

        // System defaults: dry run off, a new drawdown threshold.
        c->page->selectDocument(SD);
        const QJsonObject defaultsBefore = stored(SD).second;
        const int defaultsVersion = stored(SD).first;
        QVERIFY(defaultsBefore.value(QStringLiteral("dry_run")).toBool());
        toggle(editor<QCheckBox>(*c, SD, QStringLiteral("dry_run")));
        retype(editor<QDoubleSpinBox>(*c, SD, QStringLiteral("drawdown_threshold")), QStringLiteral("0.08"));
        d = preview(*c);
        QVERIFY(d);
        QCOMPARE(texts(d->changes()),
                 (QStringList{QStringLiteral("Dry run (no real orders): Yes → No"),
                              QStringLiteral("Drawdown threshold: 0.05 → 0.08")}));
        auditId = apply(*c, defaultsVersion + 1);
        QVERIFY(auditId > 0);
        row = audit(auditId);
        QCOMPARE(row.resourceId, SD);
        QCOMPARE(row.details.value(QStringLiteral("old")).toObject(), defaultsBefore);
        QCOMPARE(row.details.value(QStringLiteral("new")).toObject().value(QStringLiteral("dry_run")).toBool(true), false);
        QCOMPARE(row.details.value(QStringLiteral("new")).toObject().value(QStringLiteral("drawdown_threshold")).toDouble(), 0.08);
        QCOMPARE(stored(SD).second.value(QStringLiteral("drawdown_threshold")).toDouble(), 0.08);
    }

    void conflictBetweenTwoConsolesIsResolvedOnTop()
    {
        auto mine = open(QStringLiteral("admin"));
        auto other = open(QStringLiteral("admin"));
        QVERIFY(mine && other);
        const int start = stored(PL).first;
        const QJsonObject startValue = stored(PL).second;
        QCOMPARE(mine->page->form(PL)->document().version, start);

        // The other console saves first.
        other->page->selectDocument(PL);
        retype(editor<QSpinBox>(*other, PL, QStringLiteral("max_position_per_symbol")), QStringLiteral("20000"));
        QVERIFY(preview(*other));
        QVERIFY(apply(*other, start + 1) > 0);

        // Mine was loaded from the older version.
        mine->page->selectDocument(PL);
        retype(editor<QSpinBox>(*mine, PL, QStringLiteral("max_open_orders")), QStringLiteral("300"));
        const int rejectedBefore = auditCount(PL, QStringLiteral("rejected"));
        ConfigPreviewDialog *d = preview(*mine);
        QVERIFY(d);
        QTest::mouseClick(d->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(mine->page->conflictDialog() && mine->page->conflictDialog()->isVisible(), 15000);
        ConfigConflictDialog *conflict = mine->page->conflictDialog();
        QCOMPARE(texts(conflict->changedMeanwhile()),
                 QStringList{QStringLiteral("Maximum position per symbol: %1 → 20000")
                                 .arg(startValue.value(QStringLiteral("max_position_per_symbol")).toInteger())});
        QCOMPARE(texts(conflict->myChanges()),
                 QStringList{QStringLiteral("Maximum open orders: %1 → 300")
                                 .arg(startValue.value(QStringLiteral("max_open_orders")).toInteger())});
        QVERIFY(conflict->headlineText().contains(QStringLiteral("admin")));
        QCOMPARE(stored(PL).first, start + 1); // nothing of mine saved
        QCOMPARE(auditCount(PL, QStringLiteral("rejected")), rejectedBefore + 1);

        QTest::mouseClick(conflict->reapplyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(mine->page->previewDialog() && mine->page->previewDialog()->isVisible(), 5000);
        QCOMPARE(texts(mine->page->previewDialog()->changes()),
                 QStringList{QStringLiteral("Maximum open orders: %1 → 300")
                                 .arg(startValue.value(QStringLiteral("max_open_orders")).toInteger())});
        const qint64 auditId = apply(*mine, start + 2);
        QVERIFY(auditId > 0);
        const auto [version, value] = stored(PL);
        QCOMPARE(version, start + 2);
        QCOMPARE(value.value(QStringLiteral("max_position_per_symbol")).toInt(), 20000); // theirs kept
        QCOMPARE(value.value(QStringLiteral("max_open_orders")).toInt(), 300);           // mine on top
        const AuditRow row = audit(auditId);
        QCOMPARE(row.details.value(QStringLiteral("old")).toObject().value(QStringLiteral("max_position_per_symbol")).toInt(), 20000);
        QCOMPARE(row.details.value(QStringLiteral("new")).toObject(), value);
        QCOMPARE(row.details.value(QStringLiteral("old_version")).toInt(), start + 1);
        QCOMPARE(row.details.value(QStringLiteral("new_version")).toInt(), start + 2);
    }

    void serverRefusesWhatTheClientWouldNotSend()
    {
        auto c = open(QStringLiteral("admin"), false);
        QVERIFY(c);
        auto loaded = load(*c->client, PL);
        QVERIFY(loaded.ok);
        const int successBefore = auditCount(PL, QStringLiteral("success"));

        // Past the form: out of range on both ends, sent as is.
        QJsonObject bad = loaded.document.value;
        bad.insert(QStringLiteral("max_position_per_symbol"), 0);
        bad.insert(QStringLiteral("max_open_orders"), 1001);
        QCOMPARE(ConfigSchema::validate(PL, bad).keys(),
                 (QStringList{QStringLiteral("max_open_orders"), QStringLiteral("max_position_per_symbol")}));
        auto out = save(*c->client, loaded.document, bad);
        QCOMPARE(int(out.kind), int(ConfigClient::SaveOutcome::Kind::Invalid));
        QCOMPARE(out.fieldErrors.keys(),
                 (QStringList{QStringLiteral("max_open_orders"), QStringLiteral("max_position_per_symbol")}));
        QVERIFY2(!out.fieldErrors.value(QStringLiteral("max_open_orders")).isEmpty(), qPrintable(out.message));

        // Market open not before close.
        auto hours = load(*c->client, TH);
        QVERIFY(hours.ok);
        QJsonObject backwards = hours.document.value;
        backwards.insert(QStringLiteral("market_open"), QStringLiteral("18:00"));
        backwards.insert(QStringLiteral("market_close"), QStringLiteral("09:00"));
        out = save(*c->client, hours.document, backwards);
        QCOMPARE(int(out.kind), int(ConfigClient::SaveOutcome::Kind::Invalid));
        QVERIFY(out.fieldErrors.contains(QStringLiteral("market_close")));

        // Nothing changed, nothing audited as a success.
        QCOMPARE(stored(PL).first, loaded.document.version);
        QCOMPARE(stored(TH).first, hours.document.version);
        QCOMPARE(auditCount(PL, QStringLiteral("success")), successBefore);

        // A stale If-Match is a conflict even when the values are good.
        ConfigDocument stale = loaded.document;
        stale.version -= 1;
        stale.etag.clear();
        out = save(*c->client, stale, loaded.document.value);
        QCOMPARE(int(out.kind), int(ConfigClient::SaveOutcome::Kind::Conflict));
        QCOMPARE(out.document.version, loaded.document.version);
    }

    void nonAdminIsReadOnlyAndRefusedByTheServer()
    {
        auto c = open(QStringLiteral("operator"));
        QVERIFY(c);
        QVERIFY(c->page->isReadOnly());
        QVERIFY(c->page->noteText().contains(QStringLiteral("config:edit")));
        QVERIFY(!c->page->previewButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(c->page->versionText().startsWith(QStringLiteral("Not loaded")), 10000);

        ConfigDocument base;
        base.key = SD;
        base.version = stored(SD).first;
        const int deniedBefore = auditCount(SD, QStringLiteral("denied"));
        const auto out = save(*c->client, base, stored(SD).second);
        QCOMPARE(int(out.kind), int(ConfigClient::SaveOutcome::Kind::Refused));
        QVERIFY2(out.message.contains(QStringLiteral("config:edit")), qPrintable(out.message));
        QCOMPARE(stored(SD).first, base.version);
        QCOMPARE(auditCount(SD, QStringLiteral("denied")), deniedBefore + 1);
    }
};

QTEST_MAIN(TestConfigE2e)
#include "tst_config_e2e.moc"
