package io.linehub.mqtt;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Configuration;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Endpoint;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/** A paho-mqtt5 endpoint whose consumers use {@link CallbackFirstMqttClient}; producers are unchanged. */
public final class CallbackFirstMqttEndpoint extends PahoMqtt5Endpoint {

    private final ResendWindow resends;

    CallbackFirstMqttEndpoint(String uri, String topic, CallbackFirstMqttComponent component,
                              PahoMqtt5Configuration configuration, ResendWindow resends) {
        super(uri, topic, component, configuration);
        this.resends = resends;
    }

    /** Which earlier records a message arriving now may be a resend of. */
    public ResendWindow resends() {
        return resends;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        CallbackFirstMqttConsumer consumer = new CallbackFirstMqttConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    MqttClient newCallbackFirstClient() throws MqttException {
        PahoMqtt5Configuration config = getConfiguration();
        String clientId = config.getClientId() != null ? config.getClientId() : generateClientId();
        CallbackFirstMqttClient client = new CallbackFirstMqttClient(config.getBrokerUrl(), clientId,
                createMqttClientPersistence(config), createMqttConnectionOptions(), resends);
        client.setManualAcks(config.isManualAcksEnabled());
        return client;
    }
}
