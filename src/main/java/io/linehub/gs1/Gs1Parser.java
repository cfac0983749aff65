package io.linehub.gs1;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/**
 * Decodes one scan as a production-line scanner delivers it: element strings behind an AIM
 * symbology identifier (or none, or a leading GS), EAN/UPC, bracketed HRI and GS1 Digital Link URIs.
 * Thread-safe; {@link #parse} never throws.
 */
public final class Gs1Parser {

    /** Identifiers of GS1 symbols: FNC1 in first position is implied and not transmitted. */
    private static final Set<String> GS1_SYMBOLOGIES = Set.of("]d2", "]C1", "]Q3", "]e0");
    /** Plain Data Matrix and QR Code: GS1 data only as a Digital Link URI. */
    private static final Set<String> URI_SYMBOLOGIES = Set.of("]d1", "]Q1");
    private static final Set<String> EAN_UPC_SYMBOLOGIES = Set.of("]E0", "]E4");

    private final Clock clock;
    private final AiTable table;
    private final ElementStringParser elementStrings;
    private final HriParser hri;
    private final DigitalLinkParser digitalLinks;

    /** A parser resolving two-digit years against the system clock. */
    public Gs1Parser() {
        this(Clock.systemDefaultZone());
    }

    /** A parser resolving two-digit years (GenSpecs 7.12 century window) against the year of {@code clock}. */
    public Gs1Parser(Clock clock) {
        this(clock, AiTable.standard());
    }

    public Gs1Parser(Clock clock, AiTable table) {
        this.clock = clock;
        this.table = table;
        this.elementStrings = new ElementStringParser(table);
        this.hri = new HriParser(table);
        this.digitalLinks = new DigitalLinkParser(table);
    }

    /** The GS1 data in {@code raw}, or the first error found (syntax left to right, then pairing rules). */
    public ParseResult parse(String raw) {
        if (raw == null) {
            return new Gs1Error(Gs1Error.NO_DATA, "no scan data");
        }
        try {
            ScannerInput input = ScannerInput.of(raw);
            ParseResult result = dispatch(input, LocalDate.now(clock).getYear());
            if (result instanceof Gs1Data data) {
                Gs1Error pairing = PairingValidator.validate(data.ais(), table);
                return pairing != null ? pairing : new Gs1Data(data.ais(), input.symbology());
            }
            return result;
        } catch (RuntimeException e) {
            // Defensive: a scan must never take a route down; report it as unreadable instead.
            return new Gs1Error(Gs1Error.NOT_GS1, "unreadable scan: " + e.getClass().getSimpleName());
        }
    }

    private ParseResult dispatch(ScannerInput input, int year) {
        String symbology = input.symbology();
        String data = input.payload();
        if (symbology == null) {
            if (data.isEmpty()) {
                return new Gs1Error(Gs1Error.NO_DATA, "empty scan");
            }
            if (DigitalLinkParser.looksLikeUri(data)) {
                return digitalLinks.parse(data, year);
            }
            if (data.charAt(0) == '(') {
                return hri.parse(data, year);
            }
            // Some scanners send FNC1-in-first as a leading GS instead of an AIM identifier.
            return elementStrings.parse(data.charAt(0) == ScannerInput.GS ? data.substring(1) : data, year);
        }
        if (!input.completeIdentifier()) {
            return new Gs1Error(Gs1Error.UNSUPPORTED_SYMBOLOGY, "incomplete symbology identifier '" + Printable.of(symbology) + "'");
        }
        if (GS1_SYMBOLOGIES.contains(symbology)) {
            return elementStrings.parse(data, year);
        }
        if (URI_SYMBOLOGIES.contains(symbology)) {
            return DigitalLinkParser.looksLikeUri(data) ? digitalLinks.parse(data, year)
                    : new Gs1Error(Gs1Error.NOT_GS1, "plain data after " + symbology + " is not a GS1 Digital Link URI");
        }
        if (EAN_UPC_SYMBOLOGIES.contains(symbology)) {
            return EanUpcParser.parse(symbology, data);
        }
        return new Gs1Error(Gs1Error.UNSUPPORTED_SYMBOLOGY, "symbology " + Printable.of(symbology) + " carries no GS1 data");
    }
}
