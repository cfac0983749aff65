package io.linehub.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

public class HostStatusParserTest {

    /**
     * The byte-exact ~HS replies of vectors/zpl.md section 4, copied from its hex; public so the simulator's test
     * checks its replies against the very same bytes.
     */
    public enum Vector {
        READY("ready", false, false, false, false, 0,
                "02 30 33 30 2C 30 2C 30 2C 31 32 32 35 2C 30 30 30 2C 30 2C 30 2C 30 2C 30 30 30 2C 30 2C 30 2C 30 03"
                + " 0D 0A 02 30 30 31 2C 30 2C 30 2C 30 2C 31 2C 32 2C 36 2C 30 2C 30 30 30 30 30 30 30 30 2C 31 2C"
                + " 30 30 30 03 0D 0A 02 31 32 33 34 2C 30 03 0D 0A"),
        PAPER_OUT("paper out", true, false, false, false, 0,
                "02 30 33 30 2C 31 2C 30 2C 31 32 32 35 2C 30 30 30 2C 30 2C 30 2C 30 2C 30 30 30 2C 30 2C 30 2C 30 03"
                + " 0D 0A 02 30 30 31 2C 30 2C 30 2C 30 2C 31 2C 32 2C 36 2C 30 2C 30 30 30 30 30 30 30 30 2C 31 2C"
                + " 30 30 30 03 0D 0A 02 31 32 33 34 2C 30 03 0D 0A"),
        PAUSED("paused", false, true, false, false, 0,
                "02 30 33 30 2C 30 2C 31 2C 31 32 32 35 2C 30 30 30 2C 30 2C 30 2C 30 2C 30 30 30 2C 30 2C 30 2C 30 03"
                + " 0D 0A 02 30 30 31 2C 30 2C 30 2C 30 2C 31 2C 32 2C 36 2C 30 2C 30 30 30 30 30 30 30 30 2C 31 2C"
                + " 30 30 30 03 0D 0A 02 31 32 33 34 2C 30 03 0D 0A"),
        HEAD_OPEN("head open", false, false, true, false, 0,
                "02 30 33 30 2C 30 2C 30 2C 31 32 32 35 2C 30 30 30 2C 30 2C 30 2C 30 2C 30 30 30 2C 30 2C 30 2C 30 03"
                + " 0D 0A 02 30 30 31 2C 30 2C 31 2C 30 2C 31 2C 32 2C 36 2C 30 2C 30 30 30 30 30 30 30 30 2C 31 2C"
                + " 30 30 30 03 0D 0A 02 31 32 33 34 2C 30 03 0D 0A"),
        RIBBON_OUT("ribbon out", false, false, false, true, 0,
                "02 30 33 30 2C 30 2C 30 2C 31 32 32 35 2C 30 30 30 2C 30 2C 30 2C 30 2C 30 30 30 2C 30 2C 30 2C 30 03"
                + " 0D 0A 02 30 30 31 2C 30 2C 30 2C 31 2C 31 2C 32 2C 36 2C 30 2C 30 30 30 30 30 30 30 30 2C 31 2C"
                + " 30 30 30 03 0D 0A 02 31 32 33 34 2C 30 03 0D 0A"),
        THIRD_PARTY_FIXTURE("third-party fixture", true, true, false, true, 100,
                "02 30 33 30 2C 31 2C 31 2C 31 32 32 35 2C 30 30 30 2C 30 2C 30 2C 30 2C 30 30 30 2C 30 2C 30 2C 30 03"
                + " 0D 0A 02 30 30 31 2C 30 2C 30 2C 31 2C 31 2C 32 2C 36 2C 30 2C 30 30 30 30 30 31 30 30 2C 31 2C"
                + " 30 30 30 03 0D 0A 02 31 32 33 34 2C 30 03 0D 0A");

        private final String heading;
        private final boolean paperOut;
        private final boolean paused;
        private final boolean headOpen;
        private final boolean ribbonOut;
        private final int labelsRemaining;
        private final String hex;

