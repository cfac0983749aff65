package io.linehub.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a template folder: every *.zpl by file stem, bad templates stop the load. */
class LabelTemplatesTest {

    private static final String VALID = "^XA\n^CI28\n^FO1,1^A0N,20,20{{text:x}}^FS\n^XZ\n";

    @Test
    void should_load_every_zpl_file_named_by_its_stem_and_ignore_other_files(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("small.zpl"), VALID, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("große.zpl"), VALID.replace("{{text:x}}", "{{text:\"Größe \" x}}"));
        Files.writeString(dir.resolve("notes.txt"), "not a template");
        Files.createDirectory(dir.resolve("folder.zpl"));
        LabelTemplates templates = LabelTemplates.load(dir);
        assertEquals(Set.of("small", "große"), templates.names(), "only *.zpl files, by stem");
        assertEquals("^XA\n^CI28\n^FO1,1^A0N,20,20^FH_^FDGr_C3_B6_C3_9Fe 1^FS\n^XZ\n",
            new String(templates.find("große").orElseThrow().render(Map.of("x", "1"), 1), StandardCharsets.UTF_8),
            "template files are read as UTF-8 and their text is escaped like job data");
        assertTrue(templates.find("notes").isEmpty(), "unknown name gives empty");
    }

    @Test
    void should_fail_the_load_on_a_malformed_template(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.zpl"), VALID);
        Files.writeString(dir.resolve("bad.zpl"), "^XA\n^CI28\n^FO1,1^FDraw^FS\n^XZ\n");
        LabelTemplateException e = assertThrows(LabelTemplateException.class, () -> LabelTemplates.load(dir),
            "a template writing ^FD itself");
        assertEquals("bad", e.template(), "the exception names the bad template");
    }

    @Test
    void should_fail_the_load_on_a_missing_folder(@TempDir Path dir) {
        assertThrows(IOException.class, () -> LabelTemplates.load(dir.resolve("missing")), "no such folder");
    }

    @Test
    void should_refuse_two_templates_with_the_same_name() {
        LabelTemplate one = LabelTemplate.parse("same", VALID);
        assertThrows(IllegalArgumentException.class, () -> LabelTemplates.of(List.of(one, one)), "duplicate name");
    }
}
