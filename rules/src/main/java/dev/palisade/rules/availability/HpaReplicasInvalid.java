package dev.palisade.rules.availability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "hpa-replicas-invalid", severity = Severity.ERROR, category = "availability",
        summary = "A HorizontalPodAutoscaler's replica bounds are wrong: minReplicas above maxReplicas or "
                + "minReplicas 0 (both rejected by the API server; 0 needs the HPAScaleToZero feature gate), or "
                + "maxReplicas equal to minReplicas, so it can never scale.",
        remediation = "Set 1 <= minReplicas < maxReplicas.",
        params = @RuleInfo.Param(name = "scaleToZero", type = RuleInfo.ParamType.BOOL, defaultValue = "false",
                description = "Whether the cluster enables the HPAScaleToZero feature gate (minReplicas: 0 allowed)."))
public final class HpaReplicasInvalid implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if (!Replication.HPA.equals(ctx.object().kind())) {
            return;
        }
        JsonNode spec = ctx.object().tree().path("spec");
        JsonNode minNode = spec.path("minReplicas");
        JsonNode maxNode = spec.path("maxReplicas");
        if (!maxNode.isIntegralNumber() || !(minNode.isMissingNode() || minNode.isIntegralNumber())) {
            return; // absent or mistyped fields are schema findings
        }
        int min = minNode.isMissingNode() ? 1 : minNode.asInt();
        int max = maxNode.asInt();
        if (min == 0 && !ctx.params().bool("scaleToZero")) {
            ctx.report("spec.minReplicas", "minReplicas 0 needs the HPAScaleToZero feature gate and is rejected "
                    + "without it; set minReplicas to 1 or more");
        } else if (min > max) {
            ctx.report("spec.minReplicas", "minReplicas " + min + " is above maxReplicas " + max
                    + "; the API server rejects it: lower minReplicas or raise maxReplicas");
        } else if (min == max) {
            ctx.report("spec.maxReplicas", "maxReplicas " + max + " equals minReplicas"
                    + (minNode.isMissingNode() ? " (default 1)" : "") + ", so this autoscaler can never scale; "
                    + "raise maxReplicas or remove the autoscaler");
        }
    }
}
