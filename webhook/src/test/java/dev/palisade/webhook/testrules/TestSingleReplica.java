package dev.palisade.webhook.testrules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

/** Test-only rule: a warning for a Deployment running one replica. */
@RuleInfo(id = "test-single-replica", severity = Severity.WARNING, category = "test", enabledByDefault = false,
        summary = "Test rule: one replica.", remediation = "Run at least two replicas.")
public final class TestSingleReplica implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        JsonNode replicas = ctx.object().tree().path("spec").path("replicas");
        if ("Deployment".equals(ctx.object().kind()) && replicas.isInt() && replicas.asInt() == 1) {
            ctx.report("spec.replicas", "a single replica is a single point of failure");
        }
    }
}
