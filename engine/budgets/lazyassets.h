// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <functional>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace perfwb::budgets {

// Lazily loaded assets with least-recently-used eviction: whenever the total exceeds
// the target, the least recently touched assets are unloaded (their handler runs) until
// it fits. The asset just registered is evicted last. The evicted assets are returned
// with their handlers, which the caller runs once it holds no lock. Not thread-safe:
// the BudgetManager serialises access.
class LazyAssets {
public:
    using UnloadHandler = std::function<void(const std::string &assetId)>;
    struct Asset {
        std::string id;
        double sizeMb = 0;
        std::int64_t lastTouchUnixMs = 0;
        UnloadHandler unload;
    };

    // Registers (or re-registers, updating size and recency) an asset; returns the assets
    // evicted to get back under targetMb.
    std::vector<Asset> add(const std::string &id, double sizeMb, UnloadHandler unload, double targetMb,
                           std::int64_t nowMs);
    // Marks the asset most recently used; false if unknown.
    bool touch(const std::string &id, std::int64_t nowMs);
    // Evicts one asset; nullopt if unknown.
    std::optional<Asset> evict(const std::string &id);
    // Evicts least recently used assets until the total is at or below targetMb; keeps
    // `keep` (the newest) unless it alone is over. Returns the evicted assets, oldest first.
    std::vector<Asset> evictToTarget(double targetMb, const std::string &keep = {});

    const Asset *find(const std::string &id) const;
    double totalMb() const { return totalMb_; }
    std::size_t count() const { return order_.size(); }
    std::uint64_t evictions() const { return evictions_; }
    // Most recently used first.
    const std::list<Asset> &items() const { return order_; }

private:
    Asset remove(std::list<Asset>::iterator it);

    std::list<Asset> order_; // front = most recently used
    std::unordered_map<std::string, std::list<Asset>::iterator> index_;
    double totalMb_ = 0;
    std::uint64_t evictions_ = 0;
};

} // namespace perfwb::budgets
