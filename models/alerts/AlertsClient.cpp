#include "alerts/AlertsClient.h"

#include "alerts/AlertEventsModel.h"
#include "auth/Session.h"
#include "breaker/ReasonText.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace ops {

struct AlertsClient::Batch
{
    QList<AlertDelivery> todo;
    qsizetype next = 0;
    BatchResult result;
    QPointer<QObject> context;
    bool hadContext = false;
    ProgressCallback progress;
    BatchCallback done;
};

AlertsClient::AlertsClient(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_events(new AlertEventsModel(this))
{
}

AlertsClient::~AlertsClient() = default;

QString AlertsClient::serverWords(const ApiResult &r)
{
    const QJsonValue detail = r.body.object().value(QLatin1String("detail"));
    QString text = detail.toString();
    if (detail.isArray()) { // FastAPI-style validation errors: [{loc, msg, type}, ...]
        QStringList messages;
        for (const QJsonValue &item : detail.toArray()) {
            const QString msg = item.isObject() ? item.toObject().value(QLatin1String("msg")).toString() : item.toString();
            if (!msg.isEmpty())
                messages << msg;
        }
        text = messages.join(QStringLiteral("; "));
    }
    if (text.isEmpty())
        text = r.body.object().value(QLatin1String("message")).toString();
    if (!text.isEmpty())
        return text.simplified().left(300);
    if (!r.errorCode.isEmpty())
        return r.errorCode.left(80);
    return r.message;
}

void AlertsClient::setEventsStatus(const QString &status)
{
    static const QStringList allowed = {QStringLiteral("open"), QStringLiteral("acknowledged"),
                                        QStringLiteral("resolved"), QStringLiteral("all")};
    const QString s = allowed.contains(status) ? status : QStringLiteral("open");
    if (s == m_eventsStatus)
        return;
    m_eventsStatus = s;
    m_events->setEvents({});
    listEvents();
}

void AlertsClient::listEvents()
{
    if (!m_session || m_session->state() != Session::State::SignedIn) {
        m_eventsProblem = tr("Not signed in.");
        emit eventsRefreshed();
        return;
    }
    if (m_loading) {
        m_refreshAgain = true; // that read may have started before the change being waited for
        return;
    }
    m_loading = true;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), m_eventsStatus);
    query.addQueryItem(QStringLiteral("limit"), QString::number(EventsLimit));
    const QString status = m_eventsStatus;
    m_session->call("GET", QStringLiteral("api/v1/alerts/events?") + query.toString(QUrl::FullyEncoded), {}, this,
                    [this, status](const ApiResult &r) {
                        m_loading = false;
                        if (std::exchange(m_refreshAgain, false) || status != m_eventsStatus) {
                            listEvents();
                            return;
                        }
                        if (r.ok()) {
                            QString problem;
                            const QList<AlertEvent> events = AlertEventJson::list(r.body, &problem);
                            m_eventsProblem = problem;
                            if (problem.isEmpty())
                                m_events->setEvents(events);
                        } else if (r.kind == ApiResult::Kind::Forbidden) {
                            m_eventsProblem = tr("Your role may not see alerts (permission %1).")
                                                  .arg(r.permission.isEmpty() ? QStringLiteral("alerts:view") : r.permission);
                        } else {
                            m_eventsProblem = r.message.isEmpty() ? serverWords(r) : r.message;
                        }
                        emit eventsRefreshed();
                    });
}

void AlertsClient::acknowledge(qint64 eventId, const QString &note, QObject *context, Callback callback)
{
    send(Action::Acknowledge, eventId, QStringLiteral("api/v1/alerts/events/%1/acknowledge").arg(eventId),
         QJsonObject{{QStringLiteral("note"), reason::normalised(note)}}, context, std::move(callback));
}

void AlertsClient::retry(qint64 deliveryId, QObject *context, Callback callback)
{
    send(Action::Retry, deliveryId, QStringLiteral("api/v1/alerts/deliveries/%1/retry").arg(deliveryId), {}, context,
         std::move(callback));
}

void AlertsClient::send(Action action, qint64 id, const QString &path, const QJsonObject &body, QObject *context,
                        Callback callback)
{
    if (!m_session) {
        Result r;
        r.message = tr("Not signed in.");
        callback(r);
        return;
    }
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    m_session->call("POST", path, QJsonDocument(body), this,
                    [this, action, id, guard, hadContext, callback = std::move(callback)](const ApiResult &api) {
                        const Result r = interpret(action, id, api);
                        if (action == Action::Acknowledge)
                            listEvents(); // whatever happened, show what the server has now
                        if (!hadContext || guard)
                            callback(r);
                    });
}

