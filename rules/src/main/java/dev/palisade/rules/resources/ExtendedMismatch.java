package dev.palisade.rules.resources;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Quantity;
import dev.palisade.model.Severity;
import java.util.Optional;

@RuleInfo(id = "resources-extended-mismatch", severity = Severity.ERROR, category = "resources",
        summary = "An extended resource (e.g. nvidia.com/gpu) is requested without an equal limit, or is not a "
                + "whole number; extended resources cannot be overcommitted and the API server rejects the pod.",
        remediation = "Set the extended resource under resources.limits (the request defaults to it), or set "
                + "request and limit to the same whole number.")
public final class ExtendedMismatch implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        for (ContainerResources c : ContainerResources.of(ctx.object())) {
            for (String r : c.resourceNames()) {
                if (!isExtended(r)) {
                    continue;
                }
                Optional<Quantity> request = c.request(r);
                Optional<Quantity> limit = c.limit(r);
                request.filter(q -> !q.whole()).ifPresent(q -> ctx.report(c.requestPath(r),
                        c.describe() + " requests " + r + " " + q.text() + "; extended resources come in whole units"));
                limit.filter(q -> !q.whole()).ifPresent(q -> ctx.report(c.limitPath(r),
                        c.describe() + " limits " + r + " to " + q.text() + "; extended resources come in whole units"));
                if (request.isPresent() && !c.hasLimit(r)) {
                    ctx.report(c.requestPath(r), c.describe() + " requests " + r + " without a limit; set "
                            + "resources.limits['" + r + "'] to " + request.get().text());
                } else if (request.isPresent() && limit.isPresent() && !request.get().sameAmount(limit.get())) {
                    ctx.report(c.requestPath(r), c.describe() + " requests " + r + " " + request.get().text()
                            + " but limits it to " + limit.get().text() + "; extended resources need request = limit");
                }
            }
        }
    }

    /**
     * Extended resources are named {@code domain/name} outside the kubernetes.io domains (which hold
     * native resources); hugepages and the unprefixed names are native.
     */
    static boolean isExtended(String resource) {
        int slash = resource.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String domain = resource.substring(0, slash);
        return !domain.equals("kubernetes.io") && !domain.endsWith(".kubernetes.io") && !resource.startsWith("requests.");
    }
}
