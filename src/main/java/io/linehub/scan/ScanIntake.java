package io.linehub.scan;

import io.linehub.mqtt.CallbackFirstMqttEndpoint;
import io.linehub.mqtt.ResendWindow;
import io.linehub.rules.StationRules;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;


/** Turns what a transport delivered (MQTT message, TCP frame) into a {@link Scan} with its device. */
public final class ScanIntake {

    private static final String UNASSIGNED_LINE = "unassigned";

    private final DeviceRegistry devices;
    private final StationRules stations;
    private final ScanPayload payload;
    private final String topicPrefix;
    private final Clock clock;

    public ScanIntake(DeviceRegistry devices, StationRules stations, ScanPayload payload, String topicPrefix,
                      Clock clock) {
        this.devices = devices;
        this.stations = stations;
        this.payload = payload;
        this.topicPrefix = topicPrefix;
        this.clock = clock;
    }

    /** Topic {@code {prefix}/{line}/scanner/{device}/scan}; line and device come from the topic. */
    public Scan fromMqtt(Exchange exchange) {
        String topic = exchange.getMessage().getHeader("CamelMqttTopic", String.class);
        DeviceTopic named = DeviceTopic.parse(topicPrefix, topic);
        String line = named.line() != null ? named.line() : UNASSIGNED_LINE;
        String deviceId = named.device() != null ? named.device() : "unknown";
        byte[] body = exchange.getMessage().getBody(byte[].class);
        ScanPayload.Content content = payload.read(body);
        return scan(devices.byId(deviceId), deviceId, line, "mqtt", topic, content, mqttDelivery(exchange, topic, body));
    }

    /**
     * The delivery's name at the broker, for a resend after a reconnect: session, topic and payload (the
     * packet id is not kept by every broker), and when the record of an earlier delivery must have been made.
     */
    private static Delivery mqttDelivery(Exchange exchange, String topic, byte[] body) {
        if (!(exchange.getFromEndpoint() instanceof CallbackFirstMqttEndpoint endpoint)) {
            return null;
        }
        ResendWindow.Span span = endpoint.resends().current();
        if (span == null) {
            return null;
        }
        byte[] head = (endpoint.getConfiguration().getClientId() + '\n' + topic + '\n').getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[head.length + (body == null ? 0 : body.length)];
        System.arraycopy(head, 0, key, 0, head.length);
        if (body != null) {
            System.arraycopy(body, 0, key, head.length, body.length);
        }
        return new Delivery(UUID.nameUUIDFromBytes(key).toString(), span.from(), span.to());
    }

    /** A TCP scanner is identified by its remote address through devices.yaml. */
    public Scan fromTcp(TcpFrame frame, SocketAddress remote) {
        String address = remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress()
                : String.valueOf(remote);
        Optional<Device> device = devices.byAddress(address);
        ScanPayload.Content content = frame.oversized()
                ? new ScanPayload.Content(null, null, "TCP frame of " + frame.length() + " bytes exceeds the maximum")
                : payload.read(frame.data());
        return scan(device, "tcp:" + address, UNASSIGNED_LINE, "tcp", "tcp://" + address, content, null);
    }

    private Scan scan(Optional<Device> device, String fallbackId, String fallbackLine, String transport,
                      String source, ScanPayload.Content content, Delivery delivery) {
        String id = device.map(Device::id).orElse(fallbackId);
        String line = device.map(Device::line).filter(l -> !l.isBlank()).orElse(fallbackLine);
        String station = device.map(Device::station).orElse(stations.defaultStation());
        return new Scan(id, line, station, device.isPresent(), transport, source, content.data(),
                content.error(), clock.instant(), content.deviceTime(), null, delivery);
    }
}
