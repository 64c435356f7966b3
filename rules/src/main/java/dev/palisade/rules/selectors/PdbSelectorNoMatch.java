package dev.palisade.rules.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.LabelSelector;

@RuleInfo(id = "pdb-selector-no-match", severity = Severity.WARNING, category = "selectors",
        summary = "A PodDisruptionBudget whose selector selects no pod template in its namespace (or that has "
                + "no selector): it protects nothing during drains and upgrades.",
        remediation = "Set spec.selector to the pod template labels of the workload the budget should protect, "
                + "in the same namespace.")
public final class PdbSelectorNoMatch implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject pdb = ctx.object();
        if (!"PodDisruptionBudget".equals(pdb.kind()) || !"policy".equals(pdb.ref().group())) {
            return;
        }
        JsonNode node = pdb.tree().path("spec").path("selector");
        if (node.isMissingNode() || node.isNull()) {
            ctx.report("spec.selector", "PodDisruptionBudget has no spec.selector, so it selects no pods; add "
                    + "spec.selector.matchLabels with the labels of the pods to protect");
            return;
        }
        LabelSelector selector = Selectors.labelSelector(node).orElse(null);
        if (selector == null) {
            return;
        }
        if (LabelSelectors.isEmpty(selector) && !"policy/v1".equals(pdb.ref().apiVersion())) {
            ctx.report("spec.selector", "in " + pdb.ref().apiVersion() + " an empty selector selects no pods "
                    + "(policy/v1 selects all); set spec.selector.matchLabels");
            return;
        }
        Selectors.reportIfNoMatch(ctx, selector, "spec.selector", "selector", false);
    }
}
