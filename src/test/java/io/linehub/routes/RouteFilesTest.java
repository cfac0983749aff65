package io.linehub.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.e2e.PartnerRouteKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route file under routes/ (and its subfolders, e.g. routes/partners/) passes the checks the hub applies
 * before it reloads a file; and broken files are reported with the file and the line to fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteFilesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/route-fixtures");
    private static final String MARKER = "# <-- problem";

    private PartnerRouteKit kit;
    private RouteFileValidator validator;

    @BeforeAll
    void start() throws Exception {
        kit = PartnerRouteKit.start();
        validator = kit.validator();
    }

    @AfterAll
    void stop() throws Exception {
        kit.close();
    }

    @Test
    void every_route_file_under_routes_is_valid() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(Path.of("routes"))) {
            files = all.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "route files found under routes/");
        List<RouteProblem> problems = validator.validate(files);
        assertTrue(problems.isEmpty(), () -> "route files with problems:\n"
                + problems.stream().map(RouteProblem::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void yaml_that_does_not_parse_is_reported_at_the_misindented_line() throws IOException {
        assertReported("bad-indentation.camel.yaml", "expected <block end>");
    }

    @Test
    void an_unknown_step_is_reported_where_it_is_written() throws IOException {
        assertReported("unknown-step.camel.yaml", "transmogrify");
    }

    @Test
    void a_bean_missing_from_the_registry_is_reported_at_its_ref() throws IOException {
        assertReported("unknown-bean.camel.yaml", "bean 'acmeMapper' is not in the registry");
    }

    @Test
    void an_unknown_route_template_is_reported_at_its_ref() throws IOException {
        assertReported("unknown-template.camel.yaml", "route template 'outbox-relay-sftp' does not exist");
    }

    @Test
    void an_unknown_component_is_reported_at_its_step() throws IOException {
        assertReported("unknown-component.camel.yaml", "unknown component 'acme-ftp'");
    }

    @Test
    void an_unknown_endpoint_option_is_reported_at_the_option() throws IOException {
        assertReported("invalid-endpoint-option.camel.yaml", "has no option 'perod'");
    }

    @Test
    void an_option_value_of_the_wrong_type_is_reported_at_the_option() throws IOException {
        assertReported("invalid-option-value.camel.yaml", "option 'period' cannot take the value 'soon'");
    }

    @Test
    void an_unset_property_is_reported_where_it_is_used() throws IOException {
        assertReported("missing-property.camel.yaml", "property 'partner.nowhere.url' is not set");
    }

    @Test
    void a_route_id_of_another_file_is_reported_at_the_id() throws IOException {
        assertReported("duplicate-route-id.camel.yaml",
                "route id 'scan-pipeline' is already used by routes/scan-pipeline.camel.yaml");
    }

    @Test
    void an_unknown_kamelet_is_reported_at_its_step() throws IOException {
        assertReported("unknown-kamelet.camel.yaml", "kamelet 'acme-sink' is not known");
    }

    @Test
    void two_new_files_with_the_same_route_id_are_reported() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "route-files");
        String route = "- route:\n    id: partner-twin\n    from:\n      uri: \"direct:partner-twin\"\n"
                + "      steps:\n        - log: \"twin\"\n";
        Path first = Files.writeString(dir.resolve("first.camel.yaml"), route);
        Path second = Files.writeString(dir.resolve("second.camel.yaml"), route);
        List<RouteProblem> problems = validator.validate(List.of(first, second));
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(second.toAbsolutePath().normalize(), problems.get(0).file());
        assertEquals(2, problems.get(0).line(), problems.get(0)::toString);
        assertTrue(problems.get(0).message().endsWith("route id 'partner-twin' is already used by "
                + RoutePaths.display(first)), problems.get(0)::toString);
    }

    @Test
    void checking_files_neither_starts_nor_changes_the_hubs_routes() throws IOException {
        Set<String> routesBefore = routeIds();
        Set<String> endpointsBefore = endpointUris();
        try (Stream<Path> fixtures = Files.list(FIXTURES)) {
            fixtures.forEach(validator::validate);
        }
        assertEquals(routesBefore, routeIds(), "the hub's routes");
        // the hub creates endpoints of its own meanwhile (printer status); none may come from the fixtures
        Set<String> added = endpointUris();
        added.removeAll(endpointsBefore);
        assertTrue(added.stream().noneMatch(uri -> uri.contains("fixture") || uri.contains("acme")),
                "endpoints the checks left in the hub: " + added);
    }

    /** The fixture marks the line the problem must be reported on with a trailing "# <-- problem". */
    private void assertReported(String fixture, String messagePart) throws IOException {
        Path file = FIXTURES.resolve(fixture);
        List<RouteProblem> problems = validator.validate(file);
        assertFalse(problems.isEmpty(), fixture + " must be refused");
        RouteProblem first = problems.get(0);
        assertEquals(file.toAbsolutePath().normalize(), first.file(), "file of " + first);
        assertEquals(markedLine(file), first.line(), "line of " + first);
        assertTrue(first.message().contains(messagePart), () -> "message of " + first + " should say: " + messagePart);
        assertTrue(first.toString().startsWith("src/test/resources/route-fixtures/" + fixture + ":" + first.line()
                + ": "), first::toString);
    }

    private static int markedLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(MARKER)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(file + " has no line marked " + MARKER);
    }

    private Set<String> endpointUris() {
        return kit.context().getEndpoints().stream().map(e -> e.getEndpointUri()).collect(Collectors.toSet());
    }

    private Set<String> routeIds() {
        return kit.context().getRoutes().stream().map(r -> r.getRouteId()).collect(Collectors.toSet());
    }
}
