package io.linehub.rfid;

import java.time.Instant;
import java.util.Objects;

/**
 * One normalized RFID tag observation: which EPC was seen, on which antenna, how strongly, when and by whom.
 *
 * @param epcHex  EPC as upper-case hex, an even number of digits, 8 to 124 digits long
 * @param antenna antenna port, {@code 0} when the payload did not say (readers number ports from 1)
 * @param rssiDbm peak RSSI in whole dBm, {@code null} when the payload did not carry a usable value
 * @param readAt  when the tag was read, or when the payload was received if it carried no usable time
 * @param reader  reader host name from the payload, {@code null} when absent
 */
public record TagRead(String epcHex, int antenna, Integer rssiDbm, Instant readAt, String reader) {

    public TagRead {
        epcHex = EpcHex.normalize(epcHex);
        if (antenna < 0) {
            throw new IllegalArgumentException("antenna must not be negative: " + antenna);
        }
        Objects.requireNonNull(readAt, "readAt");
        // a blank host name tells a consumer nothing, and null is the one documented "unknown"
        if (reader != null && reader.isBlank()) {
            reader = null;
        }
    }
}
