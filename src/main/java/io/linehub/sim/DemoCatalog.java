package io.linehub.sim;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * The deterministic demo master data (three products, {@value #SERIALS} serials) and the barcodes built from it,
 * shared by the seeder and the simulators so that a simulator knows which codes the hub should accept.
 *
 * <p>Serial index {@code i} belongs to product {@code i % 3}, is called {@code SN%08d}, and sits in lot
 * {@code L(2600 + i / 5000)} whose expiry is the last day of the month {@code 2028-01 + i / 5000 months}.
 */
public final class DemoCatalog {

    public static final int SERIALS = 100_000;
    public static final int LOT_SIZE = 5_000;
    public static final String STATUS = "commissioned";
    /** ASCII 29, the GS1 separator after a variable-length element. */
    public static final char GS = '\u001d';
    /** AIM symbology identifier a scanner prepends to a GS1 DataMatrix read. */
    public static final String AIM_GS1_DATAMATRIX = "]d2";

    public static final List<Product> PRODUCTS = List.of(
            new Product("09501101530003", "Paracetamol 500 mg tablets", 7),
            new Product("04150123456782", "Ibuprofen 400 mg film-coated tablets", 9),
            new Product("09520123456788", "Amoxicillin 250 mg capsules", 7));

    private static final YearMonth FIRST_EXPIRY = YearMonth.of(2028, 1);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int GARBAGE_KINDS = 5;

    /** A product as the hub's master data knows it. */
    public record Product(String gtin, String name, int companyPrefixLength) {
    }

    /** One catalog serial with the data printed next to it. */
    public record Item(int index, Product product, String serial, String lot, LocalDate expiry) {
        public String gtin() {
            return product.gtin();
        }

        /** The expiry as AI (17) encodes it. */
        public String expiryYymmdd() {
            return expiry.format(YYMMDD);
        }
    }

    private DemoCatalog() {
    }

    public static Item item(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("serial index must not be negative: " + index);
        }
        int lotIndex = index / LOT_SIZE;
        return new Item(index, PRODUCTS.get(index % PRODUCTS.size()), "SN" + zeroPadded(index),
                "L" + (2600 + lotIndex), FIRST_EXPIRY.plusMonths(lotIndex).atEndOfMonth());
    }

    /** The code a scanner emits for catalog serial {@code i}: GS1 DataMatrix with AIM id, lot ended by GS. */
    public static String goodCode(int i) {
        Item item = item(i);
        return dataMatrix(item.gtin(), item.expiryYymmdd(), item.lot(), item.serial());
    }

    /** A well-formed code whose serial ({@code XX%08d}) is not in the catalog. */
    public static String unknownSerialCode(int n) {
        Item item = item(Math.floorMod(n, SERIALS));
        return dataMatrix(item.gtin(), item.expiryYymmdd(), item.lot(), "XX" + zeroPadded(Math.floorMod(n, 100_000_000)));
    }

    /** Catalog serial {@code i} printed with the wrong lot (even {@code i}) or the wrong expiry (odd {@code i}). */
    public static String mismatchCode(int i) {
        Item item = item(i);
        if (i % 2 == 0) {
            // the neighbouring lot: a plausible mix-up at the printer, not an obviously bogus value
            return dataMatrix(item.gtin(), item.expiryYymmdd(), "L" + (2600 + i / LOT_SIZE + 1), item.serial());
        }
        String wrongExpiry = YearMonth.from(item.expiry()).plusMonths(1).atEndOfMonth().format(YYMMDD);
        return dataMatrix(item.gtin(), wrongExpiry, item.lot(), item.serial());
    }

    /**
     * Something a scanner might emit that is not a valid GS1 code: random text, random control bytes, a GTIN
     * with a bad check digit, a truncated read, or an impossible expiry month. Never contains CR, LF, STX or
     * ETX, so it stays one frame on a TCP scanner link.
     */
    public static String garbage(Random random) {
        int i = random.nextInt(SERIALS);
        Item item = item(i);
        switch (random.nextInt(GARBAGE_KINDS)) {
            case 0:
                return randomText(random);
            case 1:
                return randomControlBytes(random);
            case 2:
                return dataMatrix(Gs1CheckDigit.corrupt(item.gtin()), item.expiryYymmdd(), item.lot(), item.serial());
            case 3:
                // cut inside the GTIN, so what is left can never parse
                return goodCode(i).substring(0, AIM_GS1_DATAMATRIX.length() + 3 + random.nextInt(12));
            default:
                return dataMatrix(item.gtin(), "281301", item.lot(), item.serial());
        }
    }

    /** The human-readable interpretation printed under the symbol, e.g. {@code (01)…(17)…(10)…(21)…}. */
    public static String hriCode(int i) {
        Item item = item(i);
        return "(01)" + item.gtin() + "(17)" + item.expiryYymmdd() + "(10)" + item.lot() + "(21)" + item.serial();
    }

    /** The GS1 Digital Link URI a QR code would carry for serial {@code i}. */
    public static String digitalLinkCode(int i) {
        Item item = item(i);
        return "https://id.gs1.org/01/" + item.gtin() + "/10/" + item.lot() + "/21/" + item.serial()
                + "?17=" + item.expiryYymmdd();
    }

    /** At least eight digits; String.format costs more than seeding a row. */
    private static String zeroPadded(int n) {
        String digits = Integer.toString(n);
        return digits.length() >= 8 ? digits : "00000000".substring(digits.length()) + digits;
    }

    private static String dataMatrix(String gtin, String yymmdd, String lot, String serial) {
        return AIM_GS1_DATAMATRIX + "01" + gtin + "17" + yymmdd + "10" + lot + GS + "21" + serial;
    }

    private static String randomText(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -_.:/#?!";
        StringBuilder text = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int n = 3 + random.nextInt(37); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String randomControlBytes(Random random) {
        StringBuilder bytes = new StringBuilder();
        for (int n = 1 + random.nextInt(30); n > 0; n--) {
            char c;
            do {
                c = (char) (0x04 + random.nextInt(0x7C));
            } while (c == '\r' || c == '\n');
            bytes.append(c);
        }
        // a single printable digit run could look like a code body; a leading control char rules that out
        return "\u0007" + bytes;
    }
}
