/* A C function for Python's ctypes (tests/workloads/pyshares.py --ctypes): a fixed
 * number of multiply-adds, no calls, so its samples are its own. */
unsigned cspin(unsigned long rounds)
{
    volatile unsigned x = 1;
    for (unsigned long i = 0; i < rounds; ++i)
        x = x * 1103515245u + 12345u;
    return x;
}
