package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.MqttProbe;
import io.linehub.sim.ReceivedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hub against a broker set up like production's: TLS with a certificate only the hub's truststore
 * knows, and one account whose password has characters that need escaping in URIs. Everything that talks
 * MQTT must get through: scans in, events out, the hub's and the printers' retained status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttTlsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String USER = "hub-user";
    private static final String PASSWORD = "s3cret+&=%{}()#";

    private EmbeddedEnvironment env;
    private EventReceiver erp;
    private TestHub hub;

    @BeforeAll
    void start() throws Exception {
        env = EmbeddedEnvironment.secured(USER, PASSWORD);
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of());
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
    void should_take_a_scan_over_tls_and_deliver_its_event() throws Exception {
        try (MqttProbe events = new MqttProbe(env.mqttClient(), "events-probe").connect()
                .subscribe(hub.prefix() + "/+/event/#", 1)) {
            hub.publish("line1", "scanner-1", DemoCatalog.goodCode(7));
            ReceivedEvent accepted = await("event at the ERP").atMost(WAIT).until(() -> erp.events().stream()
                    .filter(e -> DemoCatalog.item(7).serial().equals(e.serial())).findFirst(), Optional::isPresent)
                    .orElseThrow();
            assertEquals("scan.accepted", accepted.type(), "the scan came in over TLS and was accepted");
            await("event on MQTT").atMost(WAIT).until(() -> events.messages().stream()
                    .anyMatch(m -> m.text().contains(DemoCatalog.item(7).serial())));
        }
    }

    @Test
    void should_keep_the_hub_and_printer_status_retained_over_tls() {
        try (MqttProbe status = new MqttProbe(env.mqttClient(), "status-probe").connect()
                .subscribe(hub.prefix() + "/hub/status", 1)
                .subscribe(hub.prefix() + "/+/printer/+/status", 1)) {
            await("hub status").atMost(WAIT).until(() -> status.messages().stream()
                    .anyMatch(m -> m.topic().endsWith("/hub/status") && m.text().equals("online")));
            // P1 of the shipped devices.yaml has no printer behind it in this test: its status says so
            await("printer status").atMost(WAIT).until(() -> status.messages().stream()
                    .anyMatch(m -> m.topic().endsWith("/printer/P1/status")));
        }
    }

    @Test
    void should_connect_every_mqtt_endpoint_of_the_hub_with_tls_and_the_login() {
        List<PahoMqtt5Endpoint> endpoints = hub.hub().context().getEndpoints().stream()
                .filter(PahoMqtt5Endpoint.class::isInstance).map(PahoMqtt5Endpoint.class::cast)
                .filter(e -> env.mqttUrl().equals(e.getConfiguration().getBrokerUrl())).toList();
        assertFalse(endpoints.size() < 4, "scan, rfid, job consumers and the event producer at least: " + endpoints);
        for (PahoMqtt5Endpoint e : endpoints) {
            assertInstanceOf(SSLSocketFactory.class, e.getConfiguration().getSocketFactory(),
                    "TLS socket factory on " + e.getEndpointUri());
            assertEquals(USER, e.getConfiguration().getUserName(), "user on " + e.getEndpointUri());
            assertEquals(PASSWORD, e.getConfiguration().getPassword(), "password arrives unmangled on "
                    + e.getEndpointUri());
        }
        assertTrue(endpoints.stream().anyMatch(e -> e.getEndpointUri().contains("printer-status")),
                "the printer status producer is among them: " + endpoints);
    }
}
