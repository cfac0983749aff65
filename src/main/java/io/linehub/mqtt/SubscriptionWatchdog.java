package io.linehub.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a consumer that is connected but receives nothing (a subscription the broker lost, e.g. after
 * a restart without persistence): it publishes a probe on a topic each watched route subscribes to
 * ({prefix}/_watchdog/...), and when a route has not heard its probes for a while although the broker
 * takes them, it restarts the route, which subscribes again. States show in health and JMX.
 *
 * <p>Not a Camel service itself: the watched routes call {@link #heard}, and Camel stops a bean that is a
 * service when the route using it stops, which would end the watchdog with the first restart. {@link
 * #asService()} gives the hub's lifecycle handle.
 */
public final class SubscriptionWatchdog {

    /** A route to watch and the topic that reaches it. */
    public record Watched(String routeId, String probeTopic) {
    }

    /** How a watched route is doing. */
    public enum State { OK, SILENT, BROKER_UNREACHABLE, STOPPED }

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionWatchdog.class);

    private final CamelContext context;
    private final HubStatusPublisher publisher;
    private final List<Watched> watched;
    private final Duration interval;
    private final Duration silence;
    private final Clock clock;
    private final BooleanSupplier holdingForOutage;
    private final Map<String, Instant> lastHeard = new ConcurrentHashMap<>();
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final AtomicLong restarts = new AtomicLong();
    private volatile Instant lastRestart;
    private ScheduledExecutorService scheduler;
    private java.util.concurrent.ExecutorService restarter;

    /** @param holdingForOutage true while inputs are held back on purpose (the database is unreachable) */
    public SubscriptionWatchdog(CamelContext context, HubStatusPublisher publisher, List<Watched> watched,
                                Duration interval, Duration silence, BooleanSupplier holdingForOutage, Clock clock) {
        this.context = context;
        this.holdingForOutage = holdingForOutage;
        this.publisher = publisher;
        this.watched = List.copyOf(watched);
        this.interval = interval;
        this.silence = silence;
        this.clock = clock;
    }

    /** Called by a watched route when its probe arrives. */
    public void heard(String routeId) {
        lastHeard.put(routeId, clock.instant());
        states.put(routeId, State.OK);
    }

    /** Starts and stops the watchdog with the hub. */
    public org.apache.camel.Service asService() {
        return new ServiceSupport() {
            @Override
            protected void doStart() {
                SubscriptionWatchdog.this.start();
            }

            @Override
            protected void doStop() {
                SubscriptionWatchdog.this.stop();
            }
        };
    }

    synchronized void start() {
        Instant now = clock.instant();
        watched.forEach(w -> {
            lastHeard.put(w.routeId(), now);
            states.put(w.routeId(), State.OK);
        });
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linehub-subscription-watchdog");
            t.setDaemon(true);
            return t;
        });
        restarter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "linehub-subscription-restarter");
            t.setDaemon(true);
            return t;
        });
        long every = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        LOG.info("subscription watchdog: probing {} every {} ms, silence after {} ms",
                watched.stream().map(Watched::routeId).toList(), every, silence.toMillis());
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            restarter.shutdownNow();
        }
    }

    void tick() {
        try {
            for (Watched w : watched) {
                check(w);
            }
        } catch (Throwable e) {
            // whatever happens, the next tick must run: a watchdog that dies quietly is worse than none
            LOG.warn("subscription watchdog: {}", e.getMessage(), e);
        }
    }

    private void check(Watched w) {
        Instant now = clock.instant();
        if (context.getRouteController().getRouteStatus(w.routeId()) != ServiceStatus.Started) {
            // a stopped route hears nothing by design; its silence starts counting when it runs again
            lastHeard.put(w.routeId(), now);
            states.put(w.routeId(), State.STOPPED);
            return;
        }
        if (!consumerConnected(w.routeId())) {
            // the route's own client is still reconnecting (after a broker restart it can take a few seconds
            // longer than the hub's status client): restarting it now would race its reconnect
            lastHeard.put(w.routeId(), now);
            states.put(w.routeId(), State.BROKER_UNREACHABLE);
            return;
        }
        var oldest = context.getInflightRepository().oldest(w.routeId());
        if (oldest != null && (oldest.getElapsed() < silence.toMillis() || holdingForOutage.getAsBoolean())) {
            // busy, e.g. holding its stream through a database outage: its probes wait in the queue behind.
            // An exchange stuck longer than the silence without an outage does not count as busy.
            lastHeard.put(w.routeId(), now);
            return;
        }
        boolean published = publisher.publish(w.probeTopic(), ("probe " + now).getBytes(StandardCharsets.UTF_8));
        if (!published) {
            lastHeard.put(w.routeId(), now);
            states.put(w.routeId(), State.BROKER_UNREACHABLE);
            return;
        }
        Instant heard = lastHeard.getOrDefault(w.routeId(), now);
        if (Duration.between(heard, now).compareTo(silence) <= 0) {
            return;
        }
        states.put(w.routeId(), State.SILENT);
        LOG.warn("route {} has received nothing for {} s although the broker takes its probes: its subscription is"
                + " gone; restarting the route to subscribe again", w.routeId(), Duration.between(heard, now).toSeconds());
        lastHeard.put(w.routeId(), now.plus(interval.multipliedBy(5)));
        // on a thread of its own: stopping a route stops its consumer's threads, and the ticks must go on
        restarter.execute(() -> restart(w.routeId()));
    }

    private void restart(String routeId) {
        try {
            context.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
            context.getRouteController().startRoute(routeId);
            restarts.incrementAndGet();
            lastRestart = clock.instant();
            lastHeard.put(routeId, clock.instant());
        } catch (Exception e) {
            LOG.warn("route {} could not be restarted: {}", routeId, e.getMessage());
        }
    }

    private boolean consumerConnected(String routeId) {
        org.apache.camel.Route route = context.getRoute(routeId);
        if (route != null && route.getConsumer() instanceof org.apache.camel.component.paho.mqtt5.PahoMqtt5Consumer c) {
            return c.getClient() != null && c.getClient().isConnected();
        }
        return true;
    }

    /** Route id to state, in watch order. */
    public Map<String, State> states() {
        Map<String, State> copy = new LinkedHashMap<>();
        watched.forEach(w -> copy.put(w.routeId(), states.getOrDefault(w.routeId(), State.OK)));
        return copy;
    }

    public long restarts() {
        return restarts.get();
    }

    public Instant lastRestart() {
        return lastRestart;
    }

    /** The probe topic of a watched route, or null when the route is not watched. */
    public String probeTopic(String routeId) {
        return watched.stream().filter(w -> w.routeId().equals(routeId)).map(Watched::probeTopic)
                .findFirst().orElse(null);
    }
}
