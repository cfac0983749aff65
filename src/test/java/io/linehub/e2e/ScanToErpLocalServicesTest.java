package io.linehub.e2e;

/** The scan-to-ERP contract on the plant's real services: Mosquitto and PostgreSQL on this machine. */
class ScanToErpLocalServicesTest extends ScanToErpContract {

    @Override
    HubEnvironment environment() {
        return new LocalServicesEnvironment();
    }
}
