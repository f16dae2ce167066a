#pragma once

#include "audit/AuditFilter.h"
#include "audit/AuditReader.h"
#include "audit/AuditRecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace ops {

// The audit log as a table with a bounded window of rows, newest first, loaded in keyset pages
// through AuditService (never on the GUI thread).
//
//   - setFilter() resets and loads the first page (the newest rows).
//   - canFetchMore()/fetchMore() append the next older page; views call them when scrolled to
//     the bottom. Beyond maxRows(), rows are evicted from the top (and canFetchPrevious() turns
//     true).
//   - fetchPrevious() prepends the page just newer than the first row (for scrolling back up);
//     beyond maxRows() rows are evicted from the bottom.
//   - One request at a time; answers to superseded requests are ignored. A failed request sets
//     errorText() and stops automatic fetching until retry(), refresh() or setFilter().
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)

public:
    enum Column { TimeColumn, UserColumn, ActionColumn, EventTypeColumn, ResourceColumn, OutcomeColumn, ReasonColumn,
                  ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64
        TimestampUtcRole,          // QDateTime (UTC)
    };
    static constexpr int DefaultPageSize = 200;
    static constexpr int DefaultMaxRows = 2000;

    explicit AuditLogModel(AuditService *service, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setFilter(const ops::AuditFilter &filter);
    [[nodiscard]] AuditFilter filter() const { return m_filter; }
    // Reloads from the newest row with the same filter.
    void refresh();
    // Repeats the request that failed (or reloads when the first page failed).
    void retry();

    [[nodiscard]] bool canFetchPrevious() const;
    void fetchPrevious();

    // The row's full record (details masked); a default record (id 0) when out of range.
    [[nodiscard]] AuditRecord record(int row) const;
    // The row holding this id in the current window, or -1.
    [[nodiscard]] int rowOfId(qint64 id) const;

    [[nodiscard]] bool isLoading() const { return m_requestId != 0; }
    [[nodiscard]] QString errorText() const { return m_error.message; }
    [[nodiscard]] AuditError error() const { return m_error; }
    // AuditFilter::where()'s note on the current filter (unknown event type, NUL removed), if any.
    [[nodiscard]] QString filterProblem() const { return m_filterProblem; }
    // True once the oldest matching row is in the window (nothing more below).
    [[nodiscard]] bool atEnd() const { return m_atEnd; }

    void setPageSize(int rows);
    void setMaxRows(int rows);
    [[nodiscard]] int pageSize() const { return m_pageSize; }
    [[nodiscard]] int maxRows() const { return m_maxRows; }

signals:
    void loadingChanged(bool loading);
    void errorChanged(const QString &message);
    // After a page was applied (rows may be 0): direction, rows added, rows evicted.
    void pageLoaded(ops::AuditPageDirection direction, int added, int evicted);

private:
    enum class Pending { None, First, Older, Newer };

    void request(Pending kind);
    void onPage(quint64 id, const ops::AuditPage &page);
    void onFailed(quint64 id, const ops::AuditError &error);
    void setLoading(quint64 requestId);
    void setError(const AuditError &error);

    QPointer<AuditService> m_service;
    AuditFilter m_filter;
    QList<AuditRecord> m_rows;
    quint64 m_requestId = 0;
    Pending m_pending = Pending::None;
    Pending m_failed = Pending::None;
    AuditError m_error;
    QString m_filterProblem;
    bool m_atEnd = true;       // nothing older than the last row
    bool m_hasNewer = false;   // rows newer than the first row were evicted
    bool m_started = false;    // setFilter()/refresh() has run
    int m_pageSize = DefaultPageSize;
    int m_maxRows = DefaultMaxRows;
};

} // namespace ops
