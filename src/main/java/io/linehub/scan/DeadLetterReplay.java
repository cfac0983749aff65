package io.linehub.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists dead letters and replays one after a fix: a scan or tag read that came by MQTT is published
 * again on its topic (the hub receives it as it first did); a TCP frame goes through the scan
 * pipeline again as from its scanner's address. Other dead letters (a case group, an event EPCIS could
 * not write) are not inputs and are only listed.
 */
public final class DeadLetterReplay {

    /** One stored dead letter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Letter(long id, String source, String payload, String reason, String createdAt, int replayCount,
                         String replayedAt) {
    }

    /** What a replay did. */
    public record Result(long id, boolean replayed, String message) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final DataSource dataSource;
    private final ScanIntake intake;
    private final ProducerTemplate producer;
    private final Endpoint mqtt;

    /** @param mqtt an MQTT producer endpoint of the hub's broker; the topic comes in a header */
    public DeadLetterReplay(DataSource dataSource, ScanIntake intake, ProducerTemplate producer, Endpoint mqtt) {
        this.dataSource = dataSource;
        this.intake = intake;
        this.producer = producer;
        this.mqtt = mqtt;
    }

    public long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM dead_letter");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The newest dead letters first. */
    public List<Letter> recent(int limit) throws SQLException {
        int n = Math.max(1, Math.min(limit, 1000));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, source, payload, reason, created_at, replay_count,"
                     + " replayed_at FROM dead_letter ORDER BY id DESC FETCH FIRST " + n + " ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            List<Letter> letters = new ArrayList<>();
            while (rs.next()) {
                letters.add(letter(rs));
            }
            return letters;
        }
    }

    public Optional<Letter> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, source, payload, reason, created_at, replay_count,"
                     + " replayed_at FROM dead_letter WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(letter(rs)) : Optional.empty();
            }
        }
    }

    public Result replay(long id) throws SQLException {
        Optional<Letter> found = find(id);
        if (found.isEmpty()) {
            return new Result(id, false, "no dead letter " + id);
        }
        Letter letter = found.get();
        String source = letter.source();
        if (letter.payload() == null) {
            return new Result(id, false, "dead letter " + id + " has no payload to replay");
        }
        if (source.startsWith("tcp://")) {
            Scan scan = intake.fromTcp(TcpFrame.of(letter.payload().getBytes(StandardCharsets.UTF_8)),
                    address(source.substring("tcp://".length())));
            producer.sendBody("direct:scan-pipeline", scan);
        } else if (source.contains("/scanner/") || source.contains("/rfid/")) {
            producer.sendBodyAndHeader(mqtt, letter.payload().getBytes(StandardCharsets.UTF_8),
                    "CamelPahoMqtt5OverrideTopic", source);
        } else {
            return new Result(id, false, "dead letter " + id + " from " + source + " is not a device input; see its"
                    + " reason and payload");
        }
        markReplayed(id);
        LOG.info("dead letter {} from {} replayed", id, source);
        return new Result(id, true, "replayed to " + (source.startsWith("tcp://") ? "the scan pipeline" : source));
    }

    private void markReplayed(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE dead_letter SET replay_count = replay_count + 1,"
                     + " replayed_at = ? WHERE id = ?")) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** "/10.1.2.3:41234" or "10.1.2.3:41234" as stored from netty's remote address. */
    static InetSocketAddress address(String text) {
        String hostPort = text.startsWith("/") ? text.substring(1) : text;
        int colon = hostPort.lastIndexOf(':');
        String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
        int port = colon > 0 ? Integer.parseInt(hostPort.substring(colon + 1)) : 0;
        return new InetSocketAddress(host.replace("[", "").replace("]", ""), port);
    }

    private static Letter letter(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp(5);
        Timestamp replayed = rs.getTimestamp(7);
        return new Letter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                created == null ? null : created.toInstant().toString(), rs.getInt(6),
                replayed == null ? null : replayed.toInstant().toString());
    }
}
