// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythoncommand.h"

#include <filesystem>
#include <regex>

namespace perfwb::record {

namespace {

// Interpreter options that take the next word as their value.
bool takesValue(const std::string &opt)
{
    return opt == "-X" || opt == "-W" || opt == "--check-hash-based-pycs";
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

bool PythonCommand::isInterpreter(const std::string &program)
{
    static const std::regex name(R"(python[0-9]*(\.[0-9]+)?)");
    return std::regex_match(std::filesystem::path(program).filename().string(), name);
}

Result<PythonCommand> PythonCommand::parse(const std::vector<std::string> &command)
{
    if (command.empty())
        return makeError("no command to run");
    PythonCommand py;
    std::size_t i = 0;
    if (endsWith(command[0], ".py")) {
        py.interpreter = "python3";
    } else if (isInterpreter(command[0])) {
        py.interpreter = command[0];
        i = 1;
        while (i < command.size() && command[i].size() > 1 && command[i][0] == '-' && command[i] != "-m") {
            if (command[i] == "-c")
                return makeError("'python -c CODE' cannot be run under a Python profiler: put the code in a file");
            if (command[i] == "--")
                break;
            py.interpreterOptions.push_back(command[i]);
            if (takesValue(command[i]) && i + 1 < command.size())
                py.interpreterOptions.push_back(command[++i]);
            ++i;
        }
        if (i < command.size() && command[i] == "-m") {
            if (i + 1 >= command.size())
                return makeError("'python -m' needs a module name");
            py.isModule = true;
            ++i;
        }
        if (i >= command.size() || command[i] == "-")
            return makeError("the Python command runs no program: give a script or -m MODULE");
    } else {
        return makeError("'" + command[0] +
                         "' is not a Python command: the Python profilers need 'python3 SCRIPT.py ...', "
                         "'python3 -m MODULE ...' or 'SCRIPT.py ...'");
    }
    py.target = command[i];
    py.args.assign(command.begin() + static_cast<std::ptrdiff_t>(i) + 1, command.end());
    return py;
}

} // namespace perfwb::record
