#include "common/StatusStyle.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPainterPath>
#include <QtMath>

#include <cmath>

namespace ops {

StatusStyle StatusStyle::of(HealthStatus status) { return of(status, darkPalette()); }

StatusStyle StatusStyle::of(HealthStatus status, bool dark)
{
    if (dark) {
        switch (status) {
        case HealthStatus::Healthy: return {QColor(0x81, 0xc7, 0x84), QColor(0x1e, 0x33, 0x20), QStringLiteral("✓")};
        case HealthStatus::Degraded: return {QColor(0xff, 0xb7, 0x4d), QColor(0x3a, 0x2c, 0x12), QStringLiteral("!")};
        case HealthStatus::Unhealthy: return {QColor(0xff, 0x8a, 0x80), QColor(0x3d, 0x1f, 0x1f), QStringLiteral("✕")};
        case HealthStatus::Initialising: return {QColor(0x82, 0xb1, 0xff), QColor(0x1a, 0x2c, 0x42), QStringLiteral("…")};
        case HealthStatus::Stale: return {QColor(0xbd, 0xbd, 0xbd), QColor(0x33, 0x33, 0x33), QString()}; // clock drawn
        case HealthStatus::Unreachable: return {QColor(0xd5, 0x9a, 0xe3), QColor(0x34, 0x22, 0x3a), QStringLiteral("⨯")};
        case HealthStatus::Disabled: return {QColor(0xa8, 0xa8, 0xa8), QColor(0x2e, 0x2e, 0x2e), QStringLiteral("–")};
        case HealthStatus::Unknown: break;
        }
        return {QColor(0xb0, 0xbe, 0xc5), QColor(0x28, 0x30, 0x34), QStringLiteral("?")};
    }
    switch (status) {
    case HealthStatus::Healthy: return {QColor(0x2a, 0x7a, 0x2e), QColor(0xe8, 0xf5, 0xe9), QStringLiteral("✓")};
    case HealthStatus::Degraded: return {QColor(0x8f, 0x55, 0x00), QColor(0xff, 0xf3, 0xe0), QStringLiteral("!")};
    case HealthStatus::Unhealthy: return {QColor(0xc6, 0x28, 0x28), QColor(0xff, 0xeb, 0xee), QStringLiteral("✕")};
    case HealthStatus::Initialising: return {QColor(0x15, 0x65, 0xc0), QColor(0xe3, 0xf2, 0xfd), QStringLiteral("…")};
    case HealthStatus::Stale: return {QColor(0x61, 0x61, 0x61), QColor(0xee, 0xee, 0xee), QString()}; // clock drawn
    case HealthStatus::Unreachable: return {QColor(0x6a, 0x1b, 0x9a), QColor(0xf3, 0xe5, 0xf5), QStringLiteral("⨯")};
    case HealthStatus::Disabled: return {QColor(0x6b, 0x6b, 0x6b), QColor(0xf5, 0xf5, 0xf5), QStringLiteral("–")};
    case HealthStatus::Unknown: break;
    }
    return {QColor(0x54, 0x6e, 0x7a), QColor(0xec, 0xef, 0xf1), QStringLiteral("?")};
}

bool StatusStyle::darkPalette()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return false;
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightnessF() < palette.color(QPalette::WindowText).lightnessF();
}

QColor StatusStyle::glyphColour(const QColor &fill)
{
    // Relative luminance (WCAG 2): pick the text colour with the larger contrast ratio.
    auto channel = [](float c) { return c <= 0.03928f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); };
    const float l = 0.2126f * channel(fill.redF()) + 0.7152f * channel(fill.greenF()) + 0.0722f * channel(fill.blueF());
    const QColor dark(0x1e, 0x1e, 0x1e);
    const float lDark = 0.0130f; // luminance of #1e1e1e
    const float withWhite = 1.05f / (l + 0.05f);
    const float withDark = (l + 0.05f) / (lDark + 0.05f);
    return withWhite >= withDark ? QColor(Qt::white) : dark;
}

QPixmap StatusStyle::icon(HealthStatus status, int size, qreal devicePixelRatio)
{
    return icon(status, size, devicePixelRatio, darkPalette());
}

QPixmap StatusStyle::icon(HealthStatus status, int size, qreal devicePixelRatio, bool dark)
{
    const StatusStyle style = of(status, dark);
    const QColor glyph = glyphColour(style.colour);
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(1, 1, size - 2, size - 2);
    QPainterPath path;
    switch (status) {
    case HealthStatus::Healthy:
        path.addEllipse(r);
        break;
    case HealthStatus::Degraded:
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.right(), r.bottom());
        path.lineTo(r.left(), r.bottom());
        path.closeSubpath();
        break;
    case HealthStatus::Unhealthy: {
        for (int i = 0; i < 8; ++i) {
            const qreal a = qDegreesToRadians(22.5 + 45.0 * i);
            const QPointF pt(r.center().x() + r.width() / 2 * qCos(a), r.center().y() + r.height() / 2 * qSin(a));
            i == 0 ? path.moveTo(pt) : path.lineTo(pt);
        }
        path.closeSubpath();
        break;
    }
    case HealthStatus::Initialising:
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.right(), r.center().y());
        path.lineTo(r.center().x(), r.bottom());
        path.lineTo(r.left(), r.center().y());
        path.closeSubpath();
        break;
    case HealthStatus::Stale:
    case HealthStatus::Disabled:
        path.addRoundedRect(r, size / 6.0, size / 6.0);
        break;
    case HealthStatus::Unreachable:
        path.addEllipse(r);
        break;
    case HealthStatus::Unknown:
        path.addRoundedRect(r, size / 3.0, size / 3.0);
        break;
    }
    if (status == HealthStatus::Unreachable) {
        p.setPen(QPen(style.colour, std::max(2.0, size / 8.0)));
        p.setBrush(Qt::NoBrush);
        p.drawArc(r.adjusted(size / 10.0, size / 10.0, -size / 10.0, -size / 10.0), 30 * 16, 300 * 16);
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(style.colour);
        p.drawPath(path);
    }
    if (status == HealthStatus::Stale) { // a clock face: the data is old
        const QPointF c = r.center();
        const qreal radius = r.width() * 0.32;
        p.setPen(QPen(glyph, std::max(1.5, size / 14.0)));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, radius, radius);
        p.drawLine(c, QPointF(c.x(), c.y() - radius * 0.75));
        p.drawLine(c, QPointF(c.x() + radius * 0.55, c.y()));
        return pixmap;
    }
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(std::max(8, int(size * (status == HealthStatus::Degraded ? 0.5 : 0.6))));
    p.setFont(font);
    p.setPen(status == HealthStatus::Unreachable ? style.colour : glyph);
    QRectF textRect = r;
    if (status == HealthStatus::Degraded)
        textRect.setTop(r.top() + r.height() * 0.25);
    p.drawText(textRect, Qt::AlignCenter, style.glyph);
    return pixmap;
}

} // namespace ops
