package io.linehub.e2e;

/** A resent scan on the embedded defaults: Artemis and H2. */
class RedeliveredScanEmbeddedTest extends RedeliveredScanContract {

    @Override
    HubEnvironment environment() {
        return new EmbeddedEnvironment();
    }
}
