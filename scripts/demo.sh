#!/usr/bin/env bash
# The demo: installs what is missing, builds, starts a throwaway PostgreSQL and the sandbox
# platform on loopback, and opens Ops Console on it. Closing the console stops and removes
# everything this script started.
#
# Ports: sandbox control 18000, services 18001-18007, PostgreSQL 55432, Prometheus 19090
# (scraping the sandbox's /metrics every 5 s; the built-in "sandbox" profile expects these).
# Extra arguments go to ops-console.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${OPS_BUILD_DIR:-$root/build}
state=$(mktemp -d /tmp/ops-demo.XXXXXX)
sandbox_pid=""
console_pid=""

cleanup() {
  if [ -n "$console_pid" ] && kill -0 "$console_pid" 2>/dev/null; then
    kill "$console_pid" 2>/dev/null || true
    wait "$console_pid" 2>/dev/null || true
  fi
  if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  bash "$root/scripts/prometheus-run.sh" stop "$state/prometheus" >/dev/null 2>&1 || true
  bash "$root/scripts/pg-throwaway.sh" stop "$state/pg" >/dev/null 2>&1 || true
  rm -rf "$state"
}
trap cleanup EXIT INT TERM

bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target ops-console ops-sandbox

for port in 18000 18001 18007 18080 19090 55432; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "demo: port $port on 127.0.0.1 is already in use (another demo running?)" >&2
    exit 1
  fi
done

bash "$root/scripts/pg-throwaway.sh" start "$state/pg" 55432
"$build/sandbox/ops-sandbox" --db-port 55432 --control-port 18000 --first-port 18001 \
  --initialising-seconds 0 >"$state/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 100); do
  grep -q "ops-sandbox: ready" "$state/sandbox.log" 2>/dev/null && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$state/sandbox.log" >&2; exit 1; }
  sleep 0.1
done
grep -q "ops-sandbox: ready" "$state/sandbox.log" || { echo "demo: the sandbox did not start" >&2; cat "$state/sandbox.log" >&2; exit 1; }
echo "demo: sandbox up (API http://127.0.0.1:18080, control http://127.0.0.1:18000)."
bash "$root/scripts/prometheus-run.sh" start "$state/prometheus" 19090 127.0.0.1:18080 5s
echo "demo: Prometheus up at http://127.0.0.1:19090/ (SLA panel; log in $state/prometheus/prometheus.log)."
echo "demo: sign in as operator / operator-sandbox-pw (also viewer/viewer-sandbox-pw, admin/admin-sandbox-pw)."
echo "demo: break things on purpose, e.g.:"
echo "  curl -X POST -d '{\"fault\":\"down\"}' http://127.0.0.1:18000/control/faults/orchestrator"
echo "  curl -X DELETE http://127.0.0.1:18000/control/faults"
echo "  curl -X POST -d '{\"cb_staleness_seconds\":12}' http://127.0.0.1:18000/control/alerts   # SLA page"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  echo "demo: no display found; showing the headless check instead of the window." >&2
  "$build/app/ops-console" --profile sandbox --check "$@" || true
  exit 0
fi
# In the background with `wait`, so that an interrupt of this script also ends the console.
"$build/app/ops-console" --profile sandbox "$@" &
console_pid=$!
wait "$console_pid"
