#include "config/ConfigForm.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <cmath>

namespace ops {

namespace {

const QString kTimeFormat = QStringLiteral("HH:mm");

// `text` with a mnemonic on its first letter that is not taken yet (then taken).
QString withMnemonic(const QString &text, QString *taken)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('&'), QStringLiteral("&&"));
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        const QChar c = escaped.at(i);
        if (c == QLatin1Char('&') || !c.isLetterOrNumber() || c.unicode() > 127)
            continue;
        if (taken->contains(c.toLower()))
            continue;
        taken->append(c.toLower());
        return escaped.left(i) + QLatin1Char('&') + escaped.mid(i);
    }
    return escaped;
}

QLabel *plain(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setObjectName(objectName);
    return label;
}

} // namespace

struct ConfigForm::Row
{
    ConfigField field;
    QLabel *label = nullptr; // none for a check box: it carries its own text
    QWidget *editor = nullptr;
    QLabel *note = nullptr;    // "was 09:30"
    QLabel *message = nullptr; // the inline problem
    QJsonValue baseEditor;     // the editor's value right after the loaded version was shown
    QString baseProblem;       // the loaded value itself was not acceptable
    QString unacceptable;      // the spin box's text while it is not acceptable
    QString reverted;          // said when leaving the field put the previous value back
};

ConfigForm::ConfigForm(const ConfigDocumentSpec &spec, const QString &takenMnemonics, QWidget *parent)
    : QWidget(parent), m_spec(spec), m_other(plain(this, QStringLiteral("otherServerErrors")))
{
    setObjectName(QStringLiteral("configForm_") + spec.key);
    setAccessibleName(tr("%1 form").arg(spec.title));
    QString taken = takenMnemonics.toLower();

    auto *outer = new QVBoxLayout(this);
    auto *grid = new QGridLayout;
    grid->setColumnStretch(2, 1);
    int gridRow = 0;
    QWidget *previous = nullptr;
    for (const ConfigField &f : spec.fields) {
        auto row = std::make_shared<Row>();
        row->field = f;
        const QString name = f.name;
        switch (f.type) {
        case ConfigField::Type::Time: {
            auto *edit = new QTimeEdit(this);
            edit->setDisplayFormat(kTimeFormat);
            edit->setTimeRange(QTime(0, 0), QTime(23, 59));
            connect(edit, &QTimeEdit::timeChanged, this, [this, name] { onEdited(name); });
            row->editor = edit;
            break;
        }
        case ConfigField::Type::Bool: {
            auto *box = new QCheckBox(withMnemonic(f.label, &taken), this);
            connect(box, &QCheckBox::toggled, this, [this, name] { onEdited(name); });
            row->editor = box;
            break;
        }
        case ConfigField::Type::Int: {
            auto *spin = new QSpinBox(this);
            spin->setRange(int(f.minimum), int(f.maximum));
            spin->setSingleStep(int(std::max(1.0, f.step)));
            connect(spin, &QSpinBox::textChanged, this, [this, name] { onEdited(name); });
            row->editor = spin;
            break;
        }
        case ConfigField::Type::Number: {
            auto *spin = new QDoubleSpinBox(this);
            spin->setDecimals(f.decimals);
            spin->setRange(f.minimum, f.maximum);
            spin->setSingleStep(f.step);
            connect(spin, &QDoubleSpinBox::textChanged, this, [this, name] { onEdited(name); });
            row->editor = spin;
            break;
        }
        }
        row->editor->setObjectName(name);
        row->editor->setAccessibleName(f.label);
        row->editor->setAccessibleDescription(f.help);
        row->editor->setToolTip(f.help);
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(row->editor)) {
            spin->setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
            spin->setMinimumWidth(160);
            // The spin box's own signals stay silent while the text is not acceptable ("0" where
            // 1 is the minimum): its line edit says every keystroke.
            if (auto *text = spin->findChild<QLineEdit *>())
                connect(text, &QLineEdit::textChanged, this, [this, name, row = row.get(), spin] {
                    row->unacceptable = spin->hasAcceptableInput() ? QString() : spin->text();
                    row->reverted.clear();
                    onEdited(name);
                });
            // Leaving the field (or Enter) with "0" where 1 is the minimum puts the previous value
            // back without a word from the spin box: the field says it instead.
            connect(spin, &QAbstractSpinBox::editingFinished, this, [this, name, row = row.get(), spin] {
                if (row->unacceptable.isEmpty() || !spin->hasAcceptableInput())
                    return;
                row->reverted = tr("%1 was not accepted (%2) and the field went back to %3.")
                                    .arg(row->unacceptable.trimmed(), ConfigSchema::rangeMessage(row->field), spin->text());
                row->unacceptable.clear();
                refresh();
                emit changed();
            });
        }
        if (f.type != ConfigField::Type::Bool) {
            row->label = new QLabel(withMnemonic(f.label, &taken) + QLatin1Char(':'), this);
            row->label->setBuddy(row->editor);
            row->label->setObjectName(QStringLiteral("label_") + name);
        }
        row->note = plain(this, QStringLiteral("note_") + name);
        row->note->setAccessibleName(tr("%1: value when loaded").arg(f.label));
        row->note->setStyleSheet(QStringLiteral("color: #555; font-style: italic;"));
        row->note->hide();
        row->message = plain(this, QStringLiteral("message_") + name);
        row->message->setAccessibleName(tr("%1: problem").arg(f.label));
        row->message->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
        row->message->hide();

        if (row->label)
            grid->addWidget(row->label, gridRow, 0);
        grid->addWidget(row->editor, gridRow, 1);
        grid->addWidget(row->note, gridRow, 2);
        grid->addWidget(row->message, gridRow + 1, 1, 1, 2);
        gridRow += 2;
        if (previous)
            setTabOrder(previous, row->editor);
        previous = row->editor;
        m_rows << row;
    }
    outer->addLayout(grid);
    m_other->setAccessibleName(tr("Other problems reported by the server"));
    m_other->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    m_other->hide();
    outer->addWidget(m_other);
    outer->addStretch(1);
    setEnabled(false); // nothing to edit before a version is loaded
}

