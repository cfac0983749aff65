#!/usr/bin/env bash
# The performance benchmark of issue 8: every row of the targets table, each against a hub process of its own
# (embedded broker, fresh H2 file or fresh PostgreSQL schema, master data bulk-seeded before it starts).
#   bench/run.sh list                      # the scenarios and their targets
#   bench/run.sh mqtt-h2 latency-1k        # chosen scenarios, one run each
#   bench/run.sh all                       # every scenario 3 times: medians table + JSON
#   bench/run.sh all --runs 1 --scale 0.1  # a quick smoke run (counts / 10)
# Needs target/linehub.jar (mvn -B -DskipTests package); mqtt-pg needs PostgreSQL on 127.0.0.1:5432 (db test).
# HUB_JAVA_OPTS (default as bin/linehub: -Xmx256m -XX:+UseSerialGC) go to the hub's JVM; BENCH_JAVA_OPTS to the generator's.
# The broker: as in the issue's setup, a Mosquitto on the same machine, outside the hub's process. When mosquitto is
# installed the script starts a private one on a free port (no persistence, 1,000 in flight, no queue limit, so a
# backlog waits in it instead of being dropped) and stops it afterwards. BENCH_MQTT_URL=tcp://host:port uses that
# broker instead; BENCH_BROKER=embedded runs each hub with its embedded Artemis (in the hub's process: its CPU and
# RSS then count in the hub's figures). Start-up is always measured with the embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/linehub.jar ] || { echo "target/linehub.jar missing: mvn -B -DskipTests package" >&2; exit 1; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

needs_broker=true
case " $* " in *" list "*) needs_broker=false ;; esac
if [ "$needs_broker" = true ] && [ -z "${BENCH_MQTT_URL:-}" ] && [ "${BENCH_BROKER:-mosquitto}" = mosquitto ] \
    && command -v mosquitto >/dev/null; then
  port=$(( 20000 + RANDOM % 30000 ))
  while listening "$port"; do port=$(( 20000 + RANDOM % 30000 )); done
  conf=$(mktemp)
  printf '%s\n' "listener $port 127.0.0.1" "allow_anonymous true" "persistence false" \
    "max_inflight_messages 1000" "max_queued_messages 0" "max_queued_bytes 0" "set_tcp_nodelay true" > "$conf"
  mosquitto -c "$conf" > "$conf.log" 2>&1 &
  broker_pid=$!
  trap 'kill "$broker_pid" 2>/dev/null; rm -f "$conf" "$conf.log"' EXIT
  for _ in $(seq 1 50); do listening "$port" && break; sleep 0.1; done
  echo "bench: private Mosquitto on tcp://127.0.0.1:$port (pid $broker_pid)"
  export BENCH_MQTT_URL="tcp://127.0.0.1:$port"
fi
java ${BENCH_JAVA_OPTS:-} -cp target/linehub.jar io.linehub.bench.Benchmarks "$@"
