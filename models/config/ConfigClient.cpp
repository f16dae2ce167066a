#include "config/ConfigClient.h"

#include "auth/Session.h"
#include "health/HealthParser.h"

#include <QJsonArray>
#include <QUrl>

#include <cmath>

namespace ops {

namespace {

const QString kListPath = QStringLiteral("api/v1/config");

QString documentPath(const QString &key)
{
    return kListPath + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(key));
}

QString titleOf(const QString &key)
{
    const ConfigDocumentSpec spec = ConfigSchema::document(key);
    return spec.isValid() ? spec.title : key;
}

// The server's own words for a refusal: "detail", "message", else the error code.
QString serverDetail(const ApiResult &result)
{
    const QJsonObject body = result.body.object();
    for (const char *key : {"detail", "message"}) {
        const QString text = body.value(QLatin1String(key)).toString();
        if (!text.isEmpty())
            return text.simplified().left(300);
    }
    if (!result.errorCode.isEmpty())
        return result.errorCode.left(80);
    return result.message;
}

// "Market open, Market close" for the server's field names (unknown names as they are).
QString fieldLabels(const QString &key, const QStringList &fields)
{
    const ConfigDocumentSpec spec = ConfigSchema::document(key);
    QStringList labels;
    for (const QString &name : fields) {
        const ConfigField *f = spec.field(name);
        labels << (f ? f->label : name);
    }
    return labels.join(QStringLiteral(", "));
}

} // namespace

QByteArray ConfigDocument::ifMatch() const
{
    if (!etag.isEmpty())
        return etag;
    return '"' + QByteArray::number(version) + '"';
}

std::optional<ConfigDocument> ConfigDocument::fromJson(const QJsonObject &object, QString *problem)
{
    auto fail = [problem](const QString &why) -> std::optional<ConfigDocument> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    const QJsonValue key = object.value(QLatin1String("config_key"));
    const QJsonValue value = object.value(QLatin1String("config_value"));
    const QJsonValue version = object.value(QLatin1String("version"));
    if (!key.isString() || key.toString().isEmpty())
        return fail(ConfigClient::tr("The document has no config_key."));
    if (!value.isObject())
        return fail(ConfigClient::tr("The document %1 has no config_value object.").arg(key.toString()));
    const double v = version.toDouble(-1);
    if (!version.isDouble() || v < 0 || v != std::floor(v) || v > 2147483647.0)
        return fail(ConfigClient::tr("The document %1 has no valid version.").arg(key.toString()));
    ConfigDocument doc;
    doc.key = key.toString();
    doc.value = value.toObject();
    doc.version = int(v);
    doc.updatedBy = object.value(QLatin1String("updated_by")).toString();
    doc.updatedAt = HealthParser::parseTimestamp(object.value(QLatin1String("updated_at")));
    return doc;
}

ConfigClient::ConfigClient(Session *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    qRegisterMetaType<ops::ConfigDocument>();
}

ConfigClient::~ConfigClient() = default;

Session *ConfigClient::session() const
{
    return m_session;
}

void ConfigClient::setSaving(bool saving)
{
    if (m_saving == saving)
        return;
    m_saving = saving;
    emit savingChanged(saving);
}

void ConfigClient::loadAll(QObject *context, LoadCallback callback)
{
    if (!m_session)
        return;
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    m_session->call("GET", kListPath, {}, this, [guard, hadContext, callback = std::move(callback)](const ApiResult &r) {
        if (!callback || (hadContext && !guard))
            return;
        LoadOutcome out;
        out.result = r;
        if (r.kind == ApiResult::Kind::Forbidden) {
            out.refused = true;
            out.message = tr("The server does not let you read the configuration: your role lacks the permission \"%1\".")
                              .arg(r.permission.isEmpty() ? editPermission() : r.permission);
        } else if (!r.ok()) {
            out.message = tr("The configuration could not be read: %1").arg(r.message);
        } else if (!r.body.object().value(QLatin1String("documents")).isArray()) {
            out.message = tr("The server's answer has no list of documents.");
        } else {
            QStringList problems;
            for (const QJsonValue &item : r.body.object().value(QLatin1String("documents")).toArray()) {
                QString problem;
                if (const auto doc = ConfigDocument::fromJson(item.toObject(), &problem))
                    out.documents << *doc;
                else
                    problems << problem;
            }
            out.ok = problems.isEmpty();
            if (!out.ok)
                out.message = problems.join(QLatin1Char(' '));
        }
        callback(out);
    });
}

