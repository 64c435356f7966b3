package dev.palisade.rules.availability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import dev.palisade.model.Workloads;
import java.util.Optional;

@RuleInfo(id = "rollout-max-unavailable-all", severity = Severity.WARNING, category = "availability",
        summary = "A rolling update's maxUnavailable covers every replica (100%, or a number at least the "
                + "replica count): a rollout may stop all pods at once, an outage on every deploy.",
        remediation = "Lower maxUnavailable (e.g. 25% or 1 with more than one replica) and use maxSurge to go "
                + "faster; with a single replica, use maxUnavailable: 0 and maxSurge: 1.")
public final class RolloutMaxUnavailableAll implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        String strategyField = switch (o.kind()) {
            case "Deployment" -> "strategy";
            case "StatefulSet", "DaemonSet" -> "updateStrategy";
            default -> null;
        };
        if (strategyField == null || Replication.hasController(o)) {
            return;
        }
        JsonNode strategy = o.tree().path("spec").path(strategyField);
        if (!"RollingUpdate".equals(strategy.path("type").asText("RollingUpdate"))) {
            return; // Recreate and OnDelete stop pods by design
        }
        JsonNode node = strategy.path("rollingUpdate").path("maxUnavailable");
        String path = "spec." + strategyField + ".rollingUpdate.maxUnavailable";
        Optional<Replication.Amount> amount = Replication.Amount.of(node);
        if (amount.isEmpty()) {
            return;
        }
        Replication.Amount a = amount.get();
        if (a.percent()) {
            if (a.value() >= 100) {
                ctx.report(path, "maxUnavailable " + node.asText() + " lets a rollout stop every pod at once; "
                        + "lower it (e.g. 25%)");
            }
            return;
        }
        boolean fixedCount = !"DaemonSet".equals(o.kind())
                && !(ctx.index().covers(Replication.HPA) && !Replication.autoscalersOf(ctx.index(), o).isEmpty());
        Optional<Integer> replicas = fixedCount ? Workloads.replicas(o) : Optional.empty();
        replicas.filter(r -> r > 0 && a.value() >= r).ifPresent(r -> ctx.report(path, "maxUnavailable "
                + a.value() + " is at least the " + r + " replica" + (r == 1 ? "" : "s")
                + ", so a rollout may stop them all; lower it"
                + (r == 1 ? " to 0 and set maxSurge: 1" : " below " + r)));
    }
}
