#include "audit/AuditReader.h"

#include "audit/Masking.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace ops {

namespace {

const QString kCursorOlder = QStringLiteral(
    "(\"timestamp\", id) < (TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond', ?)");
const QString kCursorNewer = QStringLiteral(
    "(\"timestamp\", id) > (TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond', ?)");

void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (const QVariant &v : values)
        q.addBindValue(v);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// AuditReader

AuditReader::AuditReader(const PostgresEndpoint &endpoint, const AuditReaderOptions &options)
    : m_endpoint(endpoint)
    , m_options(options)
{
}

AuditReader::~AuditReader()
{
    m_page = {}; // before the connection it belongs to
    QMutexLocker lock(&m_dbMutex);
    m_db.reset();
}

void AuditReader::connectWith(const QString &password)
{
    m_page = {};
    auto db = std::make_unique<AuditDatabase>(m_endpoint, password, m_options);
    QMutexLocker lock(&m_dbMutex);
    m_db = std::move(db);
}

void AuditReader::abortRunningQuery()
{
    QMutexLocker lock(&m_dbMutex);
    if (m_db)
        m_db->cancelRunningQuery();
}

QString AuditReader::selectColumns()
{
    return QStringLiteral(
        "id, CAST(extract(epoch FROM \"timestamp\") * 1000000 AS bigint), user_id, action, CAST(details AS text), "
        "reason, ip_address, session_id, event_type, resource_type, resource_id, outcome, amr_method, request_id, "
        "prev_hash, row_hash");
}

AuditRecord AuditReader::recordFromQuery(const QSqlQuery &q)
{
    AuditRecord r;
    r.id = q.value(0).toLongLong();
    r.timestampUs = q.value(1).toLongLong();
    r.userId = q.value(2).toString();
    r.action = q.value(3).toString();
    r.detailsJson = q.value(4).toString();
    r.reason = q.value(5).toString();
    r.ipAddress = q.value(6).toString();
    r.sessionId = q.value(7).toString();
    r.eventType = q.value(8).toString();
    r.resourceType = q.value(9).toString();
    r.resourceId = q.value(10).toString();
    r.outcome = q.value(11).toString();
    r.amrMethod = q.value(12).toString();
    r.requestId = q.value(13).toString();
    r.prevHash = q.value(14).toString();
    r.rowHash = q.value(15).toString();
    return r;
}

bool AuditReader::begin(quint64 id, const AuditCancelFlag &cancel)
{
    if (cancel && cancel->load()) {
        fail(id, AuditDatabase::cancelledError());
        return false;
    }
    if (!m_db) {
        AuditError e;
        e.kind = AuditError::Kind::ConnectFailed;
        e.message = AuditDatabase::tr("Could not connect to the audit database.");
        fail(id, e);
        return false;
    }
    AuditError error;
    if (!m_db->ensureOpen(&error)) {
        fail(id, error);
        return false;
    }
    return true;
}

void AuditReader::fail(quint64 id, const AuditError &error)
{
    emit failed(id, error);
}

void AuditReader::fetchPage(quint64 id, const AuditPageRequest &request, const AuditCancelFlag &cancel)
{
    if (!begin(id, cancel))
        return;
    AuditPage page;
    page.cursor = request.cursor;
    page.direction = request.cursor.isNull() ? AuditPageDirection::Older : request.direction;
    const bool newer = page.direction == AuditPageDirection::Newer;
    const int limit = std::clamp(request.limit, 1, MaxPageSize);

    const SqlFragment where = request.filter.where(&page.filterProblem);
    QString sql = QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM audit_log WHERE ") + where.clause;
    QVariantList values = where.values;
    if (!request.cursor.isNull()) {
        sql += QStringLiteral(" AND ") + (newer ? kCursorNewer : kCursorOlder);
        values << request.cursor.timestampUs << request.cursor.id;
    }
    sql += newer ? QStringLiteral(" ORDER BY \"timestamp\" ASC, id ASC LIMIT ?")
                 : QStringLiteral(" ORDER BY \"timestamp\" DESC, id DESC LIMIT ?");
    values << limit + 1; // one more than asked: tells whether there is more

    if (m_observer)
        m_observer(sql);
    AuditError prepareError;
    QSqlQuery *prepared = pageQuery(sql, &prepareError);
    if (!prepared) {
        fail(id, prepareError);
        return;
    }
    QSqlQuery &q = *prepared;
    bindAll(q, values);
    if (!q.exec()) {
        fail(id, m_db->classify(q.lastError()));
        m_page = {}; // prepare afresh next time (the connection may have been replaced)
        return;
    }
    page.rows.reserve(limit);
    while (q.next()) {
        if (page.rows.size() == limit) {
            page.hasMore = true;
            break;
        }
        page.rows.append(recordFromQuery(q));
    }
    if (q.lastError().isValid()) {
        fail(id, m_db->classify(q.lastError()));
        m_page = {};
        return;
    }
    q.finish();
    if (newer)
        std::reverse(page.rows.begin(), page.rows.end());
    emit pageReady(id, page);
}

QSqlQuery *AuditReader::pageQuery(const QString &sql, AuditError *error)
{
    const int backend = m_db->backendPid();
    if (m_page.query && m_page.sql == sql && m_page.db == m_db.get() && m_page.backendPid == backend)
        return m_page.query.get();
    m_page = {};
    auto q = std::make_unique<QSqlQuery>(m_db->database());
    q->setForwardOnly(true);
    if (!q->prepare(sql)) {
        *error = m_db->classify(q->lastError());
        return nullptr;
    }
    m_page.sql = sql;
    m_page.db = m_db.get();
    m_page.backendPid = backend;
    m_page.query = std::move(q);
    return m_page.query.get();
}

bool AuditReader::distinct(const QString &column, bool indexed, const SqlFragment &range, QStringList *out,
                           bool *truncated, AuditError *error)
{
    // `column` comes from the fixed list in fetchDistinctValues(), never from input.
    QString sql;
    QVariantList values;
    const QString limit = QString::number(DistinctLimit + 1);
    if (indexed) {
        // A loose index scan: one index probe per distinct value instead of reading every row.
        sql = QStringLiteral("WITH RECURSIVE v(x) AS ("
                             "(SELECT %1 FROM audit_log WHERE %1 <> '' AND %2 ORDER BY %1 LIMIT 1) "
                             "UNION ALL "
                             "SELECT (SELECT %1 FROM audit_log WHERE %1 > v.x AND %2 ORDER BY %1 LIMIT 1) "
                             "FROM v WHERE v.x IS NOT NULL) "
                             "SELECT x FROM v WHERE x IS NOT NULL LIMIT %3")
                  .arg(column, range.clause, limit);
        values = range.values + range.values;
    } else {
        sql = QStringLiteral("SELECT DISTINCT %1 FROM audit_log WHERE %1 <> '' AND %2 ORDER BY %1 LIMIT %3")
                  .arg(column, range.clause, limit);
        values = range.values;
    }
    if (m_observer)
        m_observer(sql);
    QSqlQuery q(m_db->database());
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    if (ok) {
        bindAll(q, values);
        ok = q.exec();
    }
    if (!ok) {
        *error = m_db->classify(q.lastError());
        return false;
    }
    while (q.next()) {
        if (out->size() == DistinctLimit) {
            *truncated = true;
            break;
        }
        out->append(q.value(0).toString());
    }
    return true;
}

void AuditReader::fetchDistinctValues(quint64 id, const AuditFilter &filter, const AuditCancelFlag &cancel)
{
    if (!begin(id, cancel))
        return;
    const SqlFragment range = filter.dateRange();
    AuditDistinctValues values;
    AuditError error;
    // Allow-list of identifiers: (column, has an index leading with it).
    const bool ok = distinct(QStringLiteral("action"), true, range, &values.actions, &values.truncated, &error)
                    && distinct(QStringLiteral("user_id"), true, range, &values.users, &values.truncated, &error)
                    && distinct(QStringLiteral("outcome"), false, range, &values.outcomes, &values.truncated, &error)
                    && distinct(QStringLiteral("resource_type"), false, range, &values.resourceTypes,
                                &values.truncated, &error);
    if (!ok) {
        fail(id, error);
        return;
    }
    emit distinctValuesReady(id, values);
}

void AuditReader::verifyChain(quint64 id, const AuditFilter &filter, const AuditCancelFlag &cancel)
{
    if (!begin(id, cancel))
        return;
    ChainVerifier verifier(m_db->database());
    verifier.setBatchSize(m_options.verifyBatchSize);
    verifier.setCancelFlag(cancel.get());
    verifier.setQueryObserver(m_observer);
    verifier.setProgress([this, id](qint64 checked, qint64 total) { emit verificationProgress(id, checked, total); });
    ChainVerifier::Result result;
    switch (verifier.run(filter, &result)) {
    case ChainVerifier::Outcome::Finished:
        emit verificationFinished(id, result);
        return;
    case ChainVerifier::Outcome::Cancelled:
        fail(id, AuditDatabase::cancelledError());
        return;
    case ChainVerifier::Outcome::Failed:
        fail(id, m_db->classify(verifier.error()));
        return;
    }
}

void AuditReader::exportCsv(quint64 id, const AuditFilter &filter, const CsvExportOptions &options,
                            const AuditCancelFlag &cancel)
{
    if (!begin(id, cancel))
        return;
    CsvExporter exporter(m_db->connectionName());
    // A lost connection is re-opened through AuditDatabase, so the session settings come back too.
    exporter.setReopenFunction([this](QString *error) {
        m_db->close();
        AuditError e;
        if (m_db->ensureOpen(&e))
            return true;
        *error = e.message;
        return false;
    });
    // The exporter blocks this thread: the cancel flag is looked at whenever rows arrive.
    exporter.setProgressCallback([this, id, cancel, &exporter](qint64 rows) {
        if (cancel && cancel->load())
            exporter.cancel();
        emit exportProgress(id, rows);
    });
    if (m_observer)
        m_observer(exporter.selectSql(filter, options.maxRows));
    const CsvExportResult result = exporter.exportTo(filter, options);
    if (result.status == CsvExportResult::Status::Cancelled || (cancel && cancel->load())) {
        fail(id, AuditDatabase::cancelledError());
        return;
    }
    emit exportFinished(id, result);
}

void AuditReader::ping(quint64 id, const AuditCancelFlag &cancel)
{
    if (cancel && cancel->load()) {
        fail(id, AuditDatabase::cancelledError());
        return;
    }
    QElapsedTimer timer;
    timer.start();
    AuditError error;
    if (m_observer)
        m_observer(QStringLiteral("SELECT 1"));
    if (!m_db || !m_db->ping(&error)) {
        if (!error.isError()) {
            error.kind = AuditError::Kind::ConnectFailed;
            error.message = AuditDatabase::tr("Could not connect to the audit database.");
        }
        fail(id, error);
        return;
    }
    emit pingReady(id, int(timer.elapsed()));
}

// ---------------------------------------------------------------------------------------------
// AuditService

AuditService::AuditService(const PostgresEndpoint &endpoint, const QString &password, QObject *parent)
    : AuditService(endpoint, password, Options{}, parent)
{
}

AuditService::AuditService(const PostgresEndpoint &endpoint, const QString &password, const Options &options,
                           QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_options(options)
{
    qRegisterMetaType<ops::AuditPage>();
    qRegisterMetaType<ops::AuditPageDirection>();
    qRegisterMetaType<ops::AuditDistinctValues>();
    qRegisterMetaType<ops::AuditError>();
    qRegisterMetaType<ops::ChainVerifier::Result>();
    qRegisterMetaType<ops::CsvExportResult>();
    m_browse = startReader(&m_browseThread, QStringLiteral("audit-browse"), password);
    m_verify = startReader(&m_verifyThread, QStringLiteral("audit-verify"), password);
}

AuditService::~AuditService()
{
    for (const AuditCancelFlag &flag : std::as_const(m_pending))
        flag->store(true);
    m_pending.clear();
    m_browse->abortRunningQuery();
    m_verify->abortRunningQuery();
    m_browseThread.quit();
    m_verifyThread.quit();
    m_browseThread.wait();
    m_verifyThread.wait();
}

AuditReader *AuditService::startReader(QThread *thread, const QString &name, const QString &password)
{
    auto *reader = new AuditReader(m_endpoint, m_options);
    reader->moveToThread(thread);
    connect(thread, &QThread::finished, reader, &QObject::deleteLater);

    connect(reader, &AuditReader::pageReady, this, [this](quint64 id, const ops::AuditPage &page) {
        if (settle(id, true))
            emit pageReady(id, page);
    });
    connect(reader, &AuditReader::distinctValuesReady, this,
            [this](quint64 id, const ops::AuditDistinctValues &values) {
                if (settle(id, true))
                    emit distinctValuesReady(id, values);
            });
    connect(reader, &AuditReader::verificationProgress, this, [this](quint64 id, qint64 checked, qint64 total) {
        if (settle(id, false))
            emit verificationProgress(id, checked, total);
    });
    connect(reader, &AuditReader::verificationFinished, this,
            [this](quint64 id, const ops::ChainVerifier::Result &result) {
                if (settle(id, true))
                    emit verificationFinished(id, result);
            });
    connect(reader, &AuditReader::pingReady, this, [this](quint64 id, int latencyMs) {
        if (settle(id, true))
            emit pingReady(id, latencyMs);
    });
    connect(reader, &AuditReader::exportProgress, this, [this](quint64 id, qint64 rows) {
        if (settle(id, false))
            emit exportProgress(id, rows);
    });
    connect(reader, &AuditReader::exportFinished, this, [this](quint64 id, const ops::CsvExportResult &result) {
        if (settle(id, true))
            emit exportFinished(id, result);
    });
    connect(reader, &AuditReader::failed, this, [this](quint64 id, const ops::AuditError &error) {
        if (settle(id, true))
            emit failed(id, error);
    });

    thread->setObjectName(name);
    thread->start();
    // The password travels in this queued call only; the reader's QSqlDatabase keeps it.
    QMetaObject::invokeMethod(reader, [reader, password] { reader->connectWith(password); }, Qt::QueuedConnection);
    return reader;
}

bool AuditService::settle(quint64 id, bool final)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.constEnd())
        return false; // cancelled (already answered) or from before a reset
    if (!final)
        return !it.value()->load();
    m_pending.erase(it);
    return true;
}

