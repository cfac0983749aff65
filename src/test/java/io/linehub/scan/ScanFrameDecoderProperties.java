package io.linehub.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Logger;

/**
 * Property tests for {@link ScanFrameDecoder} on random TCP byte streams cut at random read boundaries: the pipeline never
 * fails, memory stays at about one maximum frame, and valid frames come out exactly once, in order, however TCP chunks them.
 */
class ScanFrameDecoderProperties {

    private static final byte STX = 0x02;
    private static final byte ETX = 0x03;
    private static final byte LF = 0x0A;
    private static final byte CR = 0x0D;
    /** Bytes the decoder may hold beyond one maximum frame, e.g. a delimiter pair; the decoder today needs none. */
    private static final int SLACK = 2;

    /** Every oversized frame is logged at WARN by contract; 10,000 tries of them would bury the build log. */
    private static final Logger DECODER_LOG = (Logger) LogManager.getLogger(ScanFrameDecoder.class);
    private static Level previousLevel;

    @BeforeContainer
    static void quietDecoderWarnings() {
        previousLevel = DECODER_LOG.getLevel();
        DECODER_LOG.setLevel(Level.ERROR);
    }

    @AfterContainer
    static void restoreDecoderWarnings() {
        DECODER_LOG.setLevel(previousLevel);
    }

    @Property(tries = 10_000)
    void any_bytes_in_any_chunks_give_bounded_frames_whatever_the_chunking(@ForAll("noisyStreams") byte[] stream,
            @ForAll("chunkSizes") List<Integer> chunks, @ForAll @IntRange(min = 1, max = 48) int max) {
        List<TcpFrame> frames = decode(stream, chunks, max);
        for (TcpFrame frame : frames) {
            assertTrue(frame.data().length <= max, () -> "frame longer than " + max + ": " + frame);
            if (frame.oversized()) {
                assertEquals(max, frame.data().length, () -> "a rejected frame keeps exactly its first max bytes: " + frame);
                assertTrue(frame.length() > max, () -> "a rejected frame was longer than max: " + frame);
            } else {
                assertTrue(frame.length() > 0, "no empty frames");
            }
            // STX always starts a frame, so no frame can contain one
            assertFalse(contains(frame.data(), STX), () -> "STX inside " + frame);
        }
        // TCP may cut a stream anywhere: the frames must not depend on where
        assertEquals(decode(stream, List.of(stream.length), max), frames, "same frames as one single read");
        Statistics.label("frames").collect(frames.isEmpty() ? "none" : frames.stream().anyMatch(TcpFrame::oversized)
                ? "some rejected" : "all accepted");
    }

    @Property(tries = 10_000)
    void valid_frames_come_out_exactly_once_in_order(@ForAll("frameStreams") List<Frame> sent,
            @ForAll("chunkSizes") List<Integer> chunks, @ForAll @IntRange(min = 1, max = 32) int max) {
        List<TcpFrame> expected = sent.stream().map(f -> f.expected(max)).toList();

        assertEquals(expected, decode(wire(sent), chunks, max), "each frame once, in order; oversized ones rejected");
        Statistics.label("rejected").collect(expected.stream().anyMatch(TcpFrame::oversized));
    }

    @Property(tries = 10_000)
    void stx_frames_after_any_garbage_are_recovered(@ForAll("noisyStreams") byte[] garbage,
            @ForAll("stxFrames") List<Frame> sent, @ForAll("chunkSizes") List<Integer> chunks,
            @ForAll @IntRange(min = 1, max = 32) int max) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(garbage);
        stream.writeBytes(wire(sent));
        List<TcpFrame> frames = decode(stream.toByteArray(), chunks, max);

