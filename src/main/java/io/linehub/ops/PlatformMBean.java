package io.linehub.ops;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Registers one of linehub's MBeans (domain {@code linehub}) in the platform MBean server while the hub
 * runs, beside Camel's own; a second hub in the same JVM (tests) replaces the first's registration.
 */
public final class PlatformMBean extends ServiceSupport {

    private final ObjectName name;
    private final Object mbean;

    /** @param face the MBean interface the operator sees; the implementation's class name may be anything */
    public <T> PlatformMBean(String objectName, T implementation, Class<T> face) throws Exception {
        this.name = new ObjectName(objectName);
        this.mbean = new StandardMBean(implementation, face);
    }

    @Override
    protected void doStart() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(mbean, name);
    }

    @Override
    protected void doStop() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }
}
