#!/usr/bin/env bash
# App benchmarks (issue 9): start-up to the first painted dashboard and idle memory (against the
# sandbox), a refresh of 200 services, chart updates of 10 × 8,640 points and a soak at a 1 s refresh
# against flapping services. Every figure is printed next to a reference measured in the same run,
# with the target and whether it was met. docs/PERFORMANCE.md records the figures.
#   scripts/bench-app.sh                       # everything, soak of one hour
#   OPS_BENCH_SOAK_SECONDS=180 scripts/bench-app.sh
#   OPS_BENCH_ONLY=startup,idle,refresh,chart,soak (default: all)   OPS_BUILD_DIR=build (default)
#   OPS_BENCH_RUNS=11 (warm start-up runs)   OPS_BENCH_COLD_RUNS=3 (cold: drops the page cache, root)
# Without a display it starts its own Xvfb (1920×1080×24) and runs everything on it (xcb).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${OPS_BUILD_DIR:-$root/build}
soak=${OPS_BENCH_SOAK_SECONDS:-3600}
only=${OPS_BENCH_ONLY:-startup,idle,refresh,chart,soak}
runs=${OPS_BENCH_RUNS:-11}
cold=${OPS_BENCH_COLD_RUNS:-3}
state=$(mktemp -d /tmp/ops-bench-app.XXXXXX)
sandbox_pid=""
xvfb_pid=""

cleanup() {
  for pid in "$sandbox_pid" "$xvfb_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  bash "$root/scripts/pg-throwaway.sh" stop "$state/pg" >/dev/null 2>&1 || true
  rm -rf "$state"
}
trap cleanup EXIT INT TERM
wants() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

bash "$root/scripts/install-deps.sh"
if ! command -v Xvfb >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb >/dev/null
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target ops-bench-app ops-console ops-sandbox
bench="$build/scripts/bench/ops-bench-app"

if [ -z "${DISPLAY:-}" ]; then
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >"$state/xvfb.log" 2>&1 &
  xvfb_pid=$!
  export DISPLAY=$display
  for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
fi
export QT_QPA_PLATFORM=xcb LC_ALL=C.UTF-8 LANG=C.UTF-8 QT_LOGGING_RULES="qt.qpa.*=false"
echo "bench-app: display $DISPLAY (Xvfb, xcb), build $build"

results="$state/results.md"
: >"$results"
run() { # name, command...
  local name=$1
  shift
  echo "bench-app: $name"
  "$@" | tee "$state/$name.log"
  sed -n '/^| /,$p' "$state/$name.log" | sed '/^[^|]/d' >>"$results" || true
  echo >>"$results"
}

if wants startup || wants idle; then
  # The sandbox with its PostgreSQL on the demo's ports: the built-in "sandbox" profile expects them.
  for port in 18000 18001 18007 18080 55432; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "bench-app: port $port on 127.0.0.1 is already in use (a demo running?)" >&2
      exit 1
    fi
  done
  bash "$root/scripts/pg-throwaway.sh" start "$state/pg" 55432 >/dev/null
  "$build/sandbox/ops-sandbox" --db-port 55432 --control-port 18000 --first-port 18001 \
    --initialising-seconds 0 >"$state/sandbox.log" 2>&1 &
  sandbox_pid=$!
  for _ in $(seq 1 300); do
    grep -q "ops-sandbox: ready" "$state/sandbox.log" 2>/dev/null && break
    kill -0 "$sandbox_pid" 2>/dev/null || { cat "$state/sandbox.log" >&2; exit 1; }
    sleep 0.1
  done
  grep -q "ops-sandbox: ready" "$state/sandbox.log" || { echo "bench-app: the sandbox did not start" >&2; exit 1; }
fi
wants startup && run startup "$bench" startup --runs "$runs" --cold-runs "$cold" -- --profile sandbox
wants idle && run idle "$bench" idle-rss --idle 60 -- --profile sandbox
wants refresh && run refresh "$bench" refresh --services 200 --slowest-ms 300 --rounds 7
wants chart && run chart "$bench" chart --series 10 --points 8640 --updates 20
wants soak && run soak "$bench" soak --duration "$soak" --warmup 60 --services 30 --interval-ms 1000

echo
echo "bench-app: results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$results"
