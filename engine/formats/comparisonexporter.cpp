// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonexporter.h"

#include <filesystem>

namespace perfwb::formats {

std::string comparisonRunLabel(const model::Profile &profile, const std::string &path)
{
    std::string file = std::filesystem::path(path).filename().string();
    const std::string &label = profile.meta.runLabel;
    if (label.empty())
        return file;
    return file.empty() ? label : label + " (" + file + ")";
}

std::string comparisonOutputName(const model::Profile &next, const std::string &path)
{
    return next.meta.runLabel.empty() ? std::filesystem::path(path).stem().string() : next.meta.runLabel;
}

std::string comparisonTitle(const DiffText::Labels &labels)
{
    return "perfwb diff: " + labels.base + " -> " + labels.next;
}

} // namespace perfwb::formats
