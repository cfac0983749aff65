package io.linehub.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link ScanFrameDecoder} on raw scanner byte streams, one TCP read per {@code write} argument. */
class ScanFrameDecoderTest {

    private static final byte STX = 0x02;
    private static final byte ETX = 0x03;
    private static final byte LF = 0x0A;
    private static final byte CR = 0x0D;
    private static final byte GS = 0x1D;
    private static final int MAX = 16;

    private final EmbeddedChannel channel = new EmbeddedChannel(new ScanFrameDecoder(MAX));

    @Test
    void should_split_on_bare_cr() {
        write(raw("ABC", CR, "DEF", CR));

        assertEquals(List.of("ABC", "DEF"), texts(readFrames()), "bare CR ends a frame");
    }

    @Test
    void should_split_on_bare_lf() {
        write(raw("ABC", LF, "DEF", LF));

        assertEquals(List.of("ABC", "DEF"), texts(readFrames()), "bare LF ends a frame");
    }

    @Test
    void should_treat_crlf_as_one_delimiter() {
        write(raw("ABC", CR, LF, "DEF", CR, LF));

        assertEquals(List.of("ABC", "DEF"), texts(readFrames()), "CRLF is one delimiter, no empty frame between CR and LF");
    }

    @Test
    void should_treat_crlf_split_across_two_reads_as_one_delimiter() {
        write(raw("ABC", CR), raw(LF, "DEF", CR), raw(LF));

        assertEquals(List.of("ABC", "DEF"), texts(readFrames()), "LF arriving in the read after CR is swallowed");
    }

    @Test
    void should_emit_frame_on_cr_without_waiting_for_lf() {
        write(raw("ABC", CR));

        assertEquals(List.of("ABC"), texts(readFrames()), "a frame is complete at CR, before any LF could follow");
    }

    @Test
    void should_start_new_frame_when_data_follows_cr_in_next_read() {
        write(raw("ABC", CR), raw("DEF", CR));

        assertEquals(List.of("ABC", "DEF"), texts(readFrames()), "data after CR in the next read starts a new frame intact");
    }

    @Test
    void should_unwrap_stx_etx_frame() {
        write(stxEtx("ABC"), stxEtx("DEF"));

        assertEquals(List.of("ABC", "DEF"), texts(readFrames()), "STX and ETX are stripped, no trailer needed");
    }

    @Test
    void should_swallow_crlf_after_etx() {
        write(raw(stxEtx("ABC"), CR, LF, stxEtx("DEF"), CR, LF));

        assertEquals(List.of("ABC", "DEF"), texts(readFrames()), "CRLF after ETX is noise, not an empty frame");
    }

    @Test
    void should_keep_cr_and_lf_inside_stx_etx_frame() {
        write(raw(STX, "AB", CR, "CD", LF, "EF", CR, LF, ETX));

        List<TcpFrame> frames = readFrames();
        assertEquals(1, frames.size(), "CR/LF inside STX...ETX do not split the frame");
        assertArrayEquals(raw("AB", CR, "CD", LF, "EF", CR, LF), frames.get(0).data(), "embedded CR/LF are kept as data");
    }

    @Test
    void should_decode_mixed_framings_on_one_connection() {
        write(raw("L1", CR, stxEtx("S1"), "L2", CR, LF, stxEtx("S2"), CR, "L3", LF));

        assertEquals(List.of("L1", "S1", "L2", "S2", "L3"), texts(readFrames()), "line and STX/ETX frames interleave freely");
    }

    @Test
    void should_decode_frame_arriving_one_byte_per_read() {
        byte[] stream = raw("ABC", CR, LF, stxEtx("D", CR, "E"), CR, "FGH", LF);
        for (byte b : stream) {
            write(new byte[] {b});
        }

        assertEquals(List.of("ABC", "D\rE", "FGH"), texts(readFrames()), "frames survive being fed one byte per read");
    }

    @Test
    void should_accept_line_frame_of_exactly_max_length() {
        write(raw(repeat('A', MAX), CR));

        TcpFrame frame = single(readFrames());
        assertFalse(frame.oversized(), "a frame of exactly maxLength is accepted");
        assertEquals(repeat('A', MAX), text(frame), "full content is kept");
    }

    @Test
    void should_reject_line_frame_of_max_length_plus_one() {
        write(raw(repeat('A', MAX) + "B", CR));

        TcpFrame frame = single(readFrames());
        assertTrue(frame.oversized(), "maxLength + 1 bytes is oversized");
        assertEquals(MAX + 1, frame.length(), "true length is reported");
        assertEquals(repeat('A', MAX), text(frame), "only the first maxLength bytes are kept");
    }

