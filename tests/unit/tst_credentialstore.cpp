// CredentialStore against a real gnome-keyring on a private D-Bus session (with-keyring.sh).
// The "keychain unavailable" case runs in a child process of this binary whose D-Bus session
// address points nowhere, so it fails the real way without disturbing the parent's keyring.
#include "auth/CredentialStore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

#include <cstdio>

using namespace ops;

namespace {

constexpr auto ChildArgument = "--unavailable-child";

CredentialStore::Result runOne(const std::function<void(CredentialStore::Callback)> &start, int waitMs = 10000)
{
    CredentialStore::Result out;
    bool done = false;
    start([&](const CredentialStore::Result &r) {
        out = r;
        done = true;
    });
    QElapsedTimer clock;
    clock.start();
    while (!done && clock.elapsed() < waitMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!done)
        out.message = QStringLiteral("no callback");
    return out;
}

// The child: no usable D-Bus session. Prints one line per step; exit code 0 when all held.
int unavailableChild()
{
    CredentialStore store(QStringLiteral("ops-console-tst-unavailable"));
    int changed = 0;
    QObject::connect(&store, &CredentialStore::availabilityChanged, [&](bool available) {
        if (!available)
            ++changed;
    });
    const QString key = QStringLiteral("token/child");
    const QString secret = QStringLiteral("child-secret-value");
    const auto w = runOne([&](CredentialStore::Callback cb) { store.write(key, secret, nullptr, cb); });
    const auto r = runOne([&](CredentialStore::Callback cb) { store.read(key, nullptr, cb); });
    const auto missing = runOne([&](CredentialStore::Callback cb) { store.read(QStringLiteral("token/none"), nullptr, cb); });
    const auto removed = runOne([&](CredentialStore::Callback cb) { store.remove(key, nullptr, cb); });
    const auto after = runOne([&](CredentialStore::Callback cb) { store.read(key, nullptr, cb); });
    std::printf("write=%d read=%d readsame=%d missing=%d removed=%d after=%d available=%d changed=%d reason=%s\n",
                int(w.outcome), int(r.outcome), int(r.secret == secret), int(missing.outcome), int(removed.outcome),
                int(after.outcome), int(store.available()), changed, qPrintable(store.unavailableReason()));
    std::fflush(stdout);
    const bool good = w.outcome == CredentialStore::Outcome::Unavailable && !w.message.isEmpty()
        && r.outcome == CredentialStore::Outcome::Ok && r.secret == secret
        && missing.outcome == CredentialStore::Outcome::Unavailable
        && after.outcome == CredentialStore::Outcome::Unavailable && !store.available() && changed == 1
        && store.unavailableReason().contains(QStringLiteral("memory"));
    return good ? 0 : 1;
}

} // namespace

class TestCredentialStore final : public QObject
{
    Q_OBJECT

private:
    QString m_service;

