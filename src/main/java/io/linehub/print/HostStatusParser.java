package io.linehub.print;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a Zebra {@code ~HS} reply (three {@code <STX>...<ETX><CR><LF>} strings) into a {@link HostStatus}.
 *
 * <p>The reply is split on STX, ETX, CR and LF and then on commas, never read by byte offset: firmware pads and
 * spaces differently, and a reader may hand over bytes left from an earlier exchange. So whitespace around fields
 * and lines, garbage before the reply and a missing third string are tolerated; string 1 is recognised as the
 * first line of 12 fields followed by a line of 11 fields. Anything else is rejected with a reason, never with
 * an exception.
 */
public final class HostStatusParser {

    /** A real reply is about 90 bytes; anything this long is not one, and is not worth scanning. */
    public static final int MAX_REPLY_BYTES = 64 * 1024;

    private static final byte STX = 0x02;
    private static final byte ETX = 0x03;
    private static final int STRING_1_FIELDS = 12;
    private static final int STRING_2_FIELDS = 11;
    private static final int STRINGS_IN_REPLY = 3;
    /** Nine digits always fit an int; the widest ~HS field (labels remaining) has eight. */
    private static final int MAX_DIGITS = 9;
    private static final int QUOTE_LIMIT = 16;

    private HostStatusParser() {
    }

    /** Parses reply bytes as received from the printer; bytes are read as ISO-8859-1, one char per byte. */
    public static HostStatusResult parse(byte[] reply) {
        if (reply == null || reply.length == 0) {
            return HostStatusResult.failed("empty reply");
        }
        if (reply.length > MAX_REPLY_BYTES) {
            return HostStatusResult.failed("reply of " + reply.length + " bytes is longer than " + MAX_REPLY_BYTES);
        }
        return parseText(new String(reply, StandardCharsets.ISO_8859_1));
    }

    /** Parses a reply already decoded to text (STX and ETX as U+0002 and U+0003). */
    public static HostStatusResult parse(String reply) {
        if (reply == null || reply.isEmpty()) {
            return HostStatusResult.failed("empty reply");
        }
        if (reply.length() > MAX_REPLY_BYTES) {
            return HostStatusResult.failed("reply of " + reply.length() + " chars is longer than " + MAX_REPLY_BYTES);
        }
        return parseText(reply);
    }

    /**
     * Whether three STX...ETX strings have arrived, so a reader can stop reading. The CR LF after the third ETX
     * may still be on its way; {@link #parse} does not need it, and a later read skips it as leading garbage.
     */
    public static boolean complete(byte[] soFar) {
        return soFar != null && complete(soFar, soFar.length);
    }

    /** Like {@link #complete(byte[])} for the first {@code length} bytes of a reusable read buffer. */
    public static boolean complete(byte[] buffer, int length) {
        if (buffer == null) {
            return false;
        }
        int end = Math.min(length, buffer.length);
        boolean open = false;
        int strings = 0;
        for (int i = 0; i < end; i++) {
            if (buffer[i] == STX) {
                open = true;
            } else if (buffer[i] == ETX && open) {
                open = false;
                if (++strings == STRINGS_IN_REPLY) {
                    return true;
                }
            }
        }
        return false;
    }

    private static HostStatusResult parseText(String text) {
        List<String[]> lines = lines(text);
        if (lines.isEmpty()) {
            return HostStatusResult.failed("empty reply: no status string between STX/ETX/CR/LF");
        }
        String firstError = null;
        boolean sawString1 = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length != STRING_1_FIELDS) {
                continue;
            }
            sawString1 = true;
            if (i + 1 == lines.size() || lines.get(i + 1).length != STRING_2_FIELDS) {
                continue;
            }
            try {
                return HostStatusResult.ok(toStatus(new Fields(1, lines.get(i)), new Fields(2, lines.get(i + 1))));
            } catch (IllegalArgumentException e) {
                // a later candidate may be the real reply behind look-alike garbage; keep the first reason
                if (firstError == null) {
                    firstError = e.getMessage();
                }
            }
        }
        if (firstError != null) {
            return HostStatusResult.failed(firstError);
        }
        if (sawString1) {
            return HostStatusResult.failed("string 1 (12 fields) is not followed by string 2 (11 fields)");
        }
        return HostStatusResult.failed("no string 1 (12 comma-separated fields) among " + lines.size() + " line(s)");
    }

    private static HostStatus toStatus(Fields one, Fields two) {
        // string 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l   string 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www
        one.number(0, "aaa communication settings");
        boolean paperOut = one.flag(1, "b paper out");
        boolean paused = one.flag(2, "c pause");
        int labelLength = one.number(3, "dddd label length");
        int formats = one.number(4, "eee formats in buffer");
        boolean bufferFull = one.flag(5, "f buffer full");
        boolean diagnostics = one.flag(6, "g communications diagnostics");
        boolean partial = one.flag(7, "h partial format");
        one.number(8, "iii unused");
        boolean corruptRam = one.flag(9, "j corrupt RAM");
        boolean underTemperature = one.flag(10, "k under temperature");
        boolean overTemperature = one.flag(11, "l over temperature");
        two.number(0, "mmm function settings");
        two.number(1, "n unused");
        boolean headOpen = two.flag(2, "o head up");
        boolean ribbonOut = two.flag(3, "p ribbon out");
        boolean thermalTransfer = two.flag(4, "q thermal transfer mode");
        int printMode = two.number(5, "r print mode");
        two.number(6, "s print width mode");
        boolean labelWaiting = two.flag(7, "t label waiting");
        int remaining = two.number(8, "uuuuuuuu labels remaining");
        two.number(9, "v format while printing");
        two.number(10, "www graphic images stored");
        return new HostStatus(paperOut, paused, headOpen, ribbonOut, bufferFull, partial, underTemperature,
                overTemperature, corruptRam, formats, remaining, diagnostics, labelLength, thermalTransfer, printMode,
                labelWaiting);
    }

    /** Splits on STX, ETX, CR and LF, then on commas; blank lines go, whitespace around fields goes. */
    private static List<String[]> lines(String text) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isLineBreak(text.charAt(i))) {
                String line = text.substring(start, i).strip();
                if (!line.isEmpty()) {
                    String[] fields = line.split(",", -1);
                    for (int f = 0; f < fields.length; f++) {
                        fields[f] = fields[f].strip();
                    }
                    lines.add(fields);
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return c == STX || c == ETX || c == '\r' || c == '\n';
    }

    /** Printable, short and escaped, so a garbage field cannot flood a log line. */
    private static String quote(String value) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < value.length() && i < QUOTE_LIMIT; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            }
        }
        return out.append(value.length() > QUOTE_LIMIT ? "...'" : "'").toString();
    }

    /** One status string's fields, read by position within the string, with errors naming the field. */
    private static final class Fields {

        private final int string;
        private final String[] values;

        Fields(int string, String[] values) {
            this.string = string;
            this.values = values;
        }

        boolean flag(int index, String name) {
            String value = values[index];
            if (value.equals("0") || value.equals("1")) {
                return value.equals("1");
            }
            throw new IllegalArgumentException(where(name) + " is not a 0/1 flag: " + quote(value));
        }

        int number(int index, String name) {
            String value = values[index];
            if (value.isEmpty() || value.length() > MAX_DIGITS) {
                throw new IllegalArgumentException(where(name) + " is not a number of 1 to " + MAX_DIGITS
                        + " digits: " + quote(value));
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException(where(name) + " is not a number: " + quote(value));
                }
            }
            return Integer.parseInt(value);
        }

        private String where(String name) {
            return "string " + string + " field " + name;
        }
    }
}
