package io.linehub.epcis;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The site facts EPCIS needs but hub events do not carry: where the site is, which read point each
 * device stands for, which business step each station performs, and which GS1 company prefixes
 * belong to the brand owner (only those can be written as EPC URIs, since the prefix length is not
 * derivable from a GTIN or SSCC).
 *
 * @param bizLocation     the site's business location, usually an SGLN URI ({@code urn:epc:id:sgln:9520123.45678.0})
 * @param readPoints      device id to read point URI; devices not listed are derived from {@code bizLocation}
 * @param stations        station id to the step its accepted scans report
 * @param companyPrefixes GS1 company prefixes (6-12 digits) whose keys become {@code urn:epc:id:...} URIs
 * @param zone            the zone whose offset event times are written in
 */
public record EpcisProfile(String bizLocation, Map<String, String> readPoints, Map<String, EpcisStep> stations,
                           List<String> companyPrefixes, ZoneId zone) {

    private static final int MIN_PREFIX = 6;
    private static final int MAX_PREFIX = 12;

    public EpcisProfile {
        Objects.requireNonNull(bizLocation, "bizLocation");
        Objects.requireNonNull(zone, "zone");
        readPoints = readPoints == null ? Map.of() : Map.copyOf(readPoints);
        stations = stations == null ? Map.of() : Map.copyOf(stations);
        companyPrefixes = companyPrefixes == null ? List.of() : List.copyOf(companyPrefixes);
        for (String prefix : companyPrefixes) {
            // EPC URIs exist only for the 6-12 digit prefixes the TDS partition tables cover
            if (!prefix.matches("\\d{" + MIN_PREFIX + "," + MAX_PREFIX + "}")) {
                throw new IllegalArgumentException("company prefix " + prefix + " is not 6-12 digits");
            }
        }
    }
}
