package io.linehub.e2e;

/** A resent scan on the plant's real services: Mosquitto and PostgreSQL on this machine. */
class RedeliveredScanLocalServicesTest extends RedeliveredScanContract {

    @Override
    HubEnvironment environment() {
        return new LocalServicesEnvironment();
    }
}
