#include "alerts/AlertReader.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace ops {

namespace {

QString usColumn(const QString &expression)
{
    return QStringLiteral("CAST(extract(epoch FROM %1) * 1000000 AS bigint)").arg(expression);
}

QDateTime fromUs(const QVariant &v)
{
    if (v.isNull())
        return {};
    const qint64 us = v.toLongLong();
    // Floor division: microseconds before the epoch round towards the past.
    const qint64 ms = us >= 0 ? us / 1000 : -((-us + 999) / 1000);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// AlertReader

AlertReader::AlertReader(const PostgresEndpoint &endpoint, const AuditDatabase::Options &options)
    : m_endpoint(endpoint)
    , m_options(options)
{
}

AlertReader::~AlertReader()
{
    QMutexLocker lock(&m_dbMutex);
    m_db.reset();
}

void AlertReader::connectWith(const QString &password)
{
    auto db = std::make_unique<AuditDatabase>(m_endpoint, password, m_options);
    QMutexLocker lock(&m_dbMutex);
    m_db = std::move(db);
}

void AlertReader::abortRunningQuery()
{
    QMutexLocker lock(&m_dbMutex);
    if (m_db)
        m_db->cancelRunningQuery();
}

AuditError AlertReader::reworded(const AuditError &error, const QString &role)
{
    AuditError e = error;
    const QString server = e.serverMessage.isEmpty() ? QString() : e.serverMessage;
    switch (e.kind) {
    case AuditError::Kind::ConnectFailed:
        e.message = server.isEmpty() ? tr("Could not connect to the alerts database.")
                                     : tr("Could not connect to the alerts database: %1").arg(server);
        break;
    case AuditError::Kind::PermissionDenied:
        e.message = tr("The database role \"%1\" may not read the alert deliveries: %2").arg(role, server);
        break;
    case AuditError::Kind::Timeout:
        e.message = tr("Reading the alert deliveries took too long and was stopped. Try again; if it keeps "
                       "happening, narrow the filter.");
        break;
    case AuditError::Kind::Query:
        e.message = tr("The alert deliveries could not be read: %1").arg(server);
        break;
    case AuditError::Kind::None:
    case AuditError::Kind::ConnectionLost:
    case AuditError::Kind::Cancelled:
        break;
    }
    return e;
}

void AlertReader::fetch(quint64 id, const AlertDeliveryQuery &query, const AlertCancelFlag &cancel)
{
    if (cancel && cancel->load()) {
        emit failed(id, AuditDatabase::cancelledError());
        return;
    }
    AuditError error;
    if (!m_db) {
        error.kind = AuditError::Kind::ConnectFailed;
        emit failed(id, reworded(error, m_endpoint.user));
        return;
    }
    if (!m_db->ensureOpen(&error)) {
        emit failed(id, reworded(error, m_endpoint.user));
        return;
    }

    const bool poison = query.kind == AlertDeliveryQuery::Kind::Poison;
    // Every identifier below is fixed here; only values are bound. The order matches the indexes
    // of migration 0007: (status, poison_at DESC, id DESC) and (created_at DESC, id DESC).
    // PostgreSQL sorts NULL first in DESC order: a poisoned row without poison_at (never written
    // by the platform, but possible) comes first, with orderUs = NullOrderUs.
    const QString order = poison ? QStringLiteral("poison_at") : QStringLiteral("created_at");
    QString where;
    QVariantList values;
    if (poison) {
        where = QStringLiteral("status = 'poison'");
    } else {
        where = QStringLiteral("TRUE");
        if (!query.channel.isEmpty()) {
            where += QStringLiteral(" AND channel = ?");
            values << query.channel;
        }
        if (!query.status.isEmpty()) {
            where += QStringLiteral(" AND status = ?");
            values << query.status;
        }
    }
    AlertDeliveryPage page;
    page.query = query;
    const int limit = std::clamp(query.limit, 1, MaxPageSize);

    auto run = [&](QSqlQuery &q, const QString &sql, const QVariantList &bound) {
        if (m_observer)
            m_observer(sql);
        q.setForwardOnly(true);
        bool ok = q.prepare(sql);
        if (ok) {
            for (const QVariant &v : bound)
                q.addBindValue(v);
            ok = q.exec();
        }
        return ok;
    };

    QString sql = QStringLiteral("SELECT id, alert_id, channel, recipient, status, attempts, %1, %2, %3, error_message, "
                                 "%4, %5 FROM alert_deliveries WHERE ")
                      .arg(usColumn(QStringLiteral("last_attempt_at")), usColumn(QStringLiteral("delivered_at")),
                           usColumn(QStringLiteral("poison_at")), usColumn(QStringLiteral("created_at")),
                           usColumn(order))
                  + where;
    QVariantList pageValues = values;
    if (query.afterId > 0) {
        if (query.afterOrderUs == AlertDelivery::NullOrderUs) {
            // After a row without a time: the rest of those, then every row with one.
            sql += QStringLiteral(" AND (%1 IS NOT NULL OR id < ?)").arg(order);
            pageValues << query.afterId;
        } else {
            sql += QStringLiteral(" AND (%1, id) < (TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond', ?)")
                       .arg(order);
            pageValues << query.afterOrderUs << query.afterId;
        }
    }
    sql += QStringLiteral(" ORDER BY %1 DESC, id DESC LIMIT ?").arg(order);
    pageValues << limit + 1; // one more than asked: tells whether there is more

    {
        QSqlQuery q(m_db->database());
        if (!run(q, sql, pageValues)) {
            emit failed(id, reworded(m_db->classify(q.lastError()), m_endpoint.user));
            return;
        }
        page.rows.reserve(qMin(limit, 256));
        while (q.next()) {
            if (page.rows.size() == limit) {
                page.hasMore = true;
                break;
            }
            AlertDelivery d;
            d.id = q.value(0).toLongLong();
            d.alertId = q.value(1).toString();
            d.channel = q.value(2).toString();
            d.recipient = q.value(3).toString();
            d.status = q.value(4).toString();
            d.attempts = q.value(5).toInt();
            d.lastAttemptAt = fromUs(q.value(6));
            d.deliveredAt = fromUs(q.value(7));
            d.poisonAt = fromUs(q.value(8));
            d.errorMessage = q.value(9).toString();
            d.createdAt = fromUs(q.value(10));
            d.orderUs = q.value(11).isNull() ? AlertDelivery::NullOrderUs : q.value(11).toLongLong();
            page.rows.append(d);
        }
        if (q.lastError().isValid()) {
            emit failed(id, reworded(m_db->classify(q.lastError()), m_endpoint.user));
            return;
        }
    }
    if (query.withTotal) {
        if (cancel && cancel->load()) {
            emit failed(id, AuditDatabase::cancelledError());
            return;
        }
        QSqlQuery q(m_db->database());
        if (!run(q, QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE ") + where, values) || !q.next()) {
            emit failed(id, reworded(m_db->classify(q.lastError()), m_endpoint.user));
            return;
        }
        page.total = q.value(0).toLongLong();
    }
    emit pageReady(id, page);
}

// ---------------------------------------------------------------------------------------------
// AlertService

AlertService::AlertService(const PostgresEndpoint &endpoint, const QString &password, QObject *parent)
    : AlertService(endpoint, password, Options{}, parent)
{
}

AlertService::AlertService(const PostgresEndpoint &endpoint, const QString &password, const Options &options,
                           QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ops::AlertDeliveryQuery>();
    qRegisterMetaType<ops::AlertDeliveryPage>();
    qRegisterMetaType<ops::AuditError>();
    m_reader = new AlertReader(endpoint, options);
    m_reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &AlertReader::pageReady, this, [this](quint64 id, const ops::AlertDeliveryPage &page) {
        if (settle(id))
            emit pageReady(id, page);
    });
    connect(m_reader, &AlertReader::failed, this, [this](quint64 id, const ops::AuditError &error) {
        if (settle(id))
            emit failed(id, error);
    });
    m_thread.setObjectName(QStringLiteral("alerts-reader"));
    m_thread.start();
    AlertReader *reader = m_reader;
    // The password travels in this queued call only; the reader's QSqlDatabase keeps it.
    QMetaObject::invokeMethod(reader, [reader, password] { reader->connectWith(password); }, Qt::QueuedConnection);
}

AlertService::~AlertService()
{
    for (const AlertCancelFlag &flag : std::as_const(m_pending))
        flag->store(true);
    m_pending.clear();
    m_reader->abortRunningQuery();
    m_thread.quit();
    m_thread.wait();
}

bool AlertService::settle(quint64 id)
{
    return m_pending.remove(id) > 0; // false: cancelled, already answered
}

quint64 AlertService::fetch(const AlertDeliveryQuery &query)
{
    const quint64 id = ++m_nextId;
    auto flag = std::make_shared<std::atomic_bool>(false);
    m_pending.insert(id, flag);
    AlertReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader, id, query, flag] { reader->fetch(id, query, flag); }, Qt::QueuedConnection);
    return id;
}

void AlertService::cancel(quint64 requestId)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    it.value()->store(true);
    m_pending.erase(it);
    QMetaObject::invokeMethod(
        this, [this, requestId] { emit failed(requestId, AuditDatabase::cancelledError()); }, Qt::QueuedConnection);
}

void AlertService::setQueryObserver(const AlertQueryObserver &observer)
{
    AlertReader *reader = m_reader;
    QMetaObject::invokeMethod(reader, [reader, observer] { reader->setQueryObserver(observer); }, Qt::QueuedConnection);
}

} // namespace ops
