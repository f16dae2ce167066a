#pragma once
// The subcommands of ops-bench-app.

#include <QStringList>

namespace opsbench {

int runServe(const QStringList &args);    // BenchCommon.cpp: the many-services HTTP server
int runSoak(const QStringList &args);     // SoakBench.cpp
int runRefresh(const QStringList &args);  // RefreshBench.cpp
int runChart(const QStringList &args);    // ChartBench.cpp
int runStartup(const QStringList &args);  // StartupBench.cpp
int runIdleRss(const QStringList &args);  // StartupBench.cpp

} // namespace opsbench
