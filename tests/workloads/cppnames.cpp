/* Expected shape: C++ names after demangling. Nearly all samples in
 * ns::Klass<int>::method(int) (noinline), about half of them in code inlined into it
 * from the always_inline template int ns::scramble<int>(int, int), which shows as an
 * inlined frame; called from main() through ns::drive(long). Names keep the
 * namespace, template arguments and parameter lists exactly as abi::__cxa_demangle
 * prints them. Usage: cppnames [milliseconds]   (default 500) — busy, then exits 0.
 * Built -O2 -g with frame pointers. */
#include <chrono>
#include <cstdint>
#include <cstdlib>

namespace ns {

volatile std::int64_t sink;

template<typename T> inline __attribute__((always_inline)) T scramble(T x, int rounds)
{
    for (int i = 0; i < rounds; ++i)
        x = static_cast<T>(x * 1103515245 + 12345) ^ static_cast<T>(i);
    return x;
}

template<typename T> struct Klass {
    T state;
    __attribute__((noinline)) T method(int rounds);
};

template<typename T> T Klass<T>::method(int rounds)
{
    T x = state;
    for (int i = 0; i < rounds; ++i)
        x = static_cast<T>(x * 31 + i);
    state = scramble<T>(x, rounds);
    return state;
}

__attribute__((noinline)) void drive(long ms)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    Klass<int> k{7};
    while (std::chrono::steady_clock::now() < end)
        sink = k.method(20000);
}

} // namespace ns

int main(int argc, char **argv)
{
    const long ms = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 500;
    ns::drive(ms > 0 ? ms : 500);
    return 0;
}
