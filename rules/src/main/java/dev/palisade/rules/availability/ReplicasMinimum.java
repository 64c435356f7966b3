package dev.palisade.rules.availability;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import dev.palisade.model.Workloads;
import java.util.Set;

@RuleInfo(id = "replicas-minimum", severity = Severity.INFO, category = "availability",
        summary = "A Deployment or StatefulSet runs fewer replicas than the minimum: every node drain, eviction "
                + "or crash takes the service down.",
        remediation = "Raise spec.replicas to at least the minimum, or let a HorizontalPodAutoscaler manage it.",
        params = @RuleInfo.Param(name = "min", type = RuleInfo.ParamType.INT, defaultValue = "2",
                description = "The smallest acceptable replica count (0 replicas, a deliberate scale-down, is "
                        + "never reported)."))
public final class ReplicasMinimum implements ObjectRule {
    private static final Set<String> KINDS = Set.of("Deployment", "StatefulSet");

    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        if (!KINDS.contains(o.kind()) || Replication.hasController(o)) {
            return;
        }
        long min = ctx.params().integer("min");
        Workloads.replicas(o).filter(r -> r > 0 && r < min).ifPresent(r -> {
            if (ctx.index().covers(Replication.HPA) && !Replication.autoscalersOf(ctx.index(), o).isEmpty()) {
                return; // the autoscaler decides the count
            }
            ctx.report("spec.replicas", o.kind() + " " + o.name() + " runs " + r + " replica" + (r == 1 ? "" : "s")
                    + ", fewer than " + min + "; raise spec.replicas to at least " + min
                    + " or scale it with a HorizontalPodAutoscaler");
        });
    }
}
