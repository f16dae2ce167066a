#include "ApiKeysApi.h"

#include "AuthApi.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace opssandbox {

using api::isoOrNull;
using api::isoZ;
using api::msOf;
using api::nullText;
using api::sqlError;
using api::textOrNull;
using api::toTs;

namespace {

using M = QHttpServerRequest::Method;

const QLatin1String kAdminPrefix("/api/v1/admin/api-keys");
const QLatin1String kPositionsPath("/api/v1/positions");

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    for (int i = 0; i < count; i += 4) {
        const quint32 word = QRandomGenerator::system()->generate();
        for (int b = 0; b < 4 && i + b < count; ++b)
            out[i + b] = char((word >> (8 * b)) & 0xff);
    }
    return out;
}

QString randomPrefix()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString out = QLatin1String(ApiKeysApi::kPrefixStem);
    for (int i = 0; i < ApiKeysApi::kPrefixRandomChars; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(36)]));
    return out;
}

// SHA-256 of salt || secret, the secret being the base64url text handed out after the dot.
QByteArray secretHash(const QByteArray &salt, const QByteArray &secret)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(salt);
    h.addData(secret);
    return h.result();
}

QVariant nullLong()
{
    return QVariant(QMetaType(QMetaType::LongLong));
}

// The columns of one key, in the order keyJson() reads them.
QString keyColumns()
{
    return QStringLiteral("id, name, prefix, CAST(array_to_json(scopes) AS text), %1, created_by, %2, %3, %4, "
                          "revoked_by, revoke_reason, rotated_from, %5")
        .arg(msOf("created_at"), msOf("expires_at"), msOf("last_used_at"), msOf("revoked_at"),
             msOf("grace_expires_at"));
}

QJsonArray scopesOf(const QVariant &jsonText)
{
    return QJsonDocument::fromJson(jsonText.toString().toUtf8()).array();
}

QJsonObject keyJson(const QSqlQuery &q, qint64 nowMs, QString *statusOut = nullptr)
{
    const QString status = ApiKeysApi::status(!q.value(8).isNull(), q.value(6), q.value(12), nowMs);
    if (statusOut)
        *statusOut = status;
    return QJsonObject{
        {QStringLiteral("id"), q.value(0).toLongLong()},
        {QStringLiteral("name"), q.value(1).toString()},
        {QStringLiteral("prefix"), q.value(2).toString()},
        {QStringLiteral("scopes"), scopesOf(q.value(3))},
        {QStringLiteral("created_at"), isoOrNull(q.value(4))},
        {QStringLiteral("created_by"), textOrNull(q.value(5))},
        {QStringLiteral("expires_at"), isoOrNull(q.value(6))},
        {QStringLiteral("last_used_at"), isoOrNull(q.value(7))},
        {QStringLiteral("revoked_at"), isoOrNull(q.value(8))},
        {QStringLiteral("revoked_by"), textOrNull(q.value(9))},
        {QStringLiteral("revoke_reason"), textOrNull(q.value(10))},
        {QStringLiteral("rotated_from"), q.value(11).isNull() ? QJsonValue() : QJsonValue(q.value(11).toLongLong())},
        {QStringLiteral("grace_expires_at"), isoOrNull(q.value(12))},
        {QStringLiteral("status"), status},
    };
}

bool run(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    qCWarning(lcSandbox, "api keys: %s failed: %s", what, qPrintable(sqlError(q)));
    return false;
}

bool unsafeNameCharacter(char32_t cp)
{
    return QChar::category(cp) == QChar::Other_Control || (cp >= 0x202A && cp <= 0x202E)
           || (cp >= 0x2066 && cp <= 0x2069);
}

} // namespace

struct ApiKeysApi::Request
{
    const ApiCaller &caller;
    QSqlDatabase db;
    const char *action = nullptr; // audit action of a POST route
    qint64 id = 0;                // the key of /{id}/rotate and /{id}/revoke
    QJsonObject body;
};

ApiKeysApi::ApiKeysApi(QString connectionName) : m_connectionName(std::move(connectionName)) {}

