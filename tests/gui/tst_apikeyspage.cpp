// Admin → API keys driven like an operator, offscreen, against FakeHttpServer as the platform
// (through a real Session and ApiClient) on a MockClock: New key → type a name, tick a scope,
// Create → the secret shown once in a dialog that will not close unticked; a 422 lands next to
// the name with everything typed kept; Rotate says until when the old key keeps working (24 h
// ahead) and then shows the new secret; Revoke needs a reason and the key's name typed; a
// non-admin sees every action disabled with the permission named; the filter narrows the rows and
// a click on a header sorts.

#include "FakeHttpServer.h"
#include "MockClock.h"
#include "api/ApiClient.h"
#include "apikeys/ApiKeyClient.h"
#include "apikeys/ApiKeyModel.h"
#include "apikeys/ApiKeysPage.h"
#include "apikeys/CreateApiKeyDialog.h"
#include "apikeys/SecretDialog.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "breaker/ConfirmActionDialog.h"
#include "core/TimeText.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTimeEdit>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTimeZone>
#include <QUuid>
#include <QWindow>
#include <QtTest>

#include <memory>

using namespace ops;
using ops::test::FakeHttpServer;
using ops::test::MockClock;

namespace {

const QString LoginPath = QStringLiteral("/api/v1/auth/login");
const QString KeysPath = QStringLiteral("/api/v1/admin/api-keys");

const QByteArray LoginAdmin = R"({"token":"tok-admin","expires_at":"2026-03-29T08:00:00Z",
    "user":{"username":"admin","role":"admin","permissions":["health:view","api_keys:manage","config:edit"]}})";
const QByteArray LoginOperator = R"({"token":"tok-operator","expires_at":"2026-03-29T08:00:00Z",
    "user":{"username":"operator","role":"operator","permissions":["health:view","breaker:trip","breaker:reset"]}})";

const QString NewSecret = QStringLiteral("tp_test_n3wk3y01.q2VZ3b4nO1c9wXyT7uYhLkJm0pQrStUvWxYz0123456");
const QString RotatedSecret = QStringLiteral("tp_test_r0tat3d1.AAAAbbbbCCCCddddEEEEffffGGGGhhhhIIIIjjjjKKK");
const QString Reason = QStringLiteral("Leaked in a CI log of the batch job");

// The mock clock starts at 2026-03-29 00:30:00 UTC.
QJsonObject keyObject(int id, const QString &name, const QString &prefix, const QString &createdAt,
                      const QJsonObject &extra = {})
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("prefix"), prefix},
                  {QStringLiteral("scopes"), QJsonArray{QStringLiteral("read_positions")}},
                  {QStringLiteral("created_at"), createdAt},
                  {QStringLiteral("created_by"), QStringLiteral("admin")},
                  {QStringLiteral("expires_at"), QJsonValue()},
                  {QStringLiteral("last_used_at"), QJsonValue()},
                  {QStringLiteral("revoked_at"), QJsonValue()},
                  {QStringLiteral("revoked_by"), QJsonValue()},
                  {QStringLiteral("revoke_reason"), QJsonValue()},
                  {QStringLiteral("rotated_from"), QJsonValue()},
                  {QStringLiteral("grace_expires_at"), QJsonValue()},
                  {QStringLiteral("status"), QStringLiteral("active")}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// 7 active (middle), 8 expiring (newest), 9 revoked (oldest).
QJsonObject key7() { return keyObject(7, QStringLiteral("reconciliation-batch"), QStringLiteral("tp_test_aaaa1111"), QStringLiteral("2026-03-28T09:00:00Z")); }
QJsonObject key8()
{
    return keyObject(8, QStringLiteral("monitoring"), QStringLiteral("tp_test_bbbb2222"), QStringLiteral("2026-03-29T00:05:00Z"),
                     {{QStringLiteral("grace_expires_at"), QStringLiteral("2026-03-29T12:30:00Z")},
                      {QStringLiteral("status"), QStringLiteral("expiring")}});
}
QJsonObject key9()
{
    return keyObject(9, QStringLiteral("Alpha export"), QStringLiteral("tp_test_cccc3333"), QStringLiteral("2026-03-20T08:00:00Z"),
                     {{QStringLiteral("revoked_at"), QStringLiteral("2026-03-21T08:00:00Z")},
                      {QStringLiteral("revoked_by"), QStringLiteral("admin")},
                      {QStringLiteral("revoke_reason"), QStringLiteral("Export job retired, key no longer needed")},
                      {QStringLiteral("status"), QStringLiteral("revoked")}});
}

