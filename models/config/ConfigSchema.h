#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ops {

// One field of a configuration document: its JSON name, what the operator reads, its type and,
// for numbers, the inclusive range the platform accepts.
struct ConfigField
{
    enum class Type { Time, Bool, Int, Number };

    QString name;        // JSON key, e.g. "market_open"
    QString label;       // translated, e.g. "Market open"
    Type type = Type::Bool;
    double minimum = 0;  // Int and Number only
    double maximum = 0;
    int decimals = 0;    // Number: digits after the point in the form
    double step = 1;     // Int and Number: the spin box's step
    QString help;        // translated, one line under the field (may be empty)
};

// One of the platform's typed documents (trading_hours, position_limits, system_defaults).
struct ConfigDocumentSpec
{
    QString key;   // "trading_hours"
    QString title; // translated, "Trading hours"
    QList<ConfigField> fields;

    [[nodiscard]] bool isValid() const { return !key.isEmpty(); }
    [[nodiscard]] const ConfigField *field(const QString &name) const;
};

// Field name -> one translated message; ordered by name.
using ConfigFieldErrors = QMap<QString, QString>;

// One field that differs between two versions of a document.
struct ConfigChange
{
    QString field;      // JSON key
    QString label;      // translated label (the key itself for fields the schema does not know)
    QJsonValue before;  // Undefined when the field was absent
    QJsonValue after;
    QString beforeText; // as the operator reads it ("09:30", "Yes", "25000", "(not set)")
    QString afterText;

    // "Market open: 09:30 → 10:00"
    [[nodiscard]] QString text() const;
    friend bool operator==(const ConfigChange &a, const ConfigChange &b)
    {
        return a.field == b.field && a.before == b.before && a.after == b.after;
    }
};

// The three documents, their ranges, client-side validation (the same rules the platform
// applies, so a form never sends what the server would refuse) and field-by-field diffs.
class ConfigSchema
{
    Q_DECLARE_TR_FUNCTIONS(ops::ConfigSchema)

public:
    // In the order the console shows them.
    [[nodiscard]] static QStringList documentKeys();
    [[nodiscard]] static QList<ConfigDocumentSpec> documents();
    // An invalid spec (empty key) for an unknown document.
    [[nodiscard]] static ConfigDocumentSpec document(const QString &key);

    // The message for one value of one field, or an empty string when it is acceptable.
    [[nodiscard]] static QString validateField(const ConfigField &field, const QJsonValue &value);
    // Every failing field of a document (empty when valid): missing, wrong type, out of range,
    // and for trading_hours market_open < market_close (both fields get a message).
    // Fields the schema does not know are not judged here (the form keeps them untouched).
    [[nodiscard]] static ConfigFieldErrors validate(const QString &key, const QJsonObject &value);

    // What differs from `before` to `after`, in the schema's field order, then any other keys
    // in alphabetical order. Numbers compare by value (5 == 5.0).
    [[nodiscard]] static QList<ConfigChange> diff(const QString &key, const QJsonObject &before,
                                                  const QJsonObject &after);
    // The keys whose values differ between two versions.
    [[nodiscard]] static QStringList changedFields(const QJsonObject &before, const QJsonObject &after);
    // "Re-apply my changes on top": `current` with every field the operator changed (from
    // `base`, the version the form was loaded from, to `mine`) set to the operator's value.
    [[nodiscard]] static QJsonObject rebase(const QJsonObject &base, const QJsonObject &mine,
                                            const QJsonObject &current);

    // One value as the operator reads it; `field` may be null (unknown field).
    [[nodiscard]] static QString displayValue(const ConfigField *field, const QJsonValue &value);
    // "Must be between 1 and 100000." for a numeric field, locale formatted.
    [[nodiscard]] static QString rangeMessage(const ConfigField &field);
};

} // namespace ops
