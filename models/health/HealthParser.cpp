#include "health/HealthParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLatin1String>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <cmath>
#include <optional>
#include <utility>

namespace ops {
namespace {

constexpr qsizetype MaxPrettyBytes = 64 * 1024;
constexpr qsizetype MaxMessageChars = 200;
constexpr qsizetype MaxTitleChars = 80;
constexpr qsizetype MaxWordChars = 80;
constexpr qsizetype HtmlSniffBytes = 512;
constexpr int MaxDetailDepth = 8;

// Seconds/milliseconds of 9999-12-31T23:59:59.999Z: anything beyond is not a timestamp.
constexpr double MaxEpochMs = 253402300799999.0;
constexpr double EpochMsThreshold = 1e11;

// Preferred order of the "last operation" fields of the reference platform.
constexpr std::array<const char *, 8> LastOperationFields = {
    "last_signal_at",        "last_order_at",         "last_processed_at",  "last_orchestration_at",
    "last_message_at",       "last_reconciliation_at", "last_risk_check_at", "last_operation_at",
};

QLatin1String key(const char *name)
{
    return QLatin1String(name);
}

bool isSuccess(int httpStatus)
{
    return httpStatus >= 200 && httpStatus < 300;
}

QByteArray stripBom(const QByteArray &body)
{
    static const QByteArray bom("\xEF\xBB\xBF", 3);
    return body.startsWith(bom) ? body.mid(bom.size()) : body;
}

// Cuts at a UTF-8 character boundary so that the result never ends in half a character.
QByteArray boundedBytes(const QByteArray &bytes, qsizetype limit)
{
    if (bytes.size() <= limit)
        return bytes;
    qsizetype cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(bytes.at(cut)) & 0xC0) == 0x80)
        --cut;
    return bytes.left(cut) + QStringLiteral("\n… (truncated)").toUtf8();
}

// One line of operator-facing text: control characters (NUL included) become spaces,
// white space is collapsed, and the result is at most `limit` characters.
QString cleanText(const QString &text, qsizetype limit = MaxMessageChars)
{
    QString out = text;
    for (QChar &ch : out) {
        if (ch.category() == QChar::Other_Control)
            ch = QLatin1Char(' ');
    }
    out = out.simplified();
    if (out.size() > limit) {
        out.truncate(limit - 1);
        out.append(QChar(0x2026));
    }
    return out;
}

bool mentionsInitialising(QStringView text)
{
    return text.contains(QLatin1String("initialising"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("initializing"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("starting"), Qt::CaseInsensitive);
}

// healthStatusFromWord plus the readiness spellings "not_ready", "not ready", "notready".
HealthStatus statusFromWord(QStringView word, bool *known)
{
    bool found = false;
    HealthStatus status = healthStatusFromWord(word, &found);
    if (!found && word.contains(QLatin1String("not"), Qt::CaseInsensitive)
        && word.contains(QLatin1String("ready"), Qt::CaseInsensitive)) {
        status = HealthStatus::Unhealthy;
        found = true;
    }
    if (known)
        *known = found;
    return status;
}

// ---------------------------------------------------------------- HTML

bool looksLikeHtml(const QByteArray &contentType, const QByteArray &body)
{
    if (contentType.toLower().contains("text/html"))
        return true;
    const QByteArray head = body.left(HtmlSniffBytes).trimmed().toLower();
    return head.startsWith("<!doctype") || head.startsWith("<html");
}

QString htmlTitle(const QByteArray &body)
{
    const QByteArray head = body.left(MaxPrettyBytes);
    const QByteArray lower = head.toLower();
    const qsizetype open = lower.indexOf("<title");
    if (open < 0)
        return {};
    const qsizetype start = lower.indexOf('>', open);
    if (start < 0)
        return {};
    const qsizetype end = lower.indexOf("</title", start);
    if (end < 0)
        return {};
    return cleanText(QString::fromUtf8(head.mid(start + 1, end - start - 1)), MaxTitleChars);
}

QString htmlError(int httpStatus, const QByteArray &body)
{
    QString message = httpStatus == 200
        ? HealthParser::tr("Unexpected HTML page instead of a health answer (a login page?)")
        : HealthParser::tr("HTTP %1 with an HTML error page (proxy?)").arg(httpStatus);
    const QString title = htmlTitle(body);
    if (!title.isEmpty())
        message = HealthParser::tr("%1: “%2”").arg(message, title);
    return message;
}

// ---------------------------------------------------------------- fields

QString stringField(const QJsonObject &object, const char *name)
{
    const QJsonValue value = object.value(key(name));
    return value.isString() ? value.toString() : QString();
}

QString versionText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    return {};
}

QJsonObject detailsObject(const QJsonObject &object)
{
    return object.value(key("details")).toObject();
}

void readLastOperation(const QJsonObject &object, HealthReading &reading)
{
    const QJsonObject details = detailsObject(object);
    for (const char *field : LastOperationFields) {
        for (const QJsonObject *scope : {&object, &details}) {
            const QDateTime at = HealthParser::parseTimestamp(scope->value(key(field)));
            if (at.isValid()) {
                reading.lastOperationAt = at;
                reading.lastOperationField = QString::fromLatin1(field);
                return;
            }
        }
    }
    if (reading.timestamp.isValid()) {
        reading.lastOperationAt = reading.timestamp;
        reading.lastOperationField = QStringLiteral("timestamp");
    }
}

QJsonObject booleanFlags(const QJsonObject &object)
{
    QJsonObject flags;
    const QJsonObject details = detailsObject(object);
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        if (it.value().isBool())
            flags.insert(it.key(), it.value());
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isBool())
            flags.insert(it.key(), it.value());
    }
    return flags;
}

