#include "alerts/AlertsPage.h"

#include "alerts/AcknowledgeDialog.h"
#include "alerts/AlertEventsModel.h"
#include "alerts/AlertReader.h"
#include "alerts/AlertsClient.h"
#include "alerts/DeliveryModels.h"
#include "alerts/RetryConfirmDialog.h"
#include "auth/Session.h"
#include "common/Labels.h"
#include "core/TimeText.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace ops {

namespace {

const QString kRetryPermission = QStringLiteral("alerts:retry");
const QString kAcknowledgePermission = QStringLiteral("alerts:acknowledge");

const QString kErrorStyle = QStringLiteral("color: #b71c1c;");
const QString kGoodStyle = QStringLiteral("color: #1b5e20;");

QTableView *makeTable(QWidget *parent, const QString &objectName, const QString &accessibleName,
                      QAbstractItemView::SelectionMode mode)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(mode);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

AlertsPage::AlertsPage(AlertsClient *client, Session *session, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_clock(clock)
    , m_poison(new PoisonQueueModel(this))
    , m_history(new DeliveryHistoryModel(this))
    , m_refreshAction(new QAction(tr("Re&fresh"), this))
{
    setObjectName(QStringLiteral("alertsPage"));
    setAccessibleName(tr("Alerts"));

    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setShortcutContext(Qt::WindowShortcut); // only while this page is shown
    connect(m_refreshAction, &QAction::triggered, this, &AlertsPage::refresh);
    addAction(m_refreshAction);
    m_timer.setInterval(RefreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &AlertsPage::refresh);

    auto *title = new QLabel(tr("Alerts"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_lastRead = labels::selectable(this, QStringLiteral("lastRead"), tr("Last read"));
    m_refresh = new QPushButton(tr("Re&fresh"), this);
    m_refresh->setObjectName(QStringLiteral("refresh"));
    m_refresh->setAccessibleName(tr("Refresh alerts"));
    m_refresh->setToolTip(tr("Read the poison queue, the delivery history and the events now (F5). They are also "
                             "read every %1 s while this page is shown.")
                              .arg(RefreshIntervalMs / 1000));
    m_refresh->setAutoDefault(false);
    connect(m_refresh, &QPushButton::clicked, this, &AlertsPage::refresh);

    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(12);
    header->addWidget(m_lastRead, 1);
    header->addWidget(m_refresh);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("alertTabs"));
    m_tabs->setAccessibleName(tr("Alert sections"));
    m_tabs->addTab(buildPoisonTab(), tr("&Poison queue"));
    m_tabs->addTab(buildHistoryTab(), tr("Delivery &history"));
    m_tabs->addTab(buildEventsTab(), tr("Open &events"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    connect(m_poison, &DeliveryTableModel::loaded, this, [this] {
        if (!m_poison->error().isError())
            m_lastRead->setText(tr("Last read at %1 · read every %2 s while shown")
                                    .arg(timetext::local(m_clock.nowUtc()))
                                    .arg(RefreshIntervalMs / 1000));
        updatePoison();
    });
    connect(m_poison, &DeliveryTableModel::errorChanged, this, &AlertsPage::updatePoison);
    connect(m_poison, &QAbstractItemModel::rowsInserted, this, &AlertsPage::updatePoison);
    connect(m_poison, &QAbstractItemModel::rowsRemoved, this, &AlertsPage::updatePoison);
    connect(m_poison, &QAbstractItemModel::modelReset, this, &AlertsPage::updatePoison);
    connect(m_history, &DeliveryTableModel::loaded, this, &AlertsPage::updateHistory);
    connect(m_history, &DeliveryTableModel::errorChanged, this, &AlertsPage::updateHistory);
    connect(m_history, &QAbstractItemModel::modelReset, this, &AlertsPage::updateHistory);
    if (client) {
        connect(client, &AlertsClient::eventsRefreshed, this, &AlertsPage::updateEvents);
        connect(client, &AlertsClient::retryingChanged, this, &AlertsPage::updateActions);
        connect(client->eventsModel(), &QAbstractItemModel::rowsRemoved, this, &AlertsPage::updateEvents);
        connect(client->eventsModel(), &QAbstractItemModel::rowsInserted, this, &AlertsPage::updateEvents);
        connect(client->eventsModel(), &QAbstractItemModel::dataChanged, this, &AlertsPage::updateActions);
    }
    if (session) {
        connect(session, &Session::signedIn, this, [this] {
            updateActions();
            if (isVisible())
                refresh();
        });
        connect(session, &Session::signedOut, this, &AlertsPage::updateActions);
    }
    setService(nullptr);
    updateEvents();
}

RetryConfirmDialog *AlertsPage::activeRetryDialog() const
{
    return m_retryDialog;
}

AcknowledgeDialog *AlertsPage::activeAcknowledgeDialog() const
{
    return m_ackDialog;
}

AlertsPage::~AlertsPage() = default;

QWidget *AlertsPage::buildPoisonTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("poisonTab"));
    m_poisonCount = labels::selectable(tab, QStringLiteral("poisonCount"), tr("Poison queue size"));
    m_poisonError = labels::selectable(tab, QStringLiteral("poisonError"), tr("Poison queue problem"));
    m_poisonError->setStyleSheet(kErrorStyle);
    m_poisonError->hide();

    m_poisonView = makeTable(tab, QStringLiteral("poisonQueue"), tr("Poisoned deliveries"),
                             QAbstractItemView::ExtendedSelection);
    m_poisonView->setModel(m_poison);
    m_poisonView->horizontalHeader()->setSectionResizeMode(PoisonQueueModel::Error, QHeaderView::Stretch);
    m_poisonView->horizontalHeader()->setStretchLastSection(false);
    m_poisonEmpty = labels::wrapped(tr("No poisoned deliveries — all alerts are being delivered"), tab,
                                    QStringLiteral("poisonEmpty"));
    m_poisonEmpty->setAccessibleName(tr("Poison queue is empty"));
    m_poisonEmpty->setAlignment(Qt::AlignCenter);
    m_poisonEmpty->setStyleSheet(kGoodStyle + QStringLiteral(" font-size: 14pt;"));
    m_poisonStack = new QStackedWidget(tab);
    m_poisonStack->addWidget(m_poisonView);
    m_poisonStack->addWidget(m_poisonEmpty);

    m_retry = new QPushButton(tr("&Retry selected…"), tab);
    m_retry->setObjectName(QStringLiteral("retrySelected"));
    m_retry->setAccessibleName(tr("Retry selected deliveries"));
    m_retry->setAutoDefault(false);
    connect(m_retry, &QPushButton::clicked, this, &AlertsPage::openRetryDialog);
    m_retryResult = labels::selectable(tab, QStringLiteral("retryResult"), tr("Result of the last retry"));
    m_retryResult->hide();

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_poisonCount, 1);
    actions->addWidget(m_retry);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(actions);
    layout->addWidget(m_poisonError);
    layout->addWidget(m_retryResult);
    layout->addWidget(m_poisonStack, 1);

    connect(m_poisonView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPage::updateActions);
    return tab;
}

QWidget *AlertsPage::buildHistoryTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("historyTab"));
    m_statusFilter = new QComboBox(tab);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->addItem(tr("All statuses"), QString());
    for (const QString &s : AlertDeliveryText::statuses())
        m_statusFilter->addItem(AlertDeliveryText::statusTitle(s), s);
    m_channelFilter = new QComboBox(tab);
    m_channelFilter->setObjectName(QStringLiteral("channelFilter"));
    m_channelFilter->setAccessibleName(tr("Channel filter"));
    m_channelFilter->addItem(tr("All channels"), QString());
    for (const QString &c : AlertDeliveryText::channels())
        m_channelFilter->addItem(AlertDeliveryText::channelTitle(c), c);
    auto *statusLabel = new QLabel(tr("&Status:"), tab);
    statusLabel->setBuddy(m_statusFilter);
    auto *channelLabel = new QLabel(tr("Cha&nnel:"), tab);
    channelLabel->setBuddy(m_channelFilter);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &AlertsPage::applyHistoryFilter);
    connect(m_channelFilter, &QComboBox::currentIndexChanged, this, &AlertsPage::applyHistoryFilter);

    m_historyStatus = labels::selectable(tab, QStringLiteral("historyStatus"), tr("Delivery history state"));
    m_historyView = makeTable(tab, QStringLiteral("deliveryHistory"), tr("Delivery history"),
                              QAbstractItemView::SingleSelection);
    m_historyView->setModel(m_history);

    auto *filters = new QHBoxLayout;
    filters->addWidget(statusLabel);
    filters->addWidget(m_statusFilter);
    filters->addSpacing(12);
    filters->addWidget(channelLabel);
    filters->addWidget(m_channelFilter);
    filters->addStretch(1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(filters);
    layout->addWidget(m_historyStatus);
    layout->addWidget(m_historyView, 1);
    return tab;
}

