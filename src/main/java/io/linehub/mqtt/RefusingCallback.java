package io.linehub.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The callback of a consumer that is stopping: it takes no message. With manual acks an untaken
 * message stays unacknowledged, and the broker delivers it again when the session resumes.
 */
final class RefusingCallback implements MqttCallback {

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // not acknowledged: throwing here would make Paho drop the connection before the ack of the
        // exchange still in flight goes out
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        // stopping anyway
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // stopping anyway
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // the consumer publishes nothing
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // no resubscribe while stopping
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no extended authentication
    }
}
