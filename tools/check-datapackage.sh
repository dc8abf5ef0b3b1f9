#!/usr/bin/env bash
# Validates the publication's datapackage.json with Frictionless Data's JavaScript implementation (datapackage-js):
# runs the annual job on the samples into a temporary folder, then checks the descriptor against the official
# tabular-data-package profile and every row of every resource against its Table Schema (types, enum, required,
# primary key, foreign keys). Fails (exit 1) on any error.
#
# Needs: the .NET SDK, Node.js and npm (Debian: apt-get install -y nodejs npm).
# Usage: tools/check-datapackage.sh [FOLDER]   (FOLDER: an existing publication folder, e.g. out/2025, instead of a new run)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tools="$here/tools/datapackage"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)

folder="${1:-}"
if [[ -z "$folder" ]]; then
  dotnet build "$here/src/Reporting.Cli/Reporting.Cli.csproj" -c Release --nologo -v quiet >/dev/null
  "$here/src/Reporting.Cli/bin/Release/net10.0/reporting" run --data "$here/data-samples" --year 2025 --out "$work/out" --publication-date 2026-04-14 >/dev/null
  folder="$work/out/2025"
fi
node "$tools/check.mjs" "$folder"
