#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# perf-run.sh: the "Run the scenarios" step of packaging/ci/perf.yml, from the checkout's
# root, after packaging/ci/perf-build.sh put build/dev/app first on PATH. Runs
#   perfwb ci run --scenarios "$SCENARIOS" --runs "$RUNS" --label "$LABEL" [--baseline ...]
# which writes perf_reports/latest.json, perf_reports/before_after.md, outputs/perf/<label>/
# and appends the before/after table to $GITHUB_STEP_SUMMARY (docs/performance/ci-workflow.md).
# Environment (the workflow's inputs):
#   SCENARIOS   the scenarios file (default packaging/ci/scenarios.json)
#   RUNS        runs per scenario (default 5)
#   PERF_TOOLS  comma-separated Python profilers: py-spy, scalene, memray, cprofile, or none
#               (default py-spy,scalene); sets FIL_PERF_ENABLE_* to true or false, which wins
#               over a scenario's preset
#   PERF_NAME   what is profiled: a branch name or pr-N (default: the branch checked out)
#   PERF_GATE   true: exit 1 when a verdict is fail (default: informational, exit 0)
#   PERFWB      the perfwb binary (default: perfwb on PATH)
# Exit status: perfwb ci run's (0, 1 with PERF_GATE on a fail, 2 bad usage or scenarios file).
set -euo pipefail

scenarios=${SCENARIOS:-packaging/ci/scenarios.json}
runs=${RUNS:-5}
tools=${PERF_TOOLS-py-spy,scalene}
perfwb=${PERFWB:-perfwb}
die() { echo "perf-run: $*" >&2; exit 2; }

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS='$runs' is not a whole number >= 1"
[[ -f $scenarios ]] || die "no scenarios file '$scenarios' (from $PWD)"
command -v "$perfwb" >/dev/null || die "no $perfwb on PATH (build it first: packaging/ci/perf-build.sh)"

# The tools input -> FIL_PERF_ENABLE_*: every one set, so a preset cannot add one unasked.
declare -A enable=([PYSPY]=false [SCALENE]=false [MEMRAY]=false [CPROFILE]=false)
IFS=', ' read -r -a names <<<"${tools,,}"
for t in "${names[@]}"; do
    case $t in
    py-spy | pyspy) enable[PYSPY]=true ;;
    scalene) enable[SCALENE]=true ;;
    memray) enable[MEMRAY]=true ;;
    cprofile) enable[CPROFILE]=true ;;
    none | "") ;;
    *) die "unknown tool '$t' in PERF_TOOLS='$tools' (py-spy, scalene, memray, cprofile or none)" ;;
    esac
done
for k in "${!enable[@]}"; do export "FIL_PERF_ENABLE_$k=${enable[$k]}"; done

# The label: what is profiled and its commit, e.g. pr-42-1a2b3c4d5e6f, master-0f1e2d3c4b5a.
sha=$(git rev-parse HEAD 2>/dev/null || echo "${GITHUB_SHA:-unknown}")
name=${PERF_NAME:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo "${GITHUB_REF_NAME:-local}")}
label=$(tr -c 'A-Za-z0-9_.\n-' '-' <<<"$name-${sha:0:12}")

args=(ci run --scenarios "$scenarios" --runs "$runs" --label "$label")
# perfwb ci run compares with perf_reports/baseline.json by default; named here so the log
# says which baseline the verdict is against.
if [[ -f perf_reports/baseline.json ]]; then
    args+=(--baseline perf_reports/baseline.json)
fi
[[ ${PERF_GATE:-false} == true ]] && args+=(--gate)

echo "perf-run: $(command -v "$perfwb"): $("$perfwb" --version)"
echo "perf-run: tools: py-spy=${enable[PYSPY]} scalene=${enable[SCALENE]} memray=${enable[MEMRAY]} cprofile=${enable[CPROFILE]}"
echo "perf-run: $perfwb ${args[*]}"
exec "$perfwb" "${args[@]}"
