package dev.palisade.rules.availability;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import dev.palisade.model.Workloads;

@RuleInfo(id = "pdb-missing", severity = Severity.WARNING, category = "availability",
        summary = "A replicated workload (more than one replica, or autoscaled) has no PodDisruptionBudget "
                + "selecting its pods: a node drain or cluster upgrade may evict all replicas at once.",
        remediation = "Add a PodDisruptionBudget in the same namespace whose selector matches the pod template "
                + "labels, e.g. maxUnavailable: 1.")
public final class PdbMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        ObjectIndex index = ctx.index();
        if (!Replication.isTopLevelReplicated(o) || !index.covers(Replication.PDB)) {
            return;
        }
        boolean autoscaled = index.covers(Replication.HPA) && !Replication.autoscalersOf(index, o).isEmpty();
        boolean replicated = autoscaled || Workloads.replicas(o).filter(r -> r > 1).isPresent();
        if (replicated && Replication.budgetsOf(index, o).isEmpty()) {
            ctx.report("metadata.name", o.kind() + " " + o.name() + " is replicated but no PodDisruptionBudget "
                    + "selects its pods; add one matching labels " + o.podTemplate().orElseThrow().labels());
        }
    }
}