void ApiKeysApi::attachTo(AuthApi &auth)
{
    auth.delegate(QString(kAdminPrefix), [this](const ApiCaller &caller) { return handleAdmin(caller); });
    auth.delegate(
        QString(kPositionsPath), [this](const ApiCaller &caller) { return handlePositions(caller); },
        [this](const QByteArray &key, ApiCaller &caller) { return authenticateKey(key, caller); });
}

QStringList ApiKeysApi::scopeNames()
{
    return {QStringLiteral("read_positions"), QStringLiteral("read_orders"), QStringLiteral("write_orders"),
            QStringLiteral("read_strategies")};
}

QString ApiKeysApi::status(bool revoked, const QVariant &expiresMs, const QVariant &graceMs, qint64 nowMs)
{
    if (revoked)
        return QStringLiteral("revoked");
    if ((!expiresMs.isNull() && expiresMs.toLongLong() <= nowMs) || (!graceMs.isNull() && graceMs.toLongLong() <= nowMs))
        return QStringLiteral("expired");
    if (!graceMs.isNull())
        return QStringLiteral("expiring");
    return QStringLiteral("active");
}

// --- routing ------------------------------------------------------------------------------------------

ApiReply ApiKeysApi::handleAdmin(const ApiCaller &caller)
{
    static const QRegularExpression idPattern(QStringLiteral("^[1-9][0-9]{0,17}$"));
    Request r{caller, QSqlDatabase::database(m_connectionName, false), nullptr, 0, {}};
    const M method = caller.request.method();
    ApiReply (ApiKeysApi::*handler)(Request &) = nullptr;

    if (caller.path == kAdminPrefix) {
        if (method == M::Get) {
            handler = &ApiKeysApi::list;
        } else if (method == M::Post) {
            handler = &ApiKeysApi::create;
            r.action = "API_KEY_CREATE";
        } else {
            return api::error(405, "method_not_allowed");
        }
    } else {
        const QStringList parts = caller.path.mid(kAdminPrefix.size() + 1).split(QLatin1Char('/'));
        if (parts.size() != 2 || !idPattern.match(parts.at(0)).hasMatch()
            || (parts.at(1) != QLatin1String("rotate") && parts.at(1) != QLatin1String("revoke")))
            return api::error(404, "not_found");
        if (method != M::Post)
            return api::error(405, "method_not_allowed");
        r.id = parts.at(0).toLongLong();
        const bool rotating = parts.at(1) == QLatin1String("rotate");
        handler = rotating ? &ApiKeysApi::rotate : &ApiKeysApi::revoke;
        r.action = rotating ? "API_KEY_ROTATE" : "API_KEY_REVOKE";
    }

    if (!r.db.isOpen() && !r.db.open()) {
        qCWarning(lcSandbox, "api keys: database unavailable: %s", qPrintable(r.db.lastError().text().simplified()));
        return api::error(503, "database_unavailable");
    }
    if (!caller.can("api_keys:manage")) {
        if (r.action) {
            // The attempted revocation reason, when there is one, goes into the 'denied' row.
            const QJsonValue reason = handler == &ApiKeysApi::revoke
                                          ? QJsonDocument::fromJson(caller.request.body()).object().value(QStringLiteral("reason"))
                                          : QJsonValue();
            api::writeAudit(r.db, caller,
                            {QLatin1String(r.action), QStringLiteral("admin"), QStringLiteral("api_key"),
                             r.id > 0 ? QVariant(r.id) : QVariant(), QStringLiteral("denied"),
                             reason.isString() ? api::normaliseReason(reason.toString()).text : QString(),
                             QJsonObject{{QStringLiteral("error"), QStringLiteral("permission_denied")},
                                         {QStringLiteral("permission"), QStringLiteral("api_keys:manage")},
                                         {QStringLiteral("role"), caller.role}}});
        }
        return api::permissionDenied("api_keys:manage");
    }
    return (this->*handler)(r);
}

