package dev.palisade.rules.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "service-nodeport-not-allowed", severity = Severity.ERROR, category = "services",
        summary = "A nodePort on a ClusterIP Service (type omitted counts), or a healthCheckNodePort on a "
                + "Service that is not a LoadBalancer; the API server rejects it ('may not be used when type is "
                + "ClusterIP'), often after a type was changed back from NodePort.",
        remediation = "Remove the nodePort fields, or set type: NodePort (or LoadBalancer) if the Service "
                + "should be reachable on node ports.")
public final class ServiceNodePortNotAllowed implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if (!ServiceSpecs.isService(ctx.object())) {
            return;
        }
        String type = ServiceSpecs.type(ctx.object()).orElse("");
        if (type.equals(ServiceSpecs.CLUSTER_IP)) {
            for (ServiceSpecs.Port port : ServiceSpecs.ports(ctx.object())) {
                port.nodePort().ifPresent(p -> ctx.report(port.fieldPath("nodePort"), "nodePort " + p
                        + " may not be used on a ClusterIP Service; remove it or set type: NodePort"));
            }
        }
        JsonNode health = ServiceSpecs.spec(ctx.object()).path("healthCheckNodePort");
        if (!type.isEmpty() && !type.equals(ServiceSpecs.LOAD_BALANCER)
                && health.isIntegralNumber() && health.asInt() != 0) {
            ctx.report("spec.healthCheckNodePort", "healthCheckNodePort may only be set on a LoadBalancer Service "
                    + "(with externalTrafficPolicy: Local); remove it");
        }
    }
}
