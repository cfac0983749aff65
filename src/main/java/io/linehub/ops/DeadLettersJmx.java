package io.linehub.ops;

import io.linehub.scan.DeadLetterReplay;
import java.sql.SQLException;

/** The dead-letter store as an operator sees it in JConsole or Hawtio. */
public final class DeadLettersJmx implements DeadLettersMBean {

    private final DeadLetterReplay replay;

    public DeadLettersJmx(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @Override
    public long getCount() {
        try {
            return replay.count();
        } catch (SQLException e) {
            return -1;
        }
    }

    @Override
    public String[] recent(int limit) {
        try {
            return replay.recent(limit).stream().map(l -> l.id() + " " + l.createdAt() + " " + l.source() + ": "
                    + l.reason() + (l.replayCount() > 0 ? " (replayed " + l.replayCount() + "x)" : "")).toArray(String[]::new);
        } catch (SQLException e) {
            return new String[] {"database unavailable: " + e.getMessage()};
        }
    }

    @Override
    public String replay(long id) {
        try {
            DeadLetterReplay.Result result = replay.replay(id);
            return result.message();
        } catch (SQLException e) {
            return "database unavailable: " + e.getMessage();
        } catch (RuntimeException e) {
            return "replay of " + id + " failed: " + e.getMessage();
        }
    }
}
