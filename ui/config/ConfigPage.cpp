#include "config/ConfigPage.h"

#include "auth/Session.h"
#include "config/ConfigConflictDialog.h"
#include "config/ConfigForm.h"
#include "config/ConfigPreviewDialog.h"
#include "core/TimeText.h"
#include "common/Labels.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ops {

namespace {


QStringList labelsOf(const ConfigDocumentSpec &spec, const QStringList &fields)
{
    QStringList labels;
    for (const QString &name : fields) {
        const ConfigField *f = spec.field(name);
        labels << (f ? f->label : name);
    }
    return labels;
}

// The page's own mnemonics (Document, Reload, Preview, Discard); the forms use other letters.
const QString kPageMnemonics = QStringLiteral("dlvc");

} // namespace

ConfigPage::ConfigPage(ConfigClient *client, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_note(labels::selectable(this, QStringLiteral("readOnlyNote"), tr("Why the configuration is read only")))
    , m_documents(new QComboBox(this))
    , m_reload(new QPushButton(tr("Re&load"), this))
    , m_version(labels::selectable(this, QStringLiteral("version"), tr("Version shown")))
    , m_unsaved(labels::selectable(this, QStringLiteral("unsaved"), tr("Unsaved changes")))
    , m_stack(new QStackedWidget(this))
    , m_outcome(labels::selectable(this, QStringLiteral("outcome"), tr("Result of the last action")))
    , m_discard(new QPushButton(tr("Dis&card changes"), this))
    , m_preview(new QPushButton(tr("Pre&view and apply…"), this))
{
    setObjectName(QStringLiteral("configPage"));
    setAccessibleName(tr("Configuration"));

    m_note->setStyleSheet(QStringLiteral("background: #fff3e0; color: #5d4037; padding: 6px; font-weight: bold;"));
    m_note->hide();
    m_documents->setObjectName(QStringLiteral("document"));
    m_documents->setAccessibleName(tr("Configuration document"));
    m_reload->setObjectName(QStringLiteral("reload"));
    m_reload->setAccessibleName(tr("Reload the document from the server"));
    m_discard->setObjectName(QStringLiteral("discardChanges"));
    m_discard->setAccessibleName(tr("Discard unsaved changes"));
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAccessibleName(tr("Preview and apply the changes"));
    for (QPushButton *b : {m_reload, m_discard, m_preview}) {
        b->setAutoDefault(false);
        // Reached with Tab; a click leaves focus (and any half-typed value) in the field, so
        // the preview can say what is wrong with it instead of the field quietly reverting.
        b->setFocusPolicy(Qt::TabFocus);
    }
    m_unsaved->setStyleSheet(QStringLiteral("color: #e65100; font-weight: bold;"));
    m_unsaved->hide();
    m_outcome->hide();
    m_stack->setObjectName(QStringLiteral("forms"));

    for (const ConfigDocumentSpec &spec : ConfigSchema::documents()) {
        auto *form = new ConfigForm(spec, kPageMnemonics, m_stack);
        m_forms << form;
        m_stack->addWidget(form);
        m_documents->addItem(spec.title, spec.key);
        connect(form, &ConfigForm::changed, this, &ConfigPage::refresh);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    auto *top = new QHBoxLayout;
    auto *documentLabel = new QLabel(tr("&Document:"), this);
    documentLabel->setBuddy(m_documents);
    top->addWidget(documentLabel);
    top->addWidget(m_documents, 1);
    top->addWidget(m_reload);
    layout->addLayout(top);
    layout->addWidget(m_version);
    layout->addWidget(m_unsaved);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_stack);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_outcome);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_discard);
    actions->addWidget(m_preview);
    layout->addLayout(actions);

    connect(m_documents, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_stack->setCurrentIndex(index);
        ConfigForm *form = currentForm();
        if (form && !form->hasDocument() && m_loading == 0 && m_session
            && m_session->state() == Session::State::SignedIn)
            loadCurrent();
        refresh();
    });
    connect(m_reload, &QPushButton::clicked, this, &ConfigPage::reload);
    connect(m_preview, &QPushButton::clicked, this, &ConfigPage::openPreview);
    connect(m_discard, &QPushButton::clicked, this, [this] {
        ConfigForm *form = currentForm();
        if (!form || !form->isDirty())
            return;
        form->discardEdits();
        showOutcome(tr("Your changes to %1 were discarded; the form shows version %2 again.")
                        .arg(form->spec().title)
                        .arg(form->document().version),
                    true);
    });
    if (m_client)
        connect(m_client, &ConfigClient::savingChanged, this, &ConfigPage::refresh);
    if (m_session) {
        connect(m_session, &Session::signedIn, this, [this] {
            updatePermission();
            reloadAll();
        });
        connect(m_session, &Session::signedOut, this, &ConfigPage::updatePermission);
    }
    updatePermission();
    if (m_session && m_session->state() == Session::State::SignedIn)
        reloadAll();
}

