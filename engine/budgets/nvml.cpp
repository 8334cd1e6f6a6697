// SPDX-License-Identifier: GPL-3.0-or-later
#include "nvml.h"

#include <dlfcn.h>

#include <cstdint>

namespace perfwb::budgets {

namespace {
// nvmlMemory_t from nvml.h (stable ABI: total, free, used in bytes).
struct NvmlMemory {
    std::uint64_t total;
    std::uint64_t free;
    std::uint64_t used;
};
} // namespace

Nvml::Nvml()
{
    handle_ = ::dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr) {
        reason_ = "no NVIDIA driver (libnvidia-ml.so.1 not found)";
        return;
    }
    auto init = reinterpret_cast<InitFn>(::dlsym(handle_, "nvmlInit_v2"));
    count_ = reinterpret_cast<CountFn>(::dlsym(handle_, "nvmlDeviceGetCount_v2"));
    deviceHandle_ = reinterpret_cast<HandleFn>(::dlsym(handle_, "nvmlDeviceGetHandleByIndex_v2"));
    deviceMemory_ = reinterpret_cast<MemoryFn>(::dlsym(handle_, "nvmlDeviceGetMemoryInfo"));
    shutdown_ = reinterpret_cast<ShutdownFn>(::dlsym(handle_, "nvmlShutdown"));
    if (init == nullptr || count_ == nullptr || deviceHandle_ == nullptr || deviceMemory_ == nullptr) {
        reason_ = "libnvidia-ml.so.1 lacks the NVML memory functions";
    } else if (init() != 0) {
        reason_ = "NVML failed to initialise (no GPU or driver mismatch)";
    } else {
        return;
    }
    count_ = nullptr;
    shutdown_ = nullptr;
    ::dlclose(handle_);
    handle_ = nullptr;
}

Nvml::~Nvml()
{
    if (shutdown_ != nullptr)
        shutdown_();
    if (handle_ != nullptr)
        ::dlclose(handle_);
}

std::optional<Nvml::Memory> Nvml::memory() const
{
    if (count_ == nullptr)
        return std::nullopt;
    unsigned n = 0;
    if (count_(&n) != 0 || n == 0)
        return std::nullopt;
    Memory total;
    for (unsigned i = 0; i < n; ++i) {
        void *device = nullptr;
        NvmlMemory mem{};
        if (deviceHandle_(i, &device) != 0 || deviceMemory_(device, &mem) != 0)
            return std::nullopt;
        total.usedMb += static_cast<double>(mem.used) / (1024.0 * 1024.0);
        total.totalMb += static_cast<double>(mem.total) / (1024.0 * 1024.0);
    }
    return total;
}

} // namespace perfwb::budgets
