package dev.palisade.rules.jobs;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;

@RuleInfo(id = "job-ttl-missing", severity = Severity.INFO, category = "jobs",
        summary = "A Job has no ttlSecondsAfterFinished: the finished Job and its pods stay in the cluster "
                + "until someone deletes them (CronJob runs are pruned by the history limits instead).",
        remediation = "Set spec.ttlSecondsAfterFinished (e.g. 86400) so the Job is garbage-collected after it "
                + "finishes.")
public final class JobTtlMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        if ("Job".equals(o.kind()) && !Jobs.isOwned(o) && !o.tree().path("spec").has("ttlSecondsAfterFinished")) {
            ctx.report("spec.ttlSecondsAfterFinished", "Job " + o.name() + " is never cleaned up after it "
                    + "finishes; set spec.ttlSecondsAfterFinished");
        }
    }
}
