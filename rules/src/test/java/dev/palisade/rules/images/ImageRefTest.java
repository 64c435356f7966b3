package dev.palisade.rules.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageRefTest {
    @Test
    void dockerHubShortNamesGetRegistryAndLibrary() {
        assertEquals(new ImageRef("docker.io", "library/nginx", null, null), ImageRef.parse("nginx"));
        assertEquals(new ImageRef("docker.io", "bitnami/redis", "7.2", null), ImageRef.parse("bitnami/redis:7.2"));
        assertEquals("docker.io/library/nginx", ImageRef.parse("index.docker.io/nginx:1").repository());
        assertEquals("docker.io/library/nginx", ImageRef.parse("docker.io/library/nginx").repository());
    }

    @Test
    void registryPortIsNotATag() {
        ImageRef r = ImageRef.parse("localhost:5000/app");
        assertEquals(new ImageRef("localhost:5000", "app", null, null), r);
        assertTrue(r.isMutableLatest());
        assertEquals(new ImageRef("registry.example.com:8443", "team/app", "2.0", null),
                ImageRef.parse("registry.example.com:8443/team/app:2.0"));
        assertEquals(new ImageRef("localhost", "app", "1", null), ImageRef.parse("localhost/app:1"));
    }

    @Test
    void digestsPinEvenWithLatest() {
        String digest = "sha256:" + "a".repeat(64);
        ImageRef r = ImageRef.parse("ghcr.io/org/app:latest@" + digest);
        assertEquals(new ImageRef("ghcr.io", "org/app", "latest", digest), r);
        assertFalse(r.isMutableLatest());
        assertEquals(new ImageRef("localhost:5000", "app", null, digest), ImageRef.parse("localhost:5000/app@" + digest));
    }

    @Test
    void firstComponentWithoutDotOrPortIsAPath() {
        assertEquals(new ImageRef("docker.io", "myorg/app", "1.0", null), ImageRef.parse("myorg/app:1.0"));
    }

    @Test
    void blankOrTemplatedIsNotAReference() {
        assertNull(ImageRef.parse(""));
        assertNull(ImageRef.parse("{{ .Values.image }}"));
        assertNull(ImageRef.parse(null));
    }
}