QString ConfigPage::currentKey() const
{
    return m_documents->currentData().toString();
}

void ConfigPage::selectDocument(const QString &key)
{
    const int index = m_documents->findData(key);
    if (index >= 0)
        m_documents->setCurrentIndex(index);
}

ConfigForm *ConfigPage::form(const QString &key) const
{
    for (ConfigForm *f : m_forms)
        if (f->spec().key == key)
            return f;
    return nullptr;
}

ConfigForm *ConfigPage::currentForm() const
{
    return qobject_cast<ConfigForm *>(m_stack->currentWidget());
}

QString ConfigPage::noteText() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

QString ConfigPage::versionText() const
{
    return m_version->text();
}

QString ConfigPage::unsavedText() const
{
    return m_unsaved->isHidden() ? QString() : m_unsaved->text();
}

QString ConfigPage::outcomeText() const
{
    return m_outcome->isHidden() ? QString() : m_outcome->text();
}

void ConfigPage::updatePermission()
{
    const bool signedIn = m_session && m_session->state() == Session::State::SignedIn;
    const QString permission = ConfigClient::editPermission();
    m_readOnly = !signedIn || !m_session->hasPermission(permission);
    if (!signedIn)
        m_note->setText(tr("Read only: not signed in. Sign in with a role that has the permission %1 to change the "
                           "configuration.")
                            .arg(permission));
    else if (m_readOnly)
        m_note->setText(tr("Read only: your role (%1) does not have the permission %2. Only administrators can "
                           "change the configuration.")
                            .arg(m_session->role().isEmpty() ? tr("none") : m_session->role(), permission));
    m_note->setVisible(m_readOnly);
    for (ConfigForm *f : std::as_const(m_forms))
        f->setReadOnly(m_readOnly);
    refresh();
}

void ConfigPage::reloadAll()
{
    if (!m_client)
        return;
    ++m_loading;
    refresh();
    m_client->loadAll(this, [this](const ConfigClient::LoadOutcome &out) {
        --m_loading;
        QStringList seen;
        for (const ConfigDocument &doc : out.documents) {
            ConfigForm *f = form(doc.key);
            if (!f)
                continue; // a document this console does not know
            seen << doc.key;
            m_loadProblems.remove(doc.key);
            if (!f->isDirty())
                f->setDocument(doc);
        }
        for (ConfigForm *f : std::as_const(m_forms)) {
            const QString key = f->spec().key;
            if (seen.contains(key))
                continue;
            if (!out.message.isEmpty())
                m_loadProblems.insert(key, out.message);
            else
                m_loadProblems.insert(key, tr("The server has no document \"%1\".").arg(key));
        }
        refresh();
    });
}

