#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>
#include <QString>

namespace ops {

// One row of the platform's audit_log, as the console reads it. The details document is kept as the
// database sent it and parsed and masked only when asked for (a page of 200 rows is read far more
// often than a row's details are looked at).
struct AuditRecord
{
    qint64 id = 0;
    qint64 timestampUs = 0; // microseconds since the epoch, UTC: exact, for keyset cursors
    QString userId;
    QString action;
    QString detailsJson;    // as stored, NOT masked: never show it; use details()
    QString reason;
    QString ipAddress;
    QString sessionId;
    QString eventType;      // admin | auth | action
    QString resourceType;
    QString resourceId;
    QString outcome;
    QString amrMethod;
    QString requestId;
    QString prevHash;       // 64 hex; the chain (see ChainVerifier.h)
    QString rowHash;

    // The details document, masked (see Masking.h); a non-object document sits under "value".
    [[nodiscard]] QJsonObject details() const;

    [[nodiscard]] QDateTime timestamp() const
    {
        return QDateTime::fromMSecsSinceEpoch(timestampUs / 1000, QTimeZone::utc());
    }
};

// Where a keyset page starts: strictly after (older than) this row in (timestamp DESC, id DESC).
struct AuditCursor
{
    qint64 timestampUs = 0;
    qint64 id = 0;
    [[nodiscard]] bool isNull() const { return id == 0; }
};

} // namespace ops
