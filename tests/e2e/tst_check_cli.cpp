// `ops-console --check` end to end: the real executable against the sandbox over HTTP.
#include "E2eFixture.h"
#include "profiles/ProfileStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ops;

class TestCheckCli final : public QObject
{
    Q_OBJECT

private:
    test::SandboxFixture m_fx;
    QTemporaryDir m_dir;
    QString m_config;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // Runs the executable without blocking the event loop: the sandbox lives in this process.
    Run check(const QStringList &extra)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(OPS_CONSOLE_BIN),
                      QStringList{QStringLiteral("--config"), m_config, QStringLiteral("--profile"), QStringLiteral("e2e"),
                                  QStringLiteral("--check")} + extra);
        if (!finished.wait(30000))
            return {};
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = m_fx.start(QStringLiteral("ops_e2e_check"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_config = m_dir.filePath(QStringLiteral("ops-console.ini"));
        ProfileStore(m_config).save(m_fx.profile);
    }

    void init() { m_fx.sandbox->clearFaults(); }

    void allHealthyTableExitsZero()
    {
        const Run run = check({});
        QVERIFY2(run.exitCode == 0, run.out + run.err);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY(out.startsWith(QStringLiteral("SERVICE")));
        for (const QString &name : m_fx.sandbox->serviceNames())
            QVERIFY2(out.contains(name), qPrintable(name));
        QVERIFY(out.contains(QStringLiteral("redis")));
        QVERIFY(out.contains(QStringLiteral("postgres")));
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 10); // header + 7 services + redis + postgres
        static const QRegularExpression healthyRow(QStringLiteral("^\\S+\\s+Healthy\\s"));
        for (const QString &line : lines.mid(1))
            QVERIFY2(healthyRow.match(line).hasMatch(), qPrintable(line));
    }

    void jsonOutputAndNonZeroExitWhenAServiceIsDown()
    {
        QVERIFY(m_fx.sandbox->setFault(QStringLiteral("reconciler"), opssandbox::Fault::Down));
        QVERIFY(m_fx.sandbox->setFault(QStringLiteral("risk_manager"), opssandbox::Fault::Degraded));
        const Run run = check({QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QStringLiteral("healthy")).toBool(true), false);
        QCOMPARE(root.value(QStringLiteral("environment")).toString(), QStringLiteral("sandbox"));
        QVERIFY(root.value(QStringLiteral("checked_at")).toString().endsWith(QLatin1Char('Z')));
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &v : root.value(QStringLiteral("services")).toArray())
            byName.insert(v[QStringLiteral("name")].toString(), v.toObject());
        QCOMPARE(byName.size(), 9);
        QCOMPARE(byName.value(QStringLiteral("reconciler")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("unreachable"));
        QVERIFY(byName.value(QStringLiteral("reconciler")).value(QStringLiteral("error")).toString().contains(
            QStringLiteral("refused")));
        QCOMPARE(byName.value(QStringLiteral("risk_manager")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("degraded"));
        QCOMPARE(byName.value(QStringLiteral("orchestrator")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("healthy"));
    }

    void unknownProfileIsAUsageError()
    {
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(OPS_CONSOLE_BIN), {QStringLiteral("--config"), m_config, QStringLiteral("--profile"),
                                                       QStringLiteral("nope"), QStringLiteral("--check")});
        QVERIFY(finished.wait(20000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("no profile named"));
    }
};

QTEST_GUILESS_MAIN(TestCheckCli)
#include "tst_check_cli.moc"
