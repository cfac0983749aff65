#!/usr/bin/env bash
# End-to-end benchmark: MQTT QoS 1 in -> hub (H2, outbox) -> ERP receiver, on this machine.
# usage: bench/scan-to-erp.sh [rate|0 for flat out] [count]      (after: mvn -B -DskipTests package)
# BROKER=embedded (default: the hub's embedded Artemis on a spare port) or BROKER=mosquitto (127.0.0.1:1883)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-1000}
COUNT=${2:-20000}
BROKER=${BROKER:-embedded}
DATA=$(mktemp -d /tmp/linehub-bench.XXXXXX)
HTTP=18180; RECEIVER=18199; TCP=15091
if [ "$BROKER" = mosquitto ]; then MQTT=tcp://127.0.0.1:1883; else MQTT=tcp://127.0.0.1:18883; fi

LINEHUB_ERP_URL=http://127.0.0.1:$RECEIVER/erp/events java -Xmx512m ${HUB_JAVA_OPTS:-} \
  -Dlinehub.sim.enabled=false -Dlinehub.demo.erp-port=18190 -Dlinehub.mqtt.url=$MQTT -Dlinehub.mqtt.prefix=bench \
  -Dlinehub.data.dir="$DATA" -Dlinehub.db.url="jdbc:h2:file:$DATA/linehub" \
  -Dcamel.server.port=$HTTP -Dcamel.management.port=$HTTP -Dlinehub.tcp.port=$TCP -Dlinehub.hub-id=bench \
  -jar target/linehub.jar demo > "$DATA/hub.log" 2>&1 &
HUB=$!
trap 'kill $HUB 2>/dev/null; wait $HUB 2>/dev/null' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$HTTP/observe/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$HTTP/observe/health" >/dev/null || { echo "hub did not become ready; log: $DATA/hub.log"; exit 1; }
echo "hub ready (pid $HUB, broker $MQTT, data $DATA); sending $COUNT scans at rate $RATE"
java -cp target/linehub.jar io.linehub.bench.ScanBenchmark --mqtt-url $MQTT --prefix bench --rate "$RATE" \
  --count "$COUNT" --receiver-port $RECEIVER --hub-pid $HUB --first-index 1000 --warmup "${WARMUP:-10000}"