        Vector(String heading, boolean paperOut, boolean paused, boolean headOpen, boolean ribbonOut,
                int labelsRemaining, String hex) {
            this.heading = heading;
            this.paperOut = paperOut;
            this.paused = paused;
            this.headOpen = headOpen;
            this.ribbonOut = ribbonOut;
            this.labelsRemaining = labelsRemaining;
            this.hex = hex;
        }

        public byte[] bytes() {
            return HexFormat.ofDelimiter(" ").parseHex(hex);
        }

        public String hex() {
            return hex;
        }
    }

    private static final String READY_TEXT = "\u0002030,0,0,1225,000,0,0,0,000,0,0,0\u0003\r\n"
            + "\u0002001,0,0,0,1,2,6,0,00000000,1,000\u0003\r\n"
            + "\u00021234,0\u0003\r\n";

    @ParameterizedTest
    @EnumSource(Vector.class)
    void parsesEveryDocumentedReplyWithItsFlags(Vector vector) {
        HostStatus status = parseOk(vector.bytes());

        assertEquals(vector.paperOut, status.paperOut(), vector + " paper out");
        assertEquals(vector.paused, status.paused(), vector + " paused");
        assertEquals(vector.headOpen, status.headOpen(), vector + " head open");
        assertEquals(vector.ribbonOut, status.ribbonOut(), vector + " ribbon out");
        assertEquals(vector.labelsRemaining, status.labelsRemaining(), vector + " labels remaining");
        assertEquals(0, status.formatsInBuffer(), vector + " formats in buffer");
        assertEquals(1225, status.labelLengthDots(), vector + " label length");
        assertEquals(2, status.printMode(), vector + " print mode tear-off");
        assertTrue(status.thermalTransfer(), vector + " thermal transfer");
        assertFalse(status.bufferFull() || status.partialFormat() || status.corruptRam() || status.underTemperature()
                || status.overTemperature() || status.commDiagnostics() || status.labelWaiting(),
                vector + " raises no other flag: " + status);
        assertEquals(vector == Vector.READY, status.ready(), vector + " ready()");
    }

