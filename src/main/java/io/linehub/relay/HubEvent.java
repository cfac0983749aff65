package io.linehub.relay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** An event as the contract defines it, for the HTTP relay and the MQTT event topics alike. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HubEvent(String eventId, String type, String occurredAt, String line, String device, String station,
                       String gtin, String serial, String lot, String expiry, String sscc, String epc,
                       Map<String, Object> product, String status, String reason, String detail, String barcode) {
}
