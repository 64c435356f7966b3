package dev.palisade.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One way to reach the pod template of every kind that runs pods. */
public final class Workloads {
    /** Kinds whose pod template sits at spec.template. */
    private static final Set<String> TEMPLATE_KINDS =
            Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController");

    /** The typed models {@link #templateOf} reads the pod template of. */
    private static final Set<Class<?>> TEMPLATE_MODELS = Set.of(Deployment.class, ReplicaSet.class,
            StatefulSet.class, DaemonSet.class, Job.class, CronJob.class, ReplicationController.class, PodTemplate.class);

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
        Class<?> model = Kinds.typedModel(o.ref().apiVersion(), o.kind());
        boolean modelHoldsTemplate = model != null && (model == Pod.class || TEMPLATE_MODELS.contains(model));
        HasMetadata typed = modelHoldsTemplate ? o.typed().orElse(null) : null;
        if (typed != null) {
            // the typed model (converted once per object, for field-type checks too) holds the template
            PodTemplateSpec template = templateOf(typed);
            meta = typed instanceof Pod pod ? pod.getMetadata() : template == null ? null : template.getMetadata();
            spec = typed instanceof Pod pod ? pod.getSpec() : template == null ? null : template.getSpec();
        } else {
            JsonNode node = at(o.tree(), path);
            meta = read(node.path("metadata"), ObjectMeta.class);
            spec = read(node.path("spec"), PodSpec.class);
        }
        return Optional.of(new PodTemplateView(path,
                meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels(),
                meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations(),
                spec == null ? new PodSpec() : spec));
    }

    /** The pod template of one of {@link #TEMPLATE_MODELS}; null when none is written. */
    private static PodTemplateSpec templateOf(HasMetadata typed) {
        if (typed instanceof Deployment d) {
            return d.getSpec() == null ? null : d.getSpec().getTemplate();
        }
        if (typed instanceof ReplicaSet r) {
            return r.getSpec() == null ? null : r.getSpec().getTemplate();
        }
        if (typed instanceof StatefulSet s) {
            return s.getSpec() == null ? null : s.getSpec().getTemplate();
        }
        if (typed instanceof DaemonSet d) {
            return d.getSpec() == null ? null : d.getSpec().getTemplate();
        }
        if (typed instanceof Job j) {
            return j.getSpec() == null ? null : j.getSpec().getTemplate();
        }
        if (typed instanceof CronJob c) {
            return c.getSpec() == null || c.getSpec().getJobTemplate() == null
                    || c.getSpec().getJobTemplate().getSpec() == null ? null
                    : c.getSpec().getJobTemplate().getSpec().getTemplate();
        }
        if (typed instanceof ReplicationController r) {
            return r.getSpec() == null ? null : r.getSpec().getTemplate();
        }
        if (typed instanceof PodTemplate t) {
            return t.getTemplate();
        }
        return null;
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