QWidget *AlertsPage::buildEventsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("eventsTab"));
    m_eventsStatus = labels::selectable(tab, QStringLiteral("eventsStatus"), tr("Open events state"));
    m_eventsView = makeTable(tab, QStringLiteral("openEvents"), tr("Open alert events"),
                             QAbstractItemView::SingleSelection);
    if (m_client) {
        m_eventsView->setModel(m_client->eventsModel());
        m_eventsView->horizontalHeader()->setSectionResizeMode(AlertEventsModel::Message, QHeaderView::Stretch);
        m_eventsView->horizontalHeader()->setStretchLastSection(false);
        connect(m_eventsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &AlertsPage::updateActions);
    }
    connect(m_eventsView, &QTableView::activated, this, &AlertsPage::openAcknowledgeDialog);
    m_acknowledge = new QPushButton(tr("&Acknowledge…"), tab);
    m_acknowledge->setObjectName(QStringLiteral("acknowledge"));
    m_acknowledge->setAccessibleName(tr("Acknowledge the selected event"));
    m_acknowledge->setAutoDefault(false);
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertsPage::openAcknowledgeDialog);
    m_eventsResult = labels::selectable(tab, QStringLiteral("eventsResult"), tr("Result of the last acknowledgement"));
    m_eventsResult->hide();

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_eventsStatus, 1);
    actions->addWidget(m_acknowledge);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(actions);
    layout->addWidget(m_eventsResult);
    layout->addWidget(m_eventsView, 1);
    return tab;
}

