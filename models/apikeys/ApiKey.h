#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ops {

enum class ApiKeyStatus {
    Active,
    Expiring, // replaced by a rotation; keeps working until its grace period ends
    Expired,
    Revoked,
};

// One API key as the platform lists it. The secret is never part of it: it exists only in the
// answer to create or rotate, and only for as long as the secret dialog shows it.
struct ApiKey
{
    qint64 id = 0;
    QString name;
    QString prefix; // public, e.g. tp_test_ab12cd34
    QStringList scopes;
    QDateTime createdAt;
    QString createdBy;
    QDateTime expiresAt;      // invalid: never
    QDateTime lastUsedAt;     // invalid: never used
    QDateTime revokedAt;
    QString revokedBy;
    QString revokeReason;
    qint64 rotatedFrom = 0;   // 0: not a rotation
    QDateTime graceExpiresAt; // set on the old key of a rotation

    // Computed from the fields with the console's clock, so "Expiring" turns "Expired" on time
    // even between refreshes.
    [[nodiscard]] ApiKeyStatus status(const QDateTime &now) const;
};

class ApiKeyJson
{
    Q_DECLARE_TR_FUNCTIONS(ops::ApiKeyJson)
public:
    [[nodiscard]] static ApiKey key(const QJsonObject &object);
    [[nodiscard]] static QList<ApiKey> list(const QJsonDocument &document, QString *problem = nullptr);

    // The four scopes the platform knows, in display order.
    [[nodiscard]] static QStringList allScopes();
    [[nodiscard]] static QString scopeTitle(const QString &scope);

    // "Active", "Expiring — 23 h 10 min left", "Expired", "Revoked".
    [[nodiscard]] static QString statusText(const ApiKey &key, const QDateTime &now);
    [[nodiscard]] static QString statusWord(ApiKeyStatus status);

    // Client-side rules (the server checks them again). Empty when fine.
    [[nodiscard]] static QString nameProblem(const QString &name);
    [[nodiscard]] static QString scopesProblem(const QStringList &scopes);
    [[nodiscard]] static QString expiryProblem(const QDateTime &expiresAt, const QDateTime &now);

    static constexpr int MinNameLength = 3;
    static constexpr int MaxNameLength = 50;
    static constexpr qint64 RotationGraceSeconds = 24 * 3600;
};

} // namespace ops
