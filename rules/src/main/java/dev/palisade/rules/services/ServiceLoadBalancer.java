package dev.palisade.rules.services;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "service-loadbalancer", severity = Severity.INFO, category = "services",
        summary = "A LoadBalancer Service: each one provisions its own cloud load balancer (a cost, and a "
                + "public address unless the provider's internal annotation is set).",
        remediation = "Check that the Service should be reachable from outside the cluster; several HTTP "
                + "Services can share one Ingress or Gateway instead.")
public final class ServiceLoadBalancer implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if (ServiceSpecs.isService(ctx.object())
                && ServiceSpecs.type(ctx.object()).filter(ServiceSpecs.LOAD_BALANCER::equals).isPresent()) {
            ctx.report("spec.type", "Service " + ctx.object().name() + " provisions a cloud load balancer; make sure "
                    + "it should be reachable from outside the cluster (HTTP Services can share an Ingress)");
        }
    }
}
