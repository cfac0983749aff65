package io.linehub.print;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The label templates of a folder ({@code *.zpl}, named by file stem), parsed once at load. */
public final class LabelTemplates {

    private final Map<String, LabelTemplate> byName;

    private LabelTemplates(Map<String, LabelTemplate> byName) {
        this.byName = Map.copyOf(byName);
    }

    /**
     * Loads and parses every {@code *.zpl} file directly in {@code folder} (UTF-8).
     *
     * @throws IOException            if the folder or a file cannot be read or is not UTF-8
     * @throws LabelTemplateException if a template is malformed, so a bad template stops start-up
     */
    public static LabelTemplates load(Path folder) throws IOException {
        Map<String, LabelTemplate> templates = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.zpl")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    String fileName = file.getFileName().toString();
                    String name = fileName.substring(0, fileName.length() - ".zpl".length());
                    templates.put(name, LabelTemplate.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        return new LabelTemplates(templates);
    }

    /** Templates already parsed, e.g. for tests. */
    public static LabelTemplates of(Collection<LabelTemplate> templates) {
        Map<String, LabelTemplate> byName = new TreeMap<>();
        for (LabelTemplate template : templates) {
            if (byName.put(template.name(), template) != null) {
                throw new IllegalArgumentException("two templates named " + template.name());
            }
        }
        return new LabelTemplates(byName);
    }

    public Optional<LabelTemplate> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The template names, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
    }
}
