#pragma once

#include "core/Clock.h"

#include <QTimeZone>

namespace ops::test {

// A clock that only moves when told to.
class MockClock final : public Clock
{
public:
    explicit MockClock(const QDateTime &start = QDateTime(QDate(2026, 3, 29), QTime(0, 30), QTimeZone::utc()));

    QDateTime nowUtc() const override { return m_now; }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }
    void set(const QDateTime &t) { m_now = t.toUTC(); }

private:
    QDateTime m_now;
};

} // namespace ops::test
