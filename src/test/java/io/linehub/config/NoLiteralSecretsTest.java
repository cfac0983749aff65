package io.linehub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract's "no secret is ever stored in the repository", checked: every file under config/ and
 * routes/ holds passwords, tokens and authorizations only as environment placeholders (empty defaults
 * allowed). The detector is tested on planted examples first, so a silent detector cannot pass.
 */
class NoLiteralSecretsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "linehub.db.password = hunter2",
        "linehub.api.token={{env:LINEHUB_API_TOKEN:changeme}}",
        "linehub.mqtt.truststore-password = {{env:LINEHUB_MQTT_TRUSTSTORE_PASSWORD:secret}}",
        "        password: \"s3cret\"",
        "        password: \"{{partner.x.password:literal}}\"",
        "  - to: \"sftp://host/dir?username=u&password=p4ss&fileName=x\"",
        "authorization: Bearer abc123",
        "secretKey: AKIA0000"})
    void should_catch_a_planted_literal(String line) {
        assertEquals(1, LiteralSecrets.find("# a comment\n" + line + "\n").size(), "flagged: " + line);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "linehub.db.password = {{env:LINEHUB_DB_PASSWORD:}}",
        "linehub.db.password =",
        "linehub.mqtt.password = {{env:LINEHUB_MQTT_PASSWORD}}",
        "        password: \"{{linehub.mqtt.password}}\"",
        "                password: \"RAW({{password}})\"",
        "  uri: \"x?password=RAW({{partner.cmo-epcis.password:{{env:CMO_SFTP_PASSWORD:}}}})&y=1\"",
        "        defaultValue: \"\"",
        "# linehub.db.password = only-in-a-comment"})
    void should_pass_placeholders_and_empty_values(String line) {
        assertEquals(List.of(), LiteralSecrets.find(line + "\n"), "clean: " + line);
    }

    @Test
    void should_find_no_literal_secret_in_config_or_routes() throws IOException {
        List<String> findings = new ArrayList<>();
        int scanned = 0;
        for (Path root : List.of(Path.of("config"), Path.of("routes"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    scanned++;
                    LiteralSecrets.find(text).forEach(f -> findings.add(file + " " + f));
                }
            }
        }
        assertTrue(scanned >= 10, "config/ and routes/ were read: " + scanned + " files");
        assertEquals(List.of(), findings, "secrets belong in the environment ({{env:NAME:}}), not in files");
    }

    @Test
    void should_name_environment_variables_where_a_setting_points_at_one() throws IOException {
        for (String line : Files.readAllLines(Path.of("config", "application.properties"))) {
            if (!line.startsWith("#") && line.contains("-env =")) {
                String value = line.substring(line.indexOf('=') + 1).strip();
                assertTrue(value.matches("[A-Z][A-Z0-9_]*"), "an *-env setting names a variable, not a value: " + line);
            }
        }
    }
}
