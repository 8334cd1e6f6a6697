// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace perfwb::alloc {

// The blocks alive while an allocation stream is replayed: address -> size and trace.
// Every event of the stream looks one up, so this is an open-addressing table (linear
// probing, deletion by shifting back, no tombstones) instead of std::unordered_map's node
// per block: one cache line per lookup and no allocation per insert.
class LiveBlocks {
public:
    struct Block {
        std::uint64_t size = 0;
        std::uint32_t trace = 0;
    };

    LiveBlocks() { slots_.resize(kInitialSlots); }

    // The block at `ptr`, or nullptr.
    Block *find(std::uint64_t ptr)
    {
        if (ptr == 0)
            return hasZero_ ? &zero_ : nullptr;
        for (std::size_t i = home(ptr);; i = (i + 1) & mask()) {
            Slot &s = slots_[i];
            if (s.ptr == ptr)
                return &s.block;
            if (s.ptr == 0)
                return nullptr;
        }
    }

    // Adds a block; when `ptr` is already there, returns the one there (not replaced) and false.
    std::pair<Block *, bool> insert(std::uint64_t ptr, Block block)
    {
        if (ptr == 0) {
            const bool added = !hasZero_;
            if (added)
                zero_ = block;
            hasZero_ = true;
            return {&zero_, added};
        }
        if ((used_ + 1) * 4 > slots_.size() * 3) // at most 75 % full
            grow();
        for (std::size_t i = home(ptr);; i = (i + 1) & mask()) {
            Slot &s = slots_[i];
            if (s.ptr == ptr)
                return {&s.block, false};
            if (s.ptr == 0) {
                s.ptr = ptr;
                s.block = block;
                ++used_;
                return {&s.block, true};
            }
        }
    }

    // Removes the block at `ptr` if there is one.
    void erase(std::uint64_t ptr)
    {
        if (ptr == 0) {
            hasZero_ = false;
            return;
        }
        std::size_t i = home(ptr);
        while (slots_[i].ptr != ptr) {
            if (slots_[i].ptr == 0)
                return;
            i = (i + 1) & mask();
        }
        // Shift back the entries after the hole that would no longer be found from home.
        for (std::size_t j = (i + 1) & mask();; j = (j + 1) & mask()) {
            if (slots_[j].ptr == 0)
                break;
            const std::size_t h = home(slots_[j].ptr);
            // Movable when the hole i lies cyclically in [h, j).
            if (((j - h) & mask()) >= ((j - i) & mask())) {
                slots_[i] = slots_[j];
                i = j;
            }
        }
        slots_[i] = Slot{};
        --used_;
    }

    std::size_t size() const { return used_ + (hasZero_ ? 1 : 0); }

    void clear()
    {
        slots_.assign(kInitialSlots, Slot{});
        shift_ = kInitialShift;
        used_ = 0;
        hasZero_ = false;
    }

    template<typename F> void forEach(F &&f) const
    {
        for (const Slot &s : slots_) {
            if (s.ptr != 0)
                f(s.ptr, s.block);
        }
        if (hasZero_)
            f(std::uint64_t{0}, zero_);
    }

private:
    struct Slot {
        std::uint64_t ptr = 0; // 0: empty (a block at address 0 is kept aside)
        Block block;
    };
    static constexpr std::size_t kInitialSlots = 1024; // a power of two
    static constexpr int kInitialShift = 64 - 10;      // 64 - log2(kInitialSlots)

    std::size_t mask() const { return slots_.size() - 1; }
    // Addresses are 16-byte aligned and clustered: mix them before taking the top bits.
    std::size_t home(std::uint64_t ptr) const
    {
        return static_cast<std::size_t>(((ptr >> 4) * 0x9E3779B97F4A7C15ULL) >> shift_) & mask();
    }

    void grow()
    {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        --shift_;
        used_ = 0;
        for (const Slot &s : old) {
            if (s.ptr != 0)
                insert(s.ptr, s.block);
        }
    }

    std::vector<Slot> slots_;
    std::size_t used_ = 0;
    int shift_ = kInitialShift;
    bool hasZero_ = false;
    Block zero_;
};

} // namespace perfwb::alloc
