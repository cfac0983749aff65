package io.linehub.relay.outbox;

import io.linehub.relay.Destination;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;

/** One subscription; consume only. Options: types, lines, batchSize, format, and the poll options (delay). */
public final class OutboxEndpoint extends ScheduledPollEndpoint {

    private final String subscription;
    private String types = "*";
    private String lines = "";
    private int batchSize = 1;
    private String format = Destination.FORMAT_JSON;

    OutboxEndpoint(String uri, OutboxComponent component, String subscription) {
        super(uri, component);
        this.subscription = subscription;
        setDelay(100);
    }

    void validate() {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("outbox:" + subscription + ": batchSize must be 1-1000, not "
                    + batchSize);
        }
        if (!Destination.FORMAT_JSON.equals(format) && !Destination.FORMAT_EPCIS.equals(format)) {
            throw new IllegalArgumentException("outbox:" + subscription + ": format must be json or epcis, not "
                    + format);
        }
        if (typeSet().isEmpty()) {
            throw new IllegalArgumentException("outbox:" + subscription + ": types must name event types or *");
        }
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("outbox: is a consumer: events enter the outbox by being recorded");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        OutboxConsumer consumer = new OutboxConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public OutboxComponent getComponent() {
        return (OutboxComponent) super.getComponent();
    }

    public String getSubscription() {
        return subscription;
    }

    Set<String> typeSet() {
        return split(types);
    }

    Set<String> lineSet() {
        return split(lines);
    }

    private static Set<String> split(String csv) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(csv == null ? new String[0] : csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(values::add);
        return values;
    }

    public String getTypes() {
        return types;
    }

    /** Event types taken, comma-separated, {@code *} for all. */
    public void setTypes(String types) {
        this.types = types;
    }

    public String getLines() {
        return lines;
    }

    /** Lines whose events are taken, comma-separated; empty for all. */
    public void setLines(String lines) {
        this.lines = lines;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Events per exchange: 1 gives the event object (with its type and line as headers), more a JSON array. */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public String getFormat() {
        return format;
    }

    /** json (the contract's events) or epcis (one EPCIS 2.0 document per batch). */
    public void setFormat(String format) {
        this.format = format;
    }
}
