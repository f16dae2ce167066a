#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;
class QObject;

namespace ops {

// Help → Create support bundle: one ZIP file an operator can attach to a ticket.
//
//   README.txt        what is inside, when it was made, how many values were redacted
//   versions.json     console, Qt (build and run time), OS, kernel, CPU, PostgreSQL client (libpq)
//   settings.ini      the settings file as "key = value", values of secret keys replaced
//   health.json       the last health snapshot (HealthReport::json), when there is one
//   logs/<file>       every log file (the current one and the rotated ones), redacted
//
// Redaction (redact()) removes bearer tokens and Authorization/Cookie headers, passwords, secrets
// and tokens in key=value / "key": "value" form, API key secrets (tp_live_/tp_test_: the public
// prefix stays), JWTs, passwords in URLs, PEM private keys, values stored under the keychain's
// key names (token/<profile>, postgres/<profile>), and any literal value passed as a known secret.
//
// The ZIP is written without compression (a minimal "stored" writer: local headers, central
// directory, CRC-32), through QSaveFile: the file appears only when complete. write() may take a
// while for large logs; writeAsync() runs it on the thread pool and reports on the context's thread.
class SupportBundle final
{
    Q_DECLARE_TR_FUNCTIONS(ops::SupportBundle)

public:
    static inline const QString Redacted = QStringLiteral("[REDACTED]");
    static constexpr qint64 DefaultMaxLogBytes = 64LL * 1024 * 1024;

    struct Entry
    {
        QString name; // path inside the archive, '/' separated
        QByteArray data;
        QDateTime modified; // UTC; invalid = the bundle's time
    };

    struct Options
    {
        QString outputPath;
        QString logDirectory;          // every regular file whose name contains ".log"
        QString settingsFile;          // INI file to dump without secrets; empty = none
        QByteArray healthJson;         // last health snapshot; empty = none
        QJsonObject versions;          // collectVersions(), gathered on the caller's thread
        QStringList knownSecrets;      // literal values to remove wherever they appear (≥ 4 characters)
        QDateTime createdAt;           // UTC; invalid = now
        qint64 maxLogBytes = DefaultMaxLogBytes; // newest files first; older ones beyond this are left out
    };

    struct Result
    {
        bool ok = false;
        QString path;
        QString error;         // operator-facing when !ok
        QStringList entries;   // names inside the archive
        int redactions = 0;    // values replaced, over every entry
        qint64 bytes = 0;      // size of the file
    };

    struct RedactedText
    {
        QString text;
        int count = 0;
    };

    // Where initLogging() writes by default (the app-data "logs" folder).
    [[nodiscard]] static QString defaultLogDirectory();
    // "ops-console-support-20261123-110405Z.zip" for a UTC moment.
    [[nodiscard]] static QString defaultFileName(const QDateTime &utc);
    // Versions of the console, Qt, the OS and the PostgreSQL client library.
    [[nodiscard]] static QJsonObject collectVersions();

    [[nodiscard]] static RedactedText redact(const QString &text, const QStringList &knownSecrets = {});
    // The INI file as sorted "key = value" lines: values of keys that name a secret (token,
    // password, secret, api_key, authorization, key_hash, recipient, email, phone, cookie,
    // credential, private_key) replaced, every other value passed through redact().
    [[nodiscard]] static RedactedText settingsDump(const QString &iniPath, const QStringList &knownSecrets = {});

    [[nodiscard]] static Result write(const Options &options);
    static void writeAsync(const Options &options, QObject *context, std::function<void(const Result &)> done);

    // The archive format, exposed for tests.
    [[nodiscard]] static quint32 crc32(const QByteArray &data);
    [[nodiscard]] static bool writeZip(QIODevice *device, const QList<Entry> &entries, const QDateTime &fallbackTime,
                                       QString *error = nullptr);
};

} // namespace ops
