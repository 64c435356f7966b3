package dev.palisade.rules.controllers;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "replicationcontroller-deprecated", severity = Severity.WARNING, category = "controllers",
        summary = "A ReplicationController: the legacy predecessor of ReplicaSet and Deployment, with only "
                + "equality-based selectors and no declarative rollouts.",
        remediation = "Replace it with a Deployment (apps/v1) using the same pod template and a "
                + "selector.matchLabels equal to its selector.")
public final class ReplicationControllerDeprecated implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if ("ReplicationController".equals(ctx.object().kind()) && ctx.object().ref().group().isEmpty()) {
            ctx.report("kind", "ReplicationController " + ctx.object().ref().display()
                    + " is deprecated; use a Deployment");
        }
    }
}
