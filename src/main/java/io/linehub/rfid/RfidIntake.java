package io.linehub.rfid;

import io.linehub.epc.EpcDecoder;
import io.linehub.epc.EpcError;
import io.linehub.epc.EpcResult;
import io.linehub.epc.EpcTag;
import io.linehub.scan.Device;
import io.linehub.ops.ScanActivity;
import io.linehub.scan.DeviceRegistry;
import io.linehub.scan.DeviceTopic;
import io.linehub.rules.StationRules;
import io.linehub.scan.Scan;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a reader's MQTT payload ({prefix}/{line}/rfid/{device}/reads) into observations for the scan
 * pipeline: parse, drop repeats within the dedup window, decode each EPC. An SGTIN becomes a scan of its
 * GTIN and serial (looked up and decided like a barcode); an EPC that does not decode is rejected with
 * its reason. At a packing station an SSCC is the case its units are read with; other schemes (SGLN,
 * GRAI, ...) are not units and are ignored.
 */
public final class RfidIntake {

    private static final Logger LOG = LoggerFactory.getLogger(RfidIntake.class);

    private final TagReadParser parser;
    private final ReadDeduplicator dedup;
    private final ReadDeduplicator packingDedup;
    private final DeviceRegistry devices;
    private final ScanActivity activity;
    private final StationRules stations;
    private final String topicPrefix;
    private final Clock clock;

    /**
     * @param packingDedup for readers at packing stations: its window must not exceed the case read window,
     *                     so that a unit read again with the next case is not taken for a repeat
     */
    public RfidIntake(TagReadParser parser, ReadDeduplicator dedup, ReadDeduplicator packingDedup,
                      DeviceRegistry devices, ScanActivity activity, StationRules stations,
                      String topicPrefix, Clock clock) {
        this.parser = parser;
        this.dedup = dedup;
        this.packingDedup = packingDedup;
        this.devices = devices;
        this.activity = activity;
        this.stations = stations;
        this.topicPrefix = topicPrefix;
        this.clock = clock;
    }

    public List<Scan> fromMqtt(Exchange exchange) {
        String topic = exchange.getMessage().getHeader("CamelMqttTopic", String.class);
        DeviceTopic named = DeviceTopic.parse(topicPrefix, topic);
        String readerId = named.device() != null ? named.device() : "unknown-reader";
        Optional<Device> reader = devices.byId(readerId);
        String line = reader.map(Device::line).orElse(named.line() != null ? named.line() : "unassigned");
        String station = reader.map(Device::station).orElse(stations.defaultStation());
        boolean packing = stations.forStation(station).aggregates();
        activity.readerMessage(readerId, line, reader.isPresent());
        Instant now = clock.instant();
        ReadBatch batch = parser.parse(exchange.getMessage().getBody(byte[].class), now);
        batch.problems().forEach(p -> LOG.warn("reader {}: read {} unusable: {}", readerId, p.index(), p.reason()));
        List<Scan> observations = new ArrayList<>();
        for (TagRead read : batch.reads()) {
            if (!(packing ? packingDedup : dedup).observe(readerId, read)) {
                continue;
            }
            EpcResult decoded = EpcDecoder.decode(read.epcHex());
            if (decoded instanceof EpcError error) {
                observations.add(new Scan(readerId, line, station, reader.isPresent(), "rfid", topic, read.epcHex(),
                        "EPC " + read.epcHex() + ": " + error.kind() + ": " + error.message(), now, read.readAt(), null, null));
            } else if (decoded instanceof EpcTag tag && tag.gtin() != null) {
                String elementString = "01" + tag.gtin() + "21" + tag.serial();
                observations.add(new Scan(readerId, line, station, reader.isPresent(), "rfid", topic, elementString,
                        null, now, read.readAt(), tag.uri(), null));
            } else if (decoded instanceof EpcTag tag && tag.sscc() != null && packing) {
                // a case tag at a packing portal: the case its units are read with
                observations.add(new Scan(readerId, line, station, reader.isPresent(), "rfid", topic,
                        "00" + tag.sscc(), null, now, read.readAt(), tag.uri(), null));
            } else {
                LOG.debug("reader {} at station {}: {} observed, not a unit; ignored", readerId, station,
                        ((EpcTag) decoded).uri());
            }
        }
        return observations;
    }
}
