#pragma once

#include "Sandbox.h"
#include "TestPostgres.h"
#include "profiles/ConnectionProfile.h"

#include <QtTest>

#include <memory>

namespace ops::test {

// The sandbox platform started in-process on ephemeral loopback ports, on its own database in
// the throwaway PostgreSQL of the `pg` CTest fixture, and a console profile pointing at it.
struct SandboxFixture
{
    std::unique_ptr<opssandbox::Sandbox> sandbox;
    TestPostgres pg;
    ConnectionProfile profile;

    // Returns an error text, empty on success.
    QString start(const QString &database)
    {
        QString error;
        pg = TestPostgres::fromEnvironment(&error);
        if (!pg.isValid())
            return error;
        opssandbox::SandboxConfig config;
        config.controlPort = 0;
        config.firstServicePort = 0;
        config.apiPort = 0;
        config.dbHost = pg.host;
        config.dbPort = quint16(pg.port);
        config.dbUser = pg.user;
        config.dbName = database;
        sandbox = std::make_unique<opssandbox::Sandbox>();
        if (!sandbox->start(config, &error))
            return QStringLiteral("sandbox did not start: ") + error;

        profile.name = QStringLiteral("e2e");
        profile.environment = QStringLiteral("sandbox");
        profile.redisSource = QStringLiteral("execution_gateway");
        profile.restBaseUrl = sandbox->apiBaseUrl();
        for (const QString &name : sandbox->serviceNames())
            profile.services.append({name, sandbox->healthUrl(name), sandbox->readinessUrl(name)});
        profile.postgres.host = pg.host;
        profile.postgres.port = pg.port;
        profile.postgres.database = database;
        profile.postgres.user = pg.user;
        profile.postgres.sslMode = QStringLiteral("disable");
        return {};
    }
};

} // namespace ops::test
