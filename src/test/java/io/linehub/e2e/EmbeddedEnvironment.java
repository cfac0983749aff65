package io.linehub.e2e;

import io.linehub.sim.EmbeddedMqttBroker;
import io.linehub.sim.FreePort;
import java.nio.file.Path;
import java.util.UUID;

/** What a fresh machine has: the embedded Artemis MQTT broker and an H2 file database. */
final class EmbeddedEnvironment implements HubEnvironment {

    private final EmbeddedMqttBroker broker;
    private final Path dir = Path.of("target", "e2e", UUID.randomUUID().toString().substring(0, 8));

    EmbeddedEnvironment() {
        broker = new EmbeddedMqttBroker(FreePort.find());
        broker.start();
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
