package io.linehub.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {

    @Test
    void should_match_only_equal_non_null_secrets() {
        assertTrue(ConstantTime.matches("tok-3n", "tok-3n"), "equal");
        assertFalse(ConstantTime.matches("tok-3n", "tok-3N"), "case matters");
        assertFalse(ConstantTime.matches("tok-3n", "tok-3"), "a prefix is not the secret");
        assertFalse(ConstantTime.matches("tok-3n", "tok-3nn"), "nor a longer one");
        assertFalse(ConstantTime.matches("tok-3n", null), "nothing presented");
        assertFalse(ConstantTime.matches(null, null), "no secret configured never matches");
        assertFalse(ConstantTime.matches("", null), "an empty secret does not match a missing one");
    }
}
