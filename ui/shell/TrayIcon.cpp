#include "shell/TrayIcon.h"

#include "common/StatusStyle.h"
#include "notify/NotificationPolicy.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMetaMethod>
#include <QPainter>
#include <QPainterPath>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

#include <cmath>

namespace ops {

namespace {

constexpr int MessageTimeoutMs = 10000;

// The System Health status whose colour a level borrows, so the tray matches the tiles.
HealthStatus colourStatus(AttentionLevel level)
{
    switch (level) {
    case AttentionLevel::Ok: return HealthStatus::Healthy;
    case AttentionLevel::Info: return HealthStatus::Initialising;
    case AttentionLevel::Warning: return HealthStatus::Degraded;
    case AttentionLevel::Critical: return HealthStatus::Unhealthy;
    case AttentionLevel::Unknown: break;
    }
    return HealthStatus::Unknown;
}

// White or near-black, whichever contrasts more with `fill` (WCAG relative luminance), so the
// glyph stays readable with the light and the dark palette's status colours.
QColor glyphOn(const QColor &fill)
{
    const auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const double l = 0.2126 * channel(fill.redF()) + 0.7152 * channel(fill.greenF()) + 0.0722 * channel(fill.blueF());
    const double withWhite = 1.05 / (l + 0.05);
    const double withDark = (l + 0.05) / (0.0130 + 0.05); // #1e1e1e
    return withWhite >= withDark ? QColor(Qt::white) : QColor(0x1e, 0x1e, 0x1e);
}

QSystemTrayIcon::MessageIcon messageIcon(AttentionLevel level)
{
    switch (level) {
    case AttentionLevel::Critical: return QSystemTrayIcon::Critical;
    case AttentionLevel::Warning:
    case AttentionLevel::Unknown: return QSystemTrayIcon::Warning;
    case AttentionLevel::Ok:
    case AttentionLevel::Info: break;
    }
    return QSystemTrayIcon::Information;
}

} // namespace

TrayIcon::TrayIcon(AttentionRollup *rollup, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_rollup(rollup)
    , m_settings(settings)
    , m_menu(std::make_unique<QMenu>())
{
    Q_ASSERT(rollup);
    if (!m_settings) {
        m_ownSettings = std::make_unique<QSettings>();
        m_settings = m_ownSettings.get();
    }

    m_menu->setAccessibleName(tr("Ops Console tray menu"));
    m_showAction = m_menu->addAction(tr("&Show Ops Console"));
    m_showAction->setToolTip(tr("Bring the Ops Console window to the front"));
    connect(m_showAction, &QAction::triggered, this, &TrayIcon::showMainWindow);

    m_notificationsAction = m_menu->addAction(tr("&Notifications enabled"));
    m_notificationsAction->setCheckable(true);
    m_notificationsAction->setToolTip(tr("Desktop notifications when a state changes"));
    m_notificationsAction->setChecked(m_settings->value(EnabledKey, true).toBool());
    connect(m_notificationsAction, &QAction::toggled, this, &TrayIcon::setNotificationsEnabled);

    m_menu->addSeparator();
    m_quitAction = m_menu->addAction(tr("&Quit"));
    m_quitAction->setToolTip(tr("Quit Ops Console"));
    connect(m_quitAction, &QAction::triggered, this, [this] {
        if (isSignalConnected(QMetaMethod::fromSignal(&TrayIcon::quitRequested)))
            emit quitRequested();
        else
            QCoreApplication::quit();
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu.get());
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                showMainWindow();
        });
    }

    m_sink = [this](const QString &title, const QString &body, AttentionLevel level) {
        if (m_tray && QSystemTrayIcon::supportsMessages())
            m_tray->showMessage(title, body, messageIcon(level), MessageTimeoutMs);
    };

    connect(rollup, &AttentionRollup::changed, this, &TrayIcon::refresh);
    refresh();
    if (m_tray)
        m_tray->show();
}

TrayIcon::~TrayIcon()
{
    if (m_tray)
        m_tray->setContextMenu(nullptr);
}

void TrayIcon::setMainWindow(QWidget *window)
{
    m_window = window;
}

void TrayIcon::setNotificationPolicy(NotificationPolicy *policy)
{
    if (m_policy)
        disconnect(m_policy, nullptr, this, nullptr);
    m_policy = policy;
    if (!policy)
        return;
    policy->setEnabled(notificationsEnabled());
    connect(policy, &NotificationPolicy::notify, this, &TrayIcon::showNotification);
}

