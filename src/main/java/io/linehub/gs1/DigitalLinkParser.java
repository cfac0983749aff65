package io.linehub.gs1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses an uncompressed GS1 Digital Link URI ({@code https://domain[/stem]/01/gtin/21/serial?17=270531})
 * into elements: path AIs first, then query AIs in the order received. Checks run in the order of
 * GS1's Syntax Engine: URI characters, scheme, primary key, value syntax, qualifier order, query
 * duplicates and misplaced qualifiers, then the value linters.
 */
final class DigitalLinkParser {

    private static final Set<String> SCHEMES = Set.of("http", "https", "HTTP", "HTTPS");
    private static final String URI_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
    /** The lengths of GTIN-8, -12 and -13, which a query (01) is zero-padded from, as the Syntax Engine does. */
    private static final Set<Integer> SHORT_GTIN_LENGTHS = Set.of(8, 12, 13);

    private final AiTable table;

    DigitalLinkParser(AiTable table) {
        this.table = table;
    }

    /** True when {@code text} starts like a URI this parser should handle (scheme in any case). */
    static boolean looksLikeUri(String text) {
        return text.regionMatches(true, 0, "http://", 0, 7) || text.regionMatches(true, 0, "https://", 0, 8);
    }

    ParseResult parse(String uri, int currentYear) {
        for (int i = 0; i < uri.length(); i++) {
            if (URI_CHARACTERS.indexOf(uri.charAt(i)) < 0) {
                return new Gs1Error(Gs1Error.BAD_CHARSET, "'" + Printable.ch(uri.charAt(i)) + "' not allowed in a URI, at " + i);
            }
        }
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd < 0 || !SCHEMES.contains(uri.substring(0, schemeEnd))) {
            String scheme = schemeEnd < 0 ? uri : uri.substring(0, schemeEnd);
            return new Gs1Error(Gs1Error.DL_BAD_SCHEME,
                    "scheme '" + Printable.of(scheme) + "' must be http or https, all lower or all upper case");
        }
        String rest = uri.substring(schemeEnd + 3);
        int fragment = rest.indexOf('#');
        rest = fragment < 0 ? rest : rest.substring(0, fragment);
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        String hostAndPath = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int pathStart = hostAndPath.indexOf('/');
        if (pathStart <= 0) {
            return new Gs1Error(Gs1Error.DL_NO_PRIMARY_KEY, "no domain and path in '" + Printable.of(uri) + "'");
        }
        DigitalLinkPath path = DigitalLinkPath.parse(hostAndPath.substring(pathStart + 1), table);
        if (path.error() != null) {
            return path.error();
        }
        List<ElementString> elements = new ArrayList<>(path.elements());
        Gs1Error error = firstSyntaxError(elements);
        int attributesFrom = elements.size();
        error = error != null ? error : addQueryAttributes(query, elements);
        error = error != null ? error : path.qualifierError();
        for (int i = attributesFrom; error == null && i < elements.size(); i++) {
            error = misplacedAttribute(path, elements, i);
        }
        for (int i = 0; error == null && i < elements.size(); i++) {
            error = ElementValidator.content(definition(elements.get(i)), elements.get(i).value(), currentYear);
        }
        return error != null ? error : new Gs1Data(elements, null);
    }

    /**
     * Adds the query's AI attributes, checking their syntax; keys that are not all digits
     * (linkType, ...) and parameters without "=" are not GS1 data and are skipped.
     */
    private Gs1Error addQueryAttributes(String query, List<ElementString> elements) {
        for (String parameter : query.split("&")) {
            int eq = parameter.indexOf('=');
            if (eq <= 0 || !CharacterSets.isDigits(parameter.substring(0, eq))) {
                continue;
            }
            String ai = parameter.substring(0, eq);
            AiDefinition definition = table.find(ai).orElse(null);
            if (definition == null) {
                return new Gs1Error(Gs1Error.UNKNOWN_AI, "unknown AI (" + Printable.of(ai) + ") in query");
            }
            String value = PercentDecoder.decode(parameter.substring(eq + 1), true);
            if (ai.equals("01") && SHORT_GTIN_LENGTHS.contains(value.length())) {
                value = "0".repeat(14 - value.length()) + value;
            }
            Gs1Error error = ElementValidator.syntax(definition, value, false);
            if (error != null) {
                return error;
            }
            elements.add(new ElementString(ai, value));
        }
        return null;
    }

    /** An attribute that repeats an earlier AI, or that is a qualifier the path could have carried. */
    private static Gs1Error misplacedAttribute(DigitalLinkPath path, List<ElementString> elements, int index) {
        String ai = elements.get(index).ai();
        if (elements.subList(0, index).stream().anyMatch(e -> e.ai().equals(ai))) {
            return new Gs1Error(Gs1Error.DL_DUPLICATE_AI, "AI (" + ai + ") appears more than once");
        }
        if (path.acceptsQualifier(ai)) {
            return new Gs1Error(Gs1Error.DL_AI_BELONGS_IN_PATH,
                    "AI (" + ai + ") is a path qualifier of (" + path.primaryKey() + "), not a query attribute");
        }
        return null;
    }

    private Gs1Error firstSyntaxError(List<ElementString> elements) {
        for (ElementString element : elements) {
            Gs1Error error = ElementValidator.syntax(definition(element), element.value(), false);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private AiDefinition definition(ElementString element) {
        return table.find(element.ai()).orElseThrow();
    }
}
