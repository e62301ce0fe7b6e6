#!/usr/bin/env bash
# Upload benchmark of the Sync server on loopback (docs/performance.md, "Server"): a large event log is uploaded as
# multipart/form-data to a prediction's upload_details (as the Python client and the .NET client do), the prediction
# runs, and the server's peak memory (VmHWM: the most resident memory the process ever had) is read from /proc.
# Usage: bash bench/server/upload.sh [size in GB, default 1.0]
# Needs the server and the bench tool built in Release:
#   dotnet build src/Sync.Server -c Release && dotnet build bench/Sync.Bench -c Release
set -euo pipefail
cd "$(dirname "$0")/../.."
size_gb="${1:-1.0}"
log_dir="bench/out-upload-$size_gb"
if [ ! -f "$log_dir/eventlog.json" ]; then
  dotnet bench/Sync.Bench/bin/Release/net10.0/Sync.Bench.dll generate --size-gb "$size_gb" --out "$log_dir" >&2
fi
log="$log_dir/eventlog.json"
source bench/server/common.sh
sync_bench_start_server
echo "server started: VmHWM $(grep VmHWM /proc/$server_pid/status | awk '{printf "%.0f MB", $2/1024}')"

report="$(cat samples/reports/emr-m5xlarge-1-master-4-core.json)"
created="$(json -H "Authorization: Bearer $token" -d "{\"product_code\":\"aws-emr\",\"configs\":$report}" "$url/v1/autotuner/predictions")"
id="$(echo "$created" | field prediction_id)"
upload_url="$(echo "$created" | sed 's/.*"url":"\([^"]*\)".*/\1/')"
upload_token="$(echo "$created" | sed 's/.*"fields":{"token":"\([^"]*\)".*/\1/')"

bytes="$(stat -c %s "$log")"
start="$(date +%s.%N)"
curl -sf -F "token=$upload_token" -F "file=@$log;type=application/octet-stream" "$upload_url" >/dev/null
uploaded="$(date +%s.%N)"
echo "upload: $(awk -v b="$bytes" 'BEGIN{printf "%.2f GB", b/1073741824}') in $(awk -v s="$start" -v e="$uploaded" 'BEGIN{printf "%.1f s", e-s}'); server VmHWM $(grep VmHWM /proc/$server_pid/status | awk '{printf "%.0f MB", $2/1024}')"
sync_bench_wait_prediction "$id"
done_at="$(date +%s.%N)"
echo "prediction: $(awk -v s="$uploaded" -v e="$done_at" 'BEGIN{printf "%.1f s", e-s}') after the upload"
echo "server peak memory over upload + prediction (VmHWM): $(grep VmHWM /proc/$server_pid/status | awk '{printf "%.0f MB", $2/1024}')"
