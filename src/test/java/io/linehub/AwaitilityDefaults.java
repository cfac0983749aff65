package io.linehub;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility fails the await in progress when any thread dies with an exception; Paho's own threads
 * sometimes do at disconnect (an internal race), which would fail whichever test happens to be waiting.
 * The tests assert what devices and receivers see, so other threads' exceptions are not failures here.
 */
public final class AwaitilityDefaults implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }
}
