// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commands.h"

#include <dlfcn.h>

#include <filesystem>
#include <string>

namespace perfwb::app {

#ifdef PERFWB_WITH_GUI
namespace {
// Where the GUI module is: beside the binary in a build tree, in ../lib/perfwb installed.
std::string guiModulePath(std::string &tried)
{
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return {};
    for (const auto &candidate : {exe.parent_path() / "perfwb-gui.so",
                                  exe.parent_path().parent_path() / PERFWB_GUI_MODULE_DIR / "perfwb-gui.so"}) {
        tried += (tried.empty() ? "" : ", ") + candidate.string();
        if (std::filesystem::exists(candidate, ec))
            return candidate.string();
    }
    return {};
}
} // namespace
#endif

int runGui(int argc, char **argv)
{
#ifdef PERFWB_WITH_GUI
    std::string tried;
    const std::string path = guiModulePath(tried);
    void *module = path.empty() ? nullptr : dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (module == nullptr) {
        printError("cannot load the workbench's window (" +
                   (path.empty() ? "not found: " + tried : std::string(dlerror())) +
                   "); the commands work without it, see perfwb --help");
        return ExitUsage;
    }
    using Entry = int (*)(int, char **);
    const auto entry = reinterpret_cast<Entry>(dlsym(module, "perfwb_gui_main"));
    if (entry == nullptr) {
        printError(path + " is not perfwb's GUI module (no perfwb_gui_main)");
        return ExitUsage;
    }
    // Not unloaded: Qt's atexit handlers may still run code of it.
    return entry(argc, argv);
#else
    (void)argc;
    (void)argv;
    printError(
        std::string("this perfwb was built without the GUI (PERFWB_BUILD_GUI=OFF); use a command, see perfwb --help"));
    return ExitUsage;
#endif
}

} // namespace perfwb::app
