#pragma once

#include "apikeys/ApiKeyClient.h"
#include "apikeys/CreateApiKeyDialog.h"
#include "apikeys/SecretDialog.h"
#include "breaker/ConfirmActionDialog.h"
#include "core/Clock.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ops {

class Session;

// Admin → API keys: a sortable, filterable table (name, prefix, scopes, created, created by,
// last used, expires, status with the grace time left), and New / Rotate / Revoke. Only admins
// (api_keys:manage) can use it; everyone else sees why not.
class ApiKeysPage final : public QWidget
{
    Q_OBJECT
public:
    ApiKeysPage(ApiKeyClient *client, Session *session, const Clock &clock = Clock::system(), QWidget *parent = nullptr);

    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QSortFilterProxyModel *proxy() const { return m_proxy; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QPushButton *createButton() const { return m_create; }
    [[nodiscard]] QPushButton *rotateButton() const { return m_rotate; }
    [[nodiscard]] QPushButton *revokeButton() const { return m_revoke; }
    [[nodiscard]] QString messageText() const;
    [[nodiscard]] CreateApiKeyDialog *createDialog() const { return m_createDialog; }
    [[nodiscard]] SecretDialog *secretDialog() const { return m_secretDialog; }
    [[nodiscard]] QDialog *rotateDialog() const { return m_rotateDialog; }
    [[nodiscard]] ConfirmActionDialog *revokeDialog() const { return m_revokeDialog; }

    void openCreate();
    void openRotate();
    void openRevoke();
    // Selects the row of the key with this id (after a refresh, for example).
    void selectKey(qint64 id);

private:
    [[nodiscard]] const ApiKey *selectedKey() const;
    void updateActions();
    void showMessage(const QString &text, bool good);
    void showSecret(const ApiKey &key, QString &secret, const QString &note);

    QPointer<ApiKeyClient> m_client;
    QPointer<Session> m_session;
    const Clock &m_clock;
    QLineEdit *m_filter;
    QTableView *m_table;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_create;
    QPushButton *m_rotate;
    QPushButton *m_revoke;
    QPushButton *m_refresh;
    QLabel *m_message;
    QLabel *m_permission;
    QTimer m_statusTick;
    QPointer<CreateApiKeyDialog> m_createDialog;
    QPointer<SecretDialog> m_secretDialog;
    QPointer<QDialog> m_rotateDialog;
    QPointer<ConfirmActionDialog> m_revokeDialog;
};

} // namespace ops
