/* Expected shape: C++ names for the name-handling tests. About 50 % of the samples
 * in the function template instance wl::mix<unsigned long> and about 50 % in the
 * member operator wl::Spinner<int>::operator(), both called from main() through
 * wl::run (names as `perf script` demangles them: without parameter lists). Self time
 * is all in those two; names must keep the namespace, the template arguments and
 * "operator()" (its parentheses, and "<...>" with a space inside, are part of the name).
 * Usage: templated [milliseconds]   (default 500) — busy for that much CPU time, then exits 0.
 * Built -O2 -g with frame pointers; the functions are noinline so they stay visible. */
#include <cstdint>
#include <cstdlib>
#include <ctime>

namespace wl {

volatile std::uint64_t sink;

static std::uint64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ULL + static_cast<std::uint64_t>(ts.tv_nsec);
}

// Spins for `ns` of this thread's CPU time (so the split holds on a busy machine);
// inlined so the self time lands in the caller.
template<typename T> inline __attribute__((always_inline)) T spinFor(std::uint64_t ns, T seed)
{
    const std::uint64_t end = nowNs() + ns;
    T x = seed;
    while (nowNs() < end) {
        for (int i = 0; i < 20000; ++i)
            x = static_cast<T>(x * static_cast<T>(6364136223846793005ULL) + static_cast<T>(1442695040888963407ULL));
    }
    return x;
}

template<typename T> __attribute__((noinline)) T mix(T seed, std::uint64_t ns)
{
    return spinFor<T>(ns, seed);
}

template<typename T> struct Spinner {
    T seed;
    __attribute__((noinline)) T operator()(std::uint64_t ns) const { return spinFor<T>(ns, seed); }
};

// Alternates in 10 ms slices so any time window sees the same 50/50 split.
__attribute__((noinline)) void run(std::uint64_t totalMs)
{
    const Spinner<int> spin{3};
    for (std::uint64_t done = 0; done < totalMs; done += 10) {
        sink = mix<unsigned long>(done, 5000000ULL);
        sink = static_cast<std::uint64_t>(spin(5000000ULL));
    }
}

} // namespace wl

int main(int argc, char **argv)
{
    const long ms = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 500;
    wl::run(ms > 0 ? static_cast<std::uint64_t>(ms) : 500);
    return 0;
}