    CredentialStore::Result read(CredentialStore &store, const QString &key)
    {
        return runOne([&](CredentialStore::Callback cb) { store.read(key, this, cb); });
    }
    CredentialStore::Result write(CredentialStore &store, const QString &key, const QString &secret)
    {
        return runOne([&](CredentialStore::Callback cb) { store.write(key, secret, this, cb); });
    }
    CredentialStore::Result remove(CredentialStore &store, const QString &key)
    {
        return runOne([&](CredentialStore::Callback cb) { store.remove(key, this, cb); });
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "run through with-keyring.sh");
        m_service = QStringLiteral("ops-console-tst-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void roundTrip()
    {
        CredentialStore store(m_service);
        const QString key = CredentialStore::tokenKey(QStringLiteral("roundtrip"));
        const auto w = write(store, key, QStringLiteral("s3cret-ä-✓"));
        QVERIFY2(w.outcome == CredentialStore::Outcome::Ok, qPrintable(w.message));
        const auto r = read(store, key);
        QVERIFY2(r.outcome == CredentialStore::Outcome::Ok, qPrintable(r.message));
        QCOMPARE(r.secret, QStringLiteral("s3cret-ä-✓"));
        QVERIFY(store.available());

        // Another store object (a restart) sees it too.
        CredentialStore again(m_service);
        QCOMPARE(read(again, key).secret, QStringLiteral("s3cret-ä-✓"));
    }

    void overwrite()
    {
        CredentialStore store(m_service);
        const QString key = CredentialStore::postgresPasswordKey(QStringLiteral("overwrite"));
        QCOMPARE(write(store, key, QStringLiteral("first")).outcome, CredentialStore::Outcome::Ok);
        QCOMPARE(write(store, key, QStringLiteral("second")).outcome, CredentialStore::Outcome::Ok);
        QCOMPARE(read(store, key).secret, QStringLiteral("second"));
    }

    void removeThenNotFound()
    {
        CredentialStore store(m_service);
        const QString key = CredentialStore::tokenKey(QStringLiteral("remove"));
        QCOMPARE(write(store, key, QStringLiteral("gone-soon")).outcome, CredentialStore::Outcome::Ok);
        QCOMPARE(remove(store, key).outcome, CredentialStore::Outcome::Ok);
        const auto r = read(store, key);
        QCOMPARE(r.outcome, CredentialStore::Outcome::NotFound);
        QVERIFY(r.secret.isEmpty());
        QVERIFY(store.available());
    }

    void readMissingIsNotFound()
    {
        CredentialStore store(m_service);
        QCOMPARE(read(store, QStringLiteral("token/never-written")).outcome, CredentialStore::Outcome::NotFound);
    }

    void servicesAreSeparate()
    {
        CredentialStore a(m_service + QStringLiteral("-a"));
        CredentialStore b(m_service + QStringLiteral("-b"));
        QCOMPARE(write(a, QStringLiteral("token/x"), QStringLiteral("in-a")).outcome, CredentialStore::Outcome::Ok);
        QCOMPARE(read(b, QStringLiteral("token/x")).outcome, CredentialStore::Outcome::NotFound);
    }

    void destroyedContextDropsCallback()
    {
        CredentialStore store(m_service);
        bool called = false;
        auto *context = new QObject;
        store.read(QStringLiteral("token/ctx"), context, [&](const CredentialStore::Result &) { called = true; });
        delete context;
        QTest::qWait(1000);
        QVERIFY(!called);
    }

    void tinyTimeoutTimesOutAndIgnoresTheLateAnswer()
    {
        CredentialStore store(m_service);
        const QString key = CredentialStore::tokenKey(QStringLiteral("timeout"));
        QCOMPARE(write(store, key, QStringLiteral("late")).outcome, CredentialStore::Outcome::Ok);
        store.setTimeoutMs(0);
        int calls = 0;
        CredentialStore::Result result;
        store.read(key, this, [&](const CredentialStore::Result &r) {
            result = r;
            ++calls;
        });
        QTRY_COMPARE(calls, 1);
        QCOMPARE(result.outcome, CredentialStore::Outcome::TimedOut);
        QVERIFY2(result.message.contains(QStringLiteral("did not answer")), qPrintable(result.message));
        QVERIFY(result.secret.isEmpty());
        QTest::qWait(1500); // the keychain's late answer arrives and is ignored
        QCOMPARE(calls, 1);
        QVERIFY(store.available()); // slow is not unavailable

        store.setTimeoutMs(CredentialStore::DefaultTimeoutMs);
        QCOMPARE(read(store, key).secret, QStringLiteral("late"));
    }

    void unusableDbusSessionIsUnavailableQuickly()
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/ops-no-bus"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer clock;
        clock.start();
        child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(ChildArgument)});
        QVERIFY(child.waitForFinished(20000));
        const qint64 elapsed = clock.elapsed();
        const QString output = QString::fromUtf8(child.readAllStandardOutput());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
        QVERIFY2(elapsed < 6000, qPrintable(QString::number(elapsed)));
        QVERIFY2(!output.contains(QStringLiteral("child-secret-value")), "the secret was printed");
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().contains(QString::fromLatin1(ChildArgument)))
        return unavailableChild();
    TestCredentialStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
