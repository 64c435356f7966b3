package dev.palisade.rules.jobs;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;

@RuleInfo(id = "job-deadline-missing", severity = Severity.INFO, category = "jobs",
        summary = "A Job (or a CronJob's job template) has no activeDeadlineSeconds: a run that hangs keeps its "
                + "pods, and for a CronJob with concurrencyPolicy Forbid it blocks every later run.",
        remediation = "Set activeDeadlineSeconds in the Job spec to a bound well above the normal run time.")
public final class JobDeadlineMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        String path = Jobs.jobSpecPath(o);
        if (path != null && !Jobs.isOwned(o) && !Jobs.jobSpec(o).has("activeDeadlineSeconds")) {
            ctx.report(path + ".activeDeadlineSeconds", o.kind() + " " + o.name() + " can run forever if it "
                    + "hangs; set activeDeadlineSeconds in " + path);
        }
    }
}
