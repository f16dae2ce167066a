// Admin → Audit Log driven like an operator against the sandbox (in-process, real HTTP for the
// sign-in and the export record, real PostgreSQL read as the read-only role ops_console_ro):
// the newest entries after sign-in, the permission note for a viewer and an operator, hostile
// search text, the pickers, a date range typed in the operator's zone (Europe/Berlin) and queried
// in UTC, masked and pretty-printed details with a before → after section, CSV export (file,
// SHA-256, the export's own audit entry; /dev/full and a full tmpfs leave no file), keyset
// scrolling with a bounded window, and "Verify integrity" finding an edited and a deleted row.
// The slots run in order and share one signed-in admin console; tampering comes last.

#include "../e2e/E2eFixture.h"
#include "api/ApiClient.h"
#include "audit/AuditLogModel.h"
#include "audit/AuditLogPage.h"
#include "audit/AuditReader.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <memory>
#include <sys/mount.h>
#include <sys/resource.h>

using namespace ops;
using namespace Qt::StringLiterals;

namespace {

const QString kDb = u"ops_gui_auditpage"_s;
const QString kSu = u"tst_auditpage_su"_s;
constexpr int kGenerated = 5000;

// What the operator types into the search: every character LIKE or SQL could misread.
const QString kNeedle = u"50%_off' \\ -- ; x7q"_s;

qint64 us(const QDateTime &t)
{
    return t.toMSecsSinceEpoch() * 1000;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

struct Console
{
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<CredentialStore> store;
    std::unique_ptr<Session> session;
    std::unique_ptr<AuditService> service;
    std::unique_ptr<AuditLogPage> page; // destroyed before the service
    std::shared_ptr<std::atomic<int>> queries = std::make_shared<std::atomic<int>>(0);
};

QList<qint64> modelIds(const AuditLogModel *model)
{
    QList<qint64> out;
    for (int r = 0; r < model->rowCount(); ++r)
        out.append(model->record(r).id);
    return out;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

class TestAuditPage final : public QObject
{
    Q_OBJECT

    test::SandboxFixture m_fx;
    std::unique_ptr<Console> m_admin;
    QHash<QString, qint64> m_ids; // hand-made rows: tag -> id

    QSqlDatabase su() const { return QSqlDatabase::database(kSu, false); }

    bool sql(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(su());
        const bool ok = values.isEmpty() ? q.exec(statement) : (q.prepare(statement) && [&] {
            for (const QVariant &v : values)
                q.addBindValue(v);
            return q.exec();
        }());
        if (!ok)
            qWarning() << statement << q.lastError().text();
        return ok;
    }

    QVariant scalar(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(su());
        if (!q.prepare(statement))
            return {};
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next()) {
            qWarning() << statement << q.lastError().text();
            return {};
        }
        return q.value(0);
    }

    // Ids in the page's order ("timestamp" DESC, id DESC), computed independently of the console.
    QList<qint64> expectedIds(const QString &where, const QVariantList &values = {}, int limit = 200)
    {
        QList<qint64> out;
        QSqlQuery q(su());
        if (!q.prepare(u"SELECT id FROM audit_log WHERE %1 ORDER BY \"timestamp\" DESC, id DESC LIMIT %2"_s.arg(where).arg(limit)))
            return out;
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec()) {
            qWarning() << where << q.lastError().text();
            return out;
        }
        while (q.next())
            out.append(q.value(0).toLongLong());
        return out;
    }

    qint64 insert(const QString &tag, const QDateTime &when, const QString &action, const QString &eventType,
                  const QString &reason, const QString &details, const QString &resourceType = u"test"_s)
    {
        QSqlQuery q(su());
        if (!q.prepare(u"INSERT INTO audit_log (\"timestamp\", user_id, action, details, reason, ip_address, event_type, "
                       "resource_type, resource_id, outcome, amr_method, request_id) VALUES "
                       "(TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond', 'qa.tester', ?, "
                       "CAST(? AS jsonb), ?, '10.9.9.9', ?, ?, ?, 'success', 'pwd', ?) RETURNING id"_s))
            return -1;
        q.addBindValue(us(when));
        q.addBindValue(action);
        q.addBindValue(details);
        q.addBindValue(reason);
        q.addBindValue(eventType);
        q.addBindValue(resourceType);
        q.addBindValue(tag);
        q.addBindValue(tag);
        if (!q.exec() || !q.next()) {
            qWarning() << tag << q.lastError().text();
            return -1;
        }
        const qint64 id = q.value(0).toLongLong();
        m_ids.insert(tag, id);
        return id;
    }

    // As the superuser, behind the application's back (docs/audit-log.md).
    bool tamper(const QString &statement, const QVariantList &values)
    {
        const bool off = sql(u"ALTER TABLE audit_log DISABLE TRIGGER USER"_s);
        const bool ok = off && sql(statement, values);
        const bool on = sql(u"ALTER TABLE audit_log ENABLE TRIGGER USER"_s);
        return ok && on;
    }

    // The page is there (and connected to the audit database) before anyone signs in, like in the app.
    std::unique_ptr<Console> open()
    {
        auto c = std::make_unique<Console>();
        c->api = std::make_unique<ApiClient>(m_fx.profile);
        c->store = std::make_unique<CredentialStore>(u"ops-console-gui-audit"_s);
        c->session = std::make_unique<Session>(c->api.get(), c->store.get(), m_fx.profile.name);
        PostgresEndpoint ro = m_fx.profile.postgres;
        ro.user = QString::fromLatin1(opssandbox::Sandbox::kConsoleReadOnlyRole);
        c->service = std::make_unique<AuditService>(ro, QString());
        c->service->setQueryObserver([queries = c->queries](const QString &) { ++*queries; });
        c->page = std::make_unique<AuditLogPage>(c->session.get());
        c->page->setService(c->service.get());
        c->page->resize(1200, 800);
        c->page->show();
        return c;
    }

    static bool signIn(Console &c, const QString &role)
    {
        QSignalSpy signedIn(c.session.get(), &Session::signedIn);
        c.session->signIn(role, role + u"-sandbox-pw"_s, false);
        return signedIn.wait(10000);
    }

    static QLabel *permissionNote(AuditLogPage *page)
    {
        return page->findChild<QLabel *>(u"permissionNote"_s);
    }

    static void click(QWidget *w)
    {
        QTest::mouseClick(w, Qt::LeftButton);
    }

    // Through the window (press and release like a real mouse: the box takes the focus too).
    static void tick(QCheckBox *box)
    {
        QWidget *window = box->window();
        QTest::mouseClick(window->windowHandle(), Qt::LeftButton, {}, box->mapTo(window, QPoint(8, box->height() / 2)));
    }

    static void clickRow(QTableView *table, int row)
    {
        const QRect rect = table->visualRect(table->model()->index(row, AuditLogModel::UserColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    }

    // Replaces the text of a line edit like an operator: select all, type.
    static void retype(QWidget *edit, const QString &text)
    {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Delete);
        else
            QTest::keyClicks(edit, text);
    }

    // Waits for the request the last action started; false on an error.
    static bool loaded(AuditLogPage *page, int ms = 10000)
    {
        if (!QTest::qWaitFor([&] { return !page->model()->isLoading(); }, ms))
            return false;
        QTest::qWait(20); // let the view lay the rows out
        if (!page->model()->errorText().isEmpty()) {
            qWarning() << "load failed:" << page->model()->errorText();
            return false;
        }
        return true;
    }

    // Clear filters, then the newest rows again.
    bool reset()
    {
        if (!m_admin)
            return false;
        AuditLogPage *page = m_admin->page.get();
        QPushButton *clear = nullptr;
        for (QPushButton *b : page->findChildren<QPushButton *>()) {
            if (b->accessibleName() == u"Clear filters"_s)
                clear = b;
        }
        if (!clear)
            return false;
        click(clear);
        return page->model()->isLoading() && loaded(page) && page->currentFilter().isEmpty();
    }

    bool applyByButton(AuditLogPage *page)
    {
        click(page->applyButton());
        return page->model()->isLoading() && loaded(page);
    }

    // Ticks "From" and "To", Tabs into each field (its first section is then selected) and types
    // the digits (yyyyMMddHHmm): each section moves on to the next when full.
    static bool typeRange(AuditLogPage *page, const QString &from, const QString &to)
    {
        page->activateWindow();
        if (!QTest::qWaitForWindowActive(page))
            return false;
        for (auto [box, edit, typed] : {std::tuple{page->fromBox(), page->fromEdit(), from},
                                        std::tuple{page->toBox(), page->toEdit(), to}}) {
            if (box->isChecked())
                return false; // expects cleared filters
            tick(box);
            if (!box->isChecked() || !edit->isEnabled() || !box->hasFocus())
                return false;
            QTest::keyClick(box, Qt::Key_Tab);
            if (!edit->hasFocus())
                return false;
            QTest::keyClicks(edit, typed);
        }
        return true;
    }

    // Selects a row of a picker from its drop-down list with the mouse.
    static bool pick(QComboBox *box, const QString &text)
    {
        const int index = box->findText(text);
        if (index < 0)
            return false;
        box->showPopup();
        QAbstractItemView *view = box->view();
        if (!QTest::qWaitForWindowExposed(view->window()))
            return false;
        // The list ignores a release that comes too soon after it opened (a press-drag-release
        // on the combo box); an operator takes longer than that to find the name.
        QTest::qWait(QApplication::doubleClickInterval() + 50);
        const QModelIndex item = view->model()->index(index, box->modelColumn());
        view->scrollTo(item);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(item).center());
        return QTest::qWaitFor([&] { return !view->window()->isVisible(); }, 2000) && box->currentText() == text;
    }

    // Answers the next "Export audit log as CSV" dialog: types the path, clicks Save.
    void answerSaveDialog(const QString &path, QString *problem)
    {
        auto *timer = new QTimer(this);
        auto tries = std::make_shared<int>(0);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [timer, tries, path, problem] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible()) {
                if (++*tries > 250) {
                    *problem = u"no file dialog appeared"_s;
                    timer->deleteLater();
                }
                return;
            }
            timer->stop();
            timer->deleteLater();
            auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
            auto *buttons = dialog->findChild<QDialogButtonBox *>(u"buttonBox"_s);
            QPushButton *save = buttons ? buttons->button(QDialogButtonBox::Save) : nullptr;
            if (dialog->acceptMode() != QFileDialog::AcceptSave || !name || !save) {
                *problem = u"not a save dialog with a file name and a Save button"_s;
                dialog->reject();
                return;
            }
            if (!QTest::qWaitForWindowExposed(dialog)) {
                *problem = u"the file dialog was never shown"_s;
                dialog->reject();
                return;
            }
            retype(name, path);
            QTest::mouseClick(save, Qt::LeftButton);
            if (dialog->isVisible()) {
                *problem = u"the file dialog did not accept %1"_s.arg(path);
                dialog->reject();
            }
        });
        timer->start();
    }

    // A full disk for the exporter: a 64 KiB tmpfs over `dir` (root), else RLIMIT_FSIZE.
    struct FullDisk
    {
        QString dir;
        bool mounted = false;
        bool limited = false;
        struct rlimit saved {};
        QString how;

        explicit FullDisk(const QString &path)
            : dir(path)
        {
            if (::mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", 0, "size=64k") == 0) {
                mounted = true;
                how = u"tmpfs of 64 KiB"_s;
                return;
            }
            how = u"RLIMIT_FSIZE of 64 KiB (tmpfs: %1)"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
            if (::getrlimit(RLIMIT_FSIZE, &saved) == 0) {
                std::signal(SIGXFSZ, SIG_IGN);
                struct rlimit small = saved;
                small.rlim_cur = 64 * 1024;
                limited = ::setrlimit(RLIMIT_FSIZE, &small) == 0;
            }
        }
        ~FullDisk() { release(); }
        void release()
        {
            if (mounted)
                ::umount2(QFile::encodeName(dir).constData(), MNT_DETACH);
            if (limited)
                ::setrlimit(RLIMIT_FSIZE, &saved);
            mounted = limited = false;
        }
        [[nodiscard]] bool active() const { return mounted || limited; }
    };

