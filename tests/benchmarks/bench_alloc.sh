#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Allocation tracking overhead: tests/workloads/allocloop (N malloc/free pairs of
# 16..64 B, three calls deep) alone, under libperfwb_alloctrack.so (LD_PRELOAD, stream
# to a file) and under heaptrack, interleaved, median of BENCH_REPS runs. Also the
# tracker's bytes per event and the peak RSS of the tracked process; and the whole
# pipeline: `perfwb record --alloc --no-cpu` (tracker + the recorder reading the stream
# + the report written) against heaptrack (record + heaptrack_interpret), with the
# peak RSS of the largest process of each tree. Not part of the test pass: speed is
# measured here, never asserted in tests.
#
# Usage: tests/benchmarks/bench_alloc.sh [BUILD_DIR]
#   BUILD_DIR   default build/release (needs lib/libperfwb_alloctrack.so and
#               tests/workloads/allocloop; a Release build is what the numbers mean)
#   BENCH_PAIRS malloc/free pairs (default 10000000)
#   BENCH_REPS  repetitions per variant (default 3; the median is reported)
#   BENCH_PYTHON a CPython 3.11/3.12: the workload is tests/workloads/pyalloc.py
#               BENCH_PAIRS (default 200000: that many objects kept, as many made and
#               dropped), every variant under PYTHONMALLOC=malloc (Python's allocator is
#               malloc), and perfwb record
#               runs with Python frames (the default) and without (--no-python)
# Prints a markdown table on stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=$(realpath "${1:-$ROOT/build/release}")
TRACKER=$BUILD/lib/libperfwb_alloctrack.so
LOOP=$BUILD/tests/workloads/allocloop
PERFWB=$BUILD/app/perfwb
PYTHON=${BENCH_PYTHON:-}
if [[ -n $PYTHON ]]; then
    PAIRS=${BENCH_PAIRS:-200000}
    PROGRAM=("$PYTHON" "$ROOT/tests/workloads/pyalloc.py" "$PAIRS")
    # Exported, not through env(1): the tracker follows the process it starts in, not
    # what that process execs.
    export PYTHONMALLOC=malloc
else
    PAIRS=${BENCH_PAIRS:-10000000}
    PROGRAM=("$LOOP" "$PAIRS")
fi
REPS=${BENCH_REPS:-3}
TIME=/usr/bin/time

die() { echo "bench_alloc: $*" >&2; exit 1; }
[[ -f $TRACKER ]] || die "no tracker at $TRACKER"
[[ -x $LOOP ]] || die "no allocloop workload at $LOOP"
[[ -x $TIME ]] || die "$TIME not found (apt install time)"
HEAPTRACK=$(command -v heaptrack || true)

WORK=$(mktemp -d /tmp/bench_alloc.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# run NAME CMD...: appends "wall_s maxrss_kb" of one run to $WORK/NAME. The wall time is
# bash's microsecond clock around the command (time's %e has 10 ms steps, a tenth of
# allocloop's run alone); it includes time's own fork and exec, the same for every variant.
run() {
    local name=$1; shift
    local t0=$EPOCHREALTIME
    "$TIME" -f '%M' -o "$WORK/time" "$@" > /dev/null 2> "$WORK/$name.err" || die "$name failed: $(tail -1 "$WORK/$name.err")"
    local t1=$EPOCHREALTIME
    echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", b - a}') $(cat "$WORK/time")" >> "$WORK/$name"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for ((i = 0; i < REPS; ++i)); do
    run alone "${PROGRAM[@]}"
    rm -f "$WORK/stream"
    run tracker env LD_PRELOAD="$TRACKER" PERFWB_ALLOC_FILE="$WORK/stream" "${PROGRAM[@]}"
    STREAM_BYTES=$(stat -c %s "$WORK/stream")
    if [[ -x $PERFWB ]]; then
        rm -f "$WORK/rec.perfwb"
        run perfwb_record env PERFWB_ALLOCTRACK_LIB="$TRACKER" "$PERFWB" record --alloc --no-cpu \
            -o "$WORK/rec.perfwb" -- "${PROGRAM[@]}"
        if [[ -n $PYTHON ]]; then
            rm -f "$WORK/rec.perfwb"
            run perfwb_record_no_python env PERFWB_ALLOCTRACK_LIB="$TRACKER" "$PERFWB" record --alloc --no-cpu \
                --no-python -o "$WORK/rec.perfwb" -- "${PROGRAM[@]}"
        fi
    fi
    if [[ -n $HEAPTRACK ]]; then
        rm -f "$WORK"/ht.*
        (cd "$WORK" && run heaptrack "$HEAPTRACK" -o "$WORK/ht" "${PROGRAM[@]}")
    fi
done

wall() { awk '{print $1}' "$WORK/$1" | median; }
rss() { awk '{print $2}' "$WORK/$1" | median; }
ALONE=$(wall alone)
EVENTS=$((2 * PAIRS))
echo "| variant | wall (s, median of $REPS) | ratio to alone | peak RSS, largest process of the tree (MiB) |"
echo "|---|---|---|---|"
for v in alone tracker perfwb_record perfwb_record_no_python heaptrack; do
    [[ -f $WORK/$v ]] || continue
    w=$(wall $v)
    awk -v v="$v" -v w="$w" -v a="$ALONE" -v r="$(rss $v)" \
        'BEGIN {printf "| %s | %.4f | %.2f | %.1f |\n", v, w, (a > 0 ? w / a : 0), r / 1024}'
done
if [[ -z $PYTHON ]]; then
    awk -v b="$STREAM_BYTES" -v e="$EVENTS" 'BEGIN {printf "\ntracker stream: %d bytes for %d events = %.2f bytes/event\n", b, e, b / e}'
fi
