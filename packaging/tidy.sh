#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clang-tidy over perfwb's own C++ (engine, app, ui) with .clang-tidy's checks, every
# finding an error. Needs a configured build tree for compile_commands.json (default
# build/dev). Prints each finding once and the count; exit 1 when there is one.
# Usage: packaging/tidy.sh [BUILD_DIR] [FILE...]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
shift || true
[ -f "$build/compile_commands.json" ] || { echo "tidy: no $build/compile_commands.json (configure first)"; exit 2; }
if (($#)); then
  files=("$@")
else
  mapfile -t files < <(git ls-files 'engine/*.cpp' 'app/*.cpp' 'ui/*.cpp')
fi
log="$build/clang-tidy.log"
# GCC-only warning flags in the compile commands mean nothing to clang.
run-clang-tidy -quiet -p "$build" -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option \
  "${files[@]/#/$PWD/}" >"$log" 2>&1 || true
# One line per finding in our own files (headers are reported once, from whichever unit).
# run-clang-tidy asks for colour; the escapes are dropped before reading the lines.
# Headers reached through a layer's include directory (BUILD/engine/layers/X/X/...) are
# named by their source path; generated code (moc, protobuf) is not ours.
sed -E 's/\x1b\[[0-9;]*m//g; s#/[^ ]*/engine/layers/[a-z]+/([a-z]+)/#'"$PWD"'/engine/\1/#' "$log" |
  grep -E "^$PWD/(engine|app|ui)/[^ ]*:[0-9]+:[0-9]+: (warning|error):" | sort -u >"$log.findings" || true
# Cognitive complexity ratchet: functions listed in tidy-complexity.txt may stay as complex
# as they were (never more); any other function over the threshold is a finding.
python3 - "$log.findings" packaging/tidy-complexity.txt "$PWD/" <<'PY'
import re, sys
findings, baseline_path, root = sys.argv[1], sys.argv[2], sys.argv[3]
baseline = {}
for line in open(baseline_path, encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        path, function, value = line.split()
        baseline[(path, function)] = int(value)
kept, simpler = [], []
pattern = re.compile(r"^(\S+?):\d+:\d+: \w+: function '([^']+)' has cognitive complexity of (\d+)")
for line in open(findings, encoding="utf-8"):
    m = pattern.match(line)
    if m:
        key = (m.group(1).removeprefix(root), m.group(2))
        if key in baseline and int(m.group(3)) <= baseline[key]:
            if int(m.group(3)) < baseline[key]:
                simpler.append(f"{key[0]} {key[1]}: {baseline[key]} -> {m.group(3)} (lower it in {baseline_path})")
            continue
    kept.append(line)
open(findings, "w", encoding="utf-8").writelines(kept)
for s in simpler:
    print("clang-tidy: simpler now:", s)
PY
count=$(wc -l <"$log.findings")
if [ "$count" -gt 0 ]; then
  sed "s|^$PWD/||" "$log.findings"
  echo "clang-tidy: $count finding(s) in ${#files[@]} files (full output: $log)"
  exit 1
fi
if grep -qE 'error: .*(compilation database|unable to|file not found)' "$log"; then
  grep -E 'error: ' "$log" | head -5
  echo "clang-tidy: could not check every file (see $log)"
  exit 1
fi
echo "clang-tidy: no findings in ${#files[@]} files"
