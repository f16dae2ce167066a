#pragma once

#include "sla/SlaModel.h"

#include <QList>
#include <QTimer>
#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace ops {

class SlaChart;

// The SLA page: one card per target of docs/alerts-and-sla.md (title, the current value with its
// unit, "target ≤ 5 s", the status in words and colour with its icon shape, what it rests on —
// "updated 12 s ago", "query failed: … (last value 40 s old)", "No data in the last 5 minutes" —
// and a one-hour chart with the objective as a dashed line), or a clear "Prometheus not configured
// for this profile". Reads the SlaMonitor (which its owner starts); never blocks: every query is
// asynchronous and the ages tick on a one-second timer. "Refresh now" (Alt+R, F5) asks at once.
class SlaPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit SlaPanel(SlaMonitor *monitor, QWidget *parent = nullptr);

    [[nodiscard]] SlaModel *model() const { return m_model; }
    [[nodiscard]] SlaMonitor *monitor() const { return m_monitor; }

    // What the operator sees, for tests and screen readers.
    [[nodiscard]] int cardCount() const { return int(m_cards.size()); }
    [[nodiscard]] QWidget *card(int row) const;
    [[nodiscard]] QString titleText(int row) const;
    [[nodiscard]] QString valueText(int row) const;
    [[nodiscard]] QString targetText(int row) const;
    [[nodiscard]] QString statusText(int row) const;
    [[nodiscard]] QColor statusColour(int row) const;
    [[nodiscard]] QString detailText(int row) const;
    [[nodiscard]] SlaChart *chart(int row) const;
    [[nodiscard]] bool isNotConfiguredShown() const;
    [[nodiscard]] QString notConfiguredText() const;
    [[nodiscard]] QPushButton *refreshButton() const { return m_refresh; }

public slots:
    void refreshNow();

private:
    struct Card
    {
        QFrame *frame = nullptr;
        QLabel *title = nullptr;
        QLabel *value = nullptr;
        QLabel *target = nullptr;
        QLabel *icon = nullptr;
        QLabel *status = nullptr;
        QLabel *detail = nullptr;
        SlaChart *chart = nullptr;
        QColor colour;
    };

    void updateCard(int row);
    void updateAll();
    void updateSource();

    SlaMonitor *m_monitor;
    SlaModel *m_model;
    QLabel *m_source;
    QPushButton *m_refresh;
    QStackedWidget *m_stack;
    QWidget *m_cardsPage;
    QLabel *m_notConfigured;
    QList<Card> m_cards;
    QTimer m_tick;
};

} // namespace ops
