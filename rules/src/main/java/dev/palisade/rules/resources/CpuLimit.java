package dev.palisade.rules.resources;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "resources-cpu-limit", severity = Severity.WARNING, category = "resources",
        enabledByDefault = false,
        summary = "A container sets a CPU limit. Off by default: for teams whose policy forbids CPU limits "
                + "because CFS throttling slows containers even when the node has idle CPU.",
        remediation = "Remove resources.limits.cpu and size resources.requests.cpu instead.")
public final class CpuLimit implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        for (ContainerResources c : ContainerResources.of(ctx.object())) {
            if (c.hasLimit("cpu")) {
                ctx.report(c.limitPath("cpu"), c.describe() + " sets a CPU limit; remove resources.limits.cpu "
                        + "(CPU limits are not allowed by this configuration)");
            }
        }
    }
}
