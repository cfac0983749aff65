package io.linehub.cluster;

import io.linehub.config.HubProperties;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clustering on ({@code linehub.cluster.enabled=true}): the MQTT input topics become shared subscriptions
 * of the group and the single-owner routes are handed to {@link Ownership}. Off (the default): nothing here
 * runs and the hub behaves as a single hub always did.
 */
public final class ClusterBeans {

    /** The MQTT input topic settings the routes read; each becomes $share/{group}/{topic} in a cluster. */
    static final String[] SHARED_TOPICS = {"linehub.mqtt.scan-topic", "linehub.mqtt.rfid-topic",
        "linehub.mqtt.job-topic"};

    /** application_name of a hub's lock session in pg_stat_activity: this prefix and the hub id. */
    public static final String LOCK_SESSION_PREFIX = "linehub-lock:";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBeans.class);

    private ClusterBeans() {
    }

    public static boolean enabled(HubProperties props) {
        return props.getBoolean("linehub.cluster.enabled", false);
    }

    /** Before the routes are made: shared topics, the hub-id check and the ownership service. */
    public static void configure(CamelContext context, HubProperties props) throws Exception {
        if (!enabled(props)) {
            return;
        }
        String dbUrl = props.get("linehub.db.url", "");
        if (!dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("linehub.cluster.enabled=true needs PostgreSQL (LINEHUB_DB_URL="
                    + "jdbc:postgresql://...): the hubs share its database and take ownership with its advisory locks");
        }
        String group = props.get("linehub.cluster.group", "linehub");
        for (String key : SHARED_TOPICS) {
            String topic = props.get(key);
            if (topic != null && !topic.startsWith("$share/")) {
                // the override is read when the YAML routes are made, which is after this configuration
                context.getPropertiesComponent().addOverrideProperty(key, "$share/" + group + "/" + topic);
            }
        }
        String hubId = props.get("linehub.hub-id");
        Ownership ownership = new Ownership(context,
                new AdvisoryLock(dbUrl, props.get("linehub.db.user", ""), props.get("linehub.db.password", ""),
                        LOCK_SESSION_PREFIX + hubId),
                hubId, props.getInt("linehub.cluster.claim-interval-ms", 2000));
        ownership.claimHubId(hubId);
        context.getRegistry().bind("ownership", ownership);
        context.addService(ownership, true, true);
        LOG.info("cluster: hub {} in group {}; MQTT input shared, relays and printer queues claimed by ownership",
                hubId, group);
    }

    /** What the single-owner routes ask before acting: the lock check in a cluster, nothing on a single hub. */
    public static Fence fence(CamelContext context) {
        Ownership ownership = ownership(context);
        return ownership == null ? Fence.SINGLE_HUB : ownership.fence();
    }

    /** Who drains a partner subscription: the hub that holds its lock in a cluster, this hub on its own. */
    public static PollOwnership pollOwnership(CamelContext context) {
        Ownership ownership = ownership(context);
        return ownership == null ? PollOwnership.SINGLE_HUB : ownership.pollOwnership();
    }

    /** The ownership service when clustering is on, else null (single hub: start every route directly). */
    public static Ownership ownership(CamelContext context) {
        return context.getRegistry().lookupByNameAndType("ownership", Ownership.class);
    }
}
