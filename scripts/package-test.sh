#!/usr/bin/env bash
# Package test: from a configured and built build directory, makes the .deb, .rpm and .tar.gz
# with CPack, lints them (lintian, desktop-file-validate, appstreamcli), installs the .deb with
# apt-get, runs the installed ops-console (--version; --check and a short offscreen window run
# against a sandbox started from the build dir), removes the package with --purge and checks
# that nothing of it is left. Run as root; scripts/test.sh calls it after CTest.
#
#   bash scripts/package-test.sh [BUILD_DIR]     (default: build-test)
#   OPS_KEEP_PACKAGE_TEST=1 keeps the packages and logs (in /tmp/ops-package-test.*) after a pass.
#
# The sandbox and its throwaway PostgreSQL listen on ephemeral loopback ports, and the console
# reads a profile written for those ports (--config), so this can run next to the demo or the
# e2e tests. The installed console runs with HOME and XDG dirs in a temporary directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-test}
case "$build" in /*) ;; *) build=$PWD/$build ;; esac

app_id=org.example.OpsConsole
SECONDS=0
work=""
sandbox_pid=""
lintian_pid=""
installed_by_us=0

say() { echo "package-test: [${SECONDS} s] $*"; }
fail() { echo "package-test: FAIL: $*" >&2; exit 1; }

cleanup() {
  local rc=$?
  if [ -n "$lintian_pid" ] && kill -0 "$lintian_pid" 2>/dev/null; then
    kill "$lintian_pid" 2>/dev/null || true
    wait "$lintian_pid" 2>/dev/null || true
  fi
  if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  if [ -n "$work" ]; then
    bash "$root/scripts/pg-throwaway.sh" stop "$work/pg" >/dev/null 2>&1 || true
  fi
  if [ "$installed_by_us" = 1 ] && dpkg -s ops-console >/dev/null 2>&1; then
    say "removing the ops-console package this run installed"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 remove --purge -y -qq ops-console >/dev/null 2>&1 || true
  fi
  if [ -n "$work" ]; then
    if [ "$rc" -eq 0 ] && [ "${OPS_KEEP_PACKAGE_TEST:-0}" != 1 ]; then rm -rf "$work"; else echo "package-test: logs kept in $work" >&2; fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- preconditions ------------------------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || fail "run as root: the test installs and removes the .deb with apt-get"
[ -f "$build/CMakeCache.txt" ] || fail "$build is not a configured build directory (run scripts/test.sh first)"
[ -x "$build/sandbox/ops-sandbox" ] || fail "$build/sandbox/ops-sandbox is missing (build the ops-sandbox target)"
for tool in cpack lintian desktop-file-validate appstreamcli rpmbuild rpm dpkg-deb apt-get file python3; do
  command -v "$tool" >/dev/null || fail "'$tool' is not installed (bash scripts/install-deps.sh)"
done
if dpkg -s ops-console >/dev/null 2>&1; then
  fail "the ops-console package is already installed; remove it first (apt-get remove --purge ops-console)"
fi
work=$(mktemp -d /tmp/ops-package-test.XXXXXX)
chmod 755 "$work" # apt's _apt user reads the .deb from here
out=$work/packages

# --- build the packages -------------------------------------------------------------------------
say "building the packages (cpack: DEB, RPM, TGZ)"
(cd "$build" && cpack -G "DEB;RPM;TGZ" -B "$out") >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
shopt -s nullglob
debs=("$out"/ops-console_*.deb); rpms=("$out"/ops-console-*.rpm); tgzs=("$out"/ops-console-*.tar.gz)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one ops-console_*.deb in $out, found ${#debs[@]}"
[ ${#rpms[@]} -eq 1 ] || fail "expected one ops-console-*.rpm in $out, found ${#rpms[@]}"
[ ${#tgzs[@]} -eq 1 ] || fail "expected one ops-console-*.tar.gz in $out, found ${#tgzs[@]}"
deb=${debs[0]}; rpm_file=${rpms[0]}; tgz=${tgzs[0]}
say "built $(basename "$deb"), $(basename "$rpm_file"), $(basename "$tgz")"
# lintian takes a while: it runs beside the checks, the install and the smoke run; its verdict
# is read before the removal. (Not --show-overrides: with it, lintian 2.116 exits 2 for an
# overridden warning.)
lintian --fail-on error,warning --display-info "$deb" >"$work/lintian.log" 2>&1 &
lintian_pid=$!

# --- what the .deb holds ------------------------------------------------------------------------
version=$(dpkg-deb -f "$deb" Version)
upstream=$(sed -n 's/^project(OpsConsole VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ "${version%-*}" = "$upstream" ] || fail "package version $version does not match the project version $upstream"
depends=$(dpkg-deb -f "$deb" Depends)
recommends=$(dpkg-deb -f "$deb" Recommends)
for dep in libqt6sql6-psql qt6-qpa-plugins libqt6svg6 libqt6core6 libqt6widgets6; do
  grep -qE "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
grep -qE "(^|, )gnome-keyring( |,|$)" <<<"$recommends" || fail "Recommends lacks gnome-keyring: $recommends"
[ "$(dpkg-deb -f "$deb" Section)" = net ] || fail "Section is not net"

root_dir=$work/deb-root
dpkg-deb -x "$deb" "$root_dir"
expected=(
  usr/bin/ops-console
  "usr/share/applications/$app_id.desktop"
  "usr/share/metainfo/$app_id.metainfo.xml"
  "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
  usr/share/man/man1/ops-console.1.gz
  usr/share/doc/ops-console/copyright
  usr/share/doc/ops-console/changelog.Debian.gz
)
for size in 16 32 48 64 128 256; do
  expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
  png_size=$(file -b "$root_dir/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" 2>/dev/null | sed -n 's/^PNG image data, \([0-9]*\) x \([0-9]*\),.*/\1x\2/p')
  [ "$png_size" = "${size}x${size}" ] || fail "the ${size}x${size} icon is not a ${size}x${size} PNG (${png_size:-missing})"
