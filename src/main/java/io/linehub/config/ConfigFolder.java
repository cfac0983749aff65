package io.linehub.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A copy of a configuration folder with its own devices.yaml: for tests and benchmarks on their own ports. */
public final class ConfigFolder {

    private ConfigFolder() {
    }

    public static Path copyWithDevices(Path source, Path target, String devicesYaml) throws IOException {
        try (var files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(target.resolve("devices.yaml"), devicesYaml);
        return target;
    }
}
