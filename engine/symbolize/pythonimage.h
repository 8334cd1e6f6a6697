// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace perfwb::symbolize {

// Where a process's CPython interpreter lives: the python executable or libpython
// mapped in it, and the run-time addresses of its _PyRuntime and Py_Version.
struct PythonImage {
    std::string path;          // as /proc/PID/maps names it
    std::uint64_t runtime = 0; // &_PyRuntime in the process
    std::uint64_t version = 0; // &Py_Version (3.11 and later), 0 when it has none
    unsigned nameMinor = 0;    // 3.minor from the file name ("libpython3.11.so.1.0")

    // Looks through the executable mappings of `pid` for a python3.X executable or
    // libpython3.X library that defines _PyRuntime (libpython first: a shared build's
    // executable has no interpreter of its own).
    static Result<PythonImage> find(pid_t pid);
    // How find()'s error starts when the process maps no python at all (not a failure).
    static constexpr std::string_view kNoPython = "no CPython in process ";
};

// 3.minor of a file named like python3.11, python3.12d or libpython3.11.so.1.0; 0 for
// anything else.
unsigned pythonMinorFromName(const std::string &path);

} // namespace perfwb::symbolize
