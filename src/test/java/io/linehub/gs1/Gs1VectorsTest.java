package io.linehub.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every row of the shared GS1 vectors ({@code shared/vectors/gs1.tsv}, located through the
 * {@code linehub.shared.dir} system property): ok rows must decode to exactly the listed AIs, HRI
 * and canonical element string; error rows must fail with exactly the listed error kind.
 */
class Gs1VectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXPECTED_ROWS = 51;
    private static final Pattern DECODED_DATE = Pattern.compile("\\((1[1-7])\\)=(\\d{4}-\\d{2}-\\d{2})");

    /** One TSV row; fields are split on TAB only, never CSV-unquoted (some inputs contain '"'). */
    private record Vector(String id, String input, String expect, String parsedAisJson, String errorKind, String hri,
            String elementString, String note) {
    }

    @TestFactory
    Stream<DynamicTest> every_shared_vector_parses_as_declared() throws IOException {
        List<Vector> vectors = readVectors();
        assertEquals(EXPECTED_ROWS, vectors.size(), "the shared gs1.tsv should hold " + EXPECTED_ROWS + " vectors");
        Gs1Parser parser = new Gs1Parser();
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v.id() + " " + v.note(), () -> check(parser, v)));
    }

    private static void check(Gs1Parser parser, Vector v) throws IOException {
        ParseResult result = parser.parse(v.input());
        if (v.expect().equals("ok")) {
            Gs1Data data = assertInstanceOf(Gs1Data.class, result, v.id() + " should parse, got " + result);
            List<List<String>> expected = JSON.readValue(v.parsedAisJson(), new TypeReference<>() { });
            List<List<String>> actual = data.ais().stream().map(e -> List.of(e.ai(), e.value())).toList();
            assertEquals(expected, actual, v.id() + " AI list");
            assertEquals(v.hri(), data.hri(), v.id() + " HRI");
            assertEquals(v.elementString(), data.elementString(), v.id() + " canonical element string");
            checkDecodedDates(v, data);
        } else {
            assertEquals("error", v.expect(), v.id() + " expect column is ok or error");
            Gs1Error error = assertInstanceOf(Gs1Error.class, result, v.id() + " should be rejected, got " + result);
            assertEquals(v.errorKind(), error.kind(), v.id() + " error kind (message: " + error.message() + ")");
            assertTrue(!error.message().isBlank(), v.id() + " error message should say what is wrong");
        }
    }

    /** Notes such as "decoded: (17)=2027-05-31" give the date a YYMMDD value stands for (century window, DD=00). */
    private static void checkDecodedDates(Vector v, Gs1Data data) {
        Matcher decoded = DECODED_DATE.matcher(v.note());
        int year = LocalDate.now().getYear();
        while (decoded.find()) {
            String ai = decoded.group(1);
            LocalDate expected = LocalDate.parse(decoded.group(2));
            assertEquals(expected, Gs1Dates.yymmd0(data.value(ai).orElseThrow(), year), v.id() + " decoded date of (" + ai + ")");
            if (ai.equals("17")) {
                assertEquals(expected, data.expiry(), v.id() + " expiry()");
            }
        }
    }

    private static List<Vector> readVectors() throws IOException {
        Path file = Path.of(System.getProperty("linehub.shared.dir", "../shared"), "vectors", "gs1.tsv");
        List<Vector> vectors = new ArrayList<>();
        boolean headerSeen = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                continue;
            }
            String[] f = line.split("\t", -1);
            assertEquals(10, f.length, "columns in row " + f[0]);
            vectors.add(new Vector(f[0], unescape(f[2]), f[3], f[4], f[5], f[6], unescape(f[7]), f[9]));
        }
        return vectors;
    }

    /** The TSV's escapes: \x1d is one GS byte, \r \n \\ as usual; everything else is literal. */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 >= field.length()) {
                out.append(c);
                continue;
            }
            char next = field.charAt(i + 1);
            if (next == 'x' && i + 3 < field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 2, i + 4), 16));
                i += 3;
            } else if (next == 'r' || next == 'n' || next == '\\') {
                out.append(next == 'r' ? '\r' : next == 'n' ? '\n' : '\\');
                i += 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
