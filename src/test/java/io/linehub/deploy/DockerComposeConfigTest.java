package io.linehub.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as docker-compose itself renders it ({@code docker-compose config}, no Docker daemon needed):
 * valid, the five services, nothing published beyond loopback by default, every image pinned, and every secret
 * taken from the environment (the required ones without a default, so a forgotten one stops the start).
 */
class DockerComposeConfigTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SERVICES = Set.of("linehub", "mosquitto", "postgres", "printer-sim",
            "erp-receiver");
    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|TOKEN|AUTH|SECRET");
    private static final Map<String, String> REQUIRED = Map.of(
            "LINEHUB_API_TOKEN", "test-token-not-a-secret",
            "LINEHUB_DB_PASSWORD", "test-password-not-a-secret");

    private Path composeBinary;

    // per test rather than per class, so a missing binary shows up as skipped tests in the report
    @BeforeEach
    void findDockerCompose() {
        composeBinary = RequiredTool.find("docker-compose");
    }

    @Test
    void rendersTheFiveServices() throws Exception {
        JsonNode services = render(REQUIRED).path("services");

        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(SERVICES), names, "services");
        assertEquals("prod", services.path("linehub").path("environment").path("LINEHUB_PROFILE").asText(),
                "the hub runs the prod profile");
    }

    @Test
    void publishesOnLoopbackOnlyByDefault() throws Exception {
        JsonNode services = render(REQUIRED).path("services");

        List<String> published = new ArrayList<>();
        services.fields().forEachRemaining(service -> service.getValue().path("ports").forEach(entry -> {
            PublishedPort port = PublishedPort.of(YAML.convertValue(entry, Object.class));
            assertEquals("127.0.0.1", port.hostIp(), service.getKey() + " publishes " + port + " beyond loopback");
            published.add(port.published());
        }));
        assertTrue(published.containsAll(List.of("8080", "5001")), "the hub's HTTP and TCP ports: " + published);
    }

    @Test
    void everyImageIsPinned() throws Exception {
        JsonNode services = render(REQUIRED).path("services");

        for (String name : SERVICES) {
            JsonNode image = services.path(name).path("image");
            assertFalse(image.isMissingNode(), name + " names its image (an unnamed build gets no version)");
            assertTrue(ImageReference.parse(image.asText()).pinned(), name + ": " + image.asText() + " is not pinned");
        }
    }

    @Test
    void takesEverySecretFromTheEnvironment() throws Exception {
        JsonNode services = render(REQUIRED).path("services");

        services.fields().forEachRemaining(service -> service.getValue().path("environment").fields()
                .forEachRemaining(variable -> {
                    if (SECRET_NAME.matcher(variable.getKey()).find()) {
                        String value = variable.getValue().asText();
                        assertTrue(value.isEmpty() || REQUIRED.containsValue(value), service.getKey() + " "
                                + variable.getKey() + " has a value written in docker-compose.yml: " + value);
                    }
                }));
    }

    @Test
    void refusesToRenderWithoutTheApiToken() throws Exception {
        Map<String, String> withoutToken = new HashMap<>(REQUIRED);
        withoutToken.remove("LINEHUB_API_TOKEN");

        Result result = run(withoutToken);

        assertNotEquals(0, result.exitCode(), "no default token: " + result.output());
        assertTrue(result.output().contains("LINEHUB_API_TOKEN"), "the error names the variable: " + result.output());
    }

    private JsonNode render(Map<String, String> env) throws Exception {
        Result result = run(env);
        assertEquals(0, result.exitCode(), "docker-compose config failed: " + result.output());
        return YAML.readTree(result.stdout());
    }

    private record Result(int exitCode, String stdout, String output) {
    }

    private Result run(Map<String, String> env) throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        assertTrue(Files.exists(root.resolve("docker-compose.yml")), "run from the project root: " + root);
        ProcessBuilder builder = new ProcessBuilder(composeBinary.toString(), "config")
                .directory(root.toFile());
        // the developer's own LINEHUB_*/COMPOSE_* settings would change what is rendered
        builder.environment().keySet().removeIf(k -> k.startsWith("LINEHUB_") || k.startsWith("COMPOSE_"));
        builder.environment().putAll(env);
        Path stderr = Files.createTempFile("docker-compose", ".err");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker-compose config did not finish in 60 s");
        }
        String errors = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        return new Result(process.exitValue(), stdout, stdout + errors);
    }
}
