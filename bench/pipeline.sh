#!/usr/bin/env bash
# End-to-end pipeline benchmark (issue 5): webhook -> wa:inbound -> worker -> wa:outbound -> sender ->
# Graph API, with a private redis-server, the webhook and the worker(s) built in Release and run
# standalone (as in containers), and Meta replaced by a loopback stand-in inside
# Assistant.Bench.Pipeline, which also starts the services (it knows the stand-in's port) and
# measures. Everything started here is stopped on exit.
#   bench/pipeline.sh [--latency-messages 1000] [--rate 25] [--throughput-messages 3000] [--concurrency 32] [--warmup 100]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
REDIS_PORT="$(free_port)"
WORK="$(mktemp -d -t pipeline-bench-XXXXXX)"
REDIS_PID=""

cleanup() {
  # The services the bench started (it records their pids), even if the bench itself died.
  if [[ -f "$WORK/pids" ]]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$WORK/pids"
    sleep 1
    while read -r pid; do kill -9 "$pid" 2>/dev/null || true; done <"$WORK/pids"
  fi
  [[ -n "$REDIS_PID" ]] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "building (Release)..."
for project in Assistant.Webhook/Assistant.Webhook.csproj Assistant.Worker/Assistant.Worker.csproj bench/Assistant.Bench.Pipeline/Assistant.Bench.Pipeline.csproj; do
  dotnet build "$ROOT/$project" -c Release -v q -nologo >/dev/null
done

mkdir -p "$WORK/redis"
# Persistence as in production: append-only file, fsync every second.
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize no --dir "$WORK/redis" \
  --appendonly yes --appendfsync everysec --save "" >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 1 50); do
  if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then break; fi
  sleep 0.1
done

# The services' configuration (CONTRACTS.md section 1), inherited by every process the bench starts;
# it adds ASPNETCORE_URLS, WhatsApp__GraphApiBaseUrl (the stand-in) and, for the throughput phases,
# Outbound__NumberMessagesPerSecond / Outbound__NumberBurst.
export ConnectionStrings__redis="127.0.0.1:$REDIS_PORT"
export WhatsApp__AppSecret="bench-secret-$RANDOM$RANDOM"
export WhatsApp__VerifyToken="bench-verify"
export WhatsApp__AccessToken="bench-token"
export Assistant__PacksPath="$ROOT/packs"
export Worker__Inbound__DebounceWindow="00:00:00"

dotnet "$ROOT/bench/Assistant.Bench.Pipeline/bin/Release/net10.0/Assistant.Bench.Pipeline.dll" \
  --webhook-dll "$ROOT/Assistant.Webhook/bin/Release/net10.0/Assistant.Webhook.dll" \
  --worker-dll "$ROOT/Assistant.Worker/bin/Release/net10.0/Assistant.Worker.dll" \
  --redis "127.0.0.1:$REDIS_PORT" --redis-pid "$REDIS_PID" --work "$WORK" "$@"
