#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target of a PERFWB_FUZZ build for a bounded time.
# Usage: tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS
# Each fuzz_<name> runs SECONDS (-max_total_time) on a fresh copy of its seeds in
# tests/fuzz/corpus/<name>/ (the seeds in the tree are never modified). A crash, leak,
# sanitizer report or timeout leaves its input under BUILD_DIR/tests/fuzz/artifacts/<name>/
# and makes the script exit non-zero after all fuzzers have run.
set -uo pipefail

if [ $# -ne 2 ] || ! [[ $2 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 BUILD_DIR SECONDS" >&2
    exit 2
fi
build=$1
seconds=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shopt -s nullglob
fuzzers=("$build"/tests/fuzz/fuzz_*)
if [ ${#fuzzers[@]} -eq 0 ]; then
    echo "$0: no fuzz_* executables in $build/tests/fuzz (configure with CC=clang CXX=clang++ -DPERFWB_FUZZ=ON and build them)" >&2
    exit 2
fi

# UBSan reports must stop the run, or libFuzzer would not notice them.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

failed=()
passed=0
for fuzzer in "${fuzzers[@]}"; do
    [ -f "$fuzzer" ] && [ -x "$fuzzer" ] || continue
    name=$(basename "$fuzzer")
    name=${name#fuzz_}
    work=$(mktemp -d)
    if [ -d "$here/corpus/$name" ]; then
        cp -r "$here/corpus/$name/." "$work/"
    fi
    artifacts="$build/tests/fuzz/artifacts/$name/"
    mkdir -p "$artifacts"
    log="$build/tests/fuzz/fuzz_$name.log"
    echo "fuzz_$name: ${seconds}s on $(find "$work" -type f | wc -l) seeds"
    if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts" "$work" >"$log" 2>&1; then
        echo "  ok: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs"
        passed=$((passed + 1))
    else
        echo "  FAILED (log: $log, inputs: $artifacts)"
        grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -5 | sed 's/^/  /'
        failed+=("$name")
    fi
    rm -rf "$work"
done

echo "fuzzers: ${passed} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
