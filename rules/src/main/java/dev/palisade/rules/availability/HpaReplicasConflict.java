package dev.palisade.rules.availability;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import dev.palisade.model.Workloads;
import java.util.List;

@RuleInfo(id = "hpa-replicas-conflict", severity = Severity.WARNING, category = "availability",
        summary = "A workload sets spec.replicas while a HorizontalPodAutoscaler scales it: every apply resets "
                + "the count the autoscaler chose, so capacity drops (or spikes) on each deploy.",
        remediation = "Remove spec.replicas from the manifest and let the autoscaler own it (set the floor with "
                + "the HPA's minReplicas).")
public final class HpaReplicasConflict implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        if (!Workloads.isReplicated(o.kind()) || !o.tree().path("spec").has("replicas")
                || !ctx.index().covers(Replication.HPA)) {
            return;
        }
        List<ManifestObject> hpas = Replication.autoscalersOf(ctx.index(), o);
        if (!hpas.isEmpty()) {
            ctx.report("spec.replicas", "spec.replicas fights HorizontalPodAutoscaler " + hpas.get(0).name()
                    + " on every apply; remove spec.replicas and set the floor with minReplicas");
        }
    }
}