ApiReply ApiKeysApi::handlePositions(const ApiCaller &caller)
{
    if (caller.path != kPositionsPath)
        return api::error(404, "not_found");
    if (caller.request.method() != M::Get)
        return api::error(405, "method_not_allowed");
    if (caller.viaApiKey()) {
        if (!caller.hasScope("read_positions"))
            return api::reply(403, QJsonObject{{QStringLiteral("error"), QStringLiteral("insufficient_scope")},
                                               {QStringLiteral("scope"), QStringLiteral("read_positions")}});
    } else if (!caller.can("health:view")) {
        return api::permissionDenied("health:view");
    }
    auto position = [](const char *symbol, int qty, double avg, double last) {
        return QJsonObject{{QStringLiteral("symbol"), QLatin1String(symbol)},
                           {QStringLiteral("qty"), qty},
                           {QStringLiteral("avg_price"), avg},
                           {QStringLiteral("market_price"), last},
                           {QStringLiteral("market_value"), qty * last},
                           {QStringLiteral("unrealized_pnl"), qty * (last - avg)}};
    };
    return api::reply(200, QJsonObject{
                               {QStringLiteral("positions"),
                                QJsonArray{position("AAPL", 100, 182.5, 189.25), position("MSFT", 50, 410.0, 405.5),
                                           position("SPY", -20, 520.0, 515.75)}},
                               {QStringLiteral("as_of"), isoZ(caller.nowMs)},
                           });
}

// --- API key authentication ------------------------------------------------------------------------------

std::optional<ApiReply> ApiKeysApi::authenticateKey(const QByteArray &key, ApiCaller &caller)
{
    static const QRegularExpression shape(QStringLiteral("^(tp_test_[a-z0-9]{8})\\.([A-Za-z0-9_-]{43})$"));
    static const QByteArray dummySalt = randomBytes(kSaltBytes);
    static const QByteArray dummyHash = secretHash(dummySalt, randomBytes(kSecretBytes).toBase64(
                                                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const ApiReply invalid = api::error(401, "invalid_api_key");
    caller.username = QStringLiteral("api_key:-");
    const auto match = shape.match(QString::fromLatin1(key));
    if (!match.hasMatch())
        return invalid;
    const QString prefix = match.captured(1);
    const QByteArray secret = match.captured(2).toLatin1();
    caller.username = QStringLiteral("api_key:") + prefix; // public; the secret is never logged

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() && !db.open())
        return api::error(503, "database_unavailable");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, key_hash, key_salt, CAST(array_to_json(scopes) AS text), "
                             "revoked_at IS NOT NULL, %1, %2 FROM api_keys WHERE prefix = :p")
                  .arg(msOf("expires_at"), msOf("grace_expires_at")));
    q.bindValue(QStringLiteral(":p"), prefix);
    if (!q.exec()) {
        qCWarning(lcSandbox, "api key lookup failed: %s", qPrintable(sqlError(q)));
        db.close();
        return api::error(503, "database_unavailable");
    }
    if (!q.next()) {
        // The same work as for a known prefix, so prefixes cannot be probed by timing.
        [[maybe_unused]] volatile bool same = AuthApi::constantTimeEquals(secretHash(dummySalt, secret), dummyHash);
        return invalid;
    }
    const qint64 id = q.value(0).toLongLong();
    const QByteArray stored = q.value(1).toByteArray();
    const QByteArray salt = q.value(2).toByteArray();
    const QJsonArray scopes = scopesOf(q.value(3));
    const QString state = status(q.value(4).toBool(), q.value(5), q.value(6), caller.nowMs);
    q.finish();
    if (!AuthApi::constantTimeEquals(secretHash(salt, secret), stored))
        return invalid;
    if (state != QLatin1String("active") && state != QLatin1String("expiring"))
        return invalid;

    // At most one write a minute per key (sandbox clock).
    QSqlQuery touch(db);
    touch.prepare(QStringLiteral("UPDATE api_keys SET last_used_at = %1 WHERE id = :id "
                                 "AND (last_used_at IS NULL OR last_used_at <= %2)")
                      .arg(toTs(":t"), toTs(":cutoff")));
    touch.bindValue(QStringLiteral(":t"), caller.nowMs);
    touch.bindValue(QStringLiteral(":id"), id);
    touch.bindValue(QStringLiteral(":cutoff"), caller.nowMs - kLastUsedIntervalMs);
    if (!touch.exec())
        qCWarning(lcSandbox, "api key last_used_at update failed: %s", qPrintable(sqlError(touch)));

    caller.apiKeyId = id;
    caller.apiKeyPrefix = prefix;
    for (const QJsonValue &s : scopes)
        caller.apiKeyScopes.append(s.toString());
    return std::nullopt;
}

