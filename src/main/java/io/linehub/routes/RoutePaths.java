package io.linehub.routes;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.spi.Resource;

/** How route files are named: one absolute form to compare, one short form for people and the audit. */
final class RoutePaths {

    private static final String FILE_SCHEME = "file:";

    private RoutePaths() {
    }

    static Path absolute(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Relative to the working directory when below it (camel-main names loaded files the same way). */
    static String display(Path file) {
        Path abs = absolute(file);
        Path cwd = absolute(Path.of(""));
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    /** The file a route was loaded from, when it came from a file (templates and Java routes have none). */
    static Optional<Path> of(Resource resource) {
        if (resource == null || resource.getLocation() == null || !resource.getLocation().startsWith(FILE_SCHEME)) {
            return Optional.empty();
        }
        return Optional.of(absolute(Path.of(resource.getLocation().substring(FILE_SCHEME.length()))));
    }

    /** A resource location that maps back to the same file via {@link #of(Resource)}. */
    static String location(Path file) {
        return FILE_SCHEME + absolute(file);
    }

    static boolean isRouteFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        // editors' swap and backup files start with a dot or end differently; they are not routes
        return name.endsWith(".camel.yaml") && !name.startsWith(".");
    }
}
