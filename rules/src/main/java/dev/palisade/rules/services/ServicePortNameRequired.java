package dev.palisade.rules.services;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(id = "service-port-name-required", severity = Severity.ERROR, category = "services",
        summary = "A Service with several ports where a port has no name, or two ports share a name; the API "
                + "server rejects it (names tell the ports apart in Endpoints and in targetPort references).",
        remediation = "Give every port a unique DNS-label name such as http, https, metrics, grpc.")
public final class ServicePortNameRequired implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if (!ServiceSpecs.isService(ctx.object())) {
            return;
        }
        List<ServiceSpecs.Port> ports = ServiceSpecs.ports(ctx.object());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ports.size(); i++) {
            ServiceSpecs.Port port = ports.get(i);
            String name = port.name();
            if (name.isEmpty()) {
                if (ports.size() > 1) {
                    ctx.report(port.node().has("name") ? port.fieldPath("name") : port.path(),
                            "port " + describe(port) + " has no name, which a Service with " + ports.size()
                                    + " ports requires; name it (e.g. http, metrics)");
                }
                continue;
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                ctx.report(port.fieldPath("name"), "port name '" + name + "' is already used by ports[" + first
                        + "]; port names must be unique");
            }
        }
    }

    private static String describe(ServiceSpecs.Port port) {
        return port.node().path("port").isValueNode() ? port.node().path("port").asText() : port.path();
    }
}
