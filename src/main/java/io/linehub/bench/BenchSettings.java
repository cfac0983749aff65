package io.linehub.bench;

import java.util.HashMap;
import java.util.Map;

/** Command-line settings of {@link ScanBenchmark}, each {@code --name value}. */
record BenchSettings(String mqttUrl, String prefix, String line, String device, int count, double rate,
                     int firstIndex, int receiverPort, long hubPid, int maxInflight, int drainSeconds, int warmup) {

    static BenchSettings parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        return new BenchSettings(a.getOrDefault("mqtt-url", "tcp://127.0.0.1:1883"),
                a.getOrDefault("prefix", "linehub"), a.getOrDefault("line", "line1"),
                a.getOrDefault("device", "scanner-1"), Integer.parseInt(a.getOrDefault("count", "10000")),
                Double.parseDouble(a.getOrDefault("rate", "1000")),
                Integer.parseInt(a.getOrDefault("first-index", "0")),
                Integer.parseInt(a.getOrDefault("receiver-port", "8099")),
                Long.parseLong(a.getOrDefault("hub-pid", "0")),
                Integer.parseInt(a.getOrDefault("max-inflight", "1000")),
                Integer.parseInt(a.getOrDefault("drain-seconds", "120")),
                Integer.parseInt(a.getOrDefault("warmup", "0")));
    }
}
