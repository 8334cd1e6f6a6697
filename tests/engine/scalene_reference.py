#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scalene's own per-function figures, for tst_scaleneimporter to compare with ScaleneImporter.

Usage: scalene_reference.py PROFILE.json

Reads the JSON that `scalene --json` wrote (the schema of scalene_json.py) with nothing but
the json module and prints one tab-separated line per function:

    function  FILE  FUNCTION  LINENO  PYTHON%  NATIVE%  SYSTEM%  MALLOC_BYTES  PEAK_BYTES  MALLOCS  COPY_B/S  WEIGHT_NS

then one "module" line per file whose CPU is not all inside functions (module-level code),
and last "elapsed  ELAPSED_NS  TOTAL_WEIGHT_NS". WEIGHT_NS is the function's share of all
CPU samples (Python + native + system) times the elapsed time, the weight perfwb gives its
frame; numbers are printed with repr() so nothing is lost.
"""
import json
import sys

MIB = 1048576.0  # Scalene's "MB" is 2^20 bytes


def weight_ns(percent, elapsed_ns):
    return max(0.0, percent) / 100.0 * elapsed_ns


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        profile = json.load(f)
    elapsed_ns = profile["elapsed_time_sec"] * 1e9
    total = 0.0
    for filename, data in profile["files"].items():
        in_functions = 0.0
        for fn in data.get("functions", []):
            share = 0.0 + fn["n_cpu_percent_python"] + fn["n_cpu_percent_c"] + fn.get("n_sys_percent", 0.0)
            in_functions += share
            weight = weight_ns(share, elapsed_ns)
            total += round(weight)
            print("\t".join(["function", filename, fn["line"], str(fn["lineno"]),
                             repr(fn["n_cpu_percent_python"]), repr(fn["n_cpu_percent_c"]),
                             repr(fn.get("n_sys_percent", 0.0)), repr(fn["n_malloc_mb"] * MIB),
                             repr(fn["n_peak_mb"] * MIB), repr(fn["n_mallocs"]),
                             repr(fn["n_copy_mb_s"] * MIB), repr(weight)]))
        rest = data["percent_cpu_time"] - in_functions
        if rest > 1e-3:
            total += round(weight_ns(rest, elapsed_ns))
            print("\t".join(["module", filename, repr(weight_ns(rest, elapsed_ns))]))
    print("\t".join(["elapsed", repr(elapsed_ns), repr(total)]))


if __name__ == "__main__":
    main()
