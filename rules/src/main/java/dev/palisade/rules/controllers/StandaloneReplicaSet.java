package dev.palisade.rules.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "standalone-replicaset", severity = Severity.WARNING, category = "controllers",
        summary = "A ReplicaSet not owned by a Deployment: changing its pod template does not replace running "
                + "pods, and there are no rollouts or rollbacks.",
        remediation = "Use a Deployment with the same selector and template; it manages ReplicaSets for you.")
public final class StandaloneReplicaSet implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if (!"ReplicaSet".equals(ctx.object().kind()) || !"apps".equals(ctx.object().ref().group())) {
            return;
        }
        JsonNode owners = ctx.object().tree().path("metadata").path("ownerReferences");
        if (!owners.isArray() || owners.isEmpty()) {
            ctx.report("kind", "ReplicaSet " + ctx.object().ref().display()
                    + " has no owner; use a Deployment instead so that template changes roll out");
        }
    }
}
