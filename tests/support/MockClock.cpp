#include "MockClock.h"

#include <QTimeZone>

namespace ops::test {

MockClock::MockClock(const QDateTime &start)
    : m_now(start.toUTC())
{
}

} // namespace ops::test
