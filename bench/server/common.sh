# Shared by the server benchmarks: starts the Release server on a free loopback port with a fresh data directory and an
# API key, and gets a bearer token. Source it, then call sync_bench_start_server; it sets url, token, server_pid and work.
# Needs the server built in Release: dotnet build src/Sync.Server -c Release
server_dll="src/Sync.Server/bin/Release/net10.0/Sync.Server.dll"
work=""
server_pid=""
sync_bench_cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$work" ]; then rm -rf "$work"; fi
}
json() { curl -sf -H 'Content-Type: application/json' "$@"; }
field() { sed "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/"; }
sync_bench_start_server() {
  [ -f "$server_dll" ] || { echo "build first: dotnet build src/Sync.Server -c Release" >&2; exit 1; }
  work="$(mktemp -d)"
  trap sync_bench_cleanup EXIT
  local key key_id secret
  key="$(dotnet "$server_dll" create-key --data-dir "$work")"
  key_id="$(echo "$key" | field api_key_id)"
  secret="$(echo "$key" | field api_key_secret)"
  Sync__AllowLocalEventLogs=true dotnet "$server_dll" --urls http://127.0.0.1:0 --data-dir "$work" ${SYNC_BENCH_SERVER_ARGS:-} >"$work/server.log" 2>&1 &
  server_pid=$!
  url=""
  for _ in $(seq 1 300); do
    url="$(grep -o 'Now listening on: http://[0-9.:]*' "$work/server.log" | head -n 1 | sed 's/Now listening on: //' || true)"
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { echo "server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
  token="$(json -d "{\"api_key_id\":\"$key_id\",\"api_key_secret\":\"$secret\"}" "$url/v1/auth/token" | field access_token)"
}
# Polls a prediction until it finishes; fails the script when it fails.
sync_bench_wait_prediction() {
  local id="$1" status=""
  for _ in $(seq 1 3000); do
    status="$(json -H "Authorization: Bearer $token" "$url/v1/autotuner/predictions/$id/status" | field status)"
    [ "$status" = SUCCESS ] && return 0
    [ "$status" = FAILURE ] && { echo "prediction $id failed:" >&2; json -H "Authorization: Bearer $token" "$url/v1/autotuner/predictions/$id" >&2; exit 1; }
    sleep 0.2
  done
  echo "prediction $id did not finish" >&2; exit 1
}

# Creates a prediction of the Databricks sample on the running server, waits for it, and sets `id`.
sync_bench_sample_prediction() {
  local report
  report="$(cat samples/reports/databricks-m5-4xlarge-4-workers.json)"
  id="$(json -H "Authorization: Bearer $token" \
    -d "{\"product_code\":\"aws-databricks\",\"eventlog_url\":\"$PWD/samples/eventlogs/databricks-9.1-m5.4xlarge.zip\",\"configs\":$report}" \
    "$url/v1/autotuner/predictions" | field prediction_id)"
  sync_bench_wait_prediction "$id"
}
