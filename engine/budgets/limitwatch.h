// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <map>
#include <optional>
#include <string>

namespace perfwb::budgets {

// Turns a stream of readings (a recorded process tree's RSS and CPU %) into budget
// crossings: one when a reading first goes above its limit, and again only after it came
// back to or under it, so a process sitting over its budget is one mark, not one per poll.
class LimitWatch {
public:
    struct Crossing {
        std::string key; // the limit's API name: "max_mem_mb"
        double value = 0;
        double limit = 0;
        std::string unit;
        // "over max_mem_mb: 812 MB > 800 MB"
        std::string text() const;
    };
    // A limit of 0 or less is "not checked" and never crosses.
    std::optional<Crossing> observe(const std::string &key, double value, double limit, const std::string &unit);
    bool isOver(const std::string &key) const;

private:
    std::map<std::string, bool> over_;
};

} // namespace perfwb::budgets
