#include "health/PostgresProbe.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace ops {

// Lives in the probe's thread and owns the database connection there.
class PostgresProbeWorker final : public QObject
{
    Q_OBJECT

public:
    explicit PostgresProbeWorker(const PostgresEndpoint &endpoint)
        : m_endpoint(endpoint)
        , m_connectionName(QStringLiteral("ops-pg-probe-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
    }

    ~PostgresProbeWorker() override { closeConnection(); }

    void setPassword(const QString &password) { m_password = password; }

    void run(quint64 id)
    {
        QElapsedTimer timer;
        timer.start();
        PostgresProbeResult result = check();
        result.latencyMs = int(timer.elapsed());
        emit done(id, result);
    }

signals:
    void done(quint64 id, const ops::PostgresProbeResult &result);

private:
    PostgresProbeResult check()
    {
        PostgresProbeResult result;
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
            result.error = tr("The PostgreSQL driver (QPSQL) is not installed");
            return result;
        }
        if (!m_open && !open(&result.error))
            return result;

        bool answered = false;
        {
            QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
            answered = query.exec(QStringLiteral("SELECT 1")) && query.next() && query.value(0).toInt() == 1;
            if (!answered) {
                // After a server-side disconnect QPSQL may report no error text at all.
                const QString text = query.lastError().text().trimmed();
                result.error = text.isEmpty() ? tr("Connection to PostgreSQL lost") : firstLine(text);
            }
        }
        if (!answered) {
            closeConnection(); // reconnect explicitly next time, never silently
            return result;
        }
        result.ok = true;
        result.serverVersion = m_serverVersion;
        return result;
    }

    bool open(QString *error)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        db.setHostName(m_endpoint.host);
        db.setPort(m_endpoint.port);
        db.setDatabaseName(m_endpoint.database);
        db.setUserName(m_endpoint.user);
        if (!m_password.isEmpty())
            db.setPassword(m_password);
        const int seconds = PostgresProbe::TimeoutMs / 1000;
        db.setConnectOptions(QStringLiteral("connect_timeout=%1;sslmode=%2;application_name=ops-console;"
                                            "options='-c statement_timeout=%3'")
                                 .arg(seconds)
                                 .arg(sanitisedSslMode())
                                 .arg(PostgresProbe::TimeoutMs));
        if (!db.open()) {
            *error = firstLine(db.lastError().text());
            if (error->isEmpty())
                *error = tr("Could not connect to PostgreSQL");
            db = QSqlDatabase(); // release the handle before the connection is removed
            closeConnection();
            return false;
        }
        m_open = true;
        QSqlQuery version(db);
        if (version.exec(QStringLiteral("SHOW server_version")) && version.next())
            m_serverVersion = version.value(0).toString().section(QLatin1Char(' '), 0, 0);
        return true;
    }

    QString sanitisedSslMode() const
    {
        static const QStringList allowed = {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                            QStringLiteral("require"), QStringLiteral("verify-ca"),
                                            QStringLiteral("verify-full")};
        return allowed.contains(m_endpoint.sslMode) ? m_endpoint.sslMode : QStringLiteral("prefer");
    }

    void closeConnection()
    {
        if (QSqlDatabase::contains(m_connectionName)) {
            {
                QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(m_connectionName);
        }
        m_open = false;
    }

    static QString firstLine(const QString &text) { return text.section(QLatin1Char('\n'), 0, 0).trimmed(); }

    PostgresEndpoint m_endpoint;
    QString m_connectionName;
    QString m_password;
    QString m_serverVersion;
    bool m_open = false;
};

PostgresProbe::PostgresProbe(const PostgresEndpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_worker(new PostgresProbeWorker(endpoint))
{
    qRegisterMetaType<ops::PostgresProbeResult>();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PostgresProbeWorker::done, this, &PostgresProbe::onWorkerResult, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("pg-probe"));
    m_thread.start();

    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (!m_inFlight)
            return;
        m_inFlight = false;
        PostgresProbeResult result;
        result.latencyMs = TimeoutMs;
        result.error = tr("No answer from PostgreSQL within %1 s").arg(TimeoutMs / 1000);
        emit finished(result);
    });
}

PostgresProbe::~PostgresProbe()
{
    m_thread.quit();
    m_thread.wait();
}

void PostgresProbe::setPassword(const QString &password)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, password] { worker->setPassword(password); },
                              Qt::QueuedConnection);
}

void PostgresProbe::probe()
{
    if (m_inFlight)
        return; // the running check reports within its deadline
    if (m_workerBusy) {
        PostgresProbeResult result;
        result.error = tr("The previous PostgreSQL check is still waiting for the server");
        emit finished(result);
        return;
    }
    const quint64 id = ++m_currentId;
    m_inFlight = true;
    m_workerBusy = true;
    m_deadline.start(TimeoutMs + 250);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id] { worker->run(id); }, Qt::QueuedConnection);
}

void PostgresProbe::onWorkerResult(quint64 id, const PostgresProbeResult &result)
{
    m_workerBusy = false;
    if (id != m_currentId || !m_inFlight)
        return; // late answer to a check that already timed out
    m_inFlight = false;
    m_deadline.stop();
    emit finished(result);
}

} // namespace ops

#include "PostgresProbe.moc"
