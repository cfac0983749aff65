package io.linehub.mqtt;

import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * How the hub reaches its own broker: the URL, the account and the socket factory (TLS with the plant's
 * truststore for {@code ssl://}). Every MQTT client of the hub connects with the same one, so none of them
 * can fall back to plain text or to no password.
 *
 * @param userName empty or null for a broker without authentication
 * @param socketFactory null for Paho's default (plain TCP, or the JVM's truststore for {@code ssl://})
 */
public record MqttConnection(String url, String userName, String password, SocketFactory socketFactory) {

    public static MqttConnection plain(String url) {
        return new MqttConnection(url, null, null, null);
    }

    public boolean hasUser() {
        return userName != null && !userName.isBlank();
    }

    public void applyTo(MqttConnectionOptions options) {
        if (hasUser()) {
            options.setUserName(userName);
            options.setPassword(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8));
        }
        if (socketFactory != null) {
            options.setSocketFactory(socketFactory);
        }
    }

    /**
     * How many QoS 1 publishes a client may keep unacknowledged on a connection just made: what it wants, but
     * never more than the broker's Receive Maximum from the CONNACK (Mosquitto's default is 20; past it the
     * broker drops the connection).
     */
    public static int inflightLimit(IMqttToken connected, int wanted) {
        Integer brokerMax = connected.getResponseProperties() == null ? null
                : connected.getResponseProperties().getReceiveMaximum();
        return brokerMax == null ? wanted : Math.min(wanted, brokerMax);
    }

    /** The password never reaches a log line. */
    @Override
    public String toString() {
        return "MqttConnection[" + url + (hasUser() ? ", user " + userName : "") + "]";
    }
}