void ConfigClient::load(const QString &key, QObject *context, LoadCallback callback)
{
    if (!m_session)
        return;
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    m_session->call("GET", documentPath(key), {}, this,
                    [key, guard, hadContext, callback = std::move(callback)](const ApiResult &r) {
                        if (!callback || (hadContext && !guard))
                            return;
                        LoadOutcome out;
                        out.result = r;
                        if (r.kind == ApiResult::Kind::Forbidden) {
                            out.refused = true;
                            out.message = tr("The server does not let you read the configuration: your role lacks "
                                             "the permission \"%1\".")
                                              .arg(r.permission.isEmpty() ? editPermission() : r.permission);
                        } else if (r.httpStatus == 404) {
                            out.message = tr("The server has no document \"%1\".").arg(key);
                        } else if (!r.ok()) {
                            out.message = tr("%1 could not be read: %2").arg(titleOf(key), r.message);
                        } else {
                            QString problem;
                            const auto doc = ConfigDocument::fromJson(r.body.object(), &problem);
                            if (!doc) {
                                out.message = tr("The server's answer is not a configuration document: %1").arg(problem);
                            } else if (doc->key != key) {
                                out.message = tr("The server answered with the document \"%1\" instead of \"%2\".")
                                                  .arg(doc->key, key);
                            } else {
                                out.ok = true;
                                out.document = *doc;
                                out.document.etag = r.etag;
                            }
                        }
                        callback(out);
                    });
}

bool ConfigClient::save(const ConfigDocument &base, const QJsonObject &value, QObject *context, SaveCallback callback)
{
    if (m_saving || !m_session || !base.isValid())
        return false;
    setSaving(true);
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    const QJsonDocument body(QJsonObject{{QStringLiteral("config_value"), value}});
    m_session->call(
        "PUT", documentPath(base.key), body, this,
        [this, base, guard, hadContext, callback = std::move(callback)](const ApiResult &r) {
            finishSave(base, r, guard, hadContext, callback);
        },
        {{QByteArrayLiteral("If-Match"), base.ifMatch()}});
    return true;
}

