#pragma once

#include <QtCore/QList>
#include <QtCore/QString>

class QSqlDatabase;

namespace opssandbox {

struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

// The migrations embedded under :/opssandbox/migrations, ordered by version.
// Files are named NNNN_name.sql. Returns an empty list and sets *error on a malformed set.
QList<Migration> embeddedMigrations(QString *error);

// Applies every migration not yet recorded in schema_migrations, in one transaction guarded
// by pg_advisory_xact_lock. *applied receives the versions applied by this call.
bool applyMigrations(QSqlDatabase &db, const QList<Migration> &migrations, QList<int> *applied,
                     QString *error);

} // namespace opssandbox
