#pragma once

#include "core/Clock.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace ops {

class AcknowledgeDialog;
class AlertService;
class AlertsClient;
class DeliveryHistoryModel;
class PoisonQueueModel;
class RetryConfirmDialog;
class Session;

// Alerts: three tabs.
// - Poison queue (PostgreSQL, read-only role, off the GUI thread): channel, masked recipient,
//   error, attempts "2/3", poisoned at; select one or more, "Retry selected…" confirms with the
//   count and the channels, sends one request per delivery and reports each outcome.
// - Delivery history (PostgreSQL): every delivery, newest first, filtered by status and channel.
// - Open events (REST): "Acknowledge…" with a note of at least 15 visible characters.
// Everyone who may see alerts sees all of it; the buttons need alerts:retry / alerts:acknowledge
// (operators and admins) and say so in their tooltip. Read every 10 s while shown, and on F5.
class AlertsPage final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshIntervalMs = 10000;

    AlertsPage(AlertsClient *client, Session *session, const Clock &clock = Clock::system(),
               QWidget *parent = nullptr);
    ~AlertsPage() override;

    // The alert_deliveries reader (read-only role); replaced when the PostgreSQL password changes,
    // nullptr when the profile has no database. The page does not own it.
    void setService(AlertService *service);

    // Reads all three lists now (F5, the Refresh button, and every 10 s while shown).
    void refresh();
    void openRetryDialog();       // for the selected poison rows
    void openAcknowledgeDialog(); // for the selected event

    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] QTableView *poisonView() const { return m_poisonView; }
    [[nodiscard]] QTableView *historyView() const { return m_historyView; }
    [[nodiscard]] QTableView *eventsView() const { return m_eventsView; }
    [[nodiscard]] PoisonQueueModel *poisonModel() const { return m_poison; }
    [[nodiscard]] DeliveryHistoryModel *historyModel() const { return m_history; }
    [[nodiscard]] QPushButton *retryButton() const { return m_retry; }
    [[nodiscard]] QPushButton *acknowledgeButton() const { return m_acknowledge; }
    [[nodiscard]] QPushButton *refreshButton() const { return m_refresh; }
    [[nodiscard]] QComboBox *statusFilter() const { return m_statusFilter; }
    [[nodiscard]] QComboBox *channelFilter() const { return m_channelFilter; }
    [[nodiscard]] RetryConfirmDialog *activeRetryDialog() const;
    [[nodiscard]] AcknowledgeDialog *activeAcknowledgeDialog() const;
    [[nodiscard]] bool isAutoRefreshing() const { return m_timer.isActive(); }
    [[nodiscard]] QString poisonStatusText() const;
    [[nodiscard]] QString poisonEmptyText() const; // empty unless the empty state is shown
    [[nodiscard]] QString retryResultText() const;
    [[nodiscard]] QString historyStatusText() const;
    [[nodiscard]] QString eventsStatusText() const;
    [[nodiscard]] QString eventsResultText() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildPoisonTab();
    QWidget *buildHistoryTab();
    QWidget *buildEventsTab();
    void updatePoison();
    void updateHistory();
    void updateEvents();
    void updateActions();
    void applyHistoryFilter();
    // Enabled when the state allows it and the signed-in user has the permission; the tooltip
    // says which of the two is missing.
    void gate(QPushButton *button, bool stateAllows, const QString &stateWhy, const QString &permission);

    QPointer<AlertsClient> m_client;
    QPointer<Session> m_session;
    const Clock &m_clock;
    QPointer<AlertService> m_service;
    PoisonQueueModel *m_poison;
    DeliveryHistoryModel *m_history;
    QTimer m_timer;
    QAction *m_refreshAction;

    QTabWidget *m_tabs = nullptr;
    QLabel *m_lastRead = nullptr;
    QPushButton *m_refresh = nullptr;
    // Poison queue
    QLabel *m_poisonCount = nullptr;
    QLabel *m_poisonError = nullptr;
    QStackedWidget *m_poisonStack = nullptr;
    QTableView *m_poisonView = nullptr;
    QLabel *m_poisonEmpty = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_retryResult = nullptr;
    QPointer<RetryConfirmDialog> m_retryDialog;
    // History
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_channelFilter = nullptr;
    QLabel *m_historyStatus = nullptr;
    QTableView *m_historyView = nullptr;
    // Events
    QLabel *m_eventsStatus = nullptr;
    QTableView *m_eventsView = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QLabel *m_eventsResult = nullptr;
    QPointer<AcknowledgeDialog> m_ackDialog;
};

} // namespace ops
