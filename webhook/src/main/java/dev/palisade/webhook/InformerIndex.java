package dev.palisade.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.model.Kinds;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PositionIndex;
import dev.palisade.model.TypedModels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The cross-object index in the cluster: read-only fabric8 informers (list + watch, all
 * namespaces but the ones the webhook never judges) for the kinds cross-object rules consult.
 * Stored objects drop {@code managedFields}; the generic trees rules read are made on first use
 * (without {@code status}) and kept.
 *
 * <p>A kind whose informer has not synced (or failed: RBAC, API missing) is not {@link #covers
 * covered}: rules about it are skipped instead of reporting a false "missing", and lookups never
 * wait for the API server.
 */
public final class InformerIndex implements ClusterIndex {
    /** Kinds whose pod templates selector rules consult; owned ones are represented by their owner. */
    private static final List<String> TEMPLATE_KINDS = List.of("Deployment", "StatefulSet", "DaemonSet",
            "ReplicaSet", "ReplicationController", "Job", "CronJob", "Pod");

    private final KubernetesClient client;
    private final Map<String, KindCache> caches = new LinkedHashMap<>();
    private final Set<String> uncached;

    /**
     * One kind: the informer's store is the truth (synced means it is complete); the generic trees
     * rules read are made from it on first use and kept while the stored object stays the same.
     */
    private static final class KindCache {
        final SharedIndexInformer<? extends HasMetadata> informer;
        final Map<String, Converted> views = new ConcurrentHashMap<>();
        volatile boolean failed;

        /** A tree made from one stored object (compared by identity: updates replace the object). */
        record Converted(HasMetadata source, ManifestObject view) {
        }

        KindCache(SharedIndexInformer<? extends HasMetadata> informer) {
            this.informer = informer;
        }

        boolean synced() {
            return informer.hasSynced() && informer.isRunning();
        }

        ManifestObject view(HasMetadata o) {
            String key = Cache.metaNamespaceKeyFunc(o);
            Converted c = views.get(key);
            if (c != null && c.source() == o) {
                return c.view();
            }
            ObjectNode tree = TypedModels.MAPPER.valueToTree(o);
            tree.remove("status");
            String ns = o.getMetadata().getNamespace();
            ManifestObject view = new ManifestObject(Reviewer.SOURCE, tree, EMPTY_POSITIONS, ns);
            views.put(key, new Converted(o, view));
            return view;
        }

        List<ManifestObject> list(String namespace) {
            List<? extends HasMetadata> stored = namespace == null ? informer.getStore().list()
                    : informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
            List<ManifestObject> out = new ArrayList<>(stored.size());
            for (HasMetadata o : stored) {
                out.add(view(o));
            }
            return out;
        }

        ManifestObject get(String namespace, String name) {
            HasMetadata o = informer.getStore().getByKey(namespace == null ? name : namespace + "/" + name);
            return o == null ? null : view(o);
        }
    }

    /** Cached objects have no source positions; findings never point into them. */
    private static final PositionIndex EMPTY_POSITIONS = new PositionIndex();

    /**
     * Connects with the in-cluster service account (or ~/.kube/config) and starts every informer;
     * objects in {@code uncached} namespaces (the exempt ones: the webhook never judges them) are
     * neither listed nor watched.
     */
    public static InformerIndex start(Set<String> uncached) {
        return new InformerIndex(new KubernetesClientBuilder().build(), uncached);
    }

    public InformerIndex(KubernetesClient client, Set<String> uncached) {
        this.client = client;
        this.uncached = Collections.unmodifiableSet(new HashSet<>(uncached)); // asked about null too
        watch("Service", c -> outsideUncached(c.services().inAnyNamespace()));
        watch("PersistentVolumeClaim", c -> outsideUncached(c.persistentVolumeClaims().inAnyNamespace()));
        watch("PersistentVolume", c -> c.persistentVolumes().runnableInformer(0));
        watch("Namespace", c -> c.namespaces().runnableInformer(0));
        watch("StorageClass", c -> c.storage().v1().storageClasses().runnableInformer(0));
        watch("PodDisruptionBudget", c -> outsideUncached(c.policy().v1().podDisruptionBudget().inAnyNamespace()));
        watch("HorizontalPodAutoscaler", c -> outsideUncached(c.autoscaling().v2().horizontalPodAutoscalers()
                .inAnyNamespace()));
        watch("Deployment", c -> outsideUncached(c.apps().deployments().inAnyNamespace()));
        watch("StatefulSet", c -> outsideUncached(c.apps().statefulSets().inAnyNamespace()));
        watch("DaemonSet", c -> outsideUncached(c.apps().daemonSets().inAnyNamespace()));
        watch("ReplicaSet", c -> outsideUncached(c.apps().replicaSets().inAnyNamespace()));
        watch("ReplicationController", c -> outsideUncached(c.replicationControllers().inAnyNamespace()));
        watch("Job", c -> outsideUncached(c.batch().v1().jobs().inAnyNamespace()));
        watch("CronJob", c -> outsideUncached(c.batch().v1().cronjobs().inAnyNamespace()));
        watch("Pod", c -> outsideUncached(c.pods().inAnyNamespace()));
        caches.forEach((kind, cache) -> cache.informer.start().whenComplete((ok, error) -> {
            if (error != null) {
                cache.failed = true;
                // RBAC or a missing API: the kind stays uncovered, its rules skipped
                JsonLog.warn("informer.failed", "kind", kind, "error", error.getClass().getSimpleName() + ": "
                        + error.getMessage());
            } else {
                JsonLog.info("informer.synced", "kind", kind, "objects", cache.informer.getStore().list().size());
            }
        }));
    }

