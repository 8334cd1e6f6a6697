#!/usr/bin/env python3
# Expected shape: about 70 % of the CPU time in hot_70(), about 30 % in warm_30(), both
# called from run_split() <- main() <- <module>, ten rounds of each. The split is in thread
# CPU time (time.thread_time), so it holds on a busy machine and under a profiler.
# Usage: pysplit.py [MILLISECONDS] [--thread] [--alloc]   (default 1000 ms of CPU time)
#   --thread  the same split, half of it in a second thread named "worker" (two threads,
#             each with hot_70 about 70 % of its own samples)
#   --alloc   afterwards alloc_chunks() allocates 64 buffers of 1 MiB, zeroed and kept
#             until it returns: 64 MiB, the top of any memory profile (the page faults
#             cost CPU too, 0.1-0.3 s: leave alloc_chunks out when checking the split)
# Pure Python, no imports beyond the standard library: Scalene, austin, py-spy and
# perfwb's own Python frames all see the same functions.
import sys
import threading
import time


def hot_70(seconds):
    end = time.thread_time() + seconds
    x = 1
    while time.thread_time() < end:
        for _ in range(2000):
            x = (x * 1103515245 + 12345) & 0xFFFFFFFF
    return x


def warm_30(seconds):
    end = time.thread_time() + seconds
    x = 1
    while time.thread_time() < end:
        for _ in range(2000):
            x = (x * 1103515245 + 12345) & 0xFFFFFFFF
    return x


def run_split(total_seconds):
    for _ in range(10):
        hot_70(total_seconds * 0.07)
        warm_30(total_seconds * 0.03)


def alloc_chunks(count):
    keep = []
    for _ in range(count):
        keep.append(bytearray(1 << 20))
    return len(keep)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seconds = (int(args[0]) if args else 1000) / 1000.0
    if "--thread" in sys.argv:
        worker = threading.Thread(target=run_split, args=(seconds / 2,), name="worker")
        worker.start()
        run_split(seconds / 2)
        worker.join()
    else:
        run_split(seconds)
    if "--alloc" in sys.argv:
        alloc_chunks(64)


if __name__ == "__main__":
    main()