quint64 AuditService::enqueue(AuditReader *reader,
                              std::function<void(AuditReader *, quint64, const AuditCancelFlag &)> call)
{
    const quint64 id = ++m_nextId;
    auto flag = std::make_shared<std::atomic_bool>(false);
    m_pending.insert(id, flag);
    QMetaObject::invokeMethod(
        reader, [reader, id, flag, call = std::move(call)] { call(reader, id, flag); }, Qt::QueuedConnection);
    return id;
}

quint64 AuditService::fetchPage(const AuditPageRequest &request)
{
    return enqueue(m_browse, [request](AuditReader *r, quint64 id, const AuditCancelFlag &flag) {
        r->fetchPage(id, request, flag);
    });
}

quint64 AuditService::fetchDistinctValues(const AuditFilter &filter)
{
    return enqueue(m_browse, [filter](AuditReader *r, quint64 id, const AuditCancelFlag &flag) {
        r->fetchDistinctValues(id, filter, flag);
    });
}

quint64 AuditService::verifyChain(const AuditFilter &filter)
{
    return enqueue(m_verify, [filter](AuditReader *r, quint64 id, const AuditCancelFlag &flag) {
        r->verifyChain(id, filter, flag);
    });
}

quint64 AuditService::exportCsv(const AuditFilter &filter, const CsvExportOptions &options)
{
    return enqueue(m_verify, [filter, options](AuditReader *r, quint64 id, const AuditCancelFlag &flag) {
        r->exportCsv(id, filter, options, flag);
    });
}

quint64 AuditService::ping()
{
    return enqueue(m_browse, [](AuditReader *r, quint64 id, const AuditCancelFlag &flag) { r->ping(id, flag); });
}

void AuditService::cancel(quint64 requestId)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    const AuditCancelFlag flag = it.value();
    flag->store(true);
    m_pending.erase(it);
    // Answered now, on the next turn of the event loop (never re-entrantly from cancel()).
    QMetaObject::invokeMethod(
        this, [this, requestId] { emit failed(requestId, AuditDatabase::cancelledError()); }, Qt::QueuedConnection);
}

void AuditService::setQueryObserver(const AuditQueryObserver &observer)
{
    for (AuditReader *reader : {m_browse, m_verify})
        QMetaObject::invokeMethod(reader, [reader, observer] { reader->setQueryObserver(observer); },
                                  Qt::QueuedConnection);
}

} // namespace ops
