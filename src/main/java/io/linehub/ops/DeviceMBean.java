package io.linehub.ops;

/** A scanner or RFID reader in JMX (linehub:type=Device,name=&lt;id&gt;). */
public interface DeviceMBean {

    String getId();

    String getLine();

    /** scanner or rfid. */
    String getKind();

    /** mqtt, tcp or rfid; null for a device seen only through recorded outcomes. */
    String getTransport();

    /** False for a device not in devices.yaml (learning mode). */
    boolean isKnown();

    /** MQTT: a message within linehub.ops.device-online-seconds; TCP: a connection open from its address. */
    boolean isOnline();

    /** ISO-8601 time of the last message, empty when none came since the hub started. */
    String getLastMessageAt();

    long getMessages();

    long getAccepted();

    long getRejected();

    /** One entry per reason: {@code "REASON=count"}. */
    String[] getRejectsByReason();

    long rejects(String reason);
}
