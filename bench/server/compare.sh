#!/usr/bin/env bash
# Two server builds side by side under the same load (docs/performance.md, "Server"): each build in turn, each server
# fresh, 10 s of warm-up then 20 s of wrk -t2 -c32 --latency on GET /v1/autotuner/predictions/{id}; the builds
# alternate for the given number of rounds so that load on the machine falls on both alike.
# Usage: bash bench/server/compare.sh DIR_A DIR_B [rounds, default 2]
#   DIR_A, DIR_B: folders holding a built Sync.Server.dll (copy src/Sync.Server/bin/Release/net10.0 before and after a change)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
one() (
  source bench/server/common.sh
  server_dll="$1/Sync.Server.dll"
  sync_bench_start_server
  sync_bench_sample_prediction
  wrk -t2 -c32 -d10s -H "Authorization: Bearer $token" "$url/v1/autotuner/predictions/$id" >/dev/null
  echo "$1: $(wrk -t2 -c32 -d20s --latency -H "Authorization: Bearer $token" "$url/v1/autotuner/predictions/$id" | grep -E "Requests/sec|  50%|  99%" | tr -s ' ' | tr '\n' ' ')"
)
for _ in $(seq 1 "${3:-2}"); do
  one "$1"
  one "$2"
done
