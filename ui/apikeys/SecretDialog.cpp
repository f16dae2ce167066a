#include "apikeys/SecretDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCryptographicHash>
#include <QCloseEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops {

namespace {

QByteArray fingerprint(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

// Clears the clipboard when its time is up if it still holds the key, after the dialog (and its
// copy of the key) is gone: it knows only the key's SHA-256.
class ClipboardGuard final : public QObject
{
public:
    ClipboardGuard(QByteArray print, int remainingMs)
        : QObject(qApp), m_print(std::move(print))
    {
        QTimer::singleShot(std::max(0, remainingMs), this, [this] {
            QClipboard *clipboard = QApplication::clipboard();
            if (fingerprint(clipboard->text()) == m_print)
                clipboard->clear();
            deleteLater();
        });
    }

private:
    QByteArray m_print;
};

} // namespace

SecretDialog::SecretDialog(const QString &keyName, const QString &secret, const QString &note, QWidget *parent)
    : QDialog(parent)
    , m_secret(secret)
    , m_field(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_copied(new QCheckBox(tr("I have &copied this key and stored it safely"), this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_copyNote(new QLabel(this))
{
    setObjectName(QStringLiteral("secretDialog"));
    setWindowTitle(tr("New API key — %1").arg(keyName));
    setAccessibleName(tr("New API key"));
    setModal(true);
    setMinimumWidth(640);

    auto *layout = new QVBoxLayout(this);
    auto *warning = new QLabel(tr("This is the only time the key \"%1\" is shown. Copy it now: it cannot be shown again.")
                                   .arg(keyName),
                               this);
    warning->setTextFormat(Qt::PlainText);
    warning->setWordWrap(true);
    QFont bold = warning->font();
    bold.setBold(true);
    warning->setFont(bold);
    layout->addWidget(warning);
    if (!note.isEmpty()) {
        auto *noteLabel = new QLabel(note, this);
        noteLabel->setTextFormat(Qt::PlainText);
        noteLabel->setWordWrap(true);
        noteLabel->setObjectName(QStringLiteral("note"));
        layout->addWidget(noteLabel);
    }

    m_field->setObjectName(QStringLiteral("secret"));
    m_field->setAccessibleName(tr("API key"));
    m_field->setReadOnly(true);
    m_field->setText(m_secret);
    m_field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_field->setContextMenuPolicy(Qt::NoContextMenu); // Copy below is the one way out, so it can be cleared
    // The keyboard's copy goes the same way (timer included), and no selection is left for the
    // X11 primary selection to pick up.
    m_field->installEventFilter(this);
    connect(m_field, &QLineEdit::selectionChanged, m_field, [this] {
        if (m_field->hasSelectedText())
            m_field->deselect();
    });
    m_copy->setObjectName(QStringLiteral("copy"));
    m_copy->setAccessibleName(tr("Copy the key to the clipboard"));
    m_copy->setAutoDefault(false);
    auto *row = new QHBoxLayout;
    row->addWidget(m_field, 1);
    row->addWidget(m_copy);
    layout->addLayout(row);

    m_copyNote->setObjectName(QStringLiteral("copyNote"));
    m_copyNote->setTextFormat(Qt::PlainText);
    m_copyNote->setAccessibleName(tr("Clipboard"));
    m_copyNote->hide();
    layout->addWidget(m_copyNote);

    m_copied->setObjectName(QStringLiteral("copied"));
    m_copied->setAccessibleName(tr("I have copied this key"));
    layout->addWidget(m_copied);

    m_close->setObjectName(QStringLiteral("close"));
    m_close->setAccessibleName(tr("Close"));
    m_close->setEnabled(false);
    m_close->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    m_clearTimer.setSingleShot(true);
    m_clearTimer.setInterval(ClipboardClearMs);
    connect(&m_clearTimer, &QTimer::timeout, this, &SecretDialog::clearClipboardIfStillOurs);
    connect(m_copy, &QPushButton::clicked, this, &SecretDialog::copy);
    connect(m_copied, &QCheckBox::toggled, m_close, &QPushButton::setEnabled);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    m_copy->setFocus(Qt::OtherFocusReason);
}

SecretDialog::~SecretDialog()
{
    // A key still on the clipboard when the dialog goes away is cleared now rather than never.
    clearClipboardIfStillOurs();
    wipe();
}

void SecretDialog::copy()
{
    if (m_secret.isEmpty())
        return;
    QApplication::clipboard()->setText(m_secret);
    m_copiedToClipboard = true;
    m_clearTimer.start();
    m_copyNote->setText(tr("Copied. The clipboard is cleared in %1 s if it still holds the key.")
                            .arg(m_clearTimer.interval() / 1000));
    m_copyNote->show();
}

void SecretDialog::clearClipboardIfStillOurs()
{
    if (!m_copiedToClipboard || m_secret.isEmpty())
        return;
    QClipboard *clipboard = QApplication::clipboard();
    if (fingerprint(clipboard->text()) == fingerprint(m_secret))
        clipboard->clear();
    m_copiedToClipboard = false;
    if (m_copyNote)
        m_copyNote->setText(tr("The clipboard was cleared."));
}

void SecretDialog::wipe()
{
    m_secret.fill(QLatin1Char('*'));
    m_field->setText(QString(m_field->text().size(), QLatin1Char('*')));
    m_field->clear();
    m_secret.clear();
}

void SecretDialog::done(int result)
{
    if (!m_copied->isChecked())
        return; // Escape and window-close end up here too
    // The clipboard still gets cleared on time, by a guard that knows only the key's hash.
    if (m_copiedToClipboard && m_clearTimer.isActive()) {
        new ClipboardGuard(fingerprint(m_secret), m_clearTimer.remainingTime());
        m_clearTimer.stop();
        m_copiedToClipboard = false;
    }
    wipe();
    QDialog::done(result);
}

bool SecretDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut)) {
            if (event->type() == QEvent::KeyPress)
                copy();
            event->accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SecretDialog::closeEvent(QCloseEvent *event)
{
    if (!m_copied->isChecked()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

} // namespace ops
