// SPDX-License-Identifier: GPL-3.0-or-later
#include "addresscache.h"

namespace perfwb::symbolize {

void AddressCache::insert(const void *owner, std::uint64_t address, Value value)
{
    if ((size_ + 1) * 2 > slots_.size())
        grow();
    const auto ownerBits = reinterpret_cast<std::uintptr_t>(owner);
    for (std::size_t i = hash(ownerBits, address) & mask_;; i = (i + 1) & mask_) {
        Slot &s = slots_[i];
        if (s.owner == ownerBits && s.address == address) {
            s.value = value;
            return;
        }
        if (s.owner == 0) {
            s = Slot{ownerBits, address, value};
            ++size_;
            return;
        }
    }
}

void AddressCache::grow()
{
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(old.empty() ? 1024 : old.size() * 2);
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot &s : old) {
        if (s.owner != 0)
            // The owner was stored as an integer; it is only compared, never dereferenced.
            insert(reinterpret_cast<const void *>(s.owner), s.address, s.value); // NOLINT(performance-no-int-to-ptr)
    }
}

void AddressCache::clear()
{
    slots_.clear();
    mask_ = 0;
    size_ = 0;
}

} // namespace perfwb::symbolize
