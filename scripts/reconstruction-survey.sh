#!/usr/bin/env bash
# Reconstruction error of every completed event log under ../shared/data/eventlogs (those with an application end
# event): each log's schedule re-simulated on its own executors against its measured wall time.
# Prints one line per log ("error% file") and a total line. Needs jq. Run from the repository root after a Release build:
#   dotnet build src/Sync.Cli -c Release && bash scripts/reconstruction-survey.sh
set -uo pipefail
cli="dotnet src/Sync.Cli/bin/Release/net10.0/sync-cli.dll"
root="${1:-../shared/data/eventlogs}"
within=0; total=0
while IFS= read -r -d '' log; do
  complete=$($cli eventlog summarize "$log" -o json 2>/dev/null | jq -r '.application.hasEndEvent' 2>/dev/null) || continue
  [ "$complete" = "true" ] || continue
  error=$($cli eventlog simulate "$log" -e 1 -o json 2>/dev/null | jq -r '.reconstruction.error * 100 | . * 10 | round / 10')
  [ -n "$error" ] || continue
  total=$((total + 1))
  if awk -v e="$error" 'BEGIN { exit !(e <= 5 && e >= -5) }'; then within=$((within + 1)); fi
  echo "$error% ${log#$root/}"
done < <(find "$root" -type f -print0 | sort -z)
echo "$within of $total completed logs reconstruct within 5 %"
