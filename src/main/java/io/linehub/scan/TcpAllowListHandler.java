package io.linehub.scan;

import io.linehub.ops.LogThrottle;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ipfilter.AbstractRemoteAddressFilter;
import java.net.InetSocketAddress;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every TCP scanner connection: a remote address outside the {@link TcpAllowList}
 * is closed as soon as the connection is registered, before any byte is decoded, so nothing it sends
 * reaches the scan pipeline. Netty's filter then removes itself, so an allowed connection pays nothing
 * per frame. Refusals are logged once per address per minute with a count, so a port scan or a
 * misconfigured device cannot flood the log.
 *
 * <p>Bound as {@code tcpAllowList} and listed first in the route's {@code decoders}; one instance serves
 * all connections.
 */
@ChannelHandler.Sharable
public final class TcpAllowListHandler extends AbstractRemoteAddressFilter<InetSocketAddress> {

    private static final Logger LOG = LoggerFactory.getLogger(TcpAllowListHandler.class);

    private final TcpAllowList allowList;
    private final LogThrottle throttle;

    public TcpAllowListHandler(TcpAllowList allowList, LogThrottle throttle) {
        this.allowList = allowList;
        this.throttle = throttle;
    }

    public TcpAllowList allowList() {
        return allowList;
    }

    @Override
    protected boolean accept(ChannelHandlerContext ctx, InetSocketAddress remoteAddress) {
        return remoteAddress.getAddress() != null && allowList.allows(remoteAddress.getAddress());
    }

    @Override
    protected ChannelFuture channelRejected(ChannelHandlerContext ctx, InetSocketAddress remoteAddress) {
        String address = remoteAddress.getAddress() == null ? remoteAddress.getHostString()
                : remoteAddress.getAddress().getHostAddress();
        OptionalLong swallowed = throttle.admit(address);
        if (swallowed.isPresent()) {
            LOG.warn("TCP scanner listener: connection from {} refused: not in the allow-list (linehub.tcp.allow){}",
                    address, swallowed.getAsLong() > 0
                            ? "; " + swallowed.getAsLong() + " more refused from it since the last report" : "");
        }
        return null; // the filter closes the channel
    }
}
