#include "audit/AuditRecord.h"

#include "audit/Masking.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ops {

QJsonObject AuditRecord::details() const
{
    if (detailsJson.isEmpty())
        return {};
    const QByteArray utf8 = detailsJson.toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(utf8);
    if (doc.isObject())
        return masking::masked(doc.object()).toObject();
    // jsonb may hold an array or a scalar: keep it, under one key, masked all the same.
    const QJsonValue value = doc.isArray() ? QJsonValue(doc.array())
                                           : QJsonDocument::fromJson("[" + utf8 + "]").array().at(0);
    return QJsonObject{{QStringLiteral("value"), masking::masked(value)}};
}

} // namespace ops
