package dev.palisade.rules.probes;

import dev.palisade.engine.ObjectContext;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
import java.util.List;
import java.util.Set;

/**
 * The regular containers of workloads that keep pods running (probes matter there), not of Jobs,
 * CronJobs, Pods that run to completion or Pods a controller created.
 */
final class LongRunning {
    private static final Set<String> KINDS =
            Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController");

    private LongRunning() {
    }

    static List<PodTemplateView.ContainerAt> containers(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        boolean longRunning = KINDS.contains(o.kind()) || isServingPod(o);
        if (!longRunning) {
            return List.of();
        }
        return ctx.podTemplate().map(PodTemplateView::containers).orElse(List.of());
    }

    /**
     * A bare Pod restarted forever (restartPolicy Always, the default). Pods with a controller carry
     * their owner's template, where the finding belongs.
     */
    private static boolean isServingPod(ManifestObject o) {
        if (!"Pod".equals(o.kind()) || !o.ref().group().isEmpty()) {
            return false;
        }
        for (var owner : o.tree().path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return false;
            }
        }
        return "Always".equals(o.tree().path("spec").path("restartPolicy").asText("Always"));
    }
}
