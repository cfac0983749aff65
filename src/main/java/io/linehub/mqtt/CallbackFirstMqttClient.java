package io.linehub.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A Paho client that connects only once its callback is set. With a persistent session the broker
 * pushes queued scans right after CONNACK; Paho drops a message that arrives before a callback exists,
 * and Camel's consumer connects first and sets the callback after (see CAMEL-NOTES §2, start-up race).
 */
final class CallbackFirstMqttClient extends MqttClient {

    private final MqttConnectionOptions options;
    private final ResendWindow resends;

    CallbackFirstMqttClient(String serverUri, String clientId, MqttClientPersistence persistence,
                            MqttConnectionOptions options, ResendWindow resends) throws MqttException {
        super(serverUri, clientId, persistence);
        this.options = options;
        this.resends = resends;
    }

    @Override
    public void setCallback(MqttCallback callback) {
        resends.lost();
        super.setCallback(tracked(callback, resends));
        if (callback != null && !isConnected()) {
            try {
                connect(options);
            } catch (MqttException e) {
                throw new IllegalStateException("MQTT connect to " + getServerURI() + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Camel's callback, telling the resend window about connects, losses and receipts first. A stopping
     * consumer's refusing callback is left alone: a message it refuses is not a receipt (the broker sends it
     * again, and its record, if any, is still older than the last message the hub took).
     */
    static MqttCallback tracked(MqttCallback callback, ResendWindow resends) {
        return callback == null || callback instanceof RefusingCallback ? callback : new Tracking(callback, resends);
    }

    private record Tracking(MqttCallback camel, ResendWindow resends) implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            resends.connected();
            if (!reconnect) {
                camel.connectComplete(false, serverUri);
                return;
            }
            // Camel subscribes again here and waits for the SUBACK without a limit. On Paho's callback thread
            // that wait stalls when the broker pushes the session's backlog first: Paho's reader blocks on the
            // full queue of messages for this very thread and cannot read the SUBACK until the keep-alive
            // drops the connection (after a broker restart the subscription was silent for ~30 s until the
            // watchdog restarted the route). On a thread of its own the backlog flows meanwhile.
            Thread resubscribe = new Thread(() -> camel.connectComplete(true, serverUri), "linehub-mqtt-resubscribe");
            resubscribe.setDaemon(true);
            resubscribe.start();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            resends.received();
            camel.messageArrived(topic, message);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            resends.lost();
            camel.disconnected(response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            camel.mqttErrorOccurred(exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            camel.deliveryComplete(token);
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            camel.authPacketArrived(reasonCode, properties);
        }
    }
}
