package io.linehub;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a hub is started with: its mode, its configuration folder and property overrides
 * (tests and tools use overrides; plant IT uses the files and the environment).
 */
public record HubOptions(HubMode mode, Path configDir, Map<String, String> overrides) {

    public HubOptions(HubMode mode, Path configDir) {
        this(mode, configDir, Map.of());
    }

    public HubOptions {
        overrides = Map.copyOf(overrides);
    }
}