void TrayIcon::setNotificationSink(NotificationSink sink)
{
    m_sink = std::move(sink);
}

bool TrayIcon::notificationsEnabled() const
{
    return m_notificationsAction->isChecked();
}

void TrayIcon::setNotificationsEnabled(bool enabled)
{
    if (m_notificationsAction->isChecked() != enabled) {
        m_notificationsAction->setChecked(enabled); // toggled() brings us back here
        return;
    }
    if (m_policy)
        m_policy->setEnabled(enabled);
    if (m_settings->contains(EnabledKey) && m_settings->value(EnabledKey).toBool() == enabled)
        return; // nothing changed
    m_settings->setValue(EnabledKey, enabled);
    m_settings->sync();
    emit notificationsEnabledChanged(enabled);
}

void TrayIcon::showNotification(const QString &title, const QString &body, AttentionLevel level)
{
    if (!notificationsEnabled() || !m_sink)
        return;
    m_sink(title, body, level);
}

void TrayIcon::showMainWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::refresh()
{
    if (!m_rollup)
        return;
    const AttentionLevel level = m_rollup->worstLevel();
    QStringList worstTitles;
    for (const QString &key : m_rollup->worstSources()) {
        if (const auto item = m_rollup->source(key))
            worstTitles << item->title;
    }
    QString headline = worstTitles.isEmpty()
                           ? tr("Ops Console: %1", "worst level").arg(attentionLevelLabel(level))
                           : tr("Ops Console: %1 (%2)", "worst level (sources)")
                                 .arg(attentionLevelLabel(level), worstTitles.join(QStringLiteral(", ")));
    QStringList lines{headline};
    lines << m_rollup->summaryLines();
    const QString toolTip = lines.join(QLatin1Char('\n'));

    if (level != m_level || m_icon.isNull()) {
        m_level = level;
        QIcon icon;
        for (const int size : {16, 22, 24, 32, 48, 64})
            icon.addPixmap(paint(level, size));
        m_icon = icon;
        if (m_tray)
            m_tray->setIcon(m_icon);
    }
    if (toolTip != m_toolTip) {
        m_toolTip = toolTip;
        if (m_tray)
            m_tray->setToolTip(m_toolTip);
    }
}

QColor TrayIcon::colourOf(AttentionLevel level)
{
    return StatusStyle::of(colourStatus(level)).colour;
}

QPixmap TrayIcon::paint(AttentionLevel level, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF disc(0.5, 0.5, size - 1.0, size - 1.0);
    const QColor fill = colourOf(level);
    const QColor ink = glyphOn(fill);
    // A thin rim in the glyph's colour keeps the disc visible on a panel of the same hue.
    p.setPen(QPen(QColor(ink.red(), ink.green(), ink.blue(), 200), std::max(1.0, size / 16.0)));
    p.setBrush(fill);
    p.drawEllipse(disc);

    // The glyph, drawn as strokes so that it never depends on a font having the symbol.
    const qreal s = size;
    const qreal stroke = std::max(1.5, s / 8.0);
    QPen pen(ink, stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const auto at = [s](qreal x, qreal y) { return QPointF(x * s, y * s); };
    const auto dot = [&](qreal x, qreal y) {
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(at(x, y), stroke * 0.7, stroke * 0.7);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
    };
    switch (level) {
    case AttentionLevel::Ok: {
        QPainterPath tick;
        tick.moveTo(at(0.28, 0.52));
        tick.lineTo(at(0.44, 0.68));
        tick.lineTo(at(0.72, 0.34));
        p.drawPath(tick);
        break;
    }
    case AttentionLevel::Info:
        dot(0.5, 0.3);
        p.drawLine(at(0.5, 0.46), at(0.5, 0.72));
        break;
    case AttentionLevel::Warning:
        p.drawLine(at(0.5, 0.24), at(0.5, 0.56));
        dot(0.5, 0.72);
        break;
    case AttentionLevel::Critical:
        p.drawLine(at(0.32, 0.32), at(0.68, 0.68));
        p.drawLine(at(0.68, 0.32), at(0.32, 0.68));
        break;
    case AttentionLevel::Unknown: {
        QPainterPath question;
        question.moveTo(at(0.36, 0.36));
        question.cubicTo(at(0.36, 0.2), at(0.64, 0.2), at(0.64, 0.36));
        question.cubicTo(at(0.64, 0.46), at(0.5, 0.46), at(0.5, 0.58));
        p.drawPath(question);
        dot(0.5, 0.74);
        break;
    }
    }
    return pixmap;
}

} // namespace ops