    @Test
    void should_accept_stx_frame_of_exactly_max_length() {
        write(stxEtx(repeat('A', MAX)));

        TcpFrame frame = single(readFrames());
        assertFalse(frame.oversized(), "STX/ETX content of exactly maxLength is accepted");
        assertEquals(repeat('A', MAX), text(frame), "full content is kept");
    }

    @Test
    void should_reject_stx_frame_of_max_length_plus_one() {
        write(stxEtx(repeat('A', MAX) + "B"));

        TcpFrame frame = single(readFrames());
        assertTrue(frame.oversized(), "STX/ETX content of maxLength + 1 is oversized");
        assertEquals(MAX + 1, frame.length(), "true length excludes STX and ETX");
        assertEquals(repeat('A', MAX), text(frame), "only the first maxLength bytes are kept");
    }

    @Test
    void should_count_oversized_length_across_reads() {
        write(raw(repeat('A', 10)), raw(repeat('B', 10)), raw(repeat('C', 10)), raw(CR));

        TcpFrame frame = single(readFrames());
        assertTrue(frame.oversized(), "30 bytes over several reads are oversized");
        assertEquals(30, frame.length(), "every byte up to the delimiter is counted");
        assertEquals(repeat('A', 10) + repeat('B', 6), text(frame), "head is the first maxLength bytes of the frame");
    }

    @Test
    void should_keep_decoding_and_keep_channel_open_after_oversized_frame() {
        write(raw(repeat('X', MAX * 3), CR, "NEXT", CR));

        List<TcpFrame> frames = readFrames();
        assertEquals(2, frames.size(), "oversized frame and the following frame are both emitted");
        assertTrue(frames.get(0).oversized(), "first frame is rejected");
        assertEquals(TcpFrame.of(raw("NEXT")), frames.get(1), "next frame decodes normally");
        assertTrue(channel.isActive(), "the connection stays open");
    }

    @Test
    void should_survive_10mb_flood_without_delimiter_and_decode_next_frame() {
        int max = 4096;
        EmbeddedChannel flooded = new EmbeddedChannel(new ScanFrameDecoder(max));
        ScanFrameDecoder decoder = flooded.pipeline().get(ScanFrameDecoder.class);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'Z');
        int chunks = 10 * 1024 * 1024 / chunk.length;

        for (int i = 0; i < chunks; i++) {
            flooded.writeInbound(Unpooled.wrappedBuffer(chunk));
            assertTrue(decoder.bufferedBytes() <= max,
                    "decoder holds at most maxLength bytes after read " + i + ", held " + decoder.bufferedBytes());
        }
        assertNull(flooded.readInbound(), "nothing is emitted before the delimiter arrives");
        flooded.writeInbound(Unpooled.wrappedBuffer(raw(CR, "GOOD", CR)));

