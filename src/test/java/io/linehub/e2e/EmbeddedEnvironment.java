package io.linehub.e2e;

import io.linehub.mqtt.MqttConnection;
import io.linehub.mqtt.MqttSocketFactory;
import io.linehub.sim.BrokerSecurity;
import io.linehub.sim.EmbeddedMqttBroker;
import io.linehub.sim.FreePort;
import io.linehub.testsupport.TestKeystores;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * What a fresh machine has: the embedded Artemis MQTT broker and an H2 file database; or, {@link #secured},
 * the broker as production runs one: TLS with its own certificate and one account.
 */
final class EmbeddedEnvironment implements HubEnvironment {

    private final EmbeddedMqttBroker broker;
    private final Path dir = Path.of("target", "e2e", UUID.randomUUID().toString().substring(0, 8));
    private final TestKeystores.Tls tls;
    private final BrokerSecurity security;

    EmbeddedEnvironment() {
        this(null, BrokerSecurity.NONE, false);
    }

    private EmbeddedEnvironment(TestKeystores.Tls tls, BrokerSecurity security, boolean persistentBroker) {
        this.tls = tls;
        this.security = security;
        broker = new EmbeddedMqttBroker(EmbeddedMqttBroker.DEFAULT_HOST, FreePort.find(), persistentBroker,
                persistentBroker ? dir.resolve("broker") : null, security);
        broker.start();
    }

    /** A broker that keeps sessions and their queued messages across its restart, as Mosquitto with persistence. */
    static EmbeddedEnvironment withPersistentBroker() {
        return new EmbeddedEnvironment(null, BrokerSecurity.NONE, true);
    }

    EmbeddedMqttBroker broker() {
        return broker;
    }

    /** A broker on TLS (a certificate made for this run) that lets in only {@code user}. */
    static EmbeddedEnvironment secured(String user, String password) {
        TestKeystores.Tls tls = TestKeystores.create("broker");
        return new EmbeddedEnvironment(tls, BrokerSecurity.NONE.withTls(tls.keystore(), tls.password())
                .withUser(user, password), false);
    }

    TestKeystores.Tls tls() {
        return tls;
    }

    @Override
    public MqttConnection mqttClient() {
        return new MqttConnection(mqttUrl(), security.user(), security.password(), tls == null ? null
                : MqttSocketFactory.forBroker(mqttUrl(), tls.truststore(), tls.password().toCharArray()));
    }

    @Override
    public Map<String, String> hubSettings() {
        if (tls == null) {
            return Map.of();
        }
        return Map.of("linehub.mqtt.truststore", tls.truststore().toString(),
                "linehub.mqtt.truststore-password", tls.password(),
                "linehub.mqtt.username", security.user(), "linehub.mqtt.password", security.password());
    }

    @Override
    public String mqttUrl() {
        return broker.url();
    }

    @Override
    public String dbUrl() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("linehub") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    public String dbUser() {
        return "sa";
    }

    @Override
    public String dbPassword() {
        return "";
    }

    @Override
    public boolean ownsBroker() {
        return true;
    }

    @Override
    public void close() {
        broker.stop();
    }
}
