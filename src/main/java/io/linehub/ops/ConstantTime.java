package io.linehub.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares secrets (passwords, tokens) in time that depends on neither the position of the first
 * difference nor the presented length: both sides are hashed to 32 bytes and compared with
 * {@link MessageDigest#isEqual}, so a caller cannot find a secret byte by byte by timing the answers.
 */
public final class ConstantTime {

    private ConstantTime() {
    }

    /** @return true when both are non-null and equal; a null never matches, not even another null */
    public static boolean matches(String expected, String presented) {
        boolean equal = MessageDigest.isEqual(sha256(expected), sha256(presented));
        return equal & expected != null & presented != null;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
