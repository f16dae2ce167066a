#pragma once

#include "core/Clock.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ops {

// New API key: a name (3–50 characters), at least one scope, an optional expiry in the future.
// Each rule is shown next to its field as it is broken, and the server's own messages (422) land
// in the same places. Create stays disabled until everything holds; one click sends one request.
class CreateApiKeyDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit CreateApiKeyDialog(const Clock &clock = Clock::system(), QWidget *parent = nullptr);

    [[nodiscard]] QString name() const;
    [[nodiscard]] QStringList scopes() const;
    [[nodiscard]] QDateTime expiresAt() const; // UTC; invalid = never
    [[nodiscard]] bool isValid() const;

    void setBusy(bool busy);
    void showServerErrors(const QHash<QString, QString> &fields, const QString &message);

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QCheckBox *scopeBox(const QString &scope) const;
    [[nodiscard]] QCheckBox *expiresBox() const { return m_expires; }
    [[nodiscard]] QDateTimeEdit *expiryEdit() const { return m_expiry; }
    [[nodiscard]] QPushButton *createButton() const { return m_create; }
    [[nodiscard]] QString fieldError(const QString &field) const;

public slots:
    void reject() override; // refused while the request is on its way: its answer must be seen

signals:
    void createRequested();

private:
    void validate();

    const Clock &m_clock;
    QLineEdit *m_name;
    QHash<QString, QCheckBox *> m_scopes;
    QCheckBox *m_expires;
    QDateTimeEdit *m_expiry;
    QHash<QString, QLabel *> m_errors; // name, scopes, expires_at, form
    QPushButton *m_create;
    QPushButton *m_cancel;
    QHash<QString, QString> m_serverErrors;
    bool m_busy = false;
};

} // namespace ops
