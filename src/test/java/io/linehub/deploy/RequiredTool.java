package io.linehub.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * An external program a test needs (docker-compose, chromium). Missing on a developer's machine, the test is skipped;
 * under CI ({@code -Dlinehub.require-tools=true}, set by {@code .ci/run}) it fails, so a runner that lost the tool
 * cannot turn the check green by skipping it.
 */
public final class RequiredTool {

    public static final String REQUIRE_PROPERTY = "linehub.require-tools";

    private RequiredTool() {
    }

    /** The program's path on PATH; skips or fails the calling test when there is none. */
    public static Path find(String name) {
        Optional<Path> found = onPath(name);
        if (found.isEmpty() && Boolean.getBoolean(REQUIRE_PROPERTY)) {
            throw new IllegalStateException(name + " is required here (" + REQUIRE_PROPERTY
                    + "=true) but not on PATH; .ci/run installs it with apt-get");
        }
        Assumptions.assumeTrue(found.isPresent(), name + " is not installed (apt-get install " + name + ")");
        return found.orElseThrow();
    }

    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
