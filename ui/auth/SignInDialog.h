#pragma once

#include "api/ApiClient.h"
#include "auth/Session.h"
#include "profiles/ConnectionProfile.h"

#include <QDeadlineTimer>
#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace ops {

class ApiClient;
class Session;
struct ApiResult;

// Signs the operator in to one profile's platform. Shows where they are signing in (environment,
// PRODUCTION in capitals, server URL), asks for user name and password, and reports failures
// inline by kind. The password is handed to the Session and cleared from the field at once; it is
// never kept. Accepts when the Session reports signedIn().
class SignInDialog final : public QDialog
{
    Q_OBJECT

public:
    // `api` is optional: when given, TLS failures show its full lastTlsProblem().
    SignInDialog(const ConnectionProfile &profile, Session *session, ApiClient *api = nullptr,
                 QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setUserName(const QString &user);
    [[nodiscard]] QString userName() const;
    // Why the operator is asked (e.g. "Your session expired"); empty hides the line.
    void setReason(const QString &reason);
    // A non-blocking notice, e.g. that the keychain is unavailable.
    void setNotice(const QString &notice);

    [[nodiscard]] bool isSigningIn() const { return m_busy; }
    [[nodiscard]] int retrySecondsLeft() const;
    [[nodiscard]] QString messageText() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString noticeText() const;
    [[nodiscard]] QString detailsText() const;
    [[nodiscard]] QPushButton *signInButton() const { return m_signIn; }

private:
    void submit();
    void onFailed(const ApiResult &result);
    void onSignedIn();
    void showMessage(const QString &text, const QString &details = {});
    void updateRetryCountdown();
    void updateEnabled();

    ConnectionProfile m_profile;
    QPointer<Session> m_session;
    QPointer<ApiClient> m_api;
    QLabel *m_reason;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_status;
    QLabel *m_message;
    QPlainTextEdit *m_details;
    QLabel *m_notice;
    QPushButton *m_signIn;
    QPushButton *m_cancel;
    QTimer *m_retryTimer;
    QDeadlineTimer m_retryDeadline;
    bool m_rateLimited = false;
    bool m_busy = false;
};

} // namespace ops
