#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need from Debian first (headless Chromium and its driver for
# the dashboard's browser test), so it works on a fresh machine. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if ((${#need[@]})); then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "test.sh: installing ${need[*]} from Debian" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

exec dotnet test IncidentBot.sln "$@"
