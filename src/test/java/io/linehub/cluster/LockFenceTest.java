package io.linehub.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fence against the real PostgreSQL ({@code test} database on 127.0.0.1:5432, skipped when it is not
 * there): it answers from pg_locks, and a lock session ended by the server fails it at once.
 */
class LockFenceTest {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String route = "relay-fence-" + run;
    private String user;

    @BeforeEach
    void postgres() {
        boolean required = Boolean.getBoolean("linehub.require-local-services");
        boolean present = reachable();
        if (required && !present) {
            throw new IllegalStateException("PostgreSQL (5432) is required here but not reachable");
        }
        Assumptions.assumeTrue(present, "PostgreSQL is not running on this machine");
        for (String candidate : new String[] {"postgres", "root"}) {
            try (Connection ignored = DriverManager.getConnection(PG, candidate, "")) {
                user = candidate;
                return;
            } catch (SQLException e) {
                // try the next role
            }
        }
        throw new IllegalStateException("no PostgreSQL role (postgres, root) accepted a trust login to 'test'");
    }

    @Test
    void should_tell_the_holder_from_the_others() throws Exception {
        try (AdvisoryLock mine = lock("a"); AdvisoryLock theirs = lock("b")) {
            List<String> lost = new ArrayList<>();
            Fence fence = new LockFence(mine, lost::add);
            assertFalse(fence.stillOwns(route), "nobody holds it yet");
            assertTrue(mine.tryLock(route));
            assertTrue(fence.stillOwns(route), "the holder passes");
            assertFalse(theirs.tryLock(route), "one holder at a time");
            assertFalse(new LockFence(theirs, lost::add).stillOwns(route), "another session does not pass");
            assertEquals(List.of(route, route), lost, "each failed check reports the route lost");
        }
    }

    @Test
    void should_fail_at_once_when_the_lock_session_is_terminated() throws Exception {
        try (AdvisoryLock mine = lock("a"); AdvisoryLock theirs = lock("b")) {
            List<String> lost = new ArrayList<>();
            Fence fence = new LockFence(mine, lost::add);
            assertTrue(mine.tryLock(route));
            assertTrue(fence.stillOwns(route));
            assertEquals(1, terminate(ClusterBeans.LOCK_SESSION_PREFIX + "fence-a-" + run));
            assertTrue(takesWithin2s(theirs), "the lock went with the session: the other takes it");
            assertFalse(fence.stillOwns(route), "the old holder is fenced out on its next check");
            assertEquals(List.of(route), lost);
            assertFalse(mine.alive());
        }
    }

    /** pg_terminate_backend signals the session; its locks go when it has exited, a moment later. */
    private boolean takesWithin2s(AdvisoryLock lock) throws Exception {
        for (int i = 0; i < 40; i++) {
            if (lock.tryLock(route)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private AdvisoryLock lock(String name) throws SQLException {
        AdvisoryLock lock = new AdvisoryLock(PG, user, "", ClusterBeans.LOCK_SESSION_PREFIX + "fence-" + name + "-" + run);
        lock.connect();
        return lock;
    }

    private int terminate(String applicationName) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG, user, "");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, applicationName);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return n;
        }
    }

    private static boolean reachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
