#pragma once

#include "apikeys/ApiKey.h"
#include "core/Clock.h"

#include <QAbstractTableModel>

namespace ops {

// The platform's API keys, one row each. Times show in the operator's zone; SortRole gives the
// raw values (UTC times, the status in severity order) so that a proxy sorts them correctly.
// updateStatuses() re-evaluates the Status column against the clock (grace time left, expiry).
class ApiKeyModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Prefix, Scopes, Created, CreatedBy, LastUsed, Expires, Status, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, KeyIdRole, StatusRole };

    explicit ApiKeyModel(const Clock &clock = Clock::system(), QObject *parent = nullptr);

    void setKeys(const QList<ApiKey> &keys);
    [[nodiscard]] const QList<ApiKey> &keys() const { return m_keys; }
    [[nodiscard]] const ApiKey *keyById(qint64 id) const;
    void updateStatuses();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const Clock &m_clock;
    QList<ApiKey> m_keys;
};

} // namespace ops
