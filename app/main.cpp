// ops-console: composition only. Parses the command line, loads the profile, and either runs
// one headless check (--check) or opens the window.
#include "api/ApiClient.h"
#include "apikeys/ApiKeyClient.h"
#include "apikeys/ApiKeysPage.h"
#include "audit/AuditLogPage.h"
#include "audit/AuditReader.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "breaker/BreakerController.h"
#include "breaker/BreakerPage.h"
#include "config/ConfigClient.h"
#include "config/ConfigPage.h"
#include "core/Logging.h"
#include "health/HealthMonitor.h"
#include "health/HealthReport.h"
#include "profiles/ProfileStore.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QTextStream>
#include <QTranslator>

#include <cstring>
#include <memory>

namespace {

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--check", "--help", "-h", "--help-all", "--version", "-v", "--list-profiles"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    }
    return false;
}

void installTranslations(QCoreApplication &app)
{
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("ops-console"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

int runCheck(const ops::ConnectionProfile &profile, bool json)
{
    ops::HealthMonitor monitor(profile);
    int exitCode = 1;
    QObject::connect(&monitor, &ops::HealthMonitor::refreshFinished, &monitor, [&] {
        QTextStream out(stdout);
        if (json)
            out << QString::fromUtf8(ops::HealthReport::json(monitor));
        else
            out << ops::HealthReport::table(monitor);
        out.flush();
        exitCode = ops::HealthReport::exitCode(monitor);
        QCoreApplication::quit();
    });
    QMetaObject::invokeMethod(&monitor, &ops::HealthMonitor::refreshNow, Qt::QueuedConnection);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace

int main(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app = wantsHeadless(argc, argv)
                                                ? std::make_unique<QCoreApplication>(argc, argv)
                                                : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("OpsConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("ops-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPS_VERSION));
    installTranslations(*app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Ops Console: system health, circuit breaker and administration "
                                            "for trading and risk platforms."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QCoreApplication::translate("main", "Connection profile to use (default: sandbox)."),
                                           QCoreApplication::translate("main", "name"), QStringLiteral("sandbox"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QCoreApplication::translate("main", "Settings file with the profiles (default: the per-user settings)."),
                                          QCoreApplication::translate("main", "file"));
    const QCommandLineOption listOption(QStringLiteral("list-profiles"),
                                        QCoreApplication::translate("main", "List the known profiles and exit."));
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         QCoreApplication::translate("main", "Run one health refresh without a window, print it, "
                                                                             "and exit non-zero when any tile is not healthy."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("main", "With --check: print JSON instead of a table."));
    const QCommandLineOption logLevelOption(QStringLiteral("log-level"),
                                            QCoreApplication::translate("main", "Log level: trace, debug, info, warn, error, off."),
                                            QCoreApplication::translate("main", "level"), QStringLiteral("info"));
    parser.addOptions({profileOption, configOption, listOption, checkOption, jsonOption, logLevelOption});
    parser.process(*app);

    ops::initLogging(parser.value(logLevelOption));
    const std::unique_ptr<ops::ProfileStore> store = parser.isSet(configOption)
                                                         ? std::make_unique<ops::ProfileStore>(parser.value(configOption))
                                                         : std::make_unique<ops::ProfileStore>();
    QTextStream err(stderr);
    if (parser.isSet(listOption)) {
        QTextStream(stdout) << store->names().join(QLatin1Char('\n')) << '\n';
        return 0;
    }
    const std::optional<ops::ConnectionProfile> profile = store->load(parser.value(profileOption));
    if (!profile) {
        err << QCoreApplication::translate("main", "ops-console: no profile named \"%1\" (known: %2)")
                   .arg(parser.value(profileOption), store->names().join(QStringLiteral(", ")))
            << '\n';
        return 2;
    }
    if (const QString problem = profile->validate(); !problem.isEmpty()) {
        err << QCoreApplication::translate("main", "ops-console: profile \"%1\": %2").arg(profile->name, problem) << '\n';
        return 2;
    }

    int rc = 0;
    if (parser.isSet(checkOption)) {
        rc = runCheck(*profile, parser.isSet(jsonOption));
    } else {
        // Health endpoints are unauthenticated; everything else goes through the session.
        ops::ApiClient api(*profile);
        ops::CredentialStore credentials(QStringLiteral("ops-console"));
        ops::Session session(&api, &credentials, profile->name);
        ops::HealthMonitor monitor(*profile);
        // The models outlive the window that shows them.
        ops::BreakerController breaker(&session);
        ops::ApiKeyClient apiKeys(&session);
        ops::ConfigClient config(&session);
        std::unique_ptr<ops::AuditService> audit; // re-created when the PostgreSQL password changes
        ops::MainWindow window(*profile, &monitor, nullptr, &session, &api);
        auto *breakerPage = new ops::BreakerPage(&breaker, &session, *profile);
        window.addPage(breakerPage, QCoreApplication::translate("main", "Circuit Breaker"), QKeySequence(Qt::CTRL | Qt::Key_2));
        window.addStatusWidget(new ops::BreakerStatusLabel(&breaker));
        window.addPage(new ops::ApiKeysPage(&apiKeys, &session), QCoreApplication::translate("main", "API Keys"),
                       QKeySequence(Qt::CTRL | Qt::Key_3));
        window.addPage(new ops::ConfigPage(&config, &session), QCoreApplication::translate("main", "Configuration"),
                       QKeySequence(Qt::CTRL | Qt::Key_4));
        auto *auditPage = new ops::AuditLogPage(&session);
        window.addPage(auditPage, QCoreApplication::translate("main", "Audit Log"), QKeySequence(Qt::CTRL | Qt::Key_5));
        // The audit log is read directly from PostgreSQL (read-only role) on worker threads.
        auto connectAudit = [&audit, auditPage, &profile](const QString &password) {
            if (!profile->postgres.enabled)
                return;
            auditPage->setService(nullptr);
            audit = std::make_unique<ops::AuditService>(profile->postgres, password);
            auditPage->setService(audit.get());
        };
        // The PostgreSQL password lives in the keychain only: read it once, store what the operator enters.
        const QString pgKey = ops::CredentialStore::postgresPasswordKey(profile->name);
        credentials.read(pgKey, &monitor, [&monitor, connectAudit](const ops::CredentialStore::Result &r) {
            const bool found = r.outcome == ops::CredentialStore::Outcome::Ok;
            if (found)
                monitor.setPostgresPassword(r.secret);
            connectAudit(found ? r.secret : QString());
        });
        QObject::connect(&window, &ops::MainWindow::postgresPasswordEntered, &monitor,
                         [&monitor, &credentials, pgKey, connectAudit](const QString &password) {
                             monitor.setPostgresPassword(password);
                             connectAudit(password);
                             credentials.write(pgKey, password, &monitor, [](const ops::CredentialStore::Result &) {});
                         });
        window.show();
        monitor.start();
        breaker.start();
        // A remembered token signs in without typing; otherwise the sign-in dialog appears.
        QMetaObject::invokeMethod(&session, &ops::Session::restore, Qt::QueuedConnection);
        rc = QApplication::exec();
    }
    ops::shutdownLogging();
    return rc;
}
