package io.linehub.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Key material made at test time with the JDK's keytool, under target/ (never committed): a self-signed
 * certificate for 127.0.0.1 and localhost in a PKCS12 keystore, and a truststore holding only that
 * certificate. Two calls give two unrelated certificates, e.g. a broker and an impostor.
 */
public final class TestKeystores {

    /** @param password the password of both stores (random per call) */
    public record Tls(Path keystore, Path truststore, String password) {
    }

    private TestKeystores() {
    }

    public static Tls create(String name) {
        return create(name, "ip:127.0.0.1,dns:localhost");
    }

    /** As {@link #create(String)}, for the given subject alternative names (e.g. another host's). */
    public static Tls create(String name, String subjectAlternativeNames) {
        Path dir = Path.of("target", "tls", name + "-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path keystore = dir.resolve(name + "-key.p12");
        Path certificate = dir.resolve(name + ".cer");
        Path truststore = dir.resolve(name + "-trust.p12");
        try {
            Files.createDirectories(dir);
            keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=" + name + ", O=linehub tests", "-ext", "SAN=" + subjectAlternativeNames,
                    "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password,
                    "-keypass", password);
            keytool("-exportcert", "-alias", name, "-keystore", keystore.toString(), "-storepass", password,
                    "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(),
                    "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", password);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make test key material in " + dir, e);
        }
        return new Tls(keystore, truststore, password);
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool timed out: " + args[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
