#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Set up, build, and run perfwb's main job. With a display: the workbench GUI.
# Without one: profile the bundled demo workload headless and export it to the
# standard output directory ($FIL_PERF_OUTPUT_DIR, default outputs/perf).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh dev

PERFWB=build/dev/app/perfwb
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${PERFWB_HEADLESS:-0}" != 1 ]; then
  exec "$PERFWB" "$@"
fi

out="${FIL_PERF_OUTPUT_DIR:-outputs/perf}"
mkdir -p "$out"
label="${FIL_PERF_RUN_LABEL:-demo}"
demo=build/dev/tests/workloads/cpusplit
echo "No display: profiling the demo workload ($demo, 70 % hot_70 / 30 % warm_30) headless."
"$PERFWB" record --label "$label" -o "$out/$label.perfwb" -- "$demo" 1500
"$PERFWB" info "$out/$label.perfwb" --top 5
echo
echo "report:  $out/$label.perfwb"
for to in html svg speedscope; do
  printf 'export:  %s\n' "$(FIL_PERF_OUTPUT_DIR="$out" "$PERFWB" export "$out/$label.perfwb" --to "$to")"
done
