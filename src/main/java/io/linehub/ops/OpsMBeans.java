package io.linehub.ops;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * linehub's per-thing MBeans (linehub:type=Device|Line|Printer|Destination,name=...) in the platform MBean
 * server while the hub runs. A device or line first seen later (learning mode) is added then.
 */
public final class OpsMBeans extends ServiceSupport implements ScanActivity.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(OpsMBeans.class);
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@-]+");

    private final OpsView view;
    private final Set<ObjectName> registered = ConcurrentHashMap.newKeySet();

    public OpsMBeans(OpsView view) {
        this.view = view;
        view.activity().listen(this);
    }

    /** The name an operator finds in JConsole; a value with characters ObjectName reserves is quoted. */
    public static ObjectName name(String type, String value) {
        try {
            String v = value != null && PLAIN.matcher(value).matches() ? value : ObjectName.quote(String.valueOf(value));
            return new ObjectName("linehub:type=" + type + ",name=" + v);
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    protected void doStart() {
        ScanActivity activity = view.activity();
        activity.devices().forEach(this::deviceAdded);
        activity.lines().forEach(this::lineAdded);
        view.printerIds().forEach(id -> register(name("Printer", id), new PrinterJmx(id, view), PrinterMBean.class));
        view.destinationNames().forEach(n -> register(name("Destination", n), new DestinationJmx(n, view),
                DestinationMBean.class));
    }

    @Override
    public void deviceAdded(DeviceActivity device) {
        if (isStarted() || isStarting()) {
            register(name("Device", device.id()), new DeviceJmx(device, view.activity()), DeviceMBean.class);
        }
    }

    @Override
    public void lineAdded(LineActivity line) {
        if (isStarted() || isStarting()) {
            register(name("Line", line.line()), new LineJmx(line, view.activity()), LineMBean.class);
        }
    }

    private <T> void register(ObjectName name, T implementation, Class<T> face) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            // a second hub in the same JVM (tests) replaces the first's registration, as PlatformMBean does
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(implementation, face), name);
            registered.add(name);
        } catch (JMException e) {
            LOG.warn("could not register {}: {}", name, e.getMessage());
        }
    }

    @Override
    protected void doStop() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : registered) {
            try {
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
            } catch (JMException e) {
                LOG.debug("could not unregister {}: {}", name, e.getMessage());
            }
        }
        registered.clear();
    }
}
