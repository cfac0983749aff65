-- The transport's name for the delivery a scan's event came from (MQTT: session, topic, packet id,
-- payload). A broker resends an unacknowledged message after a reconnect; for a scan without the
-- scanner's timestamp this key is how the hub finds the event it had already recorded for it.
ALTER TABLE outbox ADD COLUMN delivery_key VARCHAR(36);
CREATE INDEX outbox_by_delivery_key ON outbox (delivery_key);
