package io.linehub.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides whether a repeated warning (a refused connection, a refused call) is logged: once per key per
 * interval, with the number swallowed since. Whoever hammers a port must not be able to flood the log.
 */
public final class LogThrottle {

    /** Beyond this many keys (e.g. a sweep from many addresses) old windows are dropped to bound memory. */
    private static final int MAX_KEYS = 10_000;

    private final Duration interval;
    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        private long openedAt;
        private long swallowed;

        Window(long openedAt) {
            this.openedAt = openedAt;
        }
    }

    public LogThrottle(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** Once per minute per key, on the system clock. */
    public static LogThrottle perMinute() {
        return new LogThrottle(Duration.ofMinutes(1), Clock.systemUTC());
    }

    /**
     * Counts one occurrence of {@code key}.
     *
     * @return empty when this occurrence is not to be logged; otherwise how many were swallowed since the
     *         last logged one
     */
    public OptionalLong admit(String key) {
        long now = clock.millis();
        if (windows.size() >= MAX_KEYS) {
            windows.values().removeIf(w -> now - w.openedAt >= interval.toMillis());
            if (windows.size() >= MAX_KEYS) {
                windows.clear();
            }
        }
        Window window = windows.get(key);
        if (window == null) {
            Window previous = windows.putIfAbsent(key, new Window(now));
            if (previous == null) {
                return OptionalLong.of(0);
            }
            window = previous;
        }
        synchronized (window) {
            if (now - window.openedAt >= interval.toMillis()) {
                long swallowed = window.swallowed;
                window.openedAt = now;
                window.swallowed = 0;
                return OptionalLong.of(swallowed);
            }
            window.swallowed++;
            return OptionalLong.empty();
        }
    }
}
