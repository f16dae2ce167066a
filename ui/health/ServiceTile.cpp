#include "health/ServiceTile.h"

#include "common/StatusStyle.h"
#include "health/HealthModel.h"

#include <QDateTime>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>

namespace ops {

ServiceTile::ServiceTile(const QPersistentModelIndex &index, QWidget *parent)
    : QFrame(parent)
    , m_index(index)
    , m_icon(new QLabel(this))
    , m_name(new QLabel(this))
    , m_status(new QLabel(this))
    , m_details(new QLabel(this))
    , m_summary(new QLabel(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(250, 128);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setObjectName(QStringLiteral("tile_") + index.data(HealthModel::NameRole).toString());

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(16, 10, 10, 10);
    grid->setHorizontalSpacing(8);
    grid->addWidget(m_icon, 0, 0, 2, 1, Qt::AlignTop);
    grid->addWidget(m_name, 0, 1);
    grid->addWidget(m_status, 1, 1);
    grid->addWidget(m_details, 2, 0, 1, 2);
    grid->addWidget(m_summary, 3, 0, 1, 2);
    grid->setColumnStretch(1, 1);

    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.1);
    m_name->setFont(nameFont);
    QFont statusFont = m_status->font();
    statusFont.setBold(true);
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.25);
    m_status->setFont(statusFont);
    m_details->setTextFormat(Qt::PlainText);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_name->setObjectName(QStringLiteral("name"));
    m_status->setObjectName(QStringLiteral("status"));
    m_details->setObjectName(QStringLiteral("details"));
    m_summary->setObjectName(QStringLiteral("summary"));
    refresh();
}

QString ServiceTile::statusText() const { return m_status->text(); }
QString ServiceTile::summaryText() const { return m_summary->text(); }
QString ServiceTile::detailText() const { return m_details->text(); }

void ServiceTile::refresh()
{
    if (!m_index.isValid())
        return;
    const auto status = HealthStatus(m_index.data(HealthModel::StatusRole).toInt());
    const StatusStyle style = StatusStyle::of(status);
    m_stripe = style.colour;
    m_background = style.background;
    m_icon->setPixmap(StatusStyle::icon(status, 28, devicePixelRatioF()));
    const QString name = m_index.data(HealthModel::NameRole).toString();
    m_name->setText(name);
    const QString label = m_index.data(HealthModel::StatusLabelRole).toString();
    m_status->setText(label.toUpper());
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(style.colour.name()));

    QStringList parts;
    const QVariant ms = m_index.data(HealthModel::ResponseMsRole);
    parts << (ms.isValid() ? tr("%1 ms").arg(ms.toInt()) : tr("— ms"));
    const QString version = m_index.data(HealthModel::VersionRole).toString();
    parts << (version.isEmpty() ? tr("version —") : tr("v%1").arg(version));
    const QDateTime lastOp = m_index.data(HealthModel::LastOperationRole).toDateTime();
    parts << (lastOp.isValid() ? tr("last op %1").arg(QLocale().toString(lastOp.toLocalTime().time(), QStringLiteral("HH:mm:ss")))
                               : tr("last op —"));
    m_details->setText(parts.join(QStringLiteral("  ·  ")));

    const QString summary = m_index.data(HealthModel::SummaryRole).toString();
    const QString error = m_index.data(HealthModel::ErrorRole).toString();
    m_summary->setText(error.isEmpty() ? summary : summary + QLatin1Char('\n') + error);
    const bool dimmed = status == HealthStatus::Stale || status == HealthStatus::Unreachable;
    m_details->setStyleSheet(dimmed ? QStringLiteral("color: #616161;") : QString());

    setAccessibleName(tr("%1: %2").arg(name, label));
    setAccessibleDescription(m_summary->text() + QLatin1Char('\n') + m_details->text());
    setToolTip(m_index.data(Qt::ToolTipRole).toString());
    update();
}

void ServiceTile::setSelected(bool selected)
{
    m_selected = selected;
    update();
}

void ServiceTile::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        emit activated(row());
        return;
    }
    QFrame::keyPressEvent(event);
}

void ServiceTile::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    emit selected(row());
    QFrame::mousePressEvent(event);
}

void ServiceTile::mouseDoubleClickEvent(QMouseEvent *)
{
    emit activated(row());
}

void ServiceTile::focusInEvent(QFocusEvent *event)
{
    emit selected(row());
    QFrame::focusInEvent(event);
}

void ServiceTile::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.setPen(QPen(m_selected || hasFocus() ? palette().highlight().color() : QColor(0xbd, 0xbd, 0xbd),
                  m_selected || hasFocus() ? 2.5 : 1));
    p.setBrush(m_background);
    p.drawRoundedRect(r, 6, 6);
    p.setPen(Qt::NoPen);
    p.setBrush(m_stripe);
    p.drawRoundedRect(QRectF(r.left(), r.top(), 8, r.height()), 4, 4);
}

} // namespace ops