void AlertsPage::setService(AlertService *service)
{
    m_service = service;
    m_poison->setService(service);
    m_history->setService(service);
    if (service && isVisible()) {
        m_poison->refresh();
        m_history->refresh();
    }
    updatePoison();
    updateHistory();
}

void AlertsPage::refresh()
{
    m_poison->refresh();
    m_history->refresh();
    if (m_client)
        m_client->listEvents();
}

void AlertsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void AlertsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void AlertsPage::applyHistoryFilter()
{
    m_history->setFilter(m_channelFilter->currentData().toString(), m_statusFilter->currentData().toString());
    updateHistory();
}

void AlertsPage::updatePoison()
{
    const qsizetype shown = m_poison->rowCount();
    QString count;
    if (!m_service)
        count = tr("Poison queue: not connected to the database.");
    else if (!m_poison->hasLoaded())
        count = m_poison->isLoading() ? tr("Reading the poison queue…") : QString();
    else if (m_poison->total() >= 0)
        count = m_poison->total() == 1 ? tr("1 poisoned delivery")
                                       : tr("%n poisoned deliveries", nullptr, int(qMin<qint64>(m_poison->total(), INT_MAX)));
    if (m_poison->hasLoaded() && m_poison->total() > shown && shown > 0)
        count += QLatin1Char(' ') + tr("(the newest %1 are listed; scroll for more)").arg(shown);
    m_poisonCount->setText(count);

    const AuditError &e = m_poison->error();
    if (e.isError()) {
        QString text = e.message;
        if (shown > 0)
            text += QLatin1Char(' ') + tr("The list below is from the last successful read.");
        m_poisonError->setText(text);
        m_poisonError->show();
    } else {
        m_poisonError->hide();
    }
    const bool empty = m_service && m_poison->hasLoaded() && shown == 0 && !e.isError();
    m_poisonStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_poisonEmpty) : m_poisonView);
    updateActions();
}

