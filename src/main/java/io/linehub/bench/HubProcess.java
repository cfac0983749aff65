package io.linehub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
            return cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat"))) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    long peakRssKb() {
        try {
            return peakRssKb(Files.readAllLines(Path.of("/proc/" + pid + "/status")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of a /proc/PID/stat line; the command name in parentheses may hold spaces. */
    static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** VmHWM (peak resident set) in kB from the lines of /proc/PID/status; 0 when absent. */
    static long peakRssKb(List<String> status) {
        for (String l : status) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
