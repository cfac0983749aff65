package io.linehub.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.linehub.TimeBound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Property tests for {@link Gs1Parser} on hostile scanner input: whatever arrives, the parser answers in bounded time
 * with valid data or a named error, and valid codes survive every representation unchanged.
 */
class Gs1ParserProperties {

    /** Generous for one scan (the real cost is well under a millisecond); long enough never to flake on a busy CI core. */
    private static final Duration BOUND = Duration.ofSeconds(2);
    /** Prefix of the parser's last-resort catch: an answer, but it means an exception escaped the real parsing code. */
    private static final String UNREADABLE = "unreadable scan";
    /** Messages are logged and shown to operators; a scan of 100k characters must not be echoed into them. */
    private static final int MAX_MESSAGE = 1_000;
    private static final char GS = '\u001d';
    private static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    /** The year the two-digit years of the round trip resolve against; fixed so the century window cannot drift. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Set<String> KINDS = errorKinds();

    private final Gs1Parser parser = new Gs1Parser(CLOCK);

    @Property(tries = 10_000)
    void any_unicode_string_gets_a_clean_answer(@ForAll("anyUnicode") String scan) {
        assertCleanAnswer(scan);
    }

    @Property(tries = 10_000)
    void scanner_shaped_noise_gets_a_clean_answer(@ForAll("scannerNoise") String scan) {
        assertCleanAnswer(scan);
    }

    @Property(tries = 10_000)
    void digital_link_uris_with_random_paths_get_a_clean_answer(@ForAll("digitalLinks") String scan) {
        assertCleanAnswer(scan);
    }

    @Property(tries = 10_000)
    void bracketed_hri_gets_a_clean_answer(@ForAll("bracketedHri") String scan) {
        assertCleanAnswer(scan);
    }

    @Property(tries = 10_000)
    void mutated_valid_codes_get_a_clean_answer(@ForAll("mutatedValidCodes") String scan) {
        ParseResult result = assertCleanAnswer(scan);
        // shows that mutations reach the validators and pairing rules rather than failing at the first character
        Statistics.label("outcome").collect(result instanceof Gs1Error e ? e.kind() : "ok");
    }

    @Property(tries = 10_000)
    void valid_element_strings_round_trip(@ForAll("validCodes") ValidCode code, @ForAll("representations") Form form) {
        String scan = form.render(code);
        ParseResult result = TimeBound.within(BOUND, () -> parser.parse(scan), () -> "parse of " + printable(scan));
        Gs1Data data = assertInstanceOf(Gs1Data.class, result, () -> form + " of " + code + " should parse: " + result);
        assertEquals(4, data.ais().size(), () -> "four elements in " + data.hri());
        assertEquals(code.gtin(), data.gtin(), "(01) GTIN");
        assertEquals(code.expiry(), data.value("17").orElse(null), "(17) expiry");
        assertEquals(code.expiryDate(), data.expiry(CLOCK), "(17) as a date: century window of 2026, DD=00 month end");
        assertEquals(code.lot(), data.lot(), "(10) lot");
        assertEquals(code.serial(), data.serial(), "(21) serial");
        // whatever form came in, the canonical forms parse back to the same elements
        assertEquals(data.ais(), assertInstanceOf(Gs1Data.class, parser.parse("]d2" + data.elementString())).ais(),
                "element string re-parses");
        assertEquals(data.ais(), assertInstanceOf(Gs1Data.class, parser.parse(escapeHri(data))).ais(), "HRI re-parses");
        if (!form.isDigitalLink()) {
            assertEquals(code.elementString(), data.elementString(), "canonical element string");
        }
    }

    @Example
    void inputs_of_100k_characters_are_answered_within_the_bound() {
        String gtin = "0109501101530003";
        for (String scan : List.of("]d2" + "9".repeat(100_000), "]d2" + gtin + "10" + "(".repeat(100_000),
                "(01)09501101530003" + "\\(".repeat(50_000), "https://id.gs1.org/" + "01/".repeat(33_000),
                "https://id.gs1.org/01/09501101530003?" + "17=".repeat(33_000), GS + "1".repeat(99_999),
                (gtin + "17270531" + "10ABC" + GS).repeat(4_000), "]Q3" + "\ud83d\ude00".repeat(50_000))) {
            assertCleanAnswer(scan);
        }
    }

    /** The answer every scan must get: in time, no escaped exception, data or a known error kind with a message. */
    private ParseResult assertCleanAnswer(String scan) {
        ParseResult result = TimeBound.within(BOUND, () -> parser.parse(scan), () -> "parse of " + printable(scan));
        // messages are suppliers: building them eagerly (escaping the scan) would cost more than the parse itself
        assertNotNull(result, () -> "a result for " + printable(scan));
        if (result instanceof Gs1Error error) {
            assertTrue(KINDS.contains(error.kind()), () -> "known error kind '" + error.kind() + "' for " + printable(scan));
            assertFalse(error.message().isBlank(), () -> "error message for " + printable(scan));
            assertFalse(error.message().startsWith(UNREADABLE), () -> "an exception escaped the parser: "
                    + error.message() + " for " + printable(scan));
            assertTrue(error.message().length() <= MAX_MESSAGE, () -> "message of " + error.message().length() + " chars");
        } else {
            Gs1Data data = (Gs1Data) result;
            assertFalse(data.ais().isEmpty(), () -> "data without elements for " + printable(scan));
            data.ais().forEach(e -> assertFalse(e.ai().isEmpty() || e.value().isEmpty(), () -> "empty AI or value " + e));
            assertNotNull(data.hri(), "HRI");
            assertNotNull(data.elementString(), "element string");
        }
        return result;
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> anyUnicode() {
        // all() includes controls, unpaired surrogates and private use; short and long strings both matter
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> scannerNoise() {
        Arbitrary<String> prefix = Arbitraries.of("", "]d2", "]C1", "]Q3", "]e0", "]d1", "]Q1", "]E0", "]E4", "]", "]d",
                "]X9", String.valueOf(GS), "(", "(01)", "01", "00", "8006", "https://id.gs1.org/", "HTTP://X/01/");
        Arbitrary<String> suffix = Arbitraries.of("", "", "\r", "\n", "\r\n", "\n\r", String.valueOf(GS));
        return Combinators.combine(prefix, noise(120), suffix).as((p, body, s) -> p + body + s);
    }

    @Provide
    Arbitrary<String> digitalLinks() {
        Arbitrary<String> scheme = Arbitraries.of("https://", "http://", "HTTPS://", "HtTp://", "https:///", "https://");
        Arbitrary<String> host = Arbitraries.of("id.gs1.org", "example.com", "x", "", "a.b:8080", "[::1]", "h%20st");
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("01", "10", "21", "17", "00", "414", "254", "8003", "8004", "22", "235",
                        "8006", "253", "255", "7040", "99", "3103", "linkType")),
                Tuple.of(3, Arbitraries.of("09501101530003", "9501101530003", "0950110153000", "ABC123", "%2F", "%",
                        "%E2%82%AC", "%00", "%1D", "", ".", "..", "A+B", "270531")),
                Tuple.of(3, uriText(20)));
        Arbitrary<String> path = segment.list().ofMaxSize(10).map(s -> String.join("/", s));
        Arbitrary<String> parameter = Combinators.combine(
                Arbitraries.of("17", "10", "21", "01", "3103", "99", "linkType", "", "8006", "7003"),
                Arbitraries.of("=", "=", "", "=="), uriText(16)).as((k, eq, v) -> k + eq + v);
        Arbitrary<String> query = parameter.list().ofMaxSize(6).map(p -> p.isEmpty() ? "" : "?" + String.join("&", p));
        Arbitrary<String> fragment = Arbitraries.of("", "", "#", "#top", "#01/1");
        return Combinators.combine(scheme, host, path, query, fragment)
                .as((s, h, p, q, f) -> s + h + "/" + p + q + f);
    }

