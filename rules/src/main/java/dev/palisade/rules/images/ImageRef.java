package dev.palisade.rules.images;

import java.util.Locale;

/**
 * A container image reference split the way the container runtime reads it:
 * {@code [registry[:port]/]path[:tag][@digest]}. The first path component is a registry only when it
 * contains '.' or ':' or is {@code localhost}, so {@code localhost:5000/app} has no tag and
 * {@code nginx} lives at {@code docker.io/library/nginx}.
 *
 * @param registry the registry host (with port), normalised: Docker Hub aliases become docker.io
 * @param path     the repository path, with library/ added for single-name Docker Hub images
 * @param tag      the tag, or null when none is written
 * @param digest   the digest ({@code sha256:...}), or null when none is written
 */
public record ImageRef(String registry, String path, String tag, String digest) {
    public static final String DOCKER_HUB = "docker.io";

    /** Parses an image reference; null when it is blank or holds whitespace (templating leftovers). */
    public static ImageRef parse(String image) {
        if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        String rest = image;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int lastSlash = rest.lastIndexOf('/');
        int colon = rest.indexOf(':', lastSlash + 1);
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = DOCKER_HUB;
        String path = rest;
        int firstSlash = rest.indexOf('/');
        if (firstSlash >= 0) {
            String first = rest.substring(0, firstSlash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = normalise(first);
                path = rest.substring(firstSlash + 1);
            }
        }
        if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        return new ImageRef(registry, path, tag, digest);
    }

    private static String normalise(String registry) {
        String r = registry.toLowerCase(Locale.ROOT);
        return r.equals("index.docker.io") || r.equals("registry-1.docker.io") ? DOCKER_HUB : r;
    }

    /** registry/path, e.g. docker.io/library/nginx. */
    public String repository() {
        return registry + "/" + path;
    }

    /** No digest, and the tag is latest or absent: the image behind the name can change. */
    public boolean isMutableLatest() {
        return digest == null && (tag == null || tag.equals("latest"));
    }
}
