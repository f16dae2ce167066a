#pragma once

// Helpers shared by the raw-HTTP sandbox tests (tst_sandbox_breaker, _apikeys, _config, _audit):
// one blocking HTTP/1.1 request with QNetworkAccessManager, the sign-in of a seeded user, the
// fresh database and sandbox setup of initTestCase, and prepared SQL queries on a named
// connection. Header-only; everything test-specific stays in the tests.

#include "Sandbox.h"
#include "TestPostgres.h"

#include <QtCore/QDateTime>
#include <QtCore/QEventLoop>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest>

#include <utility>

namespace ops::test {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

// A finished HTTP exchange: status (0 when no reply), raw body, body as a JSON object (empty
// when not one) and the response headers the tests look at (empty when absent).
struct Answer
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QByteArray requestId;  // X-Request-ID
    QByteArray retryAfter; // Retry-After
    QByteArray replayed;   // Idempotent-Replayed
    QByteArray etag;       // ETag
};

inline QByteArray body(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline QDateTime parseTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

// Sends one request (HTTP/1.1, 10 s transfer timeout, JSON content type when there is a payload)
// and waits for the reply in a local event loop.
inline Answer send(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &verb, const QByteArray &payload,
                   const Headers &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(10000);
    if (!payload.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.json = QJsonDocument::fromJson(a.body).object();
    a.requestId = reply->rawHeader(QByteArrayLiteral("X-Request-ID"));
    a.retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After"));
    a.replayed = reply->rawHeader(QByteArrayLiteral("Idempotent-Replayed"));
    a.etag = reply->rawHeader(QByteArrayLiteral("ETag"));
    reply->deleteLater();
    return a;
}

// Authorization: Bearer <token> and X-Request-ID, each only when not empty.
inline Headers apiHeaders(const QByteArray &token, const QByteArray &requestId = {})
{
    Headers headers;
    if (!token.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token});
    if (!requestId.isEmpty())
        headers.append({QByteArrayLiteral("X-Request-ID"), requestId});
    return headers;
}

// POST api/v1/auth/login as a seeded sandbox user ("<user>-sandbox-pw"): the token, empty on failure.
inline QByteArray signInToken(QNetworkAccessManager &nam, const QUrl &apiBase, const QString &user,
                              const QByteArray &requestId = {})
{
    const Answer a = send(nam, apiBase.resolved(QUrl(QStringLiteral("api/v1/auth/login"))), "POST",
                          body(QJsonObject{{QStringLiteral("username"), user},
                                           {QStringLiteral("password"), user + QStringLiteral("-sandbox-pw")}}),
                          apiHeaders({}, requestId));
    return a.status == 200 ? a.json.value(QStringLiteral("token")).toString().toLatin1() : QByteArray();
}

// DROP DATABASE IF EXISTS <database> WITH (FORCE) through a temporary connection `adminConnection`
// to "postgres". False with *error set when the connection or the statement fails.
inline bool dropDatabase(const TestPostgres &pg, const QString &database, const QString &adminConnection,
                         QString *error)
{
    bool ok = false;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), adminConnection);
        admin.setHostName(pg.host);
        admin.setPort(pg.port);
        admin.setUserName(pg.user);
        admin.setDatabaseName(QStringLiteral("postgres"));
        if (!admin.open()) {
            *error = admin.lastError().text();
        } else {
            QSqlQuery drop(admin);
            ok = drop.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database));
            if (!ok)
                *error = drop.lastError().text();
            admin.close();
        }
    }
    QSqlDatabase::removeDatabase(adminConnection);
    return ok;
}

// A sandbox configuration on ephemeral ports and on `database` in the test PostgreSQL.
inline opssandbox::SandboxConfig sandboxConfig(const TestPostgres &pg, const QString &database)
{
    opssandbox::SandboxConfig config;
    config.controlPort = 0;
    config.firstServicePort = 0;
    config.apiPort = 0;
    config.dbHost = pg.host;
    config.dbPort = quint16(pg.port);
    config.dbUser = pg.user;
    config.dbName = database;
    return config;
}

// Adds and opens the QPSQL connection `name` to `database` as `user` (pg.user when empty); check isOpen().
inline QSqlDatabase openDatabase(const QString &name, const TestPostgres &pg, const QString &database,
                                 const QString &user = {})
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(pg.host);
    db.setPort(pg.port);
    db.setUserName(user.isEmpty() ? pg.user : user);
    db.setDatabaseName(database);
    db.open();
    return db;
}

// Prepares and runs `text` with positional values on `connection`; failures are logged with qWarning.
inline QSqlQuery sql(const QString &connection, const QString &text, const QVariantList &values = {})
{
    QSqlQuery q(QSqlDatabase::database(connection));
    if (!q.prepare(text))
        qWarning("prepare failed: %s", qPrintable(q.lastError().text()));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        qWarning("query failed: %s", qPrintable(q.lastError().text()));
    return q;
}

// The first column of the first row as a number, -1 when there is no row.
inline qint64 scalar(const QString &connection, const QString &text, const QVariantList &values = {})
{
    QSqlQuery q = sql(connection, text, values);
    return q.next() ? q.value(0).toLongLong() : -1;
}

// The answer has `status` (else fails showing status and body) and {"error": code}.
inline void expectError(const Answer &a, int status, const QString &code)
{
    QVERIFY2(a.status == status, qPrintable(QStringLiteral("%1 %2").arg(a.status).arg(QString::fromUtf8(a.body))));
    QCOMPARE(a.json.value(QStringLiteral("error")).toString(), code);
}

} // namespace ops::test
