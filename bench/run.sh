#!/usr/bin/env bash
# The performance benchmark of issue 8: every row of the targets table, each against a hub process of its own
# (embedded broker, fresh H2 file or fresh PostgreSQL schema, master data bulk-seeded before it starts).
#   bench/run.sh list                      # the scenarios and their targets
#   bench/run.sh mqtt-h2 latency-1k        # chosen scenarios, one run each
#   bench/run.sh all                       # every scenario 3 times: medians table + JSON
#   bench/run.sh all --runs 1 --scale 0.1  # a quick smoke run (counts / 10)
# Needs target/linehub.jar (mvn -B -DskipTests package); mqtt-pg needs PostgreSQL on 127.0.0.1:5432 (db test).
# HUB_JAVA_OPTS (default -Xmx512m) go to the hub's JVM; BENCH_JAVA_OPTS to the generator's.
# BENCH_MQTT_URL=tcp://127.0.0.1:1883 runs the hubs against that broker (e.g. Mosquitto) instead of their embedded
# one, each hub with a topic prefix and client ids of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/linehub.jar ] || { echo "target/linehub.jar missing: mvn -B -DskipTests package" >&2; exit 1; }
exec java ${BENCH_JAVA_OPTS:-} -cp target/linehub.jar io.linehub.bench.Benchmarks "$@"
