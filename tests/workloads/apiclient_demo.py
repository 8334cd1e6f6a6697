#!/usr/bin/env python3
# Expected shape: with PERFWB_API_URL set (`perfwb record --serve -- python3 apiclient_demo.py`),
# the report's profiler part holds, posted through resources/clients/python/perfwb.py:
#   - job "demo-job" (type "demo", hints cpu_percent 5, ram_mb 64): registered, started
#     (running, or delayed then refreshed once), finished at the end;
#   - 3 spans "load" (category "io"), each growing RSS by about 8 MiB (a touched buffer kept
#     alive): the top of top_memory, mem_delta_mb about 8 each;
#   - 5 spans "render" (category "render"), each about 40 ms of CPU in pure Python (burn()):
#     the top of top_time, count 5, total about 200 ms (more wall time on a busy machine);
#   - 1 mark "ready" (category "app") after the renders.
# CPU samples: most in burn() under render_frame(), called from main().
# Without a server (no PERFWB_API_URL, or nothing listening) it does the same work and exits 0
# (at most one "perfwb: ...; further calls are no-ops" line on stderr).
# The module is found in $PERFWB_PYTHON_CLIENT_DIR, else in resources/clients/python of this repo.
import os
import sys
import time

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("PERFWB_PYTHON_CLIENT_DIR")
                or os.path.join(_HERE, "..", "..", "resources", "clients", "python"))
import perfwb  # noqa: E402

LOAD_MB = 8
BURN_S = 0.040


def burn(seconds):
    """Spin for `seconds` of this thread's CPU time (not wall time: the shape holds on a busy machine)."""
    end = time.thread_time() + seconds
    x = 1
    while time.thread_time() < end:
        for _ in range(2000):
            x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return x


def load_chunk(i, keep):
    with perfwb.span("load", category="io", chunk=i):
        buf = bytearray(LOAD_MB << 20)
        for off in range(0, len(buf), 4096):  # touch every page so RSS grows
            buf[off] = 1
        with open("/proc/self/maps", "rb") as f:
            f.read()
        keep.append(buf)


@perfwb.span("render", category="render")
def render_frame():
    return burn(BURN_S)


def main():
    perfwb.register_job("demo-job", job_type="demo", cpu_percent=5, ram_mb=64)
    answer = perfwb.start_job("demo-job")
    if answer and answer.get("job", {}).get("state") == "delayed":
        perfwb.refresh_jobs()
    keep = []
    for i in range(3):
        load_chunk(i, keep)
    for _ in range(5):
        render_frame()
    perfwb.mark("ready", category="app", frames=5)
    perfwb.finish_job("demo-job")
    return 0


if __name__ == "__main__":
    sys.exit(main())