void AlertsPage::updateHistory()
{
    QString text;
    const qsizetype shown = m_history->rowCount();
    if (m_history->error().isError())
        text = m_history->errorText();
    else if (!m_history->hasLoaded())
        text = m_history->isLoading() ? tr("Reading the delivery history…") : QString();
    else if (shown == 0)
        text = tr("No deliveries match the filter.");
    else if (m_history->isAtLimit())
        text = tr("The newest %1 deliveries are listed; narrow the filter to see others.").arg(shown);
    else if (m_history->hasMore())
        text = tr("%n deliveries listed, newest first; scroll down for more.", nullptr, int(shown));
    else
        text = shown == 1 ? tr("1 delivery.") : tr("%n deliveries, newest first.", nullptr, int(shown));
    m_historyStatus->setText(text);
    m_historyStatus->setStyleSheet(m_history->error().isError() ? kErrorStyle : QString());
}

void AlertsPage::updateEvents()
{
    QString text;
    bool problem = false;
    if (!m_client) {
        text = tr("Alert events are not available.");
    } else if (!m_client->eventsProblem().isEmpty()) {
        text = tr("The events could not be read: %1").arg(m_client->eventsProblem());
        problem = true;
    } else {
        const int n = m_client->eventsModel()->rowCount();
        text = n == 0 ? tr("No open alert events.") : n == 1 ? tr("1 open event.") : tr("%n open events, newest first.", nullptr, n);
    }
    m_eventsStatus->setText(text);
    m_eventsStatus->setStyleSheet(problem ? kErrorStyle : QString());
    updateActions();
}

void AlertsPage::gate(QPushButton *button, bool stateAllows, const QString &stateWhy, const QString &permission)
{
    const bool permitted = m_session && m_session->state() == Session::State::SignedIn
                           && m_session->hasPermission(permission);
    button->setEnabled(stateAllows && permitted);
    if (!permitted) {
        const QString role = m_session && !m_session->role().isEmpty() ? m_session->role() : tr("not signed in");
        button->setToolTip(tr("Your role (%1) does not have the permission %2.").arg(role, permission));
    } else {
        button->setToolTip(stateAllows ? QString() : stateWhy);
    }
}

void AlertsPage::updateActions()
{
    const qsizetype selected = m_poisonView->selectionModel()->selectedRows().size();
    const bool retrying = m_client && m_client->isRetrying();
    QString why;
    if (!m_client)
        why = tr("Alerts are not available.");
    else if (retrying || m_retryDialog)
        why = tr("A retry is already being confirmed or sent.");
    else if (selected == 0)
        why = tr("Select one or more poisoned deliveries first.");
    gate(m_retry, why.isEmpty(), why, kRetryPermission);

    QString ackWhy;
    const QModelIndexList rows = m_eventsView->selectionModel() ? m_eventsView->selectionModel()->selectedRows()
                                                                : QModelIndexList();
    const AlertEvent *event = m_client && !rows.isEmpty() ? m_client->eventsModel()->eventAt(rows.first().row()) : nullptr;
    if (!m_client)
        ackWhy = tr("Alerts are not available.");
    else if (m_ackDialog)
        ackWhy = tr("An acknowledgement is already open.");
    else if (!event)
        ackWhy = tr("Select an open event first.");
    else if (!event->isOpen())
        ackWhy = tr("This event is not open.");
    gate(m_acknowledge, ackWhy.isEmpty(), ackWhy, kAcknowledgePermission);
}

