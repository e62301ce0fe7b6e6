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
server_dll="src/Sync.Server/bin/Release/net10.0/Sync.Server.dll"
[ -f "$server_dll" ] || { echo "build first: dotnet build src/Sync.Server -c Release" >&2; exit 1; }

work="$(mktemp -d)"
server_pid=""
cleanup() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

key="$(dotnet "$server_dll" create-key --data-dir "$work")"
key_id="$(echo "$key" | sed 's/.*"api_key_id":"\([^"]*\)".*/\1/')"
secret="$(echo "$key" | sed 's/.*"api_key_secret":"\([^"]*\)".*/\1/')"
Sync__AllowLocalEventLogs=true dotnet "$server_dll" --urls http://127.0.0.1:0 --data-dir "$work" ${SYNC_BENCH_SERVER_ARGS:-} >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  url="$(grep -o 'Now listening on: http://[0-9.:]*' "$work/server.log" | head -n 1 | sed 's/Now listening on: //' || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

json() { curl -sf -H 'Content-Type: application/json' "$@"; }
token="$(json -d "{\"api_key_id\":\"$key_id\",\"api_key_secret\":\"$secret\"}" "$url/v1/auth/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')"
report="$(cat samples/reports/databricks-m5-4xlarge-4-workers.json)"
id="$(json -H "Authorization: Bearer $token" \
  -d "{\"product_code\":\"aws-databricks\",\"eventlog_url\":\"$PWD/samples/eventlogs/databricks-9.1-m5.4xlarge.zip\",\"configs\":$report}" \
  "$url/v1/autotuner/predictions" | sed 's/.*"prediction_id":"\([^"]*\)".*/\1/')"
for _ in $(seq 1 600); do
  status="$(json -H "Authorization: Bearer $token" "$url/v1/autotuner/predictions/$id/status" | sed 's/.*"status":"\([^"]*\)".*/\1/')"
  [ "$status" = SUCCESS ] && break
  [ "$status" = FAILURE ] && { echo "prediction failed" >&2; exit 1; }
  sleep 0.2
done
bytes="$(json -H "Authorization: Bearer $token" "$url/v1/autotuner/predictions/$id" | wc -c)"
echo "prediction $id ($bytes bytes of JSON); wrk -t2 -c$connections -d$duration --latency"
wrk -t2 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$url/v1/autotuner/predictions/$id"
echo "server RSS after the run: $(ps -o rss= -p "$server_pid" | awk '{printf "%.0f MB", $1/1024}')"
