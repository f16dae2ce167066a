#!/usr/bin/env bash
# Renders every page of the console to PNG under Xvfb, in good and failing states.
#   scripts/screenshot-tour.sh [OUTDIR]     (default: screenshots-out/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${OPS_BUILD_DIR:-$root/build}
out=$(realpath -m "${1:-$root/screenshots-out}")
state=$(mktemp -d /tmp/ops-tour.XXXXXX)
trap 'bash "$root/scripts/pg-throwaway.sh" stop "$state/pg" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT

bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target ops-screenshot-tour ops-console
bash "$root/scripts/pg-throwaway.sh" start "$state/pg" >/dev/null
# shellcheck disable=SC1091
. "$state/pg/env"
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$build/scripts/tour/ops-screenshot-tour" --out "$out" --db-port "$PGPORT" --translation "$build/app/ops-console_de.qm"
echo "screenshots in $out"
