package dev.palisade.rules.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodTemplateView;
import dev.palisade.model.Severity;

@RuleInfo(id = "job-restart-policy-invalid", severity = Severity.ERROR, category = "controllers",
        summary = "A Job or CronJob pod template whose restartPolicy is not Never or OnFailure; when omitted it "
                + "defaults to Always, which the API server rejects for Jobs.",
        remediation = "Set restartPolicy: OnFailure (retry in the same pod) or Never (a new pod per retry) in "
                + "the pod template spec.")
public final class JobRestartPolicyInvalid implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        String kind = ctx.object().kind();
        if (!("Job".equals(kind) || "CronJob".equals(kind)) || !"batch".equals(ctx.object().ref().group())) {
            return;
        }
        PodTemplateView t = ctx.podTemplate().orElse(null);
        if (t == null) {
            return;
        }
        String path = JsonPath.child(t.specPath(), "restartPolicy");
        JsonNode policy = ctx.object().tree().at("/" + path.replace('.', '/'));
        if (policy.isMissingNode() || policy.isNull()) {
            ctx.report(path, kind + " pod template has no restartPolicy, so it defaults to Always, which a Job "
                    + "cannot use; set restartPolicy: OnFailure or Never");
        } else if (!policy.isTextual() || !(policy.asText().equals("Never") || policy.asText().equals("OnFailure"))) {
            ctx.report(path, kind + " pod template has restartPolicy " + policy.asText()
                    + "; a Job needs OnFailure or Never");
        }
    }
}
