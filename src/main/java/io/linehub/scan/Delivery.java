package io.linehub.scan;

import java.time.Instant;

/**
 * What the transport says of one delivery of a scan. An MQTT broker resends an unacknowledged QoS 1
 * message after a reconnect; a scan without the scanner's own {@code ts} has no other stable identity,
 * so this lets the hub recognise a resent scan it had already recorded (its acknowledgement lost with the
 * connection) instead of recording it a second time under a new event id.
 *
 * @param key         names the delivery's content: the hub's session, the topic and the payload
 * @param resendsFrom a record with this key made in [resendsFrom, resendsTo] is what is being resent
 * @param resendsTo   the start of the connection the scan arrived on
 */
public record Delivery(String key, Instant resendsFrom, Instant resendsTo) {
}
