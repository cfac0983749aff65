package io.linehub.e2e;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What clustering refuses at start: a database other than PostgreSQL, and a hub id already running. */
class ClusterStartTest {

    @Test
    void should_refuse_clustering_without_postgresql() throws Exception {
        try (EmbeddedEnvironment env = new EmbeddedEnvironment();
             TestHub hub = new TestHub(env, "http://127.0.0.1:9/erp", Map.of("linehub.cluster.enabled", "true"))) {
            Exception e = assertThrows(Exception.class, hub::start);
            assertTrue(messages(e).contains("needs PostgreSQL"), "says why: " + messages(e));
        }
    }

    @Test
    void should_refuse_a_second_hub_with_the_same_id() throws Exception {
        try (LocalServicesEnvironment env = new LocalServicesEnvironment()) {
            Map<String, String> settings = Map.of("linehub.cluster.enabled", "true", "linehub.hub-id", "same-id");
            try (TestHub first = new TestHub(env, "http://127.0.0.1:9/erp", settings);
                 TestHub second = new TestHub(env, "http://127.0.0.1:9/erp", settings)) {
                first.start();
                Exception e = assertThrows(Exception.class, second::start);
                assertTrue(messages(e).contains("linehub.hub-id=same-id"), "says why: " + messages(e));
            }
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
