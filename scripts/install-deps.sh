#!/usr/bin/env bash
# Installs the Debian 12 packages Ops Console needs to build, test and run the demo.
# Idempotent and quiet when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-psql libqt6opengl6-dev
  qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus dbus-x11
  libspdlog-dev libfmt-dev libpq-dev
  postgresql-15 postgresql-client-15
  prometheus # SLA panel: scripts/prometheus-run.sh (demo), tests/support/TestPrometheus (tests)
  xvfb xauth imagemagick openssl python3
  fonts-dejavu-core
  libqt6svg6 lintian desktop-file-utils appstream rpm dpkg-dev file gzip man-db # packaging (scripts/package-test.sh)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (or install them) and try again" >&2
  exit 1
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
