#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace ops {

// Secrets (tokens, database passwords) in the OS keychain through QtKeychain, and nowhere else.
// Every call is asynchronous and time-boxed so a hung keychain never freezes the window. When
// the keychain is missing or locked the store says so (available() == false, with the reason)
// and keeps secrets in memory for this run only. The insecure plaintext fallback is never used.
class CredentialStore final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 5000;

    enum class Outcome { Ok, NotFound, Unavailable, TimedOut, Failed };
    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString secret;   // for reads
        QString message;  // operator-facing when not Ok
    };
    using Callback = std::function<void(const Result &)>;

    // `service` is the keychain service name (the app's); keys are e.g. "token/<profile>".
    explicit CredentialStore(const QString &service = QStringLiteral("ops-console"), QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void read(const QString &key, QObject *context, Callback callback);
    void write(const QString &key, const QString &secret, QObject *context, Callback callback);
    void remove(const QString &key, QObject *context, Callback callback);

    // False once the keychain failed as missing/locked; the reason says why.
    [[nodiscard]] bool available() const { return m_available; }
    [[nodiscard]] QString unavailableReason() const { return m_reason; }

    [[nodiscard]] static QString tokenKey(const QString &profile) { return QStringLiteral("token/") + profile; }
    [[nodiscard]] static QString postgresPasswordKey(const QString &profile) { return QStringLiteral("postgres/") + profile; }

signals:
    void availabilityChanged(bool available);

private:
    void markUnavailable(const QString &detail);
    [[nodiscard]] Result fromMemory(const QString &key) const;
    [[nodiscard]] static Result timedOut(int timeoutMs);

    QString m_service;
    int m_timeoutMs = DefaultTimeoutMs;
    bool m_available = true;
    QString m_reason;
    QHash<QString, QString> m_memoryOnly; // used only while the keychain is unavailable
};

} // namespace ops
