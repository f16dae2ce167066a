#include "alerts/DeliveryModels.h"

#include "alerts/RowSync.h"
#include "core/TimeText.h"

#include <algorithm>

namespace ops {

namespace {

// Shown above: later in the order key, or the same key and a larger id (ORDER BY key DESC, id DESC).
bool above(const AlertDelivery &a, const AlertDelivery &b)
{
    return a.orderUs != b.orderUs ? a.orderUs > b.orderUs : a.id > b.id;
}

bool sameRow(const AlertDelivery &a, const AlertDelivery &b)
{
    return a.id == b.id && a.orderUs == b.orderUs;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// DeliveryTableModel

DeliveryTableModel::DeliveryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    qRegisterMetaType<ops::AlertDeliveryPage>();
    qRegisterMetaType<ops::AuditError>();
}

void DeliveryTableModel::setService(AlertService *service)
{
    cancelPending();
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_service = service;
    beginResetModel();
    m_rows.clear();
    m_loaded = false;
    m_hasMore = false;
    m_total = -1;
    m_refreshAgain = false;
    endResetModel();
    if (service) {
        m_connections << connect(service, &AlertService::pageReady, this, &DeliveryTableModel::onPage)
                      << connect(service, &AlertService::failed, this, &DeliveryTableModel::onFailed);
        setError({});
    } else {
        AuditError e;
        e.kind = AuditError::Kind::ConnectFailed;
        e.message = tr("The alerts database is not connected: the profile names no PostgreSQL database, or its "
                       "password has not been entered yet (File → PostgreSQL password…).");
        setError(e);
    }
}

const AlertDelivery *DeliveryTableModel::deliveryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

void DeliveryTableModel::cancelPending()
{
    if (m_requestId != 0 && m_service)
        m_service->cancel(m_requestId);
    m_requestId = 0;
}

void DeliveryTableModel::refresh()
{
    if (!m_service) {
        emit loaded();
        return;
    }
    if (m_requestId != 0) {
        if (!m_requestAppends) {
            m_refreshAgain = true; // that read may have started before the change being waited for
            return;
        }
        cancelPending(); // a refresh supersedes a page being appended
    }
    AlertDeliveryQuery query = baseQuery();
    query.limit = int(std::clamp<qsizetype>(m_rows.size(), PageSize, MaxRows));
    request(query, false);
}

void DeliveryTableModel::restart()
{
    cancelPending();
    m_refreshAgain = false;
    beginResetModel();
    m_rows.clear();
    m_loaded = false;
    m_hasMore = false;
    m_total = -1;
    endResetModel();
    refresh();
}

bool DeliveryTableModel::canFetchMore(const QModelIndex &parent) const
{
    // Not while a page is being merged: views (and QAbstractItemModelTester) ask for more from
    // inside rowsInserted, before hasMore() is current.
    return !parent.isValid() && m_service && m_requestId == 0 && !m_merging && m_hasMore && !m_error.isError()
           && m_rows.size() < MaxRows;
}

void DeliveryTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    AlertDeliveryQuery query = baseQuery();
    query.afterOrderUs = m_rows.constLast().orderUs;
    query.afterId = m_rows.constLast().id;
    query.limit = int(qMin<qsizetype>(PageSize, MaxRows - m_rows.size()));
    query.withTotal = false;
    request(query, true);
}

void DeliveryTableModel::request(const AlertDeliveryQuery &query, bool append)
{
    m_requestAppends = append;
    m_requestId = m_service->fetch(query);
}

void DeliveryTableModel::onPage(quint64 id, const AlertDeliveryPage &page)
{
    if (id != m_requestId || id == 0)
        return;
    const bool append = m_requestAppends;
    m_requestId = 0;
    m_hasMore = page.hasMore;
    if (page.total >= 0)
        m_total = page.total;
    m_merging = true;
    merge(append ? m_rows + page.rows : page.rows);
    m_merging = false;
    m_loaded = true;
    setError({});
    if (std::exchange(m_refreshAgain, false)) {
        refresh();
        return;
    }
    emit loaded();
}

void DeliveryTableModel::onFailed(quint64 id, const AuditError &error)
{
    if (id != m_requestId || id == 0)
        return; // cancelled or superseded
    m_requestId = 0;
    setError(error);
    if (std::exchange(m_refreshAgain, false) && error.kind != AuditError::Kind::ConnectionLost) {
        refresh();
        return;
    }
    emit loaded();
}

void DeliveryTableModel::setError(const AuditError &error)
{
    const bool changed = error.kind != m_error.kind || error.message != m_error.message;
    m_error = error;
    if (changed)
        emit errorChanged();
}

void DeliveryTableModel::merge(const QList<AlertDelivery> &rows)
{
    QList<AlertDelivery> next = rowsync::ordered(rows, above, sameRow);
    if (next.size() > MaxRows)
        next.resize(MaxRows);
    rowsync::apply(
        m_rows, next, above, sameRow,
        [this](qsizetype row, const QList<AlertDelivery> &items) {
            beginInsertRows({}, int(row), int(row + items.size() - 1));
            for (qsizetype k = 0; k < items.size(); ++k)
                m_rows.insert(row + k, items.at(k));
            endInsertRows();
        },
        [this](qsizetype first, qsizetype last) {
            beginRemoveRows({}, int(first), int(last));
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
        },
        [this](qsizetype row, const AlertDelivery &item) {
            m_rows[row] = item;
            emit dataChanged(index(int(row), 0), index(int(row), columnCount() - 1));
        });
}

int DeliveryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DeliveryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertDelivery &d = m_rows.at(index.row());
    switch (role) {
    case DeliveryIdRole:
        return d.id;
    case ChannelRole:
        return d.channel;
    case StatusRole:
        return d.status;
    case AttemptsRole:
        return d.attempts;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return cell(d, index.column(), role);
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------------
// PoisonQueueModel

PoisonQueueModel::PoisonQueueModel(QObject *parent)
    : DeliveryTableModel(parent)
{
}

int PoisonQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PoisonQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Channel:
        return tr("Channel");
    case Recipient:
        return tr("Recipient");
    case Error:
        return tr("Error");
    case Attempts:
        return tr("Attempts");
    case PoisonedAt:
        return tr("Poisoned at");
    default:
        return {};
    }
}

