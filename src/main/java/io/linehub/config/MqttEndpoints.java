package io.linehub.config;

import io.linehub.mqtt.MqttConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Endpoint;

/**
 * MQTT producer endpoints made in code on the hub's broker connection as the routes have it (TLS socket
 * factory, account), set on the endpoint rather than written into its URI, where a password would need
 * escaping.
 */
final class MqttEndpoints {

    private MqttEndpoints() {
    }

    static PahoMqtt5Endpoint producer(CamelContext context, MqttConnection mqtt, String topic, String clientId) {
        PahoMqtt5Endpoint endpoint = context.getEndpoint("paho-mqtt5:" + topic + "?brokerUrl=" + mqtt.url()
                + "&clientId=" + clientId + "&qos=1&lazyStartProducer=true", PahoMqtt5Endpoint.class);
        endpoint.getConfiguration().setSocketFactory(mqtt.socketFactory());
        if (mqtt.hasUser()) {
            endpoint.getConfiguration().setUserName(mqtt.userName());
            endpoint.getConfiguration().setPassword(mqtt.password());
        }
        return endpoint;
    }
}
