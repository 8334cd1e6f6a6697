#include "logging.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <vector>

namespace perfwb::app {

namespace {
std::filesystem::path stateDirectory()
{
    if (const char *xdg = std::getenv("XDG_STATE_HOME"); xdg != nullptr && *xdg == '/')
        return std::filesystem::path(xdg) / "perfwb";
    if (const char *home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return std::filesystem::path(home) / ".local" / "state" / "perfwb";
    return {};
}
} // namespace

std::string setupLogging(bool verbose)
{
    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
    console->set_pattern("perfwb: %l: %v");
    sinks.push_back(console);

    std::string logPath;
    const auto dir = stateDirectory();
    std::error_code ec;
    if (!dir.empty() && (std::filesystem::create_directories(dir, ec), !ec)) {
        try {
            logPath = (dir / "perfwb.log").string();
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(logPath, 4 * 1024 * 1024, 2);
            file->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
            sinks.push_back(file);
        } catch (const spdlog::spdlog_ex &) {
            logPath.clear(); // read-only home: console logging still works
        }
    }
    auto logger = std::make_shared<spdlog::logger>("perfwb", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    return logPath;
}

} // namespace perfwb::app