// --- reads ---------------------------------------------------------------------------------------------

bool ApiKeysApi::readKey(QSqlDatabase &db, qint64 id, qint64 nowMs, QJsonObject *out, bool lock, QString *statusOut)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM api_keys WHERE id = :id%2")
                  .arg(keyColumns(), lock ? QStringLiteral(" FOR UPDATE") : QString()));
    q.bindValue(QStringLiteral(":id"), id);
    if (!run(q, "key read"))
        return false;
    if (!q.next()) {
        *out = {};
        return true;
    }
    *out = keyJson(q, nowMs, statusOut);
    return true;
}

ApiReply ApiKeysApi::list(Request &r)
{
    QSqlQuery q(r.db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM api_keys ORDER BY created_at DESC, id DESC").arg(keyColumns()))) {
        qCWarning(lcSandbox, "api keys: list failed: %s", qPrintable(sqlError(q)));
        return api::error(503, "database_unavailable");
    }
    QJsonArray keys;
    while (q.next())
        keys.append(keyJson(q, r.caller.nowMs));
    return api::reply(200, QJsonObject{{QStringLiteral("keys"), keys}});
}

// --- changes ---------------------------------------------------------------------------------------------

namespace {

struct NewKey
{
    QString prefix;
    QByteArray secret; // base64url text
    QByteArray salt;
    QByteArray hash;
    QString full() const { return prefix + QLatin1Char('.') + QString::fromLatin1(secret); }
};

NewKey makeKey()
{
    NewKey k;
    k.prefix = randomPrefix();
    k.secret = randomBytes(ApiKeysApi::kSecretBytes)
                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    k.salt = randomBytes(ApiKeysApi::kSaltBytes);
    k.hash = secretHash(k.salt, k.secret);
    return k;
}

// Inserts a key (a fresh prefix on collision, up to 8 tries) inside the caller's transaction; the
// key's name, scopes and expiry come from `source` (a VALUES row or a SELECT of the rotated key).
bool insertKey(QSqlDatabase &db, const ApiCaller &caller, const QString &sql,
               const std::function<void(QSqlQuery &)> &bindSource, NewKey *key, qint64 *id)
{
    for (int attempt = 0; attempt < 8; ++attempt) {
        *key = makeKey();
        QSqlQuery q(db);
        q.prepare(sql);
        q.bindValue(QStringLiteral(":prefix"), key->prefix);
        q.bindValue(QStringLiteral(":hash"), key->hash);
        q.bindValue(QStringLiteral(":salt"), key->salt);
        q.bindValue(QStringLiteral(":created"), caller.nowMs);
        q.bindValue(QStringLiteral(":by"), caller.username);
        bindSource(q);
        if (!run(q, "key insert"))
            return false;
        if (q.next()) {
            *id = q.value(0).toLongLong();
            return true;
        }
        qCInfo(lcSandbox, "api keys: prefix %s taken, drawing another", qPrintable(key->prefix));
    }
    qCWarning(lcSandbox, "api keys: no free prefix after 8 tries");
    return false;
}

} // namespace

