#include "apikeys/ApiKeysPage.h"

#include "apikeys/ApiKeyModel.h"
#include "apikeys/CreateApiKeyDialog.h"
#include "apikeys/SecretDialog.h"
#include "auth/Session.h"
#include "breaker/ConfirmActionDialog.h"
#include "core/TimeText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ops {

namespace {

const QString kPermission = QStringLiteral("api_keys:manage");

// A dialog that cannot be dismissed (Escape, window close) while its "busy" property is set.
class BusyAwareDialog final : public QDialog
{
public:
    using QDialog::QDialog;
    void reject() override
    {
        if (!property("busy").toBool())
            QDialog::reject();
    }
};

} // namespace

ApiKeysPage::ApiKeysPage(ApiKeyClient *client, Session *session, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_clock(clock)
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_create(new QPushButton(tr("&New key…"), this))
    , m_rotate(new QPushButton(tr("R&otate…"), this))
    , m_revoke(new QPushButton(tr("Re&voke…"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_message(new QLabel(this))
    , m_permission(new QLabel(this))
{
    setObjectName(QStringLiteral("apiKeysPage"));
    setAccessibleName(tr("API keys"));

    m_proxy->setSourceModel(client->model());
    m_proxy->setSortRole(ApiKeyModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setAccessibleName(tr("Filter keys"));
    m_filter->setPlaceholderText(tr("Filter by name, prefix, scope, status…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
    });

    m_table->setObjectName(QStringLiteral("apiKeys"));
    m_table->setAccessibleName(tr("API keys"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ApiKeyModel::Created, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ApiKeyModel::Scopes, QHeaderView::Stretch);

    m_message->setObjectName(QStringLiteral("message"));
    m_message->setAccessibleName(tr("Result of the last action"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_permission->setObjectName(QStringLiteral("permissionNote"));
    m_permission->setTextFormat(Qt::PlainText);
    m_permission->setWordWrap(true);
    m_permission->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_permission->hide();

    for (auto [button, name] : {std::pair{m_create, tr("New key")}, std::pair{m_rotate, tr("Rotate key")},
                                std::pair{m_revoke, tr("Revoke key")}, std::pair{m_refresh, tr("Refresh keys")}}) {
        button->setAccessibleName(name);
        button->setAutoDefault(false);
    }
    m_create->setObjectName(QStringLiteral("create"));
    m_rotate->setObjectName(QStringLiteral("rotate"));
    m_revoke->setObjectName(QStringLiteral("revoke"));
    m_refresh->setObjectName(QStringLiteral("refresh"));

    auto *filterLabel = new QLabel(tr("F&ilter:"), this);
    filterLabel->setBuddy(m_filter);
    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    top->addWidget(m_refresh);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_create);
    actions->addWidget(m_rotate);
    actions->addWidget(m_revoke);
    actions->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_permission);
    layout->addLayout(top);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);

    connect(m_create, &QPushButton::clicked, this, &ApiKeysPage::openCreate);
    connect(m_rotate, &QPushButton::clicked, this, &ApiKeysPage::openRotate);
    connect(m_revoke, &QPushButton::clicked, this, &ApiKeysPage::openRevoke);
    connect(m_refresh, &QPushButton::clicked, client, &ApiKeyClient::refresh);
    connect(client, &ApiKeyClient::refreshed, this, [this] {
        if (!m_client->problem().isEmpty())
            showMessage(tr("The key list could not be read: %1").arg(m_client->problem()), false);
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ApiKeysPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ApiKeysPage::updateActions);
    if (session) {
        connect(session, &Session::signedIn, this, [this] {
            updateActions();
            if (m_session->hasPermission(kPermission))
                m_client->refresh();
        });
        connect(session, &Session::signedOut, this, &ApiKeysPage::updateActions);
    }
    // Grace periods count down between refreshes.
    m_statusTick.setInterval(30000);
    connect(&m_statusTick, &QTimer::timeout, client->model(), &ApiKeyModel::updateStatuses);
    m_statusTick.start();
    updateActions();
}

QString ApiKeysPage::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

const ApiKey *ApiKeysPage::selectedKey() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_client)
        return nullptr;
    return m_client->model()->keyById(rows.first().data(ApiKeyModel::KeyIdRole).toLongLong());
}

void ApiKeysPage::selectKey(qint64 id)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(ApiKeyModel::KeyIdRole).toLongLong() == id) {
            m_table->selectRow(row);
            m_table->scrollTo(index);
            return;
        }
    }
}

void ApiKeysPage::updateActions()
{
    const bool permitted = m_session && m_session->hasPermission(kPermission);
    if (!permitted) {
        const QString role = m_session && !m_session->role().isEmpty() ? m_session->role() : tr("not signed in");
        m_permission->setText(tr("Only administrators manage API keys: your role (%1) does not have the permission %2.")
                                  .arg(role, kPermission));
    }
    m_permission->setVisible(!permitted);
    const ApiKey *key = selectedKey();
    const QDateTime now = m_clock.nowUtc();
    const bool busy = m_createDialog || m_rotateDialog || m_revokeDialog || m_secretDialog;
    m_create->setEnabled(permitted && !busy);
    m_refresh->setEnabled(permitted);
    m_rotate->setEnabled(permitted && !busy && key && key->status(now) == ApiKeyStatus::Active);
    m_revoke->setEnabled(permitted && !busy && key
                         && (key->status(now) == ApiKeyStatus::Active || key->status(now) == ApiKeyStatus::Expiring));
    const QString pick = tr("Select an active key first.");
    m_rotate->setToolTip(!permitted ? m_permission->text() : m_rotate->isEnabled() ? QString() : pick);
    m_revoke->setToolTip(!permitted ? m_permission->text() : m_revoke->isEnabled() ? QString() : pick);
    m_create->setToolTip(!permitted ? m_permission->text() : QString());
}

void ApiKeysPage::showMessage(const QString &text, bool good)
{
    m_message->setText(text);
    m_message->setStyleSheet(good ? QStringLiteral("color: #1b5e20; font-weight: bold;")
                                  : QStringLiteral("color: #b71c1c; font-weight: bold;"));
    m_message->show();
}

void ApiKeysPage::showSecret(const ApiKey &key, QString &secret, const QString &note)
{
    auto *dialog = new SecretDialog(key.name, secret, note, this);
    secret.fill(QChar(0)); // the dialog holds the only copy now
    secret.clear();
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_secretDialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (m_secretDialog == dialog)
            m_secretDialog = nullptr;
        updateActions();
    });
    dialog->open();
    updateActions();
}

