#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Recorder memory over a long recording: `perfwb record -F 4999 --call-graph fp` of the
# threads workload (4 busy threads and main: about 10,000 samples/s on 2 cores) for
# BENCH_SECONDS, its resident set read from /proc every 10 s; then `perf record -g` of the
# same workload at the same rate for BENCH_PERF_SECONDS, read the same way. The slope of
# the second half of each run (least squares) extrapolates the RSS to one hour.
# Not part of the test pass; memory and speed are measured here, never asserted in tests.
#
# Usage: tests/benchmarks/bench_recordmemory.sh [PERFWB_BINARY]
#   PERFWB_BINARY        default build/release/app/perfwb
#   PERFWB_WORKLOAD_DIR  where the threads workload is (default: <binary dir>/../tests/workloads)
#   BENCH_SECONDS        perfwb's recording (default 600)
#   BENCH_PERF_SECONDS   perf's recording (default 120; 0 = skip perf)
#   BENCH_FREQ           sampling rate (default 4999)
# Prints a markdown table on stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PERFWB=$(realpath "${1:-$ROOT/build/release/app/perfwb}")
WORKLOADS=${PERFWB_WORKLOAD_DIR:-$(dirname "$PERFWB")/../tests/workloads}
THREADS=$(realpath "$WORKLOADS/threads")
SECONDS_PERFWB=${BENCH_SECONDS:-600}
SECONDS_PERF=${BENCH_PERF_SECONDS:-120}
FREQ=${BENCH_FREQ:-4999}

die() { echo "bench_recordmemory: $*" >&2; exit 1; }
[[ -x $PERFWB ]] || die "no perfwb binary at $PERFWB"
[[ -x $THREADS ]] || die "no threads workload at $THREADS (set PERFWB_WORKLOAD_DIR)"
[[ $SECONDS_PERFWB =~ ^[0-9]+$ && $SECONDS_PERFWB -ge 60 ]] || die "BENCH_SECONDS must be 60 or more"

WORK=$(mktemp -d /tmp/bench_recordmemory.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# CPU time per worker thread, in ms: far more than the recording, which --duration ends.
WORK_MS=$(((SECONDS_PERFWB > SECONDS_PERF ? SECONDS_PERFWB : SECONDS_PERF) * 2000))

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }

# Reads the RSS of PID every 10 s while it lives, for at most LIMIT seconds; writes
# "seconds kB" lines to FILE.
watch_rss() {
    local pid=$1 file=$2 limit=$3 t=0 kb
    while kill -0 "$pid" 2>/dev/null && ((t + 10 <= limit)); do
        sleep 10
        t=$((t + 10))
        kb=$(rss_kb "$pid")
        if [[ -n $kb ]]; then echo "$t $kb" >>"$file"; fi
    done
    return 0
}

# "first_kB last_kB slope_kB_per_s" over the second half of a series.
fit() {
    awk '{ t[NR] = $1; v[NR] = $2 } END {
        from = int(NR / 2) + 1; n = 0
        for (i = from; i <= NR; i++) { n++; st += t[i]; sv += v[i]; stt += t[i] * t[i]; stv += t[i] * v[i] }
        slope = (n > 1) ? (n * stv - st * sv) / (n * stt - st * st) : 0
        printf "%d %d %.3f %d\n", v[1], v[NR], slope, t[NR]
    }' "$1"
}

row() {
    local name=$1 file=$2 samples=$3 first last slope end hour
    read -r first last slope end < <(fit "$file")
    hour=$(awk -v l="$last" -v s="$slope" -v e="$end" 'BEGIN { printf "%.1f", (l + s * (3600 - e)) / 1024 }')
    printf '| %s | %d | %s | %.1f | %.1f | %.1f | %s |\n' "$name" "$end" "$samples" "$(echo "$first / 1024" | bc -l)" \
        "$(echo "$last / 1024" | bc -l)" "$(echo "$slope * 60 / 1024" | bc -l)" "$hour"
}

"$PERFWB" record -F "$FREQ" --call-graph fp --poll-ms 50 --duration "$SECONDS_PERFWB" -o "$WORK/long.perfwb" \
    -- "$THREADS" "$WORK_MS" >"$WORK/perfwb.out" 2>&1 &
PERFWB_PID=$!
watch_rss "$PERFWB_PID" "$WORK/perfwb.rss" "$SECONDS_PERFWB"
wait "$PERFWB_PID" || true
SUMMARY=$(grep -o '^perfwb: [0-9]* samples' "$WORK/perfwb.out" | awk '{ print $2 }')
[[ -n $SUMMARY ]] || die "perfwb record failed: $(cat "$WORK/perfwb.out")"
REPORT_MB=$(du -m "$WORK/long.perfwb" | cut -f1)
rm -f "$WORK/long.perfwb"

echo "load average at the start of the table: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| recorder | seconds | samples | RSS at 10 s (MiB) | RSS at end (MiB) | growth, 2nd half (MiB/min) | 1 h, extrapolated (MiB) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
row "perfwb record -F $FREQ --call-graph fp (report $REPORT_MB MB)" "$WORK/perfwb.rss" "$SUMMARY"

if [[ $SECONDS_PERF -gt 0 ]] && command -v perf >/dev/null; then
    perf record -q -g -F "$FREQ" -o "$WORK/perf.data" -- "$THREADS" "$WORK_MS" >/dev/null 2>&1 &
    PERF_PID=$!
    # Read while it records only: after SIGINT perf maps its whole perf.data to collect
    # build-ids (107 MiB RSS for a 93 MB file), which is not the recording's memory.
    (sleep "$SECONDS_PERF"; kill -INT "$PERF_PID" 2>/dev/null || true) &
    watch_rss "$PERF_PID" "$WORK/perf.rss" "$((SECONDS_PERF - 5))"
    wait "$PERF_PID" || true
    PERF_MB=$(du -m "$WORK/perf.data" | cut -f1)
    row "perf record -g -F $FREQ (perf.data $PERF_MB MB)" "$WORK/perf.rss" "-"
fi
