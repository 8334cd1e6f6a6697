#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The quickstart of seeds/002 (budgets and profiler), literally, against a perfwb serve on
# its default port 8001; plus one span so the dashboard has a top offender to show.
set -euo pipefail
# Check feature flag + queue health
curl http://127.0.0.1:8001/api/perf/health | jq '{feature_flag, budgets_enabled, profiler_enabled, budgets: .budgets.queue}'

# Apply a tighter local budget
curl -X POST http://127.0.0.1:8001/api/perf/budgets/apply \
     -H 'Content-Type: application/json' \
     -d '{"max_cpu_percent": 70, "max_running_jobs": 2, "lazy_asset_target_mb": 1024}'
echo

# Register a job with resource hints
curl -X POST http://127.0.0.1:8001/api/perf/budgets/jobs/register \
     -H 'Content-Type: application/json' \
     -d '{"job_id": "render-01", "job_type": "render", "payload": {"perf": {"cpu_percent": 10, "ram_mb": 1024, "vram_mb": 2048}}}'
echo

curl -s -X POST http://127.0.0.1:8001/api/perf/profiler/span -d '{"name":"step","category":"render","duration_ms":12}' >/dev/null

# Inspect profiler top offenders
curl http://127.0.0.1:8001/api/perf/profiler/dashboard?limit=5 | jq '.dashboard.top_time'
