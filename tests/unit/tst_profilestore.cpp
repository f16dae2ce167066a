#include "profiles/ProfileStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ops;

class TestProfileStore final : public QObject
{
    Q_OBJECT

private slots:
    void sandboxIsBuiltIn()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("s.ini")));
        QVERIFY(store.names().contains(QStringLiteral("sandbox")));
        const auto p = store.load(QStringLiteral("sandbox"));
        QVERIFY(p);
        QCOMPARE(p->services.size(), 7);
        QCOMPARE(p->services[3].name, QStringLiteral("market_data_service"));
        QVERIFY(!p->services[3].readinessUrl.isEmpty());
        QCOMPARE(p->services[4].healthUrl.path(), QStringLiteral("/healthz"));
        QVERIFY(p->validate().isEmpty());
        QVERIFY(!p->isProduction());
    }

    void roundTripAndNoPassword()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        ConnectionProfile p = ProfileStore::builtInSandbox(QStringLiteral("127.0.0.1"), 19001, 6543);
        p.name = QStringLiteral("prod-eu");
        p.environment = QStringLiteral("production");
        p.colour = QStringLiteral("#b71c1c");
        p.refreshIntervalSeconds = 15;
        {
            ProfileStore store(file);
            store.save(p);
        }
        ProfileStore again(file);
        QVERIFY(again.names().contains(QStringLiteral("prod-eu")));
        const auto loaded = again.load(QStringLiteral("prod-eu"));
        QVERIFY(loaded);
        QCOMPARE(*loaded, p);
        QVERIFY(loaded->isProduction());

        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray text = raw.readAll().toLower();
        QVERIFY(!text.contains("password"));
        QVERIFY(text.contains("6543"));
    }

    void unknownProfile()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("s.ini")));
        QVERIFY(!store.load(QStringLiteral("nope")));
    }

    void refreshIntervalFromEnvironmentWithAMinimum()
    {
        ConnectionProfile p = ProfileStore::builtInSandbox();
        p.refreshIntervalSeconds = 10;
        qunsetenv("AUTO_REFRESH_INTERVAL_SECONDS");
        QCOMPARE(p.effectiveRefreshSeconds(), 10);
        qputenv("AUTO_REFRESH_INTERVAL_SECONDS", "30");
        QCOMPARE(p.effectiveRefreshSeconds(), 30);
        qputenv("AUTO_REFRESH_INTERVAL_SECONDS", "1");
        QCOMPARE(p.effectiveRefreshSeconds(), 2);
        qputenv("AUTO_REFRESH_INTERVAL_SECONDS", "garbage");
        QCOMPARE(p.effectiveRefreshSeconds(), 10);
        qunsetenv("AUTO_REFRESH_INTERVAL_SECONDS");
    }

    void validation_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no services") << "services" << "no services";
        QTest::newRow("duplicate") << "duplicate" << "twice";
        QTest::newRow("bad url") << "url" << "not an http";
    }
    void validation()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, messagePart);
        ConnectionProfile p = ProfileStore::builtInSandbox();
        if (mutation == QLatin1String("services"))
            p.services.clear();
        else if (mutation == QLatin1String("duplicate"))
            p.services.append(p.services.first());
        else
            p.services[0].healthUrl = QUrl(QStringLiteral("ftp://x/health"));
        QVERIFY2(p.validate().contains(messagePart), qPrintable(p.validate()));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
