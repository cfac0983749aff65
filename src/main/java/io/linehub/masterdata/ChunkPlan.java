package io.linehub.masterdata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, without touching the database, what one chunk of rows changes given the stored state; rows
 * are applied in file order so that the same serial twice in a chunk behaves as two imports in sequence.
 */
final class ChunkPlan {

    static final String DEFAULT_REASON = "import";

    private final Map<String, String> storedProducts;
    private final Map<SerialKey, SerialState> storedSerials;
    private final Map<String, String> productNames;
    private final Set<String> newProducts = new LinkedHashSet<>();
    private final Map<SerialKey, SerialState> serials = new LinkedHashMap<>();
    private final List<PendingHistory> history = new ArrayList<>();
    private int inserted;
    private int updated;
    private int unchanged;

    /** {@code storedProducts} maps each known GTIN to its name, which may be null. */
    ChunkPlan(Map<String, String> storedProducts, Map<SerialKey, SerialState> storedSerials) {
        this.storedProducts = storedProducts;
        this.storedSerials = storedSerials;
        this.productNames = new HashMap<>(storedProducts);
    }

    void apply(SerialRow row) {
        boolean productChanged = applyProduct(row);
        SerialKey key = row.key();
        SerialState before = serials.containsKey(key) ? serials.get(key) : storedSerials.get(key);
        SerialState after = before == null ? created(row) : changed(before, row);
        serials.put(key, after);
        if (before == null) {
            inserted++;
        } else if (after.equals(before) && !productChanged) {
            unchanged++;
        } else {
            updated++;
        }
    }

    private boolean applyProduct(SerialRow row) {
        String gtin = row.gtin();
        if (!productNames.containsKey(gtin)) {
            newProducts.add(gtin);
            productNames.put(gtin, row.productName());
            return true;
        }
        if (row.productName() != null && !row.productName().equals(productNames.get(gtin))) {
            productNames.put(gtin, row.productName());
            return true;
        }
        return false;
    }

    private SerialState created(SerialRow row) {
        SerialStatus status = row.status() == null ? SerialStatus.PROVISIONED : row.status();
        String reason = reason(row);
        history.add(new PendingHistory(row.key(), null, status, reason));
        return new SerialState(row.key(), row.lot(), row.expiry(), status, statusReason(status, reason));
    }

    private SerialState changed(SerialState before, SerialRow row) {
        String lot = row.lot() == null ? before.lot() : row.lot();
        LocalDate expiry = row.expiry() == null ? before.expiry() : row.expiry();
        if (row.status() == null || row.status() == before.status()) {
            return new SerialState(before.key(), lot, expiry, before.status(), before.statusReason());
        }
        String reason = reason(row);
        history.add(new PendingHistory(before.key(), before.status(), row.status(), reason));
        return new SerialState(before.key(), lot, expiry, row.status(), statusReason(row.status(), reason));
    }

    private static String reason(SerialRow row) {
        return row.reason() == null ? DEFAULT_REASON : row.reason();
    }

    /** Only a decommissioned serial carries a reason: for any other status the old one no longer applies. */
    private static String statusReason(SerialStatus status, String reason) {
        return status == SerialStatus.DECOMMISSIONED ? reason : null;
    }

    /** GTIN to name for products to create, in first-seen order. */
    Map<String, String> productInserts() {
        Map<String, String> inserts = new LinkedHashMap<>();
        newProducts.forEach(gtin -> inserts.put(gtin, productNames.get(gtin)));
        return inserts;
    }

    /** GTIN to new name for stored products whose name changed. */
    Map<String, String> productRenames() {
        Map<String, String> renames = new LinkedHashMap<>();
        storedProducts.forEach((gtin, name) -> {
            if (!Objects.equals(name, productNames.get(gtin))) {
                renames.put(gtin, productNames.get(gtin));
            }
        });
        return renames;
    }

    List<SerialState> serialInserts() {
        return serials.values().stream().filter(s -> !storedSerials.containsKey(s.key())).toList();
    }

    /** Only serials whose final state differs: a change reverted within the chunk needs no UPDATE. */
    List<SerialState> serialUpdates() {
        return serials.values().stream()
                .filter(s -> storedSerials.containsKey(s.key()) && !s.equals(storedSerials.get(s.key())))
                .toList();
    }

    List<PendingHistory> history() {
        return history;
    }

    UpsertCounts counts() {
        return new UpsertCounts(inserted, updated, unchanged);
    }
}