    @Provide
    Arbitrary<String> bracketedHri() {
        Arbitrary<String> ai = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("01", "10", "17", "21", "00", "11", "15", "3103", "8006", "8003", "4309",
                        "7003", "8020", "415", "253", "90", "99", "235", "422", "8007")),
                Tuple.of(2, Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(6)),
                Tuple.of(1, Arbitraries.strings().ascii().ofMaxLength(4)));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMaxLength(20),
                Arbitraries.strings().withChars(CSET82 + "\\(").ofMaxLength(24), noise(24));
        Arbitrary<String> element = Combinators.combine(ai, Arbitraries.of(")", ")", ")", "", "))"), value)
                .as((a, close, v) -> "(" + a + close + v);
        return element.list().ofMinSize(1).ofMaxSize(8).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> mutatedValidCodes() {
        Arbitrary<String> seed = Arbitraries.oneOf(Arbitraries.of(vectorInputs()),
                Combinators.combine(validCodes(), representations()).as((code, form) -> form.render(code)));
        // one try in 50 repeats the mutant 1000 times: inputs of tens of thousands of characters, which must stay
        // linear, but which would dominate the run time if every try made them
        Arbitrary<Boolean> repeat = Arbitraries.integers().between(1, 50).map(dice -> dice == 1);
        return Combinators.combine(seed, mutation().list().ofMinSize(1).ofMaxSize(5), repeat)
                .as((text, edits, thousandTimes) -> thousandTimes ? mutate(text, edits).repeat(1000) : mutate(text, edits));
    }

    @Provide
    Arbitrary<ValidCode> validCodes() {
        Arbitrary<String> gtin = Arbitraries.strings().numeric().ofLength(13).map(CheckDigit::append);
        // 1977-2076 is exactly the GenSpecs century window of 2026, the year of CLOCK
        Arbitrary<String> expiry = Arbitraries.longs()
                .between(LocalDate.of(1977, 1, 1).toEpochDay(), LocalDate.of(2076, 12, 31).toEpochDay())
                .map(day -> LocalDate.ofEpochDay(day).format(YYMMDD));
        // DD=00 ("end of month") is valid for (17) and has its own code path
        Arbitrary<String> expiryOrMonthEnd = Combinators.combine(expiry, Arbitraries.integers().between(0, 9))
                .as((date, dice) -> dice == 0 ? date.substring(0, 4) + "00" : date);
        Arbitrary<String> cset82 = Arbitraries.strings().withChars(CSET82).ofMinLength(1).ofMaxLength(20);
        return Combinators.combine(gtin, expiryOrMonthEnd, cset82, cset82).as(ValidCode::new);
    }

    @Provide
    Arbitrary<Form> representations() {
        return Arbitraries.of(Form.class);
    }

    /** Mostly characters that drive the parser deep (digits, separators, URI and HRI syntax), plus anything at all. */
    private static Arbitrary<String> noise(int maxLength) {
        Arbitrary<Character> c = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.chars().numeric()),
                Tuple.of(2, Arbitraries.of(GS, '(', ')', '\\', '/', '?', '=', '&', '%', '+', '#', ']', '\r', '\n', '\u00e8')),
                Tuple.of(2, Arbitraries.chars().with(CSET82.toCharArray())),
                Tuple.of(1, Arbitraries.chars().all()));
        return c.list().ofMaxSize(maxLength).map(Gs1ParserProperties::join);
    }

    private static Arbitrary<String> uriText(int maxLength) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withChars("0123456789ABCabc-._~%+=&?/#").ofMaxLength(maxLength)),
                Tuple.of(2, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(maxLength)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(maxLength)));
    }

    private static String join(List<Character> chars) {
        StringBuilder out = new StringBuilder(chars.size());
        chars.forEach(out::append);
        return out.toString();
    }

    // ---------------------------------------------------------------- valid codes and their representations

    /** A valid (01)(17)(10)(21) code; every value is in its character set and (17) is a date of the window. */
    record ValidCode(String gtin, String expiry, String lot, String serial) {

        /** The date (17) stands for, worked out here: YY 77-99 is 19YY and 00-76 is 20YY in 2026; DD=00 is the month's end. */
        LocalDate expiryDate() {
            int yy = Integer.parseInt(expiry.substring(0, 2));
            LocalDate first = LocalDate.of(yy >= 77 ? 1900 + yy : 2000 + yy, Integer.parseInt(expiry.substring(2, 4)), 1);
            int day = Integer.parseInt(expiry.substring(4));
            return day == 0 ? first.withDayOfMonth(first.lengthOfMonth()) : first.withDayOfMonth(day);
        }

        /** GenSpecs canonical form: (01) and (17) are of predefined length, so only (10) needs a GS. */
        String elementString() {
            return "01" + gtin + "17" + expiry + "10" + lot + GS + "21" + serial;
        }
    }

    /** The ways a scanner or a person hands the same code to the hub. */
    enum Form {
        DATAMATRIX("]d2"), GS1_128("]C1"), QR("]Q3"), DATABAR("]e0"), LEADING_GS(String.valueOf(GS)), NO_IDENTIFIER(""),
        WITH_CRLF_SUFFIX("]d2"), HRI(null), DIGITAL_LINK(null), DIGITAL_LINK_IN_PLAIN_QR(null);

        private final String prefix;

        Form(String prefix) {
            this.prefix = prefix;
        }

        String render(ValidCode code) {
            return switch (this) {
                case HRI -> "(01)" + code.gtin() + "(17)" + code.expiry() + "(10)" + hriEscape(code.lot()) + "(21)"
                        + hriEscape(code.serial());
                case DIGITAL_LINK -> digitalLink(code);
                case DIGITAL_LINK_IN_PLAIN_QR -> "]Q1" + digitalLink(code);
                case WITH_CRLF_SUFFIX -> prefix + code.elementString() + "\r\n";
                default -> prefix + code.elementString();
            };
        }

        /** A Digital Link lists path AIs before query AIs, so its element order differs from the canonical one. */
        boolean isDigitalLink() {
            return this == DIGITAL_LINK || this == DIGITAL_LINK_IN_PLAIN_QR;
        }

        private static String digitalLink(ValidCode code) {
            return "https://id.gs1.org/01/" + code.gtin() + "/10/" + percentEncode(code.lot()) + "/21/"
                    + percentEncode(code.serial()) + "?17=" + code.expiry();
        }
    }

    /** In bracketed HRI a '(' inside a value is written "\(" (GS1 Syntax Engine convention). */
    static String hriEscape(String value) {
        return value.replace("(", "\\(");
    }

    private static String escapeHri(Gs1Data data) {
        return data.ais().stream().map(e -> "(" + e.ai() + ")" + hriEscape(e.value())).collect(Collectors.joining());
    }

    /** Everything but RFC 3986 unreserved characters percent-encoded, so '/', '?', '+' and '%' in values survive. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- mutations

    enum MutationKind { FLIP, INSERT, DELETE, DUPLICATE, TRUNCATE }

    /** One edit at a relative position; {@code span} is the length of a duplicated run. */
    record Mutation(MutationKind kind, double at, char c, int span) {
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<MutationKind> kind = Arbitraries.frequency(Tuple.of(5, MutationKind.FLIP),
                Tuple.of(4, MutationKind.INSERT), Tuple.of(4, MutationKind.DELETE), Tuple.of(2, MutationKind.DUPLICATE),
                Tuple.of(2, MutationKind.TRUNCATE));
        Arbitrary<Character> c = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.chars().numeric()),
                Tuple.of(3, Arbitraries.of(GS, '(', ')', '\\', '/', '%', '?', '=', '&', ']', '\r', '\n', '\u0000')),
                Tuple.of(2, Arbitraries.chars().with(CSET82.toCharArray())),
                Tuple.of(1, Arbitraries.chars().all()));
        return Combinators.combine(kind, Arbitraries.doubles().between(0, 1), c, Arbitraries.integers().between(1, 20))
                .as(Mutation::new);
    }

    static String mutate(String seed, List<Mutation> mutations) {
        String text = seed;
        for (Mutation m : mutations) {
            int at = (int) Math.min(text.length(), Math.floor(m.at() * (text.length() + 1)));
            text = switch (m.kind()) {
                case FLIP -> text.isEmpty() ? text : replaceAt(text, Math.min(at, text.length() - 1), m.c());
                case INSERT -> text.substring(0, at) + m.c() + text.substring(at);
                case DELETE -> text.isEmpty() ? text : text.substring(0, Math.min(at, text.length() - 1))
                        + text.substring(Math.min(at, text.length() - 1) + 1);
                case DUPLICATE -> {
                    int end = Math.min(text.length(), at + m.span());
                    yield text.substring(0, end) + text.substring(at, end) + text.substring(end);
                }
                case TRUNCATE -> text.substring(0, at);
            };
        }
        return text;
    }

    private static String replaceAt(String text, int index, char c) {
        return text.substring(0, index) + c + text.substring(index + 1);
    }

    /** The inputs of the shared vectors that parse ("expect" = ok), as scanners send them. */
    private static List<String> vectorInputs() {
        Path file = Path.of(System.getProperty("linehub.shared.dir", "../shared"), "vectors", "gs1.tsv");
        try {
            List<String> inputs = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (!line.startsWith("#") && f.length > 3 && f[3].equals("ok")) {
                    inputs.add(Gs1VectorsTest.unescape(f[2]));
                }
            }
            if (inputs.isEmpty()) {
                fail("no ok rows in " + file);
            }
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> errorKinds() {
        return Arrays.stream(Gs1Error.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(Gs1ParserProperties::constant).collect(Collectors.toUnmodifiableSet());
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Failure messages show the scan escaped and cut, because it may be 100k characters of control bytes. */
    static String printable(String scan) {
        return "'" + Printable.excerpt(scan, 0) + "' (" + scan.length() + " chars)";
    }
}
