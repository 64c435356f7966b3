package dev.palisade.rules.controllers;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;

@RuleInfo(id = "bare-pod", severity = Severity.WARNING, category = "controllers",
        summary = "A Pod not managed by a controller (what 'kubectl run' creates): nothing recreates it when "
                + "its node fails or it is evicted. Helm hook Pods (helm.sh/hook, e.g. the test Pod 'helm "
                + "create' scaffolds) are run and awaited by Helm and are not reported.",
        remediation = "Run it from a Deployment (long-running) or a Job (run to completion), with this pod "
                + "spec as the template.")
public final class BarePod implements ObjectRule {
    /** Helm creates a hook resource at a release step, waits for it and reports its failure itself. */
    private static final String HELM_HOOK = "helm.sh/hook";

    @Override
    public void check(ObjectContext ctx) {
        ctx.object().as(Pod.class).ifPresent(pod -> {
            ObjectMeta meta = pod.getMetadata();
            boolean owned = meta != null && meta.getOwnerReferences() != null && !meta.getOwnerReferences().isEmpty();
            boolean helmHook = meta != null && meta.getAnnotations() != null
                    && meta.getAnnotations().containsKey(HELM_HOOK);
            if (!owned && !helmHook) {
                ctx.report("kind", ctx.object().ref().display()
                        + " has no controller; use a Deployment (or a Job if it runs to completion) instead");
            }
        });
    }
}
