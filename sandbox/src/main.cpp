// ops-sandbox: runs the seven simulated services and the control API until SIGINT/SIGTERM.

#include "Sandbox.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QSocketNotifier>
#include <QtCore/QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

#ifndef OPS_VERSION
#define OPS_VERSION "0.1.0"
#endif

namespace {

int g_signalFds[2] = {-1, -1};

extern "C" void onSignal(int signo)
{
    const char byte = char(signo);
    // Async-signal-safe: only write(2). A full pipe just means a quit is already pending.
    [[maybe_unused]] const ssize_t n = ::write(g_signalFds[0], &byte, 1);
}

bool installSignalHandlers(QString *error)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) != 0) {
        *error = QStringLiteral("socketpair failed");
        return false;
    }
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (::sigaction(SIGINT, &sa, nullptr) != 0 || ::sigaction(SIGTERM, &sa, nullptr) != 0) {
        *error = QStringLiteral("sigaction failed");
        return false;
    }
    std::signal(SIGPIPE, SIG_IGN);
    return true;
}

int fail(const QString &message)
{
    QTextStream err(stderr);
    err << "ops-sandbox: error: " << message << '\n';
    err.flush();
    return 1;
}

// Reads an unsigned integer option; flags win over the config file.
bool portOption(const QCommandLineParser &parser, const QSettings *ini, const QString &key,
                quint16 *out, QString *error)
{
    QString text;
    if (parser.isSet(key))
        text = parser.value(key);
    else if (ini && ini->contains(key))
        text = ini->value(key).toString();
    else
        return true;
    bool ok = false;
    const uint v = text.trimmed().toUInt(&ok);
    if (!ok || v > 65535) {
        *error = QStringLiteral("--%1: '%2' is not a port number (0-65535)").arg(key, text);
        return false;
    }
    *out = quint16(v);
    return true;
}

