package dev.palisade.rules.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of built-in kinds packaged with Palisade (generated at build time by {@code schemagen}
 * from the official Kubernetes Java client, one release per Kubernetes minor). Each kind has its own
 * file, read only when an object of that kind is validated; compiled schemas are cached by
 * {@link SchemaRegistry}.
 */
public final class BundledSchemas {
    private static final String FOLDER = "/dev/palisade/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> KINDS = new ConcurrentHashMap<>();
    private static volatile List<Version> versions;

    /** One bundled Kubernetes minor and the artifact its schemas were derived from. */
    public record Version(String kubernetesVersion, String source) {
    }

    private BundledSchemas() {
    }

    /** Bundled versions, oldest first. */
    public static List<Version> versions() {
        List<Version> v = versions;
        if (v == null) {
            List<Version> list = new ArrayList<>();
            for (JsonNode n : read("index.json").path("versions")) {
                list.add(new Version(n.path("kubernetesVersion").asText(), n.path("source").asText()));
            }
            list.sort(Comparator.comparingInt(x -> minor(x.kubernetesVersion())));
            v = List.copyOf(list);
            versions = v;
        }
        return v;
    }

    public static String newest() {
        List<Version> v = versions();
        return v.get(v.size() - 1).kubernetesVersion();
    }

    public static boolean bundles(String kubernetesVersion) {
        return versions().stream().anyMatch(v -> v.kubernetesVersion().equals(kubernetesVersion));
    }

    /** "1.34" to 34; -1 when not of that form. */
    public static int minor(String kubernetesVersion) {
        if (kubernetesVersion == null || !kubernetesVersion.matches("1\\.\\d{1,3}")) {
            return -1;
        }
        return Integer.parseInt(kubernetesVersion.substring(2));
    }

    /**
     * The self-contained schema of {@code apiVersion}/{@code kind} in that version (a reference to the
     * kind's definition next to the definitions it reaches). Null when the version does not serve the kind.
     */
    public static ObjectNode rootFor(String kubernetesVersion, String apiVersion, String kind) {
        if (!serves(kubernetesVersion, apiVersion, kind)) {
            return null;
        }
        String path = apiVersion.contains("/") ? apiVersion : "core/" + apiVersion;
        return (ObjectNode) read(kubernetesVersion + "/" + path + "/" + kind + ".json");
    }

    /** Whether any bundled version serves {@code apiVersion}/{@code kind}. */
    public static boolean anyVersionServes(String apiVersion, String kind) {
        return versions().stream().anyMatch(v -> serves(v.kubernetesVersion(), apiVersion, kind));
    }

    /** Whether bundled version {@code kubernetesVersion} serves {@code apiVersion}/{@code kind}. */
    public static boolean serves(String kubernetesVersion, String apiVersion, String kind) {
        return kinds(kubernetesVersion).contains(apiVersion + "/" + kind);
    }

    /** The apiVersions that serve {@code kind} in {@code kubernetesVersion}, e.g. [apps/v1] for Deployment. */
    public static List<String> apiVersionsOf(String kubernetesVersion, String kind) {
        List<String> out = new ArrayList<>();
        for (String key : kinds(kubernetesVersion)) {
            int slash = key.lastIndexOf('/');
            if (key.substring(slash + 1).equals(kind)) {
                out.add(key.substring(0, slash));
            }
        }
        return out;
    }

    private static Set<String> kinds(String kubernetesVersion) {
        return KINDS.computeIfAbsent(kubernetesVersion, v -> {
            Set<String> set = new HashSet<>();
            read(v + "/kinds.json").path("kinds").forEach(k -> set.add(k.asText()));
            return Set.copyOf(set);
        });
    }

    private static JsonNode read(String file) {
        try (InputStream in = BundledSchemas.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled schema " + file + " is missing from the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
