// Renders every page of Ops Console into PNG files, in good and failing states, against the
// sandbox started in-process on ephemeral ports. Run it through scripts/screenshot-tour.sh
// (under Xvfb); the pictures are for people to look at, not assertions.
#include "MockClock.h"
#include "TestPrometheus.h"
#include "metrics/PrometheusClient.h"
#include "sla/SlaMonitor.h"
#include "sla/SlaPanel.h"
#include "Sandbox.h"
#include "api/ApiClient.h"
#include "auth/CredentialStore.h"
#include "auth/Session.h"
#include "auth/SignInDialog.h"
#include "apikeys/ApiKeyClient.h"
#include "apikeys/ApiKeyModel.h"
#include "apikeys/ApiKeysPage.h"
#include "apikeys/CreateApiKeyDialog.h"
#include "apikeys/SecretDialog.h"
#include "audit/AuditLogModel.h"
#include "alerts/AlertReader.h"
#include "alerts/DeliveryModels.h"
#include "alerts/AlertsClient.h"
#include "alerts/AlertsPage.h"
#include "audit/AuditLogPage.h"
#include "audit/AuditReader.h"
#include "config/ConfigClient.h"
#include "config/ConfigForm.h"
#include "config/ConfigPage.h"
#include "config/ConfigPreviewDialog.h"
#include "breaker/BreakerController.h"
#include "breaker/BreakerPage.h"
#include "breaker/ConfirmActionDialog.h"
#include "health/HealthMonitor.h"
#include "health/HealthPage.h"
#include "health/ServiceDetailDialog.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QTabWidget>
#include <QCheckBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QPlainTextEdit>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool refresh(ops::HealthMonitor &monitor)
{
    QSignalSpy finished(&monitor, &ops::HealthMonitor::refreshFinished);
    monitor.refreshNow();
    return finished.wait(15000);
}

