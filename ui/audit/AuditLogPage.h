#pragma once

#include "audit/AuditFilter.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressDialog;
class QPushButton;
class QTableView;

namespace ops {

class AuditLogModel;
class AuditService;
struct AuditRecord;
struct CsvExportResult;
class Session;

// Admin → Audit Log: filters (date range in the operator's zone, user, action, event type,
// outcome, resource, free text), the log with keyset scrolling through any number of rows, a
// detail pane (details pretty-printed and masked, before/after where the row has one), "Verify
// integrity" over the filter's date range, and CSV export (≤ 10,000 rows, progress and Cancel,
// SHA-256 shown, the export itself recorded in the platform's audit log).
class AuditLogPage final : public QWidget
{
    Q_OBJECT
public:
    AuditLogPage(Session *session, QWidget *parent = nullptr);
    ~AuditLogPage() override;

    // The connection to the audit database (read-only role); replaced when the password changes.
    void setService(AuditService *service);

    [[nodiscard]] AuditFilter currentFilter() const;
    [[nodiscard]] AuditLogModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QString detailText() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString integrityText() const;
    [[nodiscard]] QString exportText() const;
    [[nodiscard]] QLineEdit *textEdit() const { return m_text; }
    [[nodiscard]] QComboBox *userBox() const { return m_user; }
    [[nodiscard]] QComboBox *actionBox() const { return m_action; }
    [[nodiscard]] QComboBox *eventTypeBox() const { return m_eventType; }
    [[nodiscard]] QComboBox *outcomeBox() const { return m_outcome; }
    [[nodiscard]] QCheckBox *fromBox() const { return m_useFrom; }
    [[nodiscard]] QDateTimeEdit *fromEdit() const { return m_from; }
    [[nodiscard]] QCheckBox *toBox() const { return m_useTo; }
    [[nodiscard]] QDateTimeEdit *toEdit() const { return m_to; }
    [[nodiscard]] QPushButton *applyButton() const { return m_apply; }
    [[nodiscard]] QPushButton *verifyButton() const { return m_verify; }
    [[nodiscard]] QPushButton *exportButton() const { return m_export; }
    [[nodiscard]] QCheckBox *bomBox() const { return m_bom; }

    void applyFilters();
    void clearFilters();
    void verifyIntegrity();
    // Asks for a file name, then exports.
    void exportCsv();
    // Exports to `path` without asking (also used by tests and the tour).
    void exportTo(const QString &path);

signals:
    void exportFinished(bool ok);

private:
    void updateStatus();
    void updatePermissions();
    void showRecord(int row);
    void onExportFinished(const CsvExportResult &result);
    void recordExport(const CsvExportResult &result, const AuditFilter &filter);
    [[nodiscard]] static QString describe(const AuditRecord &record);

    QPointer<Session> m_session;
    QPointer<AuditService> m_service;
    AuditLogModel *m_model = nullptr;
    QCheckBox *m_useFrom;
    QDateTimeEdit *m_from;
    QCheckBox *m_useTo;
    QDateTimeEdit *m_to;
    QComboBox *m_user;
    QComboBox *m_action;
    QComboBox *m_eventType;
    QComboBox *m_outcome;
    QComboBox *m_resourceType;
    QLineEdit *m_text;
    QPushButton *m_apply;
    QPushButton *m_clear;
    QPushButton *m_retry;
    QPushButton *m_verify;
    QPushButton *m_export;
    QCheckBox *m_bom;
    QLabel *m_permission;
    QLabel *m_status;
    QLabel *m_integrity;
    QLabel *m_exportResult;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    QPointer<QProgressDialog> m_progress;
    quint64 m_verifyId = 0;
    quint64 m_exportId = 0;
    quint64 m_distinctId = 0;
    AuditFilter m_exportFilter;
    QString m_exportPath;
};

} // namespace ops
