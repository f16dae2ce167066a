#include "core/Logging.h"

#include <QDir>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace ops {
namespace {

void qtMessageToSpdlog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray text = message.toUtf8();
    const char *category = context.category ? context.category : "qt";
    switch (type) {
    case QtDebugMsg: spdlog::debug("[{}] {}", category, text.constData()); break;
    case QtInfoMsg: spdlog::info("[{}] {}", category, text.constData()); break;
    case QtWarningMsg: spdlog::warn("[{}] {}", category, text.constData()); break;
    case QtCriticalMsg: spdlog::error("[{}] {}", category, text.constData()); break;
    case QtFatalMsg:
        spdlog::critical("[{}] {}", category, text.constData());
        spdlog::default_logger()->flush();
        std::abort();
    }
}

} // namespace

QString initLogging(const QString &level, const QString &directory)
{
    QString dir = directory;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/logs");
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/ops-console.log");

    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(spdlog::level::warn);
    sinks.push_back(console);
    try {
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.toStdString(), 5 * 1024 * 1024, 5));
    } catch (const spdlog::spdlog_ex &e) {
        console->log(spdlog::details::log_msg("ops", spdlog::level::warn,
                                              fmt::format("cannot open log file: {}", e.what())));
    }
    auto logger = std::make_shared<spdlog::logger>("ops", sinks.begin(), sinks.end());
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%-5l%$ [%t] %v", spdlog::pattern_time_type::utc);
    logger->set_level(spdlog::level::from_str(level.toStdString()));
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    spdlog::flush_every(std::chrono::seconds(2));
    qInstallMessageHandler(qtMessageToSpdlog);
    return path;
}

void shutdownLogging()
{
    qInstallMessageHandler(nullptr);
    spdlog::shutdown();
}

} // namespace ops
