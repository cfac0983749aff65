package io.linehub.deploy;

import java.util.regex.Pattern;

/**
 * A container image reference, {@code [registry[:port]/]name[:tag][@digest]}, and whether it is pinned: a digest,
 * or a tag naming an exact version. A floating tag ({@code latest}, none at all, or a bare major like
 * {@code postgres:16}) would let a rebuild pick up another JDK, broker or database without anyone deciding so.
 */
record ImageReference(String name, String tag, String digest) {

    // at least major.minor: "17.0.13_11-jre", "3.9.9-eclipse-temurin-17", "2.0.20", "16.6", "0.1.0-SNAPSHOT"
    private static final Pattern EXACT_VERSION = Pattern.compile(".*\\d+\\.\\d+.*");

    static ImageReference parse(String reference) {
        String rest = reference.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        // a colon before the last slash is a registry's port, not a tag
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(rest, tag, digest);
    }

    boolean pinned() {
        if (digest != null && !digest.isBlank()) {
            return true;
        }
        return tag != null && !"latest".equals(tag) && EXACT_VERSION.matcher(tag).matches();
    }
}
