package io.linehub;

import io.linehub.config.HubBeans;
import java.nio.file.Path;
import io.linehub.config.HubProperties;
import io.linehub.print.PrintRoutes;
import io.linehub.print.PrinterQueues;
import io.linehub.relay.Destinations;
import io.linehub.relay.RelayRoutes;
import io.linehub.routes.RouteReloader;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running hub: camel-main with linehub's configuration folder, routes folder and beans. */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final Main main;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Hub(Main main) {
        this.main = main;
    }

    public static Hub start(HubOptions options) throws Exception {
        Main main = new Main(Linehub.class, HubBeans.class);
        // beans are wired explicitly by HubBeans; a package scan would run it twice
        main.configure().setBasePackageScanEnabled(false);
        String dir = options.configDir().toAbsolutePath().normalize().toString();
        String profile = profile(options);
        // the first location that sets a key wins: the profile's file overrides the defaults
        main.setDefaultPropertyPlaceholderLocation((profile == null ? ""
                : "file:" + dir + "/application-" + profile + ".properties;optional=true,")
                + "file:" + dir + "/application.properties");
        main.addInitialProperty("linehub.config.dir", dir);
        main.addInitialProperty("linehub.profile", profile == null ? "" : profile);
        main.addInitialProperty("linehub.mode", options.mode().name().toLowerCase());
        options.overrides().forEach(main::addOverrideProperty);
        Path dataDir = Path.of(options.overrides().getOrDefault("linehub.data.dir",
                System.getProperty("linehub.data.dir", "data")));
        io.linehub.config.JolokiaAccess.apply(main, options.overrides(), profile, dataDir);
        if (options.mode() == HubMode.DEMO && !options.overrides().containsKey(DemoLine.EPCIS_URL_KEY)
                && System.getenv("LINEHUB_EPCIS_URL") == null) {
            // the demo's serialization partner is the built-in EPCIS receiver
            main.addOverrideProperty(DemoLine.EPCIS_URL_KEY, DemoLine.EPCIS_URL);
        }
        Hub hub = new Hub(main);
        main.start();
        HubProperties props = new HubProperties(main.getCamelContext());
        DemoLine demo = options.mode() == HubMode.DEMO ? DemoLine.startReceiver(main.getCamelContext(), props) : null;
        RelayRoutes.install(main.getCamelContext(), hub.bean("destinations", Destinations.class),
                props.getInt("linehub.relay.poll-ms", 100));
        PrintRoutes.install(main.getCamelContext(), hub.bean("printerQueues", PrinterQueues.class),
                props.getInt("linehub.printer.poll-ms", 200));
        // after every route runs: the reloader takes the files' current versions as the running ones
        RouteReloader.installIfEnabled(main.getCamelContext(), props);
        if (demo != null) {
            demo.startLine(main.getCamelContext(), props);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "linehub-shutdown"));
        LOG.info("linehub {} started (config {}, profile {})", options.mode().name().toLowerCase(), dir,
                profile == null ? "default" : profile);
        return hub;
    }

    /** LINEHUB_PROFILE, or Camel's own CAMEL_MAIN_PROFILE / camel.main.profile; null for the defaults. */
    static String profile(HubOptions options) {
        String[] candidates = {options.overrides().get("linehub.profile"), System.getProperty("linehub.profile"),
            System.getenv("LINEHUB_PROFILE"), System.getProperty("camel.main.profile"),
            System.getenv("CAMEL_MAIN_PROFILE")};
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.trim().toLowerCase();
            }
        }
        return null;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            main.stop();
        } catch (Exception e) {
            LOG.warn("hub stop failed: {}", e.getMessage(), e);
        } finally {
            stopped.countDown();
        }
    }
}
