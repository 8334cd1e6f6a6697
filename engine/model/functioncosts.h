// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "frametable.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace perfwb::model {

// One measured figure per function, as the tool that measured it reported it.
struct CostColumn {
    std::string name; // "calls", "self time", "python cpu", ...
    std::string unit; // "count", "nanoseconds", "bytes", "percent"
    bool operator==(const CostColumn &) const = default;
};

// Per-function figures a tool measured directly and that sampled stacks cannot carry
// exactly: cProfile's call counts and cumulative time, Scalene's Python / native /
// system split and memory, callgrind's inclusive event counts. Importers fill it next to
// the stacks; views show it as extra columns. Empty for perfwb's own recordings.
class FunctionCosts {
public:
    const std::vector<CostColumn> &columns() const { return columns_; }
    const std::vector<FrameId> &frames() const { return frames_; }
    bool empty() const { return frames_.empty(); }

    // Finds the column with this name, or adds it with this unit.
    std::size_t column(std::string_view name, std::string_view unit);
    std::optional<std::size_t> findColumn(std::string_view name) const;

    void set(FrameId frame, std::size_t column, double value) { cell(frame, column) = value; }
    void add(FrameId frame, std::size_t column, double value);
    std::optional<double> value(FrameId frame, std::size_t column) const;

private:
    double &cell(FrameId frame, std::size_t column);

    std::vector<CostColumn> columns_;
    std::vector<FrameId> frames_;             // rows, in the order first set
    std::vector<std::vector<double>> values_; // values_[row][column]; NaN = not measured
    std::unordered_map<FrameId, std::size_t> rowOf_;
};

} // namespace perfwb::model
