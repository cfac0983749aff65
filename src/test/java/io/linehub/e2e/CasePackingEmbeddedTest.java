package io.linehub.e2e;

/** Aggregation on the embedded defaults: Artemis and H2. */
class CasePackingEmbeddedTest extends CasePackingContract {

    @Override
    HubEnvironment environment() {
        return new EmbeddedEnvironment();
    }
}
