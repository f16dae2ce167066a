#include "sla/SlaPanel.h"

#include "common/Labels.h"
#include "common/StatusStyle.h"
#include "sla/SlaChart.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ops {

SlaPanel::SlaPanel(SlaMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_model(new SlaModel(monitor, this))
    , m_source(labels::selectable(this, QStringLiteral("slaSource"), tr("Prometheus source")))
    , m_refresh(new QPushButton(tr("&Refresh now"), this))
    , m_stack(new QStackedWidget(this))
    , m_cardsPage(new QWidget)
    , m_notConfigured(labels::wrapped({}, this, QStringLiteral("slaNotConfigured")))
{
    setObjectName(QStringLiteral("slaPanel"));
    setAccessibleName(tr("Service level targets"));
    m_model->setColourProvider([](HealthStatus s) { return QVariant(StatusStyle::of(s).colour); });

    auto *heading = new QLabel(tr("Service level targets"), this);
    heading->setObjectName(QStringLiteral("slaHeading"));
    heading->setAccessibleName(tr("Service level targets"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_refresh->setObjectName(QStringLiteral("slaRefresh"));
    m_refresh->setAccessibleName(tr("Refresh now"));
    m_refresh->setToolTip(tr("Ask Prometheus again now (F5)"));
    connect(m_refresh, &QPushButton::clicked, this, &SlaPanel::refreshNow);
    auto *f5 = new QShortcut(QKeySequence(Qt::Key_F5), this);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f5, &QShortcut::activated, this, &SlaPanel::refreshNow);

    auto *header = new QHBoxLayout;
    header->addWidget(heading);
    header->addStretch(1);
    header->addWidget(m_refresh);

    // One card per target, two by two.
    auto *grid = new QGridLayout(m_cardsPage);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(10);
    const QList<SlaTarget> &targets = monitor->targets();
    for (int row = 0; row < targets.size(); ++row) {
        const SlaTarget &target = targets.at(row);
        Card c;
        c.frame = new QFrame(m_cardsPage);
        c.frame->setObjectName(QStringLiteral("slaCard_%1").arg(target.key));
        c.frame->setFrameShape(QFrame::StyledPanel);
        c.frame->setFocusPolicy(Qt::TabFocus); // a screen reader can step from card to card
        c.frame->setAccessibleName(target.title());
        c.title = labels::wrapped(target.title(), c.frame, QStringLiteral("slaTitle"));
        c.title->setAccessibleName(tr("%1: target").arg(target.title()));
        QFont titleFont = c.title->font();
        titleFont.setBold(true);
        c.title->setFont(titleFont);
        c.value = labels::selectable(c.frame, QStringLiteral("slaValue"), tr("%1: current value").arg(target.title()));
        QFont big = c.value->font();
        big.setPointSizeF(big.pointSizeF() * 2.0);
        big.setBold(true);
        c.value->setFont(big);
        c.target = labels::wrapped(tr("target %1").arg(target.targetText()), c.frame, QStringLiteral("slaTarget"));
        c.target->setAccessibleName(tr("%1: objective").arg(target.title()));
        c.icon = new QLabel(c.frame);
        c.icon->setObjectName(QStringLiteral("slaIcon"));
        c.icon->setAccessibleName(tr("%1: status icon").arg(target.title()));
        c.icon->setFixedSize(18, 18);
        c.status = labels::selectable(c.frame, QStringLiteral("slaStatus"), tr("%1: status").arg(target.title()));
        c.status->setFont(titleFont);
        c.detail = labels::selectable(c.frame, QStringLiteral("slaDetail"), tr("%1: updated").arg(target.title()));
        c.chart = new SlaChart(target, c.frame);
        c.chart->setObjectName(QStringLiteral("slaChart_%1").arg(target.key));

        auto *statusRow = new QHBoxLayout;
        statusRow->addWidget(c.icon);
        statusRow->addWidget(c.status, 1);
        auto *top = new QHBoxLayout;
        top->addWidget(c.value, 1);
        top->addLayout(statusRow);
        auto *layout = new QVBoxLayout(c.frame);
        layout->addWidget(c.title);
        layout->addLayout(top);
        layout->addWidget(c.target);
        layout->addWidget(c.detail);
        layout->addWidget(c.chart, 1);
        grid->addWidget(c.frame, row / 2, row % 2);
        m_cards.append(c);
    }

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("slaScroll"));
    scroll->setAccessibleName(tr("Service level target cards"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_cardsPage);

    m_notConfigured->setAccessibleName(tr("Prometheus not configured"));
    m_notConfigured->setAlignment(Qt::AlignCenter);
    m_notConfigured->setText(tr("Prometheus not configured for this profile.\n"
                                "Add its address (prometheus_url) to the connection profile to see the service "
                                "level targets."));
    m_notConfigured->setStyleSheet(QStringLiteral("QLabel { border: 2px dashed #9e9e9e; padding: 24px; }"));

    m_stack->setObjectName(QStringLiteral("slaStack"));
    m_stack->addWidget(scroll);
    m_stack->addWidget(m_notConfigured);

    m_source->setObjectName(QStringLiteral("slaSource"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_source);
    layout->addWidget(m_stack, 1);

    setTabOrder(m_refresh, m_cards.isEmpty() ? m_refresh : static_cast<QWidget *>(m_cards.first().frame));
    for (int i = 1; i < m_cards.size(); ++i)
        setTabOrder(m_cards.at(i - 1).frame, m_cards.at(i).frame);

    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                    updateCard(row);
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &SlaPanel::updateAll);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, m_model, &SlaModel::refreshAges);
    m_tick.start();
    updateAll();
}

void SlaPanel::refreshNow()
{
    m_monitor->refreshNow();
}

void SlaPanel::updateSource()
{
    const bool configured = m_monitor->isConfigured();
    m_source->setText(configured ? tr("From Prometheus at %1, every %2 s; charts show the last hour.")
                                       .arg(m_monitor->prometheusUrl().toDisplayString(QUrl::RemoveUserInfo))
                                       .arg(m_monitor->intervalMs() / 1000)
                                 : QString());
    m_source->setVisible(configured);
    m_refresh->setEnabled(configured);
    m_stack->setCurrentWidget(configured ? m_stack->widget(0) : m_notConfigured);
}

void SlaPanel::updateAll()
{
    updateSource();
    for (int row = 0; row < m_cards.size(); ++row)
        updateCard(row);
}

void SlaPanel::updateCard(int row)
{
    if (row < 0 || row >= m_cards.size())
        return;
    Card &c = m_cards[row];
    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return m_model->data(m_model->index(row, column), role);
    };
    const auto status = SlaStatus(cell(0, SlaModel::StatusRole).toInt());
    const auto health = HealthStatus(cell(0, SlaModel::HealthStatusRole).toInt());
    const StatusStyle style = StatusStyle::of(health);
    c.colour = style.colour;

    c.value->setText(cell(SlaModel::ValueColumn).toString());
    // A value kept after a failure is old: shown in grey so it does not pass for a fresh one.
    c.value->setStyleSheet(status == SlaStatus::QueryFailed ? QStringLiteral("QLabel { color: #757575; }") : QString());
    c.status->setText(cell(SlaModel::StatusColumn).toString());
    c.status->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(style.colour.name()));
    c.icon->setPixmap(StatusStyle::icon(health, 18, devicePixelRatioF()));
    c.detail->setText(cell(SlaModel::UpdatedColumn).toString());
    c.detail->setStyleSheet(status == SlaStatus::QueryFailed
                                ? QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(style.colour.name())
                                : QString());
    c.frame->setStyleSheet(QStringLiteral("QFrame#%1 { border-left: 5px solid %2; background: %3; }")
                               .arg(c.frame->objectName(), style.colour.name(), style.background.name()));
    c.frame->setAccessibleDescription(cell(0, Qt::AccessibleDescriptionRole).toString());
    c.frame->setToolTip(c.frame->accessibleDescription());
    c.chart->setReading(m_monitor->reading(row), m_monitor->clock().nowUtc());
}

QWidget *SlaPanel::card(int row) const { return m_cards.value(row).frame; }
QString SlaPanel::titleText(int row) const { return m_cards.value(row).title ? m_cards.value(row).title->text() : QString(); }
QString SlaPanel::valueText(int row) const { return m_cards.value(row).value ? m_cards.value(row).value->text() : QString(); }
QString SlaPanel::targetText(int row) const { return m_cards.value(row).target ? m_cards.value(row).target->text() : QString(); }
QString SlaPanel::statusText(int row) const { return m_cards.value(row).status ? m_cards.value(row).status->text() : QString(); }
QColor SlaPanel::statusColour(int row) const { return m_cards.value(row).colour; }
QString SlaPanel::detailText(int row) const { return m_cards.value(row).detail ? m_cards.value(row).detail->text() : QString(); }
SlaChart *SlaPanel::chart(int row) const { return m_cards.value(row).chart; }
bool SlaPanel::isNotConfiguredShown() const { return m_stack->currentWidget() == m_notConfigured; }
QString SlaPanel::notConfiguredText() const { return isNotConfiguredShown() ? m_notConfigured->text() : QString(); }

} // namespace ops
