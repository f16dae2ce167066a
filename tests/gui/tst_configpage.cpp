// Admin → Configuration driven like an operator, offscreen, against FakeHttpServer as the
// platform (through a real Session and ApiClient): typing a value and seeing exactly that change
// in the preview, applying it with If-Match, an out-of-range value that shows its message next to
// the field and sends nothing, the 412 flow with "Re-apply my changes on top", 422 messages next
// to their fields, reloading with unsaved changes, and a non-admin's read-only page.

#include "FakeHttpServer.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "config/ConfigClient.h"
#include "config/ConfigConflictDialog.h"
#include "config/ConfigForm.h"
#include "config/ConfigPage.h"
#include "config/ConfigPreviewDialog.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTimeEdit>
#include <QUuid>
#include <QtTest>

using namespace ops;
using ops::test::FakeHttpServer;

namespace {

const QString ListPath = QStringLiteral("/api/v1/config");
QString pathOf(const QString &key) { return ListPath + QLatin1Char('/') + key; }
const QString TH = QStringLiteral("trading_hours");
const QString PL = QStringLiteral("position_limits");
const QString SD = QStringLiteral("system_defaults");

const QByteArray AdminLogin = R"({"token":"tok-admin","expires_at":"2026-03-29T08:00:00Z",
    "user":{"username":"admin","role":"admin","permissions":["health:view","breaker:view","config:edit","api_keys:manage"]}})";
const QByteArray OperatorLogin = R"({"token":"tok-operator","expires_at":"2026-03-29T08:00:00Z",
    "user":{"username":"operator","role":"operator","permissions":["health:view","breaker:view","breaker:trip"]}})";

QJsonObject hours(const QString &open = QStringLiteral("09:30"), const QString &close = QStringLiteral("16:00"),
                  bool pre = false, bool after = true)
{
    return {{QStringLiteral("market_open"), open}, {QStringLiteral("market_close"), close},
            {QStringLiteral("pre_market_enabled"), pre}, {QStringLiteral("after_hours_enabled"), after}};
}

QJsonObject limits(int perSymbol = 5000, double notional = 2500000, int orders = 200)
{
    return {{QStringLiteral("max_position_per_symbol"), perSymbol},
            {QStringLiteral("max_notional_total"), notional},
            {QStringLiteral("max_open_orders"), orders}};
}

QJsonObject defaults(bool dryRun = true, bool breaker = true, double drawdown = 0.05)
{
    return {{QStringLiteral("dry_run"), dryRun}, {QStringLiteral("circuit_breaker_enabled"), breaker},
            {QStringLiteral("drawdown_threshold"), drawdown}};
}

QJsonObject doc(const QString &key, const QJsonObject &value, int version, const QString &by = QStringLiteral("alice"))
{
    return {{QStringLiteral("config_key"), key}, {QStringLiteral("config_value"), value},
            {QStringLiteral("version"), version}, {QStringLiteral("updated_by"), by},
            {QStringLiteral("updated_at"), QStringLiteral("2026-03-28T12:00:00Z")}};
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

FakeHttpServer::Response answer(int status, const QJsonObject &body, int etagVersion = -1)
{
    FakeHttpServer::Response r;
    r.status = status;
    r.body = json(body);
    if (etagVersion >= 0)
        r.extraHeaders << "ETag: \"" + QByteArray::number(etagVersion) + '"';
    return r;
}

QJsonObject sentValue(const FakeHttpServer::Request &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("config_value")).toObject();
}

QStringList texts(const QList<ConfigChange> &changes)
{
    QStringList out;
    for (const ConfigChange &c : changes)
        out << c.text();
    return out;
}

} // namespace

