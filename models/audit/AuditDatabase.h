#pragma once

#include "profiles/ConnectionProfile.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace ops {

// Why an audit-log operation did not produce a result. `message` is translated and fit for the
// operator (one line, never a password); `serverMessage` is PostgreSQL's own first line, if any.
struct AuditError
{
    enum class Kind {
        None,
        ConnectFailed,    // could not connect (host, port, password, pg_hba)
        ConnectionLost,   // the connection dropped; the next request reconnects
        Timeout,          // statement_timeout stopped the query
        PermissionDenied, // the role may not read this (SQLSTATE 42501)
        Cancelled,        // AuditService::cancel() or the service shutting down
        Query,            // any other failure
    };
    Kind kind = Kind::None;
    QString message;
    QString serverMessage;
    QString sqlState;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
};

// One QPSQL connection to the audit database, used on the thread that created it (the reader's
// thread). Opens with connect_timeout=3, then sets statement_timeout (5 s by default), the UTC
// time zone and application_name 'ops-console'.
//
// The password is handed to the QSqlDatabase connection (which needs it to connect again after a
// loss) and kept nowhere else; it is never logged.
//
// A dropped connection is never papered over: QPSQL reports no error text after a server-side
// disconnect and QSqlDatabase::database() would reconnect silently. This class asks libpq
// (PQstatus) and reports "The database connection was lost" instead; the connection is then
// closed, and the *next* request opens it again explicitly.
class AuditDatabase
{
    Q_DECLARE_TR_FUNCTIONS(ops::AuditDatabase)

public:
    struct Options
    {
        int connectTimeoutSeconds = 3;
        int statementTimeoutMs = 5000;
    };

    AuditDatabase(const PostgresEndpoint &endpoint, const QString &password, const Options &options);
    AuditDatabase(const PostgresEndpoint &endpoint, const QString &password);
    ~AuditDatabase();
    AuditDatabase(const AuditDatabase &) = delete;
    AuditDatabase &operator=(const AuditDatabase &) = delete;

    // Opens the connection when it is closed. When it is open but libpq knows it is broken,
    // closes it and reports ConnectionLost (the caller shows that; the next call reconnects).
    bool ensureOpen(AuditError *error);
    // ensureOpen() plus a cheap round trip (SELECT 1): finds a connection the server dropped
    // while it was idle.
    bool ping(AuditError *error);

    // The open connection (use only after ensureOpen() returned true, on this thread).
    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QString connectionName() const { return m_connectionName; }
    [[nodiscard]] int statementTimeoutMs() const { return m_options.statementTimeoutMs; }
    // PostgreSQL's process id of this connection (0 when closed); for diagnostics and tests.
    [[nodiscard]] int backendPid() const;

    // Turns a failed query's error into an AuditError. When the connection turned out to be
    // gone, it is closed here (so the next request reconnects) and ConnectionLost is returned.
    AuditError classify(const QSqlError &error);
    void close();

    // Asks the server to cancel whatever this connection is running. Thread-safe: may be
    // called from any thread (it is how the service aborts a query when it shuts down).
    void cancelRunningQuery();

    [[nodiscard]] static AuditError lostError();
    [[nodiscard]] static AuditError cancelledError();

private:
    bool open(AuditError *error);
    [[nodiscard]] bool connectionBroken() const;
    void setCancelHandle(void *cancel);

    PostgresEndpoint m_endpoint;
    Options m_options;
    QString m_connectionName;
    bool m_opened = false; // opened by us and not closed by us since
    mutable QMutex m_cancelMutex;
    void *m_cancel = nullptr; // PGcancel*, guarded by m_cancelMutex
};

} // namespace ops

Q_DECLARE_METATYPE(ops::AuditError)
