package io.linehub.routes;

import java.nio.file.Path;

/**
 * One thing wrong with a route file, where a plant engineer finds it: the file, its 1-based line, and a
 * sentence without Camel internals. Printed as {@code routes/partners/acme.camel.yaml:14: message}, the form
 * editors and CI logs turn into a link.
 */
public record RouteProblem(Path file, int line, String message) {

    public RouteProblem {
        file = file.toAbsolutePath().normalize();
        line = Math.max(1, line);
    }

    /** The file as people name it: relative to the working directory when it lies below it. */
    public String fileName() {
        return RoutePaths.display(file);
    }

    @Override
    public String toString() {
        return fileName() + ":" + line + ": " + message;
    }
}
