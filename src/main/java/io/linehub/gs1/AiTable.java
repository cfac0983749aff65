package io.linehub.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The GS1 Application Identifier table, loaded once from {@code gs1/ai-table.tsv}; immutable and thread-safe. */
public final class AiTable {

    static final String RESOURCE = "/gs1/ai-table.tsv";
    private static final int MIN_AI = 2;
    private static final int MAX_AI = 4;

    private final Map<String, AiDefinition> byAi;

    private AiTable(List<AiDefinition> definitions) {
        Map<String, AiDefinition> map = new LinkedHashMap<>();
        for (AiDefinition definition : definitions) {
            if (map.put(definition.ai(), definition) != null) {
                throw new IllegalStateException("AI (" + definition.ai() + ") defined twice");
            }
            definition.components().forEach(c -> c.linters().forEach(AiTable::requireKnownLinter));
        }
        // GS1 allocates AIs prefix-free; parsing by "first AI that is a prefix" relies on it.
        for (String ai : map.keySet()) {
            for (int len = MIN_AI; len < ai.length(); len++) {
                if (map.containsKey(ai.substring(0, len))) {
                    throw new IllegalStateException("AI (" + ai.substring(0, len) + ") is a prefix of (" + ai + ")");
                }
            }
        }
        this.byAi = Map.copyOf(map);
    }

    /** The table shipped with linehub. */
    public static AiTable standard() {
        return Holder.STANDARD;
    }

    /** Loads a table in the {@code ai-table.tsv} format, e.g. a newer one for tests. */
    public static AiTable load(InputStream tsv) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
            return new AiTable(AiTableReader.read(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<AiDefinition> find(String ai) {
        return Optional.ofNullable(byAi.get(ai));
    }

    public Collection<AiDefinition> all() {
        return byAi.values();
    }

    /** The known AI that {@code data} starts with at {@code from}, or null when no AI is a prefix there. */
    AiDefinition prefixAt(CharSequence data, int from) {
        for (int len = MIN_AI; len <= MAX_AI && from + len <= data.length(); len++) {
            AiDefinition definition = byAi.get(data.subSequence(from, from + len).toString());
            if (definition != null) {
                return definition;
            }
        }
        return null;
    }

    private static void requireKnownLinter(String linter) {
        if (!Linters.isKnown(linter)) {
            throw new IllegalStateException("unknown linter '" + linter + "'");
        }
    }

    /** Lazy holder: the table is read on first use, once, with the JVM's class-initialisation guarantees. */
    private static final class Holder {
        static final AiTable STANDARD = loadStandard();

        private static AiTable loadStandard() {
            InputStream in = AiTable.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return load(in);
        }
    }
}
