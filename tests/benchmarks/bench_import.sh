#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# perf.data import: perfwb vs hotspot-perfparser vs perf report (and perf script alone,
# which perfwb's importer runs underneath). Not part of the test pass; speed is only
# ever measured here, never asserted in tests.
#
# Usage: tests/benchmarks/bench_import.sh [PERFWB_BINARY]
#   PERFWB_BINARY        default build/release/app/perfwb (build it Release first)
#   PERFWB_WORKLOAD_DIR  where cpusplit is (default: <binary dir>/../tests/workloads)
#   BENCH_SAMPLES        samples wanted in the recording (default 1000000)
#   BENCH_REPS           repetitions per tool (default 3; the median is reported)
#
# The recording is made once into tests/benchmarks/data/big.data (gitignored) and
# reused; delete it to record again. Prints a markdown table on stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PERFWB=$(realpath "${1:-$ROOT/build/release/app/perfwb}")
WORKLOADS=${PERFWB_WORKLOAD_DIR:-$(dirname "$PERFWB")/../tests/workloads}
CPUSPLIT=$(realpath "$WORKLOADS/cpusplit")
TARGET=${BENCH_SAMPLES:-1000000}
REPS=${BENCH_REPS:-3}
DATA_DIR=$ROOT/tests/benchmarks/data
BIG=$DATA_DIR/big.data
PERFPARSER=/usr/lib/x86_64-linux-gnu/libexec/hotspot-perfparser
TIME=/usr/bin/time

die() { echo "bench_import: $*" >&2; exit 1; }
[[ -x $PERFWB ]] || die "no perfwb binary at $PERFWB (build a Release tree first)"
[[ -x $CPUSPLIT ]] || die "no cpusplit workload at $CPUSPLIT (set PERFWB_WORKLOAD_DIR)"
[[ -x $PERFPARSER ]] || die "hotspot-perfparser not found at $PERFPARSER (apt install hotspot)"
[[ -x $TIME ]] || die "$TIME not found (apt install time)"
command -v perf >/dev/null || die "perf not found"

WORK=$(mktemp -d /tmp/bench_import.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

sample_count() { # real SAMPLE records in a perf.data, as perf itself counts them
    perf report --stats -i "$1" 2>/dev/null | awk '/SAMPLE events:/ {print $3; exit}'
}

# Two cpusplit processes on (at least) two cores, call graphs by frame pointer,
# at a high rate: the usual `perf record -g` shape, only bigger.
record() { # $1 = milliseconds per process, $2 = output
    perf record -q -g -F 20000 -o "$2" -- sh -c "'$CPUSPLIT' $1 & '$CPUSPLIT' $1; wait" >/dev/null 2>&1
}

mkdir -p "$DATA_DIR"
if [[ ! -s $BIG ]]; then
    echo "recording about $TARGET samples into $BIG (once) ..." >&2
    # The achievable rate depends on the machine (timer resolution, cores): measure it.
    record 1000 "$WORK/calib.data"
    rate=$(sample_count "$WORK/calib.data")
    [[ ${rate:-0} -gt 0 ]] || die "calibration recording has no samples"
    ms=$(( TARGET * 1000 / rate + 500 ))
    record "$ms" "$BIG.tmp"
    mv "$BIG.tmp" "$BIG"
fi
SAMPLES=$(sample_count "$BIG")
SIZE_MB=$(awk -v b="$(stat -c %s "$BIG")" 'BEGIN {printf "%.0f", b / 1048576}')
echo "recording: $BIG, $SAMPLES samples, $SIZE_MB MiB" >&2
# perf resolves build-ids and symbols from the recorded paths: warm the page cache and
# perf's own caches once so the first timed tool is not penalised.
perf report --stdio -i "$BIG" >/dev/null 2>&1 || true

# The arguments perfwb's importer gives perf script (PerfDataImporter::scriptArguments):
# the part of perfwb's time that is perf's, not perfwb's.
SCRIPT_ARGS="-F comm,pid,tid,time,period,event,ip,sym,symoff,dso --no-inline --ns --header --show-lost-events"

# perf script's text, made once, so perfwb's own share (parse, build, write the report)
# can be timed without perf.
perf script -i "$BIG" $SCRIPT_ARGS >"$WORK/big.txt" 2>/dev/null

TOOLS=(perfwb perfparser perfreport perfscript perfwbtext)
declare -A LABEL=(
    [perfwb]="perfwb import"
    [perfparser]="hotspot-perfparser"
    [perfreport]="perf report --stdio"
    [perfscript]="perf script alone (perfwb's arguments)"
    [perfwbtext]="perfwb import of that perf script text (no perf)"
)
declare -A CMD=(
    [perfwb]="'$PERFWB' import '$BIG' -o '$WORK/x.perfwb'"
    [perfparser]="'$PERFPARSER' --input '$BIG' --output '$WORK/x.perfparser'"
    [perfreport]="perf report --stdio -i '$BIG' > /dev/null"
    [perfscript]="perf script -i '$BIG' $SCRIPT_ARGS > /dev/null"
    [perfwbtext]="'$PERFWB' import '$WORK/big.txt' -o '$WORK/x.perfwb'"
)

# One run of everything, interleaved (perfwb, perfparser, perf report, perf script,
# perfwb, ...) so drifting machine load hits every tool alike.
declare -A WALL RSS
for ((r = 1; r <= REPS; ++r)); do
    for t in "${TOOLS[@]}"; do
        rm -f "$WORK/x.perfwb" "$WORK/x.perfparser"
        if ! $TIME -f '%e %M' -o "$WORK/time.txt" sh -c "${CMD[$t]}" >/dev/null 2>"$WORK/err.txt"; then
            cat "$WORK/err.txt" >&2
            die "${LABEL[$t]} failed"
        fi
        read -r wall rss <"$WORK/time.txt"
        WALL[$t]+="$wall "
        RSS[$t]+="$rss "
        echo "  run $r ${LABEL[$t]}: ${wall} s, ${rss} KiB" >&2
    done
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
declare -A MW MR
for t in "${TOOLS[@]}"; do
    MW[$t]=$(median "${WALL[$t]}")
    MR[$t]=$(median "${RSS[$t]}")
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }

echo "| tool | wall time (s, median of $REPS) | peak RSS (MiB, median) | perfwb / tool, time | perfwb / tool, RSS |"
echo "|---|---:|---:|---:|---:|"
for t in "${TOOLS[@]}"; do
    mib=$(awk -v k="${MR[$t]}" 'BEGIN {printf "%.0f", k / 1024}')
    if [[ $t == perfwb ]]; then
        echo "| ${LABEL[$t]} | ${MW[$t]} | $mib | 1.00 | 1.00 |"
    elif [[ $t == perfscript || $t == perfwbtext ]]; then
        echo "| ${LABEL[$t]} | ${MW[$t]} | $mib | (part of perfwb) | |"
    else
        echo "| ${LABEL[$t]} | ${MW[$t]} | $mib | $(ratio "${MW[perfwb]}" "${MW[$t]}") | $(ratio "${MR[perfwb]}" "${MR[$t]}") |"
    fi
done
echo
echo "Peak RSS is the largest process of the command's tree: for \`perfwb import\` of a perf.data"
echo "that is perfwb or the \`perf script\` it runs, whichever is larger."
echo "Input: $SAMPLES samples ($SIZE_MB MiB perf.data, \`perf record -g -F 20000\`, two cpusplit processes)."
echo "Machine: $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, kernel $(uname -r)," \
    "$(perf --version), hotspot-perfparser $("$PERFPARSER" --version 2>/dev/null | awk '{print $NF; exit}')."
