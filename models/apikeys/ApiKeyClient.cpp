#include "apikeys/ApiKeyClient.h"

#include "apikeys/ApiKeyModel.h"
#include "auth/Session.h"
#include "breaker/ReasonText.h"
#include "core/TimeText.h"

#include <QJsonArray>

namespace ops {

namespace {

QString serverWords(const ApiResult &r)
{
    const QString detail = r.body.object().value(QLatin1String("detail")).toString();
    if (!detail.isEmpty())
        return detail.left(300);
    if (!r.errorCode.isEmpty())
        return r.errorCode.left(80);
    return r.message;
}

} // namespace

ApiKeyClient::ApiKeyClient(Session *session, const Clock &clock, QObject *parent)
    : QObject(parent), m_session(session), m_model(new ApiKeyModel(clock, this))
{
}

void ApiKeyClient::refresh()
{
    if (!m_session || m_session->state() != Session::State::SignedIn) {
        m_problem = tr("Not signed in.");
        emit refreshed();
        return;
    }
    if (m_loading) {
        m_refreshAgain = true; // that read may have started before the change being waited for
        return;
    }
    m_loading = true;
    m_session->call("GET", QStringLiteral("api/v1/admin/api-keys"), {}, this, [this](const ApiResult &r) {
        m_loading = false;
        if (std::exchange(m_refreshAgain, false)) {
            refresh();
            return;
        }
        if (r.ok()) {
            QString problem;
            const QList<ApiKey> keys = ApiKeyJson::list(r.body, &problem);
            m_problem = problem;
            if (problem.isEmpty())
                m_model->setKeys(keys);
        } else if (r.kind == ApiResult::Kind::Forbidden) {
            m_problem = tr("Your role may not manage API keys (permission %1).").arg(r.permission);
        } else {
            m_problem = r.message;
        }
        emit refreshed();
    });
}

void ApiKeyClient::create(const QString &name, const QStringList &scopes, const QDateTime &expiresAt, QObject *context,
                          Callback callback)
{
    QJsonObject body{{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}};
    if (expiresAt.isValid())
        body.insert(QStringLiteral("expires_at"), timetext::isoUtc(expiresAt));
    send(QStringLiteral("api/v1/admin/api-keys"), body, context, std::move(callback));
}

void ApiKeyClient::rotate(qint64 id, QObject *context, Callback callback)
{
    send(QStringLiteral("api/v1/admin/api-keys/%1/rotate").arg(id), {}, context, std::move(callback));
}

void ApiKeyClient::revoke(qint64 id, const QString &reason, QObject *context, Callback callback)
{
    send(QStringLiteral("api/v1/admin/api-keys/%1/revoke").arg(id),
         QJsonObject{{QStringLiteral("reason"), reason::normalised(reason)}}, context, std::move(callback));
}

void ApiKeyClient::send(const QString &path, const QJsonObject &body, QObject *context, Callback callback)
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
                    [this, guard, hadContext, callback = std::move(callback)](const ApiResult &api) {
                        Result r;
                        const QJsonObject o = api.body.object();
                        switch (api.kind) {
                        case ApiResult::Kind::Ok:
                            r.kind = Result::Kind::Done;
                            r.key = ApiKeyJson::key(o.value(QLatin1String("key")).toObject());
                            r.oldKey = ApiKeyJson::key(o.value(QLatin1String("old_key")).toObject());
                            r.secret = o.value(QLatin1String("secret")).toString();
                            r.auditId = o.value(QLatin1String("audit_id")).isDouble()
                                            ? qint64(o.value(QLatin1String("audit_id")).toDouble())
                                            : -1;
                            r.message = r.auditId >= 0 ? tr("Done. Audit record #%1.").arg(r.auditId) : tr("Done.");
                            break;
                        case ApiResult::Kind::ClientError:
                            if (api.httpStatus == 422) {
                                r.kind = Result::Kind::Invalid;
                                const QJsonObject fields = o.value(QLatin1String("fields")).toObject();
                                for (auto it = fields.begin(); it != fields.end(); ++it)
                                    r.fields.insert(it.key(), it.value().toString().left(200));
                                if (r.fields.isEmpty() && o.value(QLatin1String("error")).toString() == QLatin1String("reason_too_short"))
                                    r.fields.insert(QStringLiteral("reason"), serverWords(api));
                                r.message = tr("The server did not accept the values: %1").arg(serverWords(api));
                            } else {
                                r.kind = Result::Kind::Refused;
                                r.message = tr("The server refused: %1").arg(serverWords(api));
                            }
                            break;
                        case ApiResult::Kind::Forbidden:
                            r.kind = Result::Kind::Refused;
                            r.message = tr("The server refused: your role does not have the permission \"%1\".").arg(api.permission);
                            break;
                        case ApiResult::Kind::Timeout:
                            r.message = tr("The server did not answer in time. The key list is being read again: check "
                                           "it before trying again.");
                            break;
                        default:
                            r.message = tr("The request failed: %1").arg(api.message);
                            break;
                        }
                        if (!hadContext || guard)
                            callback(r);
                        // Nothing of the secret stays behind in this object.
                        r.secret.fill(QChar(0));
                        r.secret.clear();
                        refresh();
                    });
}

} // namespace ops