void readIdentity(const QJsonObject &object, HealthReading &reading)
{
    reading.service = stringField(object, "service");
    reading.version = versionText(object.value(key("version")));
    reading.timestamp = HealthParser::parseTimestamp(object.value(key("timestamp")));
    readLastOperation(object, reading);
    reading.flags = booleanFlags(object);
}

// ---------------------------------------------------------------- components

std::optional<double> latencyOf(QJsonObject &rest)
{
    for (const char *name : {"latency_ms", "latencyMs", "response_time_ms"}) {
        const QJsonValue value = rest.value(key(name));
        if (value.isDouble() && std::isfinite(value.toDouble())) {
            rest.remove(key(name));
            return value.toDouble();
        }
    }
    return std::nullopt;
}

QString messageOf(QJsonObject &rest)
{
    for (const char *name : {"message", "error"}) {
        const QJsonValue value = rest.value(key(name));
        if (value.isString()) {
            rest.remove(key(name));
            return cleanText(value.toString());
        }
    }
    return {};
}

HealthComponent componentFrom(const QString &name, const QJsonObject &object)
{
    HealthComponent component;
    component.name = name;
    QJsonObject rest = object;
    rest.remove(key("name"));

    const QJsonValue status = rest.value(key("status"));
    if (status.isString()) {
        component.status = statusFromWord(status.toString(), nullptr);
        rest.remove(key("status"));
    }
    component.latencyMs = latencyOf(rest);
    component.message = messageOf(rest);

    const QJsonValue nested = rest.value(key("details"));
    if (nested.isObject()) {
        rest.remove(key("details"));
        const QJsonObject inner = nested.toObject();
        for (auto it = inner.constBegin(); it != inner.constEnd(); ++it) {
            if (!rest.contains(it.key()))
                rest.insert(it.key(), it.value());
        }
    }
    component.details = rest;
    return component;
}

QString fallbackName(qsizetype index)
{
    return HealthParser::tr("component %1").arg(index + 1);
}

QList<HealthComponent> componentsFromList(const QJsonArray &list, int *skipped)
{
    QList<HealthComponent> components;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonValue entry = list.at(i);
        if (!entry.isObject()) {
            ++*skipped;
            continue;
        }
        const QJsonObject object = entry.toObject();
        const QJsonValue name = object.value(key("name"));
        const QString text = name.isString() ? name.toString() : QString();
        components.append(componentFrom(text.trimmed().isEmpty() ? fallbackName(i) : text, object));
    }
    return components;
}

QList<HealthComponent> componentsFromDict(const QJsonObject &dict, int *skipped)
{
    QList<HealthComponent> components;
    for (auto it = dict.constBegin(); it != dict.constEnd(); ++it) {
        if (!it.value().isObject()) {
            ++*skipped;
            continue;
        }
        components.append(componentFrom(it.key(), it.value().toObject()));
    }
    return components;
}

QList<HealthComponent> readComponents(const QJsonObject &object, QStringList &notes)
{
    for (const char *field : {"components", "checks"}) {
        const QJsonValue value = object.value(key(field));
        if (value.isUndefined() || value.isNull())
            continue;
        int skipped = 0;
        QList<HealthComponent> components;
        if (value.isArray())
            components = componentsFromList(value.toArray(), &skipped);
        else if (value.isObject())
            components = componentsFromDict(value.toObject(), &skipped);
        else
            notes << HealthParser::tr("Ignored '%1' of the wrong type").arg(QString::fromLatin1(field));
        if (skipped > 0)
            notes << HealthParser::tr("Skipped %n malformed entries in '%1'", nullptr, skipped)
                         .arg(QString::fromLatin1(field));
        if (!components.isEmpty())
            return components;
    }
    return {};
}

