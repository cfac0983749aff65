package io.linehub.epc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Decoder and encoder behaviour beyond the shared vectors: Annex E examples, GS1 key encoding, edge inputs. */
class EpcCodecTest {

    @Test
    void annex_e_sgtin_198_decodes_to_escaped_uri_and_plain_serial() {
        EpcTag tag = assertInstanceOf(EpcTag.class,
                EpcDecoder.decode("3674257BF6B7A659B2C2BF1000000000000000000000000000"), "Annex E SGTIN-198");
        assertEquals("urn:epc:id:sgtin:0614141.712345.32a%2Fb", tag.uri(), "pure identity URI escapes '/'");
        assertEquals("32a/b", tag.serial(), "serial is unescaped");
        assertEquals("70614141123451", tag.gtin(), "GTIN");
    }

    @Test
    void sgtin_198_word_aligned_52_digits_decodes_like_50() {
        EpcTag tag = assertInstanceOf(EpcTag.class,
                EpcDecoder.decode("3674257BF6B7A659B2C2BF100000000000000000000000000000"), "52-digit SGTIN-198");
        assertEquals("32a/b", tag.serial(), "serial from the word-aligned bank");
    }

    @Test
    void annex_e_sgln_and_giai_decode() {
        EpcTag sgln = assertInstanceOf(EpcTag.class, EpcDecoder.decode("3274257BF46072000000162E"), "SGLN");
        assertEquals("urn:epc:id:sgln:0614141.12345.5678", sgln.uri(), "SGLN URI");
        assertEquals("(414)0614141123452(254)5678", sgln.elementString(), "SGLN element string");
        EpcTag giai = assertInstanceOf(EpcTag.class, EpcDecoder.decode("3474257BF40000000000162E"), "GIAI");
        assertEquals("urn:epc:id:giai:0614141.5678", giai.uri(), "GIAI URI");
        assertEquals("(8004)06141415678", giai.elementString(), "GIAI element string");
        assertNull(giai.gtin(), "GIAI has no GTIN");
    }

    @Test
    void sgln_and_giai_round_trip_through_the_encoder() {
        EpcTag sgln = assertInstanceOf(EpcTag.class,
                EpcEncoder.encode("sgln-96", 3, "urn:epc:id:sgln:0614141.12345.5678"), "SGLN encodes");
        assertEquals("3274257BF46072000000162E", sgln.hex(), "SGLN hex");
        EpcTag giai = assertInstanceOf(EpcTag.class,
                EpcEncoder.encode("giai-96", 3, "urn:epc:id:giai:0614141.5678"), "GIAI encodes");
        assertEquals("3474257BF40000000000162E", giai.hex(), "GIAI hex");
    }

    @Test
    void gtin_with_numeric_serial_encodes_as_sgtin_96_else_sgtin_198() {
        EpcTag numeric = assertInstanceOf(EpcTag.class, EpcEncoder.encodeGtin("80614141123458", "6789", 7, 3),
                "numeric serial");
        assertEquals("3074257BF7194E4000001A85", numeric.hex(), "Annex E SGTIN-96 from GTIN + GCP length");
        EpcTag text = assertInstanceOf(EpcTag.class, EpcEncoder.encodeGtin("70614141123451", "32a/b", 7, 3),
                "alphanumeric serial");
        assertEquals("3674257BF6B7A659B2C2BF1000000000000000000000000000", text.hex(), "Annex E SGTIN-198");
    }

    @Test
    void sscc_encodes_from_key_and_prefix_length() {
        EpcTag tag = assertInstanceOf(EpcTag.class, EpcEncoder.encodeSscc("106141412345678908", 7, 3), "SSCC");
        assertEquals("3174257BF4499602D2000000", tag.hex(), "Annex E SSCC-96");
    }

    @Test
    void wrong_check_digit_is_rejected_when_encoding_a_gtin() {
        EpcError error = assertInstanceOf(EpcError.class, EpcEncoder.encodeGtin("80614141123459", "1", 7, 3),
                "bad check digit");
        assertEquals(EpcError.FIELD_OUT_OF_RANGE, error.kind(), "kind");
    }

    @Test
    void null_empty_and_unprogrammed_inputs_are_errors() {
        assertEquals(EpcError.WRONG_LENGTH, ((EpcError) EpcDecoder.decode(null)).kind(), "null input");
        assertEquals(EpcError.WRONG_LENGTH, ((EpcError) EpcDecoder.decode("")).kind(), "empty input");
        EpcError zero = assertInstanceOf(EpcError.class, EpcDecoder.decode("000000000000000000000000"), "zeros");
        assertEquals(EpcError.UNSUPPORTED_HEADER, zero.kind(), "unprogrammed tag");
        assertNotNull(EpcEncoder.encode(null, 3, null), "encoder with nulls still answers");
    }
}
