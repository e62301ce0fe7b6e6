#!/usr/bin/env bash
# Builds the documentation site into artifacts/site (docs/README: docs/index.md is its home page).
#   bash scripts/docs.sh              build the projects (Release), then the site
#   bash scripts/docs.sh --no-build   use the Release build already there (the tests do this)
# Serve it with:  python3 -m http.server 8000 --directory artifacts/site   (then open http://127.0.0.1:8000)
# Fails on any docs warning: a broken link, an unresolved xref, a page missing from the TOC's references.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    *) echo "usage: bash scripts/docs.sh [--no-build]" >&2; exit 2 ;;
  esac
done

# docfx is a local tool pinned in .config/dotnet-tools.json.
dotnet tool restore >/dev/null

if [ "$build" -eq 1 ]; then
  dotnet build src/Sync.Cli -c Release --nologo -v q
fi
cli="src/Sync.Cli/bin/Release/net10.0/sync-cli.dll"
[ -f "$cli" ] || { echo "$cli is missing: run without --no-build" >&2; exit 1; }

# Generated pages live under docs/reference/ (git-ignored) so that their links resolve like any other page's.
rm -rf docs/reference artifacts/site
python3 scripts/cli-reference.py docs/reference/cli dotnet "$cli"
python3 scripts/openapi-reference.py docs/openapi/v1.json docs/reference/http

# API reference from the XML doc comments of the library projects, then the site; warnings are errors.
dotnet docfx metadata docs/docfx.json --logLevel warning
dotnet docfx build docs/docfx.json --warningsAsErrors --logLevel warning

echo "Site: artifacts/site ($(find artifacts/site -name '*.html' | wc -l) pages). Serve it with:"
echo "  python3 -m http.server 8000 --directory artifacts/site"
