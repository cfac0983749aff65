package io.linehub.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GS1 Digital Link URIs beyond the shared vectors: stems, schemes, qualifier placement and compression. */
class DigitalLinkParserTest {

    private final Gs1Parser parser = new Gs1Parser();

    private List<ElementString> ais(String uri) {
        return assertInstanceOf(Gs1Data.class, parser.parse(uri), "should parse: " + uri).ais();
    }

    private void error(String kind, String uri) {
        ParseResult result = parser.parse(uri);
        assertEquals(kind, result instanceof Gs1Error e ? e.kind() : "ok", "error kind for " + uri + " (" + result + ")");
    }

    @Test
    void should_ignore_any_domain_port_and_path_stem_left_of_the_primary_key() {
        List<ElementString> expected = List.of(new ElementString("01", "09520123456788"), new ElementString("10", "ABC"));
        assertEquals(expected, ais("https://example.com:8443/products/x/01/09520123456788/10/ABC"), "stem skipped");
        assertEquals(expected, ais("HTTPS://ID.GS1.ORG/01/09520123456788/10/ABC"), "upper-case scheme");
        assertEquals(expected, ais("http://[::1]/01/09520123456788/10/ABC"), "IPv6 host");
        assertEquals(List.of(new ElementString("00", "106141412345678908")), ais("https://id.gs1.org/00/106141412345678908"),
                "SSCC key without qualifiers");
    }

    @Test
    void should_require_qualifiers_that_could_be_in_the_path_to_be_there() {
        error(Gs1Error.DL_AI_BELONGS_IN_PATH, "https://id.gs1.org/01/09520123456788?10=L");
        error(Gs1Error.DL_AI_BELONGS_IN_PATH, "https://id.gs1.org/01/09520123456788/21/S?10=L");
        assertEquals(3, ais("https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC").size(), "(10) is an attribute beside (235)");
        error(Gs1Error.DL_INVALID_QUALIFIER_SEQUENCE, "https://id.gs1.org/01/09520123456788/17/270531");
        error(Gs1Error.DL_INVALID_QUALIFIER_SEQUENCE, "https://id.gs1.org/00/106141412345678908/21/S");
    }

    @Test
    void should_reject_unknown_numeric_keys_duplicates_and_empty_values() {
        error(Gs1Error.UNKNOWN_AI, "https://id.gs1.org/01/09520123456788?999=1");
        error(Gs1Error.DL_DUPLICATE_AI, "https://id.gs1.org/01/09520123456788?17=270531&17=270531");
        error(Gs1Error.EMPTY_VALUE, "https://id.gs1.org/01/09520123456788?17=");
        assertEquals("A%2", ais("https://id.gs1.org/01/09520123456788/10/A%2").get(1).value(), "a lone % stays literal");
        error(Gs1Error.BAD_CHARSET, "https://id.gs1.org/01/09520123456788/10/A B");
        error(Gs1Error.BAD_CHARSET, "https://id.gs1.org/01/09520123456788/10/A%20B");
        assertEquals(1, ais("https://id.gs1.org/01/09520123456788?linkType=all&17&x=1").size(), "non-AI params skipped");
    }

    @Test
    void should_name_missing_keys_and_compressed_links_clearly() {
        error(Gs1Error.DL_NO_PRIMARY_KEY, "https://example.com/hello/world");
        error(Gs1Error.DL_NO_PRIMARY_KEY, "https://example.com");
        error(Gs1Error.DL_NO_PRIMARY_KEY, "https://id.gs1.org/10/ABC");
        error(Gs1Error.DL_NO_PRIMARY_KEY, "https://id.gs1.org/01/09520123456788/");
        error(Gs1Error.DL_COMPRESSED_UNSUPPORTED, "https://id.gs1.org/AQnYUc1gmiA");
        error(Gs1Error.DL_BAD_SCHEME, "Https://id.gs1.org/01/09520123456788");
        error(Gs1Error.WRONG_LENGTH, "https://id.gs1.org/01/9520123456788");
    }
}
