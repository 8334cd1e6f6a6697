#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Recording overhead: a fixed amount of CPU work (the busywork workload, about 3 s of one
# core) alone, under `perfwb record` and under `perf record`, at 999 and 4999 Hz. All
# configurations are interleaved in every repetition, so a change of machine load hits
# them alike; the median of the repetitions is reported as a ratio to the run alone.
# Not part of the test pass; speed is only ever measured here, never asserted in tests.
#
# Usage: tests/benchmarks/bench_overhead.sh [PERFWB_BINARY]
#   PERFWB_BINARY        default build/release/app/perfwb (build it Release first)
#   PERFWB_WORKLOAD_DIR  where busywork is (default: <binary dir>/../tests/workloads)
#   BENCH_ROUNDS         busywork rounds (default 300, about 3 s of one core)
#   BENCH_REPS           repetitions (default 5)
#   BENCH_PYTHON         a CPython 3.11/3.12: measure Python frames instead. The workload
#                        is tests/workloads/pyshares.py (BENCH_ROUNDS units, default 250,
#                        about 3 s), recorded by perfwb with Python frames (the default)
#                        and native-only (--no-python), at 999 and 4999 Hz
#
# Three figures per configuration:
#   total wall   the profiler command from start to exit (setup, recording, writing out)
#   target wall  the workload from its exec to its exit (/usr/bin/time inside the profiler)
#   target CPU   user + system time of the workload: what sampling costs inside the target,
#                independent of how busy the rest of the machine is
# Prints a markdown table on stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PERFWB=$(realpath "${1:-$ROOT/build/release/app/perfwb}")
WORKLOADS=${PERFWB_WORKLOAD_DIR:-$(dirname "$PERFWB")/../tests/workloads}
PYTHON=${BENCH_PYTHON:-}
if [[ -n $PYTHON ]]; then
    BUSY=$PYTHON
    ROUNDS=${BENCH_ROUNDS:-250}
else
    BUSY=$(realpath "$WORKLOADS/busywork")
    ROUNDS=${BENCH_ROUNDS:-300}
fi
REPS=${BENCH_REPS:-5}
TIME=/usr/bin/time

die() { echo "bench_overhead: $*" >&2; exit 1; }
[[ -x $PERFWB ]] || die "no perfwb binary at $PERFWB (build a Release tree first)"
[[ -x $BUSY ]] || die "no workload at $BUSY (set PERFWB_WORKLOAD_DIR or BENCH_PYTHON)"
[[ -x $TIME ]] || die "$TIME not found (apt install time)"
command -v perf >/dev/null || die "perf not found"

WORK=$(mktemp -d /tmp/bench_overhead.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

CONFIGS=(alone perfwb-dwarf-999 perfwb-dwarf-4999 perfwb-fp-999 perfwb-fp-4999
         perf-g-999 perf-g-4999 perf-dwarf-999 perf-dwarf-4999)
ARGS=("$ROUNDS")
if [[ -n $PYTHON ]]; then
    CONFIGS=(alone perfwb-native-999 perfwb-dwarf-999 perfwb-native-4999 perfwb-dwarf-4999 perf-g-999)
    ARGS=("$ROOT/tests/workloads/pyshares.py" "$ROUNDS")
fi

label() {
    case $1 in
    alone) echo "$(basename "$BUSY") alone" ;;
    perfwb-native-*) echo "perfwb record -F ${1##*-} --no-python" ;;
    perfwb-dwarf-*) echo "perfwb record -F ${1##*-} (--call-graph dwarf, default${PYTHON:+; Python frames})" ;;
    perfwb-fp-*) echo "perfwb record -F ${1##*-} --call-graph fp" ;;
    perf-g-*) echo "perf record -g -F ${1##*-}" ;;
    perf-dwarf-*) echo "perf record --call-graph dwarf -F ${1##*-}" ;;
    esac
}

# One run: prints "total_wall target_wall target_cpu" in seconds.
run() {
    local cfg=$1 inner="$WORK/inner.txt" cmd
    local target=("$TIME" -f '%e %U %S' -o "$inner" "$BUSY" "${ARGS[@]}")
    case $cfg in
    alone) cmd=("${target[@]}") ;;
    perfwb-dwarf-*) cmd=("$PERFWB" record -F "${cfg##*-}" -o "$WORK/out.perfwb" -- "${target[@]}") ;;
    perfwb-native-*) cmd=("$PERFWB" record -F "${cfg##*-}" --no-python -o "$WORK/out.perfwb" -- "${target[@]}") ;;
    perfwb-fp-*) cmd=("$PERFWB" record -F "${cfg##*-}" --call-graph fp -o "$WORK/out.perfwb" -- "${target[@]}") ;;
    perf-g-*) cmd=(perf record -q -g -F "${cfg##*-}" -o "$WORK/perf.data" -- "${target[@]}") ;;
    perf-dwarf-*) cmd=(perf record -q --call-graph dwarf -F "${cfg##*-}" -o "$WORK/perf.data" -- "${target[@]}") ;;
    esac
    local t0 t1
    t0=$(date +%s%N)
    "${cmd[@]}" >/dev/null 2>"$WORK/err.txt" || die "$cfg failed: $(tail -1 "$WORK/err.txt")"
    t1=$(date +%s%N)
    awk -v t0="$t0" -v t1="$t1" '{printf "%.3f %.3f %.3f\n", (t1 - t0) / 1e9, $1, $2 + $3}' "$inner"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "$(basename "$BUSY") ${ARGS[*]}: $ROUNDS rounds, $REPS repetitions, $(nproc) CPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
run alone >/dev/null # warm the page cache and the CPU frequency
for ((rep = 1; rep <= REPS; ++rep)); do
    # Rotate the order each repetition so no configuration always follows another.
    for ((k = 0; k < ${#CONFIGS[@]}; ++k)); do
        cfg=${CONFIGS[(k + rep) % ${#CONFIGS[@]}]}
        run "$cfg" >>"$WORK/$cfg.txt"
    done
    echo "repetition $rep of $REPS done" >&2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

read -r A_TOTAL < <(cut -d' ' -f1 "$WORK/alone.txt" | median)
read -r A_WALL < <(cut -d' ' -f2 "$WORK/alone.txt" | median)
read -r A_CPU < <(cut -d' ' -f3 "$WORK/alone.txt" | median)
echo "| configuration | total wall (s) | total wall / alone | target wall / alone | target CPU / alone |"
echo "|---|---:|---:|---:|---:|"
for cfg in "${CONFIGS[@]}"; do
    read -r total < <(cut -d' ' -f1 "$WORK/$cfg.txt" | median)
    read -r wall < <(cut -d' ' -f2 "$WORK/$cfg.txt" | median)
    read -r cpu < <(cut -d' ' -f3 "$WORK/$cfg.txt" | median)
    awk -v l="$(label "$cfg")" -v t="$total" -v w="$wall" -v c="$cpu" -v at="$A_TOTAL" -v aw="$A_WALL" -v ac="$A_CPU" \
        'BEGIN {printf "| %s | %.2f | %.3f | %.3f | %.3f |\n", l, t, t / at, w / aw, c / ac}'
done
