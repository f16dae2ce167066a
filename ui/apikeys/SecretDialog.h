#pragma once

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QLabel;

namespace ops {

// Shows a new API key exactly once. Copy puts it on the clipboard and clears the clipboard again
// after 30 s if it still holds the key. The dialog cannot be closed (button, Escape, window
// close) until "I have copied this key" is ticked. The key is never logged or stored, and the
// dialog's copy is overwritten when it closes.
class SecretDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr int ClipboardClearMs = 30000;

    SecretDialog(const QString &keyName, const QString &secret, const QString &note, QWidget *parent = nullptr);
    ~SecretDialog() override;

    void setClipboardClearMs(int ms) { m_clearTimer.setInterval(ms); } // tests
    [[nodiscard]] QLineEdit *secretField() const { return m_field; }
    [[nodiscard]] QPushButton *copyButton() const { return m_copy; }
    [[nodiscard]] QCheckBox *copiedBox() const { return m_copied; }
    [[nodiscard]] QPushButton *closeButton() const { return m_close; }
    [[nodiscard]] bool isWiped() const { return m_secret.isEmpty(); }

public slots:
    void done(int result) override;

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void copy();
    void clearClipboardIfStillOurs();
    void wipe();

    QString m_secret;
    QLineEdit *m_field;
    QPushButton *m_copy;
    QCheckBox *m_copied;
    QPushButton *m_close;
    QLabel *m_copyNote;
    QTimer m_clearTimer;
    bool m_copiedToClipboard = false;
};

} // namespace ops
