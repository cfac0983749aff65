package io.linehub.e2e;

import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL unreachable for a while under steady load (the hub's connections go through a TCP relay
 * that is cut and restored), on the plant's real services: Mosquitto and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

    /** The local services, with the database reached through the relay. */
    static final class ThroughProxy implements HubEnvironment {
        final LocalServicesEnvironment real = new LocalServicesEnvironment();
        final TcpProxy proxy;

        ThroughProxy() throws Exception {
            proxy = new TcpProxy("127.0.0.1", 5432);
        }

        @Override
        public String mqttUrl() {
            return real.mqttUrl();
        }

        @Override
        public String dbUrl() {
            return real.dbUrl().replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port());
        }

        @Override
        public String dbUser() {
            return real.dbUser();
        }

        @Override
        public String dbPassword() {
            return real.dbPassword();
        }

        @Override
        public boolean ownsBroker() {
            return real.ownsBroker();
        }

        @Override
        public void close() {
            proxy.close();
            real.close();
        }
    }

    private ThroughProxy env;
    private EventReceiver erp;
    private TestHub hub;
    private LoadUnderFault load;

    @BeforeAll
    void start() throws Exception {
        env = new ThroughProxy();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.destination.erp.types", "scan.accepted"));
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 20_000);
        load = new LoadUnderFault(hub, erp, env.mqttUrl(), 0);
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        erp.stop();
        env.close();
    }

    @Test
    void database_unreachable_for_15_s() throws Exception {
        FaultSuiteTest.assertNothingLost(load.underLoad("PostgreSQL unreachable for 15 s",
                env.proxy::cut, Duration.ofSeconds(15), env.proxy::restore,
                "inputs wait (MQTT unacked, TCP unread) and are retried until it is back"));
    }
}
