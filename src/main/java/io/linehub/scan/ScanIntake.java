package io.linehub.scan;

import io.linehub.rules.StationRules;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.Optional;
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
        ScanPayload.Content content = payload.read(exchange.getMessage().getBody(byte[].class));
        return scan(devices.byId(deviceId), deviceId, line, "mqtt", topic, content);
    }

    /** A TCP scanner is identified by its remote address through devices.yaml. */
    public Scan fromTcp(TcpFrame frame, SocketAddress remote) {
        String address = remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress()
                : String.valueOf(remote);
        Optional<Device> device = devices.byAddress(address);
        ScanPayload.Content content = frame.oversized()
                ? new ScanPayload.Content(null, null, "TCP frame of " + frame.length() + " bytes exceeds the maximum")
                : payload.read(frame.data());
        return scan(device, "tcp:" + address, UNASSIGNED_LINE, "tcp", "tcp://" + address, content);
    }

    private Scan scan(Optional<Device> device, String fallbackId, String fallbackLine, String transport,
                      String source, ScanPayload.Content content) {
        String id = device.map(Device::id).orElse(fallbackId);
        String line = device.map(Device::line).filter(l -> !l.isBlank()).orElse(fallbackLine);
        String station = device.map(Device::station).orElse(stations.defaultStation());
        return new Scan(id, line, station, device.isPresent(), transport, source, content.data(),
                content.error(), clock.instant(), content.deviceTime(), null);
    }
}
