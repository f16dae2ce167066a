#include "common/StatusStyle.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>

namespace ops {

StatusStyle StatusStyle::of(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Healthy: return {QColor(0x2e, 0x7d, 0x32), QColor(0xe8, 0xf5, 0xe9), QStringLiteral("✓")};
    case HealthStatus::Degraded: return {QColor(0xb2, 0x6a, 0x00), QColor(0xff, 0xf3, 0xe0), QStringLiteral("!")};
    case HealthStatus::Unhealthy: return {QColor(0xc6, 0x28, 0x28), QColor(0xff, 0xeb, 0xee), QStringLiteral("✕")};
    case HealthStatus::Initialising: return {QColor(0x15, 0x65, 0xc0), QColor(0xe3, 0xf2, 0xfd), QStringLiteral("…")};
    case HealthStatus::Stale: return {QColor(0x75, 0x75, 0x75), QColor(0xee, 0xee, 0xee), QString()}; // clock drawn
    case HealthStatus::Unreachable: return {QColor(0x6a, 0x1b, 0x9a), QColor(0xf3, 0xe5, 0xf5), QStringLiteral("⨯")};
    case HealthStatus::Disabled: return {QColor(0x90, 0x90, 0x90), QColor(0xf5, 0xf5, 0xf5), QStringLiteral("–")};
    case HealthStatus::Unknown: break;
    }
    return {QColor(0x54, 0x6e, 0x7a), QColor(0xec, 0xef, 0xf1), QStringLiteral("?")};
}

QPixmap StatusStyle::icon(HealthStatus status, int size, qreal devicePixelRatio)
{
    const StatusStyle style = of(status);
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
        p.setPen(QPen(Qt::white, std::max(1.5, size / 14.0)));
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
    p.setPen(status == HealthStatus::Unreachable ? style.colour : QColor(Qt::white));
    QRectF textRect = r;
    if (status == HealthStatus::Degraded)
        textRect.setTop(r.top() + r.height() * 0.25);
    p.drawText(textRect, Qt::AlignCenter, style.glyph);
    return pixmap;
}

} // namespace ops
