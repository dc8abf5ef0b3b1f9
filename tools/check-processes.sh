#!/usr/bin/env bash
# The tests that run the engine in processes of their own (tests/Reporting.Tests/Support/ProcessFact.cs): a whole run of
# the samples under another time zone and culture compared byte for byte with the in-process one, and a crash followed by
# two concurrent runs. 15-30 s each on two cores, so the quick `dotnet test` skips them; CI runs them here, after it.
# Usage: tools/check-processes.sh   (after `dotnet build Reporting.sln -c Release` or the README's test command)
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
REPORTING_PROCESS_TESTS=1 dotnet test tests/Reporting.Tests -c Release --no-build --filter "Category=Process" 2>&1 | tee "$log"
# A filter that matches nothing passes silently: require the two tests to have run.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [[ "$passed" -lt 2 ]]; then
  echo "check-processes.sh: expected 2 process tests to pass, got ${passed}" >&2
  exit 1
fi