void ConfigPage::reload()
{
    ConfigForm *f = currentForm();
    if (!f)
        return;
    if (!f->isDirty()) {
        loadCurrent();
        return;
    }
    if (m_reloadQuestion)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Reload %1").arg(f->spec().title),
                                tr("Discard your unsaved changes to %1 (%2) and read the server's version again?")
                                    .arg(f->spec().title, labelsOf(f->spec(), f->changedFields()).join(QStringLiteral(", "))),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("reloadQuestion"));
    box->setTextFormat(Qt::PlainText);
    QPushButton *discard = box->addButton(tr("&Discard and reload"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardAndReload"));
    QPushButton *keep = box->addButton(tr("&Keep editing"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepEditing"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_reloadQuestion = box;
    const QString key = f->spec().key;
    connect(box, &QMessageBox::finished, this, [this, box, discard, key] {
        if (box->clickedButton() != discard)
            return;
        if (ConfigForm *target = form(key)) {
            target->discardEdits();
            selectDocument(key);
            loadCurrent();
        }
    });
    box->open();
}

void ConfigPage::loadCurrent()
{
    ConfigForm *f = currentForm();
    if (!f || !m_client)
        return;
    const QString key = f->spec().key;
    ++m_loading;
    refresh();
    m_client->load(key, this, [this, key](const ConfigClient::LoadOutcome &out) {
        --m_loading;
        ConfigForm *target = form(key);
        if (!target)
            return;
        if (!out.ok) {
            if (!target->hasDocument())
                m_loadProblems.insert(key, out.message);
            showOutcome(out.message, false);
        } else if (target->isDirty()) {
            // The operator started typing while the answer was on its way: their edits win.
            if (out.document.version != target->document().version)
                showOutcome(tr("The server has version %1 of %2, but you have unsaved changes to version %3: they "
                               "were kept.")
                                .arg(out.document.version)
                                .arg(target->spec().title)
                                .arg(target->document().version),
                            false);
        } else {
            m_loadProblems.remove(key);
            target->setDocument(out.document);
        }
        refresh();
    });
}

void ConfigPage::openPreview()
{
    ConfigForm *f = currentForm();
    if (!f || m_previewDialog || m_conflictDialog)
        return;
    const ConfigDocumentSpec &spec = f->spec();
    if (m_readOnly) {
        showOutcome(m_note->text(), false);
        return;
    }
    if (!f->hasDocument()) {
        showOutcome(tr("%1 is not loaded yet: reload it first.").arg(spec.title), false);
        return;
    }
    const ConfigFieldErrors problems = f->problems();
    if (!problems.isEmpty()) {
        f->focusFirstProblem();
        showOutcome(tr("Correct the values marked next to the fields first: %1.")
                        .arg(labelsOf(spec, problems.keys()).join(QStringLiteral(", "))),
                    false);
        return;
    }
    const QList<ConfigChange> changes = ConfigSchema::diff(spec.key, f->document().value, f->value());
    auto *dialog = new ConfigPreviewDialog(spec.title, f->document().version, changes, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_previewDialog = dialog;
    connect(dialog, &ConfigPreviewDialog::applyRequested, this, &ConfigPage::apply);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (m_previewDialog == dialog)
            m_previewDialog = nullptr;
        refresh();
    });
    dialog->open();
    refresh();
}

void ConfigPage::apply()
{
    ConfigPreviewDialog *dialog = m_previewDialog;
    ConfigForm *f = currentForm();
    if (!dialog || !f || !m_client)
        return;
    // The same checks as the preview: the form cannot change under a modal dialog, but be sure.
    if (m_readOnly || !f->hasDocument() || !f->problems().isEmpty()) {
        dialog->showFailure(tr("The form's values are not acceptable any more; go back to editing."));
        return;
    }
    const ConfigDocument base = f->document();
    const QJsonObject sent = f->value();
    const bool started = m_client->save(base, sent, this, [this, base, sent](const ConfigClient::SaveOutcome &o) {
        ConfigForm *target = form(base.key);
        ConfigPreviewDialog *open = m_previewDialog;
        auto closePreview = [open] {
            if (open) {
                open->setBusy(false);
                open->reject();
            }
        };
        using Kind = ConfigClient::SaveOutcome::Kind;
        switch (o.kind) {
        case Kind::Saved:
            if (open) {
                open->setBusy(false);
                open->accept();
            }
            if (target)
                target->setDocument(o.document);
            showOutcome(o.message, true);
            // Read it again, so what is shown is what the server has now.
            if (target && currentForm() == target)
                loadCurrent();
            break;
        case Kind::Conflict:
            closePreview();
            showOutcome(o.message, false);
            openConflict(base, sent, o.document);
            break;
        case Kind::Invalid:
            closePreview();
            if (target) {
                target->setServerErrors(o.fieldErrors);
                target->focusFirstProblem();
            }
            showOutcome(o.message, false);
            break;
        case Kind::Refused:
            closePreview();
            showOutcome(o.message, false);
            break;
        case Kind::Failed:
            if (open)
                open->showFailure(o.message);
            showOutcome(o.message, false);
            break;
        }
        refresh();
    });
    if (!started)
        dialog->showFailure(tr("Another save is still on its way; wait for its result."));
}

void ConfigPage::openConflict(const ConfigDocument &base, const QJsonObject &mine, const ConfigDocument &current)
{
    ConfigForm *f = form(base.key);
    if (!f || m_conflictDialog)
        return;
    auto *dialog = new ConfigConflictDialog(f->spec().title, base, mine, current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_conflictDialog = dialog;
    const QString key = base.key;
    connect(dialog, &QDialog::finished, this, [this, dialog, key, base, mine, current](int choice) {
        if (m_conflictDialog == dialog)
            m_conflictDialog = nullptr;
        ConfigForm *target = form(key);
        if (!target) {
            refresh();
            return;
        }
        switch (choice) {
        case ConfigConflictDialog::Reapply:
            target->setDocument(current);
            target->setEdits(ConfigSchema::rebase(base.value, mine, current.value));
            showOutcome(tr("Your changes are now on top of version %1: check the preview, then apply.").arg(current.version),
                        true);
            selectDocument(key);
            // After this dialog has gone: preview the rebased changes.
            QTimer::singleShot(0, this, &ConfigPage::openPreview);
            break;
        case ConfigConflictDialog::Discard:
            target->setDocument(current);
            showOutcome(tr("Your changes were discarded; the form shows version %1 from the server.").arg(current.version),
                        true);
            break;
        default:
            showOutcome(tr("Nothing was saved. Your changes are kept, made to version %1; the server has version %2. "
                           "Applying again will meet the same conflict: preview and re-apply on top, or reload.")
                            .arg(base.version)
                            .arg(current.version),
                        false);
            break;
        }
        refresh();
    });
    dialog->open();
    refresh();
}

void ConfigPage::showOutcome(const QString &message, bool good)
{
    m_outcome->setText(message);
    m_outcome->setStyleSheet(good ? QStringLiteral("color: #1b5e20; font-weight: bold;")
                                  : QStringLiteral("color: #b71c1c; font-weight: bold;"));
    m_outcome->setVisible(!message.isEmpty());
}

void ConfigPage::refresh()
{
    for (int i = 0; i < m_forms.size() && i < m_documents->count(); ++i) {
        const ConfigForm *f = m_forms.at(i);
        const QString text = f->isDirty() ? tr("%1 — unsaved changes").arg(f->spec().title) : f->spec().title;
        if (m_documents->itemText(i) != text)
            m_documents->setItemText(i, text);
    }
    ConfigForm *f = currentForm();
    if (!f)
        return;
    const QString key = f->spec().key;
    const bool saving = m_client && m_client->isSaving();
    if (f->hasDocument()) {
        const ConfigDocument &doc = f->document();
        if (doc.updatedAt.isValid() || !doc.updatedBy.isEmpty())
            m_version->setText(tr("Version %1 · last saved by %2 at %3")
                                   .arg(doc.version)
                                   .arg(doc.updatedBy.isEmpty() ? tr("(unknown)") : doc.updatedBy,
                                        timetext::local(doc.updatedAt)));
        else
            m_version->setText(tr("Version %1").arg(doc.version));
    } else if (m_loading > 0) {
        m_version->setText(tr("Reading %1 from the server…").arg(f->spec().title));
    } else if (m_loadProblems.contains(key)) {
        m_version->setText(tr("Not loaded: %1").arg(m_loadProblems.value(key)));
    } else {
        m_version->setText(tr("Not loaded yet."));
    }

    const QStringList changed = f->changedFields();
    m_unsaved->setText(changed.isEmpty() ? QString()
                                         : tr("Unsaved changes: %1. Nothing is saved until you preview and apply them.")
                                               .arg(labelsOf(f->spec(), changed).join(QStringLiteral(", "))));
    m_unsaved->setVisible(!changed.isEmpty());

    const bool dialogOpen = m_previewDialog || m_conflictDialog;
    m_preview->setEnabled(!m_readOnly && f->hasDocument() && !saving && !dialogOpen);
    m_preview->setToolTip(m_readOnly ? m_note->text() : QString());
    m_discard->setEnabled(!m_readOnly && !changed.isEmpty() && !saving && !dialogOpen);
    m_reload->setEnabled(!saving && !dialogOpen && m_loading == 0);
}

} // namespace ops
