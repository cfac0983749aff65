package io.linehub.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A Paho callback that ignores everything; subclasses override what they care about. */
public abstract class MqttCallbackAdapter implements MqttCallback {

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
        // not subscribed, or nothing to do
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        // automatic reconnect, or stopping anyway
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // surfaces again as a failed call
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // completion is awaited on the token where it matters
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // nothing to redo after a connect
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no extended authentication
    }
}
