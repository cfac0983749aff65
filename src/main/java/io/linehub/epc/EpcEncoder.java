package io.linehub.epc;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Encodes a pure identity URI (or GS1 keys plus company prefix length) into EPC binary; the result
 * is the decoded tag of the produced hex, so both directions always agree.
 */
public final class EpcEncoder {

    private static final int MAX_STRING_SERIAL = 20;
    private static final int MAX_INPUT = 256;

    private EpcEncoder() {
    }

    /**
     * Encodes {@code urn:epc:id:...} with scheme (e.g. {@code sgtin-96}) and filter (0-7). Never throws.
     */
    public static EpcResult encode(String scheme, int filter, String pureIdentityUri) {
        Optional<EpcScheme> found = scheme == null ? Optional.empty() : EpcScheme.byTagName(scheme.strip());
        if (found.isEmpty()) {
            return new EpcError(EpcError.UNSUPPORTED_SCHEME, "scheme " + (scheme == null ? "null"
                    : EpcDecoder.echo(scheme)) + " is not one the hub encodes (sgtin-96, sgtin-198, sscc-96,"
                    + " sgln-96, grai-96, giai-96)");
        }
        if (filter < 0 || filter > 7) {
            return new EpcError(EpcError.FIELD_OUT_OF_RANGE, "filter " + filter + " is not in 0-7");
        }
        if (pureIdentityUri == null || pureIdentityUri.length() > MAX_INPUT) {
            return new EpcError(EpcError.BAD_URI, "pure identity URI is missing or longer than " + MAX_INPUT
                    + " characters");
        }
        return encode(found.get(), filter, pureIdentityUri.strip());
    }

    /**
     * Encodes a GTIN-14 and serial as SGTIN-96 when the serial fits 38 bits as an integer without
     * leading zeros, otherwise as SGTIN-198; the company prefix length comes from master data.
     */
    public static EpcResult encodeGtin(String gtin, String serial, int companyPrefixLength, int filter) {
        Optional<String> body = Gs1KeyBody.of(gtin, 14, companyPrefixLength);
        if (body.isEmpty()) {
            return new EpcError(EpcError.FIELD_OUT_OF_RANGE, "GTIN must be 14 digits and the company prefix (valid check digit), company prefix"
                    + " 6-12 digits long");
        }
        String s = serial == null ? "" : serial;
        String scheme = SerialRules.integerError(s, Remainder.INTEGER_SERIAL.bits) == null ? "sgtin-96" : "sgtin-198";
        return encode(scheme, filter, "urn:epc:id:sgtin:" + body.get() + "." + Cset82.escape(s));
    }

    /** Encodes an SSCC-18 as SSCC-96; the company prefix length comes from master data. */
    public static EpcResult encodeSscc(String sscc, int companyPrefixLength, int filter) {
        Optional<String> body = Gs1KeyBody.of(sscc, 18, companyPrefixLength);
        if (body.isEmpty()) {
            return new EpcError(EpcError.FIELD_OUT_OF_RANGE, "SSCC must be 18 digits and the company prefix (valid check digit), company prefix"
                    + " 6-12 digits long");
        }
        return encode("sscc-96", filter, "urn:epc:id:sscc:" + body.get());
    }

