#include "health/ChartDownsampler.h"

#include <algorithm>

namespace ops {

QList<QPointF> ChartDownsampler::minMaxPerColumn(const QList<QPointF> &points, double xMin, double xMax, int columns)
{
    const qsizetype n = points.size();
    if (columns <= 0 || n <= 2 * qsizetype(columns) + 2 || !(xMax > xMin))
        return points;
    QList<QPointF> result;
    result.reserve(2 * qsizetype(columns) + 2);
    const double scale = double(columns) / (xMax - xMin);
    auto columnOf = [&](double x) { return std::clamp(int((x - xMin) * scale), 0, columns - 1); };

    result.append(points.first());
    qsizetype lo = 0;
    qsizetype hi = 0;
    int column = columnOf(points.first().x());
    auto flush = [&] {
        const qsizetype a = std::min(lo, hi);
        const qsizetype b = std::max(lo, hi);
        if (a != 0 && a != n - 1)
            result.append(points.at(a));
        if (b != a && b != 0 && b != n - 1)
            result.append(points.at(b));
    };
    for (qsizetype i = 1; i < n; ++i) {
        const int c = columnOf(points.at(i).x());
        if (c != column) {
            flush();
            column = c;
            lo = hi = i;
            continue;
        }
        if (points.at(i).y() < points.at(lo).y())
            lo = i;
        if (points.at(i).y() > points.at(hi).y())
            hi = i;
    }
    flush();
    result.append(points.last());
    return result;
}

} // namespace ops
