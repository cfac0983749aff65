package io.linehub.api;

import io.linehub.ops.ConstantTime;
import io.linehub.ops.LogThrottle;
import io.vertx.core.net.SocketAddress;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requires {@code Authorization: Bearer <LINEHUB_API_TOKEN>} on every mutating HTTP call (any method but
 * GET, HEAD and OPTIONS); reads stay open. As a route policy factory on the Camel context it is attached to
 * every route whose consumer is an HTTP server endpoint ({@code platform-http:} or the REST DSL), including
 * routes added later, so a new API route is guarded without anyone remembering to.
 *
 * <p>The check runs before the route's first step: a refused call gets 401 with a JSON reason and the
 * route does not run. The token is compared in constant time, and the Authorization header is removed
 * once checked, so no step, log or response can echo it. It fails closed: Camel only logs an exception
 * thrown here and runs the route anyway, so anything unexpected refuses the call instead. Deliberately
 * not a Camel service (RoutePolicySupport): Camel skips policies that are services not yet started.
 */
public final class ApiTokenPolicy implements RoutePolicy, RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenPolicy.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "bearer ";
    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private final String token;
    private final LogThrottle throttle;

    /** @param token the token callers must present; never null or blank */
    public ApiTokenPolicy(String token, LogThrottle throttle) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an API token policy needs a token");
        }
        this.token = token;
        this.throttle = throttle;
    }

    /** Whether the route's consumer answers HTTP requests: a platform-http endpoint or a REST DSL verb. */
    static boolean servesHttp(NamedNode node) {
        if (!(node instanceof RouteDefinition route)) {
            return false;
        }
        String uri = route.getInput() == null ? null : route.getInput().getEndpointUri();
        return route.isRest() != null && route.isRest()
                || uri != null && (uri.startsWith("platform-http:") || uri.startsWith("rest:"));
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        return servesHttp(route) ? this : null;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        String method = "?";
        String reason;
        try {
            Message msg = exchange.getMessage();
            method = String.valueOf(msg.getHeader(Exchange.HTTP_METHOD)).toUpperCase(Locale.ROOT);
            if (READS.contains(method)) {
                return;
            }
            Object authorization = msg.removeHeader("Authorization");
            reason = reasonToRefuse(authorization == null ? null : authorization.toString());
            if (reason == null) {
                return;
            }
        } catch (RuntimeException e) {
            reason = "request could not be checked";
            LOG.warn("HTTP token check failed, call refused: {}", e.toString());
        }
        refuse(exchange, method, reason);
    }

    /** @return null when the header carries the token, else why not (never the token itself) */
    private String reasonToRefuse(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return "missing Authorization: Bearer token";
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "Authorization is not a Bearer token";
        }
        String presented = authorization.substring(BEARER.length()).trim();
        return ConstantTime.matches(token, presented) ? null : "wrong token";
    }

    private void refuse(Exchange exchange, String method, String reason) {
        Message msg = exchange.getMessage();
        String path = msg.getHeader(Exchange.HTTP_PATH, "", String.class);
        Object remote = msg.getHeader(REMOTE_ADDRESS);
        // by host, not host:port: every new connection has a new port, and the log must not flood
        String from = remote instanceof SocketAddress address ? address.hostAddress() : String.valueOf(remote);
        OptionalLong swallowed = throttle.admit(from);
        if (swallowed.isPresent()) {
            LOG.warn("HTTP {} {} from {} refused: {}{}", method, path, from, reason,
                    swallowed.getAsLong() > 0 ? "; " + swallowed.getAsLong() + " more refused from it since" : "");
        }
        msg.getHeaders().clear();
        msg.setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
        msg.setHeader(Exchange.CONTENT_TYPE, "application/json");
        msg.setHeader("WWW-Authenticate", "Bearer realm=\"linehub\"");
        msg.setBody("{\"error\":\"unauthorized\",\"reason\":\"" + reason + "\"}");
        // a route stopped before its first step: the answer above is what the caller gets
        exchange.setRouteStop(true);
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        // nothing to undo
    }

    @Override
    public void onInit(Route route) {
        // stateless: one instance serves every HTTP route
    }

    @Override
    public void onRemove(Route route) {
        // stateless
    }

    @Override
    public void onStart(Route route) {
        // stateless
    }

    @Override
    public void onStop(Route route) {
        // stateless
    }

    @Override
    public void onSuspend(Route route) {
        // stateless
    }

    @Override
    public void onResume(Route route) {
        // stateless
    }

    @Override
    public String toString() {
        return "ApiTokenPolicy";
    }
}
