#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Opening a big .perfwb in the GUI until its flame graph is painted (bench_ui_reportopen,
# offscreen), each open in a fresh process; medians of the repetitions and the largest
# peak RSS. Not part of the test pass: speed is measured here, never asserted in tests.
#
# Usage: tests/benchmarks/bench_ui_reportopen.sh [BUILD_DIR]
#   BUILD_DIR      a tree built with -DPERFWB_BENCHMARKS=ON (default build/release)
#   BENCH_SAMPLES  samples in the synthetic report (default 2000000)
#   BENCH_REPS     opens (default 5)
# The report is made once into tests/benchmarks/data/open-SAMPLES.perfwb (gitignored).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=$(realpath "${1:-$ROOT/build/release}")
BENCH=$BUILD/tests/benchmarks/bench_ui_reportopen
SAMPLES=${BENCH_SAMPLES:-2000000}
REPS=${BENCH_REPS:-5}
REPORT=$ROOT/tests/benchmarks/data/open-$SAMPLES.perfwb

die() { echo "bench_ui_reportopen: $*" >&2; exit 1; }
[[ -x $BENCH ]] || die "no $BENCH (configure with -DPERFWB_BENCHMARKS=ON and build bench_ui_reportopen)"
mkdir -p "$(dirname "$REPORT")"
if [[ ! -s $REPORT ]]; then
    echo "making $REPORT ($SAMPLES samples)" >&2
    "$BENCH" make "$REPORT.tmp" "$SAMPLES" && mv "$REPORT.tmp" "$REPORT"
fi
WORK=$(mktemp -d /tmp/bench_ui_reportopen.XXXXXX)
trap 'rm -rf "$WORK"' EXIT # BENCH_KEEP=1 keeps it (the painted graph: painted.png)
[[ ${BENCH_KEEP:-0} == 1 ]] && trap - EXIT

echo "$REPS opens of $REPORT ($(du -h "$REPORT" | cut -f1)), $(nproc) CPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# The first open warms the page cache and leaves the painted graph in the work folder.
run() { QT_QPA_PLATFORM=offscreen "$BENCH" open "$REPORT" "$@" 2>"$WORK/err.txt" || die "$(grep -v propagateSizeHints "$WORK/err.txt" | tail -1)"; }
run "$WORK/painted.png" >/dev/null
for ((rep = 1; rep <= REPS; ++rep)); do
    run >>"$WORK/runs.txt"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
read -r opened < <(cut -d' ' -f1 "$WORK/runs.txt" | median)
read -r analysed < <(cut -d' ' -f2 "$WORK/runs.txt" | median)
read -r painted < <(cut -d' ' -f3 "$WORK/runs.txt" | median)
rss=$(cut -d' ' -f4 "$WORK/runs.txt" | sort -n | tail -1)
samples=$(cut -d' ' -f5 "$WORK/runs.txt" | head -1)
echo "| samples | report read, tab shown (ms) | analysis ready (ms) | flame graph painted (ms) | peak RSS (MB) |"
echo "|---:|---:|---:|---:|---:|"
echo "| $samples | $opened | $analysed | $painted | $rss |"