private slots:
    void initTestCase()
    {
        // main() set TZ before the application existed; make sure it took.
        QCOMPARE(QDateTime(QDate(2024, 7, 15), QTime(12, 0), Qt::LocalTime).toUTC(), utc(2024, 7, 15, 10, 0));
        QCOMPARE(QDateTime(QDate(2024, 1, 15), QTime(12, 0), Qt::LocalTime).toUTC(), utc(2024, 1, 15, 11, 0));

        const QString error = m_fx.start(kDb, true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSqlDatabase db = m_fx.database(kSu, kDb);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));

        QString generateError;
        QVERIFY2(m_fx.sandbox->generateAuditRows(kGenerated, &generateError), qPrintable(generateError));
        QVERIFY(scalar(u"SELECT count(*) FROM audit_log"_s).toInt() >= kGenerated);

        // Search: the row the operator looks for, and rows that match only if \ % _ were wildcards.
        const QString cfg = u"{}"_s;
        QVERIFY(insert(u"needle"_s, utc(2024, 8, 1, 10, 0), u"CIRCUIT_BREAKER_TRIP"_s, u"action"_s,
                       u"Limit 50%_off' \\ -- ; x7q confirmed"_s, cfg) > 0);
        QVERIFY(insert(u"decoy-underscore"_s, utc(2024, 8, 1, 10, 1), u"CIRCUIT_BREAKER_TRIP"_s, u"action"_s,
                       u"Limit 50%Xoff' \\ -- ; x7q confirmed"_s, cfg) > 0);
        QVERIFY(insert(u"decoy-percent"_s, utc(2024, 8, 1, 10, 2), u"CIRCUIT_BREAKER_TRIP"_s, u"action"_s,
                       u"Limit 50 and more_off' \\ -- ; x7q confirmed"_s, cfg) > 0);
        QVERIFY(insert(u"decoy-backslash"_s, utc(2024, 8, 1, 10, 3), u"CIRCUIT_BREAKER_TRIP"_s, u"action"_s,
                       u"Limit 50%_off'  -- ; x7q confirmed"_s, cfg) > 0);

        // Date range 2024-07-15 12:00–12:01 in Berlin (CEST, UTC+2) = 10:00–10:01 UTC.
        QVERIFY(insert(u"range-before"_s, utc(2024, 7, 15, 9, 59, 59, 999), u"LOGIN"_s, u"auth"_s, u"range"_s, cfg) > 0);
        QVERIFY(insert(u"range-from"_s, utc(2024, 7, 15, 10, 0), u"LOGIN"_s, u"auth"_s, u"range"_s, cfg) > 0);
        QVERIFY(insert(u"range-mid"_s, utc(2024, 7, 15, 10, 0, 30), u"LOGIN"_s, u"auth"_s, u"range"_s, cfg) > 0);
        QVERIFY(insert(u"range-last"_s, utc(2024, 7, 15, 10, 0, 59, 999), u"LOGIN"_s, u"auth"_s, u"range"_s, cfg) > 0);
        QVERIFY(insert(u"range-to"_s, utc(2024, 7, 15, 10, 1), u"LOGIN"_s, u"auth"_s, u"range"_s, cfg) > 0);
        // In range only if the typed time were taken as UTC, or as UTC+1 (winter time).
        QVERIFY(insert(u"range-as-utc"_s, utc(2024, 7, 15, 12, 0, 30), u"LOGIN"_s, u"auth"_s, u"range"_s, cfg) > 0);
        QVERIFY(insert(u"range-as-cet"_s, utc(2024, 7, 15, 11, 0, 30), u"LOGIN"_s, u"auth"_s, u"range"_s, cfg) > 0);

        // Details: secrets at any depth; a configuration change with old/new.
        QVERIFY(insert(u"secret"_s, utc(2024, 9, 1, 8, 0), u"API_KEY_CREATE"_s, u"admin"_s, u"masking check q9z"_s,
                       u"{\"token\":\"abc123\",\"nested\":{\"password\":\"p\"}}"_s, u"api_key"_s) > 0);
        QVERIFY(insert(u"config"_s, utc(2024, 9, 1, 8, 1), u"CONFIG_UPDATE"_s, u"admin"_s, u"diff check q9z"_s,
                       u"{\"old\":{\"max_open_orders\":10,\"mode\":\"strict\",\"webhook_token\":\"t-old-1\"},"
                       "\"new\":{\"max_open_orders\":20,\"mode\":\"strict\",\"webhook_token\":\"t-new-2\"}}"_s,
                       u"config"_s) > 0);
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        QSqlDatabase::removeDatabase(kSu);
    }

    void newestEntriesAfterSignInAsAdmin()
    {
        m_admin = open();
        AuditLogPage *page = m_admin->page.get();
        // Before anyone signs in: the note, nothing enabled, nothing read.
        QVERIFY(permissionNote(page)->isVisible());
        QVERIFY2(permissionNote(page)->text().contains(u"not signed in"_s), qPrintable(permissionNote(page)->text()));
        QVERIFY(!page->applyButton()->isEnabled());
        QCOMPARE(page->model()->rowCount(), 0);

        QVERIFY(signIn(*m_admin, u"admin"_s));
        QVERIFY(page->model()->isLoading());
        QVERIFY(loaded(page));
        QVERIFY(!permissionNote(page)->isVisible());
        for (QWidget *w : std::initializer_list<QWidget *>{page->applyButton(), page->verifyButton(), page->exportButton(),
                                                            page->textEdit(), page->userBox(), page->eventTypeBox()})
            QVERIFY2(w->isEnabled(), qPrintable(w->objectName()));

        const QList<qint64> newest = expectedIds(u"TRUE"_s);
        QCOMPARE(newest.size(), 200);
        QCOMPARE(modelIds(page->model()), newest);
        // The newest entry is this very sign-in, shown in the table.
        const AuditRecord top = page->model()->record(0);
        QCOMPARE(top.action, u"LOGIN"_s);
        QCOMPARE(top.userId, u"admin"_s);
        QCOMPARE(page->table()->model()->index(0, AuditLogModel::UserColumn).data().toString(), u"admin"_s);
        QCOMPARE(page->table()->model()->index(0, AuditLogModel::ActionColumn).data().toString(), u"LOGIN"_s);
        QCOMPARE(page->statusText(), u"200 entries in view — scroll for more"_s);
    }

    void viewerAndOperatorSeeThePermissionNote_data()
    {
        QTest::addColumn<QString>("role");
        QTest::newRow("viewer") << u"viewer"_s;
        QTest::newRow("operator") << u"operator"_s;
    }

    void viewerAndOperatorSeeThePermissionNote()
    {
        QFETCH(QString, role);
        auto c = open();
        QVERIFY(signIn(*c, role));
        AuditLogPage *page = c->page.get();
        QTest::qWait(200);
        QVERIFY(permissionNote(page)->isVisible());
        QCOMPARE(permissionNote(page)->text(),
                 u"Only administrators read the audit log: your role (%1) does not have the permission audit:view."_s.arg(role));
        for (QWidget *w : std::initializer_list<QWidget *>{page->applyButton(), page->verifyButton(), page->exportButton(),
                                                            page->bomBox(), page->textEdit(), page->userBox(),
                                                            page->actionBox(), page->eventTypeBox(), page->outcomeBox(),
                                                            page->fromBox(), page->fromEdit(), page->toBox(), page->toEdit()})
            QVERIFY2(!w->isEnabled(), qPrintable(w->objectName() + u" "_s + w->accessibleName()));

        // Clicking and pressing Enter anyway reads nothing.
        click(page->applyButton());
        QTest::keyClick(page->textEdit(), Qt::Key_Return);
        click(page->verifyButton());
        QTest::qWait(300);
        QCOMPARE(page->model()->rowCount(), 0);
        QVERIFY(!page->model()->isLoading());
        QCOMPARE(c->queries->load(), 0);
        QVERIFY(page->integrityText().isEmpty());
    }

    void searchFindsHostileTextExactly()
    {
        QVERIFY(reset());
        AuditLogPage *page = m_admin->page.get();
        page->textEdit()->setFocus();
        QTest::keyClicks(page->textEdit(), kNeedle);
        QCOMPARE(page->textEdit()->text(), kNeedle); // every character arrived
        QTest::keyClick(page->textEdit(), Qt::Key_Return);
        QVERIFY(page->model()->isLoading());
        QVERIFY(loaded(page));
        QCOMPARE(modelIds(page->model()), QList<qint64>{m_ids.value(u"needle"_s)});
        QCOMPARE(page->model()->record(0).reason, u"Limit 50%_off' \\ -- ; x7q confirmed"_s);
        QVERIFY2(QRegularExpression(u"^1 entr(y|ies) in view \\(all\\)$"_s).match(page->statusText()).hasMatch(),
                 qPrintable(page->statusText()));
    }

    void percentAloneDoesNotMatchEverything()
    {
        QVERIFY(reset());
        AuditLogPage *page = m_admin->page.get();
        retype(page->textEdit(), u"%"_s);
        QTest::keyClick(page->textEdit(), Qt::Key_Return);
        QVERIFY(loaded(page));
        const QString where = u"strpos(reason, '%') > 0 OR strpos(CAST(details AS text), '%') > 0"_s;
        const int withPercent = scalar(u"SELECT count(*) FROM audit_log WHERE "_s + where).toInt();
        const int all = scalar(u"SELECT count(*) FROM audit_log"_s).toInt();
        QVERIFY2(withPercent > 4 && withPercent < all / 4, qPrintable(u"%1 of %2"_s.arg(withPercent).arg(all)));
        const QList<qint64> expected = expectedIds(where);
        QCOMPARE(expected.size(), std::min(withPercent, 200));
        QCOMPARE(modelIds(page->model()), expected);
        for (int r = 0; r < page->model()->rowCount(); ++r) {
            const AuditRecord rec = page->model()->record(r);
            QVERIFY2(rec.reason.contains(u'%') || QJsonDocument(rec.details()).toJson().contains('%'), qPrintable(rec.reason));
        }
        // The sign-in at the top of the log has no % anywhere: it is not listed.
        QVERIFY(!modelIds(page->model()).contains(expectedIds(u"TRUE"_s, {}, 1).value(0)));
    }

    void eventTypeAndUserPickersFilter()
    {
        QVERIFY(reset());
        AuditLogPage *page = m_admin->page.get();
        QComboBox *type = page->eventTypeBox();
        QCOMPARE(type->currentText(), u"Any"_s);
        type->setFocus();
        for (int i = 0; i < 4 && type->currentData().toString() != u"auth"_s; ++i)
            QTest::keyClick(type, Qt::Key_Down);
        QCOMPARE(type->currentText(), u"auth"_s);
        QVERIFY(applyByButton(page));
        QCOMPARE(modelIds(page->model()), expectedIds(u"event_type = 'auth'"_s));
        QCOMPARE(page->model()->rowCount(), 200);
        for (int r = 0; r < page->model()->rowCount(); ++r)
            QCOMPARE(page->model()->record(r).eventType, u"auth"_s);
        QTest::keyClick(type, Qt::Key_Home);
        QCOMPARE(type->currentText(), u"Any"_s);

        // The user picker lists the users present (from the database), including awkward names.
        QComboBox *user = page->userBox();
        const QString mueller = QString::fromUtf8("f.m\xc3\xbcller");
        QTRY_VERIFY_WITH_TIMEOUT(user->findText(mueller) >= 0, 10000);
        QVERIFY(user->findText(u"grace.o'brien"_s) >= 0);
        QVERIFY(user->findText(u"qa.tester"_s) >= 0);
        QVERIFY(pick(user, mueller));
        QVERIFY(applyByButton(page));
        const QList<qint64> muellers = expectedIds(u"user_id = ?"_s, {mueller});
        QVERIFY(muellers.size() > 10);
        QCOMPARE(modelIds(page->model()), muellers);
        QCOMPARE(page->table()->model()->index(0, AuditLogModel::UserColumn).data().toString(), mueller);

        // Typed, with a quote; combined with the event type.
        retype(user->lineEdit(), u"grace.o'brien"_s);
        type->setFocus();
        QTest::keyClick(type, Qt::Key_Down); // admin
        QCOMPARE(type->currentText(), u"admin"_s);
        QVERIFY(applyByButton(page));
        const QList<qint64> grace = expectedIds(u"user_id = ? AND event_type = 'admin'"_s, {u"grace.o'brien"_s});
        QVERIFY(!grace.isEmpty());
        QCOMPARE(modelIds(page->model()), grace);
    }

    void dateRangeTypedInLocalTimeFiltersInUtc()
    {
        QVERIFY(reset());
        AuditLogPage *page = m_admin->page.get();
        QVERIFY(!page->fromEdit()->isEnabled());
        QVERIFY(typeRange(page, u"202407151200"_s, u"202407151201"_s));
        QCOMPARE(page->fromEdit()->text(), u"2024-07-15 12:00"_s);
        QCOMPARE(page->toEdit()->text(), u"2024-07-15 12:01"_s);
        QVERIFY(applyByButton(page));
        // What was typed, read in Berlin summer time, is exactly these instants in UTC.
        QCOMPARE(page->currentFilter().fromUtc, utc(2024, 7, 15, 10, 0));
        QCOMPARE(page->currentFilter().toUtc, utc(2024, 7, 15, 10, 1));
        // From is inclusive, to exclusive: 10:00:00.000 in, 10:00:59.999 in, 10:01:00.000 and 09:59:59.999 out.
        QCOMPARE(modelIds(page->model()), (QList<qint64>{m_ids.value(u"range-last"_s), m_ids.value(u"range-mid"_s),
                                                         m_ids.value(u"range-from"_s)}));
        // Shown in the operator's zone.
        QVERIFY2(page->table()->model()->index(1, AuditLogModel::TimeColumn).data().toString().startsWith(u"2024-07-15 12:00:30"_s),
                 qPrintable(page->table()->model()->index(1, AuditLogModel::TimeColumn).data().toString()));
        QCOMPARE(page->table()->model()->index(1, AuditLogModel::TimeColumn).data(Qt::ToolTipRole).toString(),
                 u"2024-07-15T10:00:30.000Z"_s);
    }

    void detailsArePrettyPrintedAndMasked()
    {
        QVERIFY(reset());
        AuditLogPage *page = m_admin->page.get();
        retype(page->textEdit(), u"masking check q9z"_s);
        QTest::keyClick(page->textEdit(), Qt::Key_Return);
        QVERIFY(loaded(page));
        QCOMPARE(modelIds(page->model()), QList<qint64>{m_ids.value(u"secret"_s)});
        QVERIFY(page->detailText().isEmpty());
        clickRow(page->table(), 0);
        const QString detail = page->detailText();
        QVERIFY2(detail.contains(u"Entry:         #%1"_s.arg(m_ids.value(u"secret"_s))), qPrintable(detail));
        QVERIFY2(detail.endsWith(u"Details (secrets masked):\n"
                                 "{\n"
                                 "    \"nested\": {\n"
                                 "        \"password\": \"***\"\n"
                                 "    },\n"
                                 "    \"token\": \"***\"\n"
                                 "}"_s),
                 qPrintable(detail));
        QVERIFY(!detail.contains(u"abc123"_s));
        QVERIFY(!detail.contains(u"\"p\""_s));
        QVERIFY(!detail.contains(u"Changes"_s));
    }

    void beforeAfterForAConfigurationChange()
    {
        QVERIFY(reset());
        AuditLogPage *page = m_admin->page.get();
        retype(page->textEdit(), u"diff check q9z"_s);
        QTest::keyClick(page->textEdit(), Qt::Key_Return);
        QVERIFY(loaded(page));
        QCOMPARE(modelIds(page->model()), QList<qint64>{m_ids.value(u"config"_s)});
        clickRow(page->table(), 0);
        const QString detail = page->detailText();
        // Only what changed; the token stays masked on both sides (and so is not listed as changed).
        QVERIFY2(detail.contains(u"\nChanges (before → after):\n  max_open_orders: 10 → 20\n\nDetails (secrets masked):\n"_s),
                 qPrintable(detail));
        QVERIFY(!detail.contains(u"mode: "_s));
        QVERIFY(detail.contains(u"\"webhook_token\": \"***\""_s));
        QVERIFY(!detail.contains(u"t-old-1"_s));
        QVERIFY(!detail.contains(u"t-new-2"_s));
    }

    void exportWritesTheFileShowsItsHashAndIsAudited()
    {
        QVERIFY(reset());
        AuditLogPage *page = m_admin->page.get();
        retype(page->actionBox()->lineEdit(), u"CONFIG_UPDATE"_s);
        QVERIFY(applyByButton(page));
        const int rows = scalar(u"SELECT count(*) FROM audit_log WHERE action = 'CONFIG_UPDATE'"_s).toInt();
        QVERIFY(rows > 100 && rows < 10000);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"config-updates.csv"_s);
        QSignalSpy finished(page, &AuditLogPage::exportFinished);
        QString dialogProblem;
        answerSaveDialog(path, &dialogProblem);
        click(page->exportButton()); // the file dialog opens; answered above
        QVERIFY2(dialogProblem.isEmpty(), qPrintable(dialogProblem));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(page->exportText().contains(u"recorded as audit entry"_s)
                                     || page->exportText().contains(u"WARNING"_s), 10000);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(csv, QCryptographicHash::Sha256).toHex());
        QCOMPARE(csv.count("\r\n"), rows + 1);
        QVERIFY(csv.startsWith("timestamp,user_id,action,event_type,resource_type,resource_id,outcome,details\r\n"));
        QCOMPARE(csv.count(",CONFIG_UPDATE,"), rows);
        QVERIFY(!csv.contains("t-old-1"));
        QCOMPARE(filesIn(dir.path()), QStringList{u"config-updates.csv"_s});

        static const QRegularExpression shown(u"^Exported (\\d+) row\\(s\\) to (.+) · SHA-256 ([0-9a-f]{64}) · recorded as audit entry #(\\d+)$"_s);
        const QRegularExpressionMatch m = shown.match(page->exportText());
        QVERIFY2(m.hasMatch(), qPrintable(page->exportText()));
        QCOMPARE(m.captured(1).toInt(), rows);
        QCOMPARE(m.captured(2), path);
        QCOMPARE(m.captured(3), sha);
        const qint64 auditId = m.captured(4).toLongLong();

        QSqlQuery q(su());
        QVERIFY(q.prepare(u"SELECT action, user_id, outcome, event_type, details->>'sha256', (details->>'rows')::int, "
                          "details->'filters'->>'action', details->>'file_name' FROM audit_log WHERE id = ?"_s));
        q.addBindValue(auditId);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), u"AUDIT_EXPORT"_s);
        QCOMPARE(q.value(1).toString(), u"admin"_s);
        QCOMPARE(q.value(2).toString(), u"success"_s);
        QCOMPARE(q.value(3).toString(), u"admin"_s);
        QCOMPARE(q.value(4).toString(), sha);
        QCOMPARE(q.value(5).toInt(), rows);
        QCOMPARE(q.value(6).toString(), u"CONFIG_UPDATE"_s);
        QCOMPARE(q.value(7).toString(), u"config-updates.csv"_s);
    }

    void exportToAFullDeviceFailsAndLeavesNoFile()
    {
        QVERIFY(reset());
        AuditLogPage *page = m_admin->page.get();
        const int exportsBefore = scalar(u"SELECT count(*) FROM audit_log WHERE action = 'AUDIT_EXPORT' AND user_id = 'admin'"_s).toInt();
        QVERIFY(exportsBefore >= 1);

        // /dev/full: refused, the device untouched, no temporary file next to it.
        const QStringList devBefore = QDir(u"/dev"_s).entryList({u"full*"_s}, QDir::AllEntries | QDir::System);
        QSignalSpy finished(page, &AuditLogPage::exportFinished);
        page->exportTo(u"/dev/full"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(page->exportText().startsWith(u"Export failed: "_s), qPrintable(page->exportText()));
        QVERIFY2(page->exportText().contains(u"/dev/full"_s), qPrintable(page->exportText()));
        QCOMPARE(page->exportText().count(u"No file was written"_s), 1);
        QVERIFY(!QFileInfo(u"/dev/full"_s).isFile());
        QCOMPARE(QDir(u"/dev"_s).entryList({u"full*"_s}, QDir::AllEntries | QDir::System), devBefore);

        // A full file system: the whole log (about 1 MB of CSV) into 64 KiB.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FullDisk full(dir.path());
        QVERIFY2(full.active(), qPrintable(full.how));
        qInfo("full disk: %s", qPrintable(full.how));
        finished.clear();
        page->exportTo(dir.filePath(u"audit.csv"_s));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const QStringList left = filesIn(dir.path());
        full.release();
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(page->exportText().startsWith(u"Export failed: "_s), qPrintable(full.how + u": "_s + page->exportText()));
        QVERIFY2(page->exportText().contains(u"audit.csv"_s), qPrintable(page->exportText()));
        QCOMPARE(page->exportText().count(u"No file was written"_s), 1);
        QVERIFY2(left.isEmpty(), qPrintable(full.how + u": "_s + left.join(u", "_s)));
        QVERIFY(!page->exportText().contains(u"SHA-256"_s));
        QTest::qWait(200);
        QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE action = 'AUDIT_EXPORT' AND user_id = 'admin'"_s).toInt(),
                 exportsBefore); // nothing recorded for failed exports

        // The next export works.
        finished.clear();
        const QString next = dir.filePath(u"after-full.csv"_s);
        page->exportTo(next);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(page->exportText().contains(u"recorded as audit entry #"_s), 10000);
        QVERIFY(QFileInfo(next).size() > 64 * 1024);
    }

    void scrollingLoadsMoreAndBringsEarlierRowsBack()
    {
        QVERIFY(reset());
        AuditLogPage *page = m_admin->page.get();
        AuditLogModel *model = page->model();
        QTableView *table = page->table();
        const QList<qint64> all = expectedIds(u"TRUE"_s, {}, 100000);
        QVERIFY(all.size() > kGenerated);
        QCOMPARE(modelIds(model), all.mid(0, 200));

        // The window must always be a run of the log in order, without duplicates.
        const auto slice = [&]() -> qsizetype {
            const QList<qint64> ids = modelIds(model);
            if (QSet<qint64>(ids.begin(), ids.end()).size() != ids.size())
                return -2;
            const qsizetype first = all.indexOf(ids.value(0));
            return first >= 0 && all.mid(first, ids.size()) == ids ? first : -1;
        };

        int largest = 0; // between a page's insertion and its eviction
        QObject watching;
        connect(model, &QAbstractItemModel::rowsInserted, &watching, [&] { largest = std::max(largest, model->rowCount()); });
        clickRow(table, 0);
        QList<int> counts;
        for (int i = 0; i < 14; ++i) {
            QSignalSpy pages(model, &AuditLogModel::pageLoaded);
            QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
            QCOMPARE(table->verticalScrollBar()->value(), table->verticalScrollBar()->maximum());
            QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 1, 10000);
            QVERIFY(loaded(page));
            QCOMPARE(pages.at(0).at(0).value<AuditPageDirection>(), AuditPageDirection::Older);
            counts << model->rowCount();
            QVERIFY(model->rowCount() <= 2000);
            QVERIFY2(slice() >= 0, qPrintable(u"page %1: %2"_s.arg(i).arg(slice())));
        }
        QCOMPARE(counts, (QList<int>{400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000, 2000, 2000, 2000, 2000, 2000}));
        QCOMPARE(slice(), 1000); // 15 pages read, the first 5 evicted
        QVERIFY(model->canFetchPrevious());
        QCOMPARE(modelIds(model), all.mid(1000, 2000));

        // Back to the top: each time the scroll bar reaches it, the rows just above come back.
        int back = 0;
        for (; back < 10 && model->canFetchPrevious(); ++back) {
            QSignalSpy pages(model, &AuditLogModel::pageLoaded);
            QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
            QCOMPARE(table->verticalScrollBar()->value(), 0);
            QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 1, 10000);
            QVERIFY(loaded(page));
            QCOMPARE(pages.at(0).at(0).value<AuditPageDirection>(), AuditPageDirection::Newer);
            QCOMPARE(model->rowCount(), 2000);
            QCOMPARE(slice(), 1000 - 200 * (back + 1));
            // The rows the operator was looking at stay under their eyes.
            QVERIFY(table->verticalScrollBar()->value() >= 200);
        }
        QCOMPARE(back, 5);
        qInfo("largest window between insertion and eviction: %d rows", largest);
        QVERIFY(!model->canFetchPrevious());
        QCOMPARE(modelIds(model), all.mid(0, 2000));
        QCOMPARE(model->record(0).id, all.at(0));
    }

    void verifyIntegrityFindsAnEditedAndADeletedRow()
    {
        QVERIFY(reset());
        AuditLogPage *page = m_admin->page.get();
        const auto verify = [&]() -> QString {
            click(page->verifyButton());
            if (page->verifyButton()->isEnabled())
                return u"(verification did not start)"_s;
            if (!QTest::qWaitFor([&] { return page->verifyButton()->isEnabled(); }, 20000))
                return u"(no verdict)"_s;
            return page->integrityText();
        };
        const auto intact = [&] {
            return u"Integrity verified: %1 rows checked, the chain is intact (ids %2–%3)."_s
                .arg(QLocale().toString(scalar(u"SELECT count(*) FROM audit_log"_s).toLongLong()))
                .arg(scalar(u"SELECT min(id) FROM audit_log"_s).toLongLong())
                .arg(scalar(u"SELECT max(id) FROM audit_log"_s).toLongLong());
        };
        QCOMPARE(verify(), intact());

        // An edited row is named.
        const qint64 edited = scalar(u"SELECT id FROM audit_log ORDER BY id OFFSET 2500 LIMIT 1"_s).toLongLong();
        const QVariant original = scalar(u"SELECT reason FROM audit_log WHERE id = ?"_s, {edited});
        QVERIFY(tamper(u"UPDATE audit_log SET reason = 'nothing to see here' WHERE id = ?"_s, {edited}));
        QCOMPARE(verify(), u"INTEGRITY BROKEN: Row %1 was changed after it was written."_s.arg(edited));

        // Only the filter's date range is walked: 12:00–12:01 in Berlin holds three rows, intact.
        QVERIFY(typeRange(page, u"202407151200"_s, u"202407151201"_s));
        QCOMPARE(verify(), u"Integrity verified: 3 rows checked, the chain is intact (ids %1–%2)."_s
                               .arg(m_ids.value(u"range-from"_s))
                               .arg(m_ids.value(u"range-last"_s)));
        // A range without rows verifies nothing, and says so.
        QVERIFY(reset());
        QVERIFY(typeRange(page, u"200101010000"_s, u"200101020000"_s));
        QCOMPARE(page->currentFilter().fromUtc, utc(2000, 12, 31, 23, 0));
        QCOMPARE(verify(), u"No audit rows in this range: nothing to verify."_s);
        QVERIFY(reset());
        QCOMPARE(verify(), u"INTEGRITY BROKEN: Row %1 was changed after it was written."_s.arg(edited));

        QVERIFY(tamper(u"UPDATE audit_log SET reason = ? WHERE id = ?"_s, {original, edited}));
        QCOMPARE(verify(), intact());

        // A deleted row: the link into the next one is broken.
        const qint64 deleted = scalar(u"SELECT id FROM audit_log ORDER BY id OFFSET 3000 LIMIT 1"_s).toLongLong();
        const qint64 after = scalar(u"SELECT min(id) FROM audit_log WHERE id > ?"_s, {deleted}).toLongLong();
        QVERIFY(after > deleted);
        QVERIFY(tamper(u"DELETE FROM audit_log WHERE id = ?"_s, {deleted}));
        QCOMPARE(verify(), u"INTEGRITY BROKEN: Rows are missing before row %1 (link broken)."_s.arg(after));
    }
};

int main(int argc, char **argv)
{
    // The operator's zone, before anything reads the local time: Berlin (CET/CEST), not UTC.
    qputenv("TZ", "Europe/Berlin");
    ::tzset();
    QApplication app(argc, argv);
    TestAuditPage test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_auditpage.moc"
