#!/usr/bin/env bash
# Load benchmark of the Sync server on loopback (docs/performance.md, "Server"): GET /v1/autotuner/predictions/{id}
# with 32 concurrent connections, measured by wrk (requests/s and latency percentiles).
# Usage: bash bench/server/load.sh [duration, default 20s] [connections, default 32]
# Needs wrk (Debian: apt-get install wrk) and the server built in Release: dotnet build src/Sync.Server -c Release
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20s}"
connections="${2:-32}"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
source bench/server/common.sh
sync_bench_start_server
sync_bench_sample_prediction
bytes="$(json -H "Authorization: Bearer $token" "$url/v1/autotuner/predictions/$id" | wc -c)"
echo "prediction $id ($bytes bytes of JSON); wrk -t2 -c$connections -d$duration --latency"
wrk -t2 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$url/v1/autotuner/predictions/$id"
echo "server RSS after the run: $(ps -o rss= -p "$server_pid" | awk '{printf "%.0f MB", $1/1024}')"
