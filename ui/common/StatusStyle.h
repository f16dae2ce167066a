#pragma once

#include "health/HealthStatus.h"

#include <QColor>
#include <QIcon>
#include <QPixmap>

namespace ops {

// How a status looks. Colour is never the only cue: every status also has its own icon shape
// and its word. Colours keep contrast with white text in light and dark palettes.
struct StatusStyle
{
    QColor colour;      // tile stripe, icon fill
    QColor background;  // tile background tint
    QString glyph;      // symbol drawn inside the icon

    [[nodiscard]] static StatusStyle of(HealthStatus status);
    // An icon with a distinct shape per status: circle (healthy), triangle (degraded),
    // octagon (unhealthy), diamond (initialising), square (stale), broken circle (unreachable).
    [[nodiscard]] static QPixmap icon(HealthStatus status, int size, qreal devicePixelRatio = 1.0);
};

} // namespace ops
