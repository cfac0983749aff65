package io.linehub.bench;

/** Sends one scan payload to the hub (MQTT publish, TCP frame); the {@code n}-th of a run picks its channel. */
interface ScanSender extends AutoCloseable {

    void send(long n, byte[] payload) throws Exception;

    /** Blocks until everything sent has left this process (MQTT: acknowledged by the broker). */
    default void flush() throws Exception {
    }
}
