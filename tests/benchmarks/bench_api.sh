#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# HTTP API throughput and memory: `perfwb serve` against a reference server written with
# Python's standard library (bench_api_pyserver.py: ThreadingHTTPServer, HTTP/1.1 keep-alive,
# the same two routes and JSON shapes). wrk (-t2 -c64 --latency) hammers GET /api/perf/health
# and POST /api/perf/profiler/mark on each server; then perfwb's RSS (VmRSS) is read before,
# during and after about a million more marks, to show that it stays flat (the profiler keeps
# aggregates and a bounded history, not every mark).
# Not part of the test pass; speed is only ever measured here, never asserted in tests.
# wrk and the servers share the machine: on 2 cores the figures are a comparison, not a
# capacity (look at the load average printed on stderr).
#
# Usage: tests/benchmarks/bench_api.sh PERFWB_BINARY   (a Release build)
#   BENCH_DURATION  length of each wrk run (default 10s)
#   BENCH_MARKS     marks posted for the RSS measurement (default 1000000)
# Needs wrk (apt install wrk) and python3. Prints markdown on stdout, progress on stderr.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PYSERVER=$ROOT/tests/benchmarks/bench_api_pyserver.py
DURATION=${BENCH_DURATION:-10s}
MARKS=${BENCH_MARKS:-1000000}
THREADS=2
CONNECTIONS=64

die() { echo "bench_api: $*" >&2; exit 1; }
[[ $# -eq 1 ]] || die "usage: $0 PERFWB_BINARY"
PERFWB=$(realpath "$1")
[[ -x $PERFWB ]] || die "no perfwb binary at $PERFWB"
command -v wrk >/dev/null || die "wrk not found (apt install wrk)"
command -v python3 >/dev/null || die "python3 not found"
[[ $MARKS =~ ^[1-9][0-9]*$ ]] || die "BENCH_MARKS must be a positive integer"

WORK=$(mktemp -d /tmp/bench_api.XXXXXX)
PERFWB_PID=
PY_PID=
SAMPLER_PID=
WRK_PID=

# Whether a child still runs (kill -0 also succeeds on a zombie not yet waited for).
alive() {
    local state
    state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1) || return 1
    [[ -n $state && $state != Z ]]
}
# Stops one of our children: SIGTERM, up to 5 s to exit, then SIGKILL.
stop() {
    local pid=$1 i
    [[ -n $pid ]] || return 0
    kill "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 50; ++i)); do
        alive "$pid" || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    stop "$WRK_PID"
    stop "$SAMPLER_PID"
    stop "$PERFWB_PID"
    stop "$PY_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits for a server's "serving http://127.0.0.1:PORT/api/perf" line on stderr; prints PORT.
server_port() {
    local err=$1 pid=$2 name=$3 i port
    for ((i = 0; i < 150; ++i)); do
        port=$(sed -n 's|.*serving http://127\.0\.0\.1:\([0-9][0-9]*\)/api/perf.*|\1|p' "$err")
        if [[ -n $port ]]; then
            echo "${port%%$'\n'*}"
            return 0
        fi
        alive "$pid" || die "$name exited: $(tail -n 3 "$err")"
        sleep 0.1
    done
    die "$name did not print its port within 15 s: $(tail -n 3 "$err")"
}

# api METHOD PATH [BODY]: one request to perfwb's API, the JSON answer on stdout.
api() {
    python3 - "$1" "http://127.0.0.1:$PERFWB_PORT/api/perf$2" "${3:-}" <<'EOF'
import sys, urllib.request
method, url, body = sys.argv[1:4]
request = urllib.request.Request(url, method=method, data=body.encode() if body else None,
                                 headers={"Content-Type": "application/json"})
with urllib.request.urlopen(request, timeout=10) as answer:
    print(answer.read().decode())
EOF
}

# json_get DOTTED.KEY: that field of the JSON document on stdin.
json_get() {
    python3 -c '
import json, sys
value = json.load(sys.stdin)
for key in sys.argv[1].split("."):
    value = value[key]
print(json.dumps(value) if isinstance(value, (dict, list)) else value)' "$1"
}

rss_mib() { awk '/^VmRSS:/ {printf "%.1f\n", $2 / 1024}' "/proc/$PERFWB_PID/status"; }
marks_total() { api GET /profiler/dashboard | json_get dashboard.marks.total; }

# wrk latency ("812.00us", "1.25ms", "1.02s", "1.00m") in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
        printf "%.3f\n", n }'
}

# --- servers ---------------------------------------------------------------------------
mkdir -p "$WORK/config/perfwb"
printf '{"features": {"enable_perf": true}}\n' >"$WORK/config/perfwb/config.json"
XDG_CONFIG_HOME="$WORK/config" "$PERFWB" serve --port 0 2>"$WORK/perfwb.err" >/dev/null &
PERFWB_PID=$!
python3 "$PYSERVER" --port 0 2>"$WORK/py.err" >/dev/null &
PY_PID=$!
PERFWB_PORT=$(server_port "$WORK/perfwb.err" "$PERFWB_PID" "perfwb serve")
PY_PORT=$(server_port "$WORK/py.err" "$PY_PID" "bench_api_pyserver")
grep -q 'profiler on' "$WORK/perfwb.err" || die "perfwb serve says the profiler is off: $(head -n 1 "$WORK/perfwb.err")"
[[ $(api GET /health | json_get profiler_enabled) == True ]] || die "perfwb /health: profiler_enabled is not true"

