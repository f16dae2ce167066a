#pragma once

#include "config/ConfigClient.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace ops {

class ConfigDiffModel;

// Someone saved the document after the operator loaded it (HTTP 412). Shows what changed on the
// server meanwhile (the version the operator started from → the server's current version) and
// the operator's own changes, names the fields both changed, and offers "Re-apply my changes on
// top" (the operator's changed fields over the current version, then a new preview) or "Discard
// my changes". Closing it decides nothing: the form keeps the edits and the old version.
class ConfigConflictDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Choice { Undecided = 0, Reapply = 1, Discard = 2 };

    ConfigConflictDialog(const QString &documentTitle, const ConfigDocument &base, const QJsonObject &mine,
                         const ConfigDocument &current, QWidget *parent = nullptr);

    [[nodiscard]] QList<ConfigChange> changedMeanwhile() const;
    [[nodiscard]] QList<ConfigChange> myChanges() const;
    // Fields changed both on the server and by the operator (labels).
    [[nodiscard]] QStringList changedByBoth() const { return m_both; }
    [[nodiscard]] QString headlineText() const;
    [[nodiscard]] QTableView *meanwhileView() const { return m_meanwhileView; }
    [[nodiscard]] QTableView *mineView() const { return m_mineView; }
    [[nodiscard]] QPushButton *reapplyButton() const { return m_reapply; }
    [[nodiscard]] QPushButton *discardButton() const { return m_discard; }
    [[nodiscard]] QPushButton *closeButton() const { return m_close; }

private:
    ConfigDiffModel *m_meanwhile;
    ConfigDiffModel *m_mine;
    QLabel *m_headline;
    QTableView *m_meanwhileView;
    QTableView *m_mineView;
    QPushButton *m_reapply;
    QPushButton *m_discard;
    QPushButton *m_close;
    QStringList m_both;
};

} // namespace ops
