// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <string>
#include <vector>

namespace perfwb::record {

// A command line that runs Python code, taken apart so a profiler that starts the
// interpreter itself (Scalene, Memray, cProfile) can be put in front of the program:
//   python3 [-u -O -X opt ...] app.py ARGS     -> script "app.py"
//   python3 -m package.tool ARGS               -> module "package.tool"
//   ./app.py ARGS (a .py file)                 -> script, interpreter python3
struct PythonCommand {
    std::string interpreter;                     // "python3", "/usr/bin/python3.11"
    std::vector<std::string> interpreterOptions; // -u, -O, -X importtime, ...
    std::string target;                          // the script path or the module name
    bool isModule = false;
    std::vector<std::string> args;

    // An error names what is missing: "-c code cannot be profiled ...", "not a Python
    // command ...".
    static Result<PythonCommand> parse(const std::vector<std::string> &command);
    static bool isInterpreter(const std::string &program);
};

} // namespace perfwb::record
