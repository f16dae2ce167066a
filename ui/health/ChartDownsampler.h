#pragma once

#include <QList>
#include <QPointF>

namespace ops {

// Thins a line series to what a plot `columns` pixels wide can show, before it is handed to
// QLineSeries::replace(): for every pixel column, the lowest and the highest point of that
// column in x order, so every spike and every dip stays visible while the painter draws at most
// two points per pixel column (plus the very first and last point). A series that is already
// that small is returned unchanged. `points` must be sorted by x. Cheap: one pass, no allocation
// beyond the result.
//
// Used by the chart benchmark (scripts/bench-app.sh chart); LatencyChart can call it in
// setHistory()/setPercentiles() with chart()->plotArea().width() as `columns`.
class ChartDownsampler final
{
public:
    [[nodiscard]] static QList<QPointF> minMaxPerColumn(const QList<QPointF> &points, double xMin, double xMax,
                                                       int columns);
};

} // namespace ops
