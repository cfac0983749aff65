package io.linehub.e2e;

import io.linehub.mqtt.MqttConnection;
import java.util.Map;

/** The outside pieces a hub under test talks to: an MQTT broker and a database. */
interface HubEnvironment extends AutoCloseable {

    String mqttUrl();

    /** How a test's own MQTT clients (scanners, probes) reach the broker: plain unless it asks for TLS or a login. */
    default MqttConnection mqttClient() {
        return MqttConnection.plain(mqttUrl());
    }

    /** Hub settings the broker needs beyond its URL (truststore, login). */
    default Map<String, String> hubSettings() {
        return Map.of();
    }

    String dbUrl();

    String dbUser();

    String dbPassword();

    /** Stops the broker if the test may stop it (fault tests); false for shared services. */
    default boolean ownsBroker() {
        return false;
    }

    @Override
    void close();
}
