#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A recording's fixed cost: the whole `perfwb record -- /bin/true` command (start, launch,
# sample, write the report, exit) against `perf record -g -- /bin/true` and perfwb's own
# start (`perfwb --version`). The configurations are interleaved in every repetition so
# a change of machine load hits them alike; medians and minimums of wall time, median
# peak RSS. Not part of the test pass: speed is measured here, never asserted in tests.
#
# Usage: tests/benchmarks/bench_startup.sh [PERFWB_BINARY]
#   PERFWB_BINARY  default build/release/app/perfwb, else build/dev/app/perfwb
#   BENCH_REPS     repetitions (default 30)
# Prints a markdown table on stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
default=$ROOT/build/release/app/perfwb
[[ -x $default ]] || default=$ROOT/build/dev/app/perfwb
PERFWB=$(realpath "${1:-$default}")
REPS=${BENCH_REPS:-30}
TIME=/usr/bin/time

die() { echo "bench_startup: $*" >&2; exit 1; }
[[ -x $PERFWB ]] || die "no perfwb binary at $PERFWB"
[[ -x $TIME ]] || die "$TIME not found (apt install time)"
command -v perf >/dev/null || die "perf not found (apt install linux-perf)"

WORK=$(mktemp -d /tmp/bench_startup.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
CONFIGS=(perfwb-version perfwb-true perf-true)

label() {
    case $1 in
    perfwb-version) echo "perfwb --version" ;;
    perfwb-true) echo "perfwb record -- /bin/true" ;;
    perf-true) echo "perf record -g -- /bin/true" ;;
    esac
}

# One run: prints "wall_seconds peak_rss_kb".
run() {
    local cfg=$1 cmd t0 t1
    case $cfg in
    perfwb-version) cmd=("$PERFWB" --version) ;;
    perfwb-true) cmd=("$PERFWB" record -o "$WORK/out.perfwb" -- /bin/true) ;;
    perf-true) cmd=(perf record -q -g -o "$WORK/perf.data" -- /bin/true) ;;
    esac
    t0=$(date +%s%N)
    "$TIME" -f '%M' -o "$WORK/rss.txt" "${cmd[@]}" >/dev/null 2>"$WORK/err.txt" ||
        die "$cfg failed: $(tail -1 "$WORK/err.txt")"
    t1=$(date +%s%N)
    echo "$(((t1 - t0) / 1000)) $(tail -1 "$WORK/rss.txt")"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "$REPS repetitions, $(nproc) CPUs, $PERFWB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for cfg in "${CONFIGS[@]}"; do run "$cfg" >/dev/null; done # warm the page cache
for ((rep = 1; rep <= REPS; ++rep)); do
    for ((k = 0; k < ${#CONFIGS[@]}; ++k)); do
        cfg=${CONFIGS[(k + rep) % ${#CONFIGS[@]}]}
        run "$cfg" >>"$WORK/$cfg.txt"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

read -r PERF_MED < <(cut -d' ' -f1 "$WORK/perf-true.txt" | median)
echo "| command | wall, median (ms) | wall, min (ms) | perf record / this | peak RSS, median (MB) |"
echo "|---|---:|---:|---:|---:|"
for cfg in "${CONFIGS[@]}"; do
    read -r med < <(cut -d' ' -f1 "$WORK/$cfg.txt" | median)
    min=$(cut -d' ' -f1 "$WORK/$cfg.txt" | sort -n | head -1)
    read -r rss < <(cut -d' ' -f2 "$WORK/$cfg.txt" | median)
    awk -v l="$(label "$cfg")" -v m="$med" -v n="$min" -v p="$PERF_MED" -v r="$rss" \
        'BEGIN {printf "| `%s` | %.1f | %.1f | %.2f | %.1f |\n", l, m / 1000, n / 1000, p / m, r / 1024}'
done
