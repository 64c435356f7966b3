package dev.palisade.rules.controllers;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.Pod;

@RuleInfo(id = "bare-pod", severity = Severity.WARNING, category = "controllers",
        summary = "A Pod not managed by a controller (what 'kubectl run' creates): nothing recreates it when "
                + "its node fails or it is evicted.",
        remediation = "Run it from a Deployment (long-running) or a Job (run to completion), with this pod "
                + "spec as the template.")
public final class BarePod implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ctx.object().as(Pod.class).ifPresent(pod -> {
            if (pod.getMetadata() == null || pod.getMetadata().getOwnerReferences() == null
                    || pod.getMetadata().getOwnerReferences().isEmpty()) {
                ctx.report("kind", "Pod " + ctx.object().ref().display()
                        + " has no controller; use a Deployment (or a Job if it runs to completion) instead");
            }
        });
    }
}
