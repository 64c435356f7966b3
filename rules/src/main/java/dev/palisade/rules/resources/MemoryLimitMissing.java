package dev.palisade.rules.resources;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "resources-memory-limit-missing", severity = Severity.WARNING, category = "resources",
        summary = "A container or init container has no memory limit: a leak grows until the node runs out "
                + "of memory and the kernel kills processes of other pods too.",
        remediation = "Set resources.limits.memory (commonly equal to the memory request), or give the "
                + "namespace a LimitRange with a default memory limit.")
public final class MemoryLimitMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        LimitRangeDefaults defaults = null;
        for (ContainerResources c : ContainerResources.of(ctx.object())) {
            if (c.hasLimit("memory")) {
                continue;
            }
            if (defaults == null) {
                defaults = LimitRangeDefaults.of(ctx);
            }
            if (defaults.limit("memory").isEmpty()) {
                ctx.report(c.limitsPath(), c.describe() + " has no memory limit; set resources.limits.memory");
            }
        }
    }
}