ApiReply ApiKeysApi::create(Request &r)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.caller.request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return api::error(400, "invalid_body");
    r.body = doc.object();

    QJsonObject fields;
    const QJsonValue nameValue = r.body.value(QStringLiteral("name"));
    const QString name = nameValue.isString() ? nameValue.toString().trimmed() : QString();
    const QList<uint> nameCodePoints = name.toUcs4();
    if (nameCodePoints.size() < kNameMin || nameCodePoints.size() > kNameMax)
        fields.insert(QStringLiteral("name"), QStringLiteral("Name must be 3–50 characters"));
    else if (std::any_of(nameCodePoints.cbegin(), nameCodePoints.cend(), [](uint cp) { return unsafeNameCharacter(cp); }))
        fields.insert(QStringLiteral("name"), QStringLiteral("Name must not contain control characters"));

    QStringList scopes;
    const QJsonValue scopesValue = r.body.value(QStringLiteral("scopes"));
    QString unknownScope;
    bool scopesMistyped = !scopesValue.isArray();
    for (const QJsonValue &s : scopesValue.toArray()) {
        if (!s.isString()) {
            scopesMistyped = true;
        } else if (!scopeNames().contains(s.toString())) {
            if (unknownScope.isEmpty())
                unknownScope = s.toString();
        } else if (!scopes.contains(s.toString())) {
            scopes.append(s.toString());
        }
    }
    if (!unknownScope.isEmpty())
        fields.insert(QStringLiteral("scopes"), QStringLiteral("Unknown scope: %1").arg(unknownScope.left(64)));
    else if (scopesMistyped && scopesValue.isArray())
        fields.insert(QStringLiteral("scopes"), QStringLiteral("Scopes must be strings"));
    else if (scopes.isEmpty())
        fields.insert(QStringLiteral("scopes"), QStringLiteral("Choose at least one scope"));
    std::sort(scopes.begin(), scopes.end(), [](const QString &a, const QString &b) {
        return scopeNames().indexOf(a) < scopeNames().indexOf(b);
    });

    QVariant expiresMs = nullLong();
    const QJsonValue expiresValue = r.body.value(QStringLiteral("expires_at"));
    if (!expiresValue.isUndefined() && !expiresValue.isNull()) {
        const QDateTime at = expiresValue.isString()
                                 ? QDateTime::fromString(expiresValue.toString(), Qt::ISODateWithMs)
                                 : QDateTime();
        if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
            fields.insert(QStringLiteral("expires_at"),
                          QStringLiteral("Expiry must be an ISO-8601 date and time with Z or an offset"));
        else if (at.toMSecsSinceEpoch() <= r.caller.nowMs)
            fields.insert(QStringLiteral("expires_at"), QStringLiteral("Expiry must be in the future"));
        else
            expiresMs = at.toMSecsSinceEpoch();
    }
    if (!fields.isEmpty())
        return api::reply(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("validation_failed")},
                                           {QStringLiteral("fields"), fields}});

    QSqlDatabase &db = r.db;
    if (!db.transaction())
        return api::error(503, "database_unavailable");
    auto failed = [&] {
        db.rollback();
        return api::error(500, "create_failed");
    };
    NewKey key;
    qint64 id = 0;
    const QString insert = QStringLiteral(
                               "INSERT INTO api_keys (name, prefix, key_hash, key_salt, scopes, created_at, created_by, "
                               "expires_at) VALUES (:name, :prefix, :hash, :salt, string_to_array(:scopes, ','), %1, "
                               ":by, %2) ON CONFLICT (prefix) DO NOTHING RETURNING id")
                               .arg(toTs(":created"), toTs(":expires"));
    if (!insertKey(db, r.caller, insert,
                   [&](QSqlQuery &q) {
                       q.bindValue(QStringLiteral(":name"), name);
                       q.bindValue(QStringLiteral(":scopes"), scopes.join(QLatin1Char(',')));
                       q.bindValue(QStringLiteral(":expires"), expiresMs);
                   },
                   &key, &id))
        return failed();
    qint64 auditId = 0;
    if (!api::writeAudit(db, r.caller,
                         {QStringLiteral("API_KEY_CREATE"), QStringLiteral("admin"), QStringLiteral("api_key"), id,
                          QStringLiteral("success"), QString(),
                          QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("prefix"), key.prefix},
                                      {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                                      {QStringLiteral("expires_at"), isoOrNull(expiresMs)}}},
                         &auditId))
        return failed();
    QJsonObject created;
    if (!readKey(db, id, r.caller.nowMs, &created) || created.isEmpty() || !db.commit())
        return failed();
    qCInfo(lcSandbox, "api key %lld (%s) created by %s (audit %lld)", id, qPrintable(key.prefix),
           qPrintable(r.caller.username), auditId);
    return api::reply(201, QJsonObject{{QStringLiteral("key"), created},
                                       {QStringLiteral("secret"), key.full()},
                                       {QStringLiteral("audit_id"), auditId}});
}