cat >"$WORK/post.lua" <<'EOF'
wrk.method = "POST"
wrk.body = '{"name":"bench","category":"bench","metadata":{"i":1}}'
wrk.headers["Content-Type"] = "application/json"
EOF
# The same, each thread stopping after `limit` answers. wrk's main thread still sleeps for all
# of -d: each thread leaves a file in $WORK/done when it stops, and SIGINT then ends wrk.
mkdir -p "$WORK/done"
cat "$WORK/post.lua" - >"$WORK/post_n.lua" <<EOF
local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("id", threads)
   thread:set("limit", math.ceil($MARKS / $THREADS))
end
local count = 0
function response(status, headers, body)
   count = count + 1
   if count == limit then
      local f = io.open("$WORK/done/" .. id, "w")
      if f then f:close() end
      wrk.thread:stop()
   end
end
EOF

echo "perfwb serve on port $PERFWB_PORT (pid $PERFWB_PID), python on port $PY_PORT (pid $PY_PID);" \
    "$(nproc) CPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# --- throughput --------------------------------------------------------------------------
# bench SERVER ROUTE: one wrk run; prints "requests_per_s p99_ms errors".
bench() {
    local server=$1 route=$2 port out script=()
    if [[ $server == perfwb ]]; then port=$PERFWB_PORT; else port=$PY_PORT; fi
    [[ $route == mark ]] && script=(-s "$WORK/post.lua")
    out="$WORK/wrk-$server-$route.txt"
    local path=/api/perf/health
    [[ $route == mark ]] && path=/api/perf/profiler/mark
    echo "wrk $server $route ($DURATION)..." >&2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${script[@]}" "http://127.0.0.1:$port$path" >"$out" 2>&1 ||
        die "wrk failed against $server: $(tail -n 3 "$out")"
    local rps p99 non2xx sockerr
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
    sockerr=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
    [[ -n $rps ]] || die "no Requests/sec in wrk's output: $(tail -n 3 "$out")"
    echo "$rps $p99 $((${non2xx:-0} + ${sockerr:-0}))"
}

declare -A RESULT
for route in health mark; do
    for server in perfwb python; do
        RESULT[$server-$route]=$(bench "$server" "$route")
    done
done

echo "## HTTP API: perfwb serve vs Python ThreadingHTTPServer (wrk -t$THREADS -c$CONNECTIONS -d$DURATION)"
echo
echo "| route | server | requests/s | p99 latency (ms) | errors | requests/s perfwb/python | p99 perfwb/python |"
echo "|---|---|---:|---:|---:|---:|---:|"
for route in health mark; do
    label="GET /health"
    [[ $route == mark ]] && label="POST /profiler/mark"
    read -r p_rps p_p99 p_err <<<"${RESULT[perfwb-$route]}"
    read -r y_rps y_p99 y_err <<<"${RESULT[python-$route]}"
    awk -v l="$label" -v pr="$p_rps" -v pp="$p_p99" -v pe="$p_err" -v yr="$y_rps" -v yp="$y_p99" -v ye="$y_err" 'BEGIN {
        printf "| %s | perfwb | %.0f | %.2f | %d | %.2f | %.2f |\n", l, pr, pp, pe, (yr > 0 ? pr / yr : 0), (yp > 0 ? pp / yp : 0)
        printf "| %s | python | %.0f | %.2f | %d | | |\n", l, yr, yp, ye }'
done
echo

# --- memory under a million marks --------------------------------------------------------
api POST /profiler/reset '{}' >/dev/null
sleep 1 # let a freshly emptied heap settle
rss_before=$(rss_mib)
total_before=$(marks_total)
(
    while alive "$PERFWB_PID"; do
        awk '/^VmRSS:/ {printf "%.1f\n", $2 / 1024}' "/proc/$PERFWB_PID/status" 2>/dev/null || true
        sleep 1
    done
) >"$WORK/rss.txt" &
SAMPLER_PID=$!
echo "posting $MARKS marks to perfwb..." >&2
t0=$(date +%s%N)
wrk -t"$THREADS" -c"$CONNECTIONS" -d3600s -s "$WORK/post_n.lua" "http://127.0.0.1:$PERFWB_PORT/api/perf/profiler/mark" \
    >"$WORK/wrk-marks.txt" 2>&1 &
WRK_PID=$!
while alive "$WRK_PID"; do
    if [[ $(find "$WORK/done" -type f | wc -l) -ge $THREADS ]]; then
        kill -INT "$WRK_PID" 2>/dev/null || true
        break
    fi
    sleep 0.2
done
wait "$WRK_PID" || die "wrk failed: $(tail -n 3 "$WORK/wrk-marks.txt")"
WRK_PID=
t1=$(date +%s%N)
stop "$SAMPLER_PID"
SAMPLER_PID=
sleep 1
rss_after=$(rss_mib)
total_after=$(marks_total)
posted=$((total_after - total_before))
rss_peak=$(sort -n "$WORK/rss.txt" | tail -n 1)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

echo "## perfwb serve RSS while marks are posted"
echo
echo "| marks posted (dashboard marks.total) | seconds | RSS before (MiB) | RSS peak (MiB) | RSS after (MiB) | after - before (MiB) | bytes per mark |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
awk -v n="$posted" -v t0="$t0" -v t1="$t1" -v b="$rss_before" -v p="${rss_peak:-$rss_after}" -v a="$rss_after" 'BEGIN {
    printf "| %d | %.1f | %.1f | %.1f | %.1f | %+.1f | %.2f |\n", n, (t1 - t0) / 1e9, b, p, a, a - b, (n > 0 ? (a - b) * 1048576 / n : 0) }'
echo
echo "RSS samples every second (MiB): $(tr '\n' ' ' <"$WORK/rss.txt")"
