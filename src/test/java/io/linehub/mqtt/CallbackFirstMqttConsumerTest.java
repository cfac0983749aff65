package io.linehub.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.EmbeddedMqttBroker;
import io.linehub.sim.FreePort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up race of Camel's paho-mqtt5 consumer (connect before callback): a resumed persistent
 * session gets its queued messages straight after CONNACK. Each cycle here queues messages while the
 * route is stopped and starts it again; every message must arrive, and a message whose processing
 * failed must come back (manual acks), across many cycles.
 */
class CallbackFirstMqttConsumerTest {

    private static final int CYCLES = 8;
    private static final int QUEUED_PER_CYCLE = 200;

    private EmbeddedMqttBroker broker;
    private CamelContext camel;
    private MqttClient publisher;
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresToInject = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        broker = new EmbeddedMqttBroker(FreePort.find());
        broker.start();
        camel = new DefaultCamelContext();
        camel.addComponent("paho-mqtt5", new CallbackFirstMqttComponent(java.time.Duration.ofSeconds(60)));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("paho-mqtt5:race/in?brokerUrl=" + broker.url() + "&clientId=race-consumer&qos=1"
                        + "&cleanStart=false&sessionExpiryInterval=600&manualAcksEnabled=true")
                        .routeId("race").autoStartup(true)
                        .process(e -> {
                            String body = e.getMessage().getBody(String.class);
                            if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new IllegalStateException("injected failure for " + body);
                            }
                            received.add(body);
                        });
            }
        });
        camel.start();
        publisher = new MqttClient(broker.url(), "race-publisher", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        publisher.connect(options);
    }

    @AfterEach
    void stop() throws Exception {
        publisher.disconnect();
        camel.stop();
        broker.stop();
    }

    private void publish(String body) throws Exception {
        MqttMessage m = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        publisher.publish("race/in", m);
    }

    @Test
    void should_deliver_every_message_queued_while_stopped_across_restarts() throws Exception {
        publish("warm-up");
        await("the consumer's session exists").atMost(Duration.ofSeconds(10)).until(() -> received.contains("warm-up"));
        int expected = 1;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            camel.getRouteController().stopRoute("race");
            for (int i = 0; i < QUEUED_PER_CYCLE; i++) {
                publish("c" + cycle + "-m" + i);
            }
            camel.getRouteController().startRoute("race");
            expected += QUEUED_PER_CYCLE;
            int target = expected;
            await("cycle " + cycle + ": all queued messages processed").atMost(Duration.ofSeconds(20))
                    .until(() -> received.size() >= target);
        }
        assertEquals(expected, received.size(), "every message exactly once in the set of bodies");
    }

    @Test
    void should_redeliver_a_message_whose_processing_failed_after_a_restart() throws Exception {
        publish("warm-up");
        await("the consumer's session exists").atMost(Duration.ofSeconds(10)).until(() -> received.contains("warm-up"));
        failuresToInject.set(1);
        publish("fails-once");
        await("the failure was injected").atMost(Duration.ofSeconds(10)).until(() -> failuresToInject.get() == 0);
        assertTrue(!received.contains("fails-once"), "the failed message was not processed");
        camel.getRouteController().stopRoute("race");
        camel.getRouteController().startRoute("race");
        await("the unacknowledged message comes back on session resume").atMost(Duration.ofSeconds(15))
                .until(() -> received.contains("fails-once"));
    }
}
