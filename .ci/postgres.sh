#!/usr/bin/env bash
# Start a PostgreSQL server for the store's tests and print its URL (Debian's `postgresql`).
# Sourced by .ci/run, which must fail when this fails: the store's tests need both back ends.
# Idempotent: an installed package, a running cluster, an existing role and database are kept.
set -euo pipefail

if ! dpkg -s postgresql >/dev/null 2>&1; then
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
if [ -z "$(pg_lsclusters -h)" ]; then
  pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -1)" main >&2
fi
read -r version cluster port status _ < <(pg_lsclusters -h | head -1)
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi
for _ in $(seq 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$port" >&2

psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -tAc \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'dotterel'")" != "1" ]; then
  psql_admin "CREATE ROLE dotterel LOGIN PASSWORD 'dotterel' CREATEDB" >&2
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = 'dotterel_test'")" != "1" ]; then
  psql_admin "CREATE DATABASE dotterel_test OWNER dotterel" >&2
fi
echo "postgresql://dotterel:dotterel@127.0.0.1:${port}/dotterel_test"