ApiReply ApiKeysApi::rotate(Request &r)
{
    const QByteArray raw = r.caller.request.body().trimmed();
    if (!raw.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return api::error(400, "invalid_body");
    }
    const qint64 now = r.caller.nowMs;
    QSqlDatabase &db = r.db;
    if (!db.transaction())
        return api::error(503, "database_unavailable");
    auto failed = [&] {
        db.rollback();
        return api::error(500, "rotate_failed");
    };
    QJsonObject old;
    QString state;
    if (!readKey(db, r.id, now, &old, true, &state))
        return failed();
    if (old.isEmpty()) {
        db.rollback();
        return api::error(404, "not_found");
    }
    const QJsonObject summary{{QStringLiteral("name"), old.value(QStringLiteral("name"))},
                              {QStringLiteral("prefix"), old.value(QStringLiteral("prefix"))},
                              {QStringLiteral("scopes"), old.value(QStringLiteral("scopes"))}};
    if (state != QLatin1String("active")) {
        db.rollback();
        const QString detail =
            state == QLatin1String("revoked")   ? QStringLiteral("The key is revoked")
            : state == QLatin1String("expired") ? QStringLiteral("The key has expired")
                                                : QStringLiteral("The key is already being rotated; it works until %1")
                                                      .arg(old.value(QStringLiteral("grace_expires_at")).toString());
        QJsonObject details = summary;
        details.insert(QStringLiteral("error"), QStringLiteral("not_rotatable"));
        details.insert(QStringLiteral("status"), state);
        api::writeAudit(db, r.caller,
                        {QStringLiteral("API_KEY_ROTATE"), QStringLiteral("admin"), QStringLiteral("api_key"), r.id,
                         QStringLiteral("rejected"), QString(), details});
        return api::reply(409, QJsonObject{{QStringLiteral("error"), QStringLiteral("not_rotatable")},
                                           {QStringLiteral("detail"), detail}});
    }

    const qint64 graceMs = now + kGraceMs;
    QSqlQuery grace(db);
    grace.prepare(QStringLiteral("UPDATE api_keys SET grace_expires_at = %1 WHERE id = :id").arg(toTs(":g")));
    grace.bindValue(QStringLiteral(":g"), graceMs);
    grace.bindValue(QStringLiteral(":id"), r.id);
    if (!run(grace, "grace update"))
        return failed();
    NewKey key;
    qint64 newId = 0;
    const QString insert = QStringLiteral(
                               "INSERT INTO api_keys (name, prefix, key_hash, key_salt, scopes, created_at, created_by, "
                               "expires_at, rotated_from) SELECT name, :prefix, :hash, :salt, scopes, %1, :by, "
                               "expires_at, id FROM api_keys WHERE id = :old "
                               "ON CONFLICT (prefix) DO NOTHING RETURNING id")
                               .arg(toTs(":created"));
    if (!insertKey(db, r.caller, insert, [&](QSqlQuery &q) { q.bindValue(QStringLiteral(":old"), r.id); }, &key, &newId))
        return failed();
    QJsonObject details = summary;
    details.insert(QStringLiteral("new_key_id"), newId);
    details.insert(QStringLiteral("new_prefix"), key.prefix);
    details.insert(QStringLiteral("grace_expires_at"), isoZ(graceMs));
    qint64 auditId = 0;
    if (!api::writeAudit(db, r.caller,
                         {QStringLiteral("API_KEY_ROTATE"), QStringLiteral("admin"), QStringLiteral("api_key"), r.id,
                          QStringLiteral("success"), QString(), details},
                         &auditId))
        return failed();
    QJsonObject fresh;
    QJsonObject previous;
    if (!readKey(db, newId, now, &fresh) || !readKey(db, r.id, now, &previous) || fresh.isEmpty()
        || previous.isEmpty() || !db.commit())
        return failed();
    qCInfo(lcSandbox, "api key %lld rotated to %lld (%s) by %s (audit %lld)", r.id, newId, qPrintable(key.prefix),
           qPrintable(r.caller.username), auditId);
    return api::reply(201, QJsonObject{{QStringLiteral("key"), fresh},
                                       {QStringLiteral("secret"), key.full()},
                                       {QStringLiteral("old_key"), previous},
                                       {QStringLiteral("audit_id"), auditId}});
}

