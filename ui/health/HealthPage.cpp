#include "health/HealthPage.h"

#include "health/HealthModel.h"
#include "health/HealthMonitor.h"
#include "health/LatencyChart.h"
#include "health/LatencyPercentiles.h"
#include "health/ServiceDetailDialog.h"
#include "health/ServiceTile.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

HealthPage::HealthPage(HealthMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_model(new HealthModel(monitor, this))
    , m_refresh(new QAction(tr("&Refresh now"), this))
    , m_pause(new QAction(tr("&Pause"), this))
    , m_countdown(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_grid(new QGridLayout)
    , m_chart(new LatencyChart(this))
{
    setAccessibleName(tr("System Health"));

    m_refresh->setShortcut(QKeySequence(Qt::Key_F5));
    m_refresh->setShortcutContext(Qt::WindowShortcut);
    m_refresh->setToolTip(tr("Refresh every tile now (F5)"));
    connect(m_refresh, &QAction::triggered, monitor, &HealthMonitor::refreshNow);
    m_pause->setShortcut(QKeySequence(Qt::Key_Space));
    m_pause->setShortcutContext(Qt::WindowShortcut);
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Pause or resume automatic refresh (Space)"));
    connect(m_pause, &QAction::toggled, monitor, &HealthMonitor::setPaused);
    connect(monitor, &HealthMonitor::pausedChanged, this, [this](bool paused) {
        m_pause->setChecked(paused);
        m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
        updateCountdown();
        updateBanner();
    });
    addAction(m_refresh);
    addAction(m_pause);

    auto *title = new QLabel(tr("System Health"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *refreshButton = new QToolButton(this);
    refreshButton->setDefaultAction(m_refresh);
    refreshButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    refreshButton->setAccessibleName(tr("Refresh now"));
    auto *pauseButton = new QToolButton(this);
    pauseButton->setDefaultAction(m_pause);
    pauseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    pauseButton->setAccessibleName(tr("Pause or resume automatic refresh"));
    m_countdown->setAccessibleName(tr("Next refresh"));
    m_countdown->setObjectName(QStringLiteral("countdown"));

    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_countdown);
    header->addWidget(refreshButton);
    header->addWidget(pauseButton);

    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setAccessibleName(tr("Data freshness"));
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setMargin(8);
    m_banner->hide();

    auto *tilesHost = new QWidget;
    auto *tilesLayout = new QVBoxLayout(tilesHost);
    tilesLayout->addLayout(m_grid);
    tilesLayout->addStretch();
    m_grid->setSpacing(10);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(tilesHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Service tiles"));

    for (int row = 0; row < m_model->rowCount(); ++row) {
        auto *tile = new ServiceTile(QPersistentModelIndex(m_model->index(row)), tilesHost);
        connect(tile, &ServiceTile::selected, this, &HealthPage::select);
        connect(tile, &ServiceTile::activated, this, &HealthPage::openDetails);
        m_tiles.append(tile);
    }
    for (int i = 1; i < m_tiles.size(); ++i)
        setTabOrder(m_tiles[i - 1], m_tiles[i]);
    layoutTiles();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(scroll);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        for (int row = from.row(); row <= to.row(); ++row)
            if (ServiceTile *t = m_tiles.value(row))
                t->refresh();
        if (m_selected >= from.row() && m_selected <= to.row())
            updateChart();
        updateBanner();
    });
    connect(monitor, &HealthMonitor::countdownChanged, this, [this] {
        updateCountdown();
        // A failed percentile query shows the age of what is still drawn: keep it current.
        if (m_percentiles && m_percentiles->state() == LatencyPercentiles::State::Failed)
            updateChart();
    });
    connect(monitor, &HealthMonitor::refreshStarted, this, &HealthPage::updateCountdown);
    connect(monitor, &HealthMonitor::refreshFinished, this, [this] {
        updateCountdown();
        updateBanner();
    });
    select(0);
    updateCountdown();
    updateBanner();
}

ServiceTile *HealthPage::tile(const QString &name) const
{
    const int row = m_monitor->rowOf(name);
    return row >= 0 ? m_tiles.value(row) : nullptr;
}

QString HealthPage::countdownText() const { return m_countdown->text(); }
QString HealthPage::bannerText() const { return m_banner->text(); }
bool HealthPage::isBannerShown() const { return !m_banner->isHidden(); }

void HealthPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutTiles();
}

void HealthPage::layoutTiles()
{
    const int columns = std::clamp(width() / 300, 1, 4);
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (ServiceTile *t : std::as_const(m_tiles))
        m_grid->removeWidget(t);
    for (int i = 0; i < m_tiles.size(); ++i)
        m_grid->addWidget(m_tiles[i], i / columns, i % columns);
}

void HealthPage::select(int row)
{
    if (row < 0 || row >= m_tiles.size())
        return;
    m_selected = row;
    for (int i = 0; i < m_tiles.size(); ++i)
        m_tiles[i]->setSelected(i == row);
    updateChart();
}

void HealthPage::openDetails(int row)
{
    auto *dialog = new ServiceDetailDialog(m_monitor, row, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HealthPage::setPrometheus(PrometheusClient *client)
{
    if (m_percentiles && m_percentiles->client() == client)
        return;
    delete m_percentiles; // its answers still in flight die with it
    m_percentiles = nullptr;
    if (client) {
        m_percentiles = new LatencyPercentiles(client, m_monitor->clock(), this);
        connect(m_percentiles, &LatencyPercentiles::changed, this, &HealthPage::updateChart);
        // Aligned with the health refresh (timer, F5, resume): one refresh, one round of queries.
        connect(m_monitor, &HealthMonitor::refreshStarted, m_percentiles, &LatencyPercentiles::refresh);
    }
    updateChart();
}

void HealthPage::updateChart()
{
    if (m_updatingChart)
        return;
    m_updatingChart = true;
    const QString name = m_monitor->entryName(m_selected);
    const bool percentiles = m_percentiles && m_percentiles->isConfigured()
                             && m_monitor->entryKind(m_selected) == HealthMonitor::EntryKind::Service;
    if (percentiles) {
        m_percentiles->setService(name); // drops answers still in flight for another tile
        m_chart->setPercentiles(name, *m_percentiles);
    } else {
        if (m_percentiles)
            m_percentiles->setService({});
        m_chart->setHistory(name, m_monitor->latencyHistory(m_selected));
    }
    m_updatingChart = false;
}

void HealthPage::updateCountdown()
{
    QString text;
    if (m_monitor->isPaused())
        text = tr("Auto-refresh PAUSED");
    else if (m_monitor->isRefreshing())
        text = tr("Refreshing…");
    else if (const int s = m_monitor->secondsUntilRefresh(); s >= 0)
        text = tr("Next refresh in %n s", nullptr, s);
    m_countdown->setText(text);
}

void HealthPage::updateBanner()
{
    QStringList lines;
    QString style;
    if (m_monitor->isPaused()) {
        lines << tr("PAUSED — automatic refresh is stopped and the data below is not updating. Press Space to resume.");
        style = QStringLiteral("background: #fff3cd; color: #5d4200; border: 2px solid #b26a00; font-weight: bold;");
    }
    const int stale = m_monitor->staleOrUnreachableCount();
    if (stale > 0) {
        const QDateTime last = m_monitor->lastFullySuccessfulRefresh();
        const QString when = last.isValid()
                                 ? tr("last fully successful refresh at %1 (%n s ago)", nullptr,
                                      int(last.secsTo(m_monitor->clock().nowUtc())))
                                       .arg(QLocale().toString(last.toLocalTime().time(), QStringLiteral("HH:mm:ss")))
                                 : tr("no fully successful refresh yet");
        lines << tr("%n tile(s) show stale or unreachable data; %1.", nullptr, stale).arg(when);
        if (style.isEmpty())
            style = QStringLiteral("background: #eeeeee; color: #212121; border: 2px solid #757575; font-weight: bold;");
    }
    m_banner->setText(lines.join(QLatin1Char('\n')));
    m_banner->setStyleSheet(style);
    m_banner->setVisible(!lines.isEmpty());
}

} // namespace ops
