package io.linehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.linehub.api.DeadLetterApi;
import io.linehub.db.DatabaseOutage;
import io.linehub.api.MasterDataApi;
import io.linehub.cluster.ClusterBeans;
import io.linehub.mqtt.SubscriptionWatchdog;
import io.linehub.ops.BrokerHealthCheck;
import io.linehub.ops.DatabaseHealthCheck;
import io.linehub.ops.SubscriptionHealthCheck;
import io.linehub.ops.WatchdogJmx;
import io.linehub.ops.WatchdogMBean;
import io.linehub.ops.DeadLettersJmx;
import java.util.List;
import org.apache.camel.health.HealthCheckRegistry;
import io.linehub.ops.DeadLettersMBean;
import io.linehub.ops.OpsView;
import io.linehub.ops.PlatformMBean;
import io.linehub.ops.ScanActivity;
import io.linehub.print.PrinterQueues;
import io.linehub.scan.DeadLetterReplay;
import io.linehub.api.RouteChangesApi;
import io.linehub.epcis.EpcisDocuments;
import io.linehub.gs1.Gs1Parser;
import io.linehub.masterdata.SchemaMigrator;
import io.linehub.masterdata.SerialImporter;
import io.linehub.masterdata.SerialQuery;
import io.linehub.mqtt.CallbackFirstMqttComponent;
import io.linehub.mqtt.HubStatusPublisher;
import io.linehub.mqtt.MqttConnection;
import io.linehub.relay.MqttEventPublisher;
import io.linehub.ops.HubCounters;
import io.linehub.packing.CasePacking;
import io.linehub.packing.CaseReadRepository;
import io.linehub.packing.CaseReadStrategy;
import io.linehub.packing.CaseWindows;
import io.linehub.relay.Destinations;
import io.linehub.relay.EventRecorder;
import io.linehub.relay.OutboxPruner;
import io.linehub.relay.OutboxRelay;
import io.linehub.relay.OutboxSignal;
import io.linehub.relay.outbox.OutboxComponent;
import io.linehub.relay.outbox.Subscriptions;
import io.linehub.rfid.ReadDeduplicator;
import io.linehub.rfid.RfidIntake;
import io.linehub.rfid.TagReadParser;
import io.linehub.routes.RouteChangeLog;
import io.linehub.routes.RouteChanges;
import io.linehub.routes.RouteChangesJmx;
import io.linehub.rules.ScanDecider;
import io.linehub.rules.StationRules;
import io.linehub.scan.DeadLetters;
import io.linehub.scan.DeviceRegistry;
import io.linehub.scan.ScanFrameDecoderFactory;
import io.linehub.scan.TcpConnectionLimit;
import io.linehub.scan.ScanIntake;
import io.linehub.scan.ScanOutcomeListeners;
import io.linehub.scan.ScanPayload;
import io.linehub.scan.ScanBatcher;
import io.linehub.scan.ScanPipeline;
import io.linehub.sim.DemoSeeder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires linehub's beans from its configuration, in dependency order, before the routes start. */
public class HubBeans implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HubBeans.class);
    /** An MQTT scan payload larger than this is rejected unread: no barcode is that long. */
    private static final int MAX_SCAN_PAYLOAD = 64 * 1024;

    @Override
    public void configure(CamelContext context) throws Exception {
        HubProperties props = new HubProperties(context);
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        boolean demo = "demo".equals(props.get("linehub.mode"));
        // first: a production setting that is missing stops the start before anything is opened
        SecurityBeans.apiToken(context, props);
        SecurityBeans.jmx(context, props);
        MqttBrokerStarter.Starting broker = MqttBrokerStarter.startIfEmbedded(context, props);

        Path dataDir = Path.of(props.get("linehub.data.dir", "data"));
        Files.createDirectories(dataDir.resolve("inbox/serials"));

        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        registry.bind("hubJson", json);

        HikariDataSource dataSource = dataSource(props);
        registry.bind("hubDataSource", dataSource);
        context.addService(new ClosingService("hubDataSource", dataSource), true, true);
        SchemaMigrator.migrate(dataSource);
        if (demo && DemoSeeder.seedIfEmpty(dataSource, props.getInt("linehub.demo.seed-serials", 100_000))) {
            LOG.info("demo master data seeded");
        }

        // clustering (off by default): shared MQTT topics and ownership, before any route is made
        ClusterBeans.configure(context, props);
        broker.await();
        CallbackFirstMqttComponent paho = new CallbackFirstMqttComponent(
                Duration.ofSeconds(props.getInt("linehub.mqtt.resend-window-after-start-seconds", 60)));
        // Paho doubles its reconnect delay up to 128 s: after a 30 s broker restart the hub came back only
        // ~63 s after the stop, past a station's duplicate window; a short cap brings it back within seconds
        int maxReconnectDelayMs = props.getInt("linehub.mqtt.max-reconnect-delay-ms", 5000);
        paho.getConfiguration().setMaxReconnectDelay(maxReconnectDelayMs);
        context.addComponent("paho-mqtt5", paho);
        String prefix = props.get("linehub.mqtt.prefix", "linehub");
        DatabaseOutage databaseOutage = new DatabaseOutage(clock);
        MqttConnection mqtt = SecurityBeans.mqtt(context, props);
        HubStatusPublisher hubStatus = new HubStatusPublisher(mqtt, props.get("linehub.hub-id") + "-status",
                prefix + "/hub/status", maxReconnectDelayMs);
        context.addService(hubStatus, true, true);
        SubscriptionWatchdog watchdog = new SubscriptionWatchdog(context, hubStatus, List.of(
                new SubscriptionWatchdog.Watched("scan-in-mqtt",
                        prefix + "/_watchdog/scanner/" + props.get("linehub.hub-id") + "/scan"),
                new SubscriptionWatchdog.Watched("rfid-in",
                        prefix + "/_watchdog/rfid/" + props.get("linehub.hub-id") + "/reads")),
                Duration.ofMillis(props.getInt("linehub.watchdog.interval-ms", 5000)),
                Duration.ofMillis(props.getInt("linehub.watchdog.silence-ms", 20_000)), databaseOutage::ongoing, clock);
        registry.bind("subscriptionWatchdog", watchdog);
        context.addService(watchdog.asService(), true, true);
        context.addService(new PlatformMBean("linehub:type=Watchdog", new WatchdogJmx(watchdog), WatchdogMBean.class),
                true, true);
        HealthCheckRegistry.get(context).register(new SubscriptionHealthCheck(watchdog));
        HealthCheckRegistry.get(context).register(new BrokerHealthCheck(hubStatus));
        HealthCheckRegistry.get(context).register(new DatabaseHealthCheck(dataSource));

        HubCounters counters = new HubCounters();
        registry.bind("hubCounters", counters);
        DeviceRegistry devices = DeviceRegistry.load(props.configFile("linehub.devices.file", "devices.yaml"));
        StationRules stations = StationRules.load(props.configFile("linehub.stations.file", "stations.yaml"));
        registry.bind("deviceRegistry", devices);
        registry.bind("stationRules", stations);
        registry.bind("scanFrameDecoder", new ScanFrameDecoderFactory(props.getInt("linehub.tcp.max-frame", 4096),
                props.getInt("linehub.tcp.frame-timeout-ms", 30_000)));
        TcpConnectionLimit tcpConnections = new TcpConnectionLimit(props.getInt("linehub.tcp.max-connections", 256),
                props.getInt("linehub.tcp.max-connections-per-address", 8));
        registry.bind("tcpConnectionLimit", tcpConnections);
        ScanActivity activity = new ScanActivity(devices, tcpConnections::openFrom,
                Duration.ofSeconds(props.getInt("linehub.ops.device-online-seconds", 300)), clock);
        registry.bind("scanActivity", activity);
        SecurityBeans.tcpAllowList(context, props, devices);
        ScanIntake scanIntake = new ScanIntake(devices, stations, new ScanPayload(json, MAX_SCAN_PAYLOAD),
                props.get("linehub.mqtt.prefix", "linehub"), clock);
        registry.bind("scanIntake", scanIntake);

        Destinations destinations = Destinations.fromProperties(props::get);
        registry.bind("destinations", destinations);
        boolean rejectUnknown = "reject".equalsIgnoreCase(props.get("linehub.unknown-devices", "accept"));
        ScanDecider decider = new ScanDecider(
                Duration.ofSeconds(props.getInt("linehub.duplicate-window-seconds", 60)), rejectUnknown);
        OutboxSignal outboxSignal = new OutboxSignal();
        EventRecorder recorder = new EventRecorder(dataSource, destinations, json, clock, outboxSignal);
        ScanOutcomeListeners listeners = new ScanOutcomeListeners();
        registry.bind("scanOutcomeListeners", listeners);
        int readWindowMs = props.getInt("linehub.aggregation.read-window-ms", 2000);
        ScanPipeline scanPipeline = new ScanPipeline(new Gs1Parser(clock), decider, stations, counters, activity,
                listeners, new CaseWindows(
                        Duration.ofMillis(readWindowMs),
                        Duration.ofMillis(props.getInt("linehub.aggregation.sequence-idle-ms", 30_000))));
        registry.bind("scanPipeline", scanPipeline);
        // the group commit of routes/scan-pipeline.camel.yaml; the route starts and stops it
        registry.bind("scanBatcher", ScanBatcher.create(dataSource, scanPipeline, recorder, databaseOutage, clock,
                props.getInt("linehub.scan.queue-size", 10_000), props.getInt("linehub.scan.batch-max", 500)));
        registry.bind("casePacking", new CasePacking(dataSource, stations, recorder, counters, activity, clock));
        registry.bind("caseReadStrategy", new CaseReadStrategy());
        registry.bind("caseReadRepository", CaseReadRepository.create(dataSource,
                props.getInt("linehub.aggregation.recovery-interval-ms", 5000)));
        registry.bind("deadLetters", new DeadLetters(dataSource));
        registry.bind("databaseOutage", databaseOutage);
        DeadLetterReplay replay = new DeadLetterReplay(dataSource, scanIntake, context.createProducerTemplate(),
                MqttEndpoints.producer(context, mqtt, prefix + "/replay", props.get("linehub.hub-id") + "-replay"));
        registry.bind("deadLetterApi", new DeadLetterApi(replay, json));
        context.addService(new PlatformMBean("linehub:type=DeadLetters", new DeadLettersJmx(replay),
                DeadLettersMBean.class), true, true);
        int dedupMs = props.getInt("linehub.rfid.dedup-window-ms", 5000);
        boolean perAntenna = props.getBoolean("linehub.rfid.dedup-per-antenna", false);
        int maxTags = props.getInt("linehub.rfid.dedup-max-tags", 100_000);
        registry.bind("rfidIntake", new RfidIntake(
                new TagReadParser(props.getBoolean("linehub.rfid.impinj-epc-is-hex", false)),
                new ReadDeduplicator(Duration.ofMillis(dedupMs), perAntenna, maxTags),
                new ReadDeduplicator(Duration.ofMillis(Math.min(dedupMs, readWindowMs)), perAntenna, maxTags),
                devices, activity, stations, props.get("linehub.mqtt.prefix", "linehub"), clock));
        MqttEventPublisher events = new MqttEventPublisher(mqtt, props.get("linehub.hub-id") + "-events",
                props.getInt("linehub.relay.mqtt-max-inflight", 1000));
        registry.bind("mqttEventPublisher", events);
        context.addService(new ClosingService("mqttEventPublisher", events), true, true);
        OutboxRelay relay;
        registry.bind("outboxRelay", relay = new OutboxRelay(dataSource, destinations, counters,
                props.get("linehub.mqtt.prefix", "linehub"),
                Duration.ofMillis(props.getInt("linehub.relay.backoff-initial-ms", 500)),
                Duration.ofMillis(props.getInt("linehub.relay.backoff-max-ms", 30_000)),
                new EpcisDocuments(EpcisSettings.profile(props, devices, stations), clock), clock,
                ClusterBeans.fence(context), outboxSignal));
        registry.bind("outboxPruner", new OutboxPruner(dataSource,
                Duration.ofDays(props.getInt("linehub.outbox.retention-days", 7)), clock));
        // partner routes (routes/partners) subscribe with outbox: consumers; stored subscriptions join the
        // destinations before any scan is recorded
        Subscriptions subscriptions = new Subscriptions(dataSource, destinations);
        int restored = subscriptions.restore();
        if (restored > 0) {
            LOG.info("{} partner subscriptions restored", restored);
        }
        registry.bind("subscriptions", subscriptions);
        context.addComponent("outbox", new OutboxComponent(relay, subscriptions));
        PrintBeans.bind(context, props, dataSource, devices, recorder, json, listeners, mqtt);
        OpsBeans.bind(context, props, new OpsView(activity, counters,
                registry.lookupByNameAndType("printerQueues", PrinterQueues.class), devices, relay, destinations,
                replay), json, clock);
        registry.bind("masterDataApi", new MasterDataApi(new SerialImporter(dataSource), new SerialQuery(dataSource),
                json));
        // the audit of route file changes exists with reload off too: it shows what was changed when it was on
        RouteChanges routeChanges = new RouteChanges(new RouteChangeLog(dataSource));
        registry.bind("routeChanges", routeChanges);
        registry.bind("routeChangesApi", new RouteChangesApi(routeChanges, json));
        context.addService(new RouteChangesJmx(routeChanges), true, true);
    }

    /**
     * An H2 file database writes commits to its file up to half a second late by default: a hub killed in
     * that window loses transactions whose MQTT scans were already acknowledged (found by HubKillTest).
     * WRITE_DELAY=0 hands every commit to the operating system before the commit returns.
     */
    static String durable(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:file:") && !jdbcUrl.toUpperCase().contains("WRITE_DELAY")) {
            return jdbcUrl + ";WRITE_DELAY=0";
        }
        return jdbcUrl;
    }

    private static HikariDataSource dataSource(HubProperties props) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("linehub-db");
        config.setJdbcUrl(durable(props.require("linehub.db.url", "LINEHUB_DB_URL")));
        config.setUsername(props.get("linehub.db.user"));
        config.setPassword(props.get("linehub.db.password", ""));
        config.setMaximumPoolSize(props.getInt("linehub.db.pool-size", 8));
        // fail fast at start when the database is unreachable; later outages are retried per scan
        config.setInitializationFailTimeout(10_000);
        config.setConnectionTimeout(5_000);
        rewriteBatchedInserts(config);
        return new HikariDataSource(config);
    }

    /**
     * PostgreSQL: the driver sends a JDBC batch of INSERTs as multi-row INSERTs (one statement per up to 128
     * rows instead of one per row), unless the URL says otherwise. The group commit's delivery and history rows
     * are such batches. Inserts that return generated keys (the outbox rows) are not rewritten by the driver,
     * so their ids still come back one per row, in order; nothing in the hub reads an insert batch's counts.
     */
    static void rewriteBatchedInserts(HikariConfig config) {
        String url = config.getJdbcUrl();
        if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
    }
}