bool shoot(QWidget *widget, const QString &dir, const QString &name)
{
    settle(300);
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    const bool ok = widget->grab().save(path);
    std::fprintf(stdout, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("dir"),
                                       QStringLiteral("screenshots-out"));
    const QCommandLineOption portOption(QStringLiteral("db-port"), QStringLiteral("PostgreSQL port."), QStringLiteral("port"));
    const QCommandLineOption translationOption(QStringLiteral("translation"),
                                               QStringLiteral("A .qm file: also render the fault page in that language."),
                                               QStringLiteral("file"));
    parser.addOptions({outOption, portOption, translationOption});
    parser.process(app);
    const QString out = parser.value(outOption);
    QDir().mkpath(out);

    opssandbox::SandboxConfig config;
    config.controlPort = 0;
    config.firstServicePort = 0;
    config.apiPort = 0;
    config.dbPort = quint16(parser.value(portOption).toUInt());
    config.dbName = QStringLiteral("ops_tour");
    opssandbox::Sandbox sandbox;
    QString error;
    if (!sandbox.start(config, &error)) {
        std::fprintf(stderr, "tour: sandbox: %s\n", qPrintable(error));
        return 1;
    }
    ops::ConnectionProfile profile;
    profile.name = QStringLiteral("sandbox");
    profile.environment = QStringLiteral("sandbox");
    profile.colour = QStringLiteral("#1565c0");
    profile.redisSource = QStringLiteral("execution_gateway");
    for (const QString &name : sandbox.serviceNames())
        profile.services.append({name, sandbox.healthUrl(name), sandbox.readinessUrl(name)});
    profile.postgres.port = config.dbPort;
    profile.postgres.database = config.dbName;
    profile.postgres.user = QStringLiteral("postgres");
    profile.postgres.sslMode = QStringLiteral("disable");

    int failures = 0;
    {
        ops::test::MockClock clock(QDateTime::currentDateTimeUtc());
        ops::HealthMonitor monitor(profile, clock);
        monitor.setFetchTimeoutMs(1500);
        ops::MainWindow window(profile, &monitor);
        window.resize(1360, 860);
        window.show();
        for (int i = 0; i < 12; ++i) { // a little latency history for the chart
            refresh(monitor);
            clock.advanceSeconds(10);
        }
        refresh(monitor);
        failures += !shoot(&window, out, QStringLiteral("01-health-all-healthy"));

        using F = opssandbox::Fault;
        sandbox.setFault(QStringLiteral("orchestrator"), F::Down);
        sandbox.setFault(QStringLiteral("signal_service"), F::Degraded);
        sandbox.setFault(QStringLiteral("market_data_service"), F::Initialising);
        sandbox.setFault(QStringLiteral("reconciler"), F::Html);
        sandbox.setFault(QStringLiteral("risk_manager"), F::Unhealthy);
        clock.advanceSeconds(10);
        refresh(monitor);
        failures += !shoot(&window, out, QStringLiteral("02-health-faults-stale-initialising-degraded"));

        clock.advanceSeconds(25);
        refresh(monitor);
        failures += !shoot(&window, out, QStringLiteral("03-health-unreachable"));

        auto *detail = new ops::ServiceDetailDialog(&monitor, monitor.rowOf(QStringLiteral("execution_gateway")), &window);
        detail->show();
        failures += !shoot(detail, out, QStringLiteral("04-service-detail-components"));
        delete detail;
        detail = new ops::ServiceDetailDialog(&monitor, monitor.rowOf(QStringLiteral("orchestrator")), &window);
        detail->show();
        failures += !shoot(detail, out, QStringLiteral("05-service-detail-stale"));
        delete detail;

        window.healthPage()->pauseAction()->trigger();
        failures += !shoot(&window, out, QStringLiteral("06-health-paused"));
        window.healthPage()->pauseAction()->trigger();
        sandbox.clearFaults();
    }
    {
        // Sign-in, a signed-in operator, and the idle lock.
        profile.restBaseUrl = sandbox.apiBaseUrl();
        ops::HealthMonitor monitor(profile);
        ops::ApiClient api(profile);
        ops::CredentialStore store(QStringLiteral("ops-console-tour"));
        ops::Session session(&api, &store, profile.name);
        ops::BreakerController breaker(&session);
        ops::MainWindow window(profile, &monitor, nullptr, &session, &api);
        auto *breakerPage = new ops::BreakerPage(&breaker, &session, profile);
        window.addPage(breakerPage, QStringLiteral("Circuit Breaker"), QKeySequence(Qt::CTRL | Qt::Key_2));
        window.addStatusWidget(new ops::BreakerStatusLabel(&breaker));
        window.resize(1360, 860);
        window.show();
        refresh(monitor);
        window.requestSignIn(QStringLiteral("Please sign in."));
        settle(300);
        if (ops::SignInDialog *dialog = window.signInDialog()) {
            dialog->setUserName(QStringLiteral("operator"));
            failures += !shoot(dialog, out, QStringLiteral("09-sign-in-dialog"));
        } else {
            ++failures;
        }
        QSignalSpy signedIn(&session, &ops::Session::signedIn);
        session.signIn(QStringLiteral("operator"), QStringLiteral("operator-sandbox-pw"), false);
        if (!signedIn.wait(10000))
            ++failures;
        settle(300);
        failures += !shoot(&window, out, QStringLiteral("10-signed-in-operator"));

        // The circuit breaker: open, a trip dialog being filled, tripped with history, the reset
        // dialog with a failing condition, and UNKNOWN when the state cannot be read.
        auto waitFor = [](const std::function<bool()> &condition) {
            for (int i = 0; i < 100 && !condition(); ++i)
                settle(50);
            return condition();
        };
        auto act = [&](const std::function<bool(ops::BreakerController::OutcomeCallback)> &action) {
            bool done = false;
            if (action([&](const ops::BreakerController::Outcome &) { done = true; }))
                waitFor([&] { return done; });
        };
        breaker.start();
        window.showPage(breakerPage);
        failures += !waitFor([&] { return breaker.isVerified(); });
        for (const char *r : {"Market data feed stale for 3 minutes on XNAS", "Broker API errors above 5% since 09:41"}) {
            act([&](auto cb) { return breaker.trip(breaker.newIdempotencyKey(), QStringLiteral("DATA_STALE"), QString::fromUtf8(r), nullptr, cb); });
            sandbox.advanceClock(61);
            act([&](auto cb) { return breaker.reset(breaker.newIdempotencyKey(), QStringLiteral("Feed recovered, checked with the venue"), {}, nullptr, cb); });
        }
        sandbox.advanceClock(61);
        breaker.refreshNow();
        waitFor([&] { return breaker.isVerified() && breaker.resetCooldownSeconds() == 0; });
        settle(300);
        failures += !shoot(&window, out, QStringLiteral("12-breaker-open"));

        breakerPage->openTripDialog();
        if (ops::ConfirmActionDialog *d = breakerPage->activeDialog()) {
            d->reasonEdit()->setPlainText(QStringLiteral("Quotes from XNAS stale"));
            settle(200);
            failures += !shoot(d, out, QStringLiteral("13-trip-dialog-reason-too-short"));
            d->reasonEdit()->setPlainText(QStringLiteral("Quotes from XNAS stale for 4 minutes, halting"));
            d->acknowledgement()->setChecked(true);
            settle(200);
            failures += !shoot(d, out, QStringLiteral("14-trip-dialog-ready"));
            d->reject();
        } else {
            ++failures;
        }
        settle(200);
        act([&](auto cb) { return breaker.trip(breaker.newIdempotencyKey(), QStringLiteral("MANUAL"),
                                                 QStringLiteral("Quotes from XNAS stale for 4 minutes, halting"), nullptr, cb); });
        opssandbox::BreakerFaults faults;
        faults.failingConditions = {QStringLiteral("broker_errors")};
        sandbox.setBreakerFaults(faults);
        sandbox.advanceClock(61);
        breaker.refreshNow();
        waitFor([&] { return breaker.isVerified() && !breaker.snapshot().allConditionsOk(); });
        settle(300);
        failures += !shoot(&window, out, QStringLiteral("15-breaker-tripped-history"));
        breakerPage->openResetDialog();
        if (ops::ConfirmActionDialog *d = breakerPage->activeDialog()) {
            d->reasonEdit()->setPlainText(QStringLiteral("Venue confirmed quotes are flowing again"));
            d->acknowledgement()->setChecked(true);
            settle(200);
            failures += !shoot(d, out, QStringLiteral("16-reset-dialog-failing-condition"));
            d->reject();
        } else {
            ++failures;
        }
        settle(200);
        faults.failingConditions.clear();
        faults.unreadable = true;
        sandbox.setBreakerFaults(faults);
        breaker.refreshNow();
        waitFor([&] { return !breaker.isVerified(); });
        settle(300);
        failures += !shoot(&window, out, QStringLiteral("17-breaker-unknown"));
        sandbox.clearBreakerFaults();
        breaker.refreshNow();
        waitFor([&] { return breaker.isVerified(); });
        window.showPage(window.healthPage());

        window.lockNow();
        failures += !shoot(&window, out, QStringLiteral("11-idle-lock"));
    }
    {
        // Admin pages: API keys, configuration, audit log.
        profile.restBaseUrl = sandbox.apiBaseUrl();
        ops::HealthMonitor monitor(profile);
        ops::ApiClient api(profile);
        ops::CredentialStore store(QStringLiteral("ops-console-tour"));
        ops::Session session(&api, &store, profile.name);
        ops::ApiKeyClient keys(&session);
        ops::ConfigClient config(&session);
        ops::PostgresEndpoint readOnly = profile.postgres;
        readOnly.user = QStringLiteral("ops_console_ro");
        ops::AuditService audit(readOnly, QString());
        ops::MainWindow window(profile, &monitor, nullptr, &session, &api);
        auto *keysPage = new ops::ApiKeysPage(&keys, &session);
        auto *configPage = new ops::ConfigPage(&config, &session);
        auto *auditPage = new ops::AuditLogPage(&session);
        window.addPage(keysPage, QStringLiteral("API Keys"), QKeySequence(Qt::CTRL | Qt::Key_3));
        window.addPage(configPage, QStringLiteral("Configuration"), QKeySequence(Qt::CTRL | Qt::Key_4));
        window.addPage(auditPage, QStringLiteral("Audit Log"), QKeySequence(Qt::CTRL | Qt::Key_5));
        window.resize(1360, 860);
        window.show();
        auto waitFor = [](const std::function<bool()> &condition) {
            for (int i = 0; i < 200 && !condition(); ++i)
                settle(50);
            return condition();
        };
        QSignalSpy signedIn(&session, &ops::Session::signedIn);
        session.signIn(QStringLiteral("admin"), QStringLiteral("admin-sandbox-pw"), false);
        if (!signedIn.wait(10000))
            ++failures;
        auto run = [&](const std::function<void(ops::ApiKeyClient::Callback)> &call) {
            bool done = false;
            call([&](ops::ApiKeyClient::Result &) { done = true; });
            waitFor([&] { return done; });
        };
        const QStringList reads{QStringLiteral("read_positions"), QStringLiteral("read_orders")};
        run([&](auto cb) { keys.create(QStringLiteral("reconciliation-batch"), reads, {}, nullptr, cb); });
        run([&](auto cb) { keys.create(QStringLiteral("risk-dashboard"), {QStringLiteral("read_positions")},
                                       QDateTime::currentDateTimeUtc().addDays(30), nullptr, cb); });
        run([&](auto cb) { keys.create(QStringLiteral("legacy-order-router"), {QStringLiteral("write_orders")}, {}, nullptr, cb); });
        waitFor([&] { return keys.model()->rowCount() == 3; });
        const auto byName = [&](const QString &name) -> qint64 {
            for (const ops::ApiKey &k : keys.model()->keys())
                if (k.name == name)
                    return k.id;
            return 0;
        };
        run([&](auto cb) { keys.rotate(byName(QStringLiteral("reconciliation-batch")), nullptr, cb); });
        run([&](auto cb) { keys.revoke(byName(QStringLiteral("legacy-order-router")),
                                       QStringLiteral("Router decommissioned, key no longer needed"), nullptr, cb); });
        keys.refresh();
        waitFor([&] { return keys.model()->rowCount() == 4 && !keys.isLoading(); });
        window.showPage(keysPage);
        settle(300);
        failures += !shoot(&window, out, QStringLiteral("19-api-keys"));

        keysPage->openCreate();
        if (ops::CreateApiKeyDialog *d = keysPage->createDialog()) {
            d->nameEdit()->setText(QStringLiteral("ab"));
            settle(200);
            failures += !shoot(d, out, QStringLiteral("20-api-key-create-invalid"));
            d->reject();
        } else {
            ++failures;
        }
        settle(200);
        {
            ops::SecretDialog secret(QStringLiteral("risk-dashboard"),
                                     QStringLiteral("tp_test_k3v9x2qa.Zm9yIHRoZSB0b3VyIG9ubHksIG5vdCBhIHJlYWwga2V5"),
                                     QString(), &window);
            secret.show();
            settle(200);
            failures += !shoot(&secret, out, QStringLiteral("21-api-key-secret-shown-once"));
            secret.copiedBox()->setChecked(true);
            secret.accept();
        }

        window.showPage(configPage);
        configPage->reloadAll();
        waitFor([&] { return configPage->form(QStringLiteral("position_limits"))
                             && configPage->form(QStringLiteral("position_limits"))->hasDocument(); });
        configPage->selectDocument(QStringLiteral("position_limits"));
        if (ops::ConfigForm *form = configPage->currentForm()) {
            if (auto *orders = qobject_cast<QSpinBox *>(form->editor(QStringLiteral("max_open_orders"))))
                orders->setValue(250);
            if (auto *perSymbol = qobject_cast<QSpinBox *>(form->editor(QStringLiteral("max_position_per_symbol"))))
                perSymbol->setValue(12000);
        }
        settle(200);
        failures += !shoot(&window, out, QStringLiteral("22-config-edited"));
        configPage->openPreview();
        settle(300);
        if (configPage->previewDialog())
            failures += !shoot(configPage->previewDialog(), out, QStringLiteral("23-config-preview"));
        else
            ++failures;
        if (configPage->previewDialog())
            configPage->previewDialog()->reject();
        settle(200);

        QString error;
        if (!sandbox.generateAuditRows(3000, &error))
            std::fprintf(stderr, "tour: generate audit rows: %s\n", qPrintable(error));
        auditPage->setService(&audit);
        window.showPage(auditPage);
        auditPage->applyFilters();
        waitFor([&] { return auditPage->model() && auditPage->model()->rowCount() > 0 && !auditPage->model()->isLoading(); });
        auditPage->table()->selectRow(2);
        settle(300);
        failures += !shoot(&window, out, QStringLiteral("24-audit-log"));
        auditPage->verifyIntegrity();
        waitFor([&] { return !auditPage->integrityText().isEmpty(); });
        settle(300);
        failures += !shoot(&window, out, QStringLiteral("25-audit-verified"));
        auditPage->setService(nullptr);

        // Alerts: sms failing, so three passes poison its deliveries; email ones get delivered.
        opssandbox::AlertSettings alertSettings = sandbox.alertSettings();
        alertSettings.failingChannels = {QStringLiteral("sms")};
        alertSettings.workerIntervalMs = 0;
        alertSettings.eventProbability = 0;
        alertSettings.smsFailureRate = 0;
        sandbox.setAlertSettings(alertSettings);
        // sms allows 10 attempts a minute: three deliveries × three attempts fit in one.
        if (!sandbox.generateAlerts(3, QStringLiteral("sms"), {}, nullptr, &error)
            || !sandbox.generateAlerts(4, QStringLiteral("email"), {}, nullptr, &error))
            std::fprintf(stderr, "tour: generate alerts: %s\n", qPrintable(error));
        sandbox.processAlertPasses(3);
        ops::AlertsClient alertsClient(&session);
        ops::AlertService alertService(readOnly, QString());
        auto *alertsPage = new ops::AlertsPage(&alertsClient, &session);
        window.addPage(alertsPage, QStringLiteral("Alerts"), QKeySequence(Qt::CTRL | Qt::Key_6));
        alertsPage->setService(&alertService);
        window.showPage(alertsPage);
        alertsPage->refresh();
        waitFor([&] { return alertsPage->poisonModel()->rowCount() >= 3; });
        alertsPage->poisonView()->selectRow(0);
        alertsPage->poisonView()->selectRow(1);
        settle(300);
        failures += !shoot(&window, out, QStringLiteral("26-alerts-poison-queue"));
        alertsPage->tabs()->setCurrentIndex(1);
        settle(300);
        failures += !shoot(&window, out, QStringLiteral("27-alerts-delivery-history"));

        // SLA and latency percentiles from a real Prometheus scraping the sandbox every second; the
        // worker's passes also make the services' synthetic request traffic.
        alertSettings.failingChannels.clear();
        alertSettings.workerIntervalMs = 500;
        sandbox.setAlertSettings(alertSettings);
        ops::test::TestPrometheus prometheusServer;
        const QUrl apiUrl = sandbox.apiBaseUrl();
        QNetworkAccessManager promNetwork;
        ops::PrometheusClient prometheus(&promNetwork);
        ops::SlaMonitor sla(&prometheus);
        auto *slaPanel = new ops::SlaPanel(&sla);
        window.addPage(slaPanel, QStringLiteral("SLA"), QKeySequence(Qt::CTRL | Qt::Key_7));
        if (prometheusServer.start(QStringLiteral("%1:%2").arg(apiUrl.host()).arg(apiUrl.port()), 1, &error)
            && prometheusServer.waitForTargetUp(15000, &error)) {
            settle(4000); // a few scrapes, so rates exist
            prometheus.setBaseUrl(prometheusServer.baseUrl());
            sla.setPrometheusUrl(prometheusServer.baseUrl());
            window.showPage(slaPanel);
            sla.refreshNow();
            QSignalSpy slaDone(&sla, &ops::SlaMonitor::refreshFinished);
            slaDone.wait(10000);
            settle(500);
            failures += !shoot(&window, out, QStringLiteral("28-sla-panel"));
            window.healthPage()->setPrometheus(&prometheus);
            window.showPage(window.healthPage());
            monitor.refreshNow();
            settle(3000);
            failures += !shoot(&window, out, QStringLiteral("29-health-latency-percentiles"));
            window.healthPage()->setPrometheus(nullptr);
        } else {
            std::fprintf(stderr, "tour: prometheus: %s\n", qPrintable(error));
            ++failures;
        }
        alertsPage->setService(nullptr);
    }
    if (parser.isSet(translationOption)) {
        QTranslator translator;
        if (!translator.load(parser.value(translationOption))) {
            std::fprintf(stderr, "tour: cannot load %s\n", qPrintable(parser.value(translationOption)));
            ++failures;
        } else {
            QCoreApplication::installTranslator(&translator);
            ops::test::MockClock clock(QDateTime::currentDateTimeUtc());
            ops::HealthMonitor monitor(profile, clock);
            monitor.setFetchTimeoutMs(1500);
            ops::MainWindow window(profile, &monitor);
            window.resize(1360, 860);
            window.show();
            refresh(monitor);
            sandbox.setFault(QStringLiteral("orchestrator"), opssandbox::Fault::Down);
            sandbox.setFault(QStringLiteral("signal_service"), opssandbox::Fault::Degraded);
            sandbox.setFault(QStringLiteral("market_data_service"), opssandbox::Fault::Initialising);
            clock.advanceSeconds(10);
            refresh(monitor);
            failures += !shoot(&window, out, QStringLiteral("08-health-faults-translated"));
            sandbox.clearFaults();
            QCoreApplication::removeTranslator(&translator);
        }
    }
    {
        ops::ConnectionProfile production = profile;
        production.name = QStringLiteral("prod-eu");
        production.environment = QStringLiteral("production");
        ops::HealthMonitor monitor(production);
        ops::MainWindow window(production, &monitor);
        window.resize(1360, 860);
        window.show();
        refresh(monitor);
        failures += !shoot(&window, out, QStringLiteral("07-health-production-profile"));

        ops::ConfirmActionSpec spec;
        spec.title = QStringLiteral("Engage kill switch — production");
        spec.headline = QStringLiteral("Flatten on production: the kill switch goes to ENGAGED.");
        spec.effect = QStringLiteral("All open positions will be flattened and trading stops.");
        spec.confirmLabel = QStringLiteral("Engage kill switch — flatten");
        spec.reasonLabel = QStringLiteral("Reason");
        spec.environmentName = QStringLiteral("production");
        ops::ConfirmActionDialog dialog(spec, ops::Clock::system(), &window);
        dialog.reasonEdit()->setPlainText(QStringLiteral("Runaway strategy S-14, flatten everything"));
        dialog.acknowledgement()->setChecked(true);
        dialog.show();
        failures += !shoot(&dialog, out, QStringLiteral("18-production-kill-switch-typed-name"));
    }
    return failures == 0 ? 0 : 1;
}