// ---------------------------------------------------------------- status

struct BodyVerdict
{
    std::optional<HealthStatus> status; // empty when the body says nothing usable
    bool unknownWord = false;           // a status word was present but not recognised
};

std::optional<HealthStatus> topLevelStatus(const QJsonObject &object, QStringList &notes, bool *unknownWord)
{
    const QJsonValue value = object.value(key("status"));
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isString()) {
        notes << HealthParser::tr("Ignored 'status' of the wrong type");
        return std::nullopt;
    }
    bool known = false;
    const HealthStatus status = statusFromWord(value.toString(), &known);
    if (known)
        return status;
    *unknownWord = true;
    notes << HealthParser::tr("Unrecognised status '%1'").arg(cleanText(value.toString(), MaxWordChars));
    return std::nullopt;
}

BodyVerdict judgeBody(const QJsonObject &object, HealthReading &reading, QStringList &notes)
{
    BodyVerdict verdict;
    const std::optional<HealthStatus> top = topLevelStatus(object, notes, &verdict.unknownWord);
    reading.components = readComponents(object, notes);

    QList<HealthStatus> statuses;
    for (const HealthComponent &component : std::as_const(reading.components))
        statuses << component.status;

    if (top && !statuses.isEmpty())
        verdict.status = *top == HealthStatus::Initialising ? *top : worseOf(*top, rollUp(statuses));
    else if (top)
        verdict.status = top;
    else if (!statuses.isEmpty())
        verdict.status = rollUp(statuses);
    return verdict;
}

QString explanationOf(const QJsonObject &object)
{
    for (const char *field : {"detail", "error", "message"}) {
        const QString text = cleanText(stringField(object, field));
        if (!text.isEmpty())
            return text;
    }
    return {};
}

QString httpError(int httpStatus, const QString &explanation)
{
    return explanation.isEmpty() ? HealthParser::tr("HTTP %1").arg(httpStatus)
                                 : HealthParser::tr("HTTP %1: %2").arg(QString::number(httpStatus), explanation);
}

// The body with its `detail` object lifted to the top; the outer keys win.
QJsonObject liftDetail(const QJsonObject &object)
{
    QJsonObject merged = object;
    merged.remove(key("detail"));
    const QJsonObject detail = object.value(key("detail")).toObject();
    for (auto it = detail.constBegin(); it != detail.constEnd(); ++it) {
        if (!merged.contains(it.key()))
            merged.insert(it.key(), it.value());
    }
    return merged;
}

HealthParseResult interpretObject(int httpStatus, const QJsonObject &object, int depth, bool fromDetail)
{
    if (!isSuccess(httpStatus) && depth < MaxDetailDepth) {
        const QJsonValue detail = object.value(key("detail"));
        if (detail.isObject())
            return interpretObject(httpStatus, liftDetail(object), depth + 1, true);
    }

    HealthParseResult result;
    result.ok = true;
    HealthReading &reading = result.reading;
    readIdentity(object, reading);

    const QJsonValue detail = object.value(key("detail"));
    if (!isSuccess(httpStatus) && detail.isString() && mentionsInitialising(detail.toString())) {
        reading.status = HealthStatus::Initialising;
        reading.message = cleanText(detail.toString());
        return result;
    }

    QStringList notes;
    const BodyVerdict verdict = judgeBody(object, reading, notes);
    if (verdict.status) {
        reading.status = *verdict.status;
    } else if (isSuccess(httpStatus)) {
        reading.status = verdict.unknownWord ? HealthStatus::Unknown : HealthStatus::Healthy;
        if (!verdict.unknownWord)
            notes.prepend(HealthParser::tr("No status in body"));
    } else if (fromDetail || httpStatus == 503) {
        reading.status = HealthStatus::Unhealthy;
        const QString explanation = explanationOf(object);
        if (!explanation.isEmpty())
            notes.prepend(explanation);
    } else {
        result.ok = false;
        result.error = httpError(httpStatus, explanationOf(object));
    }
    reading.message = notes.join(QStringLiteral("; "));
    return result;
}

// ---------------------------------------------------------------- plain text

HealthParseResult interpretText(int httpStatus, const QByteArray &body)
{
    HealthParseResult result;
    result.ok = true;
    HealthReading &reading = result.reading;
    const QString text = cleanText(QString::fromUtf8(body));

    bool known = false;
    const HealthStatus word = text.isEmpty() ? HealthStatus::Unknown : statusFromWord(text, &known);
    if (known) {
        reading.status = word;
        return result;
    }
    reading.message = text;
    if (isSuccess(httpStatus)) {
        reading.status = HealthStatus::Healthy;
    } else if (httpStatus == 503) {
        reading.status = mentionsInitialising(text) ? HealthStatus::Initialising : HealthStatus::Unhealthy;
    } else {
        result.ok = false;
        result.error = httpError(httpStatus, text);
    }
    return result;
}

