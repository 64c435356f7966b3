package dev.palisade.index;

import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The objects cross-object rules may ask about. Offline it is the whole lint set; in the cluster it
 * is backed by informer caches, which may not hold every kind: rules call {@link #covers} first and
 * stay silent about what the index cannot see, rather than report a false "missing".
 *
 * <p>An index may hand out less than whole objects: a streamed lint run's index holds {@link
 * IndexViews slim views} (no positions; of each object only what cross-object rules read), the
 * informers' cache drops managed fields and status. Rules report on the object they check, never on
 * one the index returned.
 */
public interface ObjectIndex {
    /** Objects of {@code kind} (any apiVersion) in {@code namespace}; null means every namespace. */
    List<ManifestObject> list(String kind, String namespace);

    /** The object of that kind, namespace (ignored for cluster-scoped kinds) and name. */
    default Optional<ManifestObject> get(String kind, String namespace, String name) {
        return list(kind, namespace).stream().filter(o -> name != null && name.equals(o.name())).findFirst();
    }

    /**
     * Objects of API groups Kubernetes does not ship (custom resources, e.g. an operator's database
     * cluster) in {@code namespace}: operators create pods the manifests do not show. An index that
     * does not hold custom resources returns none.
     */
    default List<ManifestObject> customResources(String namespace) {
        return List.of();
    }

    /** Workloads and Pods in {@code namespace} whose pod template labels satisfy {@code matches}. */
    List<ManifestObject> podTemplates(String namespace, Predicate<java.util.Map<String, String>> matches);

    /**
     * Workloads and Pods in {@code namespace} whose pod template labels {@code selector} selects, with
     * {@link LabelSelectors} semantics (a null selector selects nothing). Implementations should
     * answer from a label index: rules call this once per object, so a scan makes a lint set of
     * thousands of workloads quadratic.
     */
    default List<ManifestObject> podTemplates(String namespace, LabelSelector selector) {
        return selector == null ? List.of() : podTemplates(namespace, labels -> LabelSelectors.matches(selector, labels));
    }

    /** Same, for an equality selector (Service, ReplicationController); null or empty selects all. */
    default List<ManifestObject> podTemplates(String namespace, Map<String, String> equalitySelector) {
        return podTemplates(namespace, new LabelSelector(null, equalitySelector));
    }

    /** Whether the index knows every object of {@code kind}, so an absence means something. */
    boolean covers(String kind);

    /**
     * Whether the index knows every object of {@code kind} in {@code namespace}; an informer watching
     * some namespaces only says no for the others.
     */
    default boolean covers(String kind, String namespace) {
        return covers(kind);
    }

    /** Whether the index knows every workload and Pod, so template queries are complete. */
    default boolean coversWorkloads() {
        return covers("Deployment") && covers("StatefulSet") && covers("DaemonSet") && covers("ReplicaSet")
                && covers("Job") && covers("CronJob") && covers("Pod") && covers("ReplicationController");
    }

    /** Whether template queries about {@code namespace} are complete. */
    default boolean coversWorkloads(String namespace) {
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod",
                "ReplicationController")) {
            if (!covers(kind, namespace)) {
                return false;
            }
        }
        return true;
    }

    /** An index that knows nothing: every cross-object check is skipped. */
    ObjectIndex EMPTY = new ObjectIndex() {
        @Override
        public List<ManifestObject> list(String kind, String namespace) {
            return List.of();
        }

        @Override
        public List<ManifestObject> podTemplates(String namespace, Predicate<java.util.Map<String, String>> matches) {
            return List.of();
        }

        @Override
        public boolean covers(String kind) {
            return false;
        }
    };
}