class TestConfigPage final : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ConfigClient> m_client;
    std::unique_ptr<ConfigPage> m_page;

    void serveVersion3()
    {
        m_server->setMethodJson("GET", ListPath,
                                json({{QStringLiteral("documents"),
                                       QJsonArray{doc(TH, hours(), 3), doc(PL, limits(), 3), doc(SD, defaults(), 3)}}}));
        m_server->setMethodResponse("GET", pathOf(TH), answer(200, doc(TH, hours(), 3), 3));
        m_server->setMethodResponse("GET", pathOf(PL), answer(200, doc(PL, limits(), 3), 3));
        m_server->setMethodResponse("GET", pathOf(SD), answer(200, doc(SD, defaults(), 3), 3));
    }

    bool open(const QByteArray &login)
    {
        m_server->setJson(QStringLiteral("/api/v1/auth/login"), login);
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("someone"), QStringLiteral("pw"), false);
        if (signedIn.count() == 0 && !signedIn.wait(10000))
            return false;
        m_page = std::make_unique<ConfigPage>(m_client.get(), m_session.get());
        m_page->resize(900, 700);
        m_page->show();
        if (!QTest::qWaitForWindowExposed(m_page.get()))
            return false;
        m_page->activateWindow();
        return QTest::qWaitForWindowActive(m_page.get());
    }

    bool openAsAdmin()
    {
        if (!open(AdminLogin))
            return false;
        return QTest::qWaitFor([&] {
            return m_page->form(TH)->hasDocument() && m_page->form(PL)->hasDocument() && m_page->form(SD)->hasDocument();
        }, 10000);
    }

    template <typename T> T *editor(const QString &key, const QString &field)
    {
        return qobject_cast<T *>(m_page->form(key)->editor(field));
    }

    // Like an operator: into the field, select what is there, type the new value.
    static void retype(QAbstractSpinBox *spin, const QString &text)
    {
        spin->setFocus(Qt::TabFocusReason);
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, text);
    }

    // Tab into a time field (that selects the hour) and type "HH:MM"; the colon moves to the minutes.
    void typeTime(QTimeEdit *edit, const QString &hh, const QString &mm)
    {
        m_page->documentBox()->setFocus(Qt::OtherFocusReason);
        edit->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(edit, hh + QLatin1Char(':') + mm);
    }

    void chooseDocument(const QString &key)
    {
        QComboBox *box = m_page->documentBox();
        box->setFocus(Qt::TabFocusReason);
        const int target = box->findData(key);
        while (box->currentIndex() < target)
            QTest::keyClick(box, Qt::Key_Down);
        while (box->currentIndex() > target)
            QTest::keyClick(box, Qt::Key_Up);
    }

    ConfigPreviewDialog *clickPreview()
    {
        QTest::mouseClick(m_page->previewButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return m_page->previewDialog() && m_page->previewDialog()->isVisible(); }, 5000))
            return nullptr;
        return m_page->previewDialog();
    }

    int putCount(const QString &key) const { return m_server->requestCount("PUT", pathOf(key)); }

