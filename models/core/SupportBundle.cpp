#include "core/SupportBundle.h"

#include "audit/Masking.h"
#include "core/TimeText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>
#include <QtEndian>

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <array>
#include <memory>
#include <optional>

namespace ops {
namespace {

// --- redaction -----------------------------------------------------------------------------------

// Words that make a key secret, as a regular-expression alternation (ASCII, case-insensitive).
const QString kSecretWords = QStringLiteral(
    "password|passwd|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|credential|cookie|authorization|"
    "key_hash|session[_-]?id");

bool alreadyRedacted(QStringView value)
{
    return value.contains(QLatin1String("[REDACTED"));
}

// Replaces every match of `re` by what `replace` returns (nullopt: keep the match); counts changes.
template <typename F>
QString replaceAll(const QString &text, const QRegularExpression &re, int &count, F replace)
{
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    if (!it.hasNext())
        return text;
    out.reserve(text.size());
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const std::optional<QString> replacement = replace(m);
        if (!replacement)
            continue;
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += *replacement;
        last = m.capturedEnd();
        ++count;
    }
    out += QStringView(text).mid(last);
    return out;
}

QString quotedLike(QStringView original)
{
    if (original.startsWith(u'"'))
        return QLatin1Char('"') + SupportBundle::Redacted + QLatin1Char('"');
    if (original.startsWith(u'\''))
        return QLatin1Char('\'') + SupportBundle::Redacted + QLatin1Char('\'');
    return SupportBundle::Redacted;
}

struct Patterns
{
    const QRegularExpression::PatternOptions ci = QRegularExpression::CaseInsensitiveOption;
    const QRegularExpression pem{QStringLiteral("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?-----END [A-Z0-9 ]*PRIVATE KEY-----"),
                                 QRegularExpression::DotMatchesEverythingOption};
    const QRegularExpression authorization{
        QStringLiteral("\\b((?:proxy-)?authorization)([\"']?\\s*[:=]\\s*[\"']?)((?:bearer|basic|digest|token|negotiate)\\s+)?"
                       "([^\\s\"',;}\\]]+)"),
        ci};
    const QRegularExpression cookieHeader{QStringLiteral("\\b(set-cookie|cookie)(\\s*:\\s*)([^\\r\\n]+)"), ci};
    const QRegularExpression bearer{QStringLiteral("\\b(bearer)(\\s+)([A-Za-z0-9._~+/=-]{8,})"), ci};
    const QRegularExpression urlPassword{QStringLiteral("\\b([a-z][a-z0-9+.-]*://[^\\s/:@\"'<>]+):([^\\s/@\"'<>]+)@"), ci};
    const QRegularExpression jwt{QStringLiteral("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*")};
    const QRegularExpression apiKey{QStringLiteral("(?<![A-Za-z0-9])tp_(live|test)_([A-Za-z0-9_.-]*)(\\[REDACTED)?")};
    const QRegularExpression apiKeyPrefixOnly{QStringLiteral("^[a-z0-9]{8}$")};
    const QRegularExpression apiKeyDotted{QStringLiteral("^([A-Za-z0-9]{8})\\.")};
    const QRegularExpression keychainValue{
        QStringLiteral("\\b((?:token|postgres)/[A-Za-z0-9_.-]+)([\"']?\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s,;&]+)")};
    const QRegularExpression keyValue{
        QStringLiteral("(?<![A-Za-z0-9_])([\"']?)([A-Za-z0-9_.-]*?(?:%1)[A-Za-z0-9_.-]*)\\1(\\s*[:=]\\s*)"
                       "(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[^\\s,;&}\\])]+)")
            .arg(kSecretWords),
        ci};
    const QRegularExpression secretKeyName{QStringLiteral("(?:%1)").arg(kSecretWords), ci};
};

const Patterns &patterns()
{
    static const Patterns p;
    return p;
}

bool isSecretSettingsKey(const QString &key)
{
    for (const QString &part : key.split(QLatin1Char('/'))) {
        if (masking::isSensitiveKey(part) || patterns().secretKeyName.match(part).hasMatch())
            return true;
    }
    return false;
}

// --- ZIP -----------------------------------------------------------------------------------------

const std::array<quint32, 256> &crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

void put16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void put32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

// MS-DOS date and time (two-second resolution), from the UTC fields.
std::pair<quint16, quint16> dosDateTime(const QDateTime &utc)
{
    QDateTime t = utc.toUTC();
    if (!t.isValid() || t.date().year() < 1980)
        t = QDateTime(QDate(1980, 1, 1), QTime(0, 0), Qt::UTC);
    const QDate d = t.date();
    const QTime tm = t.time();
    const auto date = quint16(((d.year() - 1980) << 9) | (d.month() << 5) | d.day());
    const auto time = quint16((tm.hour() << 11) | (tm.minute() << 5) | (tm.second() / 2));
    return {date, time};
}

bool validEntryName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return false;
    for (const QString &part : name.split(QLatin1Char('/')))
        if (part.isEmpty() || part == QLatin1String("..") || part == QLatin1String("."))
            return false;
    return true;
}

