package dev.palisade.rules.availability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import dev.palisade.model.Workloads;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "pdb-never-allows-disruption", severity = Severity.WARNING, category = "availability",
        summary = "A PodDisruptionBudget can never allow an eviction (maxUnavailable 0 or 0%, minAvailable "
                + "100%, or minAvailable at least the replicas it covers): node drains and cluster upgrades "
                + "block until someone deletes it.",
        remediation = "Allow at least one disruption: maxUnavailable: 1 (or a percentage above 0), or a "
                + "minAvailable below the replica count.")
public final class PdbNeverAllowsDisruption implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject pdb = ctx.object();
        if (!Replication.PDB.equals(pdb.kind())) {
            return;
        }
        JsonNode spec = pdb.tree().path("spec");
        Optional<Replication.Amount> maxUnavailable = Replication.Amount.of(spec.path("maxUnavailable"));
        if (maxUnavailable.filter(a -> a.value() == 0).isPresent()) {
            ctx.report("spec.maxUnavailable", "maxUnavailable " + spec.path("maxUnavailable").asText()
                    + " never allows an eviction, so node drains hang; allow at least 1");
            return;
        }
        Optional<Replication.Amount> minAvailable = Replication.Amount.of(spec.path("minAvailable"));
        if (minAvailable.isEmpty()) {
            return;
        }
        Replication.Amount min = minAvailable.get();
        if (min.percent() && min.value() >= 100) {
            ctx.report("spec.minAvailable", "minAvailable " + spec.path("minAvailable").asText()
                    + " never allows an eviction, so node drains hang; lower it or use maxUnavailable: 1");
            return;
        }
        coveredReplicas(ctx.index(), pdb).ifPresent(total -> {
            int required = min.scaled(total, true);
            if (total > 0 && required >= total) {
                ctx.report("spec.minAvailable", "minAvailable " + spec.path("minAvailable").asText()
                        + " requires " + required + " of the " + total + " replica" + (total == 1 ? "" : "s")
                        + " it covers, so no pod can ever be evicted; lower minAvailable or add replicas");
            }
        });
    }

    /**
     * The replicas of the workloads the PDB selects, when the lint set fixes that number: every selected
     * workload is a top-level replicated one with no autoscaler.
     */
    private static Optional<Integer> coveredReplicas(ObjectIndex index, ManifestObject pdb) {
        if (!index.coversWorkloads() || !index.covers(Replication.HPA)) {
            return Optional.empty();
        }
        LabelSelector selector = Replication.selectorOf(pdb);
        List<ManifestObject> selected = index.podTemplates(pdb.namespace(), l -> LabelSelectors.matches(selector, l))
                .stream().filter(o -> !Replication.hasController(o)).toList();
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        int total = 0;
        for (ManifestObject w : selected) {
            Optional<Integer> replicas = Workloads.replicas(w);
            if (!Workloads.isReplicated(w.kind()) || replicas.isEmpty()
                    || !Replication.autoscalersOf(index, w).isEmpty()) {
                return Optional.empty();
            }
            total += replicas.get();
        }
        return Optional.of(total);
    }
}
