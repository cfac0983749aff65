package io.linehub.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    private static final Pattern GOOD = Pattern.compile(
            "\\]d201(\\d{14})17(\\d{6})10([^\\u001d]{1,20})\\u001d21(.{1,20})");

    @Test
    void productGtinsHaveValidCheckDigits() {
        assertEquals(3, DemoCatalog.PRODUCTS.size(), "three demo products");
        for (DemoCatalog.Product product : DemoCatalog.PRODUCTS) {
            assertTrue(mod10Valid(product.gtin()), "GTIN " + product.gtin() + " has a valid check digit");
            assertEquals(14, product.gtin().length(), "GTIN-14");
        }
        assertEquals(9, DemoCatalog.PRODUCTS.get(1).companyPrefixLength(), "Ibuprofen company prefix length");
    }

    @Test
    void serialIndexMapsToProductLotAndExpiryDeterministically() {
        DemoCatalog.Item first = DemoCatalog.item(0);
        DemoCatalog.Item later = DemoCatalog.item(12_345);
        DemoCatalog.Item last = DemoCatalog.item(DemoCatalog.SERIALS - 1);

        assertEquals("SN00000000", first.serial(), "serial name");
        assertEquals("09501101530003", first.gtin(), "index 0 is product 0");
        assertEquals("L2600", first.lot(), "first lot");
        assertEquals(LocalDate.of(2028, 1, 31), first.expiry(), "first lot expires end of January 2028");
        assertEquals("280131", first.expiryYymmdd(), "YYMMDD form");
        assertEquals(DemoCatalog.PRODUCTS.get(12_345 % 3), later.product(), "round robin over products");
        assertEquals("L2602", later.lot(), "lots of 5,000");
        assertEquals(LocalDate.of(2028, 3, 31), later.expiry(), "one month per lot");
        assertEquals("L2619", last.lot(), "twenty lots");
        assertEquals(LocalDate.of(2029, 8, 31), last.expiry(), "expiries stay within 2028-2029");
    }

    @Test
    void goodCodesAreGs1DataMatrixElementStringsMatchingTheCatalog() {
        for (int i : new int[] {0, 1, 2, 4_999, 5_000, 99_999}) {
            String code = DemoCatalog.goodCode(i);
            Matcher parts = GOOD.matcher(code);
            assertTrue(parts.matches(), "good code has the ]d2 01 17 10 GS 21 shape: " + code);
            DemoCatalog.Item item = DemoCatalog.item(i);
            assertTrue(mod10Valid(parts.group(1)), "GTIN in code has a valid check digit");
            assertEquals(item.gtin(), parts.group(1), "GTIN matches the catalog");
            assertEquals(item.expiryYymmdd(), parts.group(2), "expiry matches the catalog");
            assertEquals(item.lot(), parts.group(3), "lot matches the catalog");
            assertEquals(item.serial(), parts.group(4), "serial matches the catalog");
        }
    }

    @Test
    void unknownAndMismatchCodesAreWellFormedButDisagreeWithTheCatalog() {
        Matcher unknown = GOOD.matcher(DemoCatalog.unknownSerialCode(7));
        assertTrue(unknown.matches(), "unknown-serial code is well formed");
        assertTrue(unknown.group(4).startsWith("XX"), "its serial is outside the catalog: " + unknown.group(4));
        assertTrue(mod10Valid(unknown.group(1)), "its GTIN is valid");

        for (int i : new int[] {10, 11}) {
            Matcher mismatch = GOOD.matcher(DemoCatalog.mismatchCode(i));
            DemoCatalog.Item item = DemoCatalog.item(i);
            assertTrue(mismatch.matches(), "mismatch code is well formed");
            assertEquals(item.serial(), mismatch.group(4), "mismatch code names a catalog serial");
            assertTrue(!item.lot().equals(mismatch.group(3)) || !item.expiryYymmdd().equals(mismatch.group(2)),
                    "mismatch code has the wrong lot or expiry");
        }
        assertNotEquals(DemoCatalog.goodCode(10), DemoCatalog.mismatchCode(10), "mismatch differs from good code");
    }

    @Test
    void garbageIsNeverAValidCodeAndNeverContainsFramingCharacters() {
        Random random = new Random(7);
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < 2_000; n++) {
            String garbage = DemoCatalog.garbage(random);
            seen.add(garbage);
            Matcher parts = GOOD.matcher(garbage);
            boolean wellFormed = parts.matches() && mod10Valid(parts.group(1))
                    && Integer.parseInt(parts.group(2).substring(2, 4)) <= 12;
            assertFalse(wellFormed, "garbage must not be a valid code: " + garbage);
            assertTrue(garbage.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0x02 || c == 0x03),
                    "garbage has no CR, LF, STX or ETX");
            assertFalse(garbage.isEmpty(), "garbage is not empty");
        }
        assertTrue(seen.size() > 1_500, "garbage varies: " + seen.size() + " distinct of 2,000");
    }

    @Test
    void hriAndDigitalLinkFormsCarryTheSameData() {
        assertEquals("(01)09501101530003(17)280131(10)L2600(21)SN00000000", DemoCatalog.hriCode(0), "HRI form");
        assertEquals("https://id.gs1.org/01/04150123456782/10/L2600/21/SN00000001?17=280131",
                DemoCatalog.digitalLinkCode(1), "Digital Link form");
    }

    @Test
    void checkDigitHelperAgreesWithTheTestsOwnMod10() {
        assertEquals(3, Gs1CheckDigit.compute("0950110153000"), "helper computes the Paracetamol check digit");
        assertTrue(Gs1CheckDigit.isValid("09520123456788"), "helper validates");
        assertFalse(mod10Valid(Gs1CheckDigit.corrupt("09520123456788")), "corrupt breaks the check digit");
    }

    /** Independent GS1 mod-10: weights 3 and 1 alternating from the rightmost digit before the check digit. */
    private static boolean mod10Valid(String digits) {
        int sum = 0;
        int body = digits.length() - 1;
        for (int i = 0; i < body; i++) {
            int weight = (body - i) % 2 == 1 ? 3 : 1;
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == digits.charAt(body) - '0';
    }
}
