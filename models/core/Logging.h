#pragma once

#include <QString>

namespace ops {

// spdlog: a rotating file in the standard app-data location plus stderr, with Qt's own
// messages routed into it. `level` is one of trace, debug, info, warn, error, critical, off.
// Returns the log file's path. Callers must never log secrets (tokens, keys, passwords).
QString initLogging(const QString &level = QStringLiteral("info"), const QString &directory = {});

// Flushes and drops the sinks (at exit).
void shutdownLogging();

} // namespace ops
