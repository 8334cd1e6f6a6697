#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# How long a large HTML report takes to open in Chromium (headless, file://, no network).
# Not part of the test pass: speed is measured here, never asserted in tests.
#
# Usage: tests/benchmarks/bench_htmlopen.sh [PERFWB_BINARY]
#   PERFWB_BINARY  default build/release/app/perfwb
#   BENCH_REPS     page loads per report (default 5; the median is reported)
#
# Two 1 M-sample reports:
#   real:      tests/benchmarks/data/big.data (1 M samples of cpusplit, made by
#              bench_import.sh) imported and exported; a small call tree.
#   synthetic: folded stacks, 1 M samples (lines of weight 1) over 200 000 distinct
#              stacks, depth 6-26: a wide, deep tree, the page's worst case.
# The page writes the milliseconds from navigation start to "drawn" (flamegraph, tables,
# timelines done) into <body data-ready-ms>; --dump-dom reads it back. Also reported: the
# wall time of the whole headless Chromium run (start-up included) and the page's size.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PERFWB=$(realpath "${1:-$ROOT/build/release/app/perfwb}")
REPS=${BENCH_REPS:-5}
DATA_DIR=$ROOT/tests/benchmarks/data
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
die() { echo "bench_htmlopen: $*" >&2; exit 1; }
[[ -x $PERFWB ]] || die "no perfwb binary at $PERFWB"
command -v chromium >/dev/null || die "chromium not installed"

# The synthetic profile: deterministic (seeded) so runs compare.
python3 - "$WORK/synthetic.folded" <<'PY'
import random, sys
random.seed(42)
# 1 000 000 lines of weight 1 = 1 M samples over 200 000 distinct stacks. The first four
# levels pick from 20 functions each (so ~10 000 frames are wide enough to be drawn),
# deeper levels from 3 000: a wide, deep tree, the page's worst case.
stacks = set()
while len(stacks) < 200_000:
    depth = random.randint(5, 25)
    s = ["main"] + ["f%d" % (random.randrange(20) + 20 * i) for i in range(4)]
    s += ["g%d" % random.randrange(3000) for _ in range(depth - 4)]
    stacks.add(";".join(s))
stacks = list(stacks)
with open(sys.argv[1], "w") as f:
    for k in stacks:
        f.write(k + " 1\n")
    for _ in range(1_000_000 - len(stacks)):
        f.write(random.choice(stacks) + " 1\n")
PY

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
open_page() { # prints "ready_ms wall_ms"
    local prof; prof=$(mktemp -d -p "$WORK")
    local t0 t1 dom
    t0=$(date +%s%N)
    dom=$(chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$prof" \
        --window-size=1280,900 --dump-dom "file://$1" 2>/dev/null)
    t1=$(date +%s%N)
    local ready; ready=$(grep -o 'data-ready-ms="[0-9]*"' <<<"$dom" | grep -o '[0-9]*' || echo "NA")
    echo "$ready $(( (t1 - t0) / 1000000 ))"
}

echo "| report | samples | call-tree nodes in page | page size | drawn (median ms) | headless run incl. start-up (median ms) |"
echo "|---|---:|---:|---:|---:|---:|"
for kind in real synthetic; do
    if [[ $kind == real ]]; then
        [[ -f $DATA_DIR/big.data ]] || { echo "| real | (run bench_import.sh first to record big.data) | | | | |"; continue; }
        "$PERFWB" import -o "$WORK/real.perfwb" "$DATA_DIR/big.data" >/dev/null
        src=$WORK/real.perfwb
    else
        src=$WORK/synthetic.folded
    fi
    page=$WORK/$kind.html
    "$PERFWB" export --to html -o "$page" "$src" >/dev/null
    samples=$("$PERFWB" info "$src" | awk '/^samples/ {print $2; exit}')
    nodes=$(python3 -c 'import json,sys,re; h=open(sys.argv[1]).read(); d=json.loads(re.search(r"id=\"perfwb-data\">(.*?)</script>", h, re.S).group(1)); print(len(d["tree"]["f"]))' "$page")
    size=$(du -h "$page" | cut -f1)
    ready=(); wall=()
    for _ in $(seq "$REPS"); do
        read -r r w < <(open_page "$page")
        ready+=("$r"); wall+=("$w")
    done
    echo "| $kind | ${samples:-?} | $nodes | $size | $(printf '%s\n' "${ready[@]}" | median) | $(printf '%s\n' "${wall[@]}" | median) |"
done
