#include "audit/AuditDatabase.h"

#include <QLocale>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <libpq-fe.h>

#include <cstring>

namespace ops {

namespace {

// PostgreSQL's first line without libpq's severity prefix ("ERROR:  ...").
QString firstLine(const QString &text)
{
    QString line = text.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    for (const QLatin1String prefix : {QLatin1String("ERROR:"), QLatin1String("FATAL:")}) {
        if (line.startsWith(prefix))
            line = line.mid(prefix.size()).trimmed();
    }
    return line;
}

QString sanitisedSslMode(const QString &mode)
{
    static const QStringList allowed = {QStringLiteral("disable"), QStringLiteral("allow"),
                                        QStringLiteral("prefer"),  QStringLiteral("require"),
                                        QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return allowed.contains(mode) ? mode : QStringLiteral("prefer");
}

// The libpq connection behind an open QPSQL QSqlDatabase, or nullptr. (Qt registers the handle's
// type under the struct's name, "pg_conn*"; older releases said "PGconn*".)
PGconn *pgconn(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || !handle.typeName())
        return nullptr;
    if (std::strcmp(handle.typeName(), "pg_conn*") != 0 && std::strcmp(handle.typeName(), "PGconn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

} // namespace

AuditDatabase::AuditDatabase(const PostgresEndpoint &endpoint, const QString &password)
    : AuditDatabase(endpoint, password, Options{})
{
}

AuditDatabase::AuditDatabase(const PostgresEndpoint &endpoint, const QString &password, const Options &options)
    : m_endpoint(endpoint)
    , m_options(options)
    , m_connectionName(QStringLiteral("ops-audit-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    db.setHostName(m_endpoint.host);
    db.setPort(m_endpoint.port);
    db.setDatabaseName(m_endpoint.database);
    db.setUserName(m_endpoint.user);
    if (!password.isEmpty())
        db.setPassword(password);
    db.setConnectOptions(QStringLiteral("connect_timeout=%1;sslmode=%2")
                             .arg(qBound(1, m_options.connectTimeoutSeconds, 60))
                             .arg(sanitisedSslMode(m_endpoint.sslMode)));
}

AuditDatabase::~AuditDatabase()
{
    close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase AuditDatabase::database() const
{
    // Never QSqlDatabase::database(name) with open=true: that reconnects silently.
    return QSqlDatabase::database(m_connectionName, false);
}

bool AuditDatabase::isOpen() const
{
    return database().isOpen();
}

int AuditDatabase::backendPid() const
{
    PGconn *conn = isOpen() ? pgconn(database()) : nullptr;
    return conn ? PQbackendPID(conn) : 0;
}

bool AuditDatabase::connectionBroken() const
{
    // QPSQL marks the connection closed itself after a fatal error: then it is gone, and opening it
    // again must be a decision, not a side effect.
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return true;
    PGconn *conn = pgconn(db);
    return conn && PQstatus(conn) != CONNECTION_OK;
}

AuditError AuditDatabase::lostError()
{
    AuditError e;
    e.kind = AuditError::Kind::ConnectionLost;
    e.message = tr("The database connection was lost. It will be opened again with the next request.");
    return e;
}

AuditError AuditDatabase::cancelledError()
{
    AuditError e;
    e.kind = AuditError::Kind::Cancelled;
    e.message = tr("Cancelled.");
    return e;
}

bool AuditDatabase::open(AuditError *error)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        error->kind = AuditError::Kind::ConnectFailed;
        error->message = tr("The PostgreSQL driver (QPSQL) is not installed.");
        return false;
    }
    QSqlDatabase db = database();
    if (!db.open()) {
        error->kind = AuditError::Kind::ConnectFailed;
        error->serverMessage = firstLine(db.lastError().text());
        error->message = error->serverMessage.isEmpty()
                             ? tr("Could not connect to the audit database.")
                             : tr("Could not connect to the audit database: %1").arg(error->serverMessage);
        db.close();
        return false;
    }
    // Session settings: constant SQL except the timeout, which is bound.
    QSqlQuery q(db);
    bool ok = q.prepare(QStringLiteral("SELECT set_config('statement_timeout', ?, false)"));
    q.addBindValue(QStringLiteral("%1ms").arg(qMax(1, m_options.statementTimeoutMs)));
    ok = ok && q.exec();
    ok = ok && q.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    ok = ok && q.exec(QStringLiteral("SET application_name = 'ops-console'"));
    if (!ok) {
        *error = classify(q.lastError());
        if (error->kind == AuditError::Kind::None)
            *error = lostError();
        close();
        return false;
    }
    q.finish();
    if (PGconn *conn = pgconn(db))
        setCancelHandle(PQgetCancel(conn));
    m_opened = true;
    return true;
}

bool AuditDatabase::ensureOpen(AuditError *error)
{
    if (!m_opened)
        return open(error);
    if (connectionBroken()) { // also when QPSQL closed it on its own since the last request
        close();
        *error = lostError();
        return false;
    }
    return true;
}

bool AuditDatabase::ping(AuditError *error)
{
    if (!ensureOpen(error))
        return false;
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT 1")) && q.next() && q.value(0).toInt() == 1)
        return true;
    *error = classify(q.lastError());
    if (error->kind == AuditError::Kind::None)
        *error = lostError();
    return false;
}

AuditError AuditDatabase::classify(const QSqlError &sqlError)
{
    AuditError e;
    e.sqlState = sqlError.nativeErrorCode();
    e.serverMessage = firstLine(sqlError.databaseText().isEmpty() ? sqlError.text() : sqlError.databaseText());
    const bool lostState = e.sqlState.startsWith(QLatin1String("08")) || e.sqlState == QLatin1String("57P01")
                           || e.sqlState == QLatin1String("57P02") || e.sqlState == QLatin1String("57P03");
    // QPSQL gives no text at all on a dead connection: ask libpq rather than trusting the silence.
    if (lostState || connectionBroken() || (e.sqlState.isEmpty() && e.serverMessage.isEmpty())) {
        close();
        AuditError lost = lostError();
        lost.serverMessage = e.serverMessage;
        lost.sqlState = e.sqlState;
        return lost;
    }
    if (e.sqlState == QLatin1String("57014")) {
        if (e.serverMessage.contains(QLatin1String("user request"))) {
            e.kind = AuditError::Kind::Cancelled;
            e.message = tr("Cancelled.");
        } else {
            e.kind = AuditError::Kind::Timeout;
            e.message = tr("The query took longer than %1 s and was stopped. Narrow the filter (for example the "
                           "date range) and try again.")
                            .arg(QLocale().toString(m_options.statementTimeoutMs / 1000.0, 'g', 3));
        }
        return e;
    }
    if (e.sqlState == QLatin1String("42501")) {
        e.kind = AuditError::Kind::PermissionDenied;
        e.message = tr("The database role \"%1\" may not read the audit log: %2")
                        .arg(m_endpoint.user, e.serverMessage);
        return e;
    }
    e.kind = AuditError::Kind::Query;
    e.message = tr("The audit log could not be read: %1").arg(e.serverMessage);
    return e;
}

void AuditDatabase::setCancelHandle(void *cancel)
{
    QMutexLocker lock(&m_cancelMutex);
    if (m_cancel)
        PQfreeCancel(static_cast<PGcancel *>(m_cancel));
    m_cancel = cancel;
}

void AuditDatabase::cancelRunningQuery()
{
    QMutexLocker lock(&m_cancelMutex);
    if (!m_cancel)
        return;
    char message[256];
    PQcancel(static_cast<PGcancel *>(m_cancel), message, int(sizeof message));
}

void AuditDatabase::close()
{
    m_opened = false;
    setCancelHandle(nullptr);
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase db = database();
        db.close();
    }
}

} // namespace ops
