#pragma once

#include <QLabel>

namespace ops::labels {

// A word-wrapped label that never interprets its text as rich text (server words go in here).
inline QLabel *wrapped(const QString &text, QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setObjectName(objectName);
    return label;
}

// The same, named for assistive technology and selectable with mouse and keyboard (state lines
// an operator may want to copy into a ticket).
inline QLabel *selectable(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    QLabel *label = wrapped({}, parent, objectName);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace ops::labels