void ConfigClient::finishSave(const ConfigDocument &base, const ApiResult &result, const QPointer<QObject> &context,
                              bool hadContext, const SaveCallback &callback)
{
    SaveOutcome out;
    out.result = result;
    const QString title = titleOf(base.key);
    auto deliver = [this, context, hadContext, callback](const SaveOutcome &o) {
        setSaving(false);
        if (o.kind == SaveOutcome::Kind::Saved)
            emit saved(o.document, o.auditId);
        if (callback && (!hadContext || context))
            callback(o);
    };
    const QJsonObject body = result.body.object();

    if (result.ok()) {
        QString problem;
        const auto doc = ConfigDocument::fromJson(body, &problem);
        if (!doc || doc->key != base.key) {
            out.kind = SaveOutcome::Kind::Failed;
            out.message = tr("The server accepted the change but its answer is not the saved document (%1). "
                             "Reload to see what the server has.")
                              .arg(doc ? tr("it is \"%1\"").arg(doc->key) : problem);
        } else {
            out.kind = SaveOutcome::Kind::Saved;
            out.document = *doc;
            out.document.etag = result.etag;
            const QJsonValue audit = body.value(QLatin1String("audit_id"));
            out.auditId = audit.isDouble() ? qint64(audit.toDouble()) : -1;
            out.message = out.auditId >= 0 ? tr("Saved version %1 (audit record #%2).").arg(doc->version).arg(out.auditId)
                                           : tr("Saved version %1.").arg(doc->version);
        }
        deliver(out);
        return;
    }

    if (result.httpStatus == 412) {
        QString problem;
        const auto current = ConfigDocument::fromJson(body.value(QLatin1String("current")).toObject(), &problem);
        auto conflict = [base, title](SaveOutcome o, const ConfigDocument &doc) {
            o.kind = SaveOutcome::Kind::Conflict;
            o.document = doc;
            o.message = tr("Someone else saved %1 first: the server now has version %2, you started from version %3. "
                           "Nothing of yours was saved.")
                            .arg(title)
                            .arg(doc.version)
                            .arg(base.version);
            return o;
        };
        if (current && current->key == base.key) {
            ConfigDocument doc = *current;
            doc.etag = result.etag;
            deliver(conflict(out, doc));
            return;
        }
        // A 412 that does not say what the server has: ask.
        m_session->call("GET", documentPath(base.key), {}, this, [out, base, conflict, deliver](const ApiResult &r) mutable {
            const auto doc = r.ok() ? ConfigDocument::fromJson(r.body.object()) : std::nullopt;
            if (doc && doc->key == base.key) {
                ConfigDocument d = *doc;
                d.etag = r.etag;
                deliver(conflict(out, d));
                return;
            }
            out.kind = SaveOutcome::Kind::Failed;
            out.message = tr("Someone else saved first (HTTP 412), and the current version could not be read: %1 "
                             "Nothing of yours was saved; reload before trying again.")
                              .arg(r.ok() ? tr("the answer is not a configuration document.") : r.message);
            deliver(out);
        });
        return;
    }

    switch (result.kind) {
    case ApiResult::Kind::Forbidden:
        out.kind = SaveOutcome::Kind::Refused;
        out.message = tr("The server refused: your role does not have the permission \"%1\". Nothing was saved.")
                          .arg(result.permission.isEmpty() ? editPermission() : result.permission);
        break;
    case ApiResult::Kind::ClientError:
        if (result.httpStatus == 422 || result.httpStatus == 400) {
            out.kind = SaveOutcome::Kind::Invalid;
            const QJsonObject fields = body.value(QLatin1String("fields")).toObject();
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                const QString text = it.value().isString() ? it.value().toString()
                                                           : QString::fromUtf8(QJsonDocument(QJsonArray{it.value()})
                                                                                   .toJson(QJsonDocument::Compact));
                out.fieldErrors.insert(it.key().left(100), text.simplified().left(300));
            }
            out.message = out.fieldErrors.isEmpty()
                              ? tr("The server refused the values: %1 Nothing was saved.").arg(serverDetail(result))
                              : tr("The server refused %1; nothing was saved. See the messages next to the fields.")
                                    .arg(fieldLabels(base.key, out.fieldErrors.keys()));
        } else if (result.httpStatus == 428) {
            out.kind = SaveOutcome::Kind::Failed;
            out.message = tr("The server requires the version the change was made from (If-Match); nothing was saved.");
        } else {
            out.kind = SaveOutcome::Kind::Failed;
            out.message = tr("The server refused: %1 Nothing was saved.").arg(serverDetail(result));
        }
        break;
    case ApiResult::Kind::Timeout:
        out.kind = SaveOutcome::Kind::Failed;
        out.message = tr("No answer in time: the console cannot tell whether %1 was saved. Reload to see the "
                         "server's version. Trying again is safe: the version check never saves twice.")
                          .arg(title);
        break;
    default:
        out.kind = SaveOutcome::Kind::Failed;
        out.message = tr("The save failed: %1 Nothing is known to have been saved.").arg(result.message);
        break;
    }
    deliver(out);
}

} // namespace ops
