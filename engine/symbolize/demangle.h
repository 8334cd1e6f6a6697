// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <string_view>

namespace perfwb::symbolize {

// C++ (Itanium ABI) names demangled with their parameter lists, e.g.
// "ns::Klass<int>::method(int)"; anything else (C names, failures) comes back unchanged.
std::string demangle(std::string_view name);

} // namespace perfwb::symbolize
