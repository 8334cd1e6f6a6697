// SPDX-License-Identifier: GPL-3.0-or-later
#include "demangle.h"

#include <cstdlib>
#include <cxxabi.h>

namespace perfwb::symbolize {

std::string demangle(std::string_view name)
{
    if (name.size() < 3 || name[0] != '_' || name[1] != 'Z')
        return std::string(name);
    std::string mangled(name); // __cxa_demangle needs a terminated string
    int status = 0;
    char *out = abi::__cxa_demangle(mangled.c_str(), nullptr, nullptr, &status);
    if (status != 0 || !out)
        return mangled;
    std::string result(out);
    std::free(out);
    return result;
}

} // namespace perfwb::symbolize
