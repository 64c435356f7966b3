package dev.palisade.webhook;

import dev.palisade.index.ObjectIndex;
import dev.palisade.model.Kinds;
import dev.palisade.model.ManifestObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The index a review sees in a namespace the informers leave out (exempt at start, judged after a
 * config reload): cluster-scoped kinds as cached, namespaced kinds not covered, so rules about them
 * are skipped instead of reading an empty cache as "nothing there".
 */
final class ClusterScopedIndex implements ObjectIndex {
    private final ObjectIndex cluster;

    ClusterScopedIndex(ObjectIndex cluster) {
        this.cluster = cluster;
    }

    @Override
    public List<ManifestObject> list(String kind, String namespace) {
        return Kinds.isClusterScoped(kind) ? cluster.list(kind, namespace) : List.of();
    }

    @Override
    public Optional<ManifestObject> get(String kind, String namespace, String name) {
        return Kinds.isClusterScoped(kind) ? cluster.get(kind, namespace, name) : Optional.empty();
    }

    @Override
    public List<ManifestObject> podTemplates(String namespace, Predicate<Map<String, String>> matches) {
        return List.of();
    }

    @Override
    public boolean covers(String kind) {
        return Kinds.isClusterScoped(kind) && cluster.covers(kind);
    }
}
