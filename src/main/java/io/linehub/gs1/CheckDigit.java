package io.linehub.gs1;

/** GS1 check digits: mod-10 for numeric keys (GTIN, GLN, SSCC, GSRN, ...) and the check pair for alphanumeric keys (GMN). */
public final class CheckDigit {

    private static final String CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int ALPHA_MODULUS = 1021;

    private CheckDigit() {
    }

    /**
     * The mod-10 check digit for {@code body} (all digits, the check digit not included): from the right,
     * digits are weighted 3, 1, 3, ... and the check digit brings the sum to a multiple of ten.
     */
    public static int compute(CharSequence body) {
        if (!CharacterSets.isDigits(body)) {
            throw new IllegalArgumentException("digits expected");
        }
        int sum = 0;
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (body.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when {@code digits} (at least two, all numeric) ends in its correct mod-10 check digit. */
    public static boolean isValid(CharSequence digits) {
        if (digits == null || digits.length() < 2 || !CharacterSets.isDigits(digits)) {
            return false;
        }
        int last = digits.length() - 1;
        return compute(digits.subSequence(0, last)) == digits.charAt(last) - '0';
    }

    /** {@code body} followed by its check digit, e.g. 0950110153000 becomes 09501101530003. */
    public static String append(CharSequence body) {
        return body.toString() + compute(body);
    }

    /**
     * True when {@code value} ends in a valid GS1 alphanumeric check character pair: data characters
     * valued by their CSET 82 position, weighted by primes 2, 3, 5, ... from the right, summed mod 1021,
     * the sum's two 5-bit halves written in CSET 32.
     */
    public static boolean isValidAlphaPair(CharSequence value) {
        if (value == null || value.length() < 2) {
            return false;
        }
        int dataLength = value.length() - 2;
        long sum = 0;
        int prime = 1;
        for (int i = dataLength - 1; i >= 0; i--) {
            int charValue = CharacterSets.CSET82.indexOf(value.charAt(i));
            if (charValue < 0) {
                return false;
            }
            prime = nextPrime(prime);
            sum = (sum + (long) charValue * prime) % ALPHA_MODULUS;
        }
        return value.charAt(dataLength) == CSET32.charAt((int) (sum >> 5))
                && value.charAt(dataLength + 1) == CSET32.charAt((int) (sum & 31));
    }

    private static int nextPrime(int after) {
        int candidate = after + 1;
        while (!isPrime(candidate)) {
            candidate++;
        }
        return candidate;
    }

    private static boolean isPrime(int n) {
        for (int d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return n >= 2;
    }
}
