#include "shell/EnvironmentBanner.h"

#include "profiles/ConnectionProfile.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace ops {

EnvironmentBanner::EnvironmentBanner(const ConnectionProfile &profile, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_colour(QColor::isValidColorName(profile.colour) ? QColor::fromString(profile.colour) : QColor(0x45, 0x5a, 0x64))
    , m_production(profile.isProduction())
{
    if (m_production)
        m_colour = QColor(0xb7, 0x1c, 0x1c);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 4, 12, 4);
    layout->addWidget(m_label);
    layout->addStretch();
    QFont f = m_label->font();
    f.setBold(true);
    if (m_production)
        f.setPointSizeF(f.pointSizeF() * 1.25);
    m_label->setFont(f);
    m_label->setStyleSheet(QStringLiteral("color: white;"));
    const QString env = profile.environment.isEmpty() ? profile.name : profile.environment;
    m_label->setText(m_production ? tr("PRODUCTION — %1 — changes here affect live trading").arg(profile.name)
                                  : tr("Environment: %1 (profile %2)").arg(env, profile.name));
    setAccessibleName(tr("Environment"));
    setAccessibleDescription(m_label->text());
    setMinimumHeight(m_production ? 34 : 26);
    setAutoFillBackground(false);
}

QString EnvironmentBanner::text() const
{
    return m_label->text();
}

void EnvironmentBanner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), m_colour);
    if (m_production) {
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(255, 255, 255, 40), 6));
        for (int x = -height(); x < width(); x += 24)
            p.drawLine(x, height(), x + height(), 0);
    }
}

} // namespace ops
