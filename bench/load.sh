#!/usr/bin/env bash
# Load figures for docs/performance.md: starts the server jar on loopback with its own database, runs the load
# scenarios of io.collections.bench.load.LoadGenerator beside it, stops it. Bounded in requests and time.
#
#   bench/load.sh [h2|postgres] [read|add-product|replace-rules|all]
#   (MIX=broad for the add-product stress mix; COLLECTIONS, PRODUCTS, CATALOG change the sizes, REPLACEMENTS the
#   number of rule replacements)
#
# postgres uses COLLECTIONS_BENCH_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres),
# in a fresh schema. Build first: ./mvnw -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."

database=${1:-h2}
scenario=${2:-all}
port=${COLLECTIONS_BENCH_PORT:-18080}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
export COLLECTIONS_JWT_SECRET="bench-secret-bench-secret-bench-secret-0123456789"
export COLLECTIONS_PORT=$port

case "$database" in
  h2) export COLLECTIONS_DB_URL="jdbc:h2:file:$work/collections;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH${H2_EXTRA:-}" ;;
  postgres)
    schema="bench_$(date +%s)"
    pg=${COLLECTIONS_BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE SCHEMA $schema" >/dev/null
    export COLLECTIONS_DB_URL="$pg&currentSchema=$schema" ;;
  *) echo "database must be h2 or postgres" >&2; exit 2 ;;
esac

server_pid=
cleanup() {
  status=$?
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then
    echo "load run failed ($status); the server's warnings and errors:" >&2
    grep -v ' INFO ' "$work/server.log" | head -n 80 >&2 || true
  fi
  [ -n "${analyzer_pid:-}" ] && kill "$analyzer_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ "$database" = postgres ] && psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null || true
  [ -n "${KEEP_LOG:-}" ] && cp "$work/server.log" "$KEEP_LOG"
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  # shellcheck disable=SC2086
  java -Xmx2g ${SERVER_JAVA_OPTS:-} -jar bootstrap/target/collections-server.jar >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$base/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server did not start; its log:" >&2; cat "$work/server.log" >&2; exit 1
}

# This machine's PostgreSQL runs with autovacuum off, so a fresh schema never gets statistics and prepared
# statements fall back to generic plans that scan a client's rows; a production server analyzes as it goes.
# Stand in for autovacuum's ANALYZE: every 15 s while the scenario runs.
analyzer_pid=
if [ "$database" = postgres ]; then
  (while sleep 15; do psql -h 127.0.0.1 -U postgres -d postgres -qc "SET search_path = $schema; ANALYZE" >/dev/null 2>&1 || true; done) &
  analyzer_pid=$!
fi

token=$(java -jar bootstrap/target/collections-server.jar token --client "bench-$RANDOM" --sub bench --role Owner --ttl 2h 2>/dev/null || echo development)
start_server
echo "# $(date -u +%FT%TZ) $database on $(nproc) cores, $(java -version 2>&1 | head -n 1)"
gen() { java -Xmx1g -Dserver.pid="$server_pid" -cp bench/target/benchmarks.jar io.collections.bench.load.LoadGenerator "$@"; }
# Server-side times of the requests whose log line matches $1 (the request log's own milliseconds).
server_side() {
  grep -F "$1" "$work/server.log" | sed -E 's/.* ([0-9.]+)ms request_id=.*/\1/' | sort -n | awk -v what="$1" '
    { v[NR] = $1 } END { if (NR == 0) exit;
printf "server side, %s: n=%d p50=%.1fms p99=%.1fms max=%.1fms\n", what, NR,
        v[int(NR * 0.50 + 0.999)], v[int(NR * 0.99 + 0.999)], v[NR] }'
}
# GET of one collection with wrk (closed loop, 16 connections) and then hey at half that rate, when both are
# installed (apt-get install wrk hey): the JVM load generator costs as much CPU as the server it measures.
read_native() {
  local id rate
  id=$(curl -fs -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"Read me","product_inclusion_rules":{"rules":[{"type":"product_type","value":"Gadget"}]}}' \
    "$base/v1/collections" | sed -E 's/.*"id":"([0-9]+)".*/\1/')
  wrk -t2 -c16 -d10s -H "Authorization: Bearer $token" "$base/v1/collections/$id" >/dev/null
  wrk -t2 -c16 -d20s --latency -H "Authorization: Bearer $token" "$base/v1/collections/$id" | tee "$work/wrk.txt"
  rate=$(awk '/^Requests\/sec/ { print int($2) }' "$work/wrk.txt")
  echo "hey at half that rate: $((rate / 2)) requests/s (16 workers, $((rate / 32)) each)"
  hey -z 20s -c 16 -q $((rate / 32)) -H "Authorization: Bearer $token" "$base/v1/collections/$id" \
    | grep -E 'Requests/sec|Slowest|(10|50|90|95|99)% in'
}

case "$scenario" in
  read)
    if command -v wrk >/dev/null && command -v hey >/dev/null; then read_native; else gen read "$base" "$token" 20; fi ;;
  add-product)
    gen add-product "$base" "$token" "${COLLECTIONS:-100000}" "${PRODUCTS:-2000}" "${MIX:-commerce}"
    server_side "POST /v1/products 201 " ;;
  replace-rules)
    gen replace-rules "$base" "$token" "${CATALOG:-1000000}" "${REPLACEMENTS:-4}"
    server_side "PATCH /v1/collections/" ;;
  all)
    if command -v wrk >/dev/null && command -v hey >/dev/null; then read_native; else gen read "$base" "$token" 20; fi
    gen add-product "$base" "$token" "${COLLECTIONS:-100000}" "${PRODUCTS:-2000}" "${MIX:-commerce}"
    server_side "POST /v1/products 201 "
    token=$(java -jar bootstrap/target/collections-server.jar token --client "bench-$RANDOM" --sub bench --role Owner --ttl 2h 2>/dev/null || echo development)
    gen replace-rules "$base" "$token" "${CATALOG:-1000000}" "${REPLACEMENTS:-4}"
    server_side "PATCH /v1/collections/" ;;
  *) echo "unknown scenario $scenario" >&2; exit 2 ;;
esac
