package io.linehub.print;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The GS1 Application Identifiers labels may encode, with their formats, as a table (GS1 Syntax Dictionary style). */
final class ApplicationIdentifiers {

    /*
     * ai (or range)  * = predefined length (never needs FNC1)  components with their linters.
     * Kept as data so the renderer decides "separator needed?" by lookup, never by a branch per AI.
     */
    private static final String TABLE = """
        00        *  N18,csum
        01        *  N14,csum
        02        *  N14,csum
        10           X..20
        11        *  N6,yymmd0
        13        *  N6,yymmd0
        15        *  N6,yymmd0
        16        *  N6,yymmd0
        17        *  N6,yymmd0
        21           X..20
        22           X..20
        30           N..8
        37           N..8
        240          X..30
        241          X..30
        400          X..30
        410-415   *  N13,csum
        420          X..20
        7003         N6,yymmdd N4,hhmm
        710-715      X..20
        8003         N1,zero N13,csum [X..16]
        8004         X..30
        8006         N14,csum N4,pieceoftotal
        91-99        X..90
        """;

    private static final Map<String, AiFormat> FORMATS = load(TABLE);

    private ApplicationIdentifiers() {
    }

    static Optional<AiFormat> find(String ai) {
        return Optional.ofNullable(FORMATS.get(ai));
    }

    /** Every supported AI, in table order. */
    static List<String> all() {
        return List.copyOf(FORMATS.keySet());
    }

    private static Map<String, AiFormat> load(String table) {
        Map<String, AiFormat> formats = new LinkedHashMap<>();
        for (String line : table.strip().split("\n")) {
            String[] tokens = line.strip().split("\\s+");
            boolean predefined = tokens[1].equals("*");
            List<AiComponent> components = new ArrayList<>();
            for (int i = predefined ? 2 : 1; i < tokens.length; i++) {
                components.add(AiComponent.parse(tokens[i]));
            }
            for (String ai : expand(tokens[0])) {
                formats.put(ai, new AiFormat(ai, predefined, components));
            }
        }
        return Collections.unmodifiableMap(formats);
    }

    private static List<String> expand(String aiOrRange) {
        int dash = aiOrRange.indexOf('-');
        if (dash < 0) {
            return List.of(aiOrRange);
        }
        List<String> ais = new ArrayList<>();
        int last = Integer.parseInt(aiOrRange.substring(dash + 1));
        for (int ai = Integer.parseInt(aiOrRange.substring(0, dash)); ai <= last; ai++) {
            ais.add(Integer.toString(ai));
        }
        return ais;
    }
}
