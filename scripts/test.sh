#!/usr/bin/env bash
# Runs every test of the solution and ends with one plain line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
results="$(mktemp -d)"
dotnet test Sync.sln -c Release --logger "trx;LogFilePrefix=results" --results-directory "$results" "$@"
status=$?
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  notrun=$(( $(get total) - $(get executed) ))
  skipped=$((skipped + notrun))
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then status=1; fi
exit $status