QWidget *ConfigForm::editor(const QString &field) const
{
    for (const auto &row : m_rows)
        if (row->field.name == field)
            return row->editor;
    return nullptr;
}

QLabel *ConfigForm::messageLabel(const QString &field) const
{
    for (const auto &row : m_rows)
        if (row->field.name == field)
            return row->message;
    return nullptr;
}

QString ConfigForm::messageFor(const QString &field) const
{
    QLabel *label = messageLabel(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString ConfigForm::changeNoteFor(const QString &field) const
{
    for (const auto &row : m_rows)
        if (row->field.name == field)
            return row->note->isHidden() ? QString() : row->note->text();
    return {};
}

QString ConfigForm::otherServerErrors() const
{
    return m_other->isHidden() ? QString() : m_other->text();
}

QJsonValue ConfigForm::editorValue(const Row &row) const
{
    switch (row.field.type) {
    case ConfigField::Type::Time:
        return static_cast<QTimeEdit *>(row.editor)->time().toString(kTimeFormat);
    case ConfigField::Type::Bool:
        return static_cast<QCheckBox *>(row.editor)->isChecked();
    case ConfigField::Type::Int:
        return qint64(static_cast<QSpinBox *>(row.editor)->value());
    case ConfigField::Type::Number:
        return static_cast<QDoubleSpinBox *>(row.editor)->value();
    }
    return {};
}

QString ConfigForm::typingProblem(const Row &row) const
{
    // A spin box keeps text it cannot accept yet ("0" where 1 is the minimum) until focus leaves.
    const auto *spin = qobject_cast<const QAbstractSpinBox *>(row.editor);
    if (!spin || spin->hasAcceptableInput())
        return {};
    return ConfigSchema::rangeMessage(row.field);
}

void ConfigForm::showValue(Row &row, const QJsonValue &value)
{
    switch (row.field.type) {
    case ConfigField::Type::Time: {
        const QTime t = QTime::fromString(value.toString(), kTimeFormat);
        static_cast<QTimeEdit *>(row.editor)->setTime(t.isValid() ? t : QTime(0, 0));
        break;
    }
    case ConfigField::Type::Bool:
        static_cast<QCheckBox *>(row.editor)->setChecked(value.toBool());
        break;
    case ConfigField::Type::Int: {
        auto *spin = static_cast<QSpinBox *>(row.editor);
        spin->setValue(int(std::clamp(value.toDouble(row.field.minimum), row.field.minimum, row.field.maximum)));
        break;
    }
    case ConfigField::Type::Number:
        static_cast<QDoubleSpinBox *>(row.editor)->setValue(value.toDouble(row.field.minimum));
        break;
    }
}

void ConfigForm::setDocument(const ConfigDocument &document)
{
    m_document = document;
    m_serverErrors.clear();
    m_loading = true;
    for (const auto &row : m_rows) {
        row->unacceptable.clear();
        row->reverted.clear();
        const QJsonValue loaded = document.value.value(row->field.name);
        showValue(*row, loaded);
        const QString problem = ConfigSchema::validateField(row->field, loaded);
        // A loaded value the editor cannot show as it is counts as changed from the start, so
        // the preview says what saving would do to it.
        row->baseEditor = problem.isEmpty() ? editorValue(*row) : QJsonValue(QJsonValue::Undefined);
        row->baseProblem = problem.isEmpty()
                               ? QString()
                               : tr("The server's value (%1) is not acceptable: %2")
                                     .arg(ConfigSchema::displayValue(&row->field, loaded), problem);
    }
    m_loading = false;
    setEnabled(document.isValid());
    refresh();
    emit changed();
}

void ConfigForm::setEdits(const QJsonObject &value)
{
    m_loading = true;
    for (const auto &row : m_rows) {
        if (value.contains(row->field.name))
            showValue(*row, value.value(row->field.name));
    }
    m_loading = false;
    refresh();
    emit changed();
}

void ConfigForm::discardEdits()
{
    setDocument(m_document);
}

QJsonObject ConfigForm::value() const
{
    QJsonObject v = m_document.value;
    for (const auto &row : m_rows) {
        const QJsonValue shown = editorValue(*row);
        if (shown != row->baseEditor)
            v.insert(row->field.name, shown);
    }
    return v;
}

QStringList ConfigForm::changedFields() const
{
    if (!hasDocument())
        return {};
    return ConfigSchema::changedFields(m_document.value, value());
}

ConfigFieldErrors ConfigForm::problems() const
{
    ConfigFieldErrors errors = ConfigSchema::validate(m_spec.key, value());
    for (const auto &row : m_rows) {
        const QString typing = typingProblem(*row);
        if (!typing.isEmpty())
            errors.insert(row->field.name, typing);
    }
    return errors;
}

void ConfigForm::setServerErrors(const ConfigFieldErrors &errors)
{
    m_serverErrors = errors;
    refresh();
}

void ConfigForm::onEdited(const QString &field)
{
    if (m_loading)
        return;
    m_serverErrors.remove(field); // the operator answered it
    refresh();
    emit changed();
}

void ConfigForm::refresh()
{
    const ConfigFieldErrors mine = hasDocument() ? problems() : ConfigFieldErrors();
    const QJsonObject now = value();
    QStringList others;
    for (auto it = m_serverErrors.cbegin(); it != m_serverErrors.cend(); ++it)
        if (!m_spec.field(it.key()))
            others << tr("%1: %2").arg(it.key(), it.value());
    for (const auto &row : m_rows) {
        const QString name = row->field.name;
        QString message = mine.value(name);
        if (message.isEmpty() && m_serverErrors.contains(name))
            message = tr("Server: %1").arg(m_serverErrors.value(name));
        if (message.isEmpty())
            message = row->reverted;
        if (message.isEmpty())
            message = row->baseProblem;
        row->message->setText(message);
        row->message->setVisible(!message.isEmpty());
        // Assistive technology reads the problem with the field.
        row->editor->setAccessibleDescription(message.isEmpty() ? row->field.help : message);

        const bool changed = hasDocument() && m_document.value.value(name) != now.value(name);
        row->note->setText(changed ? tr("changed — was %1")
                                         .arg(ConfigSchema::displayValue(&row->field, m_document.value.value(name)))
                                   : QString());
        row->note->setVisible(changed);
        QFont font = row->label ? row->label->font() : row->editor->font();
        font.setBold(changed);
        if (row->label)
            row->label->setFont(font);
        else
            row->editor->setFont(font);
    }
    m_other->setText(others.isEmpty() ? QString() : tr("The server also refused: %1").arg(others.join(QStringLiteral("; "))));
    m_other->setVisible(!others.isEmpty());
}

void ConfigForm::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (const auto &row : m_rows) {
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(row->editor))
            spin->setReadOnly(readOnly); // still focusable and readable
        else
            row->editor->setEnabled(!readOnly);
    }
}

bool ConfigForm::focusFirstProblem()
{
    for (const auto &row : m_rows) {
        if (!row->message->isHidden()) {
            row->editor->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return false;
}

} // namespace ops
