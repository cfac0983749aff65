package io.linehub.scan;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The persistent dead-letter store: input that could not be turned into an outcome, with its reason. */
public final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_PAYLOAD = 16000;

    private final DataSource dataSource;

    public DeadLetters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Throws when the store fails, so the caller's exchange fails and the input is not acknowledged. */
    public void store(Exchange exchange) throws SQLException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown" : cause.getClass().getName() + ": " + cause.getMessage();
        String source = exchange.getMessage().getHeader("CamelMqttTopic", String.class);
        if (source == null) {
            Object remote = exchange.getMessage().getHeader("CamelNettyRemoteAddress");
            source = remote == null ? exchange.getFromRouteId() : "tcp://" + remote;
        }
        String payload = payloadText(exchange.getMessage().getBody());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO dead_letter (source, payload, reason) VALUES (?,?,?)")) {
            ps.setString(1, truncate(String.valueOf(source), 200));
            ps.setString(2, payload);
            ps.setString(3, truncate(reason, 1000));
            ps.executeUpdate();
        }
        LOG.error("dead letter from {}: {}", source, reason);
    }

    private static String payloadText(Object body) {
        byte[] bytes;
        if (body instanceof byte[] b) {
            bytes = b;
        } else if (body instanceof TcpFrame f) {
            bytes = f.data();
        } else {
            return body == null ? null : truncate(String.valueOf(body), MAX_PAYLOAD);
        }
        return truncate(new String(bytes, StandardCharsets.UTF_8), MAX_PAYLOAD);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
