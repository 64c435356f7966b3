package dev.palisade.rules.resources;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "resources-requests-missing", severity = Severity.WARNING, category = "resources",
        summary = "A container or init container has no cpu or no memory request: the scheduler places it as "
                + "if it needed nothing, and it is the first to be evicted under memory pressure.",
        remediation = "Set resources.requests.cpu and resources.requests.memory to what the container uses at "
                + "steady state (a limit alone also works: the request then defaults to the limit).")
public final class RequestsMissing implements ObjectRule {
    private static final List<String> RESOURCES = List.of("cpu", "memory");

    @Override
    public void check(ObjectContext ctx) {
        LimitRangeDefaults defaults = null;
        for (ContainerResources c : ContainerResources.of(ctx.object())) {
            List<String> missing = new ArrayList<>();
            for (String r : RESOURCES) {
                // Kubernetes defaults a missing request to the limit, then to a LimitRange default.
                if (!c.hasRequest(r) && !c.hasLimit(r)) {
                    if (defaults == null) {
                        defaults = LimitRangeDefaults.of(ctx);
                    }
                    if (defaults.request(r).isEmpty()) {
                        missing.add(r);
                    }
                }
            }
            if (!missing.isEmpty()) {
                ctx.report(c.requestsPath(), c.describe() + " has no " + String.join(" and ", missing)
                        + " request; set resources.requests." + String.join(" and resources.requests.", missing));
            }
        }
    }
}