AlertsClient::Result AlertsClient::interpret(Action action, qint64 id, const ApiResult &api) const
{
    Result r;
    r.httpStatus = api.httpStatus;
    r.errorCode = api.errorCode;
    const QJsonObject o = api.body.object();
    const bool ack = action == Action::Acknowledge;
    switch (api.kind) {
    case ApiResult::Kind::Ok: {
        r.kind = Result::Kind::Done;
        const QJsonValue audit = o.value(QLatin1String("audit_id"));
        r.auditId = audit.isDouble() ? qint64(audit.toDouble()) : -1;
        const QString record = r.auditId >= 0 ? tr(" Audit record #%1.").arg(r.auditId) : QString();
        if (ack) {
            r.event = AlertEventJson::event(o.value(QLatin1String("event")).toObject());
            r.message = tr("Alert event #%1 acknowledged.").arg(id) + record;
        } else {
            r.delivery = AlertDeliveryText::fromJson(o.value(QLatin1String("delivery")).toObject());
            r.message = tr("Delivery #%1 queued for delivery again.").arg(id) + record;
        }
        break;
    }
    case ApiResult::Kind::Forbidden:
        r.kind = Result::Kind::Refused;
        r.serverMessage = serverWords(api);
        r.message = tr("The server refused: your role does not have the permission \"%1\".")
                        .arg(api.permission.isEmpty() ? (ack ? QStringLiteral("alerts:acknowledge") : QStringLiteral("alerts:retry"))
                                                      : api.permission);
        break;
    case ApiResult::Kind::ClientError:
        r.serverMessage = serverWords(api);
        if (api.httpStatus == 404) {
            r.kind = Result::Kind::NotFound;
            r.message = ack ? tr("Alert event #%1 does not exist (any more).").arg(id)
                            : tr("Delivery #%1 does not exist (any more).").arg(id);
        } else if (api.httpStatus == 409) {
            r.kind = Result::Kind::Conflict;
            r.message = ack ? tr("Alert event #%1 is no longer open: %2").arg(id).arg(r.serverMessage)
                            : tr("Delivery #%1 cannot be retried now (only poisoned or failed deliveries can): %2")
                                  .arg(id)
                                  .arg(r.serverMessage);
        } else if (api.httpStatus == 422) {
            r.kind = Result::Kind::Invalid;
            r.message = ack ? tr("The server did not accept the note: %1").arg(r.serverMessage)
                            : tr("The server did not accept the request: %1").arg(r.serverMessage);
        } else {
            r.kind = Result::Kind::Failed;
            r.message = tr("The server refused: %1").arg(r.serverMessage);
        }
        break;
    case ApiResult::Kind::Timeout:
        r.kind = Result::Kind::Failed;
        r.timedOut = true;
        r.message = ack ? tr("The server did not answer in time, so it is not known whether the event was "
                             "acknowledged. The events are read again: check them before trying again.")
                        : tr("The server did not answer in time, so it is not known whether delivery #%1 was "
                             "queued again. The queue is read again: check it before trying again.")
                              .arg(id);
        break;
    default:
        r.kind = Result::Kind::Failed;
        r.serverMessage = api.body.isObject() ? serverWords(api) : QString();
        r.message = tr("The request failed: %1").arg(api.message.isEmpty() ? serverWords(api) : api.message);
        break;
    }
    return r;
}

bool AlertsClient::retryMany(const QList<AlertDelivery> &deliveries, QObject *context, ProgressCallback progress,
                             BatchCallback done)
{
    if (m_batchRunning)
        return false;
    auto batch = std::make_shared<Batch>();
    batch->todo = deliveries;
    batch->context = context;
    batch->hadContext = context != nullptr;
    batch->progress = std::move(progress);
    batch->done = std::move(done);
    m_batchRunning = true;
    emit retryingChanged(true);
    retryNext(batch);
    return true;
}

void AlertsClient::retryNext(const std::shared_ptr<Batch> &batch)
{
    if (batch->hadContext && !batch->context) { // whoever asked is gone: send nothing more
        m_batchRunning = false;
        emit retryingChanged(false);
        return;
    }
    if (batch->next >= batch->todo.size()) {
        finishBatch(batch);
        return;
    }
    const AlertDelivery target = batch->todo.at(batch->next++);
    retry(target.id, this, [this, batch, target](const Result &r) {
        batch->result.outcomes.append({target.id, target.channel, r});
        if (batch->progress && (!batch->hadContext || batch->context))
            batch->progress(int(batch->result.outcomes.size()), int(batch->todo.size()));
        // A missing permission or a dead connection would fail every remaining request the same way.
        const bool stop = r.kind == Result::Kind::Refused || r.kind == Result::Kind::Failed;
        if (stop && batch->next < batch->todo.size()) {
            batch->result.notSent = batch->todo.mid(batch->next);
            batch->result.stopReason = r.kind == Result::Kind::Refused
                                           ? tr("the server refused the permission")
                                           : tr("the last request failed");
            batch->next = batch->todo.size();
        }
        retryNext(batch);
    });
}

void AlertsClient::finishBatch(const std::shared_ptr<Batch> &batch)
{
    m_batchRunning = false;
    emit retryingChanged(false);
    if (batch->done && (!batch->hadContext || batch->context))
        batch->done(batch->result);
}

int AlertsClient::BatchResult::retried() const
{
    int n = 0;
    for (const RetryOutcome &o : outcomes)
        n += o.result.kind == Result::Kind::Done ? 1 : 0;
    return n;
}

int AlertsClient::BatchResult::failed() const
{
    return int(outcomes.size()) - retried();
}

QString AlertsClient::BatchResult::summary() const
{
    QStringList counts;
    counts << tr("%n retried", nullptr, retried());
    if (failed() > 0)
        counts << tr("%n failed", nullptr, failed());
    if (!notSent.isEmpty())
        counts << tr("%n not sent", nullptr, int(notSent.size()));
    QString text = counts.join(QStringLiteral(", "));
    if (allDone())
        return text + QLatin1Char('.');
    QStringList details;
    for (const RetryOutcome &o : outcomes) {
        if (o.result.kind == Result::Kind::Done)
            continue;
        details << tr("#%1 (%2): %3").arg(o.deliveryId).arg(AlertDeliveryText::channelTitle(o.channel), o.result.message);
    }
    if (!notSent.isEmpty()) {
        QStringList ids;
        for (const AlertDelivery &d : notSent)
            ids << QStringLiteral("#%1").arg(d.id);
        details << tr("not sent because %1: %2").arg(stopReason, ids.join(QStringLiteral(", ")));
    }
    return text + QStringLiteral(": ") + details.join(QStringLiteral("; "));
}

} // namespace ops
