package io.linehub.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.mqtt.MqttConnection;
import io.linehub.mqtt.MqttSocketFactory;
import io.linehub.testsupport.TestKeystores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedded broker with TLS and one account, as production brokers are set up: the right client gets in,
 * and a client without TLS, without or with wrong credentials, or trusting another certificate does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedMqttBrokerSecurityTest {

    private static final String USER = "linehub";
    // characters that need escaping in URIs and properties: the login must survive them
    private static final String PASSWORD = "pa+ss&w=rd%{}()";
    private static final String TOPIC = "linehub/line1/scanner/scanner-1/scan";

    private TestKeystores.Tls tls;
    private TestKeystores.Tls impostor;
    private EmbeddedMqttBroker broker;

    @BeforeAll
    void start() {
        tls = TestKeystores.create("broker");
        impostor = TestKeystores.create("impostor");
        broker = new EmbeddedMqttBroker(0, BrokerSecurity.NONE.withTls(tls.keystore(), tls.password())
                .withUser(USER, PASSWORD));
        broker.start();
    }

    @AfterAll
    void stop() {
        broker.stop();
    }

    private MqttConnection connection(String user, String password, TestKeystores.Tls trusted) {
        return new MqttConnection(broker.url(), user, password, MqttSocketFactory.forBroker(broker.url(),
                trusted.truststore(), trusted.password().toCharArray()));
    }

    @Test
    void should_serve_a_client_with_tls_and_the_right_login() {
        assertTrue(broker.url().startsWith("ssl://"), "a TLS broker names an ssl:// URL: " + broker.url());
        try (MqttProbe subscriber = new MqttProbe(connection(USER, PASSWORD, tls), "sub").connect()
                .subscribe("linehub/+/scanner/+/scan", 1);
             MqttProbe publisher = new MqttProbe(connection(USER, PASSWORD, tls), "pub").connect()) {
            publisher.publish(TOPIC, "]d20109501101530003".getBytes(StandardCharsets.UTF_8), 1);
            await().atMost(Duration.ofSeconds(10)).until(subscriber::count, n -> n == 1);
            assertEquals("]d20109501101530003", subscriber.messages().get(0).text(), "payload arrives over TLS");
        }
    }

    @Test
    void should_refuse_a_client_without_tls() {
        String plainUrl = "tcp://127.0.0.1:" + broker.port();
        MqttProbe plain = new MqttProbe(new MqttConnection(plainUrl, USER, PASSWORD, null), "plain");
        assertThrows(IllegalStateException.class, plain::connect, "plain MQTT on the TLS port");
        plain.close();
    }

    @Test
    void should_refuse_a_wrong_password_no_login_and_a_wrong_user() {
        List<MqttConnection> wrong = new ArrayList<>(List.of(connection(USER, "wrong", tls),
                connection(null, null, tls), connection("someone", PASSWORD, tls),
                connection(USER, PASSWORD.substring(0, PASSWORD.length() - 1), tls)));
        for (MqttConnection c : wrong) {
            MqttProbe probe = new MqttProbe(c, "wrong");
            IllegalStateException e = assertThrows(IllegalStateException.class, probe::connect, "login " + c);
            MqttException cause = assertInstanceOf(MqttException.class, e.getCause(), "an MQTT refusal");
            // MQTT 5 CONNACK 0x86 bad user name or password, 0x87 not authorized
            assertTrue(cause.getReasonCode() == 0x86 || cause.getReasonCode() == 0x87,
                    "refused by the broker for the login, reason " + cause.getReasonCode() + " for " + c);
            probe.close();
        }
    }

    @Test
    void should_refuse_artemis_cluster_user_with_its_default_password() {
        MqttProbe probe = new MqttProbe(connection("ACTIVEMQ.CLUSTER.ADMIN.USER", "CHANGE ME!!", tls), "cluster");
        assertThrows(IllegalStateException.class, probe::connect, "Artemis' well-known cluster login");
        probe.close();
    }

    @Test
    void should_not_let_a_client_talk_to_a_broker_whose_certificate_it_does_not_trust() {
        MqttProbe probe = new MqttProbe(connection(USER, PASSWORD, impostor), "untrusting");
        IllegalStateException e = assertThrows(IllegalStateException.class, probe::connect,
                "a truststore without the broker's certificate");
        assertTrue(causes(e).stream().anyMatch(SSLException.class::isInstance),
                "the TLS handshake fails, before any password is sent: " + causes(e));
        probe.close();
    }

    @Test
    void should_not_let_a_client_talk_to_a_trusted_certificate_made_out_to_another_host() {
        TestKeystores.Tls elsewhere = TestKeystores.create("elsewhere", "dns:broker.elsewhere.invalid");
        EmbeddedMqttBroker misnamed = new EmbeddedMqttBroker(0, BrokerSecurity.NONE
                .withTls(elsewhere.keystore(), elsewhere.password()).withUser(USER, PASSWORD));
        misnamed.start();
        try {
            MqttConnection trusting = new MqttConnection(misnamed.url(), USER, PASSWORD, MqttSocketFactory.forBroker(
                    misnamed.url(), elsewhere.truststore(), elsewhere.password().toCharArray()));
            MqttProbe probe = new MqttProbe(trusting, "hostname");
            IllegalStateException e = assertThrows(IllegalStateException.class, probe::connect,
                    "the certificate is trusted but names another host than 127.0.0.1");
            assertTrue(causes(e).stream().anyMatch(SSLException.class::isInstance),
                    "refused in the TLS handshake (host name check): " + causes(e));
            probe.close();
        } finally {
            misnamed.stop();
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
