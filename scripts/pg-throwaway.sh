#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on loopback, for the demo and the tests.
#   pg-throwaway.sh start STATEDIR [PORT] -> initdb + start on PORT (default: a free one);
#                                           writes STATEDIR/env
#   pg-throwaway.sh stop  STATEDIR   -> stop and remove the cluster
# STATEDIR/env holds PGHOST, PGPORT, PGUSER, PGDATA_DIR as shell assignments.
# Authentication is `trust` on 127.0.0.1 only: the cluster lives for one run and holds no
# real data. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
set -euo pipefail

cmd=${1:-}
state=${2:-}
wanted_port=${3:-}
[ -n "$cmd" ] && [ -n "$state" ] || { echo "usage: $0 start|stop STATEDIR" >&2; exit 2; }
bindir=/usr/lib/postgresql/15/bin

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

case "$cmd" in
start)
  mkdir -p "$state"
  if [ -f "$state/env" ]; then
    # shellcheck disable=SC1091
    . "$state/env"
    if as_pg "$bindir/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
      exit 0
    fi
  fi
  datadir=$(mktemp -d /tmp/ops-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$datadir"; fi
  chmod 700 "$datadir"
  as_pg "$bindir/initdb" -D "$datadir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$datadir/initdb.log" 2>&1 \
    || { cat "$datadir/initdb.log" >&2; exit 1; }
  port=${wanted_port:-$(free_port)}
  as_pg "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/server.log" -w -t 30 \
    -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { cat "$datadir/server.log" >&2; exit 1; }
  cat >"$state/env" <<ENV
PGHOST=127.0.0.1
PGPORT=$port
PGUSER=postgres
PGDATA_DIR=$datadir/data
ENV
  echo "pg-throwaway: PostgreSQL on 127.0.0.1:$port ($datadir)"
  ;;
stop)
  [ -f "$state/env" ] || exit 0
  # shellcheck disable=SC1091
  . "$state/env"
  as_pg "$bindir/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$(dirname "$PGDATA_DIR")"
  rm -f "$state/env"
  ;;
*)
  echo "usage: $0 start|stop STATEDIR" >&2; exit 2 ;;
esac
