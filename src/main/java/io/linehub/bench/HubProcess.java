package io.linehub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and peak memory of the hub's process, read from /proc (Linux). */
record HubProcess(long pid) {

    /** USER_HZ on Linux is 100 clock ticks per second. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static HubProcess of(long pid) {
        return new HubProcess(pid);
    }

    boolean known() {
        return pid > 0 && Files.exists(Path.of("/proc/" + pid + "/stat"));
    }

    long cpuNanos() {
        if (!known()) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    long peakRssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
