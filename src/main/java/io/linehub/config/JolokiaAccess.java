package io.linehub.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides, before Camel starts its HTTP server, whether /observe/jolokia is on and behind a login. Jolokia is
 * JMX over HTTP, with write access: off unless asked for (setting linehub.jolokia.enabled or LINEHUB_JOLOKIA),
 * and in the prod profile only with a login from the environment (LINEHUB_JOLOKIA_USER/PASSWORD), kept in a
 * file of the data folder readable by the hub's user alone, as the HTTP server's basic authentication needs.
 */
public final class JolokiaAccess {

    private JolokiaAccess() {
    }

    /** Adds the settings to camel-main before it starts. */
    public static void apply(org.apache.camel.main.Main main, Map<String, String> overrides, String profile,
                             Path dataDir) throws IOException {
        settings(overrides, profile, System.getenv(), dataDir).forEach(main::addOverrideProperty);
    }

    /** The Camel management settings to add, empty when Jolokia stays off. */
    static Map<String, String> settings(Map<String, String> overrides, String profile, Map<String, String> env,
                                        Path dataDir) throws IOException {
        String enabled = overrides.getOrDefault("linehub.jolokia.enabled", env.getOrDefault("LINEHUB_JOLOKIA", "false"));
        if (!Boolean.parseBoolean(enabled.trim())) {
            return Map.of();
        }
        String user = overrides.getOrDefault("linehub.jolokia.user", env.get("LINEHUB_JOLOKIA_USER"));
        String password = overrides.getOrDefault("linehub.jolokia.password", env.get("LINEHUB_JOLOKIA_PASSWORD"));
        boolean login = user != null && !user.isBlank() && password != null && !password.isBlank();
        if ("prod".equals(profile) && !login) {
            throw new IllegalStateException("Jolokia is switched on in the prod profile without a login: set "
                    + "LINEHUB_JOLOKIA_USER and LINEHUB_JOLOKIA_PASSWORD, or leave LINEHUB_JOLOKIA unset");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camel.management.jolokia-enabled", "true");
        if (login) {
            if (!user.matches("[A-Za-z0-9_.-]{1,64}") || password.contains("\n") || password.contains(",")) {
                throw new IllegalStateException("LINEHUB_JOLOKIA_USER must be letters, digits, '.', '_' or '-', and "
                        + "LINEHUB_JOLOKIA_PASSWORD must not contain ',' or a line break");
            }
            Files.createDirectories(dataDir);
            Path users = dataDir.resolve("jolokia-users.properties");
            // Vert.x property-file authentication: user.<name> = <password>,<role>; role.<role> = <permission>
            Files.writeString(users, "user." + user + " = " + password + ",jolokia\nrole.jolokia = *\n");
            try {
                Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data folder's own permissions protect it
            }
            // the management endpoints share the HTTP server of the API (same port): its settings apply there
            for (String server : new String[] {"camel.server.", "camel.management."}) {
                settings.put(server + "authentication-enabled", "true");
                settings.put(server + "authentication-path", "/observe/jolokia/*");
                settings.put(server + "basic-properties-file", users.toAbsolutePath().toString());
            }
        }
        return settings;
    }
}
