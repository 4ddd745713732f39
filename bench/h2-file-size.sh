#!/usr/bin/env bash
# How large the H2 file gets under single product writes: starts the server jar on a new H2 file, creates
# COLLECTIONS commerce-mix rule collections and adds PRODUCTS products one by one (LoadGenerator add-product), then
# prints the file's size every 30 s during the load, right after it, a minute later, and after a clean stop. Bounded in
# requests and time.
#
#   bench/h2-file-size.sh [extra H2 URL settings, e.g. ";WRITE_DELAY=500"]
#   (COLLECTIONS and PRODUCTS change the sizes; defaults 20000 and 6000)
# Build first: ./mvnw -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
port=${COLLECTIONS_BENCH_PORT:-18181}
export COLLECTIONS_JWT_SECRET="bench-secret-bench-secret-bench-secret-0123456789"
export COLLECTIONS_PORT=$port
export COLLECTIONS_DB_URL="jdbc:h2:file:$work/collections;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH${1:-}"
server_pid=
sampler_pid=
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
size() { echo "$(du -m "$work/collections.mv.db" | cut -f1) MiB"; }

token=$(java -jar bootstrap/target/collections-server.jar token --client file-size --sub bench --role Owner --ttl 2h)
java -Xmx2g -jar bootstrap/target/collections-server.jar >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
echo "# $(date -u +%FT%TZ) H2 file size, URL settings '${1:-}'"
(while sleep 30; do echo "during the load, $(date -u +%T): $(size)"; done) &
sampler_pid=$!
java -Xmx1g -cp bench/target/benchmarks.jar io.collections.bench.load.LoadGenerator add-product \
    "http://127.0.0.1:$port" "$token" "${COLLECTIONS:-20000}" "${PRODUCTS:-6000}" commerce | grep -E 'created|client side'
kill "$sampler_pid"; sampler_pid=
echo "right after the load: $(size)"
sleep 60
echo "a minute later: $(size)"
stop_start=$(date +%s%N)
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
echo "after a clean stop: $(size) (the stop took $(( ($(date +%s%N) - stop_start) / 1000000 )) ms)"
