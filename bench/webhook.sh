#!/usr/bin/env bash
# Webhook ingest benchmark (issue 3): a private redis-server, the webhook built in Release and run
# standalone (as in a container), signed load from Assistant.Bench.Webhook, then an exactly-once
# check in Redis. Everything it starts is stopped on exit.
#   bench/webhook.sh [--concurrency 64] [--seconds 30] [--warmup 3]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
REDIS_PORT="$(free_port)"
WEB_PORT="$(free_port)"
SECRET="bench-secret-$RANDOM$RANDOM"
PHONE_NUMBER_ID="555000111222"
WORK="$(mktemp -d -t webhook-bench-XXXXXX)"
REDIS_PID=""
WEB_PID=""

cleanup() {
  [[ -n "$WEB_PID" ]] && kill "$WEB_PID" 2>/dev/null && wait "$WEB_PID" 2>/dev/null || true
  [[ -n "$REDIS_PID" ]] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "building (Release)..."
dotnet build "$ROOT/Assistant.Webhook/Assistant.Webhook.csproj" -c Release -v q -nologo >/dev/null
dotnet build "$ROOT/bench/Assistant.Bench.Webhook/Assistant.Bench.Webhook.csproj" -c Release -v q -nologo >/dev/null

mkdir -p "$WORK/packs/bench" "$WORK/redis"
cat > "$WORK/packs/bench/business.json" <<JSON
{"id":"bench","name":"Bench Business","phoneNumberId":"$PHONE_NUMBER_ID","timezone":"Europe/Rome","languages":["it","en"]}
JSON

# Persistence as in production: append-only file, fsync every second.
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize no --dir "$WORK/redis" \
  --appendonly yes --appendfsync everysec --save "" >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!

# Started from its build folder, as in a container: its appsettings.json (request logging at Warning) applies.
cd "$ROOT/Assistant.Webhook/bin/Release/net10.0"
ConnectionStrings__redis="127.0.0.1:$REDIS_PORT" \
WhatsApp__AppSecret="$SECRET" \
WhatsApp__VerifyToken="bench-verify" \
Assistant__PacksPath="$WORK/packs" \
ASPNETCORE_URLS="http://127.0.0.1:$WEB_PORT" \
ASPNETCORE_ENVIRONMENT=Production \
  dotnet Assistant.Webhook.dll >"$WORK/webhook.log" 2>&1 &
WEB_PID=$!
cd "$ROOT"

for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$WEB_PORT/health" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$WEB_PORT/health" >/dev/null || { echo "webhook did not become healthy"; cat "$WORK/webhook.log"; exit 1; }

dotnet "$ROOT/bench/Assistant.Bench.Webhook/bin/Release/net10.0/Assistant.Bench.Webhook.dll" \
  --url "http://127.0.0.1:$WEB_PORT/webhook" --secret "$SECRET" --redis "127.0.0.1:$REDIS_PORT" \
  --phone-number-id "$PHONE_NUMBER_ID" "$@"
