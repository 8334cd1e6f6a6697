// SPDX-License-Identifier: GPL-3.0-or-later
#include "lazyassets.h"

namespace perfwb::budgets {

std::vector<LazyAssets::Asset> LazyAssets::add(const std::string &id, double sizeMb, UnloadHandler unload,
                                               double targetMb, std::int64_t nowMs)
{
    if (auto it = index_.find(id); it != index_.end()) {
        totalMb_ -= it->second->sizeMb;
        order_.erase(it->second);
        index_.erase(it);
    }
    order_.push_front(Asset{id, sizeMb, nowMs, std::move(unload)});
    index_[id] = order_.begin();
    totalMb_ += sizeMb;
    return evictToTarget(targetMb, id);
}

bool LazyAssets::touch(const std::string &id, std::int64_t nowMs)
{
    auto it = index_.find(id);
    if (it == index_.end())
        return false;
    it->second->lastTouchUnixMs = nowMs;
    order_.splice(order_.begin(), order_, it->second);
    return true;
}

LazyAssets::Asset LazyAssets::remove(std::list<Asset>::iterator it)
{
    Asset asset = std::move(*it);
    totalMb_ -= asset.sizeMb;
    if (order_.size() == 1)
        totalMb_ = 0; // no rounding residue once empty
    index_.erase(asset.id);
    order_.erase(it);
    ++evictions_;
    return asset;
}

std::optional<LazyAssets::Asset> LazyAssets::evict(const std::string &id)
{
    auto it = index_.find(id);
    if (it == index_.end())
        return std::nullopt;
    return remove(it->second);
}

std::vector<LazyAssets::Asset> LazyAssets::evictToTarget(double targetMb, const std::string &keep)
{
    std::vector<Asset> evicted;
    while (totalMb_ > targetMb && !order_.empty()) {
        auto victim = std::prev(order_.end());
        if (victim->id == keep) {
            if (order_.size() == 1)
                break; // the newest alone is over the target: keep it, it is in use
            victim = std::prev(victim);
        }
        evicted.push_back(remove(victim));
    }
    return evicted;
}

const LazyAssets::Asset *LazyAssets::find(const std::string &id) const
{
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &*it->second;
}

} // namespace perfwb::budgets
