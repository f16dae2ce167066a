#pragma once

#include "health/HealthStatus.h"

#include <QColor>
#include <QIcon>
#include <QPixmap>

namespace ops {

// How a status looks. Colour is never the only cue: every status also has its own icon shape
// and its word. There is a set for light palettes and one for dark palettes; in both, `colour`
// used as text has a contrast of at least 4.5:1 (WCAG AA) on `background` and on the palette's
// Window and Base colours (tests/gui/tst_theme.cpp), and `glyph` is drawn in whichever of white
// or near-black contrasts more with `colour`.
struct StatusStyle
{
    QColor colour;      // tile stripe, icon fill, status word
    QColor background;  // tile background tint
    QString glyph;      // symbol drawn inside the icon

    // For the application's current palette (dark when its Window colour is dark).
    [[nodiscard]] static StatusStyle of(HealthStatus status);
    [[nodiscard]] static StatusStyle of(HealthStatus status, bool dark);
    // True when the application's palette is a dark one.
    [[nodiscard]] static bool darkPalette();
    // White or near-black, whichever reads better on `fill`.
    [[nodiscard]] static QColor glyphColour(const QColor &fill);
    // An icon with a distinct shape per status: circle (healthy), triangle (degraded),
    // octagon (unhealthy), diamond (initialising), square (stale), broken circle (unreachable).
    [[nodiscard]] static QPixmap icon(HealthStatus status, int size, qreal devicePixelRatio = 1.0);
    [[nodiscard]] static QPixmap icon(HealthStatus status, int size, qreal devicePixelRatio, bool dark);
};

} // namespace ops
