#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QWidget;

namespace ops {

// For the start-up benchmark (scripts/bench-app.sh, docs/PERFORMANCE.md): once `target` has been
// painted for the first time and that paint has been flushed to the window, writes the line
// "OPS_FIRST_PAINT" to stdout and, when asked, quits the application. The benchmark measures the
// time from starting the process to that line, for the console (target: the System Health page)
// and for a minimal Qt Widgets window that uses this same class.
class FirstPaintProbe final : public QObject
{
public:
    static constexpr const char *Marker = "OPS_FIRST_PAINT";

    FirstPaintProbe(QWidget *target, bool quitAfterwards);
    // Watches every widget of the application (an application event filter) for the first paint
    // of a widget that inherits `className` (e.g. "ops::HealthPage"). Used by the benchmark's
    // preload library (scripts/bench/app/FirstPaintPreload.cpp), which needs no change to main().
    FirstPaintProbe(QObject *parent, const QByteArray &className, bool quitAfterwards);

    // Installs a quitting probe on `target` when the environment variable
    // OPS_EXIT_AFTER_FIRST_PAINT is 1; returns it (owned by `target`), else nullptr.
    static FirstPaintProbe *installIfRequested(QWidget *target);

    [[nodiscard]] bool hasFired() const { return m_fired; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void report();

    QPointer<QWidget> m_target;
    QByteArray m_className; // empty: m_target only
    bool m_quit;
    bool m_fired = false;
};

} // namespace ops
