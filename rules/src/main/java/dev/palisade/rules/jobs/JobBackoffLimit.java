package dev.palisade.rules.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;

@RuleInfo(id = "job-backoff-limit", severity = Severity.WARNING, category = "jobs",
        summary = "A Job's backoffLimit is above the maximum: a failing Job keeps creating pods for a long "
                + "time (the retry delay grows to 6 minutes), hiding the failure and using capacity.",
        remediation = "Lower backoffLimit (the default is 6); fix flaky steps rather than retrying them many times.",
        params = @RuleInfo.Param(name = "max", type = RuleInfo.ParamType.INT, defaultValue = "10",
                description = "The largest acceptable backoffLimit."))
public final class JobBackoffLimit implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        String path = Jobs.jobSpecPath(o);
        if (path == null || Jobs.isOwned(o)) {
            return;
        }
        JsonNode limit = Jobs.jobSpec(o).path("backoffLimit");
        long max = ctx.params().integer("max");
        if (limit.isIntegralNumber() && limit.asLong() > max) {
            ctx.report(path + ".backoffLimit", "backoffLimit " + limit.asLong() + " retries a failing Job more than "
                    + max + " times; lower it to " + max + " or less");
        }
    }
}
