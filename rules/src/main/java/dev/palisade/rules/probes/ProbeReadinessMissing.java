package dev.palisade.rules.probes;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.Severity;
import dev.palisade.model.PodTemplateView.ContainerAt;

@RuleInfo(id = "probe-readiness-missing", severity = Severity.WARNING, category = "probes",
        summary = "A container of a long-running workload has no readinessProbe: Services send it traffic "
                + "as soon as the process starts, and rollouts proceed before it can serve.",
        remediation = "Add a readinessProbe (httpGet on a health endpoint, tcpSocket or grpc) that succeeds "
                + "only when the container can serve requests.")
public final class ProbeReadinessMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        for (ContainerAt c : LongRunning.containers(ctx)) {
            if (c.container().getReadinessProbe() == null) {
                ctx.report(JsonPath.child(c.path(), "readinessProbe"), "container '" + c.container().getName()
                        + "' has no readinessProbe; add one so it only receives traffic when it can serve");
            }
        }
    }
}
