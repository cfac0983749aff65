package io.linehub.rfid;

import java.util.List;

/**
 * Everything one reader payload yielded: the tag reads, the elements that could not be read, and how many
 * keep-alive or non-inventory events were dropped.
 *
 * @param reads      tag reads in payload order
 * @param problems   elements (or the whole payload) that produced no read, in payload order
 * @param heartbeats heartbeats, keep-alives and non-inventory events dropped on purpose
 */
public record ReadBatch(List<TagRead> reads, List<ReadProblem> problems, int heartbeats) {

    public ReadBatch {
        reads = List.copyOf(reads);
        problems = List.copyOf(problems);
        if (heartbeats < 0) {
            throw new IllegalArgumentException("heartbeats must not be negative: " + heartbeats);
        }
    }

    static ReadBatch refused(String reason) {
        return new ReadBatch(List.of(), List.of(ReadProblem.wholePayload(reason)), 0);
    }

    static ReadBatch keepAlive() {
        return new ReadBatch(List.of(), List.of(), 1);
    }
}
