#!/usr/bin/env bash
# Starts the whole assistant on its embedded defaults: no Docker needed (local mode when no
# container runtime answers), no API keys, no WhatsApp account (the sandbox channel).
# The Aspire dashboard opens on http://localhost:15080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prerequisites.sh
exec dotnet run --project Assistant.AppHost --launch-profile "${ASSISTANT_LAUNCH_PROFILE:-http}" -- "$@"
