#include "auth/SignInDialog.h"

#include "api/ApiClient.h"
#include "auth/Session.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace ops {

namespace {

QLabel *plainLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

SignInDialog::SignInDialog(const ConnectionProfile &profile, Session *session, ApiClient *api, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_session(session)
    , m_api(api)
    , m_reason(plainLabel(this, QStringLiteral("reason")))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember me on this computer"), this))
    , m_status(plainLabel(this, QStringLiteral("status")))
    , m_message(plainLabel(this, QStringLiteral("message")))
    , m_details(new QPlainTextEdit(this))
    , m_notice(plainLabel(this, QStringLiteral("notice")))
    , m_signIn(new QPushButton(tr("&Sign in"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_retryTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in — %1").arg(profile.name));
    setAccessibleName(tr("Sign in"));

    const QString env = profile.environment.isEmpty() ? profile.name : profile.environment;
    auto *environment = plainLabel(this, QStringLiteral("environment"));
    if (profile.isProduction()) {
        environment->setText(tr("PRODUCTION — %1: changes here affect live trading").arg(profile.name));
        QFont f = environment->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.3);
        environment->setFont(f);
        environment->setStyleSheet(QStringLiteral("color: white; background: #b71c1c; padding: 6px;"));
    } else {
        environment->setText(tr("Environment: %1 (profile %2)").arg(env, profile.name));
        QFont f = environment->font();
        f.setBold(true);
        environment->setFont(f);
    }
    environment->setAccessibleName(tr("Environment"));

    auto *server = plainLabel(this, QStringLiteral("server"));
    server->setText(tr("Server: %1").arg(profile.restBaseUrl.toDisplayString()));
    server->setAccessibleName(tr("Server address"));

    m_reason->setAccessibleName(tr("Why you are asked to sign in"));
    m_reason->hide();

    m_user->setObjectName(QStringLiteral("userName"));
    m_user->setAccessibleName(tr("User name"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);

    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setAccessibleName(tr("Remember me on this computer"));
    const QString rememberHelp =
        tr("Keeps your sign-in token in the system keychain so the console signs you in at start-up. "
           "Your password is never stored.");
    m_remember->setToolTip(rememberHelp);
    m_remember->setAccessibleDescription(rememberHelp);
    auto *rememberNote = plainLabel(this, QStringLiteral("rememberNote"));
    rememberNote->setText(rememberHelp);
    rememberNote->setAccessibleName(tr("About remembering"));
    QFont small = rememberNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    rememberNote->setFont(small);

    m_status->setAccessibleName(tr("Sign-in status"));
    m_status->hide();
    m_message->setAccessibleName(tr("Sign-in problem"));
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    m_message->hide();
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setAccessibleName(tr("Problem details"));
    m_details->setReadOnly(true);
    m_details->setTabChangesFocus(true);
    m_details->setMaximumHeight(120);
    m_details->hide();
    m_notice->setAccessibleName(tr("Notice"));
    m_notice->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_notice->hide();

    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setDefault(true);
    m_signIn->setAutoDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setAutoDefault(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), rememberNote);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(environment);
    layout->addWidget(server);
    layout->addWidget(m_reason);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_message);
    layout->addWidget(m_details);
    layout->addWidget(m_notice);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    setTabOrder(m_user, m_password);
    setTabOrder(m_password, m_remember);
    setTabOrder(m_remember, m_signIn);
    setTabOrder(m_signIn, m_cancel);

    // Not the button box's accepted(): signing in is asynchronous, the dialog accepts on success.
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    m_retryTimer->setInterval(250);
    connect(m_retryTimer, &QTimer::timeout, this, &SignInDialog::updateRetryCountdown);

    if (session) {
        connect(session, &Session::signInFailed, this, &SignInDialog::onFailed);
        connect(session, &Session::signedIn, this, &SignInDialog::onSignedIn);
        connect(session, &Session::keychainProblem, this, [this](const QString &message) {
            setNotice(tr("The system keychain is not available (%1). Your sign-in is kept in memory for this "
                         "session only; you will be asked again next time.")
                          .arg(message));
        });
        if (!session->userName().isEmpty())
            m_user->setText(session->userName());
    }
    m_user->setFocus(Qt::OtherFocusReason);
    updateEnabled();
}

SignInDialog::~SignInDialog()
{
    m_password->clear();
}

void SignInDialog::setUserName(const QString &user)
{
    m_user->setText(user);
    (user.isEmpty() ? m_user : m_password)->setFocus(Qt::OtherFocusReason);
}

QString SignInDialog::userName() const { return m_user->text(); }

void SignInDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

void SignInDialog::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

int SignInDialog::retrySecondsLeft() const
{
    if (!m_rateLimited)
        return 0;
    const qint64 ms = m_retryDeadline.remainingTime();
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

QString SignInDialog::messageText() const { return m_message->isHidden() ? QString() : m_message->text(); }
QString SignInDialog::statusText() const { return m_status->isHidden() ? QString() : m_status->text(); }
QString SignInDialog::noticeText() const { return m_notice->isHidden() ? QString() : m_notice->text(); }
QString SignInDialog::detailsText() const { return m_details->isHidden() ? QString() : m_details->toPlainText(); }

void SignInDialog::submit()
{
    if (!m_session || m_busy || m_rateLimited)
        return;
    if (m_user->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showMessage(tr("Enter your user name and password."));
        (m_user->text().trimmed().isEmpty() ? m_user : m_password)->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QString user = m_user->text().trimmed();
    QString password = m_password->text();
    // The field never keeps the password past the attempt.
    m_password->clear();
    m_busy = true;
    showMessage({});
    m_status->setText(tr("Signing in…"));
    m_status->show();
    updateEnabled();
    m_session->signIn(user, password, m_remember->isChecked());
    password.fill(QLatin1Char(' '));
    password.clear();
}

void SignInDialog::onSignedIn()
{
    m_password->clear();
    m_busy = false;
    m_status->hide();
    if (isVisible())
        accept();
}

void SignInDialog::onFailed(const ApiResult &result)
{
    if (!m_busy)
        return; // not our attempt (e.g. a restore at start-up)
    m_busy = false;
    m_password->clear();
    m_status->hide();
    const QString server = m_profile.restBaseUrl.toDisplayString();
    using Kind = ApiResult::Kind;
    switch (result.kind) {
    case Kind::Unauthenticated:
        showMessage(tr("Wrong user name or password."));
        break;
    case Kind::RateLimited:
        if (result.retryAfterSeconds && *result.retryAfterSeconds > 0) {
            m_rateLimited = true;
            m_retryDeadline = QDeadlineTimer(qint64(*result.retryAfterSeconds) * 1000);
            m_retryTimer->start();
            updateRetryCountdown();
        } else {
            showMessage(tr("Too many failed attempts. Wait a moment before trying again."));
        }
        break;
    case Kind::TlsError: {
        const QString full = m_api && !m_api->lastTlsProblem().isEmpty() ? m_api->lastTlsProblem() : result.message;
        showMessage(tr("The server's certificate was refused: %1").arg(result.message.isEmpty() ? full : result.message),
                    full);
        break;
    }
    case Kind::Timeout:
        showMessage(tr("The server at %1 did not answer in time. Check the connection and try again.").arg(server),
                    result.message);
        break;
    case Kind::NetworkError:
        showMessage(tr("Cannot reach the server at %1: %2").arg(server, result.message));
        break;
    case Kind::Forbidden:
        showMessage(tr("This account may not sign in here: %1").arg(result.message));
        break;
    case Kind::ServerError:
        showMessage(tr("The server failed to sign you in (HTTP %1). Try again later.").arg(result.httpStatus),
                    result.message);
        break;
    case Kind::ClientError:
    case Kind::Ok:
        showMessage(tr("Sign-in was refused (HTTP %1): %2").arg(result.httpStatus).arg(result.message));
        break;
    }
    updateEnabled();
    (m_user->text().isEmpty() ? m_user : m_password)->setFocus(Qt::OtherFocusReason);
}

void SignInDialog::showMessage(const QString &text, const QString &details)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_details->setPlainText(details);
    m_details->setVisible(!details.isEmpty());
}

void SignInDialog::updateRetryCountdown()
{
    const int left = retrySecondsLeft();
    if (left <= 0) {
        m_rateLimited = false;
        m_retryTimer->stop();
        showMessage(tr("You can try again now."));
    } else {
        showMessage(tr("Too many failed attempts. Try again in %1 s.").arg(left));
    }
    updateEnabled();
}

void SignInDialog::updateEnabled()
{
    m_user->setEnabled(!m_busy);
    m_password->setEnabled(!m_busy);
    m_remember->setEnabled(!m_busy);
    m_signIn->setEnabled(!m_busy && !m_rateLimited);
}

} // namespace ops
