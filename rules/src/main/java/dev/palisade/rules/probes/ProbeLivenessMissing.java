package dev.palisade.rules.probes;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.Severity;
import dev.palisade.model.PodTemplateView.ContainerAt;

@RuleInfo(id = "probe-liveness-missing", severity = Severity.INFO, category = "probes",
        summary = "A container of a long-running workload has no livenessProbe: a hung process (deadlock, "
                + "stuck event loop) keeps running and is never restarted.",
        remediation = "Add a livenessProbe that fails only when the process cannot recover by itself; keep it "
                + "cheaper and more tolerant than the readinessProbe.")
public final class ProbeLivenessMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        for (ContainerAt c : LongRunning.containers(ctx)) {
            if (c.container().getLivenessProbe() == null) {
                ctx.report(JsonPath.child(c.path(), "livenessProbe"), "container '" + c.container().getName()
                        + "' has no livenessProbe; add one so a hung process gets restarted");
            }
        }
    }
}
