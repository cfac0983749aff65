package io.linehub.scan;

import io.netty.channel.ChannelHandler;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;

/**
 * Gives the Camel netty consumer a fresh {@link ScanFrameDecoder} per connection, bound in the registry as
 * {@code scanFrameDecoder} and referenced by {@code decoders=#scanFrameDecoder}.
 */
public class ScanFrameDecoderFactory extends DefaultChannelHandlerFactory {

    public static final int DEFAULT_MAX_LENGTH = 4096;

    private final int maxLength;
    private final long frameTimeoutMillis;

    public ScanFrameDecoderFactory() {
        this(DEFAULT_MAX_LENGTH);
    }

    public ScanFrameDecoderFactory(int maxLength) {
        this(maxLength, 0);
    }

    /** @param frameTimeoutMillis how long a started frame may take to finish; 0 for no limit */
    public ScanFrameDecoderFactory(int maxLength, long frameTimeoutMillis) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive, was " + maxLength);
        }
        this.maxLength = maxLength;
        this.frameTimeoutMillis = frameTimeoutMillis;
    }

    public int maxLength() {
        return maxLength;
    }

    @Override
    public ChannelHandler newChannelHandler() {
        return new ScanFrameDecoder(maxLength, frameTimeoutMillis);
    }
}
