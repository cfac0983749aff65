package io.linehub.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract demands a logged reason for every rejected or discarded frame; this pins down those WARN lines. */
class ScanFrameDecoderLoggingTest {

    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LogManager.getLogger(ScanFrameDecoder.class);
    private final AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            events.add(event.toImmutable());
        }
    };
    private Level previousLevel;

    @BeforeEach
    void attach() {
        previousLevel = logger.getLevel();
        capture.start();
        logger.addAppender(capture);
        logger.setLevel(Level.WARN);
    }

    @AfterEach
    void detach() {
        logger.removeAppender(capture);
        logger.setLevel(previousLevel);
        capture.stop();
    }

    @Test
    void should_log_one_warning_with_remote_address_and_length_for_oversized_frame() {
        EmbeddedChannel channel = new EmbeddedChannel(new ScanFrameDecoder(8));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("0123456789")), Unpooled.wrappedBuffer(bytes("ABCDE\rOK\r")));

        assertEquals(1, events.size(), "exactly one log line per oversized frame: " + events);
        LogEvent event = events.get(0);
        String message = event.getMessage().getFormattedMessage();
        assertEquals(Level.WARN, event.getLevel(), "rejection is logged at WARN");
        assertTrue(message.contains(String.valueOf(channel.remoteAddress())), "remote address is logged: " + message);
        assertTrue(message.contains("15 bytes"), "true length is logged: " + message);
        channel.finishAndReleaseAll();
    }

    @Test
    void should_log_reason_when_unterminated_stx_frame_is_discarded() {
        EmbeddedChannel channel = new EmbeddedChannel(new ScanFrameDecoder(8));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("\u0002LOST\u0002KEPT\u0003")));

        assertEquals(1, events.size(), "one log line for the discarded part: " + events);
        String message = events.get(0).getMessage().getFormattedMessage();
        assertTrue(message.contains("4 bytes") && message.contains("without ETX"), "count and reason are logged: " + message);
        channel.finishAndReleaseAll();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
