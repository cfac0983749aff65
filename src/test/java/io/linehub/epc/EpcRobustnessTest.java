package io.linehub.epc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random inputs never make the codec throw or hang. */
class EpcRobustnessTest {

    private static final int ROUNDS = 20_000;
    private static final String HEX = "0123456789ABCDEFabcdef";
    private static final String[] SCHEMES = {"sgtin-96", "sgtin-198", "sscc-96", "sgln-96", "grai-96", "giai-96"};
    private static final String[] SCHEMES_HEADERS = {"30", "31", "32", "33", "34", "36", "35", "00"};
    private static final String[] FAMILIES = {"sgtin", "sscc", "sgln", "grai", "giai"};

    @Test
    void random_strings_and_hex_always_yield_a_result() {
        Random random = new Random(20_260_101L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < ROUNDS; i++) {
                String input = randomInput(random, i);
                assertNotNull(EpcDecoder.decode(input), "decode should answer for input #" + i + ": " + input);
                String uri = "urn:epc:id:" + FAMILIES[random.nextInt(FAMILIES.length)] + ":"
                        + randomInput(random, i + 1);
                assertNotNull(EpcEncoder.encode(SCHEMES[random.nextInt(SCHEMES.length)], random.nextInt(10) - 1,
                        uri), "encode should answer for URI #" + i + ": " + uri);
            }
        }, "20,000 random inputs should finish well within a minute");
    }

    @Test
    void a_huge_input_is_answered_quickly() {
        String huge = "30" + "F".repeat(2_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertNotNull(EpcDecoder.decode(huge), "decode of 2 MB of hex");
            assertNotNull(EpcEncoder.encode("sgtin-96", 3, "urn:epc:id:sgtin:0614141.812345." + huge),
                    "encode of a 2 MB serial");
        }, "huge inputs are rejected in linear time");
    }

    /** Mostly hex of plausible lengths with a valid header, so the decoder gets past the first checks. */
    private static String randomInput(Random random, int round) {
        int kind = round % 4;
        int length = kind == 3 ? random.nextInt(200) : random.nextInt(60);
        StringBuilder text = new StringBuilder();
        if (kind == 0) {
            text.append(SCHEMES_HEADERS[random.nextInt(SCHEMES_HEADERS.length)]);
            length = random.nextBoolean() ? 22 : 48 + random.nextInt(3) * 2;
        }
        for (int i = 0; i < length; i++) {
            if (kind <= 1 || (kind == 2 && random.nextInt(10) > 0)) {
                text.append(HEX.charAt(random.nextInt(HEX.length())));
            } else {
                text.append((char) random.nextInt(kind == 3 ? 0x3000 : 128));
            }
        }
        return text.toString();
    }
}
