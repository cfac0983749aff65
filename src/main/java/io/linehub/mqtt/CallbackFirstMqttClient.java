package io.linehub.mqtt;

import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A Paho client that connects only once its callback is set. With a persistent session the broker
 * pushes queued scans right after CONNACK; Paho drops a message that arrives before a callback exists,
 * and Camel's consumer connects first and sets the callback after (see CAMEL-NOTES §2, start-up race).
 */
final class CallbackFirstMqttClient extends MqttClient {

    private final MqttConnectionOptions options;

    CallbackFirstMqttClient(String serverUri, String clientId, MqttClientPersistence persistence,
                            MqttConnectionOptions options) throws MqttException {
        super(serverUri, clientId, persistence);
        this.options = options;
    }

    @Override
    public void setCallback(MqttCallback callback) {
        super.setCallback(callback);
        if (callback != null && !isConnected()) {
            try {
                connect(options);
            } catch (MqttException e) {
                throw new IllegalStateException("MQTT connect to " + getServerURI() + " failed: " + e.getMessage(), e);
            }
        }
    }
}
