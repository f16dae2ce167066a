#!/usr/bin/env bash
# Runs a command on a private D-Bus session with an unlocked gnome-keyring (QtKeychain's
# backend), so keychain tests use a real keychain without touching the user's own.
set -euo pipefail
if [ -z "${OPS_IN_KEYRING_SESSION:-}" ]; then
  export OPS_IN_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
home=$(mktemp -d /tmp/ops-keyring.XXXXXX)
keyring_pid=
cleanup() {
  # Only ever the daemon started here, by its own id (an empty id would mean `kill 0`:
  # the whole process group, ctest included).
  if [ -n "$keyring_pid" ]; then kill "$keyring_pid" 2>/dev/null || true; fi
  rm -rf "$home"
}
trap cleanup EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# In the foreground, so its id is known; the unlock password comes on stdin.
printf 'ops-test-keyring\n' | gnome-keyring-daemon --foreground --unlock --components=secrets \
  >"$home/keyring.env" 2>"$home/keyring.log" &
keyring_pid=$!
# Wait until it owns the Secret Service name (else D-Bus activation would start a locked one).
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
       org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  sleep 0.05
done
set -a
# shellcheck disable=SC1091
. "$home/keyring.env" 2>/dev/null || true
set +a
"$@"
