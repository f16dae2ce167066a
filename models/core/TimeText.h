#pragma once

#include <QDateTime>
#include <QString>

namespace ops::timetext {

// A moment for the operator: in their time zone, with seconds and the zone's abbreviation
// ("2026-11-23 12:04:05 CET"); "—" when invalid.
[[nodiscard]] QString local(const QDateTime &utc);

// A moment for files and the wire: UTC with an explicit offset ("2026-11-23T11:04:05.123Z").
[[nodiscard]] QString isoUtc(const QDateTime &moment);

// "42 s", "3 min 5 s", "2 h 10 min", "3 d 4 h" (translated); negative durations count as 0.
[[nodiscard]] QString duration(qint64 seconds);

} // namespace ops::timetext
