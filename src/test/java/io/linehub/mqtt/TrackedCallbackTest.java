package io.linehub.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.linehub.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's broker restart, as the callbacks saw it: a scan recorded just before the broker went
 * away, a reconnect that delivered nothing, the watchdog stopping the route (its refusing callback gets
 * the resend and refuses it), and the route's new client getting the resend again. The resend must be
 * matched against the moments before the broker went away.
 */
class TrackedCallbackTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T02:11:24Z"));
    private final ResendWindow window = new ResendWindow(clock, Duration.ofSeconds(60));
    private final List<String> taken = new ArrayList<>();
    private final MqttCallbackAdapter camel = new MqttCallbackAdapter() {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            taken.add(topic);
        }
    };

    @Test
    void should_not_count_a_message_a_stopping_consumer_refused_as_received() throws Exception {
        var first = CallbackFirstMqttClient.tracked(camel, window);
        window.lost(); // the client is made
        first.connectComplete(false, "tcp://broker");
        clock.advance(Duration.ofMillis(850));
        first.messageArrived("scan", new MqttMessage()); // recorded; its ack is lost with the broker
        Instant recorded = clock.instant();
        first.disconnected(null);
        clock.advance(Duration.ofSeconds(31));
        first.connectComplete(true, "tcp://broker"); // Paho's reconnect: nothing arrives on it
        clock.advance(Duration.ofSeconds(23));
        var refusing = new RefusingCallback();
        window.lost();
        assertSame(refusing, CallbackFirstMqttClient.tracked(refusing, window), "the refusing callback is not tracked");
        refusing.messageArrived("scan", new MqttMessage()); // the resend reaches the stopping consumer: refused
        clock.advance(Duration.ofMillis(400));
        var second = CallbackFirstMqttClient.tracked(camel, window);
        window.lost(); // the route's new client
        second.messageArrived("scan", new MqttMessage()); // the resend again, before connectComplete

        ResendWindow.Span span = window.current();
        assertEquals(2, taken.size());
        assertEquals(recorded.minusSeconds(5), span.from(), "reaches back to the last message the hub took");
        assertEquals(clock.instant(), span.to());
    }
}
