#!/usr/bin/env bash
# Builds Ops Console and runs every test (unit, gui, e2e) against a throwaway PostgreSQL.
# Installs what it needs with apt-get (as root). Ends with CTest's summary line, then the
# package test (scripts/package-test.sh: .deb built, installed, run and removed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${OPS_BUILD_DIR:-$root/build-test}

bash "$root/scripts/install-deps.sh"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOPS_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$build" -j "$(nproc)"

cd "$build"
# The pg_start/pg_stop fixtures bring up and remove the throwaway cluster around the e2e tests.
ctest --output-on-failure --timeout 300 "$@"

# The packages: build, lint, install, run, remove (packaging/README.md). OPS_SKIP_PACKAGE_TEST=1 skips it.
if [ "${OPS_SKIP_PACKAGE_TEST:-0}" != 1 ]; then
  bash "$root/scripts/package-test.sh" "$build"
fi
