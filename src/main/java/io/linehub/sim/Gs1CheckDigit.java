package io.linehub.sim;

/** The GS1 mod-10 check digit, so the simulators can build valid GTINs and deliberately broken ones. */
public final class Gs1CheckDigit {

    private Gs1CheckDigit() {
    }

    /** The check digit for {@code body}, the digits of a GS1 key without its check digit. */
    public static int compute(String body) {
        int sum = 0;
        // weights alternate 3,1,3,... starting from the rightmost body digit
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            char c = body.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not all digits: " + body);
            }
            sum += (c - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last digit of {@code key} is the right check digit for the rest. */
    public static boolean isValid(String key) {
        if (key == null || key.length() < 2 || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return compute(key.substring(0, key.length() - 1)) == key.charAt(key.length() - 1) - '0';
    }

    /** {@code key} with its check digit replaced by a wrong one. */
    public static String corrupt(String key) {
        int last = key.charAt(key.length() - 1) - '0';
        return key.substring(0, key.length() - 1) + (char) ('0' + (last + 1) % 10);
    }
}