        TcpFrame rejected = flooded.readInbound();
        TcpFrame good = flooded.readInbound();
        assertTrue(rejected.oversized(), "the flood is reported as one oversized frame");
        assertEquals(chunks * chunk.length, rejected.length(), "the flood's full length is reported");
        assertEquals(max, rejected.data().length, "only maxLength bytes of the flood are kept");
        assertEquals(TcpFrame.of(raw("GOOD")), good, "the frame after the flood decodes");
        assertTrue(flooded.isActive(), "the flooded connection stays open");
        flooded.finishAndReleaseAll();
    }

    @Test
    void should_pass_binary_bytes_through() {
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        for (int b = 0; b <= 0xFF; b++) {
            if (b != CR && b != LF && b != STX && b != ETX) {
                binary.write(b);
            }
        }
        byte[] data = binary.toByteArray();
        EmbeddedChannel wide = new EmbeddedChannel(new ScanFrameDecoder(4096));
        wide.writeInbound(Unpooled.wrappedBuffer(raw(data, CR)));

        TcpFrame frame = wide.readInbound();
        assertArrayEquals(data, frame.data(), "every non-delimiter byte 0x00-0xFF is passed through unchanged");
        assertFalse(frame.oversized(), "252 bytes fit into 4096");
        wide.finishAndReleaseAll();
    }

    @Test
    void should_pass_binary_bytes_through_stx_etx_frame() {
        byte[] data = {0x00, 0x01, 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF};
        write(raw(STX, data, ETX));

        assertArrayEquals(data, single(readFrames()).data(), "binary bytes inside STX/ETX are passed through");
    }

    @Test
    void should_keep_stray_etx_in_line_frame_as_data() {
        write(raw("AB", ETX, "C", CR));

        assertArrayEquals(raw("AB", ETX, "C"), single(readFrames()).data(), "ETX outside STX/ETX is data, not a delimiter");
    }

    @Test
    void should_ignore_empty_lines() {
        write(raw(LF, LF, CR, CR, LF, "ABC", LF, LF, CR, LF, CR));

        assertEquals(List.of("ABC"), texts(readFrames()), "empty lines produce no frame");
    }

    @Test
    void should_ignore_empty_stx_etx_frame() {
        write(raw(STX, ETX, stxEtx("ABC")));

        assertEquals(List.of("ABC"), texts(readFrames()), "STX ETX without content produces no frame");
    }

    @Test
    void should_preserve_gs_inside_data() {
        byte[] gs1 = raw("]d2", "01095011010209171719050810ABCD1234", GS, "2110");
        EmbeddedChannel wide = new EmbeddedChannel(new ScanFrameDecoder(4096));
        wide.writeInbound(Unpooled.wrappedBuffer(raw(gs1, CR)), Unpooled.wrappedBuffer(raw(STX, gs1, ETX)));

        TcpFrame line = wide.readInbound();
        TcpFrame wrapped = wide.readInbound();
        assertArrayEquals(gs1, line.data(), "GS separator survives line framing");
        assertArrayEquals(gs1, wrapped.data(), "GS separator survives STX/ETX framing");
        wide.finishAndReleaseAll();
    }

    @Test
    void should_emit_pending_line_bytes_as_last_frame_on_close() {
        write(raw("ABC", CR, "DEF"));
        channel.finish();

        assertEquals(List.of("ABC", "DEF"), texts(readFrames()), "bytes without suffix become a frame when the scanner closes");
    }

    @Test
    void should_emit_nothing_on_close_after_complete_frame() {
        write(raw("ABC", CR));
        channel.finish();

        assertEquals(List.of("ABC"), texts(readFrames()), "no extra empty frame at close");
    }

    @Test
    void should_emit_oversized_frame_on_close_without_suffix() {
        write(raw(repeat('A', MAX * 2)));
        channel.finish();

        TcpFrame frame = single(readFrames());
        assertTrue(frame.oversized(), "an oversized unterminated line is still rejected, not dropped silently");
        assertEquals(MAX * 2, frame.length(), "its full length is reported");
    }

    @Test
    void should_discard_unterminated_stx_frame_on_close() {
        write(raw(stxEtx("ABC"), STX, "DEF"));
        channel.finish();

        assertEquals(List.of("ABC"), texts(readFrames()), "an STX frame cut off by close may be a truncated serial and is dropped");
    }

    @Test
    void should_restart_frame_on_stx_inside_unterminated_stx_frame() {
        write(raw(STX, "LOST", STX, "KEPT", ETX));

        assertEquals(List.of("KEPT"), texts(readFrames()), "a new STX discards the unterminated frame and starts over");
    }

    @Test
    void should_restart_frame_on_stx_inside_oversized_stx_frame() {
        write(raw(STX, repeat('A', MAX * 2)), raw(STX, "KEPT", ETX));

        assertEquals(List.of("KEPT"), texts(readFrames()), "a new STX also ends discarding an oversized frame");
    }

    @Test
    void should_discard_line_fragment_before_stx() {
        write(raw("NOISE", stxEtx("ABC"), stxEtx("DEF")));

        assertEquals(List.of("ABC", "DEF"), texts(readFrames()), "noise before STX cannot swallow the STX/ETX frames");
    }

    private void write(byte[]... reads) {
        for (byte[] read : reads) {
            channel.writeInbound(Unpooled.wrappedBuffer(read));
        }
    }

    private List<TcpFrame> readFrames() {
        List<TcpFrame> frames = new ArrayList<>();
        for (Object frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            frames.add((TcpFrame) frame);
        }
        return frames;
    }

    private static TcpFrame single(List<TcpFrame> frames) {
        assertEquals(1, frames.size(), "exactly one frame expected, got " + frames);
        return frames.get(0);
    }

    private static List<String> texts(List<TcpFrame> frames) {
        return frames.stream().map(ScanFrameDecoderTest::text).toList();
    }

    private static String text(TcpFrame frame) {
        return new String(frame.data(), StandardCharsets.ISO_8859_1);
    }

    private static String repeat(char c, int count) {
        return String.valueOf(c).repeat(count);
    }

    private static byte[] stxEtx(Object... content) {
        return raw(STX, raw(content), ETX);
    }

    /** Concatenates Strings (ISO-8859-1, one byte per char), single bytes and byte arrays into one raw stream. */
    private static byte[] raw(Object... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                bytes.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            } else if (part instanceof Byte b) {
                bytes.write(b);
            } else if (part instanceof byte[] array) {
                bytes.writeBytes(array);
            } else {
                throw new IllegalArgumentException("unsupported part " + part);
            }
        }
        return bytes.toByteArray();
    }
}
