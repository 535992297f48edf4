#!/usr/bin/env bash
# Runs the whole PhotoGallery test suite (unit, component, SQLite + PostgreSQL persistence, real-browser tests).
#
#   bash tools/test.sh            # from the repository root
#
# Installs what the tests need when it is missing and we are root (Debian): Chromium for Playwright
# (tests never download a browser) and the PostgreSQL server binaries (tests start a throwaway cluster
# with tools/pg-throwaway.sh; set PHOTOGALLERY_TEST_POSTGRES to use a server of your own instead).
# Ends with a plain line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || need+=(chromium)
if [[ -z "${PHOTOGALLERY_TEST_POSTGRES:-}" ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
if (( ${#need[@]} > 0 )); then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${need[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "test.sh: missing ${need[*]}; install them (Debian: sudo apt-get install -y ${need[*]}) and run again" >&2
    exit 2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build PhotoGallery.sln -c Release -warnaserror --nologo -v quiet
set +e
dotnet test PhotoGallery.sln -c Release --no-build --nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

total() { grep -E '^(Passed|Failed)!  - ' "$log" | grep -oE "$1: +[0-9]+" | awk '{s += $2} END {print s + 0}'; }
passed=$(total Passed); failed=$(total Failed); skipped=$(total Skipped)
if (( rc != 0 && failed == 0 )); then failed=1; fi   # the runner failed without counting a test
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