    @Test
    void embeddedVectorsAreTheBytesOfTheSharedVectorFile() throws IOException {
        Path file = Path.of(System.getProperty("linehub.shared.dir", "../shared"), "vectors", "zpl.md");
        Map<String, String> documented = new LinkedHashMap<>();
        String heading = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("### ")) {
                heading = line.substring(4).trim();
            } else if (line.startsWith("bytes (hex): `") && heading != null) {
                documented.put(heading, line.substring("bytes (hex): `".length(), line.lastIndexOf('`')));
            }
        }
        assertEquals(Vector.values().length, documented.size(), "documented ~HS replies in " + file);
        for (Vector vector : Vector.values()) {
            String hex = documented.entrySet().stream().filter(e -> e.getKey().startsWith(vector.heading))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            assertEquals(hex, vector.hex, vector + " matches the hex under '### " + vector.heading + "...'");
        }
    }

    @Test
    void reasonListsEveryBlockingConditionOrSaysReady() {
        assertEquals("ready", parseOk(Vector.READY.bytes()).reason(), "reason when ready");
        assertEquals("paper out, paused, ribbon out", parseOk(Vector.THIRD_PARTY_FIXTURE.bytes()).reason(),
                "reason of the combined fixture");
        HostStatus partialOnly = parseOk(READY_TEXT.replace("0,0,0,000,0,0,0", "0,0,1,000,0,0,0"));
        assertTrue(partialOnly.partialFormat(), "partial format flag read");
        assertTrue(partialOnly.ready(), "a pending partial format does not block");
    }

    /** One flag per case: string, field index, the accessor that must be the only one raised, its reason text. */
    static Stream<Arguments> flags() {
        return Stream.of(
                Arguments.of(1, 1, (Predicate<HostStatus>) HostStatus::paperOut, "paper out"),
                Arguments.of(1, 2, (Predicate<HostStatus>) HostStatus::paused, "paused"),
                Arguments.of(1, 5, (Predicate<HostStatus>) HostStatus::bufferFull, "buffer full"),
                Arguments.of(1, 6, (Predicate<HostStatus>) HostStatus::commDiagnostics,
                        "communications diagnostics mode"),
                Arguments.of(1, 7, (Predicate<HostStatus>) HostStatus::partialFormat, "ready"),
                Arguments.of(1, 9, (Predicate<HostStatus>) HostStatus::corruptRam, "corrupt RAM"),
                Arguments.of(1, 10, (Predicate<HostStatus>) HostStatus::underTemperature, "under temperature"),
                Arguments.of(1, 11, (Predicate<HostStatus>) HostStatus::overTemperature, "over temperature"),
                Arguments.of(2, 2, (Predicate<HostStatus>) HostStatus::headOpen, "head open"),
                Arguments.of(2, 3, (Predicate<HostStatus>) HostStatus::ribbonOut, "ribbon out"),
                Arguments.of(2, 7, (Predicate<HostStatus>) HostStatus::labelWaiting, "ready"));
    }

    @ParameterizedTest(name = "string {0} field {1}: {3}")
    @MethodSource("flags")
    void evaluatesEachFlagOnItsOwn(int string, int field, Predicate<HostStatus> flag, String reason) {
        String one = "030,0,0,1225,000,0,0,0,000,0,0,0";
        String two = "001,0,0,0,0,2,6,0,00000000,1,000";
        String reply = string == 1 ? reply(raise(one, field), two) : reply(one, raise(two, field));

        HostStatus status = parseOk(reply);

        assertTrue(flag.test(status), "the raised flag reads as set: " + status);
        assertEquals(1, raisedFlags(status), "no other flag follows it: " + status);
        assertEquals(reason, status.reason(), "reason for string " + string + " field " + field);
    }

    @Test
    void readsAllFlagsRaisedAtOnce() {
        HostStatus status = parseOk(reply("030,1,1,0400,012,1,1,1,000,1,1,1", "001,0,1,1,0,3,6,1,00004711,1,000"));

        assertEquals(11, raisedFlags(status), "every flag raised: " + status);
        assertEquals(12, status.formatsInBuffer(), "formats in buffer");
        assertEquals(4711, status.labelsRemaining(), "labels remaining");
        assertEquals(400, status.labelLengthDots(), "label length");
        assertEquals(3, status.printMode(), "print mode cutter");
        assertFalse(status.thermalTransfer(), "direct thermal");
        assertEquals("paper out, paused, head open, ribbon out, buffer full, corrupt RAM, under temperature, "
                + "over temperature, communications diagnostics mode", status.reason(), "reason lists all, in order");
    }

    @Test
    void toleratesWhitespaceAroundFieldsAndLines() {
        String spaced = "  \r\n\u0002 030, 1 ,0,1225 ,000,0,0,0,000,0,0,0 \u0003\r\n\r\n"
                + "\u0002\t001,0,0,0,1,2,6,0,00000000,1,000\u0003 \r\n \u00021234,0\u0003\r\n  ";

        HostStatus status = parseOk(spaced);

        assertTrue(status.paperOut(), "paper out read through the spaces");
        assertEquals("paper out", status.reason(), "nothing else raised");
    }

    @Test
    void toleratesAMissingThirdString() {
        byte[] bytes = Vector.PAUSED.bytes();
        byte[] twoStrings = Arrays.copyOf(bytes, READY_TEXT.indexOf("\u00021234"));

        HostStatus status = parseOk(twoStrings);

        assertTrue(status.paused(), "paused read from the first two strings");
        assertFalse(HostStatusParser.complete(twoStrings), "two strings are not a complete reply");
    }

    @Test
    void toleratesLeadingGarbageAndTheTailOfAnEarlierReply() {
        byte[] garbage = {0x00, (byte) 0xFF, 0x03, '\r', '\n', 'x', ',', 'y', 0x02, '9', '9', 0x03, '\r', '\n'};
        byte[] tail = "0\u0003\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(parseOk(Vector.HEAD_OPEN.bytes()), parseOk(concat(garbage, Vector.HEAD_OPEN.bytes())),
                "garbage before the reply is skipped");
        assertEquals(parseOk(Vector.HEAD_OPEN.bytes()), parseOk(concat(tail, Vector.HEAD_OPEN.bytes())),
                "the tail of an earlier reply is skipped");
        assertTrue(parseOk(concat(Vector.HEAD_OPEN.bytes(), garbage)).headOpen(), "trailing garbage is ignored");
    }

    @Test
    void takesTheRealReplyBehindALookAlikeOfGarbage() {
        String lookAlike = reply("030,X,0,1225,000,0,0,0,000,0,0,0", "001,0,0,0,1,2,6,0,00000000,1,000");

        HostStatus status = parseOk(lookAlike + new String(Vector.RIBBON_OUT.bytes(), StandardCharsets.ISO_8859_1));

        assertTrue(status.ribbonOut(), "the valid reply after the malformed one is used");
    }

    @Test
    void parsesTextAndBytesAlike() {
        for (Vector vector : Vector.values()) {
            assertEquals(HostStatusParser.parse(vector.bytes()),
                    HostStatusParser.parse(new String(vector.bytes(), StandardCharsets.ISO_8859_1)),
                    vector + " parsed from text and from bytes");
        }
    }

    static Stream<Arguments> malformed() {
        Random random = new Random(7);
        byte[] binary = new byte[256];
        random.nextBytes(binary);
        byte[] tenKilobytes = new byte[10 * 1024];
        random.nextBytes(tenKilobytes);
        byte[] tooLong = new byte[HostStatusParser.MAX_REPLY_BYTES + 1];
        Arrays.fill(tooLong, (byte) '0');
        String two = "001,0,0,0,1,2,6,0,00000000,1,000";
        return Stream.of(
                Arguments.of("empty", new byte[0], "empty"),
                Arguments.of("null", null, "empty"),
                Arguments.of("only CR LF and STX/ETX", bytes("\u0002\u0003\r\n\u0002 \u0003\r\n"), "empty reply"),
                Arguments.of("string 1 alone", bytes(reply("030,0,0,1225,000,0,0,0,000,0,0,0", null)),
                        "not followed by string 2"),
                Arguments.of("string 3 alone", bytes("\u00021234,0\u0003\r\n"), "no string 1"),
                Arguments.of("strings 2 and 1 swapped", bytes(reply(two, "030,0,0,1225,000,0,0,0,000,0,0,0")),
                        "not followed by string 2"),
                Arguments.of("non-numeric flag", bytes(reply("030,X,0,1225,000,0,0,0,000,0,0,0", two)),
                        "string 1 field b paper out is not a 0/1 flag: 'X'"),
                Arguments.of("flag out of range", bytes(reply("030,0,0,1225,000,0,0,0,000,0,0,0",
                        "001,0,2,0,1,2,6,0,00000000,1,000")), "string 2 field o head up is not a 0/1 flag: '2'"),
                Arguments.of("non-numeric counter", bytes(reply("030,0,0,1225,0x1,0,0,0,000,0,0,0", two)),
                        "string 1 field eee formats in buffer is not a number: '0x1'"),
                Arguments.of("negative counter", bytes(reply("030,0,0,1225,-01,0,0,0,000,0,0,0", two)),
                        "string 1 field eee formats in buffer is not a number: '-01'"),
                Arguments.of("empty counter", bytes(reply("030,0,0,,000,0,0,0,000,0,0,0", two)),
                        "string 1 field dddd label length is not a number of 1 to 9 digits: ''"),
                Arguments.of("counter overflowing an int", bytes(reply("030,0,0,1225,000,0,0,0,000,0,0,0",
                        "001,0,0,0,1,2,6,0,99999999999,1,000")), "uuuuuuuu labels remaining is not a number of 1"),
                Arguments.of("a field short", bytes(reply("030,0,0,1225,000,0,0,0,000,0,0", two)), "no string 1"),
                Arguments.of("binary garbage", binary, ""),
                Arguments.of("10 KB of garbage", tenKilobytes, ""),
                Arguments.of("longer than any reply", tooLong, "longer than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedRepliesWithAReasonNotAnException(String name, byte[] reply, String reasonContains) {
        HostStatusResult result = HostStatusParser.parse(reply);

        assertFalse(result.isOk(), name + " is rejected: " + result);
        assertTrue(result.status().isEmpty(), name + " has no status");
        String error = result.error().orElse("");
        assertFalse(error.isBlank(), name + " says why");
        assertTrue(error.contains(reasonContains), name + ": '" + error + "' should contain '" + reasonContains + "'");
        assertTrue(error.length() < 200, name + " keeps the reason short: " + error.length() + " chars");
    }

    @Test
    void neverThrowsOnMutilatedReplies() {
        Random random = new Random(11);
        byte[] original = Vector.THIRD_PARTY_FIXTURE.bytes();
        for (int round = 0; round < 5_000; round++) {
            byte[] mutated = Arrays.copyOf(original, 1 + random.nextInt(original.length));
            for (int flips = random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                HostStatusResult result = HostStatusParser.parse(mutated);
                assertTrue(result.isOk() != result.error().isPresent(), "either a status or an error: " + result);
            } catch (RuntimeException e) {
                fail("round " + round + " threw on " + HexFormat.of().formatHex(mutated), e);
            }
        }
    }

    @Test
    void completeOnlyOnceThreeStringsHaveEnded() {
        byte[] reply = Vector.READY.bytes();
        int thirdEtx = reply.length - 3;

        assertFalse(HostStatusParser.complete(null), "null is not complete");
        assertFalse(HostStatusParser.complete(new byte[0]), "nothing is not complete");
        assertFalse(HostStatusParser.complete(Arrays.copyOf(reply, thirdEtx)), "third ETX missing");
        assertTrue(HostStatusParser.complete(Arrays.copyOf(reply, thirdEtx + 1)), "complete at the third ETX");
        assertTrue(HostStatusParser.complete(reply), "complete with the final CR LF");
        assertFalse(HostStatusParser.complete(reply, thirdEtx), "only the first length bytes count");
        assertTrue(HostStatusParser.complete(Arrays.copyOf(reply, reply.length + 100), reply.length),
                "a larger read buffer with the reply at its start");
    }

    @Test
    void completeIgnoresEtxWithoutAnStx() {
        byte[] strayEtx = {0x03, 0x03, '\r', '\n'};
        byte[] reply = Vector.READY.bytes();
        byte[] twoStrings = Arrays.copyOf(reply, READY_TEXT.indexOf("\u00021234"));

        assertFalse(HostStatusParser.complete(concat(strayEtx, twoStrings)), "stray ETXs do not end strings");
        assertTrue(HostStatusParser.complete(concat(strayEtx, reply)), "the reply after them completes");
    }

    @Test
    void resultIsEitherAStatusOrAnError() {
        HostStatusResult ok = HostStatusParser.parse(Vector.READY.bytes());
        HostStatusResult failed = HostStatusParser.parse("nonsense");

        assertTrue(ok.isOk() && ok.status().isPresent() && ok.error().isEmpty(), "ok result: " + ok);
        assertTrue(!failed.isOk() && failed.status().isEmpty() && failed.error().isPresent(), "failed: " + failed);
    }

    private static HostStatus parseOk(byte[] reply) {
        HostStatusResult result = HostStatusParser.parse(reply);
        assertTrue(result.isOk(), "reply parses: " + result);
        return result.status().orElseThrow();
    }

    private static HostStatus parseOk(String reply) {
        HostStatusResult result = HostStatusParser.parse(reply);
        assertTrue(result.isOk(), "reply parses: " + result);
        return result.status().orElseThrow();
    }

    private static String reply(String one, String two) {
        return "\u0002" + one + "\u0003\r\n" + (two == null ? "" : "\u0002" + two + "\u0003\r\n")
                + "\u00021234,0\u0003\r\n";
    }

    private static String raise(String string, int field) {
        String[] fields = string.split(",");
        fields[field] = "1";
        return String.join(",", fields);
    }

    private static int raisedFlags(HostStatus s) {
        List<Boolean> flags = List.of(s.paperOut(), s.paused(), s.headOpen(), s.ribbonOut(), s.bufferFull(),
                s.partialFormat(), s.underTemperature(), s.overTemperature(), s.corruptRam(), s.commDiagnostics(),
                s.labelWaiting());
        return (int) flags.stream().filter(Boolean::booleanValue).count();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
