package dev.palisade.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import dev.palisade.model.Workloads;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(id = "rwo-volume-shared-by-replicas", severity = Severity.WARNING, category = "storage",
        summary = "A Deployment, ReplicaSet or DaemonSet that runs (or whose HorizontalPodAutoscaler may scale it "
                + "to) more than one pod mounts a ReadWriteOnce or ReadWriteOncePod claim: replicas scheduled on "
                + "another node stay Pending (Multi-Attach error), ReadWriteOncePod admits a single pod at all; "
                + "also a single-replica Deployment whose rolling update would need a ReadWriteOncePod claim "
                + "twice.",
        remediation = "Give each replica its own volume with a StatefulSet and volumeClaimTemplates, or request "
                + "ReadWriteMany from a storage class that serves shared file systems (NFS, EFS, Azure Files, "
                + "CephFS); for a single replica on ReadWriteOncePod, use the Recreate strategy.")
public final class RwoVolumeSharedByReplicas implements ObjectRule {
    /** Controllers whose replicas share one pod template, and so one claim (Rollout: Argo Rollouts). */
    private static final Set<String> SHARED_TEMPLATE_KINDS =
            Set.of("Deployment", "ReplicaSet", "ReplicationController", "Rollout", "DaemonSet");

    @Override
    public void check(ObjectContext ctx) {
        ManifestObject workload = ctx.object();
        ObjectIndex index = ctx.index();
        if (!SHARED_TEMPLATE_KINDS.contains(workload.kind()) || !index.covers("PersistentVolumeClaim")) {
            return;
        }
        Optional<String> scale = scaleBeyondOne(workload, index);
        boolean surges = rollingUpdateSurges(workload);
        if (scale.isEmpty() && !surges) {
            return;
        }
        for (StorageSpecs.ClaimVolume volume : StorageSpecs.claimVolumes(workload)) {
            Optional<String> mode = index.get("PersistentVolumeClaim", workload.namespace(), volume.claimName())
                    .flatMap(claim -> singleNodeMode(claim, volume));
            if (mode.isEmpty()) {
                continue;
            }
            if (scale.isPresent()) {
                ctx.report(volume.claimNamePath(), workload.kind() + " " + workload.name() + " " + scale.get()
                        + " but mounts claim " + volume.claimName() + ", which is " + mode.get()
                        + (mode.get().equals(StorageSpecs.RWOP) ? " (one pod only)" : " (one node only)")
                        + "; use a StatefulSet with volumeClaimTemplates so each replica gets its own volume, "
                        + "or a ReadWriteMany storage class");
            } else if (mode.get().equals(StorageSpecs.RWOP)) {
                ctx.report(volume.claimNamePath(), workload.kind() + " " + workload.name() + " rolls out by starting the "
                        + "new pod before the old one stops, and the new pod can never mount ReadWriteOncePod claim "
                        + volume.claimName() + " while the old one holds it; set strategy type: Recreate "
                        + "(or rollingUpdate.maxSurge: 0)");
            }
        }
    }

    /**
     * Whether a rollout briefly runs an extra pod next to the old one: a Deployment with the
     * RollingUpdate strategy (the default) and a maxSurge other than 0 (the default 25% rounds up to 1).
     */
    private static boolean rollingUpdateSurges(ManifestObject workload) {
        if (!"Deployment".equals(workload.kind())) {
            return false;
        }
        JsonNode strategy = workload.tree().path("spec").path("strategy");
        if (!"RollingUpdate".equals(strategy.path("type").asText("RollingUpdate"))) {
            return false;
        }
        JsonNode surge = strategy.path("rollingUpdate").path("maxSurge");
        String written = surge.asText(); // 0 and "0%" surge nothing; an integer's text is its digits
        return !written.equals("0") && !written.equals("0%");
    }

    /** Why the workload may run several pods ("runs 3 replicas", "may be scaled to 5 by HPA x"), if it may. */
    private static Optional<String> scaleBeyondOne(ManifestObject workload, ObjectIndex index) {
        if ("DaemonSet".equals(workload.kind())) {
            return Optional.of("runs a pod on every node");
        }
        int replicas = Workloads.replicas(workload).orElse(1);
        if (replicas > 1) {
            return Optional.of("runs " + replicas + " replicas");
        }
        if (!index.covers("HorizontalPodAutoscaler")) {
            return Optional.empty();
        }
        for (ManifestObject hpa : index.list("HorizontalPodAutoscaler", workload.namespace())) {
            JsonNode spec = hpa.tree().path("spec");
            JsonNode target = spec.path("scaleTargetRef");
            int max = spec.path("maxReplicas").asInt(0);
            if (workload.kind().equals(target.path("kind").asText()) && workload.name() != null
                    && workload.name().equals(target.path("name").asText()) && max > 1) {
                return Optional.of("may be scaled to " + max + " replicas by HorizontalPodAutoscaler " + hpa.name());
            }
        }
        return Optional.empty();
    }

    /**
     * The mode that ties the claim to one node or pod, or empty when the claim can be shared: it
     * allows ReadWriteMany, or the volume is mounted read-only from a claim that allows ReadOnlyMany.
     */
    private static Optional<String> singleNodeMode(ManifestObject claim, StorageSpecs.ClaimVolume volume) {
        List<String> modes = StorageSpecs.claimSpecs(claim).stream().findFirst()
                .map(StorageSpecs.Spec::accessModes).orElse(List.of());
        if (modes.contains(StorageSpecs.RWX) || (volume.readOnly() && modes.contains(StorageSpecs.ROX))) {
            return Optional.empty();
        }
        if (modes.contains(StorageSpecs.RWOP)) {
            return Optional.of(StorageSpecs.RWOP);
        }
        return modes.contains(StorageSpecs.RWO) ? Optional.of(StorageSpecs.RWO) : Optional.empty();
    }
}
