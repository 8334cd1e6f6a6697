// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <vector>

namespace perfwb::symbolize {

// Open-addressing hash table from (owner, address) to two 32-bit values, for the
// per-address caches of the symbolizer and the unwinder. One probe into a flat
// array instead of std::unordered_map's bucket -> node chase: the cached path of
// resolve() is this lookup and little else.
class AddressCache {
public:
    struct Value {
        std::uint32_t first = 0;
        std::uint32_t second = 0;
    };

    const Value *find(const void *owner, std::uint64_t address) const
    {
        if (slots_.empty())
            return nullptr;
        const auto ownerBits = reinterpret_cast<std::uintptr_t>(owner);
        for (std::size_t i = hash(ownerBits, address) & mask_;; i = (i + 1) & mask_) {
            const Slot &s = slots_[i];
            if (s.owner == ownerBits && s.address == address)
                return &s.value;
            if (s.owner == 0)
                return nullptr;
        }
    }
    // `owner` must not be null (null marks free slots).
    void insert(const void *owner, std::uint64_t address, Value value);
    void clear();
    std::size_t size() const { return size_; }

private:
    struct Slot {
        std::uintptr_t owner = 0;
        std::uint64_t address = 0;
        Value value;
    };
    static std::size_t hash(std::uintptr_t owner, std::uint64_t address)
    {
        std::uint64_t h = address ^ (owner * 0x9E3779B97F4A7C15ull); // splitmix64 finaliser
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
        return static_cast<std::size_t>(h ^ (h >> 31));
    }
    void grow();

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
};

} // namespace perfwb::symbolize
