#include "DbProbe.h"

#include <QtCore/QAtomicInteger>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

namespace opssandbox {

namespace {
QAtomicInteger<quint64> g_probeCounter;
}

DbProbe::DbProbe(const DbParams &params, int intervalMs, QObject *parent)
    : QObject(parent),
      m_params(params),
      m_intervalMs(intervalMs),
      m_connectionName(QStringLiteral("opssandbox-probe-%1").arg(++g_probeCounter))
{
}

DbProbe::~DbProbe() = default;

void DbProbe::begin()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(m_intervalMs);
        connect(m_timer, &QTimer::timeout, this, &DbProbe::check);
    }
    m_timer->start();
    check();
}

void DbProbe::finish()
{
    if (m_timer)
        m_timer->stop();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

void DbProbe::check()
{
    QElapsedTimer clock;
    clock.start();
    if (!QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        db.setHostName(m_params.host);
        db.setPort(m_params.port);
        db.setDatabaseName(m_params.name);
        db.setUserName(m_params.user);
        if (!m_params.password.isEmpty())
            db.setPassword(m_params.password);
        // 2 s budget for the connection and for the statement.
        db.setConnectOptions(QStringLiteral("connect_timeout=2;options='-c statement_timeout=2000'"));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() && !db.open()) {
        const QString error = db.lastError().text().simplified();
        db.close();
        Q_EMIT checked(false, double(clock.nsecsElapsed()) / 1e6,
                       error.isEmpty() ? QStringLiteral("connection failed") : error);
        return;
    }
    QSqlQuery query(db);
    bool ok = query.exec(QStringLiteral("SELECT 1")) && query.next() && query.value(0).toInt() == 1;
    const double latency = double(clock.nsecsElapsed()) / 1e6;
    if (!ok) {
        // After a server-side disconnect QPSQL may report an empty error: say so explicitly,
        // and drop the connection so the next tick reconnects from scratch.
        QString error = query.lastError().text().simplified();
        if (error.isEmpty())
            error = db.lastError().text().simplified();
        if (error.isEmpty())
            error = QStringLiteral("connection lost (SELECT 1 returned no row)");
        query.finish();
        db.close();
        Q_EMIT checked(false, latency, error);
        return;
    }
    Q_EMIT checked(true, latency, QString());
}

} // namespace opssandbox
