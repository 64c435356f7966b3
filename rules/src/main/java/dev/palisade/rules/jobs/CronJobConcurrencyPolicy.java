package dev.palisade.rules.jobs;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;

@RuleInfo(id = "cronjob-concurrency-policy", severity = Severity.INFO, category = "jobs",
        summary = "A CronJob allows concurrent runs (concurrencyPolicy Allow, the default): when a run takes "
                + "longer than the interval, runs pile up and may work on the same data at once.",
        remediation = "Set spec.concurrencyPolicy: Forbid (skip a run while one is active) or Replace (stop the "
                + "old run); keep Allow only for runs that are safe in parallel, and say so explicitly.")
public final class CronJobConcurrencyPolicy implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        if (!"CronJob".equals(o.kind())) {
            return;
        }
        var policy = o.tree().path("spec").path("concurrencyPolicy");
        if (policy.isMissingNode()) {
            ctx.report("spec.concurrencyPolicy", "CronJob " + o.name() + " allows overlapping runs by default; "
                    + "set spec.concurrencyPolicy to Forbid or Replace (or Allow, if overlap is safe)");
        }
    }
}
