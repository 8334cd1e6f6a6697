#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Reading other tools' files: perfwb import against the tool's own reader on the same
# file (heaptrack_print, callgrind_annotate, Python's pstats). Not part of the test
# pass; speed is only ever measured here, never asserted in tests.
#
# Usage: tests/benchmarks/bench_toolimport.sh [PERFWB_BINARY]
#   PERFWB_BINARY        default build/release/app/perfwb (build it Release first)
#   PERFWB_WORKLOAD_DIR  where allocloop and cpusplit are (default: <binary dir>/../tests/workloads)
#   BENCH_REPS           repetitions per reader (default 5; the median is reported)
#
# Prints a markdown table on stdout: median wall time and peak RSS of each reader, and
# perfwb's time as a ratio of the tool's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PERFWB=$(realpath "${1:-$ROOT/build/release/app/perfwb}")
WORKLOADS=${PERFWB_WORKLOAD_DIR:-$(dirname "$PERFWB")/../tests/workloads}
REPS=${BENCH_REPS:-5}
TIME=/usr/bin/time
PY=/usr/bin/python3

die() { echo "bench_toolimport: $*" >&2; exit 1; }
[[ -x $PERFWB ]] || die "no perfwb binary at $PERFWB (build a Release tree first)"
for tool in heaptrack heaptrack_print valgrind callgrind_annotate; do
    command -v "$tool" >/dev/null || die "$tool not found (bash packaging/setup.sh installs it)"
done
[[ -x $TIME ]] || die "$TIME not found (apt install time)"

WORK=$(mktemp -d /tmp/bench_toolimport.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# The files, made once per run by the real tools.
heaptrack -o "$WORK/ht" "$WORKLOADS/allocloop" >/dev/null 2>&1
valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" "$WORKLOADS/cpusplit" 1000 >/dev/null 2>&1
$PY -m cProfile -o "$WORK/py.pstats" "$ROOT/tests/workloads/pstats_shape.py" >/dev/null 2>&1

# Median seconds and peak KiB of REPS runs of a command: "SECONDS KIB".
measure() {
    local i
    for ((i = 0; i < REPS; i++)); do
        $TIME -f "%e %M" -o "$WORK/t" "$@" >/dev/null 2>&1 || die "failed: $*"
        cat "$WORK/t"
    done | sort -n | awk -v n="$REPS" 'NR == int((n + 1) / 2) {print; exit}'
}

row() { # name, file, tool label, tool command...
    local name=$1 file=$2 label=$3
    shift 3
    read -r pt pm < <(measure "$PERFWB" import "$file" -o "$WORK/out.perfwb")
    read -r tt tm < <(measure "$@")
    printf '| %s | %s s, %d MB | %s: %s s, %d MB | %s |\n' "$name" "$pt" $((pm / 1024)) "$label" "$tt" $((tm / 1024)) \
        "$(awk -v a="$pt" -v b="$tt" 'BEGIN {if (b > 0) printf "%.2f×", a / b; else print "-"}')"
}

echo "| file | perfwb import | the tool's own reader | perfwb / tool |"
echo "|---|---|---|---|"
row "heaptrack, allocloop ($(stat -c %s "$WORK/ht.zst") B .zst)" "$WORK/ht.zst" heaptrack_print heaptrack_print "$WORK/ht.zst"
row "callgrind, cpusplit 1000 ($(stat -c %s "$WORK/cg.out") B)" "$WORK/cg.out" callgrind_annotate callgrind_annotate "$WORK/cg.out"
row "cProfile, pstats_shape.py ($(stat -c %s "$WORK/py.pstats") B)" "$WORK/py.pstats" "pstats (print_stats)" \
    $PY -c "import pstats, sys; pstats.Stats(sys.argv[1]).sort_stats('cumulative').print_stats()" "$WORK/py.pstats"
