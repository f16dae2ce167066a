// libops-first-paint-preload.so: loaded with LD_PRELOAD into the console and into the minimal
// reference window by `ops-bench-app startup`, so that both are probed the same way and the console
// needs no change: when the QApplication is created and OPS_EXIT_AFTER_FIRST_PAINT=1, installs a
// FirstPaintProbe for the first paint of a widget of class OPS_FIRST_PAINT_CLASS, which prints
// "OPS_FIRST_PAINT" and quits.
#include "shell/FirstPaintProbe.h"

#include <QCoreApplication>

namespace {

void installFirstPaintProbe()
{
    if (qEnvironmentVariableIntValue("OPS_EXIT_AFTER_FIRST_PAINT") != 1)
        return;
    const QByteArray className = qgetenv("OPS_FIRST_PAINT_CLASS");
    if (className.isEmpty() || !QCoreApplication::instance()
        || !QCoreApplication::instance()->inherits("QApplication"))
        return;
    new ops::FirstPaintProbe(QCoreApplication::instance(), className, true);
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installFirstPaintProbe)
