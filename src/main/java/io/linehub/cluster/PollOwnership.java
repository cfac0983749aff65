package io.linehub.cluster;

/**
 * One owner for work that polls for itself instead of being started by {@link Ownership}: a partner
 * route's {@code outbox:} consumer is made by the route file on every hub of the group, and without this
 * every hub would drain the same subscription at once, each partner event delivered by all of them.
 */
public interface PollOwnership {

    /** A single hub owns every subscription it has. */
    PollOwnership SINGLE_HUB = new PollOwnership() {
        @Override
        public boolean own(String name) {
            return true;
        }

        @Override
        public void release(String name) {
            // nothing to let go of
        }
    };

    /** True when this hub owns the named work now: it already did, or it was free and this hub took it. */
    boolean own(String name);

    /** Lets go of the work (its consumer stops here), so another hub's next poll takes it. */
    void release(String name);
}