        // STX starts a frame whatever state the garbage left behind, so the last frames are exactly the sent ones
        List<TcpFrame> expected = sent.stream().map(f -> f.expected(max)).toList();
        assertTrue(frames.size() >= expected.size(), () -> "at least the " + expected.size() + " sent frames: " + frames);
        assertEquals(expected, frames.subList(frames.size() - expected.size(), frames.size()), "the sent frames, last");
    }

    /**
     * Writes {@code stream} cut into reads of the given sizes (the last read takes the rest), checks after every read that
     * the pipeline is healthy and memory bounded, then closes the connection and returns everything emitted.
     */
    private static List<TcpFrame> decode(byte[] stream, List<Integer> chunks, int max) {
        ScanFrameDecoder decoder = new ScanFrameDecoder(max);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        List<TcpFrame> frames = new ArrayList<>();
        int offset = 0;
        for (int i = 0; offset < stream.length; i++) {
            int size = i < chunks.size() - 1 ? Math.min(chunks.get(i), stream.length - offset) : stream.length - offset;
            // writeInbound rethrows anything that reached the end of the pipeline
            channel.writeInbound(Unpooled.wrappedBuffer(stream, offset, size));
            offset += size;
            int held = decoder.bufferedBytes();
            assertTrue(held <= max + SLACK, () -> "decoder holds " + held + " bytes, max is " + max);
            assertTrue(channel.isActive(), "the connection stays open");
            drain(channel, frames);
        }
        channel.finish();
        drain(channel, frames);
        channel.checkException();
        return frames;
    }

    private static void drain(EmbeddedChannel channel, List<TcpFrame> frames) {
        for (Object item = channel.readInbound(); item != null; item = channel.readInbound()) {
            frames.add(assertInstanceOf(TcpFrame.class, item, "the decoder emits TcpFrames only"));
        }
    }

    private static byte[] wire(List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(f -> out.writeBytes(f.wire()));
        return out.toByteArray();
    }

    private static boolean contains(byte[] data, byte b) {
        for (byte d : data) {
            if (d == b) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- frames and generators

    /** How a scanner ends or wraps a frame; a leading blank line is noise some scanners send between scans. */
    enum Framing {
        CR, LF, CRLF, STX_ETX, STX_ETX_CRLF, BLANK_LINE_THEN_CRLF
    }

    /** One frame as sent: content without delimiters, which a line frame must not break with CR, LF or STX. */
    record Frame(byte[] content, Framing framing) {

        byte[] wire() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (framing) {
                case STX_ETX, STX_ETX_CRLF -> {
                    out.write(STX);
                    out.writeBytes(content);
                    out.write(ETX);
                    if (framing == Framing.STX_ETX_CRLF) {
                        out.writeBytes(new byte[] {ScanFrameDecoderProperties.CR, ScanFrameDecoderProperties.LF});
                    }
                }
                default -> {
                    if (framing == Framing.BLANK_LINE_THEN_CRLF) {
                        out.writeBytes(new byte[] {ScanFrameDecoderProperties.CR, ScanFrameDecoderProperties.LF});
                    }
                    out.writeBytes(content);
                    switch (framing) {
                        case CR -> out.write(ScanFrameDecoderProperties.CR);
                        case LF -> out.write(ScanFrameDecoderProperties.LF);
                        default -> out.writeBytes(new byte[] {ScanFrameDecoderProperties.CR, ScanFrameDecoderProperties.LF});
                    }
                }
            }
            return out.toByteArray();
        }

        /** What the decoder must emit: the frame, or a rejection keeping the first {@code max} bytes and the true length. */
        TcpFrame expected(int max) {
            return content.length <= max ? TcpFrame.of(content) : TcpFrame.oversized(Arrays.copyOf(content, max), content.length);
        }

        @Override
        public String toString() {
            return framing + ":" + TcpFrame.of(content);
        }
    }

    @Provide
    Arbitrary<byte[]> noisyStreams() {
        // delimiters are frequent (4 in 10 bytes) so that short streams still hit every decoder state and transition
        return randomBytes(0, 400, random -> switch (random.nextInt(10)) {
            case 0 -> STX;
            case 1 -> ETX;
            case 2 -> CR;
            case 3 -> LF;
            default -> (byte) random.nextInt(256);
        });
    }

    @Provide
    Arbitrary<List<Frame>> frameStreams() {
        return frame(Arbitraries.of(Framing.class)).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Frame>> stxFrames() {
        return frame(Arbitraries.of(Framing.STX_ETX, Framing.STX_ETX_CRLF)).list().ofMinSize(1).ofMaxSize(4);
    }

    /** Read sizes: mostly small (many boundaries, CRLF split across reads), sometimes a whole frame or more at once. */
    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        Arbitrary<Integer> size = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(1, 4)),
                Tuple.of(3, Arbitraries.integers().between(5, 40)), Tuple.of(1, Arbitraries.integers().between(41, 400)));
        return size.list().ofMinSize(1).ofMaxSize(40).withSizeDistribution(RandomDistribution.biased());
    }

    private static Arbitrary<Frame> frame(Arbitrary<Framing> framing) {
        // up to three times the largest max, so oversized frames are common; most content is scanner-like text
        Arbitrary<byte[]> content = randomBytes(1, 96, random -> switch (random.nextInt(7)) {
            case 0 -> new byte[] {0x1D, ETX, 0x00, (byte) 0xFF}[random.nextInt(4)];
            case 1 -> (byte) random.nextInt(256);
            default -> (byte) (0x20 + random.nextInt(0x5F));
        });
        return Combinators.combine(content, framing).as(ScanFrameDecoderProperties::validFrame);
    }

    /**
     * Byte arrays filled from a seeded {@link java.util.Random}: jqwik builds a list element by element, which made
     * generation cost more than decoding. Shrinking still shortens the array and simplifies the seed.
     */
    private static Arbitrary<byte[]> randomBytes(int minLength, int maxLength, java.util.function.ToIntFunction<java.util.Random> next) {
        return Combinators.combine(Arbitraries.integers().between(minLength, maxLength), Arbitraries.longs())
                .as((length, seed) -> {
                    java.util.Random random = new java.util.Random(seed);
                    byte[] bytes = new byte[length];
                    for (int i = 0; i < length; i++) {
                        bytes[i] = (byte) next.applyAsInt(random);
                    }
                    return bytes;
                });
    }

    /** Replaces the bytes a frame of this framing cannot carry: CR, LF and STX in lines; STX and ETX inside STX/ETX. */
    private static Frame validFrame(byte[] content, Framing framing) {
        boolean wrapped = framing == Framing.STX_ETX || framing == Framing.STX_ETX_CRLF;
        byte[] clean = content.clone();
        for (int i = 0; i < clean.length; i++) {
            byte c = clean[i];
            if (c == STX || (wrapped ? c == ETX : c == CR || c == LF)) {
                clean[i] = '#';
            }
        }
        return new Frame(clean, framing);
    }

}
