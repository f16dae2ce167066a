#pragma once

#include "alerts/AlertReader.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace ops {

// alert_deliveries rows read from PostgreSQL through an AlertService (never on this thread),
// newest first in keyset pages of PageSize, at most MaxRows held. refresh() re-reads the rows
// shown from the top and merges them row by row (a periodic refresh keeps the view's selection);
// fetchMore() reads the next page after the last row. A failed read keeps the rows shown and
// says why in error(); the next refresh() tries again (a lost connection is opened again then).
class DeliveryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 200;
    static constexpr int MaxRows = 2000;
    enum Role { DeliveryIdRole = Qt::UserRole + 1, ChannelRole, StatusRole, AttemptsRole };

    // nullptr: nothing can be read (the rows are cleared and errorText() says so).
    void setService(AlertService *service);
    [[nodiscard]] AlertService *service() const { return m_service; }

    void refresh();

    [[nodiscard]] const QList<AlertDelivery> &deliveries() const { return m_rows; }
    [[nodiscard]] const AlertDelivery *deliveryAt(int row) const;
    [[nodiscard]] bool isLoading() const { return m_requestId != 0; }
    [[nodiscard]] bool hasLoaded() const { return m_loaded; } // at least one read succeeded since the last reset
    [[nodiscard]] const AuditError &error() const { return m_error; }
    [[nodiscard]] QString errorText() const { return m_error.message; }
    // Rows the query matches (-1 when not counted); more than MaxRows means not all are held.
    [[nodiscard]] qint64 total() const { return m_total; }
    [[nodiscard]] bool hasMore() const { return m_hasMore; }
    [[nodiscard]] bool isAtLimit() const { return m_rows.size() >= MaxRows && m_hasMore; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    void loaded(); // a read finished: the rows are current, or error() says why not
    void errorChanged();

protected:
    explicit DeliveryTableModel(QObject *parent);
    [[nodiscard]] virtual AlertDeliveryQuery baseQuery() const = 0;
    [[nodiscard]] virtual QVariant cell(const AlertDelivery &delivery, int column, int role) const = 0;
    // Drops the rows and reads from the top (a changed filter).
    void restart();

private:
    void request(const AlertDeliveryQuery &query, bool append);
    void onPage(quint64 id, const AlertDeliveryPage &page);
    void onFailed(quint64 id, const AuditError &error);
    void setError(const AuditError &error);
    void merge(const QList<AlertDelivery> &rows);
    void cancelPending();

    QPointer<AlertService> m_service;
    QList<QMetaObject::Connection> m_connections;
    QList<AlertDelivery> m_rows;
    quint64 m_requestId = 0;
    bool m_requestAppends = false;
    bool m_refreshAgain = false;
    bool m_merging = false;
    bool m_loaded = false;
    bool m_hasMore = false;
    qint64 m_total = -1;
    AuditError m_error;
};

// The poison queue: status 'poison', most recently poisoned first. Counts the whole queue.
class PoisonQueueModel final : public DeliveryTableModel
{
    Q_OBJECT
public:
    enum Column { Channel, Recipient, Error, Attempts, PoisonedAt, ColumnCount };

    explicit PoisonQueueModel(QObject *parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    [[nodiscard]] AlertDeliveryQuery baseQuery() const override;
    [[nodiscard]] QVariant cell(const AlertDelivery &delivery, int column, int role) const override;
};

// Every delivery, newest first, optionally one channel and/or one status.
class DeliveryHistoryModel final : public DeliveryTableModel
{
    Q_OBJECT
public:
    enum Column { Created, Channel, Recipient, Status, Attempts, LastAttempt, Finished, Error, ColumnCount };

    explicit DeliveryHistoryModel(QObject *parent = nullptr);

    // Empty = every channel / status. Changing it reads from the top.
    void setFilter(const QString &channel, const QString &status);
    [[nodiscard]] QString channelFilter() const { return m_channel; }
    [[nodiscard]] QString statusFilter() const { return m_status; }

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    [[nodiscard]] AlertDeliveryQuery baseQuery() const override;
    [[nodiscard]] QVariant cell(const AlertDelivery &delivery, int column, int role) const override;

private:
    QString m_channel;
    QString m_status;
};

} // namespace ops
