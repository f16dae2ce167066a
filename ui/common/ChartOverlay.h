#pragma once

#include <QRect>

class QLabel;

namespace ops::chartoverlay {

// The message box drawn over a chart (LatencyChart, SlaChart): how it looks and where it sits.
enum class Look {
    Neutral, // loading, not configured
    NoData,  // nothing is wrong, there is just nothing to draw: grey, dashed, italic
    Failed,  // the numbers could not be read; what is drawn (if anything) is old: red, solid, bold
};

// Plain text, wrapped, centred.
void setUp(QLabel *label);
// Styles the label for `look`, sets the text and shows it on top; then place() is due.
void show(QLabel *label, Look look, const QString &text, int paddingPx);
void hide(QLabel *label);
// Centres a shown label in `area`: `fraction` of its width (at least minWidth, leaving `margin`
// on each side), as tall as the wrapped text needs.
void place(QLabel *label, const QRect &area, double fraction, int minWidth, int margin);

} // namespace ops::chartoverlay
