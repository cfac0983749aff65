package io.linehub.e2e;

import io.linehub.routes.LiveRoutes;
import io.linehub.routes.RouteFileValidator;
import io.linehub.routes.RouteProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * The route test kit: a real hub (embedded MQTT broker, H2, the shipped config/ and routes/) plus the route
 * files under test, so one partner route is tested in a few lines (docs/route-test-kit.md):
 *
 * <pre>{@code
 * try (PartnerRouteKit kit = PartnerRouteKit.start(Map.of("partner.acme.url", receiver.url()),
 *         Path.of("src/test/resources/route-fixtures/partner-orders.camel.yaml"))) {
 *     kit.send("direct:partner-acme-orders", body, Map.of("orderId", "o-1"));
 * }
 * }</pre>
 *
 * Each file is checked with {@link RouteFileValidator} first: a broken file fails the test with its
 * {@code file:line: message} list instead of a Camel stack trace. The ERP destination is off and route
 * reload is off, unless {@code properties} say otherwise.
 */
public final class PartnerRouteKit implements AutoCloseable {

    private final HubEnvironment env;
    private final TestHub hub;
    private ProducerTemplate producer;

    private PartnerRouteKit(HubEnvironment env, TestHub hub) {
        this.env = env;
        this.hub = hub;
    }

    /** A hub with the shipped routes only (e.g. to validate route files against it). */
    public static PartnerRouteKit start() throws Exception {
        return start(Map.of());
    }

    /**
     * @param properties hub properties for the test (partner URLs, ...); they win over config/
     * @param routeFiles the route files under test, loaded after the shipped routes run
     */
    public static PartnerRouteKit start(Map<String, String> properties, Path... routeFiles) throws Exception {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("linehub.routes.reload", "false");
        overrides.putAll(properties);
        HubEnvironment env = new EmbeddedEnvironment();
        TestHub hub = new TestHub(env, "", overrides);
        PartnerRouteKit kit = new PartnerRouteKit(env, hub);
        try {
            hub.start();
            for (Path file : routeFiles) {
                kit.load(file);
            }
            return kit;
        } catch (Exception | AssertionError e) {
            kit.close();
            throw e;
        }
    }

    /** The shipped route files, as config/application.properties names them for camel-main. */
    public static String shippedRoutes() throws java.io.IOException {
        java.util.Properties config = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("config", "application.properties"))) {
            config.load(in);
        }
        return config.getProperty("camel.main.routes-include-pattern").trim();
    }

    private void load(Path file) throws Exception {
        List<RouteProblem> problems = validator().validate(file);
        if (!problems.isEmpty()) {
            throw new AssertionError("route file " + file + " has problems:\n  "
                    + problems.stream().map(RouteProblem::toString).collect(Collectors.joining("\n  ")));
        }
        new LiveRoutes(context()).replace(file, Files.readAllBytes(file), List.of());
    }

    public CamelContext context() {
        return hub.hub().context();
    }

    public RouteFileValidator validator() {
        return new RouteFileValidator(context());
    }

    /** Sends a message into a route (e.g. {@code direct:...}) and returns once the route has processed it. */
    public void send(String endpointUri, Object body, Map<String, Object> headers) {
        producer().sendBodyAndHeaders(endpointUri, body, headers);
    }

    /** Sends a message and answers the route's reply body (request-reply). */
    public <T> T request(String endpointUri, Object body, Class<T> type) {
        return producer().requestBody(endpointUri, body, type);
    }

    /** GETs a path of the hub's HTTP API, e.g. {@code /api/route-changes}. */
    public String httpGet(String path) throws Exception {
        return hub.httpGet(path);
    }

    public DataSource dataSource() {
        return hub.dataSource();
    }

    private ProducerTemplate producer() {
        if (producer == null) {
            producer = context().createProducerTemplate();
        }
        return producer;
    }

    @Override
    public void close() throws Exception {
        try {
            if (producer != null) {
                producer.close();
            }
            hub.close();
        } finally {
            env.close();
        }
    }
}
