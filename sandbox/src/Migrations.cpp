#include "Migrations.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>

namespace opssandbox {

namespace {
// Arbitrary, fixed key for the migration lock ("ops-sandbox migrations").
constexpr qint64 kMigrationLockKey = 0x6f707373616e64LL;

QString sqlError(const QSqlQuery &query)
{
    const QString text = query.lastError().text().simplified();
    return text.isEmpty() ? QStringLiteral("unknown database error (connection lost?)") : text;
}
} // namespace

QList<Migration> embeddedMigrations(QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([A-Za-z0-9_]+)\\.sql$"));
    QList<Migration> result;
    QSet<int> seen;
    const QDir dir(QStringLiteral(":/opssandbox/migrations"));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch()) {
            if (error)
                *error = QStringLiteral("unexpected migration file name: %1").arg(file);
            return {};
        }
        Migration m;
        m.version = match.captured(1).toInt();
        m.name = match.captured(2);
        if (seen.contains(m.version)) {
            if (error)
                *error = QStringLiteral("duplicate migration version %1").arg(m.version);
            return {};
        }
        seen.insert(m.version);
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read migration %1").arg(file);
            return {};
        }
        m.sql = QString::fromUtf8(f.readAll());
        result.append(m);
    }
    if (result.isEmpty() && error)
        *error = QStringLiteral("no embedded migrations found (resource not linked?)");
    std::sort(result.begin(), result.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return result;
}

bool applyMigrations(QSqlDatabase &db, const QList<Migration> &migrations, QList<int> *applied,
                     QString *error)
{
    auto fail = [&](const QString &message) {
        db.rollback();
        if (error)
            *error = message;
        return false;
    };

    if (!db.transaction())
        return fail(QStringLiteral("cannot begin migration transaction: %1")
                        .arg(db.lastError().text().simplified()));

    QSqlQuery query(db);
    // "relation already exists, skipping" notices are expected on every re-run: keep them quiet.
    if (!query.exec(QStringLiteral("SET LOCAL client_min_messages = warning")))
        return fail(sqlError(query));
    if (!query.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(:key)")))
        return fail(sqlError(query));
    query.bindValue(QStringLiteral(":key"), kMigrationLockKey);
    if (!query.exec())
        return fail(QStringLiteral("cannot take the migration lock: %1").arg(sqlError(query)));

    if (!query.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version int PRIMARY KEY,"
            " name text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())")))
        return fail(QStringLiteral("cannot create schema_migrations: %1").arg(sqlError(query)));

    QSet<int> done;
    if (!query.exec(QStringLiteral("SELECT version FROM schema_migrations")))
        return fail(QStringLiteral("cannot read schema_migrations: %1").arg(sqlError(query)));
    while (query.next())
        done.insert(query.value(0).toInt());
    query.finish();

    for (const Migration &m : migrations) {
        if (done.contains(m.version))
            continue;
        QSqlQuery apply(db);
        if (!apply.exec(m.sql))
            return fail(QStringLiteral("migration %1_%2 failed: %3")
                            .arg(m.version, 4, 10, QLatin1Char('0'))
                            .arg(m.name, sqlError(apply)));
        QSqlQuery record(db);
        record.prepare(QStringLiteral(
            "INSERT INTO schema_migrations (version, name) VALUES (:version, :name)"));
        record.bindValue(QStringLiteral(":version"), m.version);
        record.bindValue(QStringLiteral(":name"), m.name);
        if (!record.exec())
            return fail(QStringLiteral("cannot record migration %1: %2")
                            .arg(m.version)
                            .arg(sqlError(record)));
        if (applied)
            applied->append(m.version);
    }

    if (!db.commit())
        return fail(QStringLiteral("cannot commit migrations: %1")
                        .arg(db.lastError().text().simplified()));
    return true;
}

} // namespace opssandbox