AlertDeliveryQuery PoisonQueueModel::baseQuery() const
{
    AlertDeliveryQuery q;
    q.kind = AlertDeliveryQuery::Kind::Poison;
    q.withTotal = true;
    return q;
}

QVariant PoisonQueueModel::cell(const AlertDelivery &d, int column, int role) const
{
    switch (column) {
    case Channel:
        return AlertDeliveryText::channelTitle(d.channel);
    case Recipient:
        return AlertDeliveryText::recipient(d.recipient);
    case Error:
        if (d.errorMessage.isEmpty())
            return role == Qt::DisplayRole ? QStringLiteral("—") : tr("No error recorded");
        return role == Qt::ToolTipRole ? d.errorMessage : AlertDeliveryText::errorLine(d.errorMessage);
    case Attempts:
        return AlertDeliveryText::attemptsText(d.attempts);
    case PoisonedAt:
        return timetext::local(d.poisonAt);
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------------
// DeliveryHistoryModel

DeliveryHistoryModel::DeliveryHistoryModel(QObject *parent)
    : DeliveryTableModel(parent)
{
}

void DeliveryHistoryModel::setFilter(const QString &channel, const QString &status)
{
    const QString c = channel.trimmed();
    const QString s = status.trimmed();
    if (c == m_channel && s == m_status)
        return;
    m_channel = c;
    m_status = s;
    restart();
}

int DeliveryHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeliveryHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Created:
        return tr("Created");
    case Channel:
        return tr("Channel");
    case Recipient:
        return tr("Recipient");
    case Status:
        return tr("Status");
    case Attempts:
        return tr("Attempts");
    case LastAttempt:
        return tr("Last attempt");
    case Finished:
        return tr("Delivered / poisoned");
    case Error:
        return tr("Error");
    default:
        return {};
    }
}

AlertDeliveryQuery DeliveryHistoryModel::baseQuery() const
{
    AlertDeliveryQuery q;
    q.kind = AlertDeliveryQuery::Kind::History;
    q.channel = m_channel;
    q.status = m_status;
    return q;
}

QVariant DeliveryHistoryModel::cell(const AlertDelivery &d, int column, int role) const
{
    switch (column) {
    case Created:
        return timetext::local(d.createdAt);
    case Channel:
        return AlertDeliveryText::channelTitle(d.channel);
    case Recipient:
        return AlertDeliveryText::recipient(d.recipient);
    case Status:
        return AlertDeliveryText::statusTitle(d.status);
    case Attempts:
        return AlertDeliveryText::attemptsText(d.attempts);
    case LastAttempt:
        return timetext::local(d.lastAttemptAt);
    case Finished:
        return timetext::local(d.deliveredAt.isValid() ? d.deliveredAt : d.poisonAt);
    case Error:
        if (d.errorMessage.isEmpty())
            return role == Qt::DisplayRole ? QString() : tr("No error recorded");
        return role == Qt::ToolTipRole ? d.errorMessage : AlertDeliveryText::errorLine(d.errorMessage);
    default:
        return {};
    }
}

} // namespace ops
