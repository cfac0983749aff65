package io.linehub.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5ComponentConfigurer;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Configuration;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5EndpointConfigurer;
import org.apache.camel.spi.PropertyConfigurer;

/**
 * The paho-mqtt5 component with a race-free consumer start. Bound in the registry as
 * {@code paho-mqtt5}, so routes keep Camel's standard URI and options.
 */
public final class CallbackFirstMqttComponent extends PahoMqtt5Component {

    // the generated configurers are found by component class name; reuse paho's for the same options
    private final PropertyConfigurer endpointConfigurer = new PahoMqtt5EndpointConfigurer();
    private final PropertyConfigurer componentConfigurer = new PahoMqtt5ComponentConfigurer();
    private final Duration resendWindowAfterStart;

    /** @param resendWindowAfterStart how far back a resend after a process start may reach (see ResendWindow) */
    public CallbackFirstMqttComponent(Duration resendWindowAfterStart) {
        this.resendWindowAfterStart = resendWindowAfterStart;
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return endpointConfigurer;
    }

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return componentConfigurer;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PahoMqtt5Configuration configuration = getConfiguration().copy();
        CallbackFirstMqttEndpoint answer = new CallbackFirstMqttEndpoint(uri, remaining, this, configuration,
                new ResendWindow(Clock.systemUTC(), resendWindowAfterStart));
        answer.setClient(getClient());
        setProperties(answer, parameters);
        return answer;
    }
}
