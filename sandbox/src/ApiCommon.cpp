#include "ApiCommon.h"

#include "Metrics.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QLoggingCategory>
#include <QtCore/QTextBoundaryFinder>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace opssandbox::api {

namespace {

bool visibleCodePoint(char32_t cp)
{
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
        return true;
    default:
        return false;
    }
}

bool bidiControl(char32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

} // namespace

QString sqlError(const QSqlQuery &q)
{
    const QString text = q.lastError().text().simplified();
    return text.isEmpty() ? QStringLiteral("unknown database error (connection lost?)") : text;
}

QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

Reason normaliseReason(const QString &raw)
{
    QString kept;
    kept.reserve(raw.size());
    const QList<uint> codePoints = raw.toUcs4();
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const char32_t cp = codePoints[i];
        // Line breaks are kept (CR LF and CR become LF) and tabs become spaces, so words stay apart.
        if (cp == U'\r' || cp == U'\n') {
            if (cp == U'\n' || i + 1 >= codePoints.size() || codePoints[i + 1] != U'\n')
                kept.append(QLatin1Char('\n'));
            continue;
        }
        if (cp == U'\t' || cp == U'\v' || cp == U'\f') {
            kept.append(QLatin1Char(' '));
            continue;
        }
        if (QChar::category(cp) == QChar::Other_Control || bidiControl(cp))
            continue;
        kept.append(QString::fromUcs4(&cp, 1));
    }
    Reason reason;
    reason.text = kept.trimmed();
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, reason.text);
    qsizetype start = 0;
    while (finder.toNextBoundary() != -1) {
        const qsizetype end = finder.position();
        const QList<uint> cluster = QStringView(reason.text).mid(start, end - start).toUcs4();
        if (std::any_of(cluster.cbegin(), cluster.cend(), [](uint cp) { return visibleCodePoint(cp); }))
            ++reason.visible;
        start = end;
    }
    return reason;
}

ApiReply reasonTooShort(const Reason &reason, const char *error, const char *detail)
{
    return reply(422, QJsonObject{{QStringLiteral("error"), QLatin1String(error)},
                                  {QStringLiteral("detail"), QLatin1String(detail)},
                                  {QStringLiteral("visible_length"), reason.visible}});
}

bool writeAudit(QSqlDatabase &db, const ApiCaller &caller, const AuditRow &row, qint64 *auditId)
{
    QElapsedTimer timer; // audit_write_duration_seconds
    timer.start();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO audit_log (\"timestamp\", user_id, action, details, reason, ip_address, "
                             "session_id, event_type, resource_type, resource_id, outcome, amr_method, request_id) "
                             "VALUES (%1, :user, :action, CAST(:details AS jsonb), :reason, :ip, :session, :etype, "
                             ":rtype, :rid, :outcome, 'pwd', :request) RETURNING id")
                  .arg(toTs(":t")));
    q.bindValue(QStringLiteral(":t"), caller.nowMs);
    q.bindValue(QStringLiteral(":user"), caller.username);
    q.bindValue(QStringLiteral(":action"), row.action);
    q.bindValue(QStringLiteral(":details"), QString::fromUtf8(json(row.details)));
    q.bindValue(QStringLiteral(":reason"), row.reason.isEmpty() ? nullText() : QVariant(row.reason));
    q.bindValue(QStringLiteral(":ip"), caller.clientIp);
    q.bindValue(QStringLiteral(":session"), caller.sessionId.isEmpty() ? nullText() : QVariant(caller.sessionId));
    q.bindValue(QStringLiteral(":etype"), row.eventType);
    q.bindValue(QStringLiteral(":rtype"), row.resourceType);
    q.bindValue(QStringLiteral(":rid"), row.resourceId.isNull() ? nullText() : QVariant(row.resourceId.toString()));
    q.bindValue(QStringLiteral(":outcome"), row.outcome);
    q.bindValue(QStringLiteral(":request"), caller.requestId);
    if (!q.exec() || !q.next()) {
        qCWarning(lcSandbox, "audit write failed (%s %s): %s", qPrintable(row.action), qPrintable(row.outcome),
                  qPrintable(sqlError(q)));
        return false;
    }
    if (auditId)
        *auditId = q.value(0).toLongLong();
    Metrics::observeAuditWrite(db.connectionName(), double(timer.nsecsElapsed()) / 1e9);
    return true;
}

} // namespace opssandbox::api
