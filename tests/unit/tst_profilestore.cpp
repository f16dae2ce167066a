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

    void prometheusUrlOfTheSandbox()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("s.ini")));
        const auto p = store.load(QStringLiteral("sandbox"));
        QVERIFY(p);
        QCOMPARE(p->prometheusUrl, QUrl(QStringLiteral("http://127.0.0.1:19090/")));
        QCOMPARE(ProfileStore::builtInSandbox(QStringLiteral("10.0.0.5")).prometheusUrl,
                 QUrl(QStringLiteral("http://10.0.0.5:19090/")));
    }

    void prometheusUrlRoundTripAndOptional()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        ConnectionProfile with = ProfileStore::builtInSandbox();
        with.name = QStringLiteral("staging");
        with.prometheusUrl = QUrl(QStringLiteral("https://prom.example.com:9443/prometheus/"));
        ConnectionProfile without = ProfileStore::builtInSandbox();
        without.name = QStringLiteral("no-prom");
        without.prometheusUrl = QUrl();
        {
            ProfileStore store(file);
            store.save(with);
            store.save(without);
        }
        ProfileStore again(file);
        const auto a = again.load(QStringLiteral("staging"));
        QVERIFY(a);
        QCOMPARE(a->prometheusUrl, with.prometheusUrl);
        QCOMPARE(*a, with);
        const auto b = again.load(QStringLiteral("no-prom"));
        QVERIFY(b);
        QVERIFY(b->prometheusUrl.isEmpty());
        QVERIFY(b->validate().isEmpty());

        // Saving the profile again without the URL removes it from the file.
        with.prometheusUrl = QUrl();
        again.save(with);
        QVERIFY(again.load(QStringLiteral("staging"))->prometheusUrl.isEmpty());
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains("prom.example.com"));
    }

    void prometheusUrlValidation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::newRow("http") << QStringLiteral("http://127.0.0.1:19090/") << true;
        QTest::newRow("https with prefix") << QStringLiteral("https://prom.example.com/prometheus") << true;
        QTest::newRow("ftp") << QStringLiteral("ftp://prom.example.com/") << false;
        QTest::newRow("no scheme") << QStringLiteral("prom.example.com:9090") << false;
        QTest::newRow("no host") << QStringLiteral("http:///x") << false;
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    }
    void prometheusUrlValidation()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        ConnectionProfile p = ProfileStore::builtInSandbox();
        p.prometheusUrl = QUrl(url);
        QCOMPARE(p.validate().isEmpty(), valid);
        if (!valid)
            QVERIFY2(p.validate().contains(QStringLiteral("Prometheus")), qPrintable(p.validate()));

        // Loaded from a hand-edited file, the same check applies.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            ProfileStore store(file);
            ConnectionProfile saved = ProfileStore::builtInSandbox();
            saved.name = QStringLiteral("edited");
            store.save(saved);
        }
        {
            QSettings raw(file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("profiles/edited/prometheus_url"), url);
        }
        const auto loaded = ProfileStore(file).load(QStringLiteral("edited"));
        QVERIFY(loaded);
        QCOMPARE(loaded->validate().isEmpty(), valid);
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
