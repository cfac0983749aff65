package io.linehub.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Value semantics and log-safe rendering of {@link TcpFrame}. */
class TcpFrameTest {

    @Test
    void should_compare_by_content() {
        assertEquals(TcpFrame.of(bytes("ABC")), TcpFrame.of(bytes("ABC")), "equal content means equal frames");
        assertEquals(TcpFrame.of(bytes("ABC")).hashCode(), TcpFrame.of(bytes("ABC")).hashCode(), "hash follows content");
        assertNotEquals(TcpFrame.of(bytes("ABC")), TcpFrame.oversized(bytes("ABC"), 4), "oversized flag is part of equality");
    }

    @Test
    void should_not_be_changed_through_its_arrays() {
        byte[] source = bytes("ABC");
        TcpFrame frame = TcpFrame.of(source);
        source[0] = 'X';
        frame.data()[1] = 'X';

        assertEquals(TcpFrame.of(bytes("ABC")), frame, "neither the source array nor data() can change the frame");
    }

    @Test
    void should_show_short_escaped_preview_in_to_string() {
        byte[] huge = new byte[1_000_000];
        Arrays.fill(huge, (byte) 'A');
        huge[0] = 0x1D;

        String text = TcpFrame.oversized(Arrays.copyOf(huge, 4096), huge.length).toString();

        assertTrue(text.length() < 120, "toString stays short for huge frames: " + text);
        assertTrue(text.contains("length=1000000"), "toString shows the true length: " + text);
        assertTrue(text.contains("\\x1dAAA"), "control bytes are escaped: " + text);
        assertTrue(text.contains("..."), "truncation is marked: " + text);
    }

    @Test
    void should_reject_inconsistent_length() {
        assertThrows(IllegalArgumentException.class, () -> new TcpFrame(bytes("ABC"), false, 4),
                "an accepted frame's length equals its data length");
        assertThrows(IllegalArgumentException.class, () -> TcpFrame.oversized(bytes("ABC"), 3),
                "an oversized frame is longer than its kept head");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
