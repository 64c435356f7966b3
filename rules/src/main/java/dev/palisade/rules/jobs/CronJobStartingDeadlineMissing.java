package dev.palisade.rules.jobs;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;

@RuleInfo(id = "cronjob-starting-deadline-missing", severity = Severity.INFO, category = "jobs",
        summary = "A CronJob has no startingDeadlineSeconds: after a controller outage or an unsuspend, a "
                + "missed run may start however late it is, at a moment the schedule was meant to avoid.",
        remediation = "Set spec.startingDeadlineSeconds to how late a run may still start (e.g. 300).")
public final class CronJobStartingDeadlineMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        if ("CronJob".equals(o.kind()) && !o.tree().path("spec").has("startingDeadlineSeconds")) {
            ctx.report("spec.startingDeadlineSeconds", "CronJob " + o.name() + " has no startingDeadlineSeconds; "
                    + "set it to how late a missed run may still start");
        }
    }
}
