package io.linehub.bench;

import io.linehub.sim.EventReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's own limits, measured without the hub in the path, so a reader sees the generator and the
 * receiver are not what a hub figure measures: MQTT publishes to the hub's broker on a topic nobody consumes,
 * TCP frames over 200 connections into a discarding listener, and event batches POSTed straight to the receiver.
 */
final class Ceilings {

    private static final int BATCH = 50;

    private Ceilings() {
    }

    static Map<String, Object> mqttPublisher(int count) throws Exception {
        try (LaunchedHub hub = LaunchedHub.start(HubSetup.h2(0, 0));
             MqttScanSender sender = new MqttScanSender(hub.mqttUrl(), hub.prefix() + "-nobody/x/scanner/x/scan")) {
            LoadSpec spec = new LoadSpec(0, count, 0, 100_000);
            LoadRun.send(sender, spec, 0, count / 5);    // warm-up
            long start = System.nanoTime();
            LoadRun.send(sender, spec, 0, count);
            return rate("QoS 1 publishes acked/s by " + hub.mqttUrl() + ", no subscriber", count, start);
        }
    }

    static Map<String, Object> tcpGenerator(int count, int connections) throws Exception {
        try (TcpDiscardServer sink = new TcpDiscardServer();
             TcpScanners scanners = new TcpScanners("127.0.0.1", sink.port(), connections)) {
            LoadSpec spec = new LoadSpec(0, count, 0, 100_000);
            long start = System.nanoTime();
            LoadRun.send(scanners, spec, 0, count);
            while (sink.frames() < count) {
                Thread.sleep(1);
            }
            return rate("frames/s over " + connections + " connections into a discarding listener", count, start);
        }
    }

    static Map<String, Object> receiver(int events, int clients) throws Exception {
        EventReceiver receiver = new EventReceiver(0, "/erp/events", false);
        receiver.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            post(http, receiver, pool, clients, batches(0, events / 5));    // warm-up, not counted
            receiver.clear();
            List<String> bodies = batches(events, events);
            long start = System.nanoTime();
            post(http, receiver, pool, clients, bodies);
            return rate("events/s in POSTs of " + BATCH + " from " + clients + " clients",
                    receiver.distinctCount(), start);
        } finally {
            pool.shutdown();
            receiver.stop();
        }
    }

    private static void post(HttpClient http, EventReceiver receiver, ExecutorService pool, int clients,
                             List<String> bodies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(receiver.url()))
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("receiver answered " + r.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    /** Event batches built before the clock starts, so the figure is the receiver's, not the JSON building's. */
    private static List<String> batches(int firstId, int events) {
        String now = Instant.now().toString();
        List<String> bodies = new ArrayList<>();
        for (int e = 0; e + BATCH <= events; e += BATCH) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < BATCH; i++) {
                b.append(i == 0 ? "" : ",").append("{\"eventId\":\"bench-").append(firstId + e + i)
                        .append("\",\"type\":\"scan.accepted\",\"occurredAt\":\"").append(now)
                        .append("\",\"line\":\"line1\",\"device\":\"scanner-1\",\"gtin\":\"09501101530003\"}");
            }
            bodies.add(b.append(']').toString());
        }
        return bodies;
    }

    private static Map<String, Object> rate(String what, long count, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("measured", what);
        r.put("count", count);
        r.put("seconds", LoadRun.round(seconds));
        r.put("perSecond", LoadRun.round(count / seconds));
        return r;
    }
}
