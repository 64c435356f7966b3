package dev.palisade.rules.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "service-nodeport-range", severity = Severity.ERROR, category = "services",
        summary = "A nodePort (or healthCheckNodePort) outside the cluster's node-port range (by default "
                + "30000-32767); the API server rejects the Service.",
        remediation = "Pick a port inside the range, or leave nodePort out and let the cluster allocate one.",
        params = {
                @RuleInfo.Param(name = "min", type = RuleInfo.ParamType.INT, defaultValue = "30000",
                        description = "Lowest node port (the API server's --service-node-port-range)."),
                @RuleInfo.Param(name = "max", type = RuleInfo.ParamType.INT, defaultValue = "32767",
                        description = "Highest node port, inclusive.")})
public final class ServiceNodePortRange implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if (!ServiceSpecs.isService(ctx.object())) {
            return;
        }
        String type = ServiceSpecs.type(ctx.object()).orElse("");
        if (!type.equals(ServiceSpecs.NODE_PORT) && !type.equals(ServiceSpecs.LOAD_BALANCER)) {
            return; // elsewhere a nodePort is not allowed at all: service-nodeport-not-allowed
        }
        long min = ctx.params().integer("min");
        long max = ctx.params().integer("max");
        for (ServiceSpecs.Port port : ServiceSpecs.ports(ctx.object())) {
            port.nodePort().filter(p -> p < min || p > max).ifPresent(p ->
                    ctx.report(port.fieldPath("nodePort"), outside("nodePort", p, min, max)));
        }
        JsonNode health = ServiceSpecs.spec(ctx.object()).path("healthCheckNodePort");
        if (type.equals(ServiceSpecs.LOAD_BALANCER) && health.isIntegralNumber() && health.asInt() != 0
                && (health.asInt() < min || health.asInt() > max)) {
            ctx.report("spec.healthCheckNodePort", outside("healthCheckNodePort", health.asInt(), min, max));
        }
    }

    private static String outside(String field, long port, long min, long max) {
        return field + " " + port + " is outside the node-port range " + min + "-" + max
                + "; pick a port inside it or omit the field to have one allocated";
    }
}
