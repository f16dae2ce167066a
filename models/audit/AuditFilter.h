#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QVariantList>

namespace ops {

// A WHERE clause with positional placeholders ("?") and the values to bind to them, in order.
struct SqlFragment
{
    QString clause;      // e.g. "\"timestamp\" >= ... AND user_id = ?"; "TRUE" when empty
    QVariantList values;
};

// What the operator filters the audit log by. Every value is bound, never spliced into SQL; text
// searched with LIKE has its wildcards (\ % _) escaped; NUL characters (which PostgreSQL text
// cannot hold) are removed. Event types and outcomes are checked against allow-lists.
struct AuditFilter
{
    Q_DECLARE_TR_FUNCTIONS(ops::AuditFilter)
public:
    QDateTime fromUtc;    // inclusive; invalid = open
    QDateTime toUtc;      // exclusive; invalid = open
    QString user;         // exact user_id
    QString action;       // exact action
    QString eventType;    // admin | auth | action
    QString outcome;      // exact outcome
    QString resourceType; // exact resource_type
    QString resourceId;   // exact resource_id
    QString text;         // substring of reason or details (case-insensitive)

    // The WHERE clause over audit_log's columns (no alias). `problem` names a value that was
    // refused (e.g. an unknown event type) or changed (NUL removed); the clause then matches
    // nothing for refused values.
    [[nodiscard]] SqlFragment where(QString *problem = nullptr) const;
    // Only the date range (chain verification walks every row of the range, whatever else is filtered).
    [[nodiscard]] SqlFragment dateRange() const;
    [[nodiscard]] bool isEmpty() const;
    // A JSON-friendly description for the export's audit record.
    [[nodiscard]] QVariantMap toMap() const;

    [[nodiscard]] static QString escapeLike(const QString &text); // \ % _ escaped with backslash
    [[nodiscard]] static QStringList eventTypes();                // admin, auth, action
    [[nodiscard]] bool operator==(const AuditFilter &other) const = default;
};

} // namespace ops
