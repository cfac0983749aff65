package io.linehub.e2e;

/** The outside pieces a hub under test talks to: an MQTT broker and a database. */
interface HubEnvironment extends AutoCloseable {

    String mqttUrl();

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
