#include "apikeys/CreateApiKeyDialog.h"

#include "apikeys/ApiKey.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops {

namespace {

QLabel *errorLabel(QWidget *parent, const QString &field)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("error_") + field);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    label->hide();
    return label;
}

} // namespace

CreateApiKeyDialog::CreateApiKeyDialog(const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_clock(clock)
    , m_name(new QLineEdit(this))
    , m_expires(new QCheckBox(tr("&Expires"), this))
    , m_expiry(new QDateTimeEdit(this))
    , m_create(new QPushButton(tr("C&reate key"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("createApiKeyDialog"));
    setWindowTitle(tr("New API key"));
    setAccessibleName(tr("New API key"));
    setModal(true);

    for (const char *field : {"name", "scopes", "expires_at", "form"})
        m_errors.insert(QLatin1String(field), errorLabel(this, QLatin1String(field)));

    auto *form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setAccessibleName(tr("Key name"));
    m_name->setMaxLength(200);
    m_name->setPlaceholderText(tr("e.g. reconciliation-batch"));
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto *nameBox = new QVBoxLayout;
    nameBox->addWidget(m_name);
    nameBox->addWidget(m_errors.value(QStringLiteral("name")));
    form->addRow(nameLabel, nameBox);

    auto *scopeBox = new QVBoxLayout;
    for (const QString &scope : ApiKeyJson::allScopes()) {
        auto *box = new QCheckBox(ApiKeyJson::scopeTitle(scope), this);
        box->setObjectName(QStringLiteral("scope_") + scope);
        box->setAccessibleName(ApiKeyJson::scopeTitle(scope));
        m_scopes.insert(scope, box);
        scopeBox->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &CreateApiKeyDialog::validate);
    }
    scopeBox->addWidget(m_errors.value(QStringLiteral("scopes")));
    form->addRow(new QLabel(tr("Scopes:"), this), scopeBox);

    m_expires->setObjectName(QStringLiteral("expires"));
    m_expires->setAccessibleName(tr("The key expires"));
    m_expiry->setObjectName(QStringLiteral("expiry"));
    m_expiry->setAccessibleName(tr("Expiry (your time zone)"));
    m_expiry->setCalendarPopup(true);
    m_expiry->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_expiry->setTimeSpec(Qt::LocalTime);
    m_expiry->setDateTime(m_clock.nowUtc().toLocalTime().addDays(90));
    m_expiry->setEnabled(false);
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expires);
    expiryRow->addWidget(m_expiry, 1);
    auto *expiryBox = new QVBoxLayout;
    expiryBox->addLayout(expiryRow);
    expiryBox->addWidget(m_errors.value(QStringLiteral("expires_at")));
    form->addRow(new QLabel(tr("Expiry:"), this), expiryBox);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errors.value(QStringLiteral("form")));
    m_create->setObjectName(QStringLiteral("create"));
    m_create->setAccessibleName(tr("Create key"));
    m_create->setAutoDefault(false);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_create);
    layout->addLayout(buttons);

    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_serverErrors.remove(QStringLiteral("name"));
        validate();
    });
    connect(m_expires, &QCheckBox::toggled, m_expiry, &QWidget::setEnabled);
    connect(m_expires, &QCheckBox::toggled, this, &CreateApiKeyDialog::validate);
    connect(m_expiry, &QDateTimeEdit::dateTimeChanged, this, [this] {
        m_serverErrors.remove(QStringLiteral("expires_at"));
        validate();
    });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, [this] {
        if (!isValid() || m_busy)
            return;
        setBusy(true);
        emit createRequested();
    });
    validate();
    m_name->setFocus(Qt::OtherFocusReason);
}

QString CreateApiKeyDialog::name() const
{
    return m_name->text().trimmed();
}

QStringList CreateApiKeyDialog::scopes() const
{
    QStringList out;
    for (const QString &scope : ApiKeyJson::allScopes())
        if (m_scopes.value(scope)->isChecked())
            out << scope;
    return out;
}

QDateTime CreateApiKeyDialog::expiresAt() const
{
    return m_expires->isChecked() ? m_expiry->dateTime().toUTC() : QDateTime();
}

QCheckBox *CreateApiKeyDialog::scopeBox(const QString &scope) const
{
    return m_scopes.value(scope);
}

QString CreateApiKeyDialog::fieldError(const QString &field) const
{
    QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

bool CreateApiKeyDialog::isValid() const
{
    return ApiKeyJson::nameProblem(m_name->text()).isEmpty() && ApiKeyJson::scopesProblem(scopes()).isEmpty()
           && ApiKeyJson::expiryProblem(expiresAt(), m_clock.nowUtc()).isEmpty();
}

void CreateApiKeyDialog::validate()
{
    const QHash<QString, QString> problems{
        // An empty name is not an error yet: nobody has typed anything.
        {QStringLiteral("name"), m_name->text().isEmpty() ? QString() : ApiKeyJson::nameProblem(m_name->text())},
        {QStringLiteral("scopes"), QString()},
        {QStringLiteral("expires_at"), ApiKeyJson::expiryProblem(expiresAt(), m_clock.nowUtc())},
    };
    for (auto it = problems.begin(); it != problems.end(); ++it) {
        const QString text = m_serverErrors.value(it.key(), it.value());
        QLabel *label = m_errors.value(it.key());
        label->setText(text);
        label->setVisible(!text.isEmpty());
    }
    if (scopes().isEmpty()) {
        m_errors.value(QStringLiteral("scopes"))->setText(ApiKeyJson::scopesProblem({}));
        m_errors.value(QStringLiteral("scopes"))->show();
    }
    m_create->setEnabled(!m_busy && isValid());
}

void CreateApiKeyDialog::reject()
{
    if (m_busy)
        return;
    QDialog::reject();
}

void CreateApiKeyDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_create->setText(busy ? tr("Creating…") : tr("C&reate key"));
    m_name->setReadOnly(busy);
    for (QCheckBox *box : std::as_const(m_scopes))
        box->setEnabled(!busy);
    m_expires->setEnabled(!busy);
    m_expiry->setEnabled(!busy && m_expires->isChecked());
    m_cancel->setEnabled(!busy);
    validate();
}

void CreateApiKeyDialog::showServerErrors(const QHash<QString, QString> &fields, const QString &message)
{
    m_serverErrors = fields;
    QLabel *form = m_errors.value(QStringLiteral("form"));
    form->setText(message);
    form->setVisible(!message.isEmpty());
    setBusy(false);
}

} // namespace ops