QString libpqVersion()
{
    const int v = PQlibVersion(); // e.g. 150010 = 15.10; before 10: 90624 = 9.6.24
    if (v >= 100000)
        return QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000);
    return QStringLiteral("%1.%2.%3").arg(v / 10000).arg((v / 100) % 100).arg(v % 100);
}

} // namespace

// --- public --------------------------------------------------------------------------------------

QString SupportBundle::defaultLogDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/logs");
}

QString SupportBundle::defaultFileName(const QDateTime &utc)
{
    return QStringLiteral("ops-console-support-%1Z.zip").arg(utc.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

QJsonObject SupportBundle::collectVersions()
{
    return QJsonObject{
        {QStringLiteral("application"), QCoreApplication::applicationName()},
        {QStringLiteral("version"), QCoreApplication::applicationVersion()},
        {QStringLiteral("qt_runtime"), QString::fromLatin1(qVersion())},
        {QStringLiteral("qt_build"), QStringLiteral(QT_VERSION_STR)},
        {QStringLiteral("os"), QSysInfo::prettyProductName()},
        {QStringLiteral("kernel"), QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()},
        {QStringLiteral("cpu"), QSysInfo::currentCpuArchitecture()},
        {QStringLiteral("build_abi"), QSysInfo::buildAbi()},
        {QStringLiteral("postgresql_client"), libpqVersion()},
        {QStringLiteral("sql_drivers"), QJsonArray::fromStringList(QSqlDatabase::drivers())},
    };
}

SupportBundle::RedactedText SupportBundle::redact(const QString &input, const QStringList &knownSecrets)
{
    const Patterns &p = patterns();
    RedactedText r;
    QString text = input;
    int &n = r.count;

    text = replaceAll(text, p.pem, n, [](const QRegularExpressionMatch &) -> std::optional<QString> { return Redacted; });
    for (const QString &secret : knownSecrets) {
        if (secret.size() < 4)
            continue; // too short to replace without destroying the text; such secrets are not logged anyway
        const QRegularExpression literal(QRegularExpression::escape(secret));
        text = replaceAll(text, literal, n, [](const QRegularExpressionMatch &) -> std::optional<QString> { return Redacted; });
    }
    text = replaceAll(text, p.authorization, n, [](const QRegularExpressionMatch &m) -> std::optional<QString> {
        if (alreadyRedacted(m.capturedView(4)))
            return std::nullopt;
        return m.captured(1) + m.captured(2) + Redacted;
    });
    text = replaceAll(text, p.cookieHeader, n, [](const QRegularExpressionMatch &m) -> std::optional<QString> {
        if (alreadyRedacted(m.capturedView(3)))
            return std::nullopt;
        return m.captured(1) + m.captured(2) + Redacted;
    });
    text = replaceAll(text, p.bearer, n, [](const QRegularExpressionMatch &m) -> std::optional<QString> {
        return m.captured(1) + m.captured(2) + Redacted;
    });
    text = replaceAll(text, p.urlPassword, n, [](const QRegularExpressionMatch &m) -> std::optional<QString> {
        if (alreadyRedacted(m.capturedView(2)))
            return std::nullopt;
        return m.captured(1) + QLatin1Char(':') + Redacted + QLatin1Char('@');
    });
    text = replaceAll(text, p.jwt, n, [](const QRegularExpressionMatch &) -> std::optional<QString> { return Redacted; });
    text = replaceAll(text, p.apiKey, n, [&p](const QRegularExpressionMatch &m) -> std::optional<QString> {
        const QString rest = m.captured(2);
        if (m.hasCaptured(3) || rest.isEmpty() || p.apiKeyPrefixOnly.match(rest).hasMatch())
            return std::nullopt; // a bare public prefix such as tp_test_ab12cd34
        const QString stem = QStringLiteral("tp_") + m.captured(1) + QLatin1Char('_');
        if (const QRegularExpressionMatch dotted = p.apiKeyDotted.match(rest); dotted.hasMatch())
            return stem + dotted.captured(1) + QLatin1Char('.') + Redacted;
        return stem + Redacted;
    });
    text = replaceAll(text, p.keychainValue, n, [](const QRegularExpressionMatch &m) -> std::optional<QString> {
        if (alreadyRedacted(m.capturedView(3)))
            return std::nullopt;
        return m.captured(1) + m.captured(2) + quotedLike(m.capturedView(3));
    });
    text = replaceAll(text, p.keyValue, n, [](const QRegularExpressionMatch &m) -> std::optional<QString> {
        const QStringView value = m.capturedView(4);
        if (alreadyRedacted(value))
            return std::nullopt;
        return m.captured(1) + m.captured(2) + m.captured(1) + m.captured(3) + quotedLike(value);
    });
    r.text = text;
    return r;
}

SupportBundle::RedactedText SupportBundle::settingsDump(const QString &iniPath, const QStringList &knownSecrets)
{
    RedactedText r;
    if (iniPath.isEmpty() || !QFileInfo::exists(iniPath)) {
        r.text = QStringLiteral("# no settings file\n");
        return r;
    }
    const QSettings settings(iniPath, QSettings::IniFormat);
    QStringList keys = settings.allKeys();
    keys.sort();
    QString out = QStringLiteral("# %1 (values of secret keys replaced by %2)\n").arg(QFileInfo(iniPath).fileName(), Redacted);
    for (const QString &key : std::as_const(keys)) {
        const QVariant value = settings.value(key);
        QString text;
        if (isSecretSettingsKey(key)) {
            text = Redacted;
            ++r.count;
        } else if (value.typeId() == QMetaType::QByteArray) {
            text = QStringLiteral("(%1 bytes)").arg(value.toByteArray().size()); // window geometry and the like
        } else if (value.typeId() == QMetaType::QStringList) {
            text = value.toStringList().join(QStringLiteral(", "));
        } else {
            text = value.toString();
        }
        text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
        const RedactedText line = redact(key + QStringLiteral(" = ") + text, knownSecrets);
        r.count += line.count;
        out += line.text + QLatin1Char('\n');
    }
    r.text = out;
    return r;
}

quint32 SupportBundle::crc32(const QByteArray &data)
{
    const auto &table = crcTable();
    quint32 c = 0xFFFFFFFFu;
    for (const char ch : data)
        c = table[(c ^ quint8(ch)) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

bool SupportBundle::writeZip(QIODevice *device, const QList<Entry> &entries, const QDateTime &fallbackTime, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (entries.size() >= 0xFFFF)
        return fail(tr("Too many files for a ZIP archive."));
    QByteArray central;
    quint64 offset = 0;
    for (const Entry &e : entries) {
        if (!validEntryName(e.name))
            return fail(tr("Invalid name inside the archive: %1").arg(e.name));
        const QByteArray name = e.name.toUtf8();
        if (name.size() > 0xFFFF || quint64(e.data.size()) >= 0xFFFFFFFFull)
            return fail(tr("%1 is too large for a ZIP archive.").arg(e.name));
        const quint32 crc = crc32(e.data);
        const auto [date, time] = dosDateTime(e.modified.isValid() ? e.modified : fallbackTime);
        const auto size = quint32(e.data.size());
        constexpr quint16 Version = 20;    // 2.0
        constexpr quint16 Utf8Flag = 0x0800; // names are UTF-8

        QByteArray local;
        put32(local, 0x04034b50);
        put16(local, Version);
        put16(local, Utf8Flag);
        put16(local, 0); // stored
        put16(local, time);
        put16(local, date);
        put32(local, crc);
        put32(local, size);
        put32(local, size);
        put16(local, quint16(name.size()));
        put16(local, 0); // extra
        local += name;

        put32(central, 0x02014b50);
        put16(central, quint16((3 << 8) | Version)); // made by: Unix, 2.0
        put16(central, Version);
        put16(central, Utf8Flag);
        put16(central, 0);
        put16(central, time);
        put16(central, date);
        put32(central, crc);
        put32(central, size);
        put32(central, size);
        put16(central, quint16(name.size()));
        put16(central, 0); // extra
        put16(central, 0); // comment
        put16(central, 0); // disk
        put16(central, 0); // internal attributes
        put32(central, quint32(0100644) << 16); // -rw-r--r--
        put32(central, quint32(offset));
        central += name;

        if (device->write(local) != local.size() || device->write(e.data) != e.data.size())
            return fail(device->errorString());
        offset += quint64(local.size()) + quint64(e.data.size());
        if (offset >= 0xFFFFFFFFull)
            return fail(tr("The archive would be larger than 4 GiB."));
    }
    QByteArray end;
    put32(end, 0x06054b50);
    put16(end, 0);
    put16(end, 0);
    put16(end, quint16(entries.size()));
    put16(end, quint16(entries.size()));
    put32(end, quint32(central.size()));
    put32(end, quint32(offset));
    put16(end, 0); // comment
    if (device->write(central) != central.size() || device->write(end) != end.size())
        return fail(device->errorString());
    return true;
}

SupportBundle::Result SupportBundle::write(const Options &options)
{
    Result result;
    result.path = options.outputPath;
    if (options.outputPath.isEmpty()) {
        result.error = tr("No file name given.");
        return result;
    }
    const QDateTime created = options.createdAt.isValid() ? options.createdAt.toUTC() : QDateTime::currentDateTimeUtc();
    if (auto logger = spdlog::default_logger())
        logger->flush(); // what is buffered belongs in the bundle

    QList<Entry> entries;
    QStringList notes;

    QJsonObject versions = options.versions;
    versions.insert(QStringLiteral("bundle_created_at"), timetext::isoUtc(created));
    entries.append({QStringLiteral("versions.json"), QJsonDocument(versions).toJson(QJsonDocument::Indented), created});

    const RedactedText settings = settingsDump(options.settingsFile, options.knownSecrets);
    result.redactions += settings.count;
    entries.append({QStringLiteral("settings.ini"), settings.text.toUtf8(), created});
    notes << tr("settings.ini: %n value(s) redacted", nullptr, settings.count);

    if (!options.healthJson.isEmpty()) {
        const RedactedText health = redact(QString::fromUtf8(options.healthJson), options.knownSecrets);
        result.redactions += health.count;
        entries.append({QStringLiteral("health.json"), health.text.toUtf8(), created});
        notes << tr("health.json: %n value(s) redacted", nullptr, health.count);
    } else {
        notes << tr("health.json: no health snapshot was available");
    }

    if (!options.logDirectory.isEmpty()) {
        QDir dir(options.logDirectory);
        const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Time); // newest first
        qint64 budget = options.maxLogBytes;
        int included = 0;
        for (const QFileInfo &info : files) {
            if (!info.fileName().contains(QLatin1String(".log")))
                continue;
            if (info.size() > budget) {
                notes << tr("logs/%1: left out (%2 bytes; the bundle's log limit was reached)").arg(info.fileName()).arg(info.size());
                continue;
            }
            QFile file(info.absoluteFilePath());
            if (!file.open(QIODevice::ReadOnly)) {
                notes << tr("logs/%1: could not be read (%2)").arg(info.fileName(), file.errorString());
                continue;
            }
            const QByteArray raw = file.read(budget);
            budget -= raw.size();
            const RedactedText log = redact(QString::fromUtf8(raw), options.knownSecrets);
            result.redactions += log.count;
            entries.append({QStringLiteral("logs/") + info.fileName(), log.text.toUtf8(), info.lastModified().toUTC()});
            notes << tr("logs/%1: %n value(s) redacted", nullptr, log.count).arg(info.fileName());
            ++included;
        }
        if (included == 0)
            notes << tr("logs: no log files in %1").arg(QDir::toNativeSeparators(options.logDirectory));
    }

    QString readme = tr("Ops Console support bundle\n"
                        "Created: %1\n\n"
                        "Secrets are removed before anything is written here: tokens, Authorization and Cookie "
                        "headers, passwords, API key secrets, JWTs, passwords in URLs, private keys and the values "
                        "of secret settings are replaced by %2. Check the files before you send them on.\n\n")
                         .arg(timetext::isoUtc(created), Redacted);
    readme += notes.join(QLatin1Char('\n')) + QLatin1Char('\n');
    entries.prepend({QStringLiteral("README.txt"), readme.toUtf8(), created});

    QSaveFile out(options.outputPath);
    if (!out.open(QIODevice::WriteOnly)) {
        result.error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(options.outputPath), out.errorString());
        return result;
    }
    QString error;
    if (!writeZip(&out, entries, created, &error)) {
        out.cancelWriting();
        result.error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(options.outputPath), error);
        return result;
    }
    const qint64 size = out.size();
    if (!out.commit()) {
        result.error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(options.outputPath), out.errorString());
        return result;
    }
    for (const Entry &e : std::as_const(entries))
        result.entries << e.name;
    result.bytes = size;
    result.ok = true;
    spdlog::info("support bundle written: {} ({} files, {} bytes, {} values redacted)",
                 QDir::toNativeSeparators(options.outputPath).toStdString(), entries.size(), size, result.redactions);
    return result;
}

void SupportBundle::writeAsync(const Options &options, QObject *context, std::function<void(const Result &)> done)
{
    auto result = std::make_shared<Result>();
    QThread *thread = QThread::create([options, result] { *result = write(options); });
    // finished() is delivered on the context's thread; a context deleted meanwhile drops the call.
    QObject::connect(thread, &QThread::finished, context, [result, done = std::move(done)] { done(*result); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start(QThread::LowPriority);
}

} // namespace ops
