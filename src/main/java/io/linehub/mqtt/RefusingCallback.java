package io.linehub.mqtt;

import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The callback of a consumer that is stopping: it takes no message. With manual acks an untaken
 * message stays unacknowledged, and the broker delivers it again when the session resumes.
 */
final class RefusingCallback extends MqttCallbackAdapter {

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // not acknowledged: throwing here would make Paho drop the connection before the ack of the
        // exchange still in flight goes out
    }
}
