#pragma once

#include "api/ApiClient.h"
#include "config/ConfigSchema.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace ops {

class Session;

// One configuration document as the server last said it: the value, the version it has and the
// ETag to send back in If-Match when saving a change made from it.
struct ConfigDocument
{
    QString key;
    QJsonObject value;
    int version = -1;
    QByteArray etag;     // the server's ETag when it sent one (quotes kept)
    QString updatedBy;
    QDateTime updatedAt; // UTC; invalid when not known

    [[nodiscard]] bool isValid() const { return !key.isEmpty() && version >= 0; }
    // What to send in If-Match: the server's ETag, else the version quoted ("N").
    [[nodiscard]] QByteArray ifMatch() const;
    // {"config_key", "config_value": {...}, "version", "updated_by", "updated_at"}; nullopt and
    // `problem` when a required part is missing or of the wrong type.
    [[nodiscard]] static std::optional<ConfigDocument> fromJson(const QJsonObject &object, QString *problem = nullptr);
};

// The platform's typed configuration over REST (GET api/v1/config, GET and PUT
// api/v1/config/{key}). Saves send If-Match with the version the change was made from and map
// the answer to what the operator must do next: Saved, Conflict (someone saved first: here is
// the server's current document), Invalid (per-field messages), Refused (403) or Failed. Values
// are sent as given: the form validates first, and the server validates again.
class ConfigClient final : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *EditPermission = "config:edit";

    struct LoadOutcome
    {
        bool ok = false;
        bool refused = false;             // 403
        ConfigDocument document;          // load()
        QList<ConfigDocument> documents;  // loadAll()
        QString message;                  // translated; empty when ok
        ApiResult result;
    };
    struct SaveOutcome
    {
        enum class Kind {
            Saved,    // `document` is the new version; auditId where the change is recorded
            Conflict, // 412: `document` is the server's current version; nothing was saved
            Invalid,  // 422: `fieldErrors` has the server's message per field; nothing was saved
            Refused,  // 403: the role lacks config:edit; nothing was saved
            Failed,   // network, timeout, 428, 5xx, malformed answer: see `message`
        };
        Kind kind = Kind::Failed;
        ConfigDocument document;
        qint64 auditId = -1;
        ConfigFieldErrors fieldErrors;
        QString message;  // one translated line for the operator
        ApiResult result;
    };
    using LoadCallback = std::function<void(const LoadOutcome &)>;
    using SaveCallback = std::function<void(const SaveOutcome &)>;

    explicit ConfigClient(Session *session, QObject *parent = nullptr);
    ~ConfigClient() override;

    [[nodiscard]] static QString editPermission() { return QString::fromLatin1(EditPermission); }
    [[nodiscard]] Session *session() const;

    // Every document the server has (GET api/v1/config).
    void loadAll(QObject *context, LoadCallback callback);
    // One document with its ETag (GET api/v1/config/{key}).
    void load(const QString &key, QObject *context, LoadCallback callback);
    // PUT api/v1/config/{base.key} {"config_value": value} with If-Match: base.ifMatch().
    // Returns false (and calls nothing) while another save is in flight or `base` is invalid.
    bool save(const ConfigDocument &base, const QJsonObject &value, QObject *context, SaveCallback callback);
    [[nodiscard]] bool isSaving() const { return m_saving; }

signals:
    void savingChanged(bool saving);
    // After every successful save, for anyone else showing the document.
    void saved(const ops::ConfigDocument &document, qint64 auditId);

private:
    void finishSave(const ConfigDocument &base, const ApiResult &result, const QPointer<QObject> &context,
                    bool hadContext, const SaveCallback &callback);
    void setSaving(bool saving);

    QPointer<Session> m_session;
    bool m_saving = false;
};

} // namespace ops

Q_DECLARE_METATYPE(ops::ConfigDocument)
