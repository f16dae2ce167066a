#pragma once

#include <QFrame>
#include <QPersistentModelIndex>

class QLabel;

namespace ops {

// One tile of the System Health page, showing one row of a HealthModel: name, status word and
// icon, response time, version, last operation, and the summary/error line. Focusable; Enter or
// a double click asks for the detail view.
class ServiceTile final : public QFrame
{
    Q_OBJECT

public:
    explicit ServiceTile(const QPersistentModelIndex &index, QWidget *parent = nullptr);

    void refresh();  // re-reads the model row
    [[nodiscard]] int row() const { return m_index.row(); }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString detailText() const;

    void setSelected(bool selected);
    [[nodiscard]] bool isSelected() const { return m_selected; }

signals:
    void activated(int row);  // detail view wanted
    void selected(int row);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QPersistentModelIndex m_index;
    QLabel *m_icon;
    QLabel *m_name;
    QLabel *m_status;
    QLabel *m_details;
    QLabel *m_summary;
    QColor m_stripe;
    QColor m_background;
    bool m_selected = false;
};

} // namespace ops
