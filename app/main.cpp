// ops-console: composition only. Parses the command line, loads the profile, and either runs
// one headless check (--check) or opens the window.
#include "alerts/AlertReader.h"
#include "alerts/AlertsClient.h"
#include "alerts/AlertsPage.h"
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
#include "core/Preferences.h"
#include "core/StallMonitor.h"
#include "health/HealthModel.h"
#include "health/HealthMonitor.h"
#include "health/HealthPage.h"
#include "health/HealthReport.h"
#include "metrics/PrometheusClient.h"
#include "notify/AttentionRollup.h"
#include "notify/NotificationPolicy.h"
#include "profiles/ProfileStore.h"
#include "shell/MainWindow.h"
#include "shell/Theme.h"
#include "shell/TrayIcon.h"
#include "sla/SlaMonitor.h"
#include "sla/SlaPanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QNetworkAccessManager>
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
    ops::Preferences preferences; // the operator's own settings file (the profiles' file), not --config
    if (preferences.language() != QLatin1String("system"))
        QLocale::setDefault(preferences.uiLocale());
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
    const QCommandLineOption stallsOption(QStringLiteral("log-stalls"),
                                          QCoreApplication::translate("main", "Log every GUI-thread stall of at least ms milliseconds "
                                                                              "(also OPS_LOG_STALLS_MS)."),
                                          QCoreApplication::translate("main", "ms"));
    parser.addOptions({profileOption, configOption, listOption, checkOption, jsonOption, logLevelOption, stallsOption});
    parser.process(*app);

    const QString logPath = ops::initLogging(parser.value(logLevelOption));
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
        QGuiApplication::setDesktopFileName(QStringLiteral("org.example.OpsConsole"));
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ops-console.svg")));
        ops::Theme::apply(preferences.theme());
        ops::ApiClient api(*profile);
        ops::CredentialStore credentials(QStringLiteral("ops-console"));
        ops::Session session(&api, &credentials, profile->name);
        ops::HealthMonitor monitor(*profile);
        // The models outlive the window that shows them.
        ops::BreakerController breaker(&session);
        ops::ApiKeyClient apiKeys(&session);
        ops::ConfigClient config(&session);
        ops::AlertsClient alerts(&session);
        // Prometheus (SLA figures, latency percentiles) when the profile names one.
        QNetworkAccessManager prometheusNetwork;
        ops::PrometheusClient prometheus(&prometheusNetwork);
        prometheus.setBaseUrl(profile->prometheusUrl);
        ops::SlaMonitor sla(&prometheus);
        std::unique_ptr<ops::AuditService> audit; // re-created when the PostgreSQL password changes
        std::unique_ptr<ops::AlertService> alertReader; // likewise
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
        auto *alertsPage = new ops::AlertsPage(&alerts, &session);
        window.addPage(alertsPage, QCoreApplication::translate("main", "Alerts"), QKeySequence(Qt::CTRL | Qt::Key_6));
        window.addPage(new ops::SlaPanel(&sla), QCoreApplication::translate("main", "SLA"), QKeySequence(Qt::CTRL | Qt::Key_7));
        if (prometheus.isConfigured())
            window.healthPage()->setPrometheus(&prometheus);
        // The audit log and the alert deliveries are read directly from PostgreSQL (read-only role)
        // on worker threads.
        auto connectAudit = [&audit, auditPage, &alertReader, alertsPage, &profile](const QString &password) {
            if (!profile->postgres.enabled)
                return;
            auditPage->setService(nullptr);
            audit = std::make_unique<ops::AuditService>(profile->postgres, password);
            auditPage->setService(audit.get());
            alertsPage->setService(nullptr);
            alertReader = std::make_unique<ops::AlertService>(profile->postgres, password);
            alertsPage->setService(alertReader.get());
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
        window.setLogDirectory(QFileInfo(logPath).absolutePath());
        window.setPreferences(&preferences); // geometry, last page, refresh and idle-lock overrides

        // Tray: the worst state of health, breaker and SLA; desktop notifications on transitions only.
        ops::HealthModel trayHealthModel(&monitor); // the page keeps its own model
        ops::AttentionRollup attention;
        attention.watchHealth(&trayHealthModel, &monitor);
        attention.watchBreaker(&breaker);
        attention.watchSla(&sla);
        ops::NotificationPolicy notifications;
        notifications.watch(&attention);
        QObject::connect(&session, &ops::Session::signedIn, &notifications, &ops::NotificationPolicy::restart);
        QObject::connect(&session, &ops::Session::signedOut, &notifications, &ops::NotificationPolicy::restart);
        ops::TrayIcon tray(&attention, preferences.settings());
        QObject::connect(&preferences, &ops::Preferences::changed, &tray, [&tray, &preferences](ops::Preferences::Setting setting) {
            if (setting == ops::Preferences::Setting::Notifications)
                tray.setNotificationsEnabled(preferences.notificationsEnabled());
        });
        tray.setMainWindow(&window);
        tray.setNotificationPolicy(&notifications);
        QObject::connect(&tray, &ops::TrayIcon::quitRequested, &window, &QWidget::close);

        // Debugging aid: logs GUI-thread stalls (--log-stalls MS or OPS_LOG_STALLS_MS); null when off.
        const std::unique_ptr<ops::StallMonitor> stalls = ops::StallMonitor::fromSettings(parser.value(stallsOption));

        window.show();
        monitor.start();
        breaker.start();
        sla.start();
        // A remembered token signs in without typing; otherwise the sign-in dialog appears.
        QMetaObject::invokeMethod(&session, &ops::Session::restore, Qt::QueuedConnection);
        rc = QApplication::exec();
    }
    ops::shutdownLogging();
    return rc;
}
