#!/usr/bin/env bash
# The annual job: builds the engine if needed and runs it on a data folder.
#   ./run-annual.sh [YEAR]            data from $REPORTING_DATA (default data-samples/), output to $REPORTING_OUT (default out/)
#   REPORTING_PUBLICATION_DATE=YYYY-MM-DD: the date printed in the publications.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${REPORTING_DATA:-$here/data-samples}"
out="${REPORTING_OUT:-$here/out}"
year="${1:-}"
exe="$here/src/Reporting.Cli/bin/Release/net10.0/reporting"
if ! build_log=$(dotnet build "$here/src/Reporting.Cli/Reporting.Cli.csproj" -c Release --nologo -v quiet 2>&1); then
  echo "$build_log" >&2
  echo "run-annual.sh: the engine does not build" >&2
  exit 1
fi
if [[ -z "$year" ]]; then
  year=$(ls "$data" | sed -nE 's/^(police|justice|ase|sante)_([0-9]{4})\.csv$/\2/p' | sort -n | tail -n 1)
fi
args=(run --data "$data" --year "$year" --out "$out")
if [[ -n "${REPORTING_PUBLICATION_DATE:-}" ]]; then args+=(--publication-date "$REPORTING_PUBLICATION_DATE"); fi
"$exe" "${args[@]}"
