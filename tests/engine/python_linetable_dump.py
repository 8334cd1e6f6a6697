# SPDX-License-Identifier: GPL-3.0-or-later
# For tst_pythonstacks: the location tables of a few functions as this interpreter wrote
# them, with the line it gives each code unit (co_positions; 0 for none). One JSON object
# per line: {"name", "first", "table" (hex), "lines"}.
import json


def straight(a):
    b = a + 1
    c = b * 2
    return c


def loop(n):
    total = 0
    for i in range(n):
        if i % 3:
            total += i
        else:
            total -= 1
    while total > 100:
        total //= 2
    return total


def far(x):
    y = x
    # Lines far apart give long entries (line deltas past the one-line codes).










































    y += 1
    return (
        y
        +
        x
    )


def back(x):
    return [
        v
        for v in range(x)
        if v
    ]


for fn in (straight, loop, far, back):
    code = fn.__code__
    lines = [p[0] or 0 for p in code.co_positions()]
    print(json.dumps({"name": fn.__name__, "first": code.co_firstlineno, "table": code.co_linetable.hex(),
                      "lines": lines}))
