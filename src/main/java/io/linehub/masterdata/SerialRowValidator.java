package io.linehub.masterdata;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks one raw row against the master-data contract and turns it into a {@link SerialRow}. */
final class SerialRowValidator {

    /** GS1 AI encodable character set 82, the only characters allowed in serial and lot. */
    private static final Pattern CSET_82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_SERIAL = 20;
    private static final int MAX_LOT = 20;
    private static final int MAX_TEXT = 200;
    private static final int MAX_ECHO = 40;
    private static final String STATUSES = Arrays.stream(SerialStatus.values())
            .map(SerialStatus::wire).collect(Collectors.joining(", "));

    /** Reports every problem of the row at once, so a sender fixes a row in one round trip. */
    SerialRow validate(RawSerialRow raw) throws RejectedInputException {
        if (raw.problem() != null) {
            throw new RejectedInputException(raw.problem());
        }
        List<String> problems = new ArrayList<>();
        String gtin = gtin(raw.field(SerialRowSource.GTIN), problems);
        String serial = cset82(SerialRowSource.SERIAL, raw.field(SerialRowSource.SERIAL), MAX_SERIAL, true, problems);
        String lot = cset82(SerialRowSource.LOT, raw.field(SerialRowSource.LOT), MAX_LOT, false, problems);
        LocalDate expiry = expiry(raw.field(SerialRowSource.EXPIRY), problems);
        SerialStatus status = status(raw.field(SerialRowSource.STATUS), problems);
        String product = text(SerialRowSource.PRODUCT, raw.field(SerialRowSource.PRODUCT), problems);
        String reason = text(SerialRowSource.REASON, raw.field(SerialRowSource.REASON), problems);
        if (!problems.isEmpty()) {
            throw new RejectedInputException(String.join("; ", problems));
        }
        return new SerialRow(gtin, serial, lot, expiry, status, product, reason);
    }

    private static String gtin(String value, List<String> problems) {
        if (value == null) {
            problems.add("gtin is required");
            return null;
        }
        String gtin = Gtin.normalize(value).orElse(null);
        if (gtin == null) {
            problems.add("gtin " + echo(value) + " must be 8, 12, 13 or 14 digits");
        } else if (!Gtin.hasValidCheckDigit(gtin)) {
            problems.add("gtin " + echo(value) + " has a wrong check digit");
        }
        return gtin;
    }

    private static String cset82(String name, String value, int max, boolean required, List<String> problems) {
        if (value == null) {
            if (required) {
                problems.add(name + " is required");
            }
            return null;
        }
        if (value.length() > max) {
            problems.add(name + " " + echo(value) + " is longer than " + max + " characters");
        } else if (!CSET_82.matcher(value).matches()) {
            problems.add(name + " " + echo(value) + " has characters outside GS1 CSET 82");
        }
        return value;
    }

    private static LocalDate expiry(String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            if (ISO_DATE.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the same message as a wrong format: the sender needs a real YYYY-MM-DD date
        }
        problems.add("expiry " + echo(value) + " is not a YYYY-MM-DD date");
        return null;
    }

    private static SerialStatus status(String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        SerialStatus status = SerialStatus.parse(value).orElse(null);
        if (status == null) {
            problems.add("status " + echo(value) + " is not one of " + STATUSES);
        }
        return status;
    }

    private static String text(String name, String value, List<String> problems) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(name + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    /** Quotes the offending value, shortened so that one huge cell cannot bloat the report. */
    private static String echo(String value) {
        String shown = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "…" : value;
        return "'" + shown + "'";
    }
}