done
for f in "${expected[@]}"; do
  [ -f "$root_dir/$f" ] || fail "the .deb does not contain /$f"
done
file -b "$root_dir/usr/bin/ops-console" | grep -q 'ELF.*stripped' || fail "/usr/bin/ops-console is not an ELF executable"
file -b "$root_dir/usr/bin/ops-console" | grep -q 'not stripped' && fail "/usr/bin/ops-console is not stripped"
# Modes and owners as dpkg will install them.
bad_modes=$(dpkg-deb -c "$deb" | awk '
  $2 != "root/root" { print "owner " $2 ": " $6; next }
  $1 ~ /^d/ && $1 != "drwxr-xr-x" { print $1 ": " $6; next }
  $1 ~ /^-/ && $6 == "./usr/bin/ops-console" && $1 != "-rwxr-xr-x" { print $1 ": " $6; next }
  $1 ~ /^-/ && $6 != "./usr/bin/ops-console" && $1 != "-rw-r--r--" { print $1 ": " $6 }')
[ -z "$bad_modes" ] || fail "unexpected modes or owners in the .deb:"$'\n'"$bad_modes"
for gz in usr/share/man/man1/ops-console.1.gz usr/share/doc/ops-console/changelog.Debian.gz; do
  gzip -t "$root_dir/$gz" || fail "/$gz is not valid gzip"
done
gzip -dc "$root_dir/usr/share/doc/ops-console/changelog.Debian.gz" >"$work/changelog"
[ "$(dpkg-parsechangelog -l "$work/changelog" -S Version)" = "$version" ] \
  || fail "the newest entry of packaging/changelog is not $version"

# The .rpm and .tar.gz are built, not installed, here: check what they hold.
rpm_list=$(rpm -qlp "$rpm_file" 2>/dev/null)
for f in /usr/bin/ops-console "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml"; do
  grep -qx "$f" <<<"$rpm_list" || fail "the .rpm does not contain $f"
done
if grep -qxE '/usr|/usr/bin|/usr/share|/usr/share/icons(/hicolor)?|/usr/share/applications|/usr/share/man(/man1)?' <<<"$rpm_list"; then
  fail "the .rpm claims a shared directory:"$'\n'"$(grep -xE '/usr|/usr/bin|/usr/share|/usr/share/icons(/hicolor)?|/usr/share/applications|/usr/share/man(/man1)?' <<<"$rpm_list")"
fi
rpm -qp --requires "$rpm_file" 2>/dev/null | grep -q '^qt6-qtbase-postgresql' || fail "the .rpm does not require qt6-qtbase-postgresql"
tar -tzf "$tgz" | grep -q '/bin/ops-console$' || fail "the .tar.gz does not contain bin/ops-console"

# --- lint ---------------------------------------------------------------------------------------
say "desktop-file-validate"
desktop-file-validate "$root_dir/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate failed"
say "appstreamcli validate"
appstreamcli validate --no-net --strict "$root_dir/usr/share/metainfo/$app_id.metainfo.xml" \
  || fail "appstreamcli validate failed"
appstreamcli validate-tree --no-net --strict "$root_dir" || fail "appstreamcli validate-tree failed"

# --- install ------------------------------------------------------------------------------------
say "installing $(basename "$deb") with apt-get"
installed_by_us=1
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -q --no-install-recommends "$deb" \
  >"$work/apt-install.log" 2>&1 || { cat "$work/apt-install.log" >&2; fail "apt-get install failed"; }
dpkg -s ops-console 2>/dev/null | grep -q '^Status: install ok installed' || fail "dpkg does not report ops-console as installed"
dpkg -L ops-console >"$work/installed.list"
files=()
while IFS= read -r p; do
  if [ -f "$p" ] || [ -L "$p" ]; then files+=("$p"); fi
done <"$work/installed.list"
[ ${#files[@]} -ge ${#expected[@]} ] || fail "dpkg -L lists only ${#files[@]} files"

[ "$(command -v ops-console)" = /usr/bin/ops-console ] || fail "ops-console is not /usr/bin/ops-console on PATH"
# What the desktop menu needs: the entry, its Exec on PATH, its icon in the hicolor theme.
desktop=/usr/share/applications/$app_id.desktop
exec_cmd=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
icon=$(sed -n 's/^Icon=//p' "$desktop")
command -v "$exec_cmd" >/dev/null || fail "the desktop entry's Exec ($exec_cmd) is not on PATH"
[ -f "/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] && [ -f "/usr/share/icons/hicolor/48x48/apps/$icon.png" ] \
  || fail "the desktop entry's icon ($icon) is not installed in the hicolor theme"
if command -v man >/dev/null; then
  [ "$(man -w ops-console 2>/dev/null)" = /usr/share/man/man1/ops-console.1.gz ] || fail "man -w ops-console does not find the manual page"
fi

# The installed program runs with its own HOME: no settings, logs or keychain of this machine.
home=$work/home
mkdir -p "$home/.config" "$home/.local/share" "$home/.cache" "$home/runtime"
chmod 700 "$home/runtime"
run_installed() {
  env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$home" XDG_CONFIG_HOME="$home/.config" \
    XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/runtime" \
    DBUS_SESSION_BUS_ADDRESS=disabled: QT_QPA_PLATFORM=offscreen "$@"
}

say "ops-console --version"
version_out=$(run_installed /usr/bin/ops-console --version 2>&1) || fail "ops-console --version failed: $version_out"
grep -qx "ops-console $upstream" <<<"$version_out" || fail "ops-console --version printed '$version_out', expected 'ops-console $upstream'"

# --- the installed console against a sandbox -----------------------------------------------------
say "starting a throwaway PostgreSQL and the sandbox (ephemeral ports)"
bash "$root/scripts/pg-throwaway.sh" start "$work/pg" >/dev/null || fail "the throwaway PostgreSQL did not start"
# shellcheck disable=SC1091
. "$work/pg/env"
"$build/sandbox/ops-sandbox" --db-port "$PGPORT" --control-port 0 --first-port 0 --api-port 0 \
  --initialising-seconds 0 >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 150); do
  grep -q "ops-sandbox: ready" "$work/sandbox.log" && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.log" >&2; fail "the sandbox exited"; }
  sleep 0.1
done
ready=$(grep -m1 "ops-sandbox: ready" "$work/sandbox.log") || { cat "$work/sandbox.log" >&2; fail "the sandbox did not start"; }
control=$(sed -n 's/.*control=\([^ ]*\).*/\1/p' <<<"$ready")
api=$(sed -n 's/.*api=\([^ ]*\).*/\1/p' <<<"$ready")
# A "sandbox" profile for these ports (a saved profile overrides the built-in one).
python3 - "$control" "$api" "$PGPORT" "$work/profiles.ini" <<'PY' || fail "could not write the profile for the sandbox"
import json, sys, urllib.request
control, api, pg_port, path = sys.argv[1:]
services = json.load(urllib.request.urlopen(control + "/control/services", timeout=5))
if isinstance(services, dict):
    services = services.get("services", services)
lines = ["[profiles]", "sandbox\\environment=sandbox", "sandbox\\colour=#1565c0",
         "sandbox\\rest_base_url=" + api, "sandbox\\redis_source=execution_gateway",
         "sandbox\\services\\size=%d" % len(services)]
for i, s in enumerate(services, 1):
    lines += ["sandbox\\services\\%d\\name=%s" % (i, s["name"]),
              "sandbox\\services\\%d\\health_url=%s" % (i, s["health_url"]),
              "sandbox\\services\\%d\\readiness_url=%s" % (i, s.get("readiness_url") or "")]
lines += ["sandbox\\postgres\\enabled=true", "sandbox\\postgres\\host=127.0.0.1",
          "sandbox\\postgres\\port=" + pg_port, "sandbox\\postgres\\database=ops_sandbox",
          "sandbox\\postgres\\user=ops_console_ro", "sandbox\\postgres\\sslmode=disable"]
open(path, "w").write("\n".join(lines) + "\n")
PY

say "ops-console --profile sandbox --check (installed, offscreen)"
check_rc=0
run_installed /usr/bin/ops-console --config "$work/profiles.ini" --profile sandbox --check \
  >"$work/check.out" 2>"$work/check.err" || check_rc=$?
sed 's/^/  /' "$work/check.out"
if [ "$check_rc" -ne 0 ]; then
  cat "$work/check.err" >&2
  fail "ops-console --check exited $check_rc: not every tile is healthy (the PostgreSQL tile needs the QPSQL driver)"
fi
run_installed /usr/bin/ops-console --config "$work/profiles.ini" --profile sandbox --check --json \
  >"$work/check.json" 2>>"$work/check.err" || fail "ops-console --check --json failed"
python3 - "$work/check.json" "$work/profiles.ini" <<'PY' || fail "ops-console --check --json does not show every tile healthy"
import json, re, sys
report = json.load(open(sys.argv[1]))
services = int(re.search(r"services\\size=(\d+)", open(sys.argv[2]).read()).group(1))
tiles = {s["name"]: s["status"] for s in report["services"]}
print("  tiles:", ", ".join(f"{n}={st}" for n, st in tiles.items()))
assert report["healthy"] is True, "healthy is not true"
assert len(tiles) == services + 2, f"{len(tiles)} tiles, expected {services} services + Redis + Postgres"
assert all(st == "healthy" for st in tiles.values()), "a tile is not healthy"
PY

say "ops-console window, offscreen, for 5 s"
gui_rc=0
run_installed timeout -s TERM 5 /usr/bin/ops-console --config "$work/profiles.ini" --profile sandbox \
  >"$work/gui.out" 2>"$work/gui.err" || gui_rc=$?
if [ "$gui_rc" -ne 124 ]; then
  cat "$work/gui.err" >&2
  fail "the window run ended by itself with exit $gui_rc before the 5 s were up (crash or start-up error)"
fi
if grep -qiE 'could not (load|find) the qt platform plugin|driver not loaded|segmentation fault' "$work/gui.err"; then
  cat "$work/gui.err" >&2
  fail "the window run reported a missing plugin or a crash"
fi

kill "$sandbox_pid" 2>/dev/null || true
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=""
bash "$root/scripts/pg-throwaway.sh" stop "$work/pg" >/dev/null 2>&1 || true

say "lintian"
lintian_rc=0
wait "$lintian_pid" || lintian_rc=$?
lintian_pid=""
grep -v '^running with root privileges' "$work/lintian.log" | sed 's/^/  /' || true
if [ "$lintian_rc" -ne 0 ] || grep -qE '^[EW]: ' "$work/lintian.log"; then
  fail "lintian reports errors or warnings (exit $lintian_rc)"
fi
say "lintian: no errors or warnings ($(grep -cvE '^[[:space:]]*(#|$)' "$root/packaging/lintian-overrides") override(s), reasons in packaging/lintian-overrides)"

# --- remove -------------------------------------------------------------------------------------
say "apt-get remove --purge ops-console"
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 remove --purge -y -q ops-console \
  >"$work/apt-remove.log" 2>&1 || { cat "$work/apt-remove.log" >&2; fail "apt-get remove --purge failed"; }
installed_by_us=0
if dpkg -s ops-console >/dev/null 2>&1; then fail "dpkg -s ops-console still succeeds after the purge"; fi
left=()
for f in "${files[@]}"; do
  if [ -e "$f" ] || [ -L "$f" ]; then left+=("$f"); fi
done
[ -d /usr/share/doc/ops-console ] && left+=(/usr/share/doc/ops-console)
compgen -G "/var/lib/dpkg/info/ops-console.*" >/dev/null && left+=(/var/lib/dpkg/info/ops-console.*)
[ ${#left[@]} -eq 0 ] || fail "left behind after the purge: ${left[*]}"

say "OK: .deb/.rpm/.tar.gz built, lintian/desktop-file-validate/appstreamcli clean, installed, ran, removed without a trace"
