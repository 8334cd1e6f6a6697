// SPDX-License-Identifier: GPL-3.0-or-later
#include "unresolvedname.h"

#include <atomic>
#include <charconv>

namespace perfwb::model {

namespace {
std::atomic<bool> g_keepAddresses{false};
}

std::string unresolvedName(std::string_view module, std::uint64_t offset)
{
    if (module.empty())
        module = "[unknown]";
    std::string name;
    if (g_keepAddresses.load(std::memory_order_relaxed)) {
        char hex[24];
        const auto [end, ec] = std::to_chars(hex, hex + sizeof hex, offset, 16);
        (void)ec;
        name.reserve(module.size() + 3 + static_cast<std::size_t>(end - hex));
        name.append(module).append("+0x").append(hex, end);
        return name;
    }
    if (module.front() == '[' && module.back() == ']')
        return std::string(module);
    name.reserve(module.size() + 2);
    name.append("[").append(module).append("]");
    return name;
}

void setKeepUnresolvedAddresses(bool keep)
{
    g_keepAddresses.store(keep, std::memory_order_relaxed);
}

bool keepUnresolvedAddresses()
{
    return g_keepAddresses.load(std::memory_order_relaxed);
}

} // namespace perfwb::model
