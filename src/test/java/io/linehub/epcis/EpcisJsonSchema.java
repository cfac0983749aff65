package io.linehub.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GS1's EPCIS 2.0 JSON schema from the test classpath, with {@code format} asserted. The schema's
 * remote {@code $id} is mapped to the classpath and any other location is refused, so nothing is fetched.
 */
public final class EpcisJsonSchema {

    static final String ID = "https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private EpcisJsonSchema() {
    }

    public static Set<ValidationMessage> validate(String json) {
        try {
            return validate(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ValidationMessage> validate(JsonNode document) {
        return SCHEMA.validate(document);
    }

    /** Every schema location the validator asked for, to prove none of them was remote. */
    static List<String> loadedLocations() {
        return List.copyOf(ClasspathOnly.LOCATIONS);
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix("https://gs1.github.io/EPCIS/", "classpath:epcis/"))
                .schemaLoaders(loaders -> loaders.values(list -> list.add(0, new ClasspathOnly()))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(ID), config);
    }

    /** First in the loader chain: lets classpath locations through to the next loader, fails anything else. */
    private static final class ClasspathOnly implements SchemaLoader {
        static final List<String> LOCATIONS = new CopyOnWriteArrayList<>();

        @Override
        public InputStreamSource getSchema(AbsoluteIri iri) {
            LOCATIONS.add(iri.toString());
            if (!"classpath".equals(iri.getScheme())) {
                throw new IllegalStateException("schema location " + iri + " is not on the classpath; no network here");
            }
            return null;
        }
    }
}
