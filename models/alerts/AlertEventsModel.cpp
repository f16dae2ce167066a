#include "alerts/AlertEventsModel.h"

#include "alerts/RowSync.h"
#include "core/TimeText.h"

#include <limits>

namespace ops {

namespace {

qint64 firedKey(const AlertEvent &e)
{
    return e.firedAt.isValid() ? e.firedAt.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

bool above(const AlertEvent &a, const AlertEvent &b)
{
    const qint64 ka = firedKey(a);
    const qint64 kb = firedKey(b);
    return ka != kb ? ka > kb : a.id > b.id;
}

bool sameRow(const AlertEvent &a, const AlertEvent &b)
{
    return a.id == b.id && firedKey(a) == firedKey(b);
}

QString oneLine(const QString &s)
{
    QString out = s;
    for (QChar &c : out)
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    return out.simplified();
}

} // namespace

AlertEventsModel::AlertEventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AlertEventsModel::setEvents(const QList<AlertEvent> &events)
{
    const QList<AlertEvent> next = rowsync::ordered(events, above, sameRow);
    rowsync::apply(
        m_events, next, above, sameRow,
        [this](qsizetype row, const QList<AlertEvent> &items) {
            beginInsertRows({}, int(row), int(row + items.size() - 1));
            for (qsizetype k = 0; k < items.size(); ++k)
                m_events.insert(row + k, items.at(k));
            endInsertRows();
        },
        [this](qsizetype first, qsizetype last) {
            beginRemoveRows({}, int(first), int(last));
            m_events.remove(first, last - first + 1);
            endRemoveRows();
        },
        [this](qsizetype row, const AlertEvent &item) {
            m_events[row] = item;
            emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        });
}

const AlertEvent *AlertEventsModel::eventAt(int row) const
{
    return row >= 0 && row < m_events.size() ? &m_events.at(row) : nullptr;
}

const AlertEvent *AlertEventsModel::eventById(qint64 id) const
{
    for (const AlertEvent &e : m_events)
        if (e.id == id)
            return &e;
    return nullptr;
}

int AlertEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AlertEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertEvent &e = m_events.at(index.row());
    switch (role) {
    case EventIdRole:
        return e.id;
    case SeverityRole:
        return e.severity;
    case StatusRole:
        return e.status;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case FiredAt:
        return timetext::local(e.firedAt);
    case Severity:
        return AlertEventJson::severityTitle(e.severity);
    case Rule:
        return e.rule.isEmpty() ? QStringLiteral("—") : (display ? oneLine(e.rule) : e.rule);
    case Message:
        return display ? oneLine(e.message) : e.message;
    case Status:
        return AlertEventJson::statusTitle(e.status);
    case Acknowledged:
        if (!e.acknowledgedAt.isValid() && e.acknowledgedBy.isEmpty())
            return display ? QString() : tr("Not acknowledged");
        return tr("%1 by %2").arg(timetext::local(e.acknowledgedAt),
                                  e.acknowledgedBy.isEmpty() ? QStringLiteral("—") : e.acknowledgedBy);
    case Note:
        return display ? oneLine(e.note) : e.note;
    default:
        return {};
    }
}

QVariant AlertEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FiredAt:
        return tr("Fired at");
    case Severity:
        return tr("Severity");
    case Rule:
        return tr("Rule");
    case Message:
        return tr("Message");
    case Status:
        return tr("Status");
    case Acknowledged:
        return tr("Acknowledged");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace ops
