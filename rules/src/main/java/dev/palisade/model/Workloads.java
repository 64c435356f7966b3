package dev.palisade.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One way to reach the pod template of every kind that runs pods. */
public final class Workloads {
    /** Kinds whose pod template sits at spec.template. */
    private static final Set<String> TEMPLATE_KINDS =
            Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController");

    /** Kinds that keep a number of identical pods running, with spec.replicas. */
    private static final Set<String> REPLICATED_KINDS =
            Set.of("Deployment", "ReplicaSet", "StatefulSet", "ReplicationController");

    private Workloads() {
    }

    /**
     * Where the pod template is: "" for a Pod, spec.jobTemplate.spec.template for a CronJob,
     * spec.template for the built-in controllers and for unknown kinds (e.g. Argo Rollouts) whose
     * spec.template.spec has containers; null when the object runs no pods.
     */
    public static String templatePath(ManifestObject o) {
        String kind = o.kind();
        JsonNode tree = o.tree();
        if (kind == null) {
            return null; // an object without a kind (e.g. an oldObject in a review) has no known template
        }
        if ("Pod".equals(kind) && isCoreGroup(o)) {
            return "";
        }
        if ("CronJob".equals(kind)) {
            return "spec.jobTemplate.spec.template";
        }
        if (TEMPLATE_KINDS.contains(kind)) {
            return "spec.template";
        }
        if ("PodTemplate".equals(kind) && isCoreGroup(o)) {
            return "template";
        }
        JsonNode containers = tree.path("spec").path("template").path("spec").path("containers");
        return containers.isArray() ? "spec.template" : null;
    }

    private static boolean isCoreGroup(ManifestObject o) {
        return o.ref().group().isEmpty();
    }

    static Optional<PodTemplateView> extract(ManifestObject o) {
        String path = templatePath(o);
        if (path == null) {
            return Optional.empty();
        }
        ObjectMeta meta;
        PodSpec spec;
        boolean typedPod = path.isEmpty() && Kinds.typedModel(o.ref().apiVersion(), o.kind()) == Pod.class;
        Pod pod = typedPod ? o.as(Pod.class).orElse(null) : null;
        if (typedPod) {
            // a Pod's typed model (bare-pod reads it too) is its template
            meta = pod == null ? null : pod.getMetadata();
            spec = pod == null ? null : pod.getSpec();
        } else {
            // only the template is read into fabric8, not the whole workload: nothing else needs the
            // rest of a Deployment typed, and reading it was a tenth of a large lint
            JsonNode node = at(o.tree(), path);
            meta = read(node.path("metadata"), ObjectMeta.class);
            spec = read(node.path("spec"), PodSpec.class);
        }
        return Optional.of(new PodTemplateView(path,
                meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels(),
                meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations(),
                spec == null ? new PodSpec() : spec));
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return TypedModels.read(node, type).value(); // unreadable fields are reported on the object itself
    }

    private static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode n = root;
        if (!dottedPath.isEmpty()) {
            for (String key : dottedPath.split("\\.")) {
                n = n.path(key);
            }
        }
        return n;
    }

    /** Whether the kind keeps identical replicas running (Deployment, ReplicaSet, StatefulSet, RC). */
    public static boolean isReplicated(String kind) {
        return kind != null && REPLICATED_KINDS.contains(kind);
    }

    /**
     * The replica count as written; 1 (the API default) when absent; empty when it is not a number
     * (that is a finding of its own) or the kind has no replicas.
     */
    public static Optional<Integer> replicas(ManifestObject o) {
        if (!isReplicated(o.kind()) && templatePath(o) == null) {
            return Optional.empty();
        }
        JsonNode r = o.tree().path("spec").path("replicas");
        if (r.isMissingNode() || r.isNull()) {
            return isReplicated(o.kind()) ? Optional.of(1) : Optional.empty();
        }
        return r.isIntegralNumber() ? Optional.of(r.asInt()) : Optional.empty();
    }
}
