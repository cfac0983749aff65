package io.linehub.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMqttBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOPIC = "linehub/line-1/scanner/scanner-1/scan";

    private EmbeddedMqttBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void acceptsMqtt5PublishAndSubscribeOnAFreePort() {
        broker = new EmbeddedMqttBroker(0);
        broker.start();
        assertTrue(broker.port() > 0 && broker.port() != 1883, "broker picked a free port other than 1883: " + broker.port());
        assertEquals("tcp://127.0.0.1:" + broker.port(), broker.url(), "url names loopback and the port");

        try (MqttProbe subscriber = new MqttProbe(broker.url(), "sub").connect().subscribe("linehub/+/scanner/+/scan", 1);
             MqttProbe publisher = new MqttProbe(broker.url(), "pub").connect()) {
            publisher.publish(TOPIC, "]d20109501101530003".getBytes(StandardCharsets.UTF_8), 1);

            await().atMost(WAIT).until(subscriber::count, n -> n == 1);
            MqttProbe.Received message = subscriber.messages().get(0);
            assertEquals(TOPIC, message.topic(), "message arrives on the topic it was published to");
            assertEquals("]d20109501101530003", message.text(), "payload arrives unchanged");
        }
    }

    @Test
    void persistentSessionReceivesQos1MessagesQueuedWhileDisconnected() {
        broker = new EmbeddedMqttBroker(0);
        broker.start();
        try (MqttProbe hub = new MqttProbe(broker.url(), "hub", false, 3600).connect().subscribe(TOPIC, 1);
             MqttProbe scanner = new MqttProbe(broker.url(), "scanner").connect()) {
            hub.disconnect();
            for (int i = 0; i < 5; i++) {
                scanner.publish(TOPIC, ("scan-" + i).getBytes(StandardCharsets.UTF_8), 1);
            }
            assertEquals(0, hub.count(), "nothing arrives while the hub is away");

            hub.connect();

            await().atMost(WAIT).until(hub::count, n -> n == 5);
            assertEquals(List.of("scan-0", "scan-1", "scan-2", "scan-3", "scan-4"), hub.texts(),
                    "queued messages arrive in order after reconnecting with cleanStart=false");
        }
    }

    @Test
    void persistentBrokerKeepsAPersistentSessionsQueuedMessagesAcrossARestart(@TempDir Path dataDir) {
        broker = new EmbeddedMqttBroker(FreePort.find(), true, dataDir);
        broker.start();
        try (MqttProbe hub = new MqttProbe(broker.url(), "hub", false, 3600).connect().subscribe(TOPIC, 1)) {
            hub.disconnect();
            try (MqttProbe scanner = new MqttProbe(broker.url(), "scanner").connect()) {
                scanner.publish(TOPIC, "before-restart-1".getBytes(StandardCharsets.UTF_8), 1);
                scanner.publish(TOPIC, "before-restart-2".getBytes(StandardCharsets.UTF_8), 1);
            }

            broker.stop();
            broker.start();
            hub.connect();

            await().atMost(WAIT).until(hub::count, n -> n == 2);
            assertEquals(List.of("before-restart-1", "before-restart-2"), hub.texts(),
                    "messages queued before the restart are delivered after it");
            try (MqttProbe scanner = new MqttProbe(broker.url(), "scanner").connect()) {
                scanner.publish(TOPIC, "after-restart".getBytes(StandardCharsets.UTF_8), 1);
            }
            await().atMost(WAIT).until(hub::count, n -> n == 3);
            assertEquals("after-restart", hub.texts().get(2), "the restored subscription keeps receiving new messages");
        }
    }

    @Test
    void startingOnATakenPortFailsWithAClearException() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            broker = new EmbeddedMqttBroker(taken.getLocalPort());

            PortInUseException failure = assertThrows(PortInUseException.class, broker::start,
                    "starting on a port that is in use fails");
            assertEquals(taken.getLocalPort(), failure.port(), "the exception names the port");
            assertTrue(failure.getMessage().contains("already in use"), "the message says why: " + failure.getMessage());
            assertTrue(!broker.isRunning(), "the broker is not left half-started");
        }
    }

    @Test
    void canBeStoppedAndStartedAgainOnTheSamePort() {
        broker = new EmbeddedMqttBroker(0);
        broker.start();
        broker.stop();
        broker.start();
        try (MqttProbe probe = new MqttProbe(broker.url(), "again").connect()) {
            assertTrue(probe.isConnected(), "a restarted broker accepts connections on the same port");
        }
    }
}
