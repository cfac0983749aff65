package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.ReceivedEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** In the prod profile (LINEHUB_UNKNOWN_DEVICES=reject by default) a device missing from devices.yaml is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownDeviceTest {

    private HubEnvironment env;
    private EventReceiver erp;
    private TestHub hub;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        // prod refuses to start without the API token (LINEHUB_API_TOKEN); the test hands it in as a setting
        hub = new TestHub(env, erp.url(), Map.of("linehub.profile", "prod", "linehub.api.token", "unknown-device-test"));
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 100);
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        erp.stop();
        env.close();
    }

    @Test
    void should_reject_a_good_code_from_an_unlisted_device_and_accept_it_from_a_listed_one() throws Exception {
        hub.publish("line1", "stranger-7", DemoCatalog.goodCode(5));
        hub.publish("line1", "scanner-1", DemoCatalog.goodCode(6));
        ReceivedEvent rejected = await("rejection of the unlisted device").atMost(Duration.ofSeconds(20)).until(
                () -> erp.events().stream().filter(e -> "stranger-7".equals(e.device())).findFirst(),
                Optional::isPresent).orElseThrow();
        assertEquals("scan.rejected", rejected.type(), "type");
        assertEquals("UNKNOWN_DEVICE", rejected.reason(), "reason");
        ReceivedEvent accepted = await("acceptance from the listed device").atMost(Duration.ofSeconds(20)).until(
                () -> erp.events().stream().filter(e -> "scanner-1".equals(e.device())).findFirst(),
                Optional::isPresent).orElseThrow();
        assertEquals("scan.accepted", accepted.type(), "a listed device is still served");
    }
}
