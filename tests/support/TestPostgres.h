#pragma once

#include <QString>

namespace ops::test {

// The throwaway PostgreSQL started by the CTest fixture `pg` (scripts/pg-throwaway.sh). Its
// state directory comes from OPS_TEST_PG_STATE. A test that needs it fails (never skips) when
// it is missing, so a broken fixture cannot pass silently.
struct TestPostgres
{
    QString host;
    int port = 0;
    QString user;

    [[nodiscard]] bool isValid() const { return port > 0; }
    [[nodiscard]] static TestPostgres fromEnvironment(QString *error);
};

} // namespace ops::test
