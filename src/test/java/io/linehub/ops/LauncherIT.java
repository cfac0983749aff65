package io.linehub.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bin/linehub on the packaged jar (an integration test: it needs target/linehub.jar): the first run writes
 * the class-data-sharing archive beside the jar, the next maps it ({@code -Xshare:on} fails a JVM that cannot).
 */
class LauncherIT {

    private static final String SCAN = "]d2010950600013435221SN1";

    @Test
    void should_write_the_class_data_archive_once_and_start_from_it_afterwards() throws Exception {
        Path jar = Path.of("target", "linehub.jar").toAbsolutePath();
        Path archive = Path.of("target", "linehub.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);

        Run first = run(jar, "");
        assertEquals(0, first.exit(), "parse through the launcher: " + first.output());
        assertTrue(first.output().contains("\"serial\":\"SN1\""), first.output());
        assertTrue(Files.size(archive) > 0, "the first run wrote the archive at its exit");
        FileTime written = Files.getLastModifiedTime(archive);

        Run second = run(jar, "-Xshare:on");
        assertEquals(0, second.exit(), "the JVM mapped the archive (-Xshare:on): " + second.output());
        assertEquals(first.output(), second.output(), "the same answer");
        assertEquals(written, Files.getLastModifiedTime(archive), "a current archive is used, not written again");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path jar, String javaOpts) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "bin/linehub", "parse", SCAN)).redirectErrorStream(true);
        pb.environment().put("LINEHUB_JAR", jar.toString());
        pb.environment().put("JAVA_OPTS", javaOpts);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher ended");
        return new Run(p.exitValue(), out);
    }
}
