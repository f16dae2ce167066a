#pragma once

#include "config/ConfigSchema.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace ops {

class ConfigDiffModel;

// "Preview changes": every changed field of one document (field, old → new) before it is
// applied, or "No changes" with Apply disabled. Apply is never the default button (Enter does not
// apply) and focus starts on the list of changes. While the save is under way the dialog cannot be
// closed; a failure keeps it open with the reason so Apply can be tried again.
class ConfigPreviewDialog final : public QDialog
{
    Q_OBJECT
public:
    ConfigPreviewDialog(const QString &documentTitle, int baseVersion, const QList<ConfigChange> &changes,
                        const QString &headline = {}, QWidget *parent = nullptr);

    [[nodiscard]] QList<ConfigChange> changes() const;
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString messageText() const;
    [[nodiscard]] QTableView *diffView() const { return m_view; }
    [[nodiscard]] QPushButton *applyButton() const { return m_apply; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] bool isBusy() const { return m_busy; }

    void setBusy(bool busy);
    void showFailure(const QString &message);

signals:
    void applyRequested();

public slots:
    void reject() override;

private:
    void updateState();

    ConfigDiffModel *m_model;
    QLabel *m_summary;
    QTableView *m_view;
    QLabel *m_message;
    QPushButton *m_apply;
    QPushButton *m_cancel;
    bool m_busy = false;
};

} // namespace ops
