package dev.palisade.rules.selectors;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.LabelSelector;

@RuleInfo(id = "networkpolicy-selector-no-match", severity = Severity.WARNING, category = "selectors",
        summary = "A NetworkPolicy whose spec.podSelector matches no pod template in its namespace: the policy "
                + "isolates nothing (an empty podSelector, which means every pod, is fine).",
        remediation = "Set spec.podSelector to the pod template labels of the workloads the policy should "
                + "govern, in the same namespace.")
public final class NetworkPolicySelectorNoMatch implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject policy = ctx.object();
        if (!"NetworkPolicy".equals(policy.kind()) || !"networking.k8s.io".equals(policy.ref().group())) {
            return;
        }
        LabelSelector selector = Selectors.labelSelector(policy.tree().path("spec").path("podSelector")).orElse(null);
        if (selector == null || LabelSelectors.isEmpty(selector)) {
            return; // {} selects every pod, including those created later: a namespace default
        }
        Selectors.reportIfNoMatch(ctx, selector, "spec.podSelector", "podSelector", false);
    }
}
