package io.linehub.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Items of concurrent callers written in shared transactions, against a real (embedded) database. */
class GroupedWritesTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private JdbcDataSource dataSource;
    private Connection keepAlive;
    private final Set<Connection> transactions = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void open() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:group-commit-" + DATABASES.incrementAndGet());
        keepAlive = dataSource.getConnection();
        try (var st = keepAlive.createStatement()) {
            st.execute("CREATE TABLE item (name VARCHAR(40) PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() throws Exception {
        keepAlive.close();
    }

    /** Inserts the item; "refuse" is refused after its row was written, "broken" breaks the transaction. */
    private String insert(Connection c, String name) throws SQLException {
        transactions.add(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (name) VALUES (?)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
        if (name.startsWith("refuse")) {
            throw new IllegalArgumentException("refused: " + name);
        }
        if (name.startsWith("broken")) {
            throw new SQLException("the transaction broke at " + name);
        }
        return name.toUpperCase();
    }

    private List<String> stored() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = keepAlive.prepareStatement("SELECT name FROM item ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void should_commit_the_items_of_16_concurrent_callers_in_fewer_transactions_and_answer_each() throws Exception {
        try (GroupedWrites<String, String> writes = new GroupedWrites<>("test-writer", dataSource, this::insert, 64,
                Duration.ofSeconds(10))) {
            ExecutorService callers = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int caller = t;
                answers.add(callers.submit(() -> {
                    go.await();
                    List<String> got = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        String name = "c" + caller + "-" + i;
                        String answer = writes.write(name);
                        assertEquals(name.toUpperCase(), answer, "each caller gets its own item's result");
                        got.add(answer);
                    }
                    return got;
                }));
            }
            go.countDown();
            int answered = 0;
            for (Future<List<String>> f : answers) {
                answered += f.get(30, TimeUnit.SECONDS).size();
            }
            callers.shutdown();
            assertEquals(800, answered);
            assertEquals(800, stored().size(), "every answered item is stored");
            assertTrue(transactions.size() < 800, "items shared transactions: " + transactions.size()
                    + " connections used for 800 items");
        }
    }

    @Test
    void should_roll_back_only_a_refused_item_and_tell_its_caller_why() throws Exception {
        try (GroupedWrites<String, String> writes = new GroupedWrites<>("test-writer", dataSource, this::insert, 64,
                Duration.ofSeconds(10))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> writes.write("refuse-me"));
            assertEquals("refused: refuse-me", refused.getMessage());
            assertEquals("KEPT", writes.write("kept"));
            assertEquals(List.of("kept"), stored(), "the refused item's row was rolled back, the next one stored");
        }
    }

    @Test
    void should_fail_the_caller_when_its_transaction_fails_and_store_nothing_of_it() throws Exception {
        try (GroupedWrites<String, String> writes = new GroupedWrites<>("test-writer", dataSource, this::insert, 64,
                Duration.ofSeconds(10))) {
            SQLException broken = assertThrows(SQLException.class, () -> writes.write("broken-1"));
            assertEquals("the transaction broke at broken-1", broken.getMessage());
            assertEquals(List.of(), stored(), "a failed transaction stores nothing");
            assertEquals("AFTER", writes.write("after"), "the writer goes on after a failed transaction");
        }
    }

    @Test
    void should_refuse_writes_once_closed() throws Exception {
        GroupedWrites<String, String> writes = new GroupedWrites<>("test-writer", dataSource, this::insert, 64,
                Duration.ofSeconds(10));
        writes.write("before");
        writes.close();
        assertThrows(SQLException.class, () -> writes.write("after"));
        assertEquals(List.of("before"), stored());
    }
}
