package io.linehub.config;

import java.nio.file.Path;
import org.apache.camel.CamelContext;

/** Typed access to linehub's own properties, resolved with Camel's placeholders (env, -D, files). */
public final class HubProperties {

    private final CamelContext context;

    public HubProperties(CamelContext context) {
        this.context = context;
    }

    /** @return the resolved value, or null when the key is not set */
    public String get(String key) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::trim).orElse(null);
    }

    public String get(String key, String defaultValue) {
        String v = get(key);
        return v == null || v.isEmpty() ? defaultValue : v;
    }

    /** A setting without which the hub cannot run; the message names the environment variable to set. */
    public String require(String key, String environmentVariable) {
        String v;
        try {
            v = get(key);
        } catch (RuntimeException e) {
            v = null;
        }
        if (v == null || v.isBlank() || v.contains("{{")) {
            throw new IllegalStateException(key + " is not set: set " + environmentVariable
                    + " (the active profile has no default for it)");
        }
        return v;
    }

    public int getInt(String key, int defaultValue) {
        String v = get(key);
        try {
            return v == null || v.isEmpty() ? defaultValue : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + key + " must be a whole number, not '" + v + "'", e);
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String v = get(key);
        return v == null || v.isEmpty() ? defaultValue : Boolean.parseBoolean(v);
    }

    public Path configFile(String key, String defaultName) {
        return Path.of(get("linehub.config.dir", "config")).resolve(get(key, defaultName));
    }
}
