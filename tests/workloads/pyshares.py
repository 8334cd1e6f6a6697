#!/usr/bin/env python3
# Expected shape: of the samples in work_60() and work_40(), 60 % in work_60 and 40 % in
# work_40: both run the same loop (spin), work_60 for 3 units, work_40 for 2, in turns, so
# the split holds however busy the machine is. Both are called from run() <- main() <-
# <module>. Nothing but the standard library.
# Usage: pyshares.py [UNITS] [--thread] [--fork] [--ctypes LIB] [--forever]
#   UNITS     rounds of (work_60, work_40), 50 000 loop turns per unit (default 40)
#   --thread  the same rounds in a second thread named "worker" too (both threads busy)
#   --fork    after the rounds, a forked child does the rounds again, then the parent
#             waits for it
#   --ctypes LIB  afterwards call_c() calls LIB's cspin() (tests/workloads/shared/cspin.c)
#             through ctypes for as long as the rounds took: a C function under its
#             Python caller
#   --forever repeat the rounds until killed (for attaching); prints "ready" first
import os
import sys
import threading
import time

UNIT = 50000


def spin(turns):
    x = 1
    for _ in range(turns):
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
    return x


def work_60():
    return spin(3 * UNIT)


def work_40():
    return spin(2 * UNIT)


def run(units):
    for _ in range(units):
        work_60()
        work_40()


def call_c(library, seconds):
    import ctypes

    lib = ctypes.CDLL(library)
    lib.cspin.argtypes = [ctypes.c_ulong]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        lib.cspin(2_000_000)


def main():
    args = sys.argv[1:]
    numbers = [a for a in args if a.isdigit()]
    units = int(numbers[0]) if numbers else 40
    if "--forever" in args:
        print("ready", flush=True)
        while True:
            run(units)
    started = time.monotonic()
    worker = None
    if "--thread" in args:
        worker = threading.Thread(target=run, args=(units,), name="worker")
        worker.start()
    run(units)
    if worker:
        worker.join()
    if "--fork" in args:
        child = os.fork()
        if child == 0:
            run(units)
            os._exit(0)
        os.waitpid(child, 0)
    if "--ctypes" in args:
        call_c(args[args.index("--ctypes") + 1], time.monotonic() - started)


if __name__ == "__main__":
    main()
