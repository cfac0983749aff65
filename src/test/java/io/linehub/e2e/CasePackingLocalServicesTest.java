package io.linehub.e2e;

/** Aggregation on the plant's real services: Mosquitto and PostgreSQL on this machine. */
class CasePackingLocalServicesTest extends CasePackingContract {

    @Override
    HubEnvironment environment() {
        return new LocalServicesEnvironment();
    }
}
