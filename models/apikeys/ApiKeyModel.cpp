#include "apikeys/ApiKeyModel.h"

#include "core/TimeText.h"

namespace ops {

namespace {

int severity(ApiKeyStatus s)
{
    switch (s) {
    case ApiKeyStatus::Active:
        return 0;
    case ApiKeyStatus::Expiring:
        return 1;
    case ApiKeyStatus::Expired:
        return 2;
    case ApiKeyStatus::Revoked:
        return 3;
    }
    return 4;
}

} // namespace

ApiKeyModel::ApiKeyModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent), m_clock(clock)
{
}

void ApiKeyModel::setKeys(const QList<ApiKey> &keys)
{
    beginResetModel();
    m_keys = keys;
    endResetModel();
}

const ApiKey *ApiKeyModel::keyById(qint64 id) const
{
    for (const ApiKey &k : m_keys)
        if (k.id == id)
            return &k;
    return nullptr;
}

void ApiKeyModel::updateStatuses()
{
    if (!m_keys.isEmpty())
        emit dataChanged(index(0, Status), index(int(m_keys.size()) - 1, Status));
}

int ApiKeyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int ApiKeyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiKeyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiKey &k = m_keys.at(index.row());
    const QDateTime now = m_clock.nowUtc();
    if (role == KeyIdRole)
        return k.id;
    if (role == StatusRole)
        return int(k.status(now));
    if (role == SortRole) {
        switch (index.column()) {
        case Created:
            return k.createdAt;
        case LastUsed:
            return k.lastUsedAt;
        case Expires:
            return k.expiresAt.isValid() ? k.expiresAt : QDateTime(); // "never" sorts first
        case Status:
            return severity(k.status(now));
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Name:
        return k.name;
    case Prefix:
        return k.prefix;
    case Scopes:
        return k.scopes.join(QStringLiteral(", "));
    case Created:
        return timetext::local(k.createdAt);
    case CreatedBy:
        return k.createdBy;
    case LastUsed:
        return k.lastUsedAt.isValid() ? timetext::local(k.lastUsedAt) : tr("Never");
    case Expires:
        return k.expiresAt.isValid() ? timetext::local(k.expiresAt) : tr("Never");
    case Status:
        if (role == Qt::ToolTipRole) {
            if (k.status(now) == ApiKeyStatus::Revoked)
                return tr("Revoked at %1 by %2: %3").arg(timetext::local(k.revokedAt), k.revokedBy, k.revokeReason);
            if (k.graceExpiresAt.isValid())
                return tr("Replaced by a rotation; worked until %1").arg(timetext::local(k.graceExpiresAt));
        }
        return ApiKeyJson::statusText(k, now);
    default:
        return {};
    }
}

QVariant ApiKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Prefix:
        return tr("Prefix");
    case Scopes:
        return tr("Scopes");
    case Created:
        return tr("Created");
    case CreatedBy:
        return tr("Created by");
    case LastUsed:
        return tr("Last used");
    case Expires:
        return tr("Expires");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace ops
