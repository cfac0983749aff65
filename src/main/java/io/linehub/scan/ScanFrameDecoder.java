package io.linehub.scan;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits one scanner connection's byte stream into {@link TcpFrame}s ended by CR, LF or CRLF or wrapped in STX…ETX,
 * rejecting oversized frames without ever closing the connection.
 *
 * <p>A frame that is started but not finished within the frame timeout (a client sending a byte a minute)
 * closes the connection, so such a client cannot hold a connection slot for ever.
 *
 * <p>Not sharable: it keeps per-connection state; use {@link ScanFrameDecoderFactory} to get one per connection.
 */
public class ScanFrameDecoder extends ByteToMessageDecoder {

    static final byte STX = 0x02;
    static final byte ETX = 0x03;
    static final byte LF = 0x0A;
    static final byte CR = 0x0D;

    private static final Logger LOG = LoggerFactory.getLogger(ScanFrameDecoder.class);

    // Between frames every CR/LF is skipped: this swallows the LF of a CRLF (even split across reads), empty lines
    // and the CR/LF noise scanners append after ETX, all without remembering the previous byte.
    private static final ByteProcessor SKIP_LINE_ENDS = b -> b == CR || b == LF;
    // STX also ends a line, so a stray byte before an STX frame cannot swallow the frames of an STX/ETX scanner.
    private static final ByteProcessor FIND_LINE_END = b -> b != CR && b != LF && b != STX;
    private static final ByteProcessor FIND_ETX = b -> b != ETX && b != STX;

    private enum Mode { BETWEEN_FRAMES, LINE, STX_ETX }

    private final int maxLength;
    private final long frameTimeoutMillis;
    private Mode mode = Mode.BETWEEN_FRAMES;
    // counts started frames, so a timer set for one frame does nothing once that frame is done
    private long frameNumber;
    private boolean timerSet;
    // bytes of the pending frame already searched, so slowly arriving frames are not rescanned from their start
    private int scanned;
    // non-null while the tail of an oversized frame is being thrown away: memory stays at maxLength per connection
    private byte[] oversizedHead;
    private long oversizedLength;

    public ScanFrameDecoder(int maxLength) {
        this(maxLength, 0);
    }

    /** @param frameTimeoutMillis how long a started frame may take to finish; 0 for no limit */
    public ScanFrameDecoder(int maxLength, long frameTimeoutMillis) {
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
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (mode == Mode.BETWEEN_FRAMES) {
                startFrame(in);
            } else if (!decodeFrameBody(ctx, in, out)) {
                break;
            }
        }
        if (mode != Mode.BETWEEN_FRAMES && frameTimeoutMillis > 0 && !timerSet) {
            watchFrame(ctx);
        }
    }

    private void watchFrame(ChannelHandlerContext ctx) {
        long watched = frameNumber;
        timerSet = true;
        ctx.executor().schedule(() -> {
            timerSet = false;
            if (watched == frameNumber && mode != Mode.BETWEEN_FRAMES && ctx.channel().isActive()) {
                LOG.warn("Closed the connection of {}: a frame started {} ms ago is still not finished (frame timeout)",
                        ctx.channel().remoteAddress(), frameTimeoutMillis);
                ctx.close();
            } else if (mode != Mode.BETWEEN_FRAMES && ctx.channel().isActive()) {
                watchFrame(ctx);
            }
        }, frameTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** A scanner that closes without a line suffix still delivers its last scan; a truncated STX frame does not. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        int pending = in.readableBytes();
        if (mode == Mode.LINE && (pending > 0 || oversizedHead != null)) {
            out.add(takeFrame(ctx, in, pending));
        } else if (mode == Mode.STX_ETX && (pending > 0 || oversizedHead != null)) {
            // a missing ETX means the scan may be cut short, and a cut serial number can match another serial
            warnDiscarded(ctx, pending, "STX frame without ETX at connection close");
            in.skipBytes(pending);
        }
        resetFrame(Mode.BETWEEN_FRAMES);
    }

    /** Bytes held by this decoder between reads; lets tests prove memory stays bounded. */
    int bufferedBytes() {
        return internalBuffer().readableBytes();
    }

    private void startFrame(ByteBuf in) {
        int first = in.forEachByte(SKIP_LINE_ENDS);
        if (first < 0) {
            in.skipBytes(in.readableBytes());
            return;
        }
        in.readerIndex(first);
        if (in.getByte(first) == STX) {
            in.skipBytes(1);
            resetFrame(Mode.STX_ETX);
        } else {
            resetFrame(Mode.LINE);
        }
    }

    /** Returns false when the frame's delimiter has not arrived yet. */
    private boolean decodeFrameBody(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int from = in.readerIndex() + scanned;
        int end = in.forEachByte(from, in.writerIndex() - from, mode == Mode.LINE ? FIND_LINE_END : FIND_ETX);
        if (end < 0) {
            bufferOrDiscard(in);
            return false;
        }
        int contentLength = end - in.readerIndex();
        if (in.getByte(end) == STX) {
            if (contentLength > 0 || oversizedHead != null) {
                warnDiscarded(ctx, contentLength, mode == Mode.LINE ? "line without CR/LF before STX" : "STX frame without ETX before next STX");
            }
            in.skipBytes(contentLength + 1);
            resetFrame(Mode.STX_ETX);
            return true;
        }
        if (contentLength > 0 || oversizedHead != null) {
            out.add(takeFrame(ctx, in, contentLength));
        }
        in.skipBytes(1);
        resetFrame(Mode.BETWEEN_FRAMES);
        return true;
    }

    private void bufferOrDiscard(ByteBuf in) {
        int pending = in.readableBytes();
        if (oversizedHead == null && pending <= maxLength) {
            scanned = pending;
            return;
        }
        if (oversizedHead == null) {
            oversizedHead = ByteBufUtil.getBytes(in, in.readerIndex(), maxLength);
        }
        oversizedLength += pending;
        in.skipBytes(pending);
        scanned = 0;
    }

    /** Consumes {@code contentLength} bytes that end the current frame and turns the whole frame into a {@link TcpFrame}. */
    private TcpFrame takeFrame(ChannelHandlerContext ctx, ByteBuf in, int contentLength) {
        if (oversizedHead == null && contentLength <= maxLength) {
            byte[] data = new byte[contentLength];
            in.readBytes(data);
            return TcpFrame.of(data);
        }
        byte[] head = oversizedHead != null ? oversizedHead : ByteBufUtil.getBytes(in, in.readerIndex(), maxLength);
        in.skipBytes(contentLength);
        TcpFrame frame = TcpFrame.oversized(head, capped(oversizedLength + contentLength));
        LOG.warn("Rejected oversized scan frame from {}: {} bytes, maximum is {}", ctx.channel().remoteAddress(),
                frame.length(), maxLength);
        return frame;
    }

    private void warnDiscarded(ChannelHandlerContext ctx, int pendingBytes, String reason) {
        LOG.warn("Discarded {} bytes from {}: {}", capped(oversizedLength + pendingBytes), ctx.channel().remoteAddress(),
                reason);
    }

    private void resetFrame(Mode next) {
        mode = next;
        frameNumber++;
        scanned = 0;
        oversizedHead = null;
        oversizedLength = 0;
    }

    private static int capped(long length) {
        return (int) Math.min(length, Integer.MAX_VALUE);
    }
}
