package io.linehub.scan;

import io.linehub.ops.LogThrottle;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the scanner listener's connections, in all and per remote address, so a client opening hundreds
 * of connections cannot take the memory and the slots the line's scanners need. A connection over the
 * limit is closed at once; the refusal is logged once a minute per address.
 */
@ChannelHandler.Sharable
public final class TcpConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnectionLimit.class);
    private static final AttributeKey<String> COUNTED = AttributeKey.valueOf("linehubCountedAddress");

    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final LogThrottle refusals = LogThrottle.perMinute();

    public TcpConnectionLimit(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String address = ctx.channel().remoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
        AtomicInteger mine = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        int all = total.incrementAndGet();
        int fromAddress = mine.incrementAndGet();
        ctx.channel().attr(COUNTED).set(address);
        if (all > maxTotal || fromAddress > maxPerAddress) {
            refusals.admit(address).ifPresent(suppressed -> LOG.warn("Refused a scanner connection from {}: {} open"
                    + " from it (max {}), {} in all (max {}){}", address, fromAddress, maxPerAddress, all, maxTotal,
                    suppressed > 0 ? "; " + suppressed + " more refused since the last report" : ""));
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        String address = ctx.channel().attr(COUNTED).getAndSet(null);
        if (address != null) {
            total.decrementAndGet();
            perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
        super.channelInactive(ctx);
    }

    /** Whether a connection from this address is open now: a TCP scanner counts as online while it is. */
    public boolean openFrom(String address) {
        return perAddress.containsKey(address);
    }

    /** Connections open now, for operations. */
    public int open() {
        return total.get();
    }
}
