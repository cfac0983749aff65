package io.linehub.bench;

/** Scans as MQTT QoS 1 publishes on one scanner topic, through a flow-controlled Paho async client. */
final class MqttScanSender implements ScanSender {

    private final FlowControlledPublisher publisher;
    private final String topic;

    MqttScanSender(String url, String topic) throws Exception {
        this.publisher = new FlowControlledPublisher(url, "bench-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime(), 1000);
        this.topic = topic;
    }

    /** To the hub's broker, on the topic of scanner-1 (station verify) under the hub's prefix. */
    static MqttScanSender toHub(LaunchedHub hub) throws Exception {
        return new MqttScanSender(hub.mqttUrl(), hub.prefix() + "/line1/scanner/scanner-1/scan");
    }

    @Override
    public void send(long n, byte[] payload) throws Exception {
        publisher.publish(topic, payload);
    }

    @Override
    public void flush() throws Exception {
        publisher.awaitAcks();
    }

    @Override
    public void close() throws Exception {
        publisher.close();
    }
}
