#include "shell/MainWindow.h"

#include "health/HealthMonitor.h"
#include "health/HealthPage.h"
#include "shell/EnvironmentBanner.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QHBoxLayout>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace ops {

MainWindow::MainWindow(const ConnectionProfile &profile, HealthMonitor *monitor, QWidget *parent)
    : QMainWindow(parent)
    , m_profile(profile)
    , m_monitor(monitor)
    , m_banner(new EnvironmentBanner(profile, this))
    , m_nav(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_healthPage(new HealthPage(monitor, this))
    , m_statusRefresh(new QLabel(this))
{
    const QString env = profile.environment.isEmpty() ? profile.name : profile.environment;
    setWindowTitle(profile.isProduction() ? tr("Ops Console — PRODUCTION (%1)").arg(profile.name)
                                          : tr("Ops Console — %1").arg(env));
    resize(1280, 820);

    m_nav->setAccessibleName(tr("Pages"));
    m_nav->setFocusPolicy(Qt::StrongFocus);
    connect(m_nav, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    addPage(m_healthPage, tr("System Health"), QKeySequence(Qt::CTRL | Qt::Key_1));
    m_nav->setCurrentRow(0);

    m_nav->setFixedWidth(190);
    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(m_nav);
    body->addWidget(m_pages, 1);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_healthPage->refreshAction());
    view->addAction(m_healthPage->pauseAction());
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Ops Console"), this, [this] {
        QMessageBox::about(this, tr("About Ops Console"),
                           tr("Ops Console %1\nA desktop console for operators of trading and risk platforms.")
                               .arg(QCoreApplication::applicationVersion()));
    });

    auto *envLabel = new QLabel(tr("Environment: %1").arg(env), this);
    envLabel->setAccessibleName(tr("Environment"));
    m_statusRefresh->setAccessibleName(tr("Refresh state"));
    statusBar()->addWidget(envLabel);
    statusBar()->addPermanentWidget(m_statusRefresh);
    connect(monitor, &HealthMonitor::refreshFinished, this, &MainWindow::updateStatus);
    connect(monitor, &HealthMonitor::pausedChanged, this, &MainWindow::updateStatus);
    updateStatus();
}

void MainWindow::addPage(QWidget *page, const QString &title, const QKeySequence &shortcut)
{
    const int index = m_pages->addWidget(page);
    auto *item = new QListWidgetItem(title, m_nav);
    item->setToolTip(tr("%1 (%2)").arg(title, shortcut.toString(QKeySequence::NativeText)));
    auto *go = new QAction(title, this);
    go->setShortcut(shortcut);
    connect(go, &QAction::triggered, this, [this, index] { m_nav->setCurrentRow(index); });
    addAction(go);
}

QString MainWindow::statusText() const { return m_statusRefresh->text(); }

void MainWindow::updateStatus()
{
    const QDateTime last = m_monitor->lastFullySuccessfulRefresh();
    QString text = last.isValid()
                       ? tr("Last full refresh %1").arg(QLocale().toString(last.toLocalTime().time(), QStringLiteral("HH:mm:ss")))
                       : tr("No full refresh yet");
    if (m_monitor->isPaused())
        text = tr("PAUSED — %1").arg(text);
    m_statusRefresh->setText(text);
}

} // namespace ops