private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ops-no-bus");
        QLocale::setDefault(QLocale::c());
    }

    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_server->setJson(QStringLiteral("/api/v1/auth/logout"), R"({"ok":true})");
        serveVersion3();
        ConnectionProfile p;
        p.name = QStringLiteral("gui");
        p.restBaseUrl = m_server->url(QStringLiteral("/"));
        m_api = std::make_unique<ApiClient>(p);
        m_store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-tst-configpage-")
                                                    + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_session = std::make_unique<Session>(m_api.get(), m_store.get(), p.name);
        m_client = std::make_unique<ConfigClient>(m_session.get());
    }

    void cleanup()
    {
        m_page.reset();
        m_client.reset();
        m_session.reset();
        m_store.reset();
        m_api.reset();
        m_server.reset();
    }

    void showsEveryDocumentInItsTypedForm()
    {
        QVERIFY(openAsAdmin());
        QCOMPARE(m_page->documentBox()->count(), 3);
        QCOMPARE(m_page->currentKey(), TH);
        QVERIFY(!m_page->isReadOnly());
        QCOMPARE(m_page->noteText(), QString());
        QVERIFY2(m_page->versionText().startsWith(QStringLiteral("Version 3 · last saved by alice")),
                 qPrintable(m_page->versionText()));
        QCOMPARE(m_page->unsavedText(), QString());

        auto *open = editor<QTimeEdit>(TH, QStringLiteral("market_open"));
        QVERIFY(open);
        QCOMPARE(open->displayFormat(), QStringLiteral("HH:mm"));
        QCOMPARE(open->time(), QTime(9, 30));
        QCOMPARE(editor<QTimeEdit>(TH, QStringLiteral("market_close"))->time(), QTime(16, 0));
        QVERIFY(!editor<QCheckBox>(TH, QStringLiteral("pre_market_enabled"))->isChecked());
        QVERIFY(editor<QCheckBox>(TH, QStringLiteral("after_hours_enabled"))->isChecked());
        auto *perSymbol = editor<QSpinBox>(PL, QStringLiteral("max_position_per_symbol"));
        QCOMPARE(perSymbol->minimum(), 1);
        QCOMPARE(perSymbol->maximum(), 100000);
        QCOMPARE(perSymbol->value(), 5000);
        auto *notional = editor<QSpinBox>(PL, QStringLiteral("max_notional_total")); // whole currency units
        QVERIFY(notional);
        QCOMPARE(notional->minimum(), 1000);
        QCOMPARE(notional->maximum(), 10000000);
        auto *orders = editor<QSpinBox>(PL, QStringLiteral("max_open_orders"));
        QCOMPARE(orders->minimum(), 1);
        QCOMPARE(orders->maximum(), 1000);
        auto *drawdown = editor<QDoubleSpinBox>(SD, QStringLiteral("drawdown_threshold"));
        QCOMPARE(drawdown->minimum(), 0.01);
        QCOMPARE(drawdown->maximum(), 0.5);
        QCOMPARE(drawdown->value(), 0.05);
        QVERIFY(editor<QCheckBox>(SD, QStringLiteral("dry_run"))->isChecked());

        // One request for all three documents.
        QCOMPARE(m_server->requestCount("GET", ListPath), 1);
    }

    void everyControlIsNamedAndReachableByKeyboard()
    {
        QVERIFY(openAsAdmin());
        for (const QString &key : {TH, PL, SD}) {
            ConfigForm *form = m_page->form(key);
            for (const ConfigField &f : form->spec().fields) {
                QWidget *w = form->editor(f.name);
                QVERIFY2(w && w->accessibleName() == f.label, qPrintable(f.name));
                QVERIFY2(w->focusPolicy() & Qt::TabFocus, qPrintable(f.name));
                QVERIFY(form->messageLabel(f.name));
            }
            // Labels carry mnemonics and point at their fields; no letter is used twice per page.
            QSet<QChar> letters{QLatin1Char('d'), QLatin1Char('l'), QLatin1Char('v'), QLatin1Char('c')};
            for (QLabel *label : form->findChildren<QLabel *>()) {
                if (!label->objectName().startsWith(QStringLiteral("label_")))
                    continue;
                QVERIFY2(label->buddy(), qPrintable(label->text()));
                const qsizetype amp = label->text().indexOf(QLatin1Char('&'));
                QVERIFY2(amp >= 0, qPrintable(label->text()));
                const QChar letter = label->text().at(amp + 1).toLower();
                QVERIFY2(!letters.contains(letter), qPrintable(label->text()));
                letters.insert(letter);
            }
            for (QCheckBox *box : form->findChildren<QCheckBox *>()) {
                const qsizetype amp = box->text().indexOf(QLatin1Char('&'));
                QVERIFY2(amp >= 0, qPrintable(box->text()));
                const QChar letter = box->text().at(amp + 1).toLower();
                QVERIFY2(!letters.contains(letter), qPrintable(box->text()));
                letters.insert(letter);
            }
        }
        for (QWidget *w : {static_cast<QWidget *>(m_page->documentBox()), static_cast<QWidget *>(m_page->reloadButton()),
                           static_cast<QWidget *>(m_page->previewButton()), static_cast<QWidget *>(m_page->discardButton())})
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));

        // Tab from the document list walks through every field of the shown form.
        m_page->documentBox()->setFocus(Qt::TabFocusReason);
        QSet<QWidget *> reached;
        for (int i = 0; i < 20; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            reached.insert(QApplication::focusWidget());
        }
        for (const ConfigField &f : m_page->form(TH)->spec().fields) {
            QWidget *w = m_page->form(TH)->editor(f.name);
            bool inside = false;
            for (QWidget *r : std::as_const(reached))
                inside = inside || r == w || w->isAncestorOf(r);
            QVERIFY2(inside, qPrintable(f.name));
        }
        QVERIFY(reached.contains(m_page->previewButton()));

        // Alt+V opens the preview.
        QTest::keyClick(m_page.get(), Qt::Key_V, Qt::AltModifier);
        QTRY_VERIFY(m_page->previewDialog());
        m_page->previewDialog()->reject();
        QTRY_VERIFY(!m_page->previewDialog());
    }

    void changedValueIsPreviewedExactlyAndApplied()
    {
        QVERIFY(openAsAdmin());
        chooseDocument(PL);
        QCOMPARE(m_page->currentKey(), PL);
        auto *orders = editor<QSpinBox>(PL, QStringLiteral("max_open_orders"));
        retype(orders, QStringLiteral("250"));
        QCOMPARE(orders->value(), 250);

        // Unsaved changes are marked: the list, above the form, next to the field.
        QVERIFY2(m_page->unsavedText().contains(QStringLiteral("Maximum open orders")), qPrintable(m_page->unsavedText()));
        QCOMPARE(m_page->documentBox()->currentText(), QStringLiteral("Position limits — unsaved changes"));
        QCOMPARE(m_page->documentBox()->itemText(0), QStringLiteral("Trading hours"));
        QCOMPARE(m_page->form(PL)->changeNoteFor(QStringLiteral("max_open_orders")), QStringLiteral("changed — was 200"));
        QCOMPARE(m_page->form(PL)->changeNoteFor(QStringLiteral("max_position_per_symbol")), QString());
        QCOMPARE(m_page->form(PL)->messageFor(QStringLiteral("max_open_orders")), QString());

        ConfigPreviewDialog *preview = clickPreview();
        QVERIFY(preview);
        QCOMPARE(texts(preview->changes()), QStringList{QStringLiteral("Maximum open orders: 200 → 250")});
        QCOMPARE(preview->summaryText(), QStringLiteral("Applying changes these fields of Position limits (from version 3):"));
        QCOMPARE(preview->diffView()->model()->rowCount(), 1);
        QCOMPARE(preview->diffView()->model()->index(0, 1).data().toString(), QStringLiteral("200"));
        QCOMPARE(preview->diffView()->model()->index(0, 2).data().toString(), QStringLiteral("250"));
        QVERIFY(preview->applyButton()->isEnabled());
        QVERIFY(!preview->applyButton()->isDefault() && !preview->applyButton()->autoDefault());
        QCOMPARE(putCount(PL), 0); // previewing sends nothing

        QJsonObject saved = limits(5000, 2500000, 250);
        QJsonObject ok = doc(PL, saved, 4, QStringLiteral("admin"));
        ok.insert(QStringLiteral("audit_id"), 17);
        m_server->setMethodResponse("PUT", pathOf(PL), answer(200, ok, 4));
        m_server->setMethodResponse("GET", pathOf(PL), answer(200, doc(PL, saved, 4, QStringLiteral("admin")), 4));
        QTest::mouseClick(preview->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->previewDialog(), 10000);
        QCOMPARE(m_page->outcomeText(), QStringLiteral("Saved version 4 (audit record #17)."));

        QCOMPARE(putCount(PL), 1);
        const FakeHttpServer::Request put = m_server->requests("PUT", pathOf(PL)).first();
        QCOMPARE(put.header("If-Match"), QByteArrayLiteral("\"3\""));
        QCOMPARE(sentValue(put), saved);
        // ... and the document is read again.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount("GET", pathOf(PL)), 1, 10000);
        QTRY_VERIFY(m_page->versionText().startsWith(QStringLiteral("Version 4 · last saved by admin")));
        QCOMPARE(m_page->unsavedText(), QString());
        QCOMPARE(m_page->documentBox()->currentText(), QStringLiteral("Position limits"));
        QCOMPARE(m_page->form(PL)->document().etag, QByteArrayLiteral("\"4\""));
        QCOMPARE(m_page->form(PL)->changeNoteFor(QStringLiteral("max_open_orders")), QString());
    }

    void previewWithoutChangesSaysSoAndCannotApply()
    {
        QVERIFY(openAsAdmin());
        ConfigPreviewDialog *preview = clickPreview();
        QVERIFY(preview);
        QVERIFY(preview->changes().isEmpty());
        QVERIFY2(preview->summaryText().startsWith(QStringLiteral("No changes")), qPrintable(preview->summaryText()));
        QVERIFY(!preview->applyButton()->isEnabled());
        QTest::mouseClick(preview->applyButton(), Qt::LeftButton);
        QTest::keyClick(preview, Qt::Key_Escape);
        QTRY_VERIFY(!m_page->previewDialog());
        QCOMPARE(putCount(TH), 0);
    }

    void checkBoxesAndNumbersByKeyboard()
    {
        QVERIFY(openAsAdmin());
        chooseDocument(SD);
        auto *dryRun = editor<QCheckBox>(SD, QStringLiteral("dry_run"));
        dryRun->setFocus(Qt::TabFocusReason);
        QTest::keyClick(dryRun, Qt::Key_Space);
        QVERIFY(!dryRun->isChecked());
        retype(editor<QDoubleSpinBox>(SD, QStringLiteral("drawdown_threshold")), QStringLiteral("0.125"));
        ConfigPreviewDialog *preview = clickPreview();
        QVERIFY(preview);
        QCOMPARE(texts(preview->changes()),
                 (QStringList{QStringLiteral("Dry run (no real orders): Yes → No"),
                              QStringLiteral("Drawdown threshold: 0.05 → 0.125")}));
        preview->reject();
        QTRY_VERIFY(!m_page->previewDialog());
        // Discarding puts the loaded values back.
        QTest::mouseClick(m_page->discardButton(), Qt::LeftButton);
        QVERIFY(dryRun->isChecked());
        QCOMPARE(editor<QDoubleSpinBox>(SD, QStringLiteral("drawdown_threshold"))->value(), 0.05);
        QCOMPARE(m_page->unsavedText(), QString());
    }

    void outOfRangeShowsAnInlineMessageAndSendsNothing()
    {
        QVERIFY(openAsAdmin());
        chooseDocument(PL);
        auto *perSymbol = editor<QSpinBox>(PL, QStringLiteral("max_position_per_symbol"));
        retype(perSymbol, QStringLiteral("0"));
        ConfigForm *form = m_page->form(PL);
        QCOMPARE(form->messageFor(QStringLiteral("max_position_per_symbol")), QStringLiteral("Must be between 1 and 100000."));
        QVERIFY(form->messageLabel(QStringLiteral("max_position_per_symbol"))->isVisible());
        QCOMPARE(perSymbol->accessibleDescription(), QStringLiteral("Must be between 1 and 100000."));

        QTest::mouseClick(m_page->previewButton(), Qt::LeftButton);
        QTest::qWait(50);
        QVERIFY(!m_page->previewDialog());
        QVERIFY2(m_page->outcomeText().contains(QStringLiteral("Maximum position per symbol")), qPrintable(m_page->outcomeText()));
        QCOMPARE(QApplication::focusWidget(), perSymbol); // still (or again) on the problem
        QCOMPARE(perSymbol->text(), QStringLiteral("0"));
        m_page->openPreview();
        QVERIFY(!m_page->previewDialog());

        // Leaving the field puts the previous value back, and the field says so.
        QTest::keyClick(perSymbol, Qt::Key_Tab);
        QCOMPARE(perSymbol->value(), 5000);
        QCOMPARE(form->messageFor(QStringLiteral("max_position_per_symbol")),
                 QStringLiteral("0 was not accepted (Must be between 1 and 100000.) and the field went back to 5000."));
        QVERIFY(!form->isDirty());
        // Above the maximum the spin box does not even take the key.
        auto *orders = editor<QSpinBox>(PL, QStringLiteral("max_open_orders"));
        retype(orders, QStringLiteral("1001"));
        QCOMPARE(orders->value(), 100);
        QCOMPARE(form->messageFor(QStringLiteral("max_open_orders")), QString());
        retype(orders, QStringLiteral("200")); // as loaded
        QVERIFY(!form->isDirty());
        // Typing in the field again starts afresh.
        retype(perSymbol, QStringLiteral("6000"));
        QCOMPARE(form->messageFor(QStringLiteral("max_position_per_symbol")), QString());

        // Market open not before close: both fields say so.
        chooseDocument(TH);
        typeTime(editor<QTimeEdit>(TH, QStringLiteral("market_open")), QStringLiteral("17"), QStringLiteral("00"));
        QCOMPARE(editor<QTimeEdit>(TH, QStringLiteral("market_open"))->time(), QTime(17, 0));
        QCOMPARE(m_page->form(TH)->messageFor(QStringLiteral("market_open")), QStringLiteral("Must be before market close (16:00)."));
        QCOMPARE(m_page->form(TH)->messageFor(QStringLiteral("market_close")), QStringLiteral("Must be after market open (17:00)."));
        QTest::mouseClick(m_page->previewButton(), Qt::LeftButton);
        QTest::qWait(50);
        QVERIFY(!m_page->previewDialog());
        // Correcting the close clears both messages.
        typeTime(editor<QTimeEdit>(TH, QStringLiteral("market_close")), QStringLiteral("18"), QStringLiteral("00"));
        QCOMPARE(m_page->form(TH)->messageFor(QStringLiteral("market_open")), QString());
        QCOMPARE(m_page->form(TH)->messageFor(QStringLiteral("market_close")), QString());

        QCOMPARE(putCount(PL), 0);
        QCOMPARE(putCount(TH), 0);
        QCOMPARE(m_server->requests().size(), 2); // the sign-in and the one read of all documents
    }

    void conflictShowsWhatChangedAndReappliesOnTop()
    {
        QVERIFY(openAsAdmin());
        typeTime(editor<QTimeEdit>(TH, QStringLiteral("market_open")), QStringLiteral("09"), QStringLiteral("00"));
        QCOMPARE(m_page->form(TH)->changedFields(), QStringList{QStringLiteral("market_open")});

        // Meanwhile bob saved version 5: close 17:00 and pre-market on.
        const QJsonObject theirs = hours(QStringLiteral("09:30"), QStringLiteral("17:00"), true, true);
        m_server->setMethodResponse("PUT", pathOf(TH),
                                    answer(412, {{QStringLiteral("error"), QStringLiteral("version_conflict")},
                                                 {QStringLiteral("current"), doc(TH, theirs, 5, QStringLiteral("bob"))}},
                                           5));
        ConfigPreviewDialog *preview = clickPreview();
        QVERIFY(preview);
        QCOMPARE(texts(preview->changes()), QStringList{QStringLiteral("Market open: 09:30 → 09:00")});
        QTest::mouseClick(preview->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->conflictDialog() && m_page->conflictDialog()->isVisible(), 10000);
        QVERIFY(!m_page->previewDialog());
        ConfigConflictDialog *conflict = m_page->conflictDialog();
        QCOMPARE(texts(conflict->changedMeanwhile()),
                 (QStringList{QStringLiteral("Market close: 16:00 → 17:00"),
                              QStringLiteral("Pre-market trading enabled: No → Yes")}));
        QCOMPARE(texts(conflict->myChanges()), QStringList{QStringLiteral("Market open: 09:30 → 09:00")});
        QVERIFY(conflict->changedByBoth().isEmpty());
        QVERIFY2(conflict->headlineText().contains(QStringLiteral("bob")) && conflict->headlineText().contains(QStringLiteral("version 5")),
                 qPrintable(conflict->headlineText()));
        QCOMPARE(conflict->meanwhileView()->model()->rowCount(), 2);
        QCOMPARE(putCount(TH), 1);

        // Re-apply: my change over version 5, previewed again from version 5.
        const QJsonObject merged = hours(QStringLiteral("09:00"), QStringLiteral("17:00"), true, true);
        QJsonObject ok = doc(TH, merged, 6, QStringLiteral("admin"));
        ok.insert(QStringLiteral("audit_id"), 21);
        m_server->setMethodResponse("PUT", pathOf(TH), answer(200, ok, 6));
        m_server->setMethodResponse("GET", pathOf(TH), answer(200, doc(TH, merged, 6, QStringLiteral("admin")), 6));
        QTest::mouseClick(conflict->reapplyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->previewDialog() && m_page->previewDialog()->isVisible(), 5000);
        QVERIFY(!m_page->conflictDialog());
        preview = m_page->previewDialog();
        QCOMPARE(texts(preview->changes()), QStringList{QStringLiteral("Market open: 09:30 → 09:00")});
        QVERIFY2(preview->summaryText().contains(QStringLiteral("version 5")), qPrintable(preview->summaryText()));
        QCOMPARE(m_page->form(TH)->document().version, 5);
        QCOMPARE(editor<QTimeEdit>(TH, QStringLiteral("market_close"))->time(), QTime(17, 0));
        QVERIFY(editor<QCheckBox>(TH, QStringLiteral("pre_market_enabled"))->isChecked());

        QTest::mouseClick(preview->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->previewDialog(), 10000);
        QCOMPARE(m_page->outcomeText(), QStringLiteral("Saved version 6 (audit record #21)."));
        QCOMPARE(putCount(TH), 2);
        const FakeHttpServer::Request second = m_server->requests("PUT", pathOf(TH)).last();
        QCOMPARE(second.header("If-Match"), QByteArrayLiteral("\"5\""));
        QCOMPARE(sentValue(second), merged);
        QTRY_VERIFY(m_page->versionText().startsWith(QStringLiteral("Version 6")));
    }

    void conflictCanDiscardMyChanges()
    {
        QVERIFY(openAsAdmin());
        chooseDocument(SD);
        auto *breaker = editor<QCheckBox>(SD, QStringLiteral("circuit_breaker_enabled"));
        breaker->setFocus(Qt::TabFocusReason);
        QTest::keyClick(breaker, Qt::Key_Space);
        const QJsonObject theirs = defaults(true, false, 0.1); // they switched it off too, and the threshold
        m_server->setMethodResponse("PUT", pathOf(SD),
                                    answer(412, {{QStringLiteral("error"), QStringLiteral("version_conflict")},
                                                 {QStringLiteral("current"), doc(SD, theirs, 8, QStringLiteral("carol"))}},
                                           8));
        ConfigPreviewDialog *preview = clickPreview();
        QVERIFY(preview);
        QTest::mouseClick(preview->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->conflictDialog() && m_page->conflictDialog()->isVisible(), 10000);
        ConfigConflictDialog *conflict = m_page->conflictDialog();
        QCOMPARE(conflict->changedByBoth(), QStringList{QStringLiteral("Circuit breaker enabled")});
        QTest::mouseClick(conflict->discardButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_page->conflictDialog());
        QVERIFY(!m_page->previewDialog());
        QCOMPARE(m_page->form(SD)->document().version, 8);
        QVERIFY(!m_page->form(SD)->isDirty());
        QVERIFY(!breaker->isChecked());
        QCOMPARE(editor<QDoubleSpinBox>(SD, QStringLiteral("drawdown_threshold"))->value(), 0.1);
        QVERIFY2(m_page->outcomeText().contains(QStringLiteral("version 8")), qPrintable(m_page->outcomeText()));
        QCOMPARE(putCount(SD), 1);
    }

    void serverFieldErrorsAppearNextToTheirFields()
    {
        QVERIFY(openAsAdmin());
        chooseDocument(SD);
        auto *drawdown = editor<QDoubleSpinBox>(SD, QStringLiteral("drawdown_threshold"));
        retype(drawdown, QStringLiteral("0.3"));
        m_server->setMethodJson("PUT", pathOf(SD),
                                json({{QStringLiteral("error"), QStringLiteral("validation_failed")},
                                      {QStringLiteral("fields"),
                                       QJsonObject{{QStringLiteral("drawdown_threshold"), QStringLiteral("Must be at most 0.25 on this account")},
                                                   {QStringLiteral("legacy_flag"), QStringLiteral("Unknown field")}}}}),
                                422);
        ConfigPreviewDialog *preview = clickPreview();
        QVERIFY(preview);
        QTest::mouseClick(preview->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->previewDialog(), 10000);
        ConfigForm *form = m_page->form(SD);
        QCOMPARE(form->messageFor(QStringLiteral("drawdown_threshold")), QStringLiteral("Server: Must be at most 0.25 on this account"));
        QVERIFY(form->messageLabel(QStringLiteral("drawdown_threshold"))->isVisible());
        QCOMPARE(form->messageFor(QStringLiteral("dry_run")), QString());
        QVERIFY2(form->otherServerErrors().contains(QStringLiteral("legacy_flag: Unknown field")), qPrintable(form->otherServerErrors()));
        QVERIFY2(m_page->outcomeText().contains(QStringLiteral("next to the fields")), qPrintable(m_page->outcomeText()));
        QTRY_COMPARE(m_page->focusWidget(), drawdown);
        QVERIFY(form->isDirty()); // the values stay for correcting

        // Editing the field answers its message.
        retype(drawdown, QStringLiteral("0.2"));
        QCOMPARE(form->messageFor(QStringLiteral("drawdown_threshold")), QString());
    }

    void aFailedSaveKeepsThePreviewOpenToTryAgain()
    {
        QVERIFY(openAsAdmin());
        typeTime(editor<QTimeEdit>(TH, QStringLiteral("market_close")), QStringLiteral("17"), QStringLiteral("30"));
        m_server->setMethodJson("PUT", pathOf(TH), R"({"error":"update_failed"})", 500);
        ConfigPreviewDialog *preview = clickPreview();
        QVERIFY(preview);
        QTest::mouseClick(preview->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!preview->messageText().isEmpty(), 10000);
        QVERIFY(m_page->previewDialog());
        QVERIFY2(preview->messageText().contains(QStringLiteral("500")), qPrintable(preview->messageText()));
        QVERIFY(preview->applyButton()->isEnabled());
        QCOMPARE(putCount(TH), 1);
        preview->reject();
        QTRY_VERIFY(!m_page->previewDialog());
        QVERIFY(m_page->form(TH)->isDirty());
    }

    void reloadAsksBeforeDroppingUnsavedChanges()
    {
        QVERIFY(openAsAdmin());
        retype(editor<QSpinBox>(PL, QStringLiteral("max_open_orders")), QStringLiteral("300")); // another document
        chooseDocument(PL);
        QVERIFY(m_page->form(PL)->isDirty());
        QTest::mouseClick(m_page->reloadButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->reloadQuestion() && m_page->reloadQuestion()->isVisible());
        QMessageBox *box = m_page->reloadQuestion();
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("keepEditing")), Qt::LeftButton);
        QTRY_VERIFY(!m_page->reloadQuestion());
        QVERIFY(m_page->form(PL)->isDirty());
        QCOMPARE(m_server->requestCount("GET", pathOf(PL)), 0);

        m_server->setMethodResponse("GET", pathOf(PL), answer(200, doc(PL, limits(6000), 4, QStringLiteral("dave")), 4));
        QTest::mouseClick(m_page->reloadButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->reloadQuestion() && m_page->reloadQuestion()->isVisible());
        QTest::mouseClick(m_page->reloadQuestion()->findChild<QPushButton *>(QStringLiteral("discardAndReload")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_page->form(PL)->document().version, 4, 10000);
        QVERIFY(!m_page->form(PL)->isDirty());
        QCOMPARE(editor<QSpinBox>(PL, QStringLiteral("max_position_per_symbol"))->value(), 6000);
        QCOMPARE(editor<QSpinBox>(PL, QStringLiteral("max_open_orders"))->value(), 200);
        // Without unsaved changes, Reload just reads.
        QTest::mouseClick(m_page->reloadButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount("GET", pathOf(PL)), 2, 10000);
        QVERIFY(!m_page->reloadQuestion());
    }

    void nonAdminSeesTheConfigurationReadOnly()
    {
        // This server lets everyone read, so the values show; changing them is another matter.
        QVERIFY(open(OperatorLogin));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->form(TH)->hasDocument(), 10000);
        QVERIFY(m_page->isReadOnly());
        QVERIFY2(m_page->noteText().contains(QStringLiteral("config:edit")) && m_page->noteText().contains(QStringLiteral("operator")),
                 qPrintable(m_page->noteText()));
        QVERIFY(!m_page->previewButton()->isEnabled());
        QVERIFY(!m_page->discardButton()->isEnabled());
        QVERIFY(m_page->previewButton()->toolTip().contains(QStringLiteral("config:edit")));
        auto *open = editor<QTimeEdit>(TH, QStringLiteral("market_open"));
        QVERIFY(open->isReadOnly());
        QVERIFY(!editor<QCheckBox>(TH, QStringLiteral("pre_market_enabled"))->isEnabled());
        QVERIFY(editor<QSpinBox>(PL, QStringLiteral("max_open_orders"))->isReadOnly());
        typeTime(open, QStringLiteral("11"), QStringLiteral("00"));
        QCOMPARE(open->time(), QTime(9, 30));
        QVERIFY(!m_page->form(TH)->isDirty());
        m_page->openPreview();
        QVERIFY(!m_page->previewDialog());
        QVERIFY2(m_page->outcomeText().contains(QStringLiteral("config:edit")), qPrintable(m_page->outcomeText()));
        QCOMPARE(putCount(TH), 0);
    }

    void nonAdminRefusedEvenReadingIsToldWhy()
    {
        m_server->setMethodJson("GET", ListPath, R"({"error":"permission_denied","permission":"config:edit"})", 403);
        QVERIFY(open(OperatorLogin));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->versionText().startsWith(QStringLiteral("Not loaded")), 10000);
        QVERIFY2(m_page->versionText().contains(QStringLiteral("config:edit")), qPrintable(m_page->versionText()));
        QVERIFY(m_page->noteText().contains(QStringLiteral("config:edit")));
        QVERIFY(!m_page->form(TH)->isEnabled());
        QVERIFY(!m_page->previewButton()->isEnabled());
    }
};

QTEST_MAIN(TestConfigPage)
#include "tst_configpage.moc"
