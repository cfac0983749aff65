package io.linehub.sim;

import java.nio.file.Path;

/**
 * What the embedded broker asks of its clients: TLS (a keystore with the broker's key and certificate)
 * and/or one account. Each part is optional; {@link #NONE} is the open demo broker.
 *
 * @param keystore PKCS12 or JKS with the broker's key; null for plain TCP
 * @param user the one account's name; null for no authentication
 */
public record BrokerSecurity(Path keystore, String keystorePassword, String user, String password) {

    public static final BrokerSecurity NONE = new BrokerSecurity(null, null, null, null);

    public BrokerSecurity {
        if (user != null && (user.isBlank() || password == null)) {
            throw new IllegalArgumentException("an MQTT account needs a name and a password");
        }
    }

    public BrokerSecurity withTls(Path keystore, String keystorePassword) {
        return new BrokerSecurity(keystore, keystorePassword, user, password);
    }

    public BrokerSecurity withUser(String user, String password) {
        return new BrokerSecurity(keystore, keystorePassword, user, password);
    }

    public boolean tls() {
        return keystore != null;
    }

    public boolean authenticates() {
        return user != null;
    }

    /** The passwords never reach a log line. */
    @Override
    public String toString() {
        return "BrokerSecurity[" + (tls() ? "TLS" : "plain") + (authenticates() ? ", user " + user : ", open") + "]";
    }
}
