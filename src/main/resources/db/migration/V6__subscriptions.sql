-- Partner routes subscribe to the event stream through an outbox: consumer. The subscription is kept
-- here, so events recorded while its route is stopped (hub restart, reload, partner outage) still
-- get a pending delivery and wait for it: at least once, in order, like the configured destinations.
CREATE TABLE subscription (
    name        VARCHAR(64)   NOT NULL PRIMARY KEY,
    types       VARCHAR(1000) NOT NULL,
    lines       VARCHAR(1000) NOT NULL,
    format      VARCHAR(16)   NOT NULL,
    batch_size  INTEGER       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
