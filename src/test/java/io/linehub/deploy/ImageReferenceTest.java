package io.linehub.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void exactVersionTagsAndDigestsArePinned() {
        assertTrue(ImageReference.parse("eclipse-temurin:17.0.13_11-jre").pinned());
        assertTrue(ImageReference.parse("maven:3.9.9-eclipse-temurin-17").pinned());
        assertTrue(ImageReference.parse("postgres:16.6").pinned());
        assertTrue(ImageReference.parse("postgres@sha256:0123abcd").pinned());
        assertTrue(ImageReference.parse("registry.plant.local:5000/linehub:0.1.0").pinned());
    }

    @Test
    void latestMissingAndFloatingTagsAreNot() {
        assertFalse(ImageReference.parse("postgres").pinned(), "no tag means latest");
        assertFalse(ImageReference.parse("postgres:latest").pinned());
        assertFalse(ImageReference.parse("postgres:16").pinned(), "a bare major moves with every minor release");
        assertFalse(ImageReference.parse("eclipse-temurin:17-jre").pinned());
        assertFalse(ImageReference.parse("registry.plant.local:5000/linehub").pinned(), "the port is not a tag");
    }

    @Test
    void splitsRegistryNameTagAndDigest() {
        assertEquals(new ImageReference("registry:5000/team/app", "1.2.3", "sha256:ff"),
                ImageReference.parse("registry:5000/team/app:1.2.3@sha256:ff"));
    }
}
