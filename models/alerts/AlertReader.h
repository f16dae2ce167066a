#pragma once

#include "alerts/AlertDelivery.h"
#include "audit/AuditDatabase.h"
#include "profiles/ConnectionProfile.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace ops {

// Which alert_deliveries rows to read, newest first, one keyset page at a time.
struct AlertDeliveryQuery
{
    enum class Kind {
        Poison,  // status = 'poison', ORDER BY poison_at DESC, id DESC
        History, // every status, ORDER BY created_at DESC, id DESC, optionally filtered
    };
    Kind kind = Kind::Poison;
    QString channel;      // History: empty = every channel (the value is bound, never spliced)
    QString status;       // History: empty = every status
    qint64 afterOrderUs = 0; // keyset cursor: the last row already shown (afterId 0 = from the top)
    qint64 afterId = 0;
    int limit = 200;      // 1..AlertReader::MaxPageSize
    bool withTotal = false; // also count every row the filter matches (no cursor)
};

struct AlertDeliveryPage
{
    AlertDeliveryQuery query;
    QList<AlertDelivery> rows; // in list order, orderUs set
    bool hasMore = false;      // rows exist after the last one
    qint64 total = -1;         // withTotal: the rows the filter matches; else -1
};

using AlertCancelFlag = std::shared_ptr<std::atomic_bool>;
using AlertQueryObserver = std::function<void(const QString &sql)>;

// Reads alert_deliveries on its own thread with its own connection (AuditDatabase: connect
// timeout, statement_timeout, a lost connection reported as such and re-opened by the next
// request). Created and driven by AlertService; each request ends in exactly one signal.
class AlertReader final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxPageSize = 2000;

    AlertReader(const PostgresEndpoint &endpoint, const AuditDatabase::Options &options);
    ~AlertReader() override;

    void connectWith(const QString &password);
    void setQueryObserver(AlertQueryObserver observer) { m_observer = std::move(observer); }
    void fetch(quint64 id, const ops::AlertDeliveryQuery &query, const ops::AlertCancelFlag &cancel);
    // Any thread: asks the server to stop the query running now.
    void abortRunningQuery();

    // The error worded for the alerts (AuditDatabase words its errors for the audit log).
    [[nodiscard]] static AuditError reworded(const AuditError &error, const QString &role);

signals:
    void pageReady(quint64 id, const ops::AlertDeliveryPage &page);
    void failed(quint64 id, const ops::AuditError &error);

private:
    PostgresEndpoint m_endpoint;
    AuditDatabase::Options m_options;
    AlertQueryObserver m_observer;
    QMutex m_dbMutex;
    std::unique_ptr<AuditDatabase> m_db;
};

// The GUI-thread face of the alert_deliveries reader: one worker thread, request ids, results as
// queued signals. No query ever runs on the thread that owns the service. Every id is answered
// exactly once (pageReady or failed, Cancelled after cancel()); nothing after destruction.
class AlertService final : public QObject
{
    Q_OBJECT
public:
    using Options = AuditDatabase::Options;

    // `password` (keychain; may be empty) goes to the connection only.
    AlertService(const PostgresEndpoint &endpoint, const QString &password, QObject *parent = nullptr);
    AlertService(const PostgresEndpoint &endpoint, const QString &password, const Options &options,
                 QObject *parent = nullptr);
    ~AlertService() override;

    quint64 fetch(const ops::AlertDeliveryQuery &query);
    void cancel(quint64 requestId);
    [[nodiscard]] bool isPending(quint64 requestId) const { return m_pending.contains(requestId); }
    // Test instrumentation: called on the reader thread with each query's SQL.
    void setQueryObserver(const AlertQueryObserver &observer);

signals:
    void pageReady(quint64 requestId, const ops::AlertDeliveryPage &page);
    void failed(quint64 requestId, const ops::AuditError &error);

private:
    bool settle(quint64 id);

    QThread m_thread;
    AlertReader *m_reader = nullptr;
    QHash<quint64, AlertCancelFlag> m_pending;
    quint64 m_nextId = 0;
};

} // namespace ops

Q_DECLARE_METATYPE(ops::AlertDeliveryQuery)
Q_DECLARE_METATYPE(ops::AlertDeliveryPage)
