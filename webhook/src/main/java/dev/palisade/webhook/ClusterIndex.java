package dev.palisade.webhook;

import dev.palisade.index.ObjectIndex;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The cross-object index the webhook judges with, plus what readiness needs to know about it. */
public interface ClusterIndex extends ObjectIndex, AutoCloseable {
    /** Sync state by kind, for metrics. */
    Map<String, Boolean> syncState();

    /** Kinds still loading: readiness waits for them (a failed cache is settled, its rules skipped). */
    List<String> pending();

    @Override
    void close();

    /**
     * Namespaces whose objects no namespaced cache holds: the informers leave out the namespaces
     * exempt when the webhook started, and a config reload may judge one of them before a restart.
     */
    default Set<String> uncachedNamespaces() {
        return Collections.emptySet();
    }

    /** Whether namespaced caches hold {@code namespace}'s objects. */
    default boolean caches(String namespace) {
        return !uncachedNamespaces().contains(namespace);
    }

    /** No caches (--no-informers): every cross-object rule is skipped, and nothing to wait for. */
    static ClusterIndex none() {
        return new ClusterIndex() {
            @Override
            public Map<String, Boolean> syncState() {
                return Map.of();
            }

            @Override
            public List<String> pending() {
                return List.of();
            }

            @Override
            public void close() {
            }

            @Override
            public List<dev.palisade.model.ManifestObject> list(String kind, String namespace) {
                return List.of();
            }

            @Override
            public List<dev.palisade.model.ManifestObject> podTemplates(String namespace,
                    Predicate<Map<String, String>> matches) {
                return List.of();
            }

            @Override
            public java.util.Optional<dev.palisade.model.ManifestObject> get(String kind, String namespace, String name) {
                return java.util.Optional.empty(); // asked on every review (Namespace labels): no stream over nothing
            }

            @Override
            public boolean covers(String kind) {
                return false;
            }
        };
    }
}
