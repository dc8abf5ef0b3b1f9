#!/usr/bin/env bash
# Checks the web edition's accessibility with axe-core in headless Chromium: runs the annual job on the samples into a
# temporary folder, then axe on the report, its methodology, the download and territories pages, a region and five
# départements (a large one, one with many hidden cells, Corsica, two overseas), each at 1280 px and 320 px wide.
# Fails (exit 1) on any violation.
#
# Needs: the .NET SDK, Node.js and npm, and Chromium (Debian: apt-get install -y chromium nodejs npm). The browser is
# the system's (CHROMIUM, default /usr/bin/chromium): puppeteer-core downloads none.
# Usage: tools/check-html-a11y.sh [--screenshots DIR]   (DIR: pages at 1280 and 360 px to look at)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tools="$here/tools/a11y"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
  echo "check-html-a11y: no Chromium at ${CHROMIUM:-/usr/bin/chromium} (apt-get install -y chromium)" >&2
  exit 2
fi

(cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)

dotnet build "$here/src/Reporting.Cli/Reporting.Cli.csproj" -c Release --nologo -v quiet >/dev/null
"$here/src/Reporting.Cli/bin/Release/net10.0/reporting" run --data "$here/data-samples" --year 2025 --out "$work/out" --publication-date 2026-04-14 >/dev/null
site="$work/out/2025/site"

pages=(index.html methodologie.html telechargements.html territoires.html regions/32.html
  departements/59.html departements/23.html departements/2A.html departements/971.html departements/976.html)
node "$tools/axe-check.mjs" "$site" "${pages[@]}"

if [[ "${1:-}" == "--screenshots" && -n "${2:-}" ]]; then
  node "$tools/screenshots.mjs" "$site" "$2" index.html departements/59.html
  echo "screenshots in $2"
fi
