package dev.palisade.rules.statefulsets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import dev.palisade.model.Workloads;

@RuleInfo(id = "statefulset-update-strategy", severity = Severity.WARNING, category = "statefulsets",
        summary = "A StatefulSet's update strategy keeps its pods on the old template: OnDelete updates a pod "
                + "only when someone deletes it, and a rollingUpdate partition at or above the replica count "
                + "updates none.",
        remediation = "Use updateStrategy.type: RollingUpdate, and lower rollingUpdate.partition below the replica "
                + "count once the canary ordinals are verified.")
public final class StatefulSetUpdateStrategy implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        if (!"StatefulSet".equals(o.kind())) {
            return;
        }
        JsonNode strategy = o.tree().path("spec").path("updateStrategy");
        String type = strategy.path("type").asText("RollingUpdate");
        if ("OnDelete".equals(type)) {
            ctx.report("spec.updateStrategy.type", "updateStrategy OnDelete leaves pods on the old template until "
                    + "each is deleted by hand; use RollingUpdate");
            return;
        }
        JsonNode partition = strategy.path("rollingUpdate").path("partition");
        Workloads.replicas(o).filter(r -> r > 0 && partition.isIntegralNumber() && partition.asInt() >= r)
                .ifPresent(r -> ctx.report("spec.updateStrategy.rollingUpdate.partition", "partition "
                        + partition.asInt() + " is not below the " + r + " replica" + (r == 1 ? "" : "s")
                        + ", so no pod gets template changes; lower it to roll out"));
    }
}
