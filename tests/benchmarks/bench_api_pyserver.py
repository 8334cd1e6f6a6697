#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference server for tests/benchmarks/bench_api.sh: the standard library's ThreadingHTTPServer
(HTTP/1.1, so wrk's connections are kept alive as with perfwb) serving two routes of the perfwb API
with the same JSON shapes:

    GET  /api/perf/health          always 200
    POST /api/perf/profiler/mark   {"name": str, "category": str, "metadata": {...}} -> {"feature_flag": true, "mark": {...}}

Marks are only counted, in memory (the count is printed on stderr at exit). Usage: bench_api_pyserver.py [--port N] [--bind ADDR] (port 0 = a
free one); prints `bench_api_pyserver: serving http://ADDR:PORT/api/perf` on stderr, serves until
SIGINT/SIGTERM.
"""

import argparse
import json
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/api/perf"
MAX_BODY = 1 << 20


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.marks_total = 0
        self.by_category: dict[str, int] = {}


STATE = State()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "bench_api_pyserver"
    # One write per response (handle_one_request flushes wfile) and no Nagle delay: without
    # these, headers and body go out as two segments and keep-alive clients wait 40 ms for
    # the delayed ACK on every request.
    wbufsize = 1 << 16
    disable_nagle_algorithm = True

    def log_message(self, format, *args):  # no access log: it would dominate the benchmark
        pass

    def answer(self, status, obj, extra_headers=()):
        body = json.dumps(obj, separators=(",", ":")).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra_headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def error(self, status, message, extra_headers=()):
        self.answer(status, {"feature_flag": True, "error": message}, extra_headers)

    def route(self):
        path = self.path.split("?", 1)[0]
        return path[len(PREFIX):] if path.startswith(PREFIX + "/") else None

    def do_GET(self):
        route = self.route()
        if route == "/health":
            self.answer(200, {
                "feature_flag": True, "budgets_enabled": True, "profiler_enabled": True,
                "version": "bench_api_pyserver",
                "budgets": {"queue": {"queued": 0, "delayed": 0, "running": 0, "finished": 0},
                            "assets": {"count": 0, "total_mb": 0, "target_mb": 1024}},
                "profiler": {"top_offenders": []},
            })
        elif route == "/profiler/mark":
            self.error(405, "method not allowed", [("Allow", "POST")])
        else:
            self.error(404, "unknown route")

    def do_POST(self):
        route = self.route()
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            self.error(413, "body over 1 MiB")
            return
        raw = self.rfile.read(length) if length > 0 else b""
        if route == "/health":
            self.error(405, "method not allowed", [("Allow", "GET")])
            return
        if route != "/profiler/mark":
            self.error(404, "unknown route")
            return
        try:
            body = json.loads(raw)
        except ValueError:
            self.error(400, "bad JSON")
            return
        if not isinstance(body, dict):
            self.error(400, "body must be a JSON object")
            return
        name = body.get("name")
        category = body.get("category", "default")
        metadata = body.get("metadata", {})
        if not isinstance(name, str) or not name or not isinstance(category, str) or not isinstance(metadata, dict):
            self.error(400, "name (non-empty string), category (string), metadata (object) expected")
            return
        with STATE.lock:
            STATE.marks_total += 1
            STATE.by_category[category] = STATE.by_category.get(category, 0) + 1
        self.answer(200, {"feature_flag": True, "mark": {"name": name, "category": category, "timestamp": time.time()}})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # wrk opens all its connections at once


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args()
    server = Server((args.bind, args.port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown, daemon=True).start())
    host, port = server.server_address[:2]
    print(f"bench_api_pyserver: serving http://{host}:{port}{PREFIX}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        print(f"bench_api_pyserver: {STATE.marks_total} marks received", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
