#!/usr/bin/env bash
# Remakes docs/images/prediction-report.png: the prediction report of the shipped Databricks sample (with a 6-minute
# deadline), drawn by sync-cli and photographed by headless Chromium (Debian's chromium; .ci/run installs it).
#   bash scripts/report-screenshot.sh              build sync-cli (Release), then take the picture
#   bash scripts/report-screenshot.sh --no-build   use the Release build already there
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--no-build" ]; then
  dotnet build src/Sync.Cli -c Release --nologo -v q
fi
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "$chromium not found: apt-get install chromium" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
SYNC_HOME="$work/home" dotnet src/Sync.Cli/bin/Release/net10.0/sync-cli.dll predictions report \
  --event-log samples/eventlogs/databricks-9.1-m5.4xlarge.zip --report samples/reports/databricks-m5-4xlarge-4-workers.json \
  --sla 6m --html "$work/prediction.html" >/dev/null

# The chart and the solutions table: the top of the page, 860 px wide (the page's column is 820 px).
"$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update \
  --disable-sync --hide-scrollbars --user-data-dir="$work/profile" --window-size=860,1280 \
  --screenshot="$work/prediction.png" "file://$work/prediction.html" 2>"$work/chromium.log" \
  || { cat "$work/chromium.log" >&2; exit 1; }

mkdir -p docs/images
cp "$work/prediction.png" docs/images/prediction-report.png
echo "docs/images/prediction-report.png: $(( $(stat -c %s docs/images/prediction-report.png) / 1024 )) KiB"
