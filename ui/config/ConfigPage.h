#pragma once

#include "config/ConfigClient.h"
#include "config/ConfigConflictDialog.h"
#include "config/ConfigPreviewDialog.h"

#include <QMessageBox>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace ops {

class ConfigForm;
class Session;

// Admin → Configuration: pick one of the platform's typed documents and edit it in its form.
// "Preview and apply…" shows every changed field (old → new) and applies with If-Match set to the
// version the form was loaded from. On 412 the conflict dialog shows what changed meanwhile and
// offers to re-apply the operator's changes on top (then preview again) or to discard them; 422
// messages appear next to their fields; success says "Saved version N (audit record #M)" and
// reads the document again. Unsaved changes are marked in the document list, above the form and
// next to each field, and survive switching documents. Without config:edit the page is read only
// and says which permission is missing.
class ConfigPage final : public QWidget
{
    Q_OBJECT
public:
    ConfigPage(ConfigClient *client, Session *session, QWidget *parent = nullptr);

    [[nodiscard]] QString currentKey() const;
    void selectDocument(const QString &key);
    [[nodiscard]] ConfigForm *form(const QString &key) const;
    [[nodiscard]] ConfigForm *currentForm() const;
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }

    [[nodiscard]] QComboBox *documentBox() const { return m_documents; }
    [[nodiscard]] QPushButton *previewButton() const { return m_preview; }
    [[nodiscard]] QPushButton *discardButton() const { return m_discard; }
    [[nodiscard]] QPushButton *reloadButton() const { return m_reload; }
    [[nodiscard]] QString noteText() const;     // the read-only note (empty when editable)
    [[nodiscard]] QString versionText() const;  // "Version 3 · saved by admin at …"
    [[nodiscard]] QString unsavedText() const;  // empty when nothing is unsaved
    [[nodiscard]] QString outcomeText() const;  // the last result (empty when none)

    // The dialogs open now, if any.
    [[nodiscard]] ConfigPreviewDialog *previewDialog() const { return m_previewDialog; }
    [[nodiscard]] ConfigConflictDialog *conflictDialog() const { return m_conflictDialog; }
    [[nodiscard]] QMessageBox *reloadQuestion() const { return m_reloadQuestion; }

    // Reads every document again (forms with unsaved changes keep them).
    void reloadAll();
    // Reads the shown document again; with unsaved changes it asks first.
    void reload();
    // Opens the preview when the form's values are acceptable; otherwise says what to correct.
    void openPreview();

private:
    void loadCurrent();
    void apply();
    void onSaveOutcome(const ConfigClient::SaveOutcome &outcome, const QString &key, const QJsonObject &sent);
    void openConflict(const ConfigDocument &base, const QJsonObject &mine, const ConfigDocument &current);
    void showOutcome(const QString &message, bool good);
    void refresh();
    void updatePermission();

    QPointer<ConfigClient> m_client;
    QPointer<Session> m_session;
    QLabel *m_note;
    QComboBox *m_documents;
    QPushButton *m_reload;
    QLabel *m_version;
    QLabel *m_unsaved;
    QStackedWidget *m_stack;
    QLabel *m_outcome;
    QPushButton *m_discard;
    QPushButton *m_preview;
    QList<ConfigForm *> m_forms;
    QHash<QString, QString> m_loadProblems; // key -> why it is not loaded
    QPointer<ConfigPreviewDialog> m_previewDialog;
    QPointer<ConfigConflictDialog> m_conflictDialog;
    QPointer<QMessageBox> m_reloadQuestion;
    bool m_readOnly = true;
    int m_loading = 0;
};

} // namespace ops
