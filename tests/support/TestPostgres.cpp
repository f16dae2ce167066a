#include "TestPostgres.h"

#include <QFile>
#include <QTextStream>

namespace ops::test {

TestPostgres TestPostgres::fromEnvironment(QString *error)
{
    TestPostgres pg;
    const QString state = qEnvironmentVariable("OPS_TEST_PG_STATE");
    if (state.isEmpty()) {
        *error = QStringLiteral("OPS_TEST_PG_STATE is not set: run the tests through ctest (fixture pg_start)");
        return pg;
    }
    QFile env(state + QStringLiteral("/env"));
    if (!env.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("no %1: did the pg_start fixture run?").arg(env.fileName());
        return pg;
    }
    QTextStream in(&env);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        const QString key = line.section(QLatin1Char('='), 0, 0);
        const QString value = line.section(QLatin1Char('='), 1);
        if (key == QLatin1String("PGHOST"))
            pg.host = value;
        else if (key == QLatin1String("PGPORT"))
            pg.port = value.toInt();
        else if (key == QLatin1String("PGUSER"))
            pg.user = value;
    }
    if (!pg.isValid())
        *error = QStringLiteral("%1 names no port").arg(env.fileName());
    return pg;
}

} // namespace ops::test
