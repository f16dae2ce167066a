#pragma once

#include "profiles/ConnectionProfile.h"

#include <QObject>
#include <QThread>
#include <QTimer>

namespace ops {

struct PostgresProbeResult
{
    bool ok = false;
    int latencyMs = 0;       // time of SELECT 1 (or until it failed)
    QString serverVersion;   // e.g. "15.18"
    QString error;           // operator-facing when !ok
};

class PostgresProbeWorker;

// The console's own PostgreSQL check: `SELECT 1` with its latency, under a 2 s limit
// (connect_timeout and statement_timeout on the server, plus a deadline here). The connection
// lives in a worker thread; the GUI thread only posts requests and receives results.
class PostgresProbe final : public QObject
{
    Q_OBJECT

public:
    static constexpr int TimeoutMs = 2000;

    explicit PostgresProbe(const PostgresEndpoint &endpoint, QObject *parent = nullptr);
    ~PostgresProbe() override;

    // Password for this run only (from the keychain); never stored by this class elsewhere.
    void setPassword(const QString &password);

    // Starts a check; finished() follows within about TimeoutMs. A check requested while the
    // previous one is still stuck reports that instead of queueing behind it.
    void probe();

signals:
    void finished(const ops::PostgresProbeResult &result);

private:
    void onWorkerResult(quint64 id, const ops::PostgresProbeResult &result);

    QThread m_thread;
    PostgresProbeWorker *m_worker = nullptr;
    QTimer m_deadline;
    quint64 m_currentId = 0;
    bool m_inFlight = false;
    bool m_workerBusy = false;
};

} // namespace ops

Q_DECLARE_METATYPE(ops::PostgresProbeResult)
