package io.linehub.ops;

import java.time.Instant;

/** One relay destination at one moment; depth and age are -1 when the database could not be asked. */
public record DestinationFigures(String name, long outboxDepth, long oldestAgeSeconds, long delivered,
                                 Instant failingSince) {
}
