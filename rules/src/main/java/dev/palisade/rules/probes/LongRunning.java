package dev.palisade.rules.probes;

import dev.palisade.engine.ObjectContext;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
import java.util.List;
import java.util.Set;

/**
 * The regular containers of workloads that keep pods running (probes matter there), not of Jobs,
 * CronJobs or Pods that run to completion.
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

    /** A Pod restarted forever (restartPolicy Always, the default) and not created by a Job. */
    private static boolean isServingPod(ManifestObject o) {
        if (!"Pod".equals(o.kind()) || !o.ref().group().isEmpty()) {
            return false;
        }
        String restart = o.tree().path("spec").path("restartPolicy").asText("Always");
        boolean ownedByJob = false;
        for (var owner : o.tree().path("metadata").path("ownerReferences")) {
            ownedByJob |= "Job".equals(owner.path("kind").asText());
        }
        return "Always".equals(restart) && !ownedByJob;
    }
}
