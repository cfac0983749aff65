package io.linehub.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.EmbeddedMqttBroker;
import io.linehub.sim.FreePort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The hub's own connection (status and watchdog probes) comes back soon after a broker restart. */
class HubStatusPublisherTest {

    @Test
    void should_reconnect_within_its_reconnect_cap_after_the_broker_was_away_10_s() throws Exception {
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(FreePort.find());
        broker.start();
        HubStatusPublisher publisher = new HubStatusPublisher(MqttConnection.plain(broker.url()), "status-test",
                "test/hub/status", 1_000);
        try {
            publisher.start();
            await("connected").atMost(Duration.ofSeconds(10)).until(publisher::connected);
            broker.stop();
            await("the loss noticed").atMost(Duration.ofSeconds(10)).until(() -> !publisher.connected());
            Thread.sleep(10_000);
            broker.start();
            long back = System.nanoTime();
            // Paho's default backoff (1, 2, 4, 8 s ...) would try next only 15 s after the loss, 5 s from now
            await("reconnected within the 1 s cap").atMost(Duration.ofMillis(3_000))
                    .pollInterval(Duration.ofMillis(50)).until(publisher::connected);
            System.out.printf("hub status connection back %d ms after the broker%n",
                    (System.nanoTime() - back) / 1_000_000);
            assertTrue(publisher.publish("test/_watchdog/probe", "probe".getBytes(StandardCharsets.UTF_8)),
                    "probes go out again");
        } finally {
            publisher.stop();
            broker.stop();
        }
    }
}
