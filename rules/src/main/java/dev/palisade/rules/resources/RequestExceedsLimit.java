package dev.palisade.rules.resources;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Quantity;
import dev.palisade.model.Severity;
import java.util.Optional;

@RuleInfo(id = "resources-request-exceeds-limit", severity = Severity.ERROR, category = "resources",
        summary = "A container requests more of a resource than its limit allows (compared as quantities: "
                + "500m < 1, 1Gi > 1G); the API server rejects the pod.",
        remediation = "Lower the request or raise the limit so that request <= limit.")
public final class RequestExceedsLimit implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        LimitRangeDefaults defaults = null;
        for (ContainerResources c : ContainerResources.of(ctx.object())) {
            for (String r : c.resourceNames()) {
                Optional<Quantity> request = c.request(r);
                if (request.isEmpty()) {
                    continue; // absent: defaults to the limit; unreadable: resources-quantity-invalid
                }
                Optional<Quantity> limit = c.limit(r);
                if (limit.isPresent()) {
                    if (request.get().compareTo(limit.get()) > 0) {
                        ctx.report(c.requestPath(r), c.describe() + " requests " + r + " " + request.get().text()
                                + ", more than its limit " + limit.get().text() + "; lower the request or raise the limit");
                    }
                    continue;
                }
                if (c.hasLimit(r)) {
                    continue; // an unreadable limit is reported by resources-quantity-invalid
                }
                if (defaults == null) {
                    defaults = LimitRangeDefaults.of(ctx);
                }
                defaults.limit(r).filter(d -> request.get().compareTo(d.quantity()) > 0).ifPresent(d ->
                        ctx.report(c.requestPath(r), c.describe() + " requests " + r + " " + request.get().text()
                                + ", more than the default limit " + d.quantity().text() + " that " + d.limitRange()
                                + " gives it; set resources.limits." + r));
            }
        }
    }
}
