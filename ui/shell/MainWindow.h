#pragma once

#include "profiles/ConnectionProfile.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace ops {

class EnvironmentBanner;
class HealthMonitor;
class HealthPage;

// The console's window: the environment banner on top, page navigation on the left, the
// current page in the middle, and a status bar with the environment and refresh state.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(const ConnectionProfile &profile, HealthMonitor *monitor, QWidget *parent = nullptr);

    [[nodiscard]] HealthPage *healthPage() const { return m_healthPage; }
    [[nodiscard]] EnvironmentBanner *environmentBanner() const { return m_banner; }
    [[nodiscard]] QString statusText() const;

private:
    void addPage(QWidget *page, const QString &title, const QKeySequence &shortcut);
    void updateStatus();

    ConnectionProfile m_profile;
    HealthMonitor *m_monitor;
    EnvironmentBanner *m_banner;
    QListWidget *m_nav;
    QStackedWidget *m_pages;
    HealthPage *m_healthPage;
    QLabel *m_statusRefresh;
};

} // namespace ops
