#include "audit/AuditLogModel.h"

#include "core/TimeText.h"

namespace ops {

AuditLogModel::AuditLogModel(AuditService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    if (service) {
        connect(service, &AuditService::pageReady, this, &AuditLogModel::onPage);
        connect(service, &AuditService::failed, this, &AuditLogModel::onFailed);
    }
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timetext::local(r.timestamp());
        case UserColumn:
            return r.userId;
        case ActionColumn:
            return r.action;
        case EventTypeColumn:
            return r.eventType;
        case ResourceColumn:
            if (r.resourceId.isEmpty())
                return r.resourceType;
            return r.resourceType.isEmpty() ? r.resourceId
                                            : QStringLiteral("%1 %2").arg(r.resourceType, r.resourceId);
        case OutcomeColumn:
            return r.outcome;
        case ReasonColumn:
            return r.reason.section(QLatin1Char('\n'), 0, 0);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return timetext::isoUtc(r.timestamp());
        if (index.column() == ReasonColumn && !r.reason.isEmpty())
            return r.reason;
        return {};
    case IdRole:
        return r.id;
    case TimestampUtcRole:
        return r.timestamp();
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case UserColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case EventTypeColumn:
        return tr("Event type");
    case ResourceColumn:
        return tr("Resource");
    case OutcomeColumn:
        return tr("Outcome");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_started && !m_atEnd && !m_error.isError() && m_service;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || isLoading())
        return;
    request(m_rows.isEmpty() ? Pending::First : Pending::Older);
}

bool AuditLogModel::canFetchPrevious() const
{
    return m_started && m_hasNewer && !m_rows.isEmpty() && !m_error.isError() && m_service;
}

void AuditLogModel::fetchPrevious()
{
    if (!canFetchPrevious() || isLoading())
        return;
    request(Pending::Newer);
}

void AuditLogModel::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    refresh();
}

void AuditLogModel::refresh()
{
    if (m_service && m_requestId)
        m_service->cancel(m_requestId);
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    m_hasNewer = false;
    m_started = false; // no fetchMore() from views reacting to the reset: the first page follows
    m_pending = Pending::None;
    m_failed = Pending::None;
    m_filterProblem.clear();
    endResetModel();
    m_started = true;
    setError({});
    request(Pending::First);
}

void AuditLogModel::retry()
{
    if (!m_error.isError() || isLoading())
        return;
    const Pending what = m_failed;
    setError({});
    if (what == Pending::First || m_rows.isEmpty() || what == Pending::None)
        refresh();
    else
        request(what);
}

void AuditLogModel::request(Pending kind)
{
    if (!m_service)
        return;
    AuditPageRequest req;
    req.filter = m_filter;
    req.limit = m_pageSize;
    if (kind == Pending::Older && !m_rows.isEmpty()) {
        req.cursor = {m_rows.constLast().timestampUs, m_rows.constLast().id};
        req.direction = AuditPageDirection::Older;
    } else if (kind == Pending::Newer && !m_rows.isEmpty()) {
        req.cursor = {m_rows.constFirst().timestampUs, m_rows.constFirst().id};
        req.direction = AuditPageDirection::Newer;
    } else {
        kind = Pending::First;
    }
    m_pending = kind;
    setLoading(m_service->fetchPage(req));
}

void AuditLogModel::onPage(quint64 id, const AuditPage &page)
{
    if (id == 0 || id != m_requestId)
        return; // superseded
    const Pending kind = m_pending;
    m_pending = Pending::None;
    m_filterProblem = page.filterProblem;
    const int added = int(page.rows.size());
    int evicted = 0;

    if (kind == Pending::Newer && !m_rows.isEmpty()) {
        // Only rows newer than the current first row belong above it (guards against duplicates
        // should the window have changed since the request).
        QList<AuditRecord> rows;
        rows.reserve(page.rows.size());
        const AuditRecord &first = m_rows.constFirst();
        for (const AuditRecord &r : page.rows) {
            if (r.timestampUs > first.timestampUs || (r.timestampUs == first.timestampUs && r.id > first.id))
                rows.append(r);
        }
        if (!rows.isEmpty()) {
            beginInsertRows({}, 0, int(rows.size()) - 1);
            m_rows = rows + m_rows;
            endInsertRows();
        }
        m_hasNewer = page.hasMore;
        if (m_rows.size() > m_maxRows) {
            evicted = int(m_rows.size()) - m_maxRows;
            beginRemoveRows({}, m_maxRows, int(m_rows.size()) - 1);
            m_rows.resize(m_maxRows);
            endRemoveRows();
            m_atEnd = false;
        }
    } else {
        if (!page.rows.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + added - 1);
            m_rows.append(page.rows);
            endInsertRows();
        }
        m_atEnd = !page.hasMore;
        if (m_rows.size() > m_maxRows) {
            evicted = int(m_rows.size()) - m_maxRows;
            beginRemoveRows({}, 0, evicted - 1);
            m_rows.remove(0, evicted);
            endRemoveRows();
            m_hasNewer = true;
        }
    }
    setLoading(0);
    emit pageLoaded(page.direction, added, evicted);
}

void AuditLogModel::onFailed(quint64 id, const AuditError &error)
{
    if (id == 0 || id != m_requestId)
        return;
    m_failed = m_pending;
    m_pending = Pending::None;
    setError(error);
    setLoading(0);
}

void AuditLogModel::setLoading(quint64 requestId)
{
    const bool was = isLoading();
    m_requestId = requestId;
    if (was != isLoading())
        emit loadingChanged(isLoading());
}

void AuditLogModel::setError(const AuditError &error)
{
    const QString before = m_error.message;
    m_error = error;
    if (before != m_error.message)
        emit errorChanged(m_error.message);
}

AuditRecord AuditLogModel::record(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return m_rows.at(row);
}

int AuditLogModel::rowOfId(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

void AuditLogModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, AuditReader::MaxPageSize);
}

void AuditLogModel::setMaxRows(int rows)
{
    m_maxRows = qMax(rows, 2 * m_pageSize);
}

} // namespace ops
