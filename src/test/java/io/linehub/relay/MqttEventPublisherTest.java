package io.linehub.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.linehub.mqtt.MqttCallbackAdapter;
import io.linehub.mqtt.MqttConnection;
import io.linehub.sim.EmbeddedMqttBroker;
import io.linehub.sim.FreePort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the embedded broker: a batch goes out whole and in order, a broken connection fails the batch. */
class MqttEventPublisherTest {

    private EmbeddedMqttBroker broker;
    private MqttClient subscriber;
    private MqttEventPublisher publisher;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = new EmbeddedMqttBroker(FreePort.find());
        broker.start();
        subscriber = subscribe();
        publisher = new MqttEventPublisher(MqttConnection.plain(broker.url()), "hub-events", 1000);
    }

    private MqttClient subscribe() throws Exception {
        MqttClient client = new MqttClient(broker.url(), "events-reader", new MemoryPersistence());
        // (Paho 1.2.5's subscribe with a message listener recurses into itself: a callback instead)
        client.setCallback(new MqttCallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        });
        client.connect(new MqttConnectionOptions());
        client.subscribe("lh/+/event/#", 1);
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        publisher.close();
        try {
            if (subscriber.isConnected()) {
                subscriber.disconnect();
            }
            subscriber.close();
        } finally {
            broker.stop();
        }
    }

    @Test
    void should_publish_a_batch_in_order_and_return_once_the_broker_has_all_of_it() throws Exception {
        publisher.publish(batch(0, 2_000));
        publisher.publish(batch(2_000, 500)); // the same connection, the next batch
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 2_500);
        List<String> expected = new ArrayList<>();
        batch(0, 2_500).forEach(m -> expected.add(m.topic() + " " + m.payload()));
        assertEquals(expected, received, "every event, once, in the outbox's order");
    }

    @Test
    void should_fail_the_batch_while_the_broker_is_away_and_deliver_it_when_it_is_back() throws Exception {
        publisher.publish(batch(0, 10));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 10);
        broker.stop();
        assertThrows(Exception.class, () -> publisher.publish(batch(10, 10)), "the relay must keep the batch");
        broker.start();
        subscriber.close(true);
        subscriber = subscribe();
        publisher.publish(batch(10, 10)); // the relay's retry: a new connection
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 20);
        List<String> expected = new ArrayList<>();
        batch(0, 20).forEach(m -> expected.add(m.topic() + " " + m.payload()));
        assertEquals(expected, received, "the first batch, then the retried one");
    }

    private static List<OutboxRelay.TopicMessage> batch(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> new OutboxRelay.TopicMessage(
                "lh/line" + (i % 3) + "/event/scan.accepted", "{\"eventId\":\"e" + i + "\"}")).toList();
    }
}