void AlertsPage::openRetryDialog()
{
    if (m_retryDialog || !m_client || m_client->isRetrying() || !m_retry->isEnabled())
        return;
    QModelIndexList rows = m_poisonView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<AlertDelivery> deliveries;
    for (const QModelIndex &index : std::as_const(rows))
        if (const AlertDelivery *d = m_poison->deliveryAt(index.row()))
            deliveries.append(*d);
    if (deliveries.isEmpty())
        return;

    auto *dialog = new RetryConfirmDialog(deliveries, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_retryDialog = dialog;
    const QPointer<RetryConfirmDialog> guard(dialog);
    connect(dialog, &RetryConfirmDialog::confirmed, this, [this, guard] {
        if (!guard || !m_client)
            return;
        const bool started = m_client->retryMany(
            guard->deliveries(), this,
            [guard](int sent, int total) {
                if (guard)
                    guard->setProgress(sent, total);
            },
            [this, guard](const AlertsClient::BatchResult &result) {
                m_retryResult->setText(result.summary());
                m_retryResult->setStyleSheet(result.allDone() ? kGoodStyle : kErrorStyle);
                m_retryResult->show();
                if (guard) {
                    guard->setBusy(false);
                    guard->accept();
                }
                m_poison->refresh();
                m_history->refresh();
                updateActions();
            });
        if (!started && guard) {
            guard->setBusy(false);
            guard->reject();
        }
    });
    connect(dialog, &QDialog::finished, this, [this] {
        m_retryDialog = nullptr;
        updateActions();
    });
    dialog->open();
    updateActions();
}

void AlertsPage::openAcknowledgeDialog()
{
    if (m_ackDialog || !m_client || !m_acknowledge->isEnabled())
        return;
    const QModelIndexList rows = m_eventsView->selectionModel()->selectedRows();
    const AlertEvent *event = rows.isEmpty() ? nullptr : m_client->eventsModel()->eventAt(rows.first().row());
    if (!event || !event->isOpen())
        return;

    auto *dialog = new AcknowledgeDialog(*event, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_ackDialog = dialog;
    const QPointer<AcknowledgeDialog> guard(dialog);
    connect(dialog, &AcknowledgeDialog::confirmed, this, [this, guard] {
        if (!guard || !m_client)
            return;
        m_client->acknowledge(guard->event().id, guard->note(), guard, [this, guard](const AlertsClient::Result &r) {
            if (!guard)
                return;
            if (r.kind == AlertsClient::Result::Kind::Done) {
                m_eventsResult->setText(r.message);
                m_eventsResult->setStyleSheet(kGoodStyle);
                m_eventsResult->show();
                guard->setBusy(false);
                guard->accept();
            } else {
                guard->showFailure(r.message);
            }
        });
    });
    connect(dialog, &QDialog::finished, this, [this] {
        m_ackDialog = nullptr;
        updateActions();
    });
    dialog->open();
    updateActions();
}

QString AlertsPage::poisonStatusText() const
{
    return m_poisonError->isHidden() ? m_poisonCount->text() : m_poisonCount->text() + QLatin1Char('\n') + m_poisonError->text();
}

QString AlertsPage::poisonEmptyText() const
{
    return m_poisonStack->currentWidget() == m_poisonEmpty ? m_poisonEmpty->text() : QString();
}

QString AlertsPage::retryResultText() const
{
    return m_retryResult->isHidden() ? QString() : m_retryResult->text();
}

QString AlertsPage::historyStatusText() const
{
    return m_historyStatus->text();
}

QString AlertsPage::eventsStatusText() const
{
    return m_eventsStatus->text();
}

QString AlertsPage::eventsResultText() const
{
    return m_eventsResult->isHidden() ? QString() : m_eventsResult->text();
}

} // namespace ops