void ApiKeysPage::openCreate()
{
    if (m_createDialog || !m_client)
        return;
    auto *dialog = new CreateApiKeyDialog(m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_createDialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (m_createDialog == dialog)
            m_createDialog = nullptr;
        updateActions();
    });
    connect(dialog, &CreateApiKeyDialog::createRequested, this, [this, dialog] {
        // The page, not the dialog, receives the answer: a new secret is shown whatever happened to the dialog.
        m_client->create(dialog->name(), dialog->scopes(), dialog->expiresAt(), this,
                         [this, dialog = QPointer<CreateApiKeyDialog>(dialog)](ApiKeyClient::Result &r) {
            if (r.kind != ApiKeyClient::Result::Kind::Done) {
                if (dialog)
                    dialog->showServerErrors(r.fields, r.message);
                else
                    showMessage(r.message, false);
                return;
            }
            if (dialog) {
                dialog->setBusy(false);
                dialog->accept();
            }
            showMessage(tr("Key \"%1\" (%2) created. %3").arg(r.key.name, r.key.prefix, r.message), true);
            showSecret(r.key, r.secret, {});
        });
    });
    dialog->open();
    updateActions();
}

void ApiKeysPage::openRotate()
{
    const ApiKey *selected = selectedKey();
    if (!selected || m_rotateDialog || !m_client)
        return;
    const ApiKey key = *selected;
    const QDateTime until = m_clock.nowUtc().addSecs(ApiKeyJson::RotationGraceSeconds);

    auto *dialog = new BusyAwareDialog(this);
    dialog->setObjectName(QStringLiteral("rotateDialog"));
    dialog->setWindowTitle(tr("Rotate API key — %1").arg(key.name));
    dialog->setAccessibleName(tr("Rotate API key"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *text = new QLabel(tr("Rotate \"%1\" (%2)?\n\nA new key is issued now and shown once. The old key keeps "
                               "working until %3 (24 hours), then stops: every application using it must switch "
                               "to the new key before then.")
                                .arg(key.name, key.prefix, timetext::local(until)),
                            dialog);
    text->setObjectName(QStringLiteral("rotateText"));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    auto *message = new QLabel(dialog);
    message->setObjectName(QStringLiteral("message"));
    message->setTextFormat(Qt::PlainText);
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    message->hide();
    auto *cancel = new QPushButton(tr("Cancel"), dialog);
    cancel->setObjectName(QStringLiteral("cancel"));
    cancel->setAutoDefault(false);
    auto *confirm = new QPushButton(tr("Rotate key"), dialog);
    confirm->setObjectName(QStringLiteral("confirm"));
    confirm->setAccessibleName(tr("Rotate key"));
    confirm->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(cancel);
    buttons->addWidget(confirm);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(message);
    layout->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, dialog, &QDialog::reject);
    connect(confirm, &QPushButton::clicked, dialog, [this, dialog, confirm, cancel, message, key] {
        confirm->setEnabled(false); // one click, one request
        cancel->setEnabled(false);
        dialog->setProperty("busy", true);
        m_client->rotate(key.id, this, [this, dialog = QPointer<QDialog>(dialog), confirm, cancel, message](ApiKeyClient::Result &r) {
            if (dialog)
                dialog->setProperty("busy", false);
            if (r.kind != ApiKeyClient::Result::Kind::Done) {
                if (!dialog) {
                    showMessage(r.message, false);
                    return;
                }
                message->setText(r.message);
                message->show();
                confirm->setEnabled(true);
                cancel->setEnabled(true);
                return;
            }
            if (dialog)
                dialog->accept();
            const QString note = tr("The old key %1 keeps working until %2.")
                                     .arg(r.oldKey.prefix, timetext::local(r.oldKey.graceExpiresAt));
            showMessage(tr("Key \"%1\" rotated: new prefix %2. %3 %4").arg(r.key.name, r.key.prefix, note, r.message), true);
            showSecret(r.key, r.secret, note);
        });
    });
    m_rotateDialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (m_rotateDialog == dialog)
            m_rotateDialog = nullptr;
        updateActions();
    });
    dialog->open();
    cancel->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void ApiKeysPage::openRevoke()
{
    const ApiKey *selected = selectedKey();
    if (!selected || m_revokeDialog || !m_client)
        return;
    const ApiKey key = *selected;
    ConfirmActionSpec spec;
    spec.title = tr("Revoke API key — %1").arg(key.name);
    spec.headline = tr("Revoke \"%1\" (%2): it stops working immediately.").arg(key.name, key.prefix);
    spec.effect = tr("Every application using this key is refused at once. This cannot be undone.");
    spec.confirmLabel = tr("Revoke key");
    spec.reasonLabel = tr("Reason");
    spec.environmentName = key.name; // typed to confirm
    auto *dialog = new ConfirmActionDialog(spec, m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_revokeDialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (m_revokeDialog == dialog)
            m_revokeDialog = nullptr;
        updateActions();
    });
    connect(dialog, &ConfirmActionDialog::confirmed, this, [this, dialog, key] {
        m_client->revoke(key.id, dialog->reason(), dialog, [this, dialog](ApiKeyClient::Result &r) {
            if (r.kind != ApiKeyClient::Result::Kind::Done) {
                dialog->showFailure(r.fields.value(QStringLiteral("reason"), r.message));
                return;
            }
            dialog->setBusy(false);
            dialog->accept();
            showMessage(tr("Key \"%1\" (%2) revoked. %3").arg(r.key.name, r.key.prefix, r.message), true);
        });
    });
    dialog->open();
    updateActions();
}

} // namespace ops
