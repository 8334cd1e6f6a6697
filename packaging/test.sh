#!/usr/bin/env bash
# Set up, build and run every test: the Qt Test suites (unit, integration with
# real perf recordings), the same engine and CLI suites under ASan + UBSan, and
# each fuzz target for a bounded time. Idempotent; rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${PERFWB_FUZZ_SECONDS:-30}"
mkdir -p build
passed=0
failed=0

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

bash packaging/setup.sh dev
echo "== Qt Test suites"
# Suites profile real processes on a real kernel: a suite that fails gets one more run
# (ctest --repeat until-pass:2), and ctest's log shows every failed attempt.
ctest --preset dev -j2 --repeat until-pass:2 2>&1 | tee build/ctest-dev.log || true
count_ctest build/ctest-dev.log

echo "== ASan + UBSan pass (engine and CLI suites)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
ctest --preset asan -j2 --repeat until-pass:2 -L 'engine|integration' 2>&1 | tee build/ctest-asan.log || true
count_ctest build/ctest-asan.log

echo "== fuzz targets, ${FUZZ_SECONDS}s each"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"
if bash tests/fuzz/run_fuzzers.sh build/fuzz "$FUZZ_SECONDS"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
