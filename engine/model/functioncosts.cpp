// SPDX-License-Identifier: GPL-3.0-or-later
#include "functioncosts.h"

#include <cmath>
#include <limits>

namespace perfwb::model {

namespace {
constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
}

std::size_t FunctionCosts::column(std::string_view name, std::string_view unit)
{
    if (const auto found = findColumn(name))
        return *found;
    columns_.push_back({std::string(name), std::string(unit)});
    for (auto &row : values_)
        row.push_back(kMissing);
    return columns_.size() - 1;
}

std::optional<std::size_t> FunctionCosts::findColumn(std::string_view name) const
{
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        if (columns_[i].name == name)
            return i;
    }
    return std::nullopt;
}

double &FunctionCosts::cell(FrameId frame, std::size_t column)
{
    auto [it, added] = rowOf_.try_emplace(frame, frames_.size());
    if (added) {
        frames_.push_back(frame);
        values_.emplace_back(columns_.size(), kMissing);
    }
    return values_[it->second].at(column);
}

void FunctionCosts::add(FrameId frame, std::size_t column, double value)
{
    double &c = cell(frame, column);
    c = std::isnan(c) ? value : c + value;
}

std::optional<double> FunctionCosts::value(FrameId frame, std::size_t column) const
{
    const auto it = rowOf_.find(frame);
    if (it == rowOf_.end() || column >= columns_.size())
        return std::nullopt;
    const double v = values_[it->second][column];
    if (std::isnan(v))
        return std::nullopt;
    return v;
}

} // namespace perfwb::model
