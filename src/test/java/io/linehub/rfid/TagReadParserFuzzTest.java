package io.linehub.rfid;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagReadParserFuzzTest {

    static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");
    static final byte[][] SEEDS = {
        TagReadParserShapesTest.ZEBRA.getBytes(StandardCharsets.UTF_8),
        TagReadParserShapesTest.IMPINJ.getBytes(StandardCharsets.UTF_8),
        TagReadParserShapesTest.ITEMSENSE.getBytes(StandardCharsets.UTF_8),
        "[{\"epc\": \"AABBCCDD\", \"antenna\": 1, \"rssi\": -52, \"ts\": 1680551416699}]".getBytes(StandardCharsets.UTF_8),
    };

    static final byte[] MUTATIONS = "{}[]\",:0123456789-+.eE aZ_\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void twentyThousandSeededRandomPayloadsNeverThrow() {
        Random random = new Random(20_000L);
        TagReadParser parser = new TagReadParser(ParserOptions.defaults().withMaxReads(50));
        for (int i = 0; i < 20_000; i++) {
            byte[] payload = i % 2 == 0 ? randomBytes(random) : mutatedSeed(random);
            int run = i;
            ReadBatch batch = assertDoesNotThrow(() -> parser.parse(payload, RECEIVED), "payload #" + run);
            assertNotNull(batch, "payload #" + run + " gives a batch");
            assertTrue(batch.reads().size() + batch.problems().size() + batch.heartbeats() > 0,
                    "payload #" + run + " is accounted for as a read, a problem or a heartbeat");
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(256)];
        random.nextBytes(bytes);
        return bytes;
    }

    // mutating real payloads reaches the shape readers, which pure noise almost never does
    private static byte[] mutatedSeed(Random random) {
        byte[] seed = SEEDS[random.nextInt(SEEDS.length)].clone();
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips; f++) {
            seed[random.nextInt(seed.length)] = MUTATIONS[random.nextInt(MUTATIONS.length)];
        }
        return seed;
    }
}
