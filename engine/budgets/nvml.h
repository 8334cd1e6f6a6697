// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <optional>

namespace perfwb::budgets {

// VRAM in use through NVML, loaded at run time with dlopen so perfwb neither links nor
// needs the NVIDIA driver: without it, memory() is nullopt (unknown), never 0.
class Nvml {
public:
    struct Memory {
        double usedMb = 0;
        double totalMb = 0;
    };
    Nvml();
    ~Nvml();
    Nvml(const Nvml &) = delete;
    Nvml &operator=(const Nvml &) = delete;

    // Summed over every GPU; nullopt when NVML is absent or fails.
    std::optional<Memory> memory() const;
    const char *unavailableReason() const { return reason_; }

private:
    void *handle_ = nullptr;
    const char *reason_ = "";
    using InitFn = int (*)();
    using CountFn = int (*)(unsigned *);
    using HandleFn = int (*)(unsigned, void **);
    using MemoryFn = int (*)(void *, void *);
    using ShutdownFn = int (*)();
    CountFn count_ = nullptr;
    HandleFn deviceHandle_ = nullptr;
    MemoryFn deviceMemory_ = nullptr;
    ShutdownFn shutdown_ = nullptr;
};

} // namespace perfwb::budgets