    /**
     * An informer over every namespace but the uncached ones: the API server filters them out with
     * a {@code metadata.namespace!=} field selector (supported by every resource), so their objects
     * never reach this process. kube-system alone holds most Pods of a small cluster.
     */
    private <T extends HasMetadata> SharedIndexInformer<T> outsideUncached(FilterWatchListDeletable<T, ?, ?> all) {
        FilterWatchListDeletable<T, ?, ?> filtered = all;
        for (String namespace : uncached) {
            filtered = filtered.withoutField("metadata.namespace", namespace);
        }
        return filtered.runnableInformer(0);
    }

    @Override
    public Set<String> uncachedNamespaces() {
        return uncached;
    }

    private <T extends HasMetadata> void watch(String kind, Function<KubernetesClient, SharedIndexInformer<T>> make) {
        SharedIndexInformer<T> informer = make.apply(client);
        KindCache cache = new KindCache(informer);
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T o) {
                slim(o);
            }

            @Override
            public void onUpdate(T old, T o) {
                slim(o);
            }

            @Override
            public void onDelete(T o, boolean finalStateUnknown) {
                cache.views.remove(Cache.metaNamespaceKeyFunc(o));
            }
        });
        caches.put(kind, cache);
    }

    /**
     * Drops what no rule reads from a stored object, in place (the handler gets the stored
     * instance): managedFields everywhere, and the spec and status of Pods a controller owns; such
     * Pods are answered through their owner's template and only their metadata is kept.
     */
    private static void slim(HasMetadata o) {
        o.getMetadata().setManagedFields(null);
        if (o instanceof Pod pod) {
            pod.setStatus(null);
            if (controlled(pod)) {
                pod.setSpec(null);
            }
        }
    }

    private static boolean controlled(HasMetadata o) {
        List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
        return refs != null && refs.stream().anyMatch(r -> Boolean.TRUE.equals(r.getController()));
    }

    @Override
    public List<ManifestObject> list(String kind, String namespace) {
        KindCache c = caches.get(kind);
        if (c == null) {
            return List.of();
        }
        return c.list(Kinds.isClusterScoped(kind) ? null : namespace);
    }

    @Override
    public java.util.Optional<ManifestObject> get(String kind, String namespace, String name) {
        KindCache c = caches.get(kind);
        if (c == null || name == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(c.get(Kinds.isClusterScoped(kind) ? null : namespace, name));
    }

    @Override
    public List<ManifestObject> podTemplates(String namespace, Predicate<Map<String, String>> matches) {
        List<ManifestObject> out = new ArrayList<>();
        for (String kind : TEMPLATE_KINDS) {
            KindCache c = caches.get(kind);
            if (c == null || namespace == null) {
                continue;
            }
            for (HasMetadata stored : c.informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace)) {
                // owned objects (a Deployment's ReplicaSets, their Pods) are answered through their owner,
                // and are skipped before any tree is made for them
                if (!controlled(stored)) {
                    ManifestObject o = c.view(stored);
                    if (o.podTemplate().filter(t -> matches.test(t.labels())).isPresent()) {
                        out.add(o);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public boolean covers(String kind) {
        KindCache c = caches.get(kind);
        return c != null && c.synced();
    }

    @Override
    public boolean covers(String kind, String namespace) {
        return covers(kind) && (Kinds.isClusterScoped(kind) || !uncached.contains(namespace));
    }

    @Override
    public Map<String, Boolean> syncState() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        caches.forEach((kind, c) -> out.put(kind, c.synced()));
        return out;
    }

    @Override
    public List<String> pending() {
        return caches.entrySet().stream().filter(e -> !e.getValue().synced() && !e.getValue().failed)
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public void close() {
        caches.values().forEach(c -> c.informer.close());
        client.close();
    }
}
