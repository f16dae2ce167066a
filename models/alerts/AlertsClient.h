#pragma once

#include "alerts/AlertDelivery.h"
#include "alerts/AlertEvent.h"
#include "api/ApiClient.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace ops {

class AlertEventsModel;
class Session;

// Alerts against the platform's REST API (docs/alerts-and-sla.md), through Session::call():
// the alert events (into eventsModel()), acknowledging one with a note, and retrying poisoned or
// failed deliveries — one at a time, or a selection as one request per delivery, sent one after
// the other, with every delivery's own outcome reported.
class AlertsClient final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MinimumNoteLength = 15; // visible characters, as ReasonText counts them
    static constexpr int EventsLimit = 100;

    struct Result
    {
        enum class Kind {
            Done,     // the server made the change; auditId says where it is recorded
            Refused,  // 403: the role lacks the permission
            Invalid,  // 422: `serverMessage` has the server's words (e.g. the note is too short)
            Conflict, // 409: not in a state that allows it (not open / not retryable)
            NotFound, // 404
            Failed,   // network, TLS, 5xx, timeout, malformed: nothing known to have changed
        };
        Kind kind = Kind::Failed;
        QString message;       // one translated line for the operator
        QString serverMessage; // the server's own words, when it gave some
        QString errorCode;     // the server's "error" field
        int httpStatus = 0;
        bool timedOut = false; // Failed because no answer came in time: the outcome is unknown
        qint64 auditId = -1;
        AlertDelivery delivery; // retry: the delivery as it is now
        AlertEvent event;       // acknowledge: the event as it is now
    };
    using Callback = std::function<void(const Result &)>;

    // One delivery of a selection retry and what happened to it.
    struct RetryOutcome
    {
        qint64 deliveryId = 0;
        QString channel;
        Result result;
    };
    struct BatchResult
    {
        QList<RetryOutcome> outcomes;  // in the order sent
        QList<AlertDelivery> notSent;  // left out after a failure that every later request would share
        QString stopReason;            // why they were left out

        [[nodiscard]] int retried() const;
        [[nodiscard]] int failed() const; // sent, not done
        [[nodiscard]] bool allDone() const { return failed() == 0 && notSent.isEmpty(); }
        // "3 retried, 1 failed: #12 (SMS): …" — every failure named, nothing rounded up.
        [[nodiscard]] QString summary() const;
    };
    using BatchCallback = std::function<void(const BatchResult &)>;
    using ProgressCallback = std::function<void(int sent, int total)>;

    explicit AlertsClient(Session *session, QObject *parent = nullptr);
    ~AlertsClient() override;

    [[nodiscard]] AlertEventsModel *eventsModel() const { return m_events; }
    [[nodiscard]] QString eventsProblem() const { return m_eventsProblem; }
    [[nodiscard]] bool isLoadingEvents() const { return m_loading; }
    // open (default), acknowledged, resolved or all.
    void setEventsStatus(const QString &status);
    [[nodiscard]] QString eventsStatus() const { return m_eventsStatus; }

    void listEvents();
    void acknowledge(qint64 eventId, const QString &note, QObject *context, Callback callback);
    void retry(qint64 deliveryId, QObject *context, Callback callback);
    // Sequential, one request per delivery. `progress` after each answer. Stops early (the rest
    // in notSent) after a 403 or a transport failure, which the remaining requests would share.
    // Returns false (and calls nothing) while another selection retry is running.
    bool retryMany(const QList<AlertDelivery> &deliveries, QObject *context, ProgressCallback progress,
                   BatchCallback done);
    [[nodiscard]] bool isRetrying() const { return m_batchRunning; }

    // The server's words for an answer ("detail", else the error code, else the client's line).
    [[nodiscard]] static QString serverWords(const ApiResult &result);

signals:
    void eventsRefreshed(); // eventsModel() holds the latest list, or eventsProblem() says why not
    void retryingChanged(bool running);

private:
    enum class Action { Acknowledge, Retry };
    struct Batch;
    void retryNext(const std::shared_ptr<Batch> &batch);
    void finishBatch(const std::shared_ptr<Batch> &batch);
    void send(Action action, qint64 id, const QString &path, const QJsonObject &body, QObject *context,
              Callback callback);
    [[nodiscard]] Result interpret(Action action, qint64 id, const ApiResult &api) const;

    QPointer<Session> m_session;
    AlertEventsModel *m_events;
    QString m_eventsStatus = QStringLiteral("open");
    QString m_eventsProblem;
    bool m_loading = false;
    bool m_refreshAgain = false;
    bool m_batchRunning = false;
};

} // namespace ops
