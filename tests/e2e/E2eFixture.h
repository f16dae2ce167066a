#pragma once

#include "Sandbox.h"
#include "TestPostgres.h"
#include "profiles/ConnectionProfile.h"

#include <QtCore/QRegularExpression>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
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

    // Returns an error text, empty on success. `fresh` drops the database first, so state that
    // persists (the breaker, the audit log) starts from nothing on every run.
    QString start(const QString &database, bool fresh = false)
    {
        QString error;
        pg = TestPostgres::fromEnvironment(&error);
        if (!pg.isValid())
            return error;
        if (fresh) {
            if (const QString dropped = dropDatabase(database); !dropped.isEmpty())
                return dropped;
        }
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

    // An open connection to the fixture's database (for checking audit rows); `name` must be unique.
    [[nodiscard]] QSqlDatabase database(const QString &name, const QString &databaseName) const
    {
        QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                       : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(pg.host);
        db.setPort(pg.port);
        db.setUserName(pg.user);
        db.setDatabaseName(databaseName);
        db.open();
        return db;
    }

private:
    QString dropDatabase(const QString &database) const
    {
        static const QRegularExpression safe(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
        if (!safe.match(database).hasMatch())
            return QStringLiteral("unsafe database name: ") + database;
        QString error;
        {
            QSqlDatabase admin = this->database(QStringLiteral("e2e-fixture-admin"), QStringLiteral("postgres"));
            if (!admin.isOpen()) {
                error = admin.lastError().text();
            } else {
                QSqlQuery drop(admin);
                if (!drop.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database)))
                    error = drop.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("e2e-fixture-admin"));
        return error;
    }
};

} // namespace ops::test
