#pragma once

#include "config/ConfigClient.h"
#include "config/ConfigSchema.h"

#include <QWidget>

class QLabel;

namespace ops {

// The typed form of one configuration document: a QTimeEdit ("HH:mm"), QCheckBox, QSpinBox or
// QDoubleSpinBox per field with the platform's ranges, the value it was loaded with next to
// every changed field ("was 09:30"), and an inline message under any field whose value is not
// acceptable (out of range while typing, market open not before close) or that the server refused.
// Fields the schema does not know are kept as loaded and sent back untouched.
class ConfigForm final : public QWidget
{
    Q_OBJECT
public:
    // `takenMnemonics`: letters already used by the page, so every field gets its own.
    explicit ConfigForm(const ConfigDocumentSpec &spec, const QString &takenMnemonics = {}, QWidget *parent = nullptr);

    [[nodiscard]] const ConfigDocumentSpec &spec() const { return m_spec; }
    [[nodiscard]] bool hasDocument() const { return m_document.isValid(); }
    // The version the form was loaded from (what Apply sends in If-Match).
    [[nodiscard]] const ConfigDocument &document() const { return m_document; }

    // Shows `document` with no changes and no messages from the server.
    void setDocument(const ConfigDocument &document);
    // Puts `value`'s fields into the editors, over the loaded version (e.g. a rebase).
    void setEdits(const QJsonObject &value);
    // Back to the loaded version.
    void discardEdits();

    // The document as the form would save it: the loaded value with the edited fields.
    [[nodiscard]] QJsonObject value() const;
    [[nodiscard]] QStringList changedFields() const;
    [[nodiscard]] bool isDirty() const { return !changedFields().isEmpty(); }
    // What is wrong now, client side (empty when the form may be previewed).
    [[nodiscard]] ConfigFieldErrors problems() const;

    // The server's messages per field (422); each goes when its field is edited.
    void setServerErrors(const ConfigFieldErrors &errors);
    // Server messages for fields the form does not show, as one line (empty when none).
    [[nodiscard]] QString otherServerErrors() const;

    void setReadOnly(bool readOnly);
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }

    [[nodiscard]] QWidget *editor(const QString &field) const;
    [[nodiscard]] QLabel *messageLabel(const QString &field) const;
    // The inline message shown next to a field now (empty when none).
    [[nodiscard]] QString messageFor(const QString &field) const;
    [[nodiscard]] QString changeNoteFor(const QString &field) const;
    // Focuses the first field with a message; false when there is none.
    bool focusFirstProblem();

signals:
    void changed();

private:
    struct Row;
    [[nodiscard]] QJsonValue editorValue(const Row &row) const;
    [[nodiscard]] QString typingProblem(const Row &row) const;
    void showValue(Row &row, const QJsonValue &value);
    void onEdited(const QString &field);
    void refresh();

    ConfigDocumentSpec m_spec;
    ConfigDocument m_document;
    QList<std::shared_ptr<Row>> m_rows;
    ConfigFieldErrors m_serverErrors;
    QLabel *m_other;
    bool m_readOnly = false;
    bool m_loading = false;
};

} // namespace ops
