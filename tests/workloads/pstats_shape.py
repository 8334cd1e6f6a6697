#!/usr/bin/env python3
# Expected shape under cProfile or profile (`python3 -m cProfile -o OUT.pstats pstats_shape.py`):
#   - hot(): most of the self time (well over half), 40 calls, all from work();
#   - fib(): recursive, fib(16) called once from main(): 3193 calls, 1 of them primitive;
#   - shared(): the same work per call, called 3 times from alpha() and once from beta(),
#     so alpha's caller edge holds about 3/4 of shared()'s time;
#   - built-ins: sum() from work() (with a generator expression below it) and sorted()
#     from beta().
# Usage: pstats_shape.py [SCALE]   (default 1; work grows linearly) — exits 0 in well
# under a second at scale 1.
import sys

SCALE = int(sys.argv[1]) if len(sys.argv) > 1 else 1


def hot(n):
    x = 0
    for i in range(n):
        x = (x * 31 + i) % 1000003
    return x


def work():
    total = 0
    for _ in range(40):
        total += hot(6000 * SCALE)
    return total + sum(i * i for i in range(200))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def shared(n):
    x = 1
    for i in range(n):
        x = (x * 7 + i) % 65521
    return x


def alpha():
    out = []
    for _ in range(3):  # a loop, not a comprehension: Python 3.11 makes those functions of their own
        out.append(shared(4000 * SCALE))
    return out


def beta():
    return sorted([shared(4000 * SCALE)] + list(range(50)))


def main():
    work()
    fib(16)
    alpha()
    beta()


if __name__ == "__main__":
    main()
