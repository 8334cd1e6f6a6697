#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Set up, build and run every test: the formatting check, the Qt Test suites (unit,
# integration with real perf recordings), clang-tidy on our own code, the same engine and
# CLI suites under ASan + UBSan, and each fuzz target for a bounded time. Idempotent; rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${PERFWB_FUZZ_SECONDS:-20}"
mkdir -p build
passed=0
failed=0
flaky=()

# Adds ctest's "N tests failed out of M" from a log to the totals.
count_ctest() {
  local line f t
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$1" | tail -n 1) || true
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  f=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  t=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
  passed=$((passed + t - f))
  failed=$((failed + f))
}

# Runs one preset's suites. Suites profile real processes on a real kernel: a suite that
# fails gets one more run, and one that passes then is *flaky* — listed under "flaky:" at
# the end, a bug to fix, never a silent retry. Both logs are kept in build/.
run_suites() {
  local preset=$1 failed_log first rerun_failed name
  shift
  ctest --preset "$preset" -j2 "$@" 2>&1 | tee "build/ctest-$preset.log" || true
  failed_log="build/$preset/Testing/Temporary/LastTestsFailed.log"
  if [ ! -s "$failed_log" ] || ! grep -qE 'tests? failed out of' "build/ctest-$preset.log"; then
    count_ctest "build/ctest-$preset.log"
    return
  fi
  first=$(cut -d: -f2 "$failed_log" | sort)
  echo "== $preset: running the failed suites once more: $(tr '\n' ' ' <<<"$first")"
  ctest --preset "$preset" --rerun-failed -j2 "$@" 2>&1 | tee "build/ctest-$preset-rerun.log" || true
  rerun_failed=""
  if grep -qE '[1-9][0-9]* tests? failed out of' "build/ctest-$preset-rerun.log"; then
    rerun_failed=$(cut -d: -f2 "$failed_log" | sort)
  fi
  # Totals: the first run's passes, plus the reruns that passed; failures are what failed twice.
  count_ctest "build/ctest-$preset.log"
  for name in $first; do
    if ! grep -qx "$name" <<<"$rerun_failed"; then
      flaky+=("$preset:$name")
      passed=$((passed + 1))
      failed=$((failed - 1))
    fi
  done
}

bash packaging/setup.sh dev

echo "== formatting (clang-format, .clang-format)"
if git ls-files '*.c' '*.cpp' '*.h' | xargs clang-format --dry-run --Werror 2>build/clang-format.log; then
  passed=$((passed + 1))
else
  echo "clang-format: these files differ from .clang-format (run clang-format -i on them):"
  grep -oE '^[^:]+\.(c|cpp|h):' build/clang-format.log | sort -u | sed 's/:$//; s/^/  /'
  failed=$((failed + 1))
fi

echo "== licence headers (packaging/spdx.sh)"
if bash packaging/spdx.sh; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo "== Qt Test suites"
run_suites dev

echo "== clang-tidy (.clang-tidy, packaging/tidy.sh)"
if bash packaging/tidy.sh build/dev; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== ASan + UBSan pass (engine and CLI suites)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
run_suites asan -L 'engine|integration'

echo "== fuzz targets, ${FUZZ_SECONDS}s each"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"
if bash tests/fuzz/run_fuzzers.sh build/fuzz "$FUZZ_SECONDS"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

if ((${#flaky[@]})); then
  echo "flaky: ${#flaky[@]} suite(s) failed once and passed on the second run: ${flaky[*]} (see build/ctest-*.log)"
else
  echo "flaky: 0"
fi
echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
