package io.linehub.e2e;

/** The scan-to-ERP contract on a fresh machine's defaults: embedded Artemis and H2. */
class ScanToErpEmbeddedTest extends ScanToErpContract {

    @Override
    HubEnvironment environment() {
        return new EmbeddedEnvironment();
    }
}