ApiReply ApiKeysApi::revoke(Request &r)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.caller.request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return api::error(400, "invalid_body");
    r.body = doc.object();
    const QJsonValue reasonValue = r.body.value(QStringLiteral("reason"));
    const api::Reason reason = api::normaliseReason(reasonValue.isString() ? reasonValue.toString() : QString());
    if (reason.visible < api::kMinReasonVisible)
        return api::reasonTooShort(reason);

    const qint64 now = r.caller.nowMs;
    QSqlDatabase &db = r.db;
    if (!db.transaction())
        return api::error(503, "database_unavailable");
    auto failed = [&] {
        db.rollback();
        return api::error(500, "revoke_failed");
    };
    QJsonObject key;
    QString state;
    if (!readKey(db, r.id, now, &key, true, &state))
        return failed();
    if (key.isEmpty()) {
        db.rollback();
        return api::error(404, "not_found");
    }
    QJsonObject details{{QStringLiteral("name"), key.value(QStringLiteral("name"))},
                        {QStringLiteral("prefix"), key.value(QStringLiteral("prefix"))},
                        {QStringLiteral("scopes"), key.value(QStringLiteral("scopes"))},
                        {QStringLiteral("previous_status"), state}};
    if (state == QLatin1String("revoked")) {
        db.rollback();
        details.insert(QStringLiteral("error"), QStringLiteral("already_revoked"));
        api::writeAudit(db, r.caller,
                        {QStringLiteral("API_KEY_REVOKE"), QStringLiteral("admin"), QStringLiteral("api_key"), r.id,
                         QStringLiteral("rejected"), reason.text, details});
        return api::error(409, "already_revoked");
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE api_keys SET revoked_at = %1, revoked_by = :by, revoke_reason = :reason "
                                  "WHERE id = :id")
                       .arg(toTs(":t")));
    update.bindValue(QStringLiteral(":t"), now);
    update.bindValue(QStringLiteral(":by"), r.caller.username);
    update.bindValue(QStringLiteral(":reason"), reason.text);
    update.bindValue(QStringLiteral(":id"), r.id);
    if (!run(update, "revoke"))
        return failed();
    qint64 auditId = 0;
    if (!api::writeAudit(db, r.caller,
                         {QStringLiteral("API_KEY_REVOKE"), QStringLiteral("admin"), QStringLiteral("api_key"), r.id,
                          QStringLiteral("success"), reason.text, details},
                         &auditId))
        return failed();
    QJsonObject revoked;
    if (!readKey(db, r.id, now, &revoked) || revoked.isEmpty() || !db.commit())
        return failed();
    qCInfo(lcSandbox, "api key %lld (%s) revoked by %s (audit %lld)", r.id,
           qPrintable(revoked.value(QStringLiteral("prefix")).toString()), qPrintable(r.caller.username), auditId);
    return api::reply(200, QJsonObject{{QStringLiteral("key"), revoked}, {QStringLiteral("audit_id"), auditId}});
}

} // namespace opssandbox