// A server that answers with an error code is never shown as better than unhealthy, whatever
// its body says; an initialising service stays initialising.
HealthParseResult capByHttpStatus(int httpStatus, HealthParseResult result)
{
    if (!result.ok || isSuccess(httpStatus) || result.reading.status == HealthStatus::Initialising)
        return result;
    if (healthSeverity(result.reading.status) < healthSeverity(HealthStatus::Unhealthy)) {
        const QString note = HealthParser::tr("HTTP %1 although the body says %2")
                                 .arg(QString::number(httpStatus), healthStatusLabel(result.reading.status));
        result.reading.status = HealthStatus::Unhealthy;
        result.reading.message = result.reading.message.isEmpty() ? note : note + QStringLiteral("; ") + result.reading.message;
    }
    return result;
}

HealthParseResult failure(const QString &error)
{
    HealthParseResult result;
    result.error = error;
    return result;
}

// ---------------------------------------------------------------- timestamps

QDateTime timestampFromNumber(double number)
{
    if (!std::isfinite(number))
        return {};
    const double ms = std::fabs(number) > EpochMsThreshold ? number : number * 1000.0;
    if (std::fabs(ms) > MaxEpochMs)
        return {};
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(ms)), Qt::UTC);
}

// Fraction digits (1-9) to milliseconds, truncating.
int millisecondsOf(QStringView fraction)
{
    if (fraction.isEmpty())
        return 0;
    const QString three = (fraction.left(3).toString() + QStringLiteral("00")).left(3);
    return three.toInt();
}

// "+02:00", "+0200", "-05" to seconds east of UTC; nullopt when out of range.
std::optional<int> offsetSeconds(QStringView zone)
{
    if (zone.isEmpty() || zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0)
        return 0;
    const int sign = zone.at(0) == QLatin1Char('-') ? -1 : 1;
    QString digits = zone.mid(1).toString();
    digits.remove(QLatin1Char(':'));
    const int hours = digits.left(2).toInt();
    const int minutes = digits.size() > 2 ? digits.mid(2).toInt() : 0;
    if (hours > 18 || minutes > 59)
        return std::nullopt;
    return sign * (hours * 3600 + minutes * 60);
}

QDateTime timestampFromText(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
        "\\s*([Zz]|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt(),
                     millisecondsOf(match.capturedView(7)));
    const std::optional<int> offset = offsetSeconds(match.capturedView(8));
    if (!date.isValid() || !time.isValid() || !offset)
        return {};
    return QDateTime(date, time, Qt::UTC).addSecs(-*offset);
}

} // namespace

HealthParseResult HealthParser::parse(int httpStatus, const QByteArray &contentType, const QByteArray &body)
{
    if (body.size() > MaxBodyBytes)
        return failure(HealthParser::tr("Response too large (%1 bytes)").arg(body.size()));

    const QByteArray data = stripBom(body);
    if (looksLikeHtml(contentType, data)) {
        HealthParseResult result = failure(htmlError(httpStatus, data));
        result.reading.prettyBody = boundedBytes(data, MaxPrettyBytes);
        return result;
    }

    const QByteArray trimmed = data.trimmed();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
        HealthParseResult result = interpretText(httpStatus, data);
        result.reading.prettyBody = boundedBytes(data, MaxPrettyBytes);
        return capByHttpStatus(httpStatus, result);
    }

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        HealthParseResult result =
            failure(HealthParser::tr("Malformed JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
        result.reading.prettyBody = boundedBytes(data, MaxPrettyBytes);
        return result;
    }
    const QByteArray pretty = boundedBytes(document.toJson(QJsonDocument::Indented), MaxPrettyBytes);
    if (!document.isObject()) {
        HealthParseResult result = failure(HealthParser::tr("Unexpected JSON (not an object)"));
        result.reading.prettyBody = pretty;
        return result;
    }

    HealthParseResult result = interpretObject(httpStatus, document.object(), 0, false);
    result.reading.prettyBody = pretty;
    return capByHttpStatus(httpStatus, result);
}

QDateTime HealthParser::parseTimestamp(const QJsonValue &value)
{
    if (value.isDouble())
        return timestampFromNumber(value.toDouble());
    if (value.isString())
        return timestampFromText(value.toString());
    return {};
}

} // namespace ops
