#pragma once

#include <QtCore/QObject>
#include <QtCore/QString>

class QTimer;

namespace opssandbox {

struct DbParams
{
    QString host;
    quint16 port = 5432;
    QString name;
    QString user;
    QString password;
};

// Runs `SELECT 1` every intervalMs on its own connection, in whatever thread it lives in, and
// reports the outcome. Internal to the sandbox (execution_gateway's real "postgres" component).
class DbProbe final : public QObject
{
    Q_OBJECT
public:
    DbProbe(const DbParams &params, int intervalMs, QObject *parent = nullptr);
    ~DbProbe() override;

public Q_SLOTS:
    void begin();
    void finish();

Q_SIGNALS:
    void checked(bool ok, double latencyMs, const QString &error);

private:
    void check();

    DbParams m_params;
    int m_intervalMs;
    QString m_connectionName;
    QTimer *m_timer = nullptr;
};

} // namespace opssandbox
