package io.linehub.routes;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.BeanRepository;
import org.apache.camel.spi.Registry;

/**
 * The hub's beans as a scratch context sees them: read-only, and without the hub's Camel machinery. A
 * context adopts the components and endpoints it finds in its registry (it sets itself as their context),
 * so those are hidden; lookups by type are answered only for application types (a DataSource for sql:),
 * never for Camel SPI types a context would otherwise pick up and wire into itself.
 */
final class HubBeanView implements BeanRepository {

    private final Registry hub;

    HubBeanView(Registry hub) {
        this.hub = hub;
    }

    @Override
    public Object lookupByName(String name) {
        return visible(hub.lookupByName(name));
    }

    @Override
    public <T> T lookupByNameAndType(String name, Class<T> type) {
        return visible(hub.lookupByNameAndType(name, type));
    }

    @Override
    public <T> Map<String, T> findByTypeWithName(Class<T> type) {
        Map<String, T> answer = new LinkedHashMap<>();
        if (isApplicationType(type)) {
            hub.findByTypeWithName(type).forEach((name, bean) -> {
                if (visible(bean) != null) {
                    answer.put(name, bean);
                }
            });
        }
        return answer;
    }

    @Override
    public <T> Set<T> findByType(Class<T> type) {
        Set<T> answer = new LinkedHashSet<>();
        if (isApplicationType(type)) {
            hub.findByType(type).stream().filter(bean -> visible(bean) != null).forEach(answer::add);
        }
        return answer;
    }

    private static <T> T visible(T bean) {
        boolean camelOwned = bean instanceof Component || bean instanceof Endpoint || bean instanceof CamelContext;
        return camelOwned ? null : bean;
    }

    private static boolean isApplicationType(Class<?> type) {
        return !type.getName().startsWith("org.apache.camel.") && type != Object.class;
    }
}