QByteArray listJson(const QJsonArray &keys)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson(QJsonDocument::Compact);
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void clickCheckBox(QCheckBox *box)
{
    QStyleOptionButton opt;
    opt.initFrom(box);
    opt.text = box->text();
    const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &opt, box);
    QTest::mouseClick(box, Qt::LeftButton, Qt::NoModifier, indicator.center());
}

// A real double click through the window system (the widget overload sends no press/release).
void doubleClick(QWidget *w)
{
    QWindow *window = w->window()->windowHandle();
    QTest::mouseDClick(window, Qt::LeftButton, Qt::NoModifier, window->mapFromGlobal(w->mapToGlobal(w->rect().center())));
}

void typeInto(QWidget *w, const QString &text)
{
    w->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(w, text);
}

QList<qint64> proxyIds(const QAbstractItemModel *proxy)
{
    QList<qint64> ids;
    for (int row = 0; row < proxy->rowCount(); ++row)
        ids << proxy->index(row, 0).data(ApiKeyModel::KeyIdRole).toLongLong();
    return ids;
}

} // namespace

class TestApiKeysPage final : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<ApiKeyClient> m_client;
    std::unique_ptr<ApiKeysPage> m_page;

    // Page shown, signed in with this login answer; for an admin the list has been read.
    bool open(const QByteArray &login)
    {
        m_server->setJson(LoginPath, login);
        m_client = std::make_unique<ApiKeyClient>(m_session.get(), *m_clock);
        m_page = std::make_unique<ApiKeysPage>(m_client.get(), m_session.get(), *m_clock);
        m_page->resize(1200, 600);
        m_page->show();
        if (!QTest::qWaitForWindowExposed(m_page.get()))
            return false;
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("someone"), QStringLiteral("pw"), false);
        if (!signedIn.wait(10000))
            return false;
        if (login == LoginAdmin && !QTest::qWaitFor([&] { return m_page->proxy()->rowCount() == 3; }, 10000))
            return false;
        return true;
    }

    // Clicks the row of this key in the table like an operator.
    bool clickKey(qint64 id)
    {
        QTableView *table = m_page->table();
        for (int row = 0; row < m_page->proxy()->rowCount(); ++row) {
            const QModelIndex index = m_page->proxy()->index(row, ApiKeyModel::Name);
            if (index.data(ApiKeyModel::KeyIdRole).toLongLong() == id) {
                QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
                const QModelIndexList selected = table->selectionModel()->selectedRows();
                return selected.size() == 1 && selected.first().data(ApiKeyModel::KeyIdRole).toLongLong() == id;
            }
        }
        return false;
    }

    void clickHeader(int section)
    {
        QHeaderView *header = m_page->table()->horizontalHeader();
        const int x = header->sectionViewportPosition(section) + header->sectionSize(section) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    }

    CreateApiKeyDialog *waitCreateDialog()
    {
        if (!QTest::qWaitFor([&] { return m_page->createDialog() && m_page->createDialog()->isVisible(); }, 5000))
            return nullptr;
        return m_page->createDialog();
    }

    SecretDialog *waitSecretDialog()
    {
        if (!QTest::qWaitFor([&] { return m_page->secretDialog() && m_page->secretDialog()->isVisible(); }, 5000))
            return nullptr;
        return m_page->secretDialog();
    }

    bool closeSecretDialog(SecretDialog *d)
    {
        QPointer<SecretDialog> guard(d);
        clickCheckBox(d->copiedBox());
        QTest::mouseClick(d->closeButton(), Qt::LeftButton);
        return QTest::qWaitFor([&] { return !guard || !guard->isVisible(); }, 5000) && !m_page->secretDialog();
    }

    qsizetype gets() const { return m_server->requests("GET", KeysPath).size(); }