    private static EpcResult encode(EpcScheme scheme, int filter, String uri) {
        String prefix = "urn:epc:id:" + scheme.family + ":";
        if (!uri.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return new EpcError(EpcError.BAD_URI, "URI " + EpcDecoder.echo(uri) + " does not start with " + prefix);
        }
        int parts = scheme.hasThirdComponent() ? 3 : 2;
        String[] fields = uri.substring(prefix.length()).split("\\.", parts);
        if (fields.length != parts) {
            return new EpcError(EpcError.BAD_URI, "URI " + EpcDecoder.echo(uri) + " needs " + parts
                    + " dot-separated components after " + prefix);
        }
        String cp = fields[0];
        String ref = fields[1];
        if (!SerialRules.isDigits(cp) || !(ref.isEmpty() || SerialRules.isDigits(ref))) {
            return new EpcError(EpcError.BAD_URI, "company prefix and reference must be digits in "
                    + EpcDecoder.echo(uri));
        }
        Optional<Partition> found = PartitionTable.standard().byCompanyPrefixDigits(scheme.family, cp.length());
        if (found.isEmpty()) {
            return new EpcError(EpcError.FIELD_OUT_OF_RANGE, "a " + cp.length() + "-digit company prefix has no "
                    + scheme.tagName + " partition (6-12 digits)");
        }
        Partition p = found.get();
        BitWriter bits = new BitWriter().put(scheme.header, 8).put(filter, 3).put(p.value(), 3)
                .put(new BigInteger(cp), p.cpBits());
        EpcError refError = putReference(scheme, p, ref, bits);
        if (refError != null) {
            return refError;
        }
        EpcError thirdError = putRemainder(scheme, parts == 3 ? fields[2] : null, bits);
        if (thirdError != null) {
            return thirdError;
        }
        return EpcDecoder.decode(bits.toHex(scheme.hexDigits()));
    }

    private static EpcError putReference(EpcScheme scheme, Partition p, String ref, BitWriter bits) {
        if (scheme.paddedReference()) {
            if (ref.length() != p.refDigits()) {
                return new EpcError(EpcError.FIELD_OUT_OF_RANGE, "with a " + p.cpDigits() + "-digit company prefix"
                        + " the reference must have " + p.refDigits() + " digits, not " + ref.length());
            }
            bits.put(ref.isEmpty() ? BigInteger.ZERO : new BigInteger(ref), p.refBits());
            return null;
        }
        String error = SerialRules.integerError(ref, p.refBits());
        if (error != null) {
            return new EpcError(error, "individual asset reference " + EpcDecoder.echo(ref) + " cannot be encoded"
                    + " in " + p.refBits() + " bits: " + SerialRules.explain(error));
        }
        bits.put(new BigInteger(ref), p.refBits());
        return null;
    }

    private static EpcError putRemainder(EpcScheme scheme, String escaped, BitWriter bits) {
        if (scheme.remainder == Remainder.RESERVED) {
            bits.put(0, Remainder.RESERVED.bits);
            return null;
        }
        if (scheme.remainder == Remainder.NONE) {
            return null;
        }
        String value = Cset82.unescape(escaped);
        if (value == null) {
            return new EpcError(EpcError.BAD_URI, "malformed percent escape in " + EpcDecoder.echo(escaped));
        }
        if (scheme.remainder == Remainder.STRING_SERIAL) {
            return putStringSerial(value, bits);
        }
        String error = SerialRules.integerError(value, scheme.remainder.bits);
        if (error != null) {
            String what = scheme.remainder == Remainder.EXTENSION ? "extension " : "serial ";
            return new EpcError(error, what + EpcDecoder.echo(value) + " cannot be encoded in " + scheme.tagName
                    + ": " + SerialRules.explain(error));
        }
        bits.put(new BigInteger(value), scheme.remainder.bits);
        return null;
    }

    private static EpcError putStringSerial(String serial, BitWriter bits) {
        if (serial.isEmpty()) {
            return new EpcError(EpcError.EMPTY_SERIAL, "serial is empty");
        }
        if (serial.length() > MAX_STRING_SERIAL) {
            return new EpcError(EpcError.SERIAL_OUT_OF_RANGE, "serial has " + serial.length()
                    + " characters; sgtin-198 holds at most " + MAX_STRING_SERIAL);
        }
        for (char c : serial.toCharArray()) {
            if (!Cset82.contains(c)) {
                return new EpcError(EpcError.BAD_CHARSET, "serial character " + EpcDecoder.describe(c)
                        + " is not in GS1 character set 82");
            }
        }
        for (char c : serial.toCharArray()) {
            bits.put(c, 7);
        }
        bits.put(0, Remainder.STRING_SERIAL.bits - 7 * serial.length());
        return null;
    }
}
