package dev.palisade.rules.probes;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.Severity;
import dev.palisade.model.PodTemplateView.ContainerAt;
import io.fabric8.kubernetes.api.model.Probe;

@RuleInfo(id = "probe-liveness-equals-readiness", severity = Severity.WARNING, category = "probes",
        summary = "A container's livenessProbe is identical to its readinessProbe: when the container is "
                + "briefly unready (overload, a slow dependency) it is also restarted, which turns a "
                + "slowdown into a cascade of restarts.",
        remediation = "Make the livenessProbe check only that the process is alive (a cheap endpoint, a "
                + "higher failureThreshold), and keep dependency checks in the readinessProbe.")
public final class ProbeLivenessEqualsReadiness implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        for (ContainerAt c : LongRunning.containers(ctx)) {
            Probe liveness = c.container().getLivenessProbe();
            if (liveness != null && liveness.equals(c.container().getReadinessProbe())) {
                ctx.report(JsonPath.child(c.path(), "livenessProbe"), "container '" + c.container().getName()
                        + "' has the same livenessProbe as readinessProbe; make liveness check only that the "
                        + "process is alive, with a higher failureThreshold");
            }
        }
    }
}
