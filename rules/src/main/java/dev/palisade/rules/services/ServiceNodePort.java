package dev.palisade.rules.services;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;
import java.util.List;

@RuleInfo(id = "service-nodeport", severity = Severity.WARNING, category = "services",
        summary = "A Service of a type the policy does not allow; by default NodePort, which opens the port on "
                + "every node's address, bypasses the load balancer and ties clients to node IPs.",
        remediation = "Expose the Service through an Ingress or Gateway (type ClusterIP), or a LoadBalancer; "
                + "or add the type to this rule's allowedTypes if your platform relies on it.",
        params = @RuleInfo.Param(name = "allowedTypes", type = RuleInfo.ParamType.STRING_LIST,
                defaultValue = "ClusterIP,LoadBalancer,ExternalName",
                description = "Service types that need no justification."))
public final class ServiceNodePort implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if (!ServiceSpecs.isService(ctx.object())) {
            return;
        }
        List<String> allowed = ctx.params().list("allowedTypes");
        ServiceSpecs.type(ctx.object()).filter(type -> !allowed.contains(type)).ifPresent(type ->
                ctx.report("spec.type", ServiceSpecs.NODE_PORT.equals(type)
                        ? "NodePort Service " + ctx.object().name() + " opens its ports on every node; expose it "
                                + "with an Ingress/Gateway or a LoadBalancer instead"
                        : "Service type " + type + " is not among the allowed types " + allowed));
    }
}
