#!/usr/bin/env bash
# Installs what the assistant needs on a fresh Debian/Ubuntu machine: the .NET SDK is expected
# (https://dot.net), redis-server is installed through apt when missing. Sourced by start.sh and test.sh.
set -euo pipefail

need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
for pkg in "$@"; do
  case "$pkg" in
    chromium) command -v chromium >/dev/null 2>&1 || need_apt+=(chromium) ;;
    *) need_apt+=("$pkg") ;;
  esac
done

if [ ${#need_apt[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing: ${need_apt[*]}. Install them with your package manager (macOS: brew install redis) and run again." >&2
    exit 1
  fi
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; else
      echo "Missing: ${need_apt[*]}. Run as root or install them: apt-get install -y ${need_apt[*]}" >&2
      exit 1
    fi
  fi
  echo "Installing ${need_apt[*]} with apt-get..."
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi
