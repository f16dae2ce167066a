#include "apikeys/ApiKey.h"

#include "core/TimeText.h"
#include "health/HealthParser.h"

#include <QJsonArray>

namespace ops {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

QDateTime time(const QJsonObject &o, const char *key)
{
    return HealthParser::parseTimestamp(o.value(QLatin1String(key)));
}

} // namespace

ApiKeyStatus ApiKey::status(const QDateTime &now) const
{
    if (revokedAt.isValid())
        return ApiKeyStatus::Revoked;
    if ((expiresAt.isValid() && expiresAt <= now) || (graceExpiresAt.isValid() && graceExpiresAt <= now))
        return ApiKeyStatus::Expired;
    if (graceExpiresAt.isValid())
        return ApiKeyStatus::Expiring;
    return ApiKeyStatus::Active;
}

ApiKey ApiKeyJson::key(const QJsonObject &o)
{
    ApiKey k;
    k.id = qint64(o.value(QLatin1String("id")).toDouble(0));
    k.name = text(o, "name");
    k.prefix = text(o, "prefix");
    for (const QJsonValue &s : o.value(QLatin1String("scopes")).toArray())
        if (s.isString())
            k.scopes << s.toString();
    k.createdAt = time(o, "created_at");
    k.createdBy = text(o, "created_by");
    k.expiresAt = time(o, "expires_at");
    k.lastUsedAt = time(o, "last_used_at");
    k.revokedAt = time(o, "revoked_at");
    k.revokedBy = text(o, "revoked_by");
    k.revokeReason = text(o, "revoke_reason");
    k.rotatedFrom = qint64(o.value(QLatin1String("rotated_from")).toDouble(0));
    k.graceExpiresAt = time(o, "grace_expires_at");
    return k;
}

QList<ApiKey> ApiKeyJson::list(const QJsonDocument &document, QString *problem)
{
    QList<ApiKey> out;
    const QJsonValue keys = document.object().value(QLatin1String("keys"));
    if (!keys.isArray()) {
        if (problem)
            *problem = tr("The answer has no list of keys.");
        return out;
    }
    for (const QJsonValue &v : keys.toArray()) {
        const ApiKey k = key(v.toObject());
        if (k.id > 0 && !k.prefix.isEmpty())
            out.append(k);
    }
    return out;
}

QStringList ApiKeyJson::allScopes()
{
    return {QStringLiteral("read_positions"), QStringLiteral("read_orders"), QStringLiteral("write_orders"),
            QStringLiteral("read_strategies")};
}

QString ApiKeyJson::scopeTitle(const QString &scope)
{
    if (scope == QLatin1String("read_positions"))
        return tr("Read positions (read_positions)");
    if (scope == QLatin1String("read_orders"))
        return tr("Read orders (read_orders)");
    if (scope == QLatin1String("write_orders"))
        return tr("Place and cancel orders (write_orders)");
    if (scope == QLatin1String("read_strategies"))
        return tr("Read strategies (read_strategies)");
    return scope;
}

QString ApiKeyJson::statusWord(ApiKeyStatus status)
{
    switch (status) {
    case ApiKeyStatus::Active:
        return tr("Active");
    case ApiKeyStatus::Expiring:
        return tr("Expiring");
    case ApiKeyStatus::Expired:
        return tr("Expired");
    case ApiKeyStatus::Revoked:
        return tr("Revoked");
    }
    return {};
}

QString ApiKeyJson::statusText(const ApiKey &key, const QDateTime &now)
{
    const ApiKeyStatus s = key.status(now);
    if (s == ApiKeyStatus::Expiring)
        return tr("Expiring — %1 left").arg(timetext::duration(now.secsTo(key.graceExpiresAt)));
    return statusWord(s);
}

QString ApiKeyJson::nameProblem(const QString &name)
{
    const qsizetype n = name.trimmed().toUcs4().size(); // characters, as the server counts them
    if (n < MinNameLength || n > MaxNameLength)
        return tr("Name must be %1–%2 characters.").arg(MinNameLength).arg(MaxNameLength);
    return {};
}

QString ApiKeyJson::scopesProblem(const QStringList &scopes)
{
    if (scopes.isEmpty())
        return tr("Choose at least one scope.");
    for (const QString &s : scopes)
        if (!allScopes().contains(s))
            return tr("Unknown scope: %1").arg(s);
    return {};
}

QString ApiKeyJson::expiryProblem(const QDateTime &expiresAt, const QDateTime &now)
{
    if (expiresAt.isValid() && expiresAt <= now)
        return tr("Expiry must be in the future.");
    return {};
}

} // namespace ops
