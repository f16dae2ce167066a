#!/usr/bin/env bash
# Audit-log benchmark (issue 6): generates audit rows in a throwaway PostgreSQL and prints, side by
# side with psql on the same database, the console's first keyset page, page 5,000 vs page 1, the
# CSV export of 10,000 rows end to end and the memory growth. docs/PERFORMANCE.md records the figures.
#   scripts/bench-audit.sh [ops-bench-audit options, e.g. --runs 31]
#   OPS_BENCH_ROWS=1000000 (default)   OPS_BUILD_DIR=build (default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${OPS_BUILD_DIR:-$root/build}
rows=${OPS_BENCH_ROWS:-1000000}
state=$(mktemp -d /tmp/ops-bench.XXXXXX)
trap 'bash "$root/scripts/pg-throwaway.sh" stop "$state/pg" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT

bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target ops-bench-audit ops-sandbox
bash "$root/scripts/pg-throwaway.sh" start "$state/pg" >/dev/null
# shellcheck disable=SC1091
. "$state/pg/env"
db=ops_bench

echo "bench-audit: generating $rows audit rows (ops-sandbox --generate-audit)"
"$build/sandbox/ops-sandbox" --db-host "$PGHOST" --db-port "$PGPORT" --db-user "$PGUSER" --db-name "$db" \
  --generate-audit "$rows" 2>&1 | tail -n 1
# The state a long-lived table is in (statistics, visibility map) rather than right after a bulk load.
psql -X -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$db" -c "VACUUM (ANALYZE) audit_log"

# Read as the console does: the read-only role of the contract (trust auth on this cluster).
"$build/scripts/bench/ops-bench-audit" --host "$PGHOST" --port "$PGPORT" --db "$db" --user ops_console_ro \
  --min-rows "$rows" --markdown "$@"
