package io.linehub.scan;

import java.time.Instant;

/**
 * A scan as it arrived, before any interpretation: who sent it, over what, when, and its text.
 *
 * @param deviceKnown false when the device is not in devices.yaml (learning mode or UNKNOWN_DEVICE)
 * @param data        the barcode text (UTF-8), or null when the payload could not be read
 * @param payloadError why the payload could not be read (malformed JSON, not text, oversized frame)
 * @param deviceTime  the scanner's own timestamp when it sent one ({@code "ts"}), else null
 * @param epc         the EPC pure-identity URI when the scan is an RFID observation, else null
 * @param delivery    how the transport delivered it, when it can say (MQTT), else null
 */
public record Scan(String device, String line, String station, boolean deviceKnown, String transport,
                   String source, String data, String payloadError, Instant receivedAt, Instant deviceTime,
                   String epc, Delivery delivery) {

    public Instant occurredAt() {
        return deviceTime != null ? deviceTime : receivedAt;
    }
}
