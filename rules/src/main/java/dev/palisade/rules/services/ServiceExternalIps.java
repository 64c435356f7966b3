package dev.palisade.rules.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "service-external-ips", severity = Severity.WARNING, category = "services",
        summary = "A Service with spec.externalIPs: every node then captures traffic to those addresses, which "
                + "lets whoever can create Services intercept traffic to any IP (CVE-2020-8554), and nothing "
                + "checks that the addresses route to the nodes.",
        remediation = "Use a LoadBalancer Service or an Ingress/Gateway; if external IPs are really needed, "
                + "restrict them with the DenyServiceExternalIPs admission plugin or a policy allow-list.")
public final class ServiceExternalIps implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if (!ServiceSpecs.isService(ctx.object())) {
            return;
        }
        JsonNode ips = ServiceSpecs.spec(ctx.object()).path("externalIPs");
        if (ips.isArray() && !ips.isEmpty()) {
            ctx.report("spec.externalIPs", "Service " + ctx.object().name() + " sets externalIPs " + ips
                    + "; nodes capture traffic to these addresses (CVE-2020-8554); use a LoadBalancer or an "
                    + "Ingress instead");
        }
    }
}