private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ops-no-bus");
    }

    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_server->setMethodJson("GET", KeysPath, listJson({key7(), key8(), key9()}));
        ConnectionProfile p;
        p.name = QStringLiteral("gui");
        p.restBaseUrl = m_server->url(QStringLiteral("/"));
        m_api = std::make_unique<ApiClient>(p);
        m_store = std::make_unique<CredentialStore>(QStringLiteral("ops-console-tst-apikeyspage-")
                                                    + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_session = std::make_unique<Session>(m_api.get(), m_store.get(), p.name);
        m_clock = std::make_unique<MockClock>();
    }

    void cleanup()
    {
        m_page.reset();
        m_client.reset();
        m_session.reset();
        m_store.reset();
        m_api.reset();
        m_server.reset();
        m_clock.reset();
        QApplication::clipboard()->clear();
    }

    // ------------------------------------------------------------------ table

    void tableShowsTheKeysNewestFirst()
    {
        QVERIFY(open(LoginAdmin));
        QCOMPARE(proxyIds(m_page->proxy()), (QList<qint64>{8, 7, 9}));
        const QAbstractItemModel *m = m_page->table()->model();
        QCOMPARE(m->index(0, ApiKeyModel::Status).data().toString(), QStringLiteral("Expiring — 12 h 0 min left"));
        QCOMPARE(m->index(1, ApiKeyModel::Status).data().toString(), QStringLiteral("Active"));
        QCOMPARE(m->index(2, ApiKeyModel::Status).data().toString(), QStringLiteral("Revoked"));
        QCOMPARE(m->index(1, ApiKeyModel::Prefix).data().toString(), QStringLiteral("tp_test_aaaa1111"));
        QVERIFY(m_page->createButton()->isEnabled());
        QVERIFY(!m_page->rotateButton()->isEnabled()); // nothing selected
        QVERIFY(!m_page->revokeButton()->isEnabled());
        QCOMPARE(m_page->rotateButton()->toolTip(), QStringLiteral("Select an active key first."));
        auto *note = m_page->findChild<QLabel *>(QStringLiteral("permissionNote"));
        QVERIFY(note && note->isHidden());
    }

    void filterNarrowsTheRows()
    {
        QVERIFY(open(LoginAdmin));
        typeInto(m_page->filterEdit(), QStringLiteral("monit"));
        QCOMPARE(proxyIds(m_page->proxy()), (QList<qint64>{8}));
        QTest::keyClick(m_page->filterEdit(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(m_page->filterEdit(), Qt::Key_Backspace);
        QCOMPARE(m_page->proxy()->rowCount(), 3);
        typeInto(m_page->filterEdit(), QStringLiteral("AAAA11")); // prefix, any case
        QCOMPARE(proxyIds(m_page->proxy()), (QList<qint64>{7}));
        m_page->filterEdit()->clear();
        typeInto(m_page->filterEdit(), QStringLiteral("  revoked "));
        QCOMPARE(proxyIds(m_page->proxy()), (QList<qint64>{9}));
        m_page->filterEdit()->clear();
        typeInto(m_page->filterEdit(), QStringLiteral("nothing-like-this"));
        QCOMPARE(m_page->proxy()->rowCount(), 0);
        m_page->filterEdit()->clear();
        QCOMPARE(m_page->proxy()->rowCount(), 3);
    }

    void clickingAHeaderSorts()
    {
        QVERIFY(open(LoginAdmin));
        QHeaderView *header = m_page->table()->horizontalHeader();
        clickHeader(ApiKeyModel::Name);
        QCOMPARE(header->sortIndicatorSection(), int(ApiKeyModel::Name));
        QCOMPARE(proxyIds(m_page->proxy()), (QList<qint64>{9, 8, 7})); // Alpha, monitoring, reconciliation
        clickHeader(ApiKeyModel::Name);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(proxyIds(m_page->proxy()), (QList<qint64>{7, 8, 9}));
        clickHeader(ApiKeyModel::Status);
        QCOMPARE(header->sortIndicatorSection(), int(ApiKeyModel::Status));
        QCOMPARE(proxyIds(m_page->proxy()), (QList<qint64>{7, 8, 9})); // Active, Expiring, Revoked
        clickHeader(ApiKeyModel::Status);
        QCOMPARE(proxyIds(m_page->proxy()), (QList<qint64>{9, 8, 7}));
        clickHeader(ApiKeyModel::Created);
        QCOMPARE(proxyIds(m_page->proxy()), (QList<qint64>{9, 7, 8})); // oldest first
        clickHeader(ApiKeyModel::Created);
        QCOMPARE(proxyIds(m_page->proxy()), (QList<qint64>{8, 7, 9}));
    }

    // ------------------------------------------------------------------ create

    void createShowsTheSecretOnceAndTheDialogWillNotCloseUnticked()
    {
        QVERIFY(open(LoginAdmin));
        const QJsonObject created = keyObject(10, QStringLiteral("recon-batch"), QStringLiteral("tp_test_n3wk3y01"),
                                              QStringLiteral("2026-03-29T00:30:00Z"));
        FakeHttpServer::Response answer;
        answer.status = 201;
        answer.delayMs = 150;
        answer.body = json({{QStringLiteral("key"), created}, {QStringLiteral("secret"), NewSecret}, {QStringLiteral("audit_id"), 51}});
        m_server->setMethodResponse("POST", KeysPath, answer);

        QTest::mouseClick(m_page->createButton(), Qt::LeftButton);
        CreateApiKeyDialog *d = waitCreateDialog();
        QVERIFY(d);
        QVERIFY(!m_page->createButton()->isEnabled()); // one dialog at a time
        QVERIFY(!d->createButton()->isEnabled());
        QCOMPARE(d->fieldError(QStringLiteral("name")), QString()); // nothing typed, nothing to complain about
        QCOMPARE(d->fieldError(QStringLiteral("scopes")), QStringLiteral("Choose at least one scope."));

        typeInto(d->nameEdit(), QStringLiteral("re"));
        QCOMPARE(d->fieldError(QStringLiteral("name")), QStringLiteral("Name must be 3–50 characters."));
        typeInto(d->nameEdit(), QStringLiteral("con-batch"));
        QCOMPARE(d->fieldError(QStringLiteral("name")), QString());
        QVERIFY(!d->createButton()->isEnabled()); // still no scope
        clickCheckBox(d->scopeBox(QStringLiteral("read_positions")));
        QCOMPARE(d->fieldError(QStringLiteral("scopes")), QString());
        QVERIFY(d->createButton()->isEnabled());

        m_server->setMethodJson("GET", KeysPath, listJson({created, key8(), key7(), key9()}));
        doubleClick(d->createButton()); // one request, however eager the operator
        SecretDialog *s = waitSecretDialog();
        QVERIFY(s);
        QCOMPARE(m_server->requests("POST", KeysPath).size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(m_server->requests("POST", KeysPath).first().body).object();
        QCOMPARE(body.value(QStringLiteral("name")).toString(), QStringLiteral("recon-batch"));
        QCOMPARE(body.value(QStringLiteral("scopes")).toArray(), QJsonArray{QStringLiteral("read_positions")});
        QVERIFY(!body.contains(QStringLiteral("expires_at")));

        QTRY_VERIFY(!m_page->createDialog());
        QCOMPARE(s->secretField()->text(), NewSecret);
        QVERIFY(s->secretField()->isReadOnly());
        QVERIFY(s->windowTitle().contains(QStringLiteral("recon-batch")));
        QVERIFY2(m_page->messageText().contains(QStringLiteral("Audit record #51")), qPrintable(m_page->messageText()));
        QVERIFY(!m_page->messageText().contains(NewSecret));

        // Cannot be closed unticked.
        s->activateWindow();
        QTest::keyClick(s, Qt::Key_Escape);
        QVERIFY(s->isVisible());
        QVERIFY(!s->closeButton()->isEnabled());
        QTest::mouseClick(s->closeButton(), Qt::LeftButton);
        QVERIFY(s->isVisible());
        QVERIFY(!s->close());
        QVERIFY(s->isVisible());
        QVERIFY(!m_page->createButton()->isEnabled());

        QTRY_COMPARE(m_page->proxy()->rowCount(), 4); // read again after the create
        QVERIFY(closeSecretDialog(s));
        QVERIFY(m_page->createButton()->isEnabled());
    }

    void serverRefusalShowsNextToTheNameAndKeepsWhatWasTyped()
    {
        QVERIFY(open(LoginAdmin));
        m_server->setMethodJson(
            "POST", KeysPath,
            R"({"error":"validation_failed","fields":{"name":"Name must not contain control characters"}})", 422);
        QTest::mouseClick(m_page->createButton(), Qt::LeftButton);
        CreateApiKeyDialog *d = waitCreateDialog();
        QVERIFY(d);
        typeInto(d->nameEdit(), QStringLiteral("nightly-recon"));
        clickCheckBox(d->scopeBox(QStringLiteral("read_orders")));
        clickCheckBox(d->scopeBox(QStringLiteral("read_positions")));
        QTest::mouseClick(d->createButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(d->fieldError(QStringLiteral("name")), QStringLiteral("Name must not contain control characters"), 5000);

        QVERIFY(d->isVisible());
        QCOMPARE(m_page->secretDialog(), nullptr);
        QCOMPARE(d->nameEdit()->text(), QStringLiteral("nightly-recon"));
        QVERIFY(!d->nameEdit()->isReadOnly());
        QVERIFY(d->scopeBox(QStringLiteral("read_orders"))->isChecked());
        QVERIFY(d->scopeBox(QStringLiteral("read_positions"))->isChecked());
        QVERIFY(!d->scopeBox(QStringLiteral("write_orders"))->isChecked());
        QVERIFY(d->createButton()->isEnabled()); // another try is possible
        QCOMPARE(d->fieldError(QStringLiteral("form")),
                 QStringLiteral("The server did not accept the values: validation_failed"));
        auto *nameError = d->findChild<QLabel *>(QStringLiteral("error_name"));
        QVERIFY(nameError && nameError->isVisible());

        // Editing the name takes the server's complaint away.
        typeInto(d->nameEdit(), QStringLiteral("-2"));
        QCOMPARE(d->fieldError(QStringLiteral("name")), QString());
        QCOMPARE(d->nameEdit()->text(), QStringLiteral("nightly-recon-2"));
        QCOMPARE(m_server->requests("POST", KeysPath).size(), 1);
    }

    void expiryIsCheckedAndSentInUtc()
    {
        QVERIFY(open(LoginAdmin));
        const QJsonObject created = keyObject(10, QStringLiteral("quarterly-audit"), QStringLiteral("tp_test_n3wk3y01"),
                                              QStringLiteral("2026-03-29T00:30:00Z"));
        m_server->setMethodResponse("POST", KeysPath,
                                    FakeHttpServer::Response{201, "application/json",
                                                             json({{QStringLiteral("key"), created},
                                                                   {QStringLiteral("secret"), NewSecret},
                                                                   {QStringLiteral("audit_id"), 54}}),
                                                             0, FakeHttpServer::Mode::Normal, {}});
        QTest::mouseClick(m_page->createButton(), Qt::LeftButton);
        CreateApiKeyDialog *d = waitCreateDialog();
        QVERIFY(d);
        typeInto(d->nameEdit(), QStringLiteral("quarterly-audit"));
        clickCheckBox(d->scopeBox(QStringLiteral("read_orders")));
        QVERIFY(!d->expiryEdit()->isEnabled());
        clickCheckBox(d->expiresBox());
        QVERIFY(d->expiryEdit()->isEnabled());
        // The proposed expiry is 90 days ahead of the console's clock.
        QCOMPARE(d->expiresAt(), m_clock->nowUtc().addDays(90));
        QVERIFY(d->createButton()->isEnabled());

        d->expiryEdit()->setDateTime(m_clock->nowUtc().addSecs(-3600).toLocalTime()); // the past
        QCOMPARE(d->fieldError(QStringLiteral("expires_at")), QStringLiteral("Expiry must be in the future."));
        QVERIFY(!d->createButton()->isEnabled());
        const QDateTime chosen(QDate(2026, 6, 30), QTime(17, 45), QTimeZone::systemTimeZone());
        d->expiryEdit()->setDateTime(chosen);
        QCOMPARE(d->fieldError(QStringLiteral("expires_at")), QString());
        QVERIFY(d->createButton()->isEnabled());

        QTest::mouseClick(d->createButton(), Qt::LeftButton);
        SecretDialog *s = waitSecretDialog();
        QVERIFY(s);
        const QJsonObject body = QJsonDocument::fromJson(m_server->requests("POST", KeysPath).first().body).object();
        QCOMPARE(body.value(QStringLiteral("expires_at")).toString(),
                 chosen.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) + QLatin1Char('Z'));
        QVERIFY(body.value(QStringLiteral("expires_at")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(closeSecretDialog(s));
    }

    // The key exists on the server once the request went: its secret must reach the operator even
    // if they press Escape while waiting (the answer is the only place the secret ever exists).
    void escapeWhileCreatingDoesNotLoseTheSecret()
    {
        QVERIFY(open(LoginAdmin));
        const QJsonObject created = keyObject(10, QStringLiteral("recon-batch"), QStringLiteral("tp_test_n3wk3y01"),
                                              QStringLiteral("2026-03-29T00:30:00Z"));
        m_server->setMethodResponse("POST", KeysPath,
                                    FakeHttpServer::Response{201, "application/json",
                                                             json({{QStringLiteral("key"), created},
                                                                   {QStringLiteral("secret"), NewSecret},
                                                                   {QStringLiteral("audit_id"), 55}}),
                                                             600, FakeHttpServer::Mode::Normal, {}});
        QTest::mouseClick(m_page->createButton(), Qt::LeftButton);
        CreateApiKeyDialog *d = waitCreateDialog();
        QVERIFY(d);
        typeInto(d->nameEdit(), QStringLiteral("recon-batch"));
        clickCheckBox(d->scopeBox(QStringLiteral("read_positions")));
        QTest::mouseClick(d->createButton(), Qt::LeftButton);
        QTRY_COMPARE(m_server->requests("POST", KeysPath).size(), 1);
        QTest::keyClick(d, Qt::Key_Escape);
        QVERIFY2(QTest::qWaitFor([&] { return m_page->secretDialog() && m_page->secretDialog()->isVisible(); }, 3000),
                 "the key was created on the server, but its secret was never shown");
        QCOMPARE(m_page->secretDialog()->secretField()->text(), NewSecret);
        QVERIFY(closeSecretDialog(m_page->secretDialog()));
    }

    void escapeWhileRotatingDoesNotLoseTheSecret()
    {
        QVERIFY(open(LoginAdmin));
        QVERIFY(clickKey(7));
        QJsonObject newKey = keyObject(11, QStringLiteral("reconciliation-batch"), QStringLiteral("tp_test_r0tat3d1"),
                                       QStringLiteral("2026-03-29T00:30:00Z"), {{QStringLiteral("rotated_from"), 7}});
        QJsonObject oldKey = key7();
        oldKey.insert(QStringLiteral("grace_expires_at"), QStringLiteral("2026-03-30T00:30:00Z"));
        m_server->setMethodResponse("POST", QStringLiteral("/api/v1/admin/api-keys/7/rotate"),
                                    FakeHttpServer::Response{201, "application/json",
                                                             json({{QStringLiteral("key"), newKey},
                                                                   {QStringLiteral("secret"), RotatedSecret},
                                                                   {QStringLiteral("old_key"), oldKey},
                                                                   {QStringLiteral("audit_id"), 56}}),
                                                             600, FakeHttpServer::Mode::Normal, {}});
        QTest::mouseClick(m_page->rotateButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->rotateDialog() && m_page->rotateDialog()->isVisible());
        QDialog *r = m_page->rotateDialog();
        QTest::mouseClick(r->findChild<QPushButton *>(QStringLiteral("confirm")), Qt::LeftButton);
        QTRY_COMPARE(m_server->requests("POST", QStringLiteral("/api/v1/admin/api-keys/7/rotate")).size(), 1);
        QTest::keyClick(r, Qt::Key_Escape);
        QVERIFY2(QTest::qWaitFor([&] { return m_page->secretDialog() && m_page->secretDialog()->isVisible(); }, 3000),
                 "the key was rotated on the server, but the new secret was never shown");
        QCOMPARE(m_page->secretDialog()->secretField()->text(), RotatedSecret);
        QVERIFY(closeSecretDialog(m_page->secretDialog()));
    }

    // ------------------------------------------------------------------ rotate

    void rotateSaysUntilWhenTheOldKeyWorksAndShowsTheNewSecret()
    {
        QVERIFY(open(LoginAdmin));
        // Only an active key can be rotated.
        QVERIFY(clickKey(8));
        QVERIFY(!m_page->rotateButton()->isEnabled());
        QCOMPARE(m_page->rotateButton()->toolTip(), QStringLiteral("Select an active key first."));
        QVERIFY(m_page->revokeButton()->isEnabled()); // an expiring key can still be revoked
        QVERIFY(clickKey(9));
        QVERIFY(!m_page->rotateButton()->isEnabled());
        QVERIFY(!m_page->revokeButton()->isEnabled());
        QVERIFY(clickKey(7));
        QVERIFY(m_page->rotateButton()->isEnabled());

        const QDateTime until = m_clock->nowUtc().addSecs(24 * 3600);
        QCOMPARE(until, QDateTime(QDate(2026, 3, 30), QTime(0, 30), QTimeZone::utc()));
        QJsonObject newKey = keyObject(11, QStringLiteral("reconciliation-batch"), QStringLiteral("tp_test_r0tat3d1"),
                                       QStringLiteral("2026-03-29T00:30:00Z"), {{QStringLiteral("rotated_from"), 7}});
        QJsonObject oldKey = key7();
        oldKey.insert(QStringLiteral("grace_expires_at"), QStringLiteral("2026-03-30T00:30:00Z"));
        oldKey.insert(QStringLiteral("status"), QStringLiteral("expiring"));
        m_server->setMethodResponse("POST", QStringLiteral("/api/v1/admin/api-keys/7/rotate"),
                                    FakeHttpServer::Response{201, "application/json",
                                                             json({{QStringLiteral("key"), newKey},
                                                                   {QStringLiteral("secret"), RotatedSecret},
                                                                   {QStringLiteral("old_key"), oldKey},
                                                                   {QStringLiteral("audit_id"), 52}}),
                                                             0, FakeHttpServer::Mode::Normal, {}});

        QTest::mouseClick(m_page->rotateButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->rotateDialog() && m_page->rotateDialog()->isVisible());
        QDialog *r = m_page->rotateDialog();
        auto *text = r->findChild<QLabel *>(QStringLiteral("rotateText"));
        QVERIFY(text);
        QVERIFY2(text->text().contains(QStringLiteral("keeps working until %1 (24 hours)").arg(timetext::local(until))),
                 qPrintable(text->text()));
        QVERIFY(text->text().contains(QStringLiteral("tp_test_aaaa1111")));
        QCOMPARE(m_server->requests("POST", QStringLiteral("/api/v1/admin/api-keys/7/rotate")).size(), 0); // asked first

        auto *confirm = r->findChild<QPushButton *>(QStringLiteral("confirm"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        SecretDialog *s = waitSecretDialog();
        QVERIFY(s);
        QCOMPARE(m_server->requests("POST", QStringLiteral("/api/v1/admin/api-keys/7/rotate")).size(), 1);
        QCOMPARE(s->secretField()->text(), RotatedSecret);
        auto *note = s->findChild<QLabel *>(QStringLiteral("note"));
        QVERIFY(note);
        QCOMPARE(note->text(), QStringLiteral("The old key tp_test_aaaa1111 keeps working until %1.").arg(timetext::local(until)));
        QTRY_VERIFY(!m_page->rotateDialog());
        QVERIFY(m_page->messageText().contains(QStringLiteral("tp_test_r0tat3d1")));
        QTest::keyClick(s, Qt::Key_Escape);
        QVERIFY(s->isVisible());
        QVERIFY(closeSecretDialog(s));
    }

    void rotateRefusedStaysOpenWithTheServersWords()
    {
        QVERIFY(open(LoginAdmin));
        QVERIFY(clickKey(7));
        m_server->setMethodJson("POST", QStringLiteral("/api/v1/admin/api-keys/7/rotate"),
                                R"({"error":"not_rotatable","detail":"The key is already being rotated"})", 409);
        QTest::mouseClick(m_page->rotateButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->rotateDialog() && m_page->rotateDialog()->isVisible());
        QDialog *r = m_page->rotateDialog();
        QTest::mouseClick(r->findChild<QPushButton *>(QStringLiteral("confirm")), Qt::LeftButton);
        auto *message = r->findChild<QLabel *>(QStringLiteral("message"));
        QTRY_VERIFY(message->isVisible());
        QCOMPARE(message->text(), QStringLiteral("The server refused: The key is already being rotated"));
        QVERIFY(r->isVisible());
        QCOMPARE(m_page->secretDialog(), nullptr);
        QVERIFY(r->findChild<QPushButton *>(QStringLiteral("confirm"))->isEnabled());
    }

    // ------------------------------------------------------------------ revoke

    void revokeNeedsAReasonAndTheKeysNameTyped()
    {
        QVERIFY(open(LoginAdmin));
        QVERIFY(clickKey(7));
        QJsonObject revoked = key7();
        revoked.insert(QStringLiteral("revoked_at"), QStringLiteral("2026-03-29T00:30:00Z"));
        revoked.insert(QStringLiteral("revoked_by"), QStringLiteral("admin"));
        revoked.insert(QStringLiteral("revoke_reason"), Reason);
        revoked.insert(QStringLiteral("status"), QStringLiteral("revoked"));
        const QString path = QStringLiteral("/api/v1/admin/api-keys/7/revoke");
        m_server->setMethodJson("POST", path, json({{QStringLiteral("key"), revoked}, {QStringLiteral("audit_id"), 53}}));

        QTest::mouseClick(m_page->revokeButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->revokeDialog() && m_page->revokeDialog()->isVisible());
        ConfirmActionDialog *d = m_page->revokeDialog();
        QVERIFY(d->windowTitle().contains(QStringLiteral("reconciliation-batch")));
        QVERIFY(d->environmentEdit());
        QVERIFY(!d->confirmButton()->isEnabled());

        typeInto(d->reasonEdit(), QStringLiteral("Leaked in CI log")); // 13 visible characters
        QVERIFY(d->counterText().startsWith(QStringLiteral("13/20")));
        clickCheckBox(d->acknowledgement());
        typeInto(d->environmentEdit(), QStringLiteral("reconciliation-batch"));
        QVERIFY(!d->confirmButton()->isEnabled()); // reason too short
        typeInto(d->reasonEdit(), QStringLiteral(" of the batch job")); // 26
        QCOMPARE(d->counterText(), QStringLiteral("26/20 ✓"));
        QVERIFY(d->confirmButton()->isEnabled());

        // The name must be typed exactly.
        QTest::keyClick(d->environmentEdit(), Qt::Key_Backspace);
        QVERIFY(!d->confirmButton()->isEnabled());
        QTest::keyClicks(d->environmentEdit(), QStringLiteral("H"));
        QVERIFY(!d->confirmButton()->isEnabled());
        QTest::keyClick(d->environmentEdit(), Qt::Key_Backspace);
        QTest::keyClicks(d->environmentEdit(), QStringLiteral("h"));
        QVERIFY(d->confirmButton()->isEnabled());
        // And the effect acknowledged.
        clickCheckBox(d->acknowledgement());
        QVERIFY(!d->confirmButton()->isEnabled());
        clickCheckBox(d->acknowledgement());
        QVERIFY(d->confirmButton()->isEnabled());
        QCOMPARE(m_server->requests("POST", path).size(), 0);

        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_page->revokeDialog());
        QCOMPARE(m_server->requests("POST", path).size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(m_server->requests("POST", path).first().body).object();
        QCOMPARE(body.value(QStringLiteral("reason")).toString(), QStringLiteral("Leaked in CI log of the batch job"));
        QVERIFY2(m_page->messageText().contains(QStringLiteral("revoked")), qPrintable(m_page->messageText()));
        QVERIFY(m_page->messageText().contains(QStringLiteral("Audit record #53")));
    }

    void revokeRefusedKeepsTheDialogWithTheServersWords()
    {
        QVERIFY(open(LoginAdmin));
        QVERIFY(clickKey(8));
        m_server->setMethodJson("POST", QStringLiteral("/api/v1/admin/api-keys/8/revoke"),
                                R"({"error":"reason_too_short","detail":"Reason must have at least 20 visible characters"})", 422);
        QTest::mouseClick(m_page->revokeButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->revokeDialog() && m_page->revokeDialog()->isVisible());
        ConfirmActionDialog *d = m_page->revokeDialog();
        typeInto(d->reasonEdit(), Reason);
        typeInto(d->environmentEdit(), QStringLiteral("monitoring"));
        clickCheckBox(d->acknowledgement());
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(d->messageText(), QStringLiteral("Reason must have at least 20 visible characters"), 5000);
        QVERIFY(d->isVisible());
        QCOMPARE(d->reasonEdit()->toPlainText(), Reason);
        QCOMPARE(d->environmentEdit()->text(), QStringLiteral("monitoring"));
        QVERIFY(d->confirmButton()->isEnabled());
    }

    // ------------------------------------------------------------------ permissions

    void nonAdminSeesEverythingDisabledWithThePermissionNamed()
    {
        QVERIFY(open(LoginOperator));
        QTest::qWait(200);
        QCOMPARE(gets(), qsizetype(0)); // the list is not even asked for
        auto *note = m_page->findChild<QLabel *>(QStringLiteral("permissionNote"));
        QVERIFY(note);
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), QStringLiteral("Only administrators manage API keys: your role (operator) does not have "
                                              "the permission api_keys:manage."));
        for (QPushButton *b : {m_page->createButton(), m_page->rotateButton(), m_page->revokeButton()}) {
            QVERIFY2(!b->isEnabled(), qPrintable(b->objectName()));
            QVERIFY2(b->toolTip().contains(QStringLiteral("api_keys:manage")), qPrintable(b->toolTip()));
        }
        auto *refresh = m_page->findChild<QPushButton *>(QStringLiteral("refresh"));
        QVERIFY(refresh && !refresh->isEnabled());
        QTest::mouseClick(m_page->createButton(), Qt::LeftButton);
        QTest::qWait(100);
        QCOMPARE(m_page->createDialog(), nullptr);
    }

    void signedOutSeesEverythingDisabled()
    {
        m_client = std::make_unique<ApiKeyClient>(m_session.get(), *m_clock);
        m_page = std::make_unique<ApiKeysPage>(m_client.get(), m_session.get(), *m_clock);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(!m_page->createButton()->isEnabled());
        QVERIFY(m_page->createButton()->toolTip().contains(QStringLiteral("api_keys:manage")));
        QVERIFY(m_page->createButton()->toolTip().contains(QStringLiteral("not signed in")));
    }
};

QTEST_MAIN(TestApiKeysPage)
#include "tst_apikeyspage.moc"
