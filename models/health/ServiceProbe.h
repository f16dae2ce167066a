#pragma once

#include "health/HealthParser.h"
#include "profiles/ConnectionProfile.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ops {

struct ProbeResult
{
    bool ok = false;
    HealthReading reading; // when ok
    QString error;         // when !ok: operator-facing
    int elapsedMs = 0;
};

// One asynchronous health check of one service: liveness and, when configured, readiness,
// fetched concurrently under one hard deadline that also ends a slow drip. Emits finished()
// exactly once, then may be deleted. Never blocks.
class ServiceProbe final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 5000;

    ServiceProbe(QNetworkAccessManager &network, const ServiceEndpoint &endpoint, int timeoutMs = DefaultTimeoutMs,
                 QObject *parent = nullptr);
    ~ServiceProbe() override;

    void start();
    void abort();

    // Combines a liveness and an optional readiness result (pure; unit-tested):
    // liveness failed -> failed; readiness says initialising -> Initialising; readiness not ready
    // or unreadable -> at least Degraded with a note; readiness components are appended.
    [[nodiscard]] static ProbeResult combine(const HealthParseResult &liveness,
                                             const std::optional<HealthParseResult> &readiness, int elapsedMs);

signals:
    void finished(const ops::ProbeResult &result);

private:
    QNetworkReply *get(const QUrl &url);
    void onReplyFinished(QNetworkReply *reply);
    void finishWithError(const QString &error);
    void finishIfDone();
    [[nodiscard]] HealthParseResult interpret(QNetworkReply *reply) const;

    QNetworkAccessManager &m_network;
    ServiceEndpoint m_endpoint;
    int m_timeoutMs;
    QTimer m_deadline;
    QElapsedTimer m_elapsed;
    QPointer<QNetworkReply> m_live;
    QPointer<QNetworkReply> m_ready;
    std::optional<HealthParseResult> m_liveResult;
    std::optional<HealthParseResult> m_readyResult;
    bool m_done = false;
};

} // namespace ops

Q_DECLARE_METATYPE(ops::ProbeResult)
