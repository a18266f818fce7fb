#!/usr/bin/env bash
# Runs every test of the solution, the full-graph ones included. Installs what the tests need
# on a fresh Debian machine (redis-server). Ends with the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prerequisites.sh chromium

dotnet build Assistant.sln -c Release -warnaserror -nologo -clp:NoSummary
log=$(mktemp)
set +e
dotnet test Assistant.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

summary=$(grep -E '^(Passed|Failed)!' "$log" | tail -1)
passed=$(echo "$summary" | sed -nE 's/.*Passed: *([0-9]+).*/\1/p')
failed=$(echo "$summary" | sed -nE 's/.*Failed: *([0-9]+),.*/\1/p')
skipped=$(echo "$summary" | sed -nE 's/.*Skipped: *([0-9]+).*/\1/p')
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
