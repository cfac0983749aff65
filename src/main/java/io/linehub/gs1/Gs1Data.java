package io.linehub.gs1;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Valid GS1 data decoded from one scan: the elements in the order received and the AIM symbology
 * identifier the scanner sent ({@code "]d2"}, {@code "]Q1"}, ...; {@code null} when it sent none).
 */
public record Gs1Data(List<ElementString> ais, String symbology) implements ParseResult {

    public Gs1Data {
        ais = List.copyOf(ais);
    }

    /** The value of the first element with this AI. */
    public Optional<String> value(String ai) {
        for (ElementString element : ais) {
            if (element.ai().equals(ai)) {
                return Optional.of(element.value());
            }
        }
        return Optional.empty();
    }

    /** GTIN (AI 01) as 14 digits, or null. */
    public String gtin() {
        return value("01").orElse(null);
    }

    /** Serial number (AI 21), or null. */
    public String serial() {
        return value("21").orElse(null);
    }

    /** Batch/lot (AI 10), or null. */
    public String lot() {
        return value("10").orElse(null);
    }

    /** SSCC (AI 00), or null. */
    public String sscc() {
        return value("00").orElse(null);
    }

    /** Expiry date (AI 17) with the century resolved against today's year; DD=00 means the month's last day. */
    public LocalDate expiry() {
        return expiry(Clock.systemDefaultZone());
    }

    /** Expiry date (AI 17) with the century resolved against the year of {@code clock}, or null. */
    public LocalDate expiry(Clock clock) {
        return value("17").map(v -> Gs1Dates.yymmd0(v, LocalDate.now(clock).getYear())).orElse(null);
    }

    /** Human-readable interpretation, e.g. {@code (01)09501101530003(10)ABC123}. */
    public String hri() {
        StringBuilder out = new StringBuilder();
        for (ElementString element : ais) {
            out.append('(').append(element.ai()).append(')').append(element.value());
        }
        return out.toString();
    }

    /**
     * Canonical element string as a GS1 symbol carries it after FNC1-in-first: a GS (0x1D) only
     * after an element whose AI is not of predefined length and which is not the last one.
     */
    public String elementString() {
        AiTable table = AiTable.standard();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ais.size(); i++) {
            ElementString element = ais.get(i);
            out.append(element.ai()).append(element.value());
            boolean last = i == ais.size() - 1;
            // An AI missing from the table is treated as variable length: a GS is then always safe.
            boolean predefined = table.find(element.ai()).map(AiDefinition::predefined).orElse(false);
            if (!last && !predefined) {
                out.append(ScannerInput.GS);
            }
        }
        return out.toString();
    }
}
