// SPDX-License-Identifier: GPL-3.0-or-later
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
// Where the log goes; empty for none. The base (XDG_STATE_HOME's parent, or HOME) must
// exist: perfwb makes its own folders, never a missing home (HOME=/nonexistent as root).
std::filesystem::path stateDirectory()
{
    std::error_code ec;
    if (const char *xdg = std::getenv("XDG_STATE_HOME"); xdg != nullptr && *xdg == '/') {
        const std::filesystem::path state(xdg);
        return std::filesystem::is_directory(state.parent_path(), ec) ? state / "perfwb" : std::filesystem::path();
    }
    if (const char *home = std::getenv("HOME"); home != nullptr && *home == '/') {
        const std::filesystem::path base(home);
        return std::filesystem::is_directory(base, ec) ? base / ".local" / "state" / "perfwb" : std::filesystem::path();
    }
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
