package io.linehub.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Dockerfile builds from exact base image versions, and runs the hub as a non-root user. */
class DockerfileBaseImagesTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @Test
    void everyBaseImageIsPinned() throws IOException {
        List<String> bases = baseImages(Files.readAllLines(DOCKERFILE));

        assertEquals(2, bases.size(), "a build stage and a runtime stage: " + bases);
        for (String base : bases) {
            assertTrue(ImageReference.parse(base).pinned(), "FROM " + base + " is not pinned to an exact version");
        }
    }

    @Test
    void theRuntimeStageDropsRoot() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE);
        String lastUser = null;
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && "USER".equalsIgnoreCase(words[0])) {
                lastUser = words[1];
            }
        }
        assertTrue(lastUser != null && !lastUser.startsWith("root") && !lastUser.startsWith("0"),
                "the image's last USER is not root: " + lastUser);
    }

    /** The images of the FROM lines, without the ones that name an earlier stage ({@code FROM build}). */
    static List<String> baseImages(List<String> dockerfile) {
        List<String> images = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        for (String line : dockerfile) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 2 || !"FROM".equalsIgnoreCase(words[0])) {
                continue;
            }
            int i = 1;
            while (i < words.length && words[i].startsWith("--")) {
                i++;
            }
            String image = words[i];
            if (!stages.contains(image.toLowerCase(Locale.ROOT))) {
                images.add(image);
            }
            if (i + 2 < words.length && "AS".equalsIgnoreCase(words[i + 1])) {
                stages.add(words[i + 2].toLowerCase(Locale.ROOT));
            }
        }
        return images;
    }

    @Test
    void stageReferencesAndPlatformFlagsAreNotBaseImages() {
        assertEquals(List.of("maven:3.9.9-eclipse-temurin-17", "eclipse-temurin:17.0.13_11-jre"), baseImages(List.of(
                "# FROM ignored:latest", "FROM --platform=linux/amd64 maven:3.9.9-eclipse-temurin-17 AS build",
                "FROM build AS test", "from eclipse-temurin:17.0.13_11-jre")));
    }
}
