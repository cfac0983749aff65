package io.linehub.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The socket factory of the hub's MQTT clients. Paho refuses an SSL factory on a {@code tcp://} URL and
 * a plain one on {@code ssl://}, so the factory follows the URL's scheme: plain sockets for {@code tcp://},
 * TLS for {@code ssl://} (and {@code wss://}) that trusts the given truststore only, or the JVM's default
 * truststore when none is given (a broker with a public CA certificate).
 */
public final class MqttSocketFactory {

    private MqttSocketFactory() {
    }

    public static boolean isTls(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return lower.startsWith("ssl://") || lower.startsWith("wss://");
    }

    /**
     * @param truststore a PKCS12 or JKS file with the broker's certificate or its CA; null for the JVM default
     * @throws IllegalStateException when the truststore cannot be read: better no start than a silent fallback
     */
    public static SocketFactory forBroker(String url, Path truststore, char[] truststorePassword) {
        if (!isTls(url)) {
            return SocketFactory.getDefault();
        }
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, truststore == null ? null : trustManagers(truststore, truststorePassword), null);
            return tls.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("MQTT truststore " + truststore + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static javax.net.ssl.TrustManager[] trustManagers(Path truststore, char[] password)
            throws GeneralSecurityException, IOException {
        if (!Files.isReadable(truststore)) {
            throw new IOException("not a readable file");
        }
        // KeyStore.getInstance(File, ...) finds out whether the file is PKCS12 or JKS
        KeyStore store = KeyStore.getInstance(truststore.toFile(), password);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }
}