QString stringOption(const QCommandLineParser &parser, const QSettings *ini, const QString &key,
                     const QString &fallback)
{
    if (parser.isSet(key))
        return parser.value(key);
    if (ini && ini->contains(key))
        return ini->value(key).toString();
    return fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ops-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Local reference platform for Ops Console: seven simulated services with injectable "
        "faults and a loopback-only control API. The database password is read from the "
        "PGPASSWORD environment variable only."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("bind"), QStringLiteral("Address the services listen on (default 127.0.0.1)."),
         QStringLiteral("address")},
        {QStringLiteral("control-port"),
         QStringLiteral("Control API port on 127.0.0.1; 0 = ephemeral (default 18000)."),
         QStringLiteral("port")},
        {QStringLiteral("first-port"),
         QStringLiteral("Port of the first service; service i uses first-port + i; 0 = all ephemeral "
                        "(default 18001)."),
         QStringLiteral("port")},
        {QStringLiteral("api-port"),
         QStringLiteral("REST API port (/api/v1, sign-in) on the bind address; 0 = ephemeral "
                        "(default 18080)."),
         QStringLiteral("port")},
        {QStringLiteral("tls-cert"),
         QStringLiteral("PEM certificate: with --tls-key the REST API serves HTTPS."),
         QStringLiteral("file")},
        {QStringLiteral("tls-key"),
         QStringLiteral("PEM private key (unencrypted) for --tls-cert."),
         QStringLiteral("file")},
        {QStringLiteral("db-host"), QStringLiteral("PostgreSQL host (default 127.0.0.1)."),
         QStringLiteral("host")},
        {QStringLiteral("db-port"), QStringLiteral("PostgreSQL port (default 5432)."),
         QStringLiteral("port")},
        {QStringLiteral("db-name"),
         QStringLiteral("Database name, created if missing (default ops_sandbox)."),
         QStringLiteral("name")},
        {QStringLiteral("db-user"), QStringLiteral("PostgreSQL user (default postgres)."),
         QStringLiteral("user")},
        {QStringLiteral("initialising-seconds"),
         QStringLiteral("market_data_service answers 503 'initialising' this long after start "
                        "(default 0)."),
         QStringLiteral("seconds")},
        {QStringLiteral("alert-interval-ms"),
         QStringLiteral("Interval of the alert delivery worker in ms; 0 = stopped (default 2000; "
                        "also POST /control/alerts)."),
         QStringLiteral("ms")},
        {QStringLiteral("console-ro-password"),
         QStringLiteral("Set this password on the console's read-only database role ops_console_ro "
                        "(cluster-wide; default: leave it unchanged). Demo use: a command line is "
                        "visible to other local users."),
         QStringLiteral("password")},
        {QStringLiteral("generate-audit"),
         QStringLiteral("Benchmark data: connect, migrate, insert N synthetic audit_log rows (90 days, "
                        "chained like every row; progress on stderr), then exit without serving."),
         QStringLiteral("N")},
        {QStringLiteral("config"),
         QStringLiteral("INI file with the same keys (bind, control-port, ...); flags win."),
         QStringLiteral("file")},
    });
    parser.process(app);

    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1' (see --help)")
                        .arg(parser.positionalArguments().constFirst()));

    std::unique_ptr<QSettings> ini;
    if (parser.isSet(QStringLiteral("config"))) {
        const QString file = parser.value(QStringLiteral("config"));
        const QFileInfo info(file);
        if (!info.isFile() || !info.isReadable())
            return fail(QStringLiteral("cannot read config file '%1'").arg(file));
        ini = std::make_unique<QSettings>(file, QSettings::IniFormat);
        if (ini->status() != QSettings::NoError)
            return fail(QStringLiteral("config file '%1' is not a valid INI file").arg(file));
        if (ini->contains(QStringLiteral("db-password")) || ini->contains(QStringLiteral("password"))
            || ini->contains(QStringLiteral("console-ro-password")))
            return fail(QStringLiteral("config file '%1' must not hold a password; use PGPASSWORD")
                            .arg(file));
    }

    opssandbox::SandboxConfig config;
    QString error;
    const QString bind = stringOption(parser, ini.get(), QStringLiteral("bind"), QString());
    if (!bind.isEmpty()) {
        QHostAddress address;
        if (bind == QLatin1String("localhost"))
            address = QHostAddress(QHostAddress::LocalHost);
        else if (!address.setAddress(bind))
            return fail(QStringLiteral("--bind: '%1' is not an IP address").arg(bind));
        config.bindAddress = address;
    }
    if (!portOption(parser, ini.get(), QStringLiteral("control-port"), &config.controlPort, &error)
        || !portOption(parser, ini.get(), QStringLiteral("first-port"), &config.firstServicePort, &error)
        || !portOption(parser, ini.get(), QStringLiteral("api-port"), &config.apiPort, &error)
        || !portOption(parser, ini.get(), QStringLiteral("db-port"), &config.dbPort, &error))
        return fail(error);
    config.dbHost = stringOption(parser, ini.get(), QStringLiteral("db-host"), config.dbHost);
    config.dbName = stringOption(parser, ini.get(), QStringLiteral("db-name"), config.dbName);
    config.dbUser = stringOption(parser, ini.get(), QStringLiteral("db-user"), config.dbUser);
    config.dbPassword = qEnvironmentVariable("PGPASSWORD");
    config.tlsCertificatePath = stringOption(parser, ini.get(), QStringLiteral("tls-cert"), QString());
    config.tlsKeyPath = stringOption(parser, ini.get(), QStringLiteral("tls-key"), QString());
    const QString initText =
        stringOption(parser, ini.get(), QStringLiteral("initialising-seconds"), QStringLiteral("0"));
    bool ok = false;
    config.initialisingSeconds = initText.trimmed().toInt(&ok);
    if (!ok || config.initialisingSeconds < 0 || config.initialisingSeconds > 3600)
        return fail(QStringLiteral("--initialising-seconds: '%1' is not a number of seconds (0-3600)")
                        .arg(initText));

    const QString alertText =
        stringOption(parser, ini.get(), QStringLiteral("alert-interval-ms"), QStringLiteral("2000"));
    config.alertIntervalMs = alertText.trimmed().toInt(&ok);
    if (!ok || config.alertIntervalMs < 0 || config.alertIntervalMs > 3600 * 1000)
        return fail(QStringLiteral("--alert-interval-ms: '%1' is not a number of milliseconds (0-3600000)")
                        .arg(alertText));

    if (parser.isSet(QStringLiteral("console-ro-password"))) {
        config.consoleReadOnlyPassword = parser.value(QStringLiteral("console-ro-password"));
        if (config.consoleReadOnlyPassword.isEmpty())
            return fail(QStringLiteral("--console-ro-password: the password must not be empty"));
    }

    if (parser.isSet(QStringLiteral("generate-audit"))) {
        const QString text = parser.value(QStringLiteral("generate-audit"));
        const qlonglong count = text.trimmed().toLongLong(&ok);
        if (!ok || count < 1 || count > 100000000)
            return fail(QStringLiteral("--generate-audit: '%1' is not a number of rows (1-100000000)").arg(text));
        QTextStream err(stderr);
        QElapsedTimer clock;
        clock.start();
        const bool generated = opssandbox::Sandbox::generateAuditRows(
            config, count, &error, [&err, &clock](qint64 done, qint64 total) {
                err << "ops-sandbox: generated " << done << " / " << total << " audit rows ("
                    << QString::number(double(clock.elapsed()) / 1000.0, 'f', 1) << " s)\n";
                err.flush();
            });
        if (!generated)
            return fail(error);
        std::fprintf(stdout, "ops-sandbox: generated %lld audit rows in %.1f s\n", count,
                     double(clock.elapsed()) / 1000.0);
        return 0;
    }

    if (!installSignalHandlers(&error))
        return fail(error);
    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalFds[1], &byte, 1);
        QCoreApplication::quit();
    });

    opssandbox::Sandbox sandbox;
    if (!sandbox.start(config, &error))
        return fail(error);

    const QString firstName = sandbox.serviceNames().constFirst();
    std::fprintf(stdout, "ops-sandbox: ready control=http://127.0.0.1:%u first-service-port=%u api=%s\n",
                 unsigned(sandbox.controlPort()), unsigned(sandbox.servicePort(firstName)),
                 sandbox.apiBaseUrl().toString().toUtf8().constData());
    std::fflush(stdout);

    const int rc = app.exec();
    QTextStream(stderr) << "ops-sandbox: stopping\n";
    return rc;
}
